"""Hand-built dossiers with every section filled, from fictional articles (no real text)."""

from __future__ import annotations

from newsdossier.analysis.agreement import agreement
from newsdossier.model import (
    Article,
    Claim,
    Disagreement,
    Dossier,
    Entity,
    Fact,
    Holder,
    Mention,
    Merge,
    Quote,
    Rejected,
    Removal,
    Reprint,
    Reuse,
    Side,
    Span,
    Speaker,
    SummarySentence,
    TimelineEvent,
)

TEXT_1 = (
    "Harbour officials in Velmora closed the east quay on Tuesday after a crane collapsed.\n\n"
    "\"The quay will stay shut until the inspectors finish,\" said Ilsa Brandvik, the port director. "
    "She said 40 workers were sent home.\n\n"
    "The Velmora Port Authority called the closure a success for safety."
)
TEXT_2 = (
    "The east quay in Velmora was closed on Tuesday, two days after a crane collapsed.\n\n"
    "\"The quay will stay shut until the inspectors finish,\" the port director Ilsa Brandvik told reporters. "
    "Around 60 workers lost a shift.\n\n"
    "Critics called the closure a failure of planning by the Velmora Port Authority."
)
TEXT_3 = (
    "Velmora's port director, I. Brandvik, said the quay will stay shut until the inspectors finish. "
    "The closure was a sensible step, the dockers' union said last week.\n\n"
    "Some 40 workers were affected."
)


def sp(article: Article, needle: str, nth: int = 0) -> Span:
    """Return the span of the ``nth`` occurrence of ``needle`` in the article."""
    pos = -1
    for _ in range(nth + 1):
        pos = article.text.index(needle, pos + 1)
    return article.span(pos, pos + len(needle))


