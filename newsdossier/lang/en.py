"""English word lists: every list an analysis reads lives here, named and documented once.

Analyses import the names they need (``from ..lang import en``) and never define a word list
of their own. Each list is a ``frozenset`` (membership) or a ``tuple`` (order matters), and
each carries a comment that says what it is for and who reads it.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- entities (names you can trust)

# Plural nouns after a surname that name a family or group, not one person ("the Williams sisters").
ENTITY_FAMILY_NOUNS = frozenset({
    "sisters", "brothers", "family", "families", "couple", "twins", "siblings", "clan", "household",
    "boys", "girls", "kids", "children", "parents", "dynasty",
})
# Month and weekday names that a tagger glues onto the end of a name ("George Takei April");
# May, June and August are left out: they are surnames too ("Theresa May").
ENTITY_DATE_WORDS = frozenset({
    "january", "february", "march", "april", "july", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
# Words of page furniture and interface prompts that never form a name ("Breaking News Emails").
ENTITY_FURNITURE_WORDS = frozenset({
    "email", "emails", "e-mail", "newsletter", "alerts", "alert", "subscribe", "sign", "signup", "replay",
    "videos", "video", "share", "tweet", "print", "comments", "comment", "advertisement", "close", "photo",
    "photos", "image", "caption", "credit", "copyright", "mail", "send", "menu", "login", "download",
    "more", "breaking", "read", "watch", "related", "next", "previous", "latest", "terms", "service",
    "privacy", "policy", "cookie", "cookies", "of", "and", "the", "for", "to", "your", "our",
})
# Last words that make a name a place even when it starts with a person's name (issue 15 adds
# facilities: "Coxsackie Correctional Facility" is no person).
ENTITY_FACILITY_HEADS = frozenset({
    "facility", "penitentiary", "jail", "institution", "complex", "terminal", "plant", "refinery",
})
# Honorifics and titles that may precede a name (entity resolution strips them; matched
# case-sensitively, dot optional). Issue 15 adds "Honourable"/"Hon" ("the Honourable X" is X).
ENTITY_TITLE_WORDS = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady",
    "Gen", "General", "Lt", "Lieut", "Maj", "Major", "Col", "Colonel", "Capt", "Captain",
    "Cmdr", "Commander", "Sgt", "Sergeant", "Cpl", "Pvt", "Adm", "Admiral", "Brig", "Rear",
    "Vice", "Sen", "Senator", "Rep", "Representative", "Gov", "Governor", "President",
    "Prime", "Minister", "Chancellor", "Premier", "King", "Queen", "Prince", "Princess",
    "Sheikh", "Shaikh", "Ayatollah", "Grand", "Imam", "Rev", "Reverend", "Father", "Pope",
    "Rabbi", "Bishop", "Cardinal", "Judge", "Justice", "Mayor", "Secretary", "Ambassador",
    "Chairman", "Chairwoman", "Speaker", "Supt", "Inspector", "Detective", "Officer",
    "Attorney", "Deputy", "Assistant", "Chief", "Mullah", "Cleric", "Emir", "Sultan",
    "Crown", "Field", "Marshal", "Gen.", "Messrs", "Mme", "Mlle", "Herr", "Frau",
    "Honourable", "Honorable", "Hon", "Rt",
    "Petty", "Warrant", "Staff", "Corporal", "Private", "Lieutenant", "Ensign", "Airman", "Seaman",
    "Trooper", "Constable", "CEO", "CFO", "COO", "CTO",
)
# Legal-form words that end a firm's name and may be dropped ("Brennick Corp" is "Brennick").
ENTITY_LEGAL_SUFFIXES = frozenset({
    "inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "lp", "llp", "ag", "sa", "nv", "gmbh",
})
