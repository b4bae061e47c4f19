"""Page furniture is removed by general rules and recorded; journalism never is."""

from __future__ import annotations

from collections import Counter

import pytest

from newsdossier.ingest.furniture import classify_line, clean, line_counts, normalise_whitespace


@pytest.mark.parametrize("line", [
    "Watch the storm roll over the harbour »",
    "See the full gallery of the parade ›",
    "E-mail to a friend",
    "Share this article",
    "Subscribe to our newsletter",
    "Read more: Council approves the tram budget",
    "share tweet pin email",
    "Advertisement",
    "Story continued below",
    "Follow Jane Roe on Twitter: @janeroe",
    "Copyright 2024 Example Media. All rights reserved.",
    "— Pat Lee (@patlee) March 3, 2024",
    "Please enable JavaScript to watch this video",
    "___",
    "► Related: Mayor opens new bridge",
    "Follow Ana Maria Ruiz Soto on Twitter at https://twitter.com/example",
    "CLOSE Three bakeries in the valley reopen after the flood. Sam Doe, staff",
    "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.",
    "Orvale Radio transcripts are created on a rush deadline by a contractor. This text may not be in "
    "its final form. The authoritative record of Orvale Radio's programming is the audio record.",
    "CLOSE Skip in Skip x Embed x Share The council voted to close the bridge on Monday.",
    # gallery caption previews, cut off and credited (one, and two glued on one line)
    "In this Monday, May 5, 2025, photo, volunteers stack sandbags along the river in Orvale. "
    "Forecasters expect the water to crest... (Example Wire)",
    "Ferry passengers wait at the pier in Orvale, Tuesday, May 6, 2025. The ferry service was… (Example Wire) "
    "A crane lifts a stranded truck from the flooded road near the old mill on... (Example Wire)",
])
def test_furniture_lines(line):
    assert classify_line(line) is not None


@pytest.mark.parametrize("line", [
    "The mayor said the bridge would reopen on Friday.",
    "Watch officials argued that the dam was safe, but engineers disagreed.",
    "Follow-up inspections found cracks in the northern wall of the dam.",
    "“Share the water fairly,” the farmers’ union said in a statement on Monday.",
    "Read the full report, the minister told parliament, and you will see the risk.",
    "Home owners along the river were told to leave before midnight.",
    "Close to 300 people were evacuated from the valley on Monday.",
    "CLOSED ROADS were reopened by noon, the police said.",
    "Advertisement revenue fell by a third last year, the company said in its annual report.",
    # an ellipsis before a stage direction is a transcript, before a short credit no caption;
    # a teaser followed by more text is not a preview alone
    "SENATOR LEE: We will rebuild every bridge in this valley, every single one... (Applause)",
    "Water rose... (Example Wire)",
    "Volunteers stack sandbags along the river in Orvale as the water keeps rising... (Example Wire) "
    "The council met on Monday.",
])
def test_journalism_is_kept(line):
    assert classify_line(line, edge=True) is None


def test_breadcrumb_only_at_the_edges():
    crumb = "Home World Europe Floods: Town Counts The Cost"
    assert classify_line(crumb, edge=True) == "breadcrumb navigation"
    assert classify_line(crumb, edge=False) is None


def test_inline_furniture_after_a_sentence_is_cut_and_recorded():
    text = normalise_whitespace(
        "The ferry sank near the pier, said the coast guard.  Watch the rescue »\n"
        "\"We got everyone out,\" the captain said. E-mail to a friend"
    )
    cleaned, removed = clean(text)
    assert cleaned == "The ferry sank near the pier, said the coast guard.\n\"We got everyone out,\" the captain said."
    assert [r.text for r in removed] == ["Watch the rescue »", "E-mail to a friend"]
    for r in removed:
        assert text[r.start:r.end] == r.text
    assert cleaned[: removed[0].at] == "The ferry sank near the pier, said the coast guard."


def test_whole_lines_removed_without_leaving_blank_runs():
    text = normalise_whitespace("Para one is here.\n\nShare this article\n\nPara two is here.\n\nSubscribe now")
    cleaned, removed = clean(text)
    assert cleaned == "Para one is here.\n\nPara two is here."
    assert {r.reason for r in removed} == {"share, subscribe or navigation prompt"}


def test_short_line_repeated_across_articles_is_boilerplate():
    texts = [f"Story {i} about the flood in town number {i}.\n\nRiverside Daily Newsroom Edition" for i in range(4)]
    counts = line_counts(texts)
    cleaned, removed = clean(texts[0], counts)
    assert "Riverside Daily" not in cleaned
    assert "repeated in 4 articles" in removed[0].reason
    # the same line in a single article is content
    cleaned, removed = clean(texts[0], Counter())
    assert removed == () or removed[0].text != "Riverside Daily Newsroom Edition" or "repeated" not in removed[0].reason


def test_normalise_whitespace():
    assert normalise_whitespace("  a  \n \n \n\n b \n") == "a\n\nb"


def test_a_lower_case_tail_continues_its_sentence():
    # '"Fresh Start" comments.' is the end of the sentence, not a "Comments" link glued to it.
    line = 'On Friday, the club\'s page expanded on the coach\'s "Fresh Start" comments. The post ended with these words:'
    text, removed = clean(line)
    assert text.strip() == line and removed == ()
