"""Who said what: direct and reported quotes, their speakers, and who reprinted whom.

:func:`extract_quotes` reads every article's text and parse and returns
:class:`~newsdossier.model.Quote` objects:

* direct quotes in straight or typographic marks, including quotes that run across
  paragraphs (flag ``continued``) and quotes whose marks never close (bounded by the
  paragraph, flag ``unbalanced``); scare quotes, titles and single words in marks are left out;
* reported speech (``X said that ...``, ``..., X said``, ``according to X, ...``) as quotes of
  kind ``indirect``;
* a speaker for each quote, found next to the quote, through a pronoun, from the paragraph a
  quote-only paragraph continues, or from a block introduced by a line ending in a colon,
  linked to a resolved entity when one is given;
* reprint chains: the same quote in several articles is returned once, in the article that
  printed it first, with the other appearances as :class:`~newsdossier.model.Reprint`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from ...errors import NewsdossierError
from ...lang.en import DOCUMENT_NOUNS, PUBLISHED_WORK_NOUNS, SILENT_DOCUMENT_NOUNS, SPEAKER_HEAD_STOPS
from ...model import Article, Entity, EntityKind, Quote, QuoteKind, Speaker, SpeakerLink
from ..layout import dateline_end
from .attribution import Record, direct_records, indirect_records
from .config import QuotesConfig, QuotesConfigError
from .lexicon import COGNITION_VERBS, EVIDENCE_VERBS, NAMING_VERBS, SPEECH_VERBS
from .marks import Marked, find_marked, paragraphs, term_kind, words
from .narration import (
    cited_words,
    drop_captions,
    drop_evidence,
    drop_headlines,
    drop_nested_beliefs,
    drop_questions,
    drop_reports_of_reports,
    drop_rule_texts,
    label_line,
    take_subject_that,
    trim_conjoined_report,
    trim_dateline,
    trim_tail_attribution,
)
from .phrases import Phrase, make_phrase
from .provenance import Appearance, chain, same_quote
from .resolve import credit, resolve
from .transcript import apply as apply_transcript

__all__ = ["EntityIndex", "ParseMismatchError", "QuotesConfig", "QuotesConfigError", "article_quotes",
           "extract_quotes", "link_entity", "same_quote"]


class ParseMismatchError(NewsdossierError, ValueError):
    """The spaCy parse given for an article is missing or was made from another text."""


def _quote_id(article: Article, start: int, end: int, kind: str) -> str:
    digest = hashlib.sha1(f"{article.id}:{start}:{end}:{kind}".encode()).hexdigest()
    return "q-" + digest[:12]


def _norm(name: str) -> str:
    return re.sub(r"[^\w\s]", "", name.replace("’", "'").split("'")[0] if name.endswith(("'s", "’s")) else name).lower().strip()


class EntityIndex:
    """Resolved entities indexed by article mention, full name and last word of name."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.mentions: dict[str, list[tuple[int, int, Entity]]] = {}
        self.names: dict[str, str] = {}
        self.last: dict[str, set[str]] = {}
        self.people: set[str] = {ent.id for ent in entities if ent.kind == EntityKind.PERSON}
        for ent in entities:
            for m in ent.mentions:
                self.mentions.setdefault(m.article, []).append((m.start, m.end, ent))
            for n in (ent.name, *ent.aliases):
                key = _norm(n)
                if key:
                    self.names.setdefault(key, ent.id)
                    self.last.setdefault(key.split()[-1], set()).add(ent.id)

    def link(self, article_id: str, phrase: Phrase) -> str | None:
        """Return the id of the entity a speaker phrase names, or ``None`` when none fits.

        An entity fits when one of its mentions overlaps the end of the phrase's name; else when its
        name or an alias equals the speaker's name; else when the speaker's last word is the
        last word of the names and aliases of exactly one entity.
        """
        best: Entity | None = None
        for start, end, ent in self.mentions.get(article_id, ()):
            # the mention must hold the end of the name, where an English noun phrase has its
            # head: "Iraqi officials" are not the group "Iraqi"
            if start < phrase.name_end and phrase.name_start < end and end >= phrase.name_end - 2:
                if best is None or (_is_person(ent) and not _is_person(best)):
                    best = ent
        if best is not None:
            return best.id
        name = _norm(phrase.name)
        if not name:
            return None
        if name in self.names:
            return self.names[name]
        if not phrase.name[:1].isupper():
            return None
        hits = self.last.get(name.split()[-1], set())
        return next(iter(hits)) if len(hits) == 1 else None


    def person(self, name: str) -> str | None:
        """Return the id of the one person named ``name`` (full name or alias, else last word).

        A transcript's label ("MARTIN:") is linked this way, never through the entity tagged on
        the label itself, which the tagger often takes for an organisation.
        """
        key = _norm(name)
        if not key:
            return None
        if self.names.get(key) in self.people:
            return self.names[key]
        hits = self.last.get(key.split()[-1], set()) & self.people
        return next(iter(hits)) if len(hits) == 1 else None


