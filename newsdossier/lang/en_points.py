"""English word lists of figures and points: quantities and their units, what a count counts,
tolls and their updates, frames, and the pronouns and governors the verdicts read.

Part of :mod:`newsdossier.lang.en`, which re-exports every name here (read them as ``en.X``);
split off to keep each module of the house under about 800 lines. Read by
:mod:`newsdossier.analysis.points` (and the timeline, for number words).
"""

from __future__ import annotations

__all__ = [
    "CHANGE_VERB_FORMS",
    "COMPASS_WORDS",
    "COUNTED_UNITS",
    "CURRENCY_SIGNS",
    "CURRENCY_WORDS",
    "DURATION_UNITS",
    "FEW_COUNTS",
    "FRAME_NOUNS",
    "FRAME_PREPOSITIONS",
    "GENERIC_PEOPLE",
    "HOME_NOUNS",
    "IDENTIFIER_NOUNS",
    "KINSHIP_WORDS",
    "LEAVER_VERBS",
    "MEASURE_UNITS",
    "MONEY_WORDS",
    "MOVER_VERBS",
    "NEUTRAL_VERBS",
    "NUMBER_WORDS",
    "OUTCOME_TRIGGERS",
    "PARTIAL_MODIFIERS",
    "PEOPLE_UNITS",
    "PRONOUNS_NEUTER",
    "QUANTITY_QUALIFIERS",
    "SCALE_WORDS",
    "SIMILARITY_STOPWORDS",
    "SUBJECT_COUNTED_VERBS",
    "TENS_WORDS",
    "TOLL_UNITS",
    "PROJECTION_MODALS",
    "TOLL_VERBS",
    "UPDATE_CUES",
    "VAGUE_AMOUNTS",
    "VAGUE_MODIFIERS",
    "VERB_UNITS",
    "VERDICT_NOUN_GOVERNORS",
]

# --------------------------------------------------------------------------- claims, numbers, points
# (read by newsdossier.analysis.points)

# words that make "<number> pounds" a sum of money rather than a weight
MONEY_WORDS = frozenset({
    "paid", "pay", "pays", "cost", "costs", "fine", "fined", "fines", "worth", "spend", "spent", "raised",
    "budget", "price", "priced", "salary", "fund", "funds", "funding", "deal", "bill", "sold", "bought",
    "buy", "sell", "damages", "compensation", "award", "awarded", "prize", "bonus", "fee", "fees", "tax",
    "bail", "loan", "debt", "revenue", "profit", "profits", "charge", "charged", "bid", "offer", "offered",
})
# capitalised nouns a number right after is the name or code of (not a count): "House Bill 70"
IDENTIFIER_NOUNS = (
    "Road", "Route", "Highway", "Interstate", "No", "Number", "Flight", "Channel", "Room", "Suite", "Apt",
    "Box", "Bill", "Act", "Proposition", "Prop", "District", "Precinct", "Ward", "Unit", "Station", "Gate",
    "Pier", "Terminal", "Track", "Exit", "Lot", "Chapter", "Section", "Article", "Amendment", "Title",
    "Rule", "Resolution", "Measure", "Volume", "Vol", "Episode", "Season", "Level", "Grade", "Category",
    "Model", "Version", "Phase", "Zone", "Sector", "Floor", "Apartment", "Building", "Pad", "Platform",
    "Lane", "Bus", "Line", "Code", "Form", "Item", "Page", "Figure", "Table", "Step", "Stage", "Game",
    "Week", "Day", "Round", "Race", "Heat", "Lap", "Hole", "Court", "Sec", "Art", "Reg", "Flt", "Rte",
    "Hwy", "Ste", "Fig", "Camp", "Base", "Block", "Squad", "Battalion", "Brigade", "Division",
    "Regiment", "Company", "Engine", "Ladder", "Truck", "Car", "Seat", "Row", "Hall", "Studio", "Stand",
    "Class", "Type", "Mark",
    "SB", "HB", "AB",
    "HR", "H.R.", "S.", "Ordinance", "Question", "Issue",
)
# modifiers that make a count a part of a larger one ("three other men", "20 more"): not the total
PARTIAL_MODIFIERS = frozenset({"other", "additional", "more", "another", "extra", "further", "new"})
# modifiers of a counted noun that say nothing about what is counted
VAGUE_MODIFIERS = frozenset({"total", "some", "estimated", "about", "approximately", "roughly", "overall"})
# nouns that limit a count to one occasion or period ("in this primary", "during the season")
FRAME_NOUNS = frozenset({
    "primary", "election", "season", "quarter", "year", "month", "week", "period", "term", "game", "round",
    "race", "tournament", "campaign", "decade", "century", "semester", "session", "cycle", "poll", "survey",
    "study", "experiment", "trial", "phase", "stage", "match", "final", "series", "half", "inning",
})
# counts that change as a story unfolds (a later report may update an earlier one)
TOLL_UNITS = frozenset({"deaths", "injured", "displaced", "detainees", "casualties", "missing", "hostages",
                        "evacuated", "cases", "arrests"})
