"""Sentences a reader would keep: the stand-alone rules added for bench/summary_readability.py.

Made-up sentences (fictional names and places); each rule has a case it must catch and a close
one it must leave alone.
"""

from __future__ import annotations

import numpy as np
import pytest

from newsdossier import nlp as nd_nlp
from newsdossier.analysis.summary import SummaryConfig, standalone_problem, summarize
from newsdossier.analysis.summary.candidates import Sent, candidates
from newsdossier.analysis.summary.select import _near
from newsdossier.model import Article

from .test_summary import BEACON, COURIER, HERALD


@pytest.mark.parametrize(
    "text, reason",
    [
        # a teaser cut off by its site
        ("Engineers in Port Lindell have found a new way to test the cables of old bridges ...", "truncated"),
        ("Engineers in Port Lindell have found a new way to test the cables of old bridges…", "truncated"),
        # a heading run into the sentence
        ("Quick Harbor Facts: The Corven Street bridge carried nine thousand vehicles a day.", "header"),
        ("Mayor Odile Brack said: the bridge will reopen before the winter storms arrive.", None),
        # newsroom process notes and a site talking to its reader
        ("The Herald left a message seeking comment from the regional transport office.", "boilerplate"),
        ("A spokesman for the ferry company did not immediately respond to a request for comment.", "boilerplate"),
        ("Thank you for supporting our campaign to rebuild the Corven Street bridge.", "boilerplate"),
        ("\u201cThank you for coming,\u201d the mayor told the crowd at the reopened harbor road.", None),
        # multi-word connectives that point back
        ("Either way, the ferry company will add three crossings on the morning route.", "dependent opening"),
        ("For example, the ferry company added three crossings on the morning route.", "dependent opening"),
        # the main clause's subject is a pronoun whose referent is in an earlier sentence
        ("Although the bridge reopened in June, she says the repairs are far from finished.", "dependent opening"),
        ("Although Mayor Brack reopened the bridge in June, she says the repairs are far from finished.", None),
        # a demonstrative pronoun as an argument of the main verb
        ("Residents of the harbor district never expected that, according to the evening paper.", "back reference"),
        ("There has been no independent confirmation of the inspection report or of this.", None),
        ("A spokeswoman for the transport office declined to comment on Thursday.", "boilerplate"),
        ("Lawyers for the ferry operator could not immediately be identified.", "boilerplate"),
        # the person the main verb acts on is named in an earlier sentence
        ("Officers arrived and eventually brought him to the harbor police station.", "dependent opening"),
        ("Officers found Tomas Hale and eventually brought him to the harbor police station.", None),
        ("As the mayor notes, that was written in 1962, when the bridge first opened.", "back reference"),
        ("The engineers described that as a failure of the regional inspection office.", "back reference"),
        ("The council stated that \"rusted cables\" were to blame for the collapse.", None),
        ("In fact, those with the longest commute were the first to use the new ferry.", None),
        # the main verb inside quotation marks and no speaker
        ("The ferry, \"carries nine thousand commuters across the inlet every day.\"", "unattributed quote"),
        # no finite verb: a scene fragment or a heading line
        ("Commuters waiting in the rain by the closed harbor road, hoping for a ferry.", "verbless"),
        ("The latest on the collapse of the Corven Street bridge in Port Lindell.", "verbless"),
        # a participle root with its own subject is a past tense the tagger missed
        ("The final plans cut by about a third the money set aside for the harbor road.", None),
        ("Mayor Odile Brack told reporters the bridge would reopen before the winter.", None),
        ("The ferry company announced three extra crossings on the morning route.", None),
        # a demonstrative after the main verb's preposition, or opening the sentence
        ("Don't look for that to change before the winter storms arrive.", "back reference"),
        ("The mayor spoke about this at length on Monday.", "back reference"),
        # a sentence that announces a list
        ("The following are the main news items in the harbor papers on Thursday.", "header"),
        ("Here are the main points of the ferry company's winter plan.", "header"),
        ("The following day, the council voted to close the harbor road.", None),
        # the writer speaking to the reader
        ("Don't expect the harbor road to reopen before the winter storms arrive.", "address"),
        ("Consider the ferry company, which added three crossings on the morning route.", "address"),
        ("Officials did not expect the harbor road to reopen before the winter.", None),
        ("Do not swim near the collapsed bridge, the harbor police warned on Monday.", None),
    ],
)
def test_readability_rules(nlp, text, reason):
    sent = next(iter(nlp(text).sents))
    assert standalone_problem(sent) == reason