def _is_person(ent: Entity) -> bool:
    return ent.kind == EntityKind.PERSON


def link_entity(article_id: str, phrase: Phrase, entities: Sequence[Entity]) -> str | None:
    """Return the id of the entity a speaker phrase names (see :meth:`EntityIndex.link`)."""
    return EntityIndex(entities).link(article_id, phrase)


_PHRASE_WORD = re.compile(r"[a-z]+")


def is_document(name: str) -> bool:
    """Whether a speaker phrase names a document ("emails seen by X", "its own report from
    March", "a video of his remarks"): a document is cited, it does not speak."""
    return _headed_by(name, SILENT_DOCUMENT_NOUNS)


def _headed_by(name: str, nouns: frozenset[str]) -> bool:
    head = ""
    for word in _PHRASE_WORD.findall(name.lower()):
        if word in SPEAKER_HEAD_STOPS:
            break
        head = word
    return head in nouns or (head.endswith("s") and head[:-1] in nouns)


def _speaker(article: Article, rec: Record, entities: EntityIndex, config: QuotesConfig) -> Speaker | None:
    target = rec.speaker if rec.speaker is not None else rec.phrase
    if target is None:
        return None
    if is_document(target.name):
        local = rec.phrase if rec.phrase is not None else target
        return Speaker(name=target.name, span=article.span(local.name_start, local.name_end), entity=None,
                       role=None, confidence=0.2, link=str(SpeakerLink.UNRESOLVED))
    # the span points at the words next to the quote (a pronoun stays a pronoun); the name and
    # entity come from the resolved speaker
    local = rec.phrase if rec.phrase is not None else target
    span = article.span(local.name_start, local.name_end)
    link = rec.link or (SpeakerLink.NAMED if rec.speaker is not None else SpeakerLink.UNRESOLVED)
    if rec.how == "transcript":
        entity = entities.person(target.name)
    else:
        entity = entities.link(article.id, target) if rec.speaker is not None and link != SpeakerLink.UNRESOLVED else None
    role = target.role or (local.role if local is not target else None)
    conf = rec.speaker_conf if rec.speaker_conf > 0 else 0.5
    if entity is not None and link != SpeakerLink.UNRESOLVED:
        conf = min(1.0, conf + 0.05)
    if _headed_by(target.name, DOCUMENT_NOUNS | PUBLISHED_WORK_NOUNS):
        # "the statement said", "a new study suggests": the document stands in for whoever issued
        # it, whom the reader should be shown; in the hand-labelled set such speakers were right
        # about half the time, so the link is marked uncertain
        conf = min(conf, config.document_speaker_confidence)
    return Speaker(name=target.name, span=span, entity=entity, role=role, confidence=round(conf, 3), link=str(link))


# how sure a quote is real and whole, by how its attribution was found
_DIRECT_BASE = {"transcript": 0.9, "dep": 0.9, "frame": 0.9, "dash": 0.85, "according": 0.85, "partial": 0.6, "inside": 0.75,
                "paragraph": 0.8, "continues": 0.8, "intro": 0.8, "passive": 0.75, "": 0.45}