# words in a sentence that mark its figure as the latest of a changing count
UPDATE_CUES = ("now", "has risen", "have risen", "rose to", "risen to", "climbed", "so far", "latest",
               "updated", "as of", "has grown", "increased to", "jumped to", "revised", "far more than")
# words left out when comparing two sentences (function words and reporting verbs)
SIMILARITY_STOPWORDS = frozenset({
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
    "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "it", "its", "this", "that",
    "these", "those", "he", "she", "they", "them", "his", "her", "their", "we", "our", "you", "i", "who",
    "which", "what", "when", "where", "said", "says", "say", "told", "according", "also", "than", "more",
    "about", "some", "over", "after", "before", "into", "out", "up", "not", "no", "will", "would", "could",
    "can", "may", "there", "here", "all", "one", "s", "just", "so", "if", "do", "did", "does", "mr", "ms",
    "mrs", "reported", "report", "reports", "nearly", "almost", "around", "least", "only", "such",
})
# counted nouns that name no group of their own ("people" killed and "residents" killed may be one toll)
GENERIC_PEOPLE = frozenset({"people", "person", "resident", "civilian", "residents", "civilians"})
# verdict triggers that mostly report an outcome (a game, an award, a vote), not a judgement of
# standing: alone they do not make a contested verdict
OUTCOME_TRIGGERS = frozenset({"win", "lose", "winner", "loser", "victory", "victorious", "defeat", "defeated",
                              "triumph", "prevail", "survive"})
# verbs that state a toll of each kind (two reports of one toll may use different ones)
TOLL_VERBS = {
    "deaths": frozenset({"kill", "die", "slay", "murder", "claim", "leave", "perish", "dead", "massacre",
                         "slaughter", "assassinate", "behead", "lynch"}),
    "injured": frozenset({"injure", "wound", "hurt", "leave", "treat", "hospitalize", "hospitalise"}),
    "displaced": frozenset({"force", "drive", "flee", "leave", "evacuate", "displace", "uproot", "abandon",
                            "chase", "push", "send", "make", "render"}),
    "detainees": frozenset({"arrest", "detain", "hold", "imprison", "jail", "capture", "take", "round"}),
    "missing": frozenset({"remain", "go", "list", "report"}),
}
# verbs that state a figure without saying what happened ("the toll is/has risen to/stands at ...")
NEUTRAL_VERBS = frozenset({"", "be", "have", "rise", "climb", "reach", "stand", "say", "report", "confirm",
                           "put", "estimate", "number", "total", "increase", "grow", "jump"})
# family words written like names ("Dad", "Grandma"): a verdict about them is no verdict about a named entity
KINSHIP_WORDS = frozenset({"dad", "daddy", "mom", "mommy", "mum", "mummy", "mother", "father", "ma", "pa", "papa",
                           "mama", "grandma", "grandpa", "granny", "nana", "grandmother", "grandfather", "auntie",
                           "aunt", "uncle", "sis", "bro", "baby", "honey", "son", "daughter"})