def test_attribution_alone_after_a_quote(nlp):
    doc = nlp("\u201cThe bridge will be rebuilt before the winter storms arrive.\u201d Mayor Odile Brack "
              "said at a council meeting in Port Lindell on Monday evening.")
    sents = list(doc.sents)
    assert standalone_problem(sents[-1]) == "attribution"
    # the same words after a sentence that is no quote: nothing to attribute, nothing missing
    doc = nlp("The council met in Port Lindell. Mayor Odile Brack said at a council meeting in "
              "Port Lindell on Monday evening.")
    assert standalone_problem(list(doc.sents)[-1]) is None


def _sent(art: int, pos: int, ok: bool = True) -> Sent:
    return Sent(art, pos, 10, 0, 1, 12, ["x"], ok=ok)


def test_two_leads_that_tell_the_same_story_are_redundant():
    cfg = SummaryConfig()
    # article 1: two leads and a later sentence; article 2: a headline, then its lead
    sents = [_sent(0, 0), _sent(1, 0), _sent(1, 1), _sent(1, 5), _sent(2, 0, ok=False), _sent(2, 1)]
    sim = np.full((6, 6), 0.1)
    np.fill_diagonal(sim, 1.0)
    for a, b in ((0, 1), (0, 3), (0, 5)):
        sim[a, b] = sim[b, a] = 0.35
    near = _near(sents, sim, cfg)
    # lead against lead at 0.35 >= lead_redundancy (the headline does not count as a lead);
    # lead against a later sentence needs the plain redundancy
    assert near(0).tolist() == [True, True, False, False, False, True]
    assert near(3).tolist() == [False, False, False, True, False, False]
    off = _near(sents, sim, SummaryConfig(lead_redundancy=cfg.redundancy))
    assert off(0).tolist() == [True, False, False, False, False, False]


def test_a_short_summary_fills_its_floor_with_sentences_that_lacked_a_predecessor(nlp):
    arts = [Article.create(HERALD, "t#1", outlet="Herald"), Article.create(COURIER, "t#2", outlet="Courier"),
            Article.create(BEACON, "t#3", outlet="Beacon")]
    docs = nd_nlp.parse(arts, nlp=nlp)
    words = 150
    plain = summarize(arts, docs, words=words, config=SummaryConfig(continuations=False, fill_floor=0))
    filled = summarize(arts, docs, words=words, config=SummaryConfig(continuations=False))
    n_plain = sum(len(s.text.split()) for s in plain)
    n_filled = sum(len(s.text.split()) for s in filled)
    assert n_plain < 0.9 * words <= n_filled <= words
    # what fills it needed its neighbour ("He added ...", "They were taken ..."): no question,
    # no heading ("Traffic Updates"), no cut-off quote
    text = " ".join(s.text for s in filled)
    assert "He added" in text and "He added" not in " ".join(s.text for s in plain)
    assert "?" not in text and "Traffic Updates" not in text


def test_a_page_of_teasers_is_left_out(nlp):
    teasers = " ".join(f"Researchers in Port Lindell found a new way to test cables of type {k} on old bridges ..."
                       for k in "ABCD")
    page = Article.create(teasers + " Engineers in Port Lindell found rusted cables under the main span of the "
                          "Corven Street bridge.", "t#9")
    story = Article.create(HERALD, "t#1")
    docs = nd_nlp.parse([page, story], nlp=nlp)
    sents = candidates([page, story], docs, SummaryConfig())
    assert [s.why for s in sents if s.art == 0] == ["truncated"] * 4 + ["listing"]
    assert any(s.ok for s in sents if s.art == 1)
    kept = candidates([page, story], docs, SummaryConfig(listing_min=5))
    assert [s.ok for s in kept if s.art == 0][-1]