_INDIRECT_BASE = {"dep": 0.75, "parenthetical": 0.7, "according": 0.8, "model": 0.65}


def _confidence(doc: Doc, text: str, rec: Record, config: QuotesConfig) -> float:
    """How sure the extractor is that a record is a real, whole quote (0-1)."""
    content = text[rec.start : rec.end]
    n_words = len(words(content))
    if rec.kind == "direct":
        conf = _DIRECT_BASE.get(rec.how, 0.7)
        if "unbalanced" in rec.flags:
            conf -= 0.25
        if "continued" in rec.flags:
            conf -= 0.05
        if n_words <= 4:
            conf -= 0.1
    else:
        conf = _INDIRECT_BASE.get(rec.how, 0.65)
        cue_tok = doc.char_span(rec.cue[0], rec.cue[1], alignment_mode="expand") if rec.cue else None
        lemma = cue_tok[0].lemma_.lower() if cue_tok is not None and len(cue_tok) else ""
        if lemma in COGNITION_VERBS:
            conf -= 0.15
        if lemma in BELIEF_VERBS:
            # "she thought she might have ...", "they believed ...": a belief the writer reports,
            # as often narration as someone's words (labelled right 2 of 4 times)
            conf = min(conf, config.belief_cue_confidence)
        if rec.cue is not None and rec.start < rec.cue[0] < rec.end:
            # "X, officials said, did Y": the attribution sits inside the span, which is then never
            # the words alone (the hand labels count it as not whole)
            conf = min(conf, config.inside_attribution_confidence)
        if n_words > 60:
            conf -= 0.1
        if sum(content.count(m) for m in '"“”') % 2:
            conf -= 0.15  # a quotation mark left open inside: the span cuts a quote
    if rec.link == SpeakerLink.UNRESOLVED or rec.speaker is None:
        conf -= 0.05
    return round(min(max(conf, 0.05), 1.0), 3)


# belief verbs: the cognition cues that are not findings ("think", "fear"; not "show", "find")
BELIEF_VERBS = COGNITION_VERBS - EVIDENCE_VERBS

_NOT_SPEAKERS = frozenset({"DATE", "TIME", "LOC", "FAC", "WORK_OF_ART", "EVENT", "CARDINAL", "ORDINAL",
                           "QUANTITY", "MONEY", "PERCENT", "PRODUCT", "LANGUAGE"})


def _not_a_speaker(doc: Doc, rec: Record) -> bool:
    """A place, a date, a work or a number given as the speaker, or a clause fragment
    ("while all the time telling his supporters that ...": the parse's subject of a participle)."""
    ph = rec.phrase
    if ph is None or ph.kind == "person":
        return False
    span = doc.char_span(ph.name_start, ph.name_end, alignment_mode="expand")
    if span is not None and len(span) > 0 and span[0].pos_ == "SCONJ":
        return True
    return span is not None and len(span) > 0 and span.root.ent_type_ in _NOT_SPEAKERS


# an item label right before a mark: "(1) '", "(b) '", "2) '"
_LIST_LABEL = re.compile(r"(?:\(\s*(?:\d{1,2}|[a-hA-H])\s*\)|(?<![\w.])\d{1,2}\))\s*$")


def _after_dateline(doc: Doc, rec: Record, opening: int, blocked: list[tuple[int, int]]) -> Phrase | None:
    """The speaker of a cue that a wire dateline's place was taken for ("UNITED NATIONS (Reuters) -
    The State Department said ..."): the noun right before the cue after the dateline, else none
    (a dateline names where the story was filed, never who spoke)."""
    if rec.cue is None or rec.cue[0] <= opening:
        return None
    cue = doc.char_span(rec.cue[0], rec.cue[1], alignment_mode="expand")
    if cue is None or not len(cue) or cue[0].i == 0:
        return None
    prev = doc[cue[0].i - 1]
    if prev.idx < opening or prev.pos_ not in ("PROPN", "NOUN"):
        return None
    return make_phrase(prev, blocked)