# counted noun lemma -> canonical unit (soldier -> troops, fatality -> deaths)
COUNTED_UNITS = {
    "troop": "troops", "soldier": "troops", "marine": "troops", "paratrooper": "troops",
    "servicemember": "troops", "serviceman": "troops", "personnel": "troops",
    "force": "troops", "reservist": "troops",
    "fighter": "fighters", "militiaman": "fighters", "militant": "fighters", "gunman": "fighters",
    "insurgent": "fighters", "rebel": "fighters", "combatant": "fighters",
    "death": "deaths", "fatality": "deaths", "dead": "deaths", "body": "deaths",
    "casualty": "casualties", "wounded": "injured", "injury": "injured",
    "detainee": "detainees", "prisoner": "detainees", "inmate": "detainees",
    "captive": "detainees", "arrest": "detainees", "hostage": "hostages",
    "resident": "residents", "inhabitant": "residents", "citizen": "residents",
    "refugee": "displaced", "evacuee": "displaced",
    "family": "families", "household": "families", "home": "homes", "house": "homes",
    "people": "people", "person": "people", "civilian": "civilians", "child": "children",
    "student": "students", "worker": "workers", "employee": "employees", "job": "jobs",
    "vote": "votes", "voter": "voters",
}
# verb lemma -> what the people it acts on are counted as (kill -> deaths)
VERB_UNITS = {
    "kill": "deaths", "die": "deaths", "slay": "deaths", "murder": "deaths", "massacre": "deaths",
    "slaughter": "deaths", "assassinate": "deaths", "behead": "deaths", "lynch": "deaths",
    "arrest": "detainees", "detain": "detainees", "hold": "detainees", "imprison": "detainees",
    "jail": "detainees", "capture": "detainees", "injure": "injured", "wound": "injured",
    "hurt": "injured", "evacuate": "displaced", "displace": "displaced", "flee": "displaced",
}
# units that name people without a role of their own
PEOPLE_UNITS = frozenset({"people", "civilians", "residents", "children", "families"})
# verbs that, with 'from <home>' or 'to flee', count the people they move as displaced
MOVER_VERBS = frozenset({"drive", "force", "chase", "push", "send", "flush", "evacuate", "displace", "uproot"})
# places people are driven from ('from their homes')
HOME_NOUNS = frozenset({"home", "house", "village", "town", "city", "area", "neighbourhood", "neighborhood",
          "district", "land", "region", "apartment", "flat", "shelter", "camp"})
# verbs of leaving a home ('left their homes', 'fled')
LEAVER_VERBS = frozenset({"leave", "flee", "abandon", "evacuate"})
# modals that make a figure a projection, not a report ("as many as 40,000 could have died")
PROJECTION_MODALS = frozenset({"could", "might", "may"})
# Directions of one place from another ("Izmit, 55 miles east of Istanbul"): with "of" or "from"
# after them, the distance between two named places
COMPASS_WORDS = frozenset(
    """
    north south east west northeast northwest southeast southwest north-east north-west south-east
    south-west northeastern northwestern southeastern southwestern north-northeast north-northwest
    south-southeast south-southwest east-northeast east-southeast west-northwest west-southwest
    """.split()
)
# Words of a change in a level ("shares fell $3 to $25", "rose from 10 to 12 percent", "up 4 to
# 118"): the figure after them and the one after "to" are a change and a level, not a range.
CHANGE_VERB_FORMS = frozenset(
    """
    rose rise rises risen rising fell fall falls fallen falling dropped drop drops dropping climbed climb
    climbs climbing jumped jump jumps jumping soared soar soars soaring plunged plunge plunges plunging
    slipped slip slips slipping gained gain gains gaining lost lose loses losing declined decline declines
    declining increased increase increases increasing decreased decrease decreases decreasing grew grow
    grows growing shrank shrink shrinks shrinking surged surge surges surging tumbled tumble tumbles
    slid slide slides sank sink sinks skidded skid plummeted plummet rebounded rebound advanced retreated
    up down
    """.split()
)
# verbs whose subject is counted by the verb ('twelve people died')
SUBJECT_COUNTED_VERBS = frozenset({"die"})

# --------------------------------------------------------------------------- numbers and quantities

