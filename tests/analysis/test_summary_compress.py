"""Sentence compression: a summary sentence may cite a sub-span of its source sentence.

What is cut (a leading connective, a trailing attribution of a claim another outlet reports)
leaves exact characters of one article; the summary capitalises the first letter or adds the
full stop, and the cited span stays the article's text.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdossier import nlp as nd_nlp
from newsdossier.analysis.summary import SummaryConfig, summarize
from newsdossier.analysis.summary.candidates import candidates
from newsdossier.analysis.summary.compress import reads_as, trim_attribution, trim_connective
from newsdossier.model import Article

# A made-up story told by two outlets (fictional names and places).
LEDGER = (
    "The Halvern dam on the Osk river released floodwater on Friday after three days of heavy rain "
    "in the valley.\n"
    "However, the water board said the villages below the Halvern dam were never in danger.\n"
    "Two hundred residents of Marrow Vale spent the night in the Osk valley school gym, officials said.\n"
    "\"We opened the gates slowly so the river could take it,\" the board's engineer Ilse Varn said.\n"
    "The board will inspect the spillway of the Halvern dam next week, according to a notice on its site.\n"
    "But he said the repairs to the old turbine hall at the Halvern dam would wait until spring.\n"
)
GAZETTE = (
    "Floodwater was released from the Halvern dam on the Osk river on Friday after three days of rain.\n"
    "The water board said the villages below the Halvern dam were never in danger from the release.\n"
    "Two hundred residents of Marrow Vale spent the night in the Osk valley school gym on Friday.\n"
    "Farmers in the lower valley moved their cattle to higher fields before the gates opened.\n"
)


TRIM = SummaryConfig(trim_connectives=True)             # both off by default (measured no better)
ATTRIBUTIONS = SummaryConfig(trim_connectives=True, trim_attributions=True)


@pytest.fixture(scope="module")
def story(nlp):
    arts = [
        Article.create(LEDGER, "compress#1", outlet="Ledger"),
        Article.create(GAZETTE, "compress#2", outlet="Gazette"),
    ]
    return arts, nd_nlp.parse(arts, nlp=nlp)


def _sentence(doc, fragment):
    return next(s for s in doc.sents if fragment in s.text)


def _candidate(arts, docs, fragment, config=TRIM):
    cfg = config
    for s in candidates(arts, docs, cfg):
        art = arts[s.art]
        full = next(x for x in docs[art.id].sents if x.start_char <= s.start < x.end_char)
        if fragment in full.text:
            return s, art
    raise AssertionError(fragment)


def test_leading_connective_is_cut_and_the_span_stays_exact(story):
    arts, docs = story
    s, art = _candidate(arts, docs, "However, the water board")
    span = art.text[s.start:s.end]
    assert span.startswith("the water board said")          # the article's own characters
    assert s.cap and not s.stop and s.ok
    assert reads_as(span, s.cap, s.stop).startswith("The water board said")


def test_a_trimmed_sentence_in_the_summary_cites_its_exact_sub_span(story):
    arts, docs = story
    texts = {a.id: a.text for a in arts}
    out = summarize(arts, docs, words=120, config=ATTRIBUTIONS)
    trimmed = [s for s in out if s.text != s.cites[0].text]
    assert trimmed, "the story has sentences to compress"
    for s in out:
        c = s.cites[0]
        assert texts[c.article][c.start:c.end] == c.text
        if s.text != c.text:    # cut: it still reads as a sentence
            assert s.text[0].isupper() and s.text.endswith(".")
        assert s.text in (c.text, reads_as(c.text, True, False), reads_as(c.text, True, True),
                          reads_as(c.text, False, True))
        assert len(s.text.split()) == len(c.text.split())
    gym = [s for s in out if "Marrow Vale spent the night" in s.text]
    assert len(gym) == 1 and gym[0].cites[0].article == arts[0].id
    assert gym[0].text.endswith("school gym.") and gym[0].cites[0].text.endswith("school gym")
    assert len(gym[0].cites) == 2          # the outlet that reports it too is cited
    assert sum(len(s.text.split()) for s in out) <= 120


def test_attribution_of_a_claim_another_outlet_reports_is_cut(story):
    arts, docs = story
    from newsdossier.analysis.summary.candidates import keep_lone_attributions, tfidf

    cfg = ATTRIBUTIONS
    sents = candidates(arts, docs, cfg)
    x = tfidf(sents)
    keep_lone_attributions(sents, (x @ x.T).toarray(), cfg)
    by_text = {arts[s.art].text[s.start:s.end]: s for s in sents}
    gym = next(s for t, s in by_text.items() if t.startswith("Two hundred") and s.art == 0)
    assert arts[0].text[gym.start:gym.end].endswith("school gym")   # the Gazette says it too
    assert gym.stop and gym.ok
    # "according to a notice": no other outlet reports the inspection, so it keeps its source
    notice = next(s for t, s in by_text.items() if "inspect the spillway" in t)
    assert arts[0].text[notice.start:notice.end].endswith("according to a notice on its site.")
    assert not notice.stop


@pytest.mark.parametrize("fragment", [
    "\"We opened the gates",        # a quote keeps its speaker
    "But he said the repairs",      # what is left opens on a pronoun: it needs the sentence before
])
def test_no_cut_where_the_rest_would_not_stand_alone(story, fragment):
    arts, docs = story
    s, art = _candidate(arts, docs, fragment, ATTRIBUTIONS)
    full = _sentence(docs[art.id], fragment)
    assert (s.start, s.end) == (full.start_char, full.end_char - (len(full.text) - len(full.text.rstrip())))
    assert not s.cap and not s.stop


def test_parse_rules_on_single_sentences(nlp):
    def one(text):
        return list(nlp(text).sents)[0]

    s = one("The storm killed twelve people in the hills, officials said, adding that the toll could rise.")
    assert trim_attribution(s, 0, len(s.text), 8) is None   # a second clause is content, not attribution
    s = one("The storm killed twelve people in the hill towns of the north, said a spokesman.")
    end = trim_attribution(s, 0, len(s.text), 8)
    assert end is not None and s.text[:end].endswith("of the north")
    s = one("The storm killed twelve people, a spokesman for the regional emergency office in the north said.")
    assert trim_attribution(s, 0, len(s.text), 5) is None   # longer than the limit
    s = one("Meanwhile, rescuers searched the hill towns for survivors on Sunday.")
    start = trim_connective(s, 0, len(s.text))
    assert start is not None and s.text[start:].startswith("rescuers searched")
    s = one("Still photographs of the storm were shown at the town hall on Sunday.")
    assert trim_connective(s, 0, len(s.text)) is None      # "Still" without a comma is not a connective


def test_attributions_are_kept_unless_asked(story):
    arts, docs = story
    out = summarize(arts, docs, words=120, config=TRIM)
    assert any(s.text != s.cites[0].text for s in out)        # the connective is cut
    assert all(not s.text.endswith("school gym.") for s in out)
    s, _ = _candidate(arts, docs, "Two hundred residents")
    assert not s.stop


def test_compression_is_off_by_default_and_keeps_whole_sentences(story):
    arts, docs = story
    off = SummaryConfig()
    assert not off.trim_connectives and not off.trim_attributions
    out = summarize(arts, docs, words=120, config=off)
    assert all(s.text == s.cites[0].text for s in out)
    s, art = _candidate(arts, docs, "However, the water board", off)
    assert art.text[s.start:s.end].startswith("However, the water board")


_ODD = st.sampled_from([
    "However, the harbor\u200b bridge 🌉 collapsed on Tuesday, officials said.",
    "But the ferry\r\nservice resumed on Friday, according to the port office.",
    "Meanwhile, “curly” repairs began at dawn, the mayor said.",
    "Twelve commuters were injured in the collapse, police said.",
    "And שלום the crews worked through the night near the harbor.",
    "In addition, the harbor bridge will be inspected every year, officials said.",
    "The harbor bridge collapsed on Tuesday after the storm.",
])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_ODD, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=3))
def test_cut_spans_round_trip_on_odd_text(nlp, texts):
    arts = []
    for i, t in enumerate(texts):
        art = Article.create(t + f" Report number {i} was filed by the desk.", f"oddcut#{i}", outlet=f"O{i}")
        if art.id not in {a.id for a in arts}:
            arts.append(art)
    docs = nd_nlp.parse(arts, nlp=nlp)
    by_id = {a.id: a for a in arts}
    out = summarize(arts, docs, words=40, config=ATTRIBUTIONS)
    assert sum(len(s.text.split()) for s in out) <= 40
    for s in out:
        for span in s.cites:
            assert by_id[span.article].text[span.start:span.end] == span.text
        c = s.cites[0].text
        assert s.text in (c, reads_as(c, True, False), reads_as(c, False, True), reads_as(c, True, True))
