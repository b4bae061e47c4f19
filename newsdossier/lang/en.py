"""English word lists: every list an analysis reads lives here, named and documented once.

Analyses import the names they need (``from ..lang import en``) and never define a word list
of their own. Each list is a ``frozenset`` (membership) or a ``tuple`` (order matters), and
each carries a comment that says what it is for and who reads it.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- stories

# Words that never make a story's topic: function words, reporting verbs, calendar and
# count words (read by the story clustering's word and capitalised-name features).
STORY_STOP_WORDS = frozenset("""
a about above after again against all almost also although always am among an and another any
are aren around as at be because been before being below between both but by can cannot could
couldn did didn do does doesn doing don done down during each either else ever every few for
from further get gets got had hadn has hasn have haven having he her here hers herself him
himself his how however i if in into is isn it its itself just last least less let like made
make many may me might more most much must my myself near need neither never new next no nor
not now of off often on once one only or other others our ours ourselves out over own per
perhaps please put rather really said same say says see seen several shall she should shouldn
since so some still such than that the their theirs them themselves then there these they
this those though through thus to too toward towards under until up upon us very via was
wasn we well were weren what when where whether which while who whom whose why will with
within without won would wouldn yes yet you your yours yourself yourselves told tell according
year years time times day days week weeks month months today yesterday tomorrow going
mr mrs ms dr two three four five six seven eight nine ten first second third people
""".split())

# Lower-case words that may sit inside a capitalised name ("Bank of England", "al Qaeda").
NAME_CONNECTORS = frozenset({"of", "de", "del", "da", "van", "von", "der", "al", "bin", "la", "le", "du", "&"})