# Number words and their values: units ("zero".."nineteen"), tens, and scale words with the
# short forms of news headlines ("bn", "m", "k"); read by the figures and the timeline.
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "mn": 1_000_000,
    "k": 1_000, "tn": 1_000_000_000_000,
}
# Vague small counts as a date expression reads them ("a few days ago": 3).
FEW_COUNTS = {"a few": 3, "few": 3, "several": 3, "a couple of": 2, "couple of": 2}
# Currency signs and words -> ISO 4217 code; duration words -> (unit, multiple); vague amounts
# ("several hundred") -> (pattern, low, high); qualifiers of a figure -> which bound it sets
# ("more than": low) or "approx". Read by newsdossier.analysis.points.quantities.
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "euro": "EUR",
    "euros": "EUR", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "usd": "USD", "gbp": "GBP",
    "eur": "EUR",
}
DURATION_UNITS = {
    "second": ("seconds", 1), "minute": ("minutes", 1), "hour": ("hours", 1), "day": ("days", 1),
    "night": ("days", 1), "week": ("days", 7), "fortnight": ("days", 14), "month": ("months", 1),
    "year": ("years", 1), "decade": ("years", 10),
}
VAGUE_AMOUNTS = [
    (r"hundreds\s+of\s+thousands", 200_000, 999_999),
    (r"tens\s+of\s+thousands", 20_000, 99_999),
    (r"tens\s+of\s+millions", 20_000_000, 99_999_999),
    (r"hundreds\s+of\s+millions", 200_000_000, 999_999_999),
    (r"(?:several|a\s+few)\s+dozen", 36, 99),
    (r"several\s+hundred", 300, 999),
    (r"several\s+thousand", 3_000, 9_999),
    (r"several\s+million", 3_000_000, 9_999_999),
    (r"a\s+few\s+hundred", 200, 500),
    (r"a\s+few\s+thousand", 2_000, 5_000),
    (r"a\s+few\s+million", 2_000_000, 5_000_000),
    (r"dozens", 24, 99),
    (r"scores", 40, 199),
    (r"hundreds", 200, 999),
    (r"thousands", 2_000, 9_999),
    (r"millions", 2_000_000, 999_999_999),
    (r"a\s+handful", 2, 6),
    (r"several", 3, 9),
    (r"a\s+few", 2, 5),
]
QUANTITY_QUALIFIERS = {
    "more than": "low", "over": "low", "at least": "low", "upwards of": "low",
    "in excess of": "low", "up to": "high", "as many as": "high", "fewer than": "high",
    "less than": "high", "under": "high", "nearly": "approx", "almost": "approx",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "close to": "approx",
    "just over": "approx", "just under": "approx",
}

# --------------------------------------------------------------------------- moved from points, reuse, ingest

# Third-person singular pronouns of things (a verdict's target "it" refers back to a thing).
PRONOUNS_NEUTER: frozenset[str] = frozenset({"it", "its"})
# Verbs whose object noun carries a verdict about the subject ("suffered a defeat", "proved a success").
VERDICT_NOUN_GOVERNORS: frozenset[str] = frozenset(
    "endure suffer face experience be prove call deal dealt represent mark hand consider see declare claim score".split()
)
# Prepositions that open the time or place frame a figure is limited to ("in 2012", "during the season").
FRAME_PREPOSITIONS: frozenset[str] = frozenset(
    "in during since on at for from by between until over".split()
)
# Units of measure as written -> (dimension, canonical unit); read by the figures.
MEASURE_UNITS: dict[str, tuple[str, str]] = {
    **{u: ("length", "feet") for u in ("feet", "foot", "ft")},
    **{u: ("length", "miles") for u in ("miles", "mile")},
    **{u: ("length", "metres") for u in ("meters", "metres", "meter", "metre")},
    **{u: ("length", "km") for u in ("km", "kilometers", "kilometres", "kilometer", "kilometre")},
    **{u: ("length", "inches") for u in ("inches", "inch")},
    **{u: ("length", "yards") for u in ("yards", "yard")},
    **{u: ("weight", "pounds") for u in ("lbs", "lb")},
    **{u: ("weight", "kg") for u in ("kilograms", "kilogram", "kg", "kilos")},
    **{u: ("weight", "tons") for u in ("tons", "ton", "tonnes", "tonne")},
    **{u: ("weight", "ounces") for u in ("ounces", "ounce", "oz")},
    **{u: ("weight", "grams") for u in ("grams", "gram")},
    **{u: ("area", "acres") for u in ("acres", "acre")},
    **{u: ("area", "hectares") for u in ("hectares", "hectare")},
    **{u: ("area", "square miles") for u in ("square miles", "square mile", "sq miles", "sq. miles", "sq mi",
                                             "sq. mi.", "sq. mi")},
    **{u: ("area", "square km") for u in ("square kilometers", "square kilometres", "square kilometer",
                                          "square kilometre", "sq km", "sq. km.", "sq. km", "sq. kms", "sq kms",
                                          "sq. kms.", "km2", "km²")},
    **{u: ("area", "square feet") for u in ("square feet", "square foot", "sq ft")},
    **{u: ("speed", "mph") for u in ("mph", "miles per hour", "miles an hour")},
    **{u: ("speed", "km/h") for u in ("km/h", "kph", "kilometres per hour", "kilometers per hour")},
    **{u: ("temperature", "degrees") for u in ("degrees",)},
}
