"""English word lists of the timeline: the tense a clause's date is read in (schedules,
intentions, purposes, days moved to) and what makes two accounts one event.

Part of :mod:`newsdossier.lang.en`, which re-exports every name here (read them as ``en.X``);
split off to keep each module of the house under about 800 lines. Read by
:mod:`newsdossier.analysis.timeline` and :mod:`newsdossier.analysis.timeline_clause`.
"""

from __future__ import annotations

__all__ = [
    "INTENTION_LEMMAS",
    "ONCE_ONLY_EVENT_LEMMAS",
    "PURPOSE_NOUNS",
    "RESCHEDULE_LEMMAS",
    "SCHEDULED_EVENT_NOUNS",
    "SCHEDULE_LEMMAS",
]

# a present-tense clause built on these ("is set for 7 p.m. Saturday", "are scheduled
# to", "is due Friday", "is expected Monday") speaks of what is to come, so its weekday is ahead.
SCHEDULE_LEMMAS = frozenset("schedule set slate plan expect due timetable".split())
# events that are held on a set day, so "the July 10 meeting" may lie ahead of the
# writing (the occurrence nearest it); a day that dates any other thing ("the Jan. 29 bombing",
# "the night of July 16") is a day gone by.
SCHEDULED_EVENT_NOUNS = frozenset(
    "meeting summit hearing trial vote election referendum primary caucus session conference talks "
    "deadline deposition arraignment sentencing premiere launch debut opening ceremony inauguration "
    "visit match game race festival concert release auction wedding funeral".split()
)
# ... and an infinitive under these ("hoped to land Sunday", "plans to vote Friday") is still to
# come when the clause is told in the past.
INTENTION_LEMMAS = frozenset("hope plan expect intend aim want schedule set slate due prepare".split())
# what a thing undergoes once, so "the bridge collapsed" on two days is a contradiction
# with no more words; any other verb and one participant ("Smith filed", "guests married") may be
# two occurrences, and two accounts must share two more words to tell of one event.
ONCE_ONLY_EVENT_LEMMAS = frozenset("die collapse crash sink explode erupt drown capsize derail".split())
# verbs that move a date ("postponed the vote to Friday", "delayed until Monday"): the
# day moved to lies ahead of the moving.
RESCHEDULE_LEMMAS = frozenset("postpone delay defer reschedule move push put adjourn".split())
# nouns that make "in <noun> to <verb>" a purpose ("in order to leave Sunday"): ahead of the main verb
PURPOSE_NOUNS = frozenset({"order"})