def _as_term(doc: Doc, open_at: int) -> bool:
    """Whether a short phrase in marks follows "as" after a verb that is not one of speech
    ("posing as", "known as", "served as"): a name for a role or a thing. After a speech verb
    ("described it as") it is the words of whoever described it."""
    before = doc.char_span(max(0, open_at - 30), open_at, alignment_mode="contract")
    toks = [t for t in before if not t.is_punct and not t.is_space] if before is not None else []
    if not toks or toks[-1].lower_ != "as":
        return False
    head = toks[-1].head
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in SPEECH_VERBS


_NAMING_ONLY = NAMING_VERBS - {"describe"}


def _named_thing(doc: Doc, open_at: int) -> bool:
    """Whether the marks open the name a naming verb gives to a relative or free-relative
    pronoun ('declared what it called a "state of emergency"', 'awards, which it dubs "the
    Oscars of ..."'): the words in marks name the thing; they are not a quote of the namer, who
    is given no words of their own. "called this "only the beginning"" (an object of its own) is
    left as a quote."""
    before = doc.char_span(max(0, open_at - 40), open_at, alignment_mode="contract")
    toks = [t for t in before if not t.is_space] if before is not None else []
    while toks and toks[-1].pos_ in ("DET", "PUNCT"):
        toks.pop()
    if not toks:
        return False
    verb = toks[-1]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _NAMING_ONLY:
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WP", "WDT") and c.i < verb.i for c in verb.children)


def _inside_reported(direct: list[Record], indirect: list[Record]) -> None:
    """A partial quote inside reported speech is the words of that speech's source ("GMA is
    claiming Cosby is responding for "the very first time"" is GMA's phrase, not Cosby's)."""
    for rec in direct:
        q = rec.quote
        if q is None or rec.how not in ("partial", ""):
            continue
        for ind in indirect:
            if ind.start <= q.open < ind.end and ind.phrase is not None:
                rec.phrase, rec.cue, rec.how = ind.phrase, ind.cue, "inside"
                break


def _fit_to_marks(doc: Doc, text: str, direct: list[Record], indirect: list[Record], marked: list[Marked]) -> None:
    """Reported speech never cuts a quote in marks, nor swallows that quote's own attribution.

    A reported clause that ends inside a quote ("Ohr's decision is "revolutionary for college
    sports", said McCormick") is extended to the closing mark; one that runs on through the
    attribution of a quote it holds ("... more important than academics, saying, "You fulfill
    ..."") stops before that attribution, and the quote, introduced by a participle of the
    reported clause, takes the reported speech's source (the parse gives the participle the
    clause's own subject, "players' performance").
    """
    cues = [r for r in direct if r.cue is not None and r.quote is not None]
    for ind in indirect:
        for rec in cues:
            assert rec.cue is not None and rec.quote is not None
            if not ind.start <= rec.cue[0] < rec.quote.open <= ind.end:
                continue
            cue = doc.char_span(rec.cue[0], rec.cue[1], alignment_mode="expand")
            if cue is None or not len(cue) or cue[0].tag_ != "VBG" or len(words(text[ind.start : rec.cue[0]])) < 3:
                ind.phrase = None  # "Asked how ..., he said, "..."": the quote's own clause, no reported speech
                break
            if ind.phrase is not None:
                rec.phrase, rec.how = ind.phrase, "inside"
            end = rec.cue[0]
            while end > ind.start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
                end -= 1
            ind.end = end
        for q in marked:
            if ind.start <= q.open < ind.end < q.after:
                ind.end = q.after