def full_dossier(text1: str = TEXT_1, meta1: dict | None = None, extra_name: str = "") -> Dossier:
    """Return a dossier with every section filled (the first article may be replaced)."""
    meta1 = meta1 or {}
    a1 = Article.create(text1, "upload/one.txt", outlet=meta1.get("outlet", "Harbour Courier"),
                        published=meta1.get("published", "2031-05-14"), title=meta1.get("title", "Quay closed"),
                        author=meta1.get("author"), url=meta1.get("url", "https://courier.example/quay"),
                        removed=(Removal(0, 12, meta1.get("removed", "Share this »"), "link with an arrow", 0),))
    a2 = Article.create(TEXT_2, "upload/two.md", outlet="Valley Post", published="2031-05-15")
    a3 = Article.create(TEXT_3, "upload/three.txt", title="Dock notes")
    arts = (a1, a2, a3)
    sentences = []
    for a in arts:
        start = 0
        for para in a.text.split("\n\n"):
            i = a.text.index(para, start)
            sentences.append(a.span(i, i + len(para)))
            start = i + len(para)
    quote_1 = sp(a1, "\"The quay will stay shut until the inspectors finish,\"")
    quote_2 = sp(a2, "\"The quay will stay shut until the inspectors finish,\"")
    quote_3 = sp(a3, "the quay will stay shut until the inspectors finish")
    person = Entity(
        id="E1", name="Ilsa Brandvik" + extra_name, kind="PERSON",
        aliases=("Ilsa Brandvik", "I. Brandvik" + extra_name),
        mentions=(sp(a1, "Ilsa Brandvik"), sp(a2, "Ilsa Brandvik"), sp(a3, "I. Brandvik")),
        roles=(sp(a1, "the port director"), sp(a2, "the port director")),
        merges=(Merge("initial", "I. matches Ilsa" + extra_name),), salience=0.9, related=("E2",),
    )
    port = Entity(id="E2", name="Velmora Port Authority", kind="ORG",
                  aliases=("Velmora Port Authority",),
                  mentions=(sp(a1, "Velmora Port Authority"), sp(a2, "Velmora Port Authority")), salience=0.5)
    quote = Quote(
        id="Q1", kind="direct", span=quote_1,
        speaker=Speaker("Ilsa Brandvik" + extra_name, sp(a1, "Ilsa Brandvik"), "E1", "port director"),
        cue=sp(a1, "said"), origin=a1.id,
        reprints=(Reprint(quote_2, credit="told reporters" + extra_name), Reprint(quote_3)),
    )
    quote_b = Quote(id="Q2", kind="indirect", span=sp(a3, "The closure was a sensible step"),
                    speaker=Speaker("the dockers' union"), cue=sp(a3, "said", 1))
    quote_c = Quote(id="Q3", kind="indirect", span=sp(a1, "40 workers were sent home"))
    reuse = (
        Reuse(quote_1, quote_2, 1.0, "known", "published a day earlier", "quote"),
        Reuse(sp(a1, "closed the east quay on Tuesday"), sp(a2, "east quay in Velmora was closed on Tuesday"),
              0.62, "unknown", "", "prose"),
    )
    facts = (
        Fact("workers", "workers sent home", sp(a1, "40 workers"), value=40.0, conflict=True),
        Fact("workers", "workers sent home", sp(a2, "60 workers"), value=60.0, conflict=True),
        Fact("workers", "workers sent home", sp(a3, "40 workers"), value=40.0),
        Fact("days", "delay", sp(a2, "two days"), low=1.0, high=2.0),
    )
    claims = (
        Claim("E2", "positive", Holder("Harbour Courier"), sp(a1, "called the closure a success for safety"),
              question="closure"),
        Claim("E2", "negative", Holder("Critics", "quoted", sp(a2, "Critics")),
              sp(a2, "called the closure a failure of planning"), question="closure"),
        Claim("E2", "positive", Holder("the dockers' union", "quoted"), sp(a3, "The closure was a sensible step"),
              question="closure", hedged=True),
    )
    disagreements = (
        Disagreement("Was the closure right?" + extra_name, (
            Side("a success" + extra_name, ("Harbour Courier", "Dock notes"), ("Harbour Courier",),
                 (sp(a1, "a success for safety"), sp(a3, "a sensible step"))),
            Side("a failure", ("Valley Post",), ("Critics",), (sp(a2, "a failure of planning"),)),
        ), target="E2"),
        Disagreement("How many workers?", (
            Side("40", ("Harbour Courier", "Dock notes"), (), (sp(a1, "40 workers"), sp(a3, "40 workers"))),
            Side("60", ("Valley Post",), (), (sp(a2, "60 workers"),)),
        )),
    )
    timeline = (
        TimelineEvent("2031-05-13", True, "weekday before publication", sp(a1, "on Tuesday"), "quay closed"),
        TimelineEvent("2031-05-13", True, "weekday before publication", sp(a2, "on Tuesday"), "quay closed"),
        TimelineEvent("2031-05-11", True, "relative to the closure", sp(a2, "two days after"), "crane collapsed"),
        TimelineEvent(None, False, "no publication date", sp(a3, "last week")),
    )
    summary = (
        SummarySentence(a1.text[: a1.text.index(".") + 1], (sp(a1, a1.text[: a1.text.index(".") + 1]),
                        sp(a2, "The east quay in Velmora was closed on Tuesday")), 2, 2),
        SummarySentence("Around 60 workers lost a shift.", (sp(a2, "Around 60 workers lost a shift."),), 1),
    )
    mentions = (Mention(sp(a1, "Velmora"), "GPE"), Mention(sp(a1, "Ilsa Brandvik"), "PERSON"),
                Mention(sp(a2, "Velmora"), "GPE"))
    return Dossier(
        articles=arts, rejected=(Rejected("upload/empty.txt", "the file is empty" + extra_name),),
        sentences=tuple(sentences), mentions=mentions, entities=(person, port), quotes=(quote, quote_b, quote_c),
        reuse=reuse, facts=facts, claims=claims, disagreements=disagreements, timeline=timeline,
        summary=summary, agreement=tuple(agreement(arts, disagreements, claims)),
    )


# Strings that would run script if they reached the page unescaped. Each sets window.__xss.
PAYLOADS = (
    "<script>window.__xss=1</script>",
    "<img src=x onerror=\"window.__xss=2\">",
    "<a href=\"javascript:window.__xss=3\">click me</a>",
    "<svg onload=\"window.__xss=4\"></svg>",
    "</textarea></title></style><b onmouseover=\"window.__xss=5\">broken <i markup",
    "\"><iframe srcdoc=\"<script>parent.__xss=6</script>\"></iframe>",
)
HOSTILE_TEXT = (
    "A reporter in Velmora wrote this hostile note for a test of the page.\n\n"
    + "\n\n".join(PAYLOADS)
    + "\n\nThe Velmora Port Authority called the closure a success for safety. "
    "\"The quay will stay shut until the inspectors finish,\" said Ilsa Brandvik, the port director. "
    "She said 40 workers were sent home. It happened on Tuesday. The dockers' union said last week "
    "the closure was a failure. 60 workers closed the east quay on Tuesday."
)


def hostile_dossier() -> Dossier:
    """Return a full dossier whose first article's text, metadata and labels carry script payloads."""
    meta = {"outlet": PAYLOADS[0], "title": PAYLOADS[1], "author": PAYLOADS[4],
            "url": "javascript:window.__xss=7", "removed": PAYLOADS[3], "published": "2031-05-14"}
    return full_dossier(HOSTILE_TEXT, meta, extra_name=PAYLOADS[2])
