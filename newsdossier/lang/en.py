"""English word lists: every list an analysis reads lives here, named and documented once.

Analyses import the names they need (``from ..lang import en``) and never define a word list
of their own. Each list is a ``frozenset`` (membership) or a ``tuple`` (order matters), and
each carries a comment that says what it is for and who reads it.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- ingest (robust)

# Month names and abbreviations: a byline with a date glued on ("Joshua Sokol May 5") is cut there.
MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Weekday names and abbreviations, cut from bylines like the months.
WEEKDAY_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun".split()
)
# Author values that are a content system's placeholder, not a person or a desk.
AUTHOR_PLACEHOLDERS = frozenset(
    "username user admin administrator author unknown anonymous null none n/a na undefined"
    " webmaster editor guest test default".split()
)
# Words that open a byline and are not part of the name ("By Ann Lee", "Posted by ...").
BYLINE_OPENERS = ("by ", "posted by ", "written by ", "words by ", "story by ", "from ")
# Stop-word profiles of the languages ingest's identifier names (English among them): the most
# frequent short words of each language; read by newsdossier.ingest.language.
LANGUAGE_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for it was on with as he be by at are this from his have said not but they an which were has had a i you she we my".split()),
    "de": frozenset("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach".split()),
    "fr": frozenset("le la les de des et un une du en est que qui dans pour pas sur au il elle ne se ce sont avec par plus".split()),
    "es": frozenset("el la los las de del y en que un una por con para es se no al lo su como más pero sus le ha".split()),
    "it": frozenset("il lo la gli le di del della e che un una per con non è sono in da al si come anche ma più".split()),
    "pt": frozenset("o a os as de do da dos das e que em um uma para com não é no na se por mais como mas ao".split()),
    "nl": frozenset("de het een en van in is dat op te zijn met voor niet aan er die ook als bij maar om".split()),
    "pl": frozenset("i w na z się nie do to że jest o jak po co tak za od ale przez dla już są był czy jego".split()),
    "cs": frozenset("a v se na je že s z do to o k ve jsou by jako pro ale i byl po od za tak jeho které".split()),
    "sv": frozenset("och i att det som en på är av för med till den har de inte om ett var men jag från".split()),
    "da": frozenset("og i at det er en til på de som med af for ikke den har var et der kan men fra".split()),
    "ro": frozenset("și în de la a cu pe că nu o din care se un mai este ca pentru sau au fost".split()),
    "tr": frozenset("ve bir bu da de için ile ne olarak çok daha gibi ama en olan kadar sonra her".split()),
    "hu": frozenset("a az és hogy nem is egy meg van de el ez csak már mint volt még ki be".split()),
    "fi": frozenset("ja on ei se että oli hän ovat mutta kun niin myös tai ole sen joka kanssa".split()),
    "hr": frozenset("i u je na se da za su od a s o kao što iz ali bi ne sa koji biti".split()),
}

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
