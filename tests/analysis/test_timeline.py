"""Temporal expressions resolved against publication dates; anchoring, inference, conflicts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdossier.analysis.timeline import DateError, build_timeline, find_expressions
from newsdossier.model import Article

PUB = "2025-04-09"  # a Wednesday


def _tl(nlp, *texts: str, published: str | None = PUB):
    arts = [Article.create(t, f"t#{i}", outlet=f"O{i}", published=published) for i, t in enumerate(texts)]
    docs = {a.id: nlp(a.text) for a in arts}
    return arts, build_timeline(arts, docs)


def _date(events, expr: str) -> str | None:
    found = [e for e in events if e.span.text == expr]
    assert found, [e.span.text for e in events]
    return found[0].date


@pytest.mark.parametrize("text,expr,date", [
    ("The strike ended on Sunday.", "on Sunday", "2025-04-06"),
    ("The summit will open on Friday.", "on Friday", "2025-04-11"),
    ("The ceasefire announced last August held.", "last August", "2024-08"),
    ("Voters went to the polls in November.", "in November", "2024-11"),
    ("Voters will go to the polls in November.", "in November", "2025-11"),
    ("Profits fell last year.", "last year", "2024"),
    ("Ministers meet next week.", "next week", "2025-04-14"),
    ("The mayor resigned yesterday.", "yesterday", "2025-04-08"),
    ("The dam was finished three years ago.", "three years ago", "2022"),
    ("The treaty was signed on March 3, 2019.", "March 3, 2019", "2019-03-03"),
    ("The port reopened on 12 February.", "12 February", "2025-02-12"),
    ("Prices peaked in 2021.", "in 2021", "2021"),
    ("Ten years after the flood the town is thriving again.", "Ten years after the flood", "2015"),
])
def test_resolution(nlp, text: str, expr: str, date: str) -> None:
    _, events = _tl(nlp, text)
    assert _date(events, expr) == date


def test_anchored_to_preceding_date(nlp) -> None:
    _, events = _tl(nlp, "The bridge opened on March 3, 2025. Two weeks earlier the minister had visited it.")
    ev = next(e for e in events if e.span.text == "Two weeks earlier")
    assert ev.date == "2025-02-17" and "nearest preceding" in ev.how
    assert "minister had visited it" in (ev.event or "")


@pytest.mark.parametrize("text,kept", [
    ("The 25-year-old driver was arrested on Saturday.", "25-year-old driver"),
    ("A two-week-long strike ended on Sunday.", "two-week-long strike ended"),
])
def test_an_event_keeps_the_measure_of_a_hyphenated_modifier(nlp, text: str, kept: str) -> None:
    # "The -old driver": the measure ("25", "year") hangs off "old" as an adverbial noun, which
    # the event description drops when it modifies the clause ("arrested Monday"), not a noun
    _, events = _tl(nlp, text)
    assert kept in (events[0].event or ""), events[0].event


def test_a_wire_dateline_a_day_before_publication_is_the_day_of_writing(nlp) -> None:
    # printed the next day (another time zone, the archive's date): "today" is the dateline's
    text = "ORVALE, April 8 (Wire) -- The council said today that the bridge will reopen."
    _, events = _tl(nlp, text)
    assert _date(events, "today") == "2025-04-08"
    far = "ORVALE, March 30 (Example News) -- The council said today that the bridge will reopen."
    _, events = _tl(nlp, far)  # ten days before: not the day of writing, the publication date stays
    assert _date(events, "today") == PUB


@pytest.mark.parametrize("text,expr,date", [
    ("A court hearing has been scheduled for May 24.", "May 24", "2025-05-24"),
    ("The court has ruled on May 24.", "May 24", "2024-05-24"),
])
def test_a_schedule_in_the_perfect_lies_ahead(nlp, text: str, expr: str, date: str) -> None:
    _, events = _tl(nlp, text)
    assert _date(events, expr) == date


def test_anchored_without_anchor_is_unresolved(nlp) -> None:
    _, events = _tl(nlp, "Two weeks earlier the minister had visited it.", published=None)
    assert events[0].date is None and not events[0].resolved


def test_unknown_publication_inferred_from_text(nlp) -> None:
    _, events = _tl(nlp, "LONDON, Tuesday, June 10, 2014 - The strike began on Sunday.", published=None)
    ev = next(e for e in events if e.span.text == "on Sunday")
    assert ev.date == "2014-06-08" and "publication date unknown" in ev.how


def test_unknown_publication_kept_visible(nlp) -> None:
    _, events = _tl(nlp, "The strike began on Sunday and ended last week.", published=None)
    assert len(events) == 2 and all(not e.resolved and e.date is None for e in events)
    assert all(e.how for e in events)


def test_order_and_conflict(nlp) -> None:
    _, events = _tl(nlp, "The old bridge collapsed on Sunday. The report will appear next month.",
                    "The old bridge collapsed on Monday, officials said.")
    dates = [e.date for e in events if e.date]
    assert dates == sorted(dates)
    collapse = [e for e in events if "collapsed" in (e.event or "")]
    assert len(collapse) == 2 and all(e.conflict for e in collapse)
    assert not [e for e in events if "report" in (e.event or "") and e.conflict]


def test_same_date_no_conflict(nlp) -> None:
    _, events = _tl(nlp, "The old bridge collapsed on Sunday.", "The old bridge collapsed last Sunday.")
    assert not any(e.conflict for e in events)


def test_bad_published_raises(nlp) -> None:
    with pytest.raises(DateError):
        _tl(nlp, "It rained on Sunday.", published="yesterday-ish")


def test_may_is_not_a_month() -> None:
    assert find_expressions("Prices may rise.") == []
    assert [e.kind for e in find_expressions("Prices rose in May.")] == ["month"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["on ", "Sunday", "last ", "week", " two", " weeks", " earlier", "March ", "3",
                                 ", 2019", "\u200b", "\r\n", "“", "😀", "ـ", " ago", "May", " in ", "1980s"]),
                max_size=25).map("".join))
def test_expressions_round_trip(text: str) -> None:
    spans = [(e.start, e.end) for e in find_expressions(text)]
    for s, e in spans:
        assert 0 <= s < e <= len(text)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize("text,published", [
    ("The temple was built 3000 years ago by farmers of the valley.", "2024-05-01"),
    ("The council will vote tomorrow on the new harbour budget.", "9999-12-31"),
    ("The archive opens next year, the curator said on Monday.", "9999-06-01"),
    ("The stone was carved 12000 years ago, researchers said.", "2024-05-01"),
    ("The record dates from 0000-01-01, the clerk said in court.", "2024-05-01"),
    ("The comet returns in 99999 years, astronomers said on Friday.", "2024-05-01"),
    ("Three centuries earlier, on 9999-12-30, the seal was made. Two days later it broke.", "2024-05-01"),
])
def test_impossible_dates_are_left_unresolved_not_raised(nlp, text, published):
    arts, events = _tl(nlp, text, published=published)
    for e in events:
        assert e.span.text == arts[0].text[e.span.start:e.span.end]
        if e.date is not None:
            assert 1 <= int(e.date[:4]) <= 9999


def test_years_ago_past_year_one_is_unresolved_with_a_reason(nlp):
    _, events = _tl(nlp, "The wall was built 3000 years ago, the guide said.", published="2024-05-01")
    (ev,) = [e for e in events if "3000 years ago" in e.span.text]
    assert not ev.resolved and ev.date is None and "outside the calendar" in ev.how


def test_a_photo_or_birth_date_is_not_the_writing_date(nlp) -> None:
    # The latest date an article mentions is often a file photo's or a birth date: relative dates
    # stay unresolved rather than counted from it.
    text = ("FILE - In this Saturday, July 1, 2017, file photo, people queue at a bakery in Orvale.\n"
            "The bakery reopened on Monday. Its founder was born on March 3, 1950, a newspaper "
            "published on Monday, Oct. 28, 2013.")
    _, events = _tl(nlp, text, published=None)
    monday = next(e for e in events if e.span.text == "on Monday")
    assert monday.date is None and not monday.resolved


def test_a_published_line_dates_the_writing(nlp) -> None:
    text = "By Alexandra Writer-Smith, Orvale Gazette / Published March 24, 2017\nThe bakery reopened on Monday."
    _, events = _tl(nlp, text, published=None)
    monday = next(e for e in events if e.span.text == "on Monday")
    assert monday.date == "2017-03-20" and "own date line" in monday.how


def test_the_date_of_the_writing_is_no_event(nlp) -> None:
    _, events = _tl(nlp, "PORT LINDELL, March 3 (Wire) -- The ferry sank on Monday, the harbour master said.",
                    published=None)
    assert [e.span.text for e in events] == ["on Monday"], [(e.span.text, e.event) for e in events]


def test_recurring_weekdays_name_no_date(nlp) -> None:
    _, events = _tl(nlp, "She sailed to the island on Friday nights, and every Sunday she raced; "
                         "the last race was on Saturday.")
    assert [e.span.text for e in events] == ["on Saturday"]


@pytest.mark.parametrize("tail", ["after the mayor's resignation", "after Mayor Dunn's resignation",
                                  "after he resigned", "after Carnival"])
def test_n_units_after_a_named_event_counts_from_that_event(nlp, tail: str) -> None:
    _, events = _tl(nlp, f"The council met on March 3, 2025. The new market opened two months {tail}.")
    ev = next(e for e in events if e.span.text.startswith("two months"))
    assert ev.date is None and "relative to an event" in ev.how, (ev.span.text, ev.how)


def test_n_units_after_with_nothing_after_counts_from_the_date_before(nlp) -> None:
    _, events = _tl(nlp, "The council met on March 3, 2025. Two weeks after that, the market opened.")
    assert _date(events, "Two weeks after") == "2025-03-17"


def test_a_week_ago_does_not_contradict_a_day_next_to_it(nlp) -> None:
    _, events = _tl(nlp, "The ferry sank on Friday, April 4, killing nine passengers on board.",
                    "The ferry sank a week ago, killing nine passengers on board.", published="2025-04-10")
    assert _date(events, "a week ago") == "2025-04-03"
    assert not any(e.conflict for e in events), [(e.span.text, e.date) for e in events]


@pytest.mark.parametrize("text,expr,date", [
    ("A memorial service is set for 7 p.m. Saturday at the chapel.", "Saturday", "2025-04-12"),
    ("The hearing is scheduled for Monday.", "Monday", "2025-04-14"),
    ("The verdict is due Friday.", "Friday", "2025-04-11"),
    ("The hearing was scheduled for Monday.", "Monday", "2025-04-07"),  # told in the past
])
def test_a_scheduled_event_in_the_present_tense_lies_ahead(nlp, text: str, expr: str, date: str) -> None:
    _, events = _tl(nlp, text)
    assert _date(events, expr) == date


def test_a_dated_section_of_a_live_blog_stays_on_the_timeline(nlp) -> None:
    _, events = _tl(nlp, "March 1, 2025\nThe ferry left on time.\nMonday, March 3\nThe ferry sank.", published=None)
    assert [e.span.text for e in events] == ["Monday, March 3"]


@pytest.mark.parametrize("text,expr,date,published", [
    # ahead of a past moment: the nearest such day to the date of writing
    ("The pair hoped to land at dawn Sunday.", "Sunday", "2025-04-13", "2025-04-12"),
    ("He saw them preparing to depart Friday night.", "Friday night", "2025-04-11", "2025-04-12"),
    ("The study was to be published in Thursday's journal.", "Thursday", "2025-04-10", PUB),
    ("The couple was to be married Monday before 200 guests.", "Monday", "2025-04-07", PUB),
    ("Dunn has fought back ever since filing for divorce in March.", "in March", "2025-03", PUB),
    ("The senator expects him to be invited to the January event.", "January", "2026-01", "2025-11-18"),
    # a purpose lies ahead of the main verb's moment (2025-04-11 is a Friday)
    ("The board stayed late Thursday to finish its work and leave for its recess Sunday.", "Sunday",
     "2025-04-13", "2025-04-11"),
    ("The board met Thursday in order to adjourn on Sunday.", "on Sunday", "2025-04-13", "2025-04-11"),
    ("She returned home to vote on Tuesday.", "on Tuesday", "2025-04-08", "2025-04-11"),
])
def test_what_was_still_to_come_when_told(nlp, text: str, expr: str, date: str, published: str) -> None:
    _, events = _tl(nlp, text, published=published)
    assert _date(events, expr) == date


def test_different_statements_and_far_apart_reports_do_not_contradict(nlp) -> None:
    _, events = _tl(nlp, "The minister said on Monday that the bridge was safe.",
                    "The minister said on Tuesday that the bridge was safe.")
    assert not any(e.conflict for e in events)
    arts = [Article.create("The journal published the long study on Monday, its editors noted.", "a", published="2025-04-09"),
            Article.create("The journal published the long study on Tuesday, its editors noted.", "b", published="2025-09-09")]
    assert not any(e.conflict for e in build_timeline(arts, {a.id: nlp(a.text) for a in arts}))


@pytest.mark.parametrize("text,expr,date", [
    ("Fieldwork was undertaken in October–November 2015 across the state.", "October–November 2015", "2015-10"),
    ("The survey ran from June and July 2019.", "June and July 2019", "2019-06"),
    ("Sales peaked in December-January 2016.", "December-January 2016", "2015-12"),
])
def test_a_range_of_months_takes_its_year(nlp, text: str, expr: str, date: str) -> None:
    _, events = _tl(nlp, text, published=None)
    assert _date(events, expr) == date


def test_a_chronology_year_heading_gives_its_entries_their_year(nlp) -> None:
    text = ("The dispute, step by step:\n1998:\nJan. 22 - The two sides reach a settlement.\n"
            "1999:\nMarch 3 - The court hears the appeal.")
    _, events = _tl(nlp, text, published="2000-05-02")
    assert _date(events, "Jan. 22") == "1998-01-22" and _date(events, "March 3") == "1999-03-03"


def test_timeline_rows_read_in_chunks_give_the_timeline_of_all(data_dir):
    # the timeline runs split on several cores: rows per chunk of articles, joined, ordered once;
    # the same texts printed again days later, so conflicts across the chunks are found
    import json

    from newsdossier import nlp
    from newsdossier.analysis import timeline as tl
    from newsdossier.model import Article

    texts: list[str] = []
    for line in (data_dir / "multinews_val250.jsonl").open():
        texts.extend(json.loads(line)["documents"])
        if len(texts) >= 30:
            break
    arts = [Article.create(f"{t}\n\nPrinted by Outlet {k}.", f"{k}-{i}.txt", outlet=f"Outlet {k}", language="en",
                           published=f"2024-03-{d:02d}")
            for k, d in ((0, 4), (1, 7), (2, 9)) for i, t in enumerate(texts[:30])]
    with nlp.parse(arts) as docs:
        whole = tl.build_timeline(arts, docs)
        chunked = tl._ordered([r for lo in range(0, len(arts), 7) for r in tl._rows(arts[lo:lo + 7], docs)])
    assert chunked == whole
    assert sum(e.conflict for e in whole) >= 4


@pytest.mark.parametrize("text,expr,date", [
    # published 2025-04-09: a month-day without a year in the present of a schedule, or with no
    # tense to go by, is the occurrence nearest the writing
    ("The magazine debuts May 16 with a long essay.", "May 16", "2025-05-16"),
    ("Shareholders may sell their stock through June 11.", "June 11", "2025-06-11"),
    ("The July 10 meeting is aimed at uniting the parties.", "July 10", "2025-07-10"),
    # a day that dates a thing other than a scheduled event, or a past clause, is gone by
    ("They have a warrant for him in the Oct. 29 bombing of the clinic.", "Oct. 29", "2024-10-29"),
    ("Investigators are likely to point to the night of July 16, when the plane crashed.", "July 16", "2024-07-16"),
    ("In a report on last year's July 19 crash, the board blamed the pilot.", "July 19", "2024-07-19"),
    ("The port reopened on 12 February.", "12 February", "2025-02-12"),
    ("Voters picked a new mayor on June 2.", "June 2", "2024-06-02"),
])
def test_a_month_day_without_a_year_is_the_nearest_unless_it_dates_the_past(nlp, text: str, expr: str,
                                                                             date: str) -> None:
    _, events = _tl(nlp, text)
    assert _date(events, expr) == date


@pytest.mark.parametrize("text,expr,date", [
    # published Wednesday 2025-04-09: "is to" + infinitive is an arrangement, ahead of the writing
    ("The minister is to visit the port on Friday.", "on Friday", "2025-04-11"),
    ("The crew's plan is to cross the border and reach the coast on Monday.", "on Monday", "2025-04-14"),
])
def test_is_to_with_an_infinitive_lies_ahead(nlp, text: str, expr: str, date: str) -> None:
    _, events = _tl(nlp, text)
    assert _date(events, expr) == date


def test_days_before_a_month_stay_in_that_month(nlp) -> None:
    # "a day earlier" than some day in March is (almost surely) in March, not in February
    _, events = _tl(nlp, "In March the council met in secret. A day earlier the mayor had resigned.")
    assert _date(events, "March") == "2025-03" and _date(events, "A day earlier") == "2025-03"
    _, events = _tl(nlp, "The plant closed in 2019. Three days earlier the owner had sold it.")
    assert _date(events, "Three days earlier") == "2019"


def test_the_same_words_counted_from_different_days_do_not_contradict(nlp) -> None:
    arts = [Article.create("The city council approved the new harbour budget today.", "a", published="2025-04-09"),
            Article.create("The city council approved the new harbour budget today, officials said.", "b",
                           published="2025-04-14")]
    assert not any(e.conflict for e in build_timeline(arts, {a.id: nlp(a.text) for a in arts}))
    arts[1] = Article.create("The city council approved the new harbour budget on Saturday.", "b", published="2025-04-14")
    assert all(e.conflict for e in build_timeline(arts, {a.id: nlp(a.text) for a in arts}))


def test_a_verb_and_one_participant_do_not_make_one_event(nlp) -> None:
    # "the lawyer filed" on two days may be two filings; "the bridge collapsed" happens once
    _, events = _tl(nlp, "The lawyer filed on Monday.", "The lawyer filed on Tuesday.")
    assert not any(e.conflict for e in events)


@pytest.mark.parametrize("text,expr,date", [
    # published Wednesday 2025-04-09
    ("Forecasters said the storm would reach the coast on Saturday.", "on Saturday", "2025-04-12"),
    ("The organisers have delayed the race by a day to Friday.", "Friday", "2025-04-11"),
    ("The board postponed the vote until Monday.", "Monday", "2025-04-14"),
])
def test_what_would_happen_and_days_moved_to_lie_ahead(nlp, text: str, expr: str, date: str) -> None:
    _, events = _tl(nlp, text)
    assert _date(events, expr) == date


def test_n_units_before_or_after_doing_something_is_not_dated(nlp) -> None:
    _, events = _tl(nlp, "The rebels usually claim an attack several weeks after carrying it out. "
                         "The pilot will rest for two days before heading home.")
    assert {e.span.text: e.date for e in events} == {"several weeks after carrying": None,
                                                     "two days before heading": None}


def test_a_wire_dateline_is_no_part_of_the_event(nlp) -> None:
    # the parse takes the dateline for the subject and the minister for its apposition
    _, events = _tl(nlp, "TARVIK, June 5 (Nordpress) -- Vice-President Odd Lund today expressed the hope that "
                         "talks would resume.", published="2025-06-05")
    (today,) = [e for e in events if e.span.text == "today"]
    assert today.event == "Vice-President Odd Lund expressed the hope"
