"""English word lists read only by the quotes analysis (issue 14, 2026-12-04, second session).

Kept apart from :mod:`newsdossier.lang.en` (736 lines) and read as ``en_quotes.X``.
"""

from __future__ import annotations

# prepositions that open a time modifier ("groups on Thursday", "officials in March"); not "of"
# ("the Class of 2010" is a name)
TIME_PREPOSITIONS = frozenset({
    "on", "in", "at", "during", "since", "until", "till", "through", "throughout", "over", "after",
    "before", "by", "around", "from",
})
