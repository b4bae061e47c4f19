"""English word lists: every list an analysis reads lives here, named and documented once.

Analyses import the names they need (``from ..lang import en``) and never define a word list
of their own. Each list is a ``frozenset`` (membership) or a ``tuple`` (order matters), and
each carries a comment that says what it is for and who reads it.
"""

from __future__ import annotations

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
    "deaths": frozenset({"kill", "die", "slay", "murder", "claim", "leave", "perish", "dead"}),
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
