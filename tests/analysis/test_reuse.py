"""Tests for passage reuse, near-duplicates and the independence model (fictional texts)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdossier.analysis.reuse import (
    DuplicateOptionsError,
    ReuseOptions,
    ReuseOptionsError,
    UnknownArticleError,
    find_reuse,
    independence,
    merge_sketches,
    near_duplicates,
    sketch,
)
from newsdossier.analysis.reuse.text import quoted_regions
from newsdossier.model import Article

P1 = ("The harbour authority of Velmora closed the eastern docks on Tuesday after a crane "
      "collapsed onto a grain barge, injuring four workers and spilling wheat into the channel.")
P2 = ("Port director Anselm Kravic said the crane had passed its annual inspection in March and "
      "that engineers from the manufacturer would arrive before the weekend to examine the wreck.")
P3 = ("Fishermen who use the channel complained that the closure would cost them a week of catches "
      "during the busiest season of the year, and asked the council for compensation.")
P4 = ("The council will debate the request on Thursday evening in the old customs house, where "
      "a similar claim was rejected two winters ago after a long and bitter meeting.")
Q1 = ('"We have never seen a failure like this in forty years of operation, and we owe the '
      'families of the injured men a full and honest account," Kravic told reporters.')
OTHER = [
    "Snow fell across the northern valleys overnight, and road crews worked until dawn to clear "
    "the mountain passes before the morning buses left for the coastal towns below.",
    "A new library opened in the market square of Dunholt, with a reading room for children, "
    "a small cafe and a collection of maps donated by a retired sea captain.",
    "The regional orchestra announced a spring season of six concerts, including two premieres "
    "by young composers and a free open-air performance in the botanical garden.",
]


def art(text: str, n: int, **meta) -> Article:
    return Article.create(text, f"test#{n}", **meta)


def test_copied_passage_found_despite_quote_dash_and_space_edits():
    src = art("\n".join([OTHER[0], P1, P2, OTHER[1]]), 1)
    edited = P1.replace("four workers", "four dock workers").replace(" after ", "  after ")
    edited = edited.replace(", injuring", " -- injuring")
    cpy = art("\n\n".join([OTHER[2], edited, P2.replace("annual", "yearly")]), 2)
    found = find_reuse([src, cpy])
    assert found, "the copied paragraphs were not found"
    for r in found:
        assert src.text[r.source.start:r.source.end] == r.source.text
        assert cpy.text[r.copy.start:r.copy.end] == r.copy.text
        assert r.source.article == src.id and r.copy.article == cpy.id
        assert 0.8 <= r.similarity <= 1.0
    copied = "".join(r.copy.text for r in found)
    assert "crane collapsed" in copied and "examine the wreck" in copied
    assert not any("Snow fell" in r.source.text or "orchestra" in r.copy.text for r in found)
    # boundaries: the passage starts where the copied paragraph starts and ends with its period
    first = min(found, key=lambda r: r.copy.start)
    assert first.copy.text.startswith("The harbour authority")
    last = max(found, key=lambda r: r.copy.end)
    assert last.copy.text.endswith("examine the wreck.")


def test_tiny_shared_phrase_is_not_reuse():
    a = art(OTHER[0] + " The mayor said it was a matter of public safety.", 1)
    b = art(OTHER[1] + " Critics called it a matter of public safety theatre.", 2)
    assert find_reuse([a, b]) == []


def test_names_and_numbers_every_outlet_writes_alike_are_not_reuse() -> None:
    # 14 shared words, but only names, numbers and short words: no evidence of copying
    names = "Port director Anselm Kravic, his deputy, Mila Orsk Kravic, 44, and her son, Jon Orsk, 21,"
    a = art(OTHER[0] + " " + names + " left Velmora on the 8:15 p.m. ferry to Tarsk.", 1)
    b = art(OTHER[1] + " " + names + " were seen on the quay at Velmora at 8:15 p.m. by the police.", 2)
    assert find_reuse([a, b]) == []
    # the same length of shared prose is
    prose = "engineers from the manufacturer would arrive before the weekend to examine the wreck"
    a = art(OTHER[0] + " The port said " + prose + ".", 1)
    b = art(OTHER[1] + " Officials added that " + prose + ".", 2)
    assert len(find_reuse([a, b])) == 1
    assert find_reuse([art(OTHER[0] + " " + names + " left.", 1), art(OTHER[1] + " " + names + " came.", 2)],
                      ReuseOptions(min_wording=0))  # without the rule, the names count


def test_unrelated_texts_give_nothing():
    arts = [art(t, i) for i, t in enumerate(OTHER)]
    assert find_reuse(arts) == []


def test_reordered_paragraphs_are_separate_passages():
    a = art("\n".join([P1, P2, P3, P4]), 1)
    b = art("\n".join([P3, P1, P4, P2]), 2)
    found = find_reuse([a, b])
    texts = " ".join(r.source.text for r in found)
    for p in (P1, P2, P3, P4):
        assert p[:40] in texts
    assert len(found) >= 3


def test_direction_from_dates_and_unknown_without_evidence():
    early = art("\n".join([P1, P2, P3]), 1, outlet="Velmora Courier", published="2025-04-08")
    late = art("\n".join([OTHER[0], P1, P2]), 2, outlet="Coast Daily", published="2025-04-09")
    found = find_reuse([late, early])
    assert found and all(r.direction == "known" for r in found)
    assert all(r.source.article == early.id and r.copy.article == late.id for r in found)
    assert "2025-04-08" in found[0].evidence
    # no dates, no credit: unknown, and the source is the article given first
    a, b = art("\n".join([P1, P2, P3]), 1), art("\n".join([OTHER[0], P1, P2]), 2)
    found = find_reuse([b, a])
    assert found and all(r.direction == "unknown" for r in found)
    assert all(r.source.article == b.id for r in found)


def test_direction_from_credit_in_the_copying_text():
    source = art("\n".join([P1, P2, P3]), 1, outlet="Velmora Courier")
    copier = art("\n".join([OTHER[1], "Here is what the Velmora Courier reported:", P1, P2]), 2)
    found = find_reuse([copier, source])
    assert found and all(r.direction == "known" for r in found)
    assert all(r.source.article == source.id for r in found)
    assert "Velmora Courier" in found[0].evidence
    # a credit to a name the source never uses gives no direction
    stranger = art("\n".join([OTHER[1], "According to the Harlow Gazette,", P1, P2]), 3)
    assert all(r.direction == "unknown" for r in find_reuse([stranger, art("\n".join([P1, P2, P3]), 4)]))


def test_wire_dateline_credits_the_agency_by_its_initials():
    wire = art("\n".join([P1, P2, P3]), 1, outlet="Associated Press")
    paper = art("VELMORA (AP) \u2014 " + "\n".join([P1, P2]) + "\n" + OTHER[2], 2, outlet="Hill Post")
    found = find_reuse([paper, wire])
    assert found and all(r.direction == "known" and r.source.article == wire.id for r in found)
    assert "(AP)" in found[0].evidence


def test_min_tokens_decides_what_is_too_small():
    shared = "the lighthouse keeper rang the bell three times before the storm"
    a = art(OTHER[0] + " Then " + shared + ". " + OTHER[1], 1)
    b = art(OTHER[2] + " Later " + shared + "! " + P4, 2)
    assert find_reuse([a, b]) == []
    found = find_reuse([a, b], ReuseOptions(min_tokens=8, min_seeds=1))
    assert len(found) == 1 and found[0].source.text.startswith("the lighthouse keeper")


def test_dates_and_credit_that_disagree_give_unknown():
    source = art("\n".join([P1, P2, P3]), 1, outlet="Velmora Courier", published="2025-04-10")
    copier = art("\n".join([OTHER[1], "So says the Velmora Courier:", P1, P2]), 2,
                 published="2025-04-09")
    found = find_reuse([source, copier])
    assert found and all(r.direction == "unknown" for r in found)
    assert "disagree" in found[0].evidence


def test_quote_and_prose_are_reported_separately():
    a = art("\n".join([P1, Q1, P3]), 1)
    b = art("\n".join([OTHER[2], P1, Q1.replace('"', "\u201c", 1).replace(',"', ",\u201d"), OTHER[0]]), 2)
    found = find_reuse([a, b])
    kinds = {r.kind for r in found}
    assert kinds == {"prose", "quote"}
    quote = next(r for r in found if r.kind == "quote")
    assert "forty years" in quote.source.text and "crane collapsed" not in quote.source.text
    prose = next(r for r in found if r.kind == "prose")
    assert "crane collapsed" in prose.copy.text


def test_shared_quote_alone_is_a_quote_not_copying():
    a = art("\n".join([OTHER[0], Q1]), 1)
    b = art("\n".join([OTHER[1], Q1]), 2)
    found = find_reuse([a, b])
    assert found and all(r.kind == "quote" for r in found)
    assert independence([a, b], found).count([a.id, b.id]) == 2


def test_quoted_regions_handle_styles_and_open_paragraph_quotes():
    text = 'He said "yes" and \u201cno\u201d. She didn\u2019t.\n"Open quote runs on\nNext.'
    regions = [text[s:e] for s, e in quoted_regions(text)]
    assert regions == ['"yes"', "\u201cno\u201d", '"Open quote runs on']


def test_all_pairs_baseline_agrees_with_index_on_small_input():
    arts = [art("\n".join([P1, P2, OTHER[0]]), 1), art("\n".join([OTHER[1], P2, P3]), 2),
            art("\n".join([P3, P4, OTHER[2]]), 3)]
    fast = find_reuse(arts)
    slow = find_reuse(arts, ReuseOptions(all_pairs=True))
    assert fast == slow and len(fast) == 2


def test_options_are_checked():
    with pytest.raises(ReuseOptionsError):
        ReuseOptions(min_tokens=2)
    with pytest.raises(ReuseOptionsError):
        ReuseOptions(min_similarity=1.5)


def test_near_duplicates_group_wire_copies_only():
    wire = "\n".join([P1, P2, P3, P4])
    a = art(wire, 1)
    b = art("VELMORA \u2014 " + wire + "\nRead more stories on our site.", 2)
    c = art(wire.replace("Thursday", "Friday"), 3)
    d = art("\n".join([P1, OTHER[0], OTHER[1], OTHER[2]]), 4)
    groups = near_duplicates([d, a, b, c])
    assert groups == [[a.id, b.id, c.id]]
    ind = independence([a, b, c, d], [], duplicates=groups)
    assert ind.count([a.id, b.id, c.id, d.id]) == 2


def test_sketches_are_seeded_and_merge():
    s1, s2 = sketch(P1 + P2, seed=7), sketch(P1 + P2, seed=7)
    assert s1.jaccard(s2) == 1.0
    merged = merge_sketches([sketch(P1, seed=7), sketch(P2, seed=7)])
    assert merged.jaccard(sketch(P1 + "\n" + P2, seed=7)) > 0.8
    with pytest.raises(DuplicateOptionsError):
        near_duplicates([], threshold=0)


def test_independence_counts_copies_once():
    a = art("\n".join([P1, P2, P3, P4]), 1, outlet="Velmora Courier")
    b = art("\n".join([P1, P2, P3, "Coast Daily will follow the story."]), 2, outlet="Coast Daily")
    c = art("\n".join(OTHER), 3, outlet="Hill Post")
    d = art("Light rain is expected in Velmora this evening.", 4, outlet="Velmora Courier")
    ind = independence([a, b, c, d], find_reuse([a, b, c, d]))
    assert ind.count([a.id, b.id, c.id]) == 2
    assert ind.count([a.id, d.id]) == 1  # same outlet
    assert sorted(map(sorted, ind.groups)) == sorted([sorted([a.id, b.id, d.id]), [c.id]])
    with pytest.raises(UnknownArticleError):
        ind.count(["nope"])


def test_seed_blog_reprints_cnn(seeds_dir):
    from newsdossier.ingest import ingest

    arts = ingest([seeds_dir]).articles
    by_name = {a.source.rsplit("/", 1)[-1][:3]: a for a in arts}
    blog, cnn = by_name["003"], by_name["004"]
    found = [r for r in find_reuse(arts) if {r.source.article, r.copy.article} == {blog.id, cnn.id}]
    assert found
    assert all(r.source.article == cnn.id and r.direction == "known" for r in found)
    kinds = {r.kind for r in found}
    assert kinds == {"quote", "prose"}
    prose = " ".join(r.copy.text for r in found if r.kind == "prose")
    assert "Iran has weakened" in prose and "Iran wants to use" in prose
    assert independence(arts, find_reuse(arts)).count([blog.id, cnn.id]) == 1


ODD = st.text(alphabet=st.sampled_from(list("ab \n\r\t\u200b\u201c\u201d\"'-\u2014\U0001F600\u05d0\u05d1xyz.,")),
              max_size=60)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=ODD, suffix=ODD, infix=ODD)
def test_spans_round_trip_on_odd_text(prefix, suffix, infix):
    a = art(prefix + P1 + infix + P2, 1)
    b = art(suffix + P1.replace(" ", " \u200b", 3) + "\r\n" + infix + P2 + prefix, 2)
    found = find_reuse([a, b])
    assert found
    texts = {a.id: a.text, b.id: b.text}
    for r in found:
        for span in (r.source, r.copy):
            assert texts[span.article][span.start:span.end] == span.text