def article_quotes(
    article: Article, doc: Doc, entities: Sequence[Entity] | EntityIndex = (),
    config: QuotesConfig | None = None,
) -> list[tuple[Quote, str | None, str]]:
    """Return the quotes of one article with, for each, its credit and credit evidence.

    Args:
        article: the article.
        doc: its spaCy parse.
        entities: resolved entities (or an :class:`EntityIndex` of them) to link speakers to.
        config: thresholds (see :class:`QuotesConfig`); the defaults when ``None``.

    Returns:
        ``(quote, credit, evidence)`` triples in text order: ``credit`` is how the article
        attributes the quote (its block's intro line, else the attribution words) and
        ``evidence`` the text searched for outlet names when choosing a reprint chain's origin.

    Raises:
        ParseMismatchError: if ``doc`` was not parsed from ``article.text``.
    """
    index = entities if isinstance(entities, EntityIndex) else EntityIndex(entities)
    text = article.text
    if doc.text != text:
        raise ParseMismatchError(f"the parse given for article {article.id} is of a different text")
    config = config or QuotesConfig()
    paras = paragraphs(text)
    marked: list[Marked] = find_marked(text, paras)
    records = direct_records(doc, text, marked, paras)
    kept: list[Record] = []
    for rec in records:
        q = rec.quote
        if q is None or (rec.how == "hypothetical" and config.drop_hypothetical):
            continue
        kind = term_kind(text, q)
        uttered = text[q.start : q.end][-1:] in ",.!?…" and rec.how in ("frame", "dash", "dep")
        if uttered and rec.cue is not None:
            cue_tok = doc.char_span(rec.cue[0], rec.cue[1], alignment_mode="expand")
            if cue_tok is not None and len(cue_tok) and cue_tok[0].lemma_.lower() in NAMING_VERBS:
                uttered = False  # "calling that experience "phygital."": a name, not words said
        if kind is not None and not (kind == "word" and uttered):
            continue
        if kind == "word" and _as_term(doc, q.open):
            continue  # "posing as "consulate officers,"": a role named, not words said
        if _named_thing(doc, q.open):
            continue  # "declared what it called a "state of emergency"": a name for a thing, not words said
        if _LIST_LABEL.search(text, max(0, q.open - 8), q.open) and rec.how not in ("dep", "frame", "dash"):
            continue  # "Response options included: (1) '...'; (2) '...'": items of a list, not words said
        if label_line(doc, text, paras, rec):
            continue  # a line that labels a category or an item, not words said
        if len(words(text[q.start : q.end])) <= 4 and rec.how not in ("dep", "frame", "dash", "according"):
            continue  # a short phrase in marks with no attribution beside it: a term
        kept.append(rec)
    quote_ranges = [(q.open, q.after) for q in marked]
    indirect = [r for r in indirect_records(doc, text, marked, paras, config)
                if not any(a <= r.start < b and a < r.end <= b for a, b in quote_ranges)]
    kept, indirect = drop_headlines(text, paras, kept), drop_headlines(text, paras, indirect)
    _inside_reported(kept, indirect)
    _fit_to_marks(doc, text, kept, indirect, marked)
    kept, indirect = apply_transcript(text, paras, kept, indirect)
    indirect = [r for r in indirect if r.phrase is not None]
    opening = dateline_end(text[:200])
    for rec in kept + indirect:
        if opening and rec.phrase is not None and rec.phrase.start < opening:
            rec.phrase = _after_dateline(doc, rec, opening, quote_ranges)
        if _not_a_speaker(doc, rec):
            rec.phrase = None  # "a veteran operative in Kentucky": a place is never the speaker
    indirect = [r for r in indirect if r.phrase is not None]
    indirect = drop_nested_beliefs(doc, drop_questions(doc, indirect))
    trim_dateline(text, indirect)
    trim_tail_attribution(doc, text, indirect)
    trim_conjoined_report(doc, indirect)
    take_subject_that(doc, text, indirect)
    indirect = drop_reports_of_reports(doc, text, drop_captions(text, indirect))
    indirect = drop_rule_texts(doc, drop_evidence(doc, indirect, is_document))
    cited_words(doc, text, kept, quote_ranges)
    all_recs = kept + indirect
    block_of = resolve(doc, text, paras, marked, all_recs, config)
    # reported speech whose only source is an unresolvable "it" is narration ("it felt as though")
    all_recs = [r for r in all_recs if not (r.kind == "indirect" and r.link == SpeakerLink.UNRESOLVED
                                            and r.phrase is not None and r.phrase.name.lower() == "it")]
    out: list[tuple[Quote, str | None, str]] = []
    for rec in sorted(all_recs, key=lambda r: (r.start, r.kind)):
        span = article.span(rec.start, rec.end)
        cue = article.span(*rec.cue) if rec.cue is not None else None
        quote = Quote(
            id=_quote_id(article, rec.start, rec.end, rec.kind),
            kind=QuoteKind(rec.kind),
            span=span,
            speaker=_speaker(article, rec, index, config),
            cue=cue,
            flags=tuple(rec.flags),
            confidence=_confidence(doc, text, rec, config),
        )
        block = block_of.get(rec.para)
        cred = credit(text, rec, block)
        para = paras[rec.para] if rec.para < len(paras) else None
        evidence = " ".join(
            x for x in (cred or "", text[para.start : para.end] if para else "", text[:200]) if x
        )
        if block is not None:
            evidence += " " + block.credit
        out.append((quote, cred, evidence))
    return out


def extract_quotes(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    entities: Sequence[Entity] = (),
    *,
    config: QuotesConfig | None = None,
) -> list[Quote]:
    """Find the quotes of all articles, their speakers and their reprint chains.

    Args:
        articles: the articles, in input order (the order breaks ties in provenance).
        docs: the spaCy parse of each article by article id (see :func:`newsdossier.nlp.parse`).
        entities: resolved entities; speakers are linked to them when they fit.
        config: thresholds (see :class:`QuotesConfig`); the defaults when ``None``.

    Returns:
        Direct and indirect quotes in article order, then text order. A quote printed in several
        articles appears once, in the article that printed it first (earliest ``published``;
        else the one the others credit; else ``origin`` is ``None`` and the first article in
        input order keeps it), with the other appearances in ``reprints``.

    Raises:
        ParseMismatchError: if an article has no parse in ``docs`` or its parse is of another text.
    """
    index = EntityIndex(entities)
    apps: list[Appearance] = []
    for order, article in enumerate(articles):
        doc = docs.get(article.id)
        if doc is None:
            raise ParseMismatchError(f"no parse given for article {article.id} ({article.label})")
        for quote, cred, evidence in article_quotes(article, doc, index, config):
            apps.append(Appearance(quote, article, order, cred, evidence))
    return chain(apps)


# --------------------------------------------------------------------------- registration

from ...registry import Inputs, Produced, Split, analysis  # noqa: E402


def _map_quotes(inputs: Inputs, config: QuotesConfig) -> list[tuple[str, list[tuple[Quote, str | None, str]]]]:
    """Each article's quotes with their credits (chunks of articles are read apart)."""
    index = EntityIndex(inputs.dossier.entities)
    out = []
    for article in inputs.articles:
        doc = inputs.docs.get(article.id)
        if doc is None:
            raise ParseMismatchError(f"no parse given for article {article.id} ({article.label})")
        out.append((article.id, article_quotes(article, doc, index, config)))
    return out


def _reduce_quotes(inputs: Inputs, parts: list[tuple[str, list[tuple[Quote, str | None, str]]]],
                   config: QuotesConfig) -> Produced:
    """The reprint chains of every article's quotes, as :func:`extract_quotes` makes them."""
    order = {a.id: (i, a) for i, a in enumerate(inputs.articles)}
    apps = [Appearance(quote, order[aid][1], order[aid][0], cred, evidence)
            for aid, found in parts for quote, cred, evidence in found]
    return {"quotes": tuple(q for q in chain(apps) if q.trust >= config.min_confidence)}


@analysis("quotes", requires=("articles", "entities"), produces=("quotes",), config=QuotesConfig,
          split=Split(_map_quotes, _reduce_quotes))
def quotes_component(inputs: Inputs, config: QuotesConfig) -> Produced:
    """Direct and reported quotes with their speakers and reprint chains."""
    quotes = extract_quotes(inputs.articles, inputs.docs, inputs.dossier.entities, config=config)
    return {"quotes": tuple(q for q in quotes if q.trust >= config.min_confidence)}
