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

# (moved from newsdossier.analysis.points.claims and .facts)
# verdict trigger lemma -> (polarity, role of its target: subj / obj / for / mod)
VERDICT_TRIGGERS = {
    # stronger
    "strengthen": ("positive", "obj"), "bolster": ("positive", "obj"), "boost": ("positive", "obj"),
    "empower": ("positive", "obj"), "embolden": ("positive", "obj"),
    "strong": ("positive", "mod"), "stronger": ("positive", "mod"), "powerful": ("positive", "mod"),
    "win": ("positive", "subj"), "prevail": ("positive", "subj"), "triumph": ("positive", "for"),
    "victory": ("positive", "for"), "winner": ("positive", "subj"), "survive": ("positive", "subj"),
    "victorious": ("positive", "mod"),
    # weaker
    "weaken": ("negative", "obj"), "undermine": ("negative", "obj"), "humiliate": ("negative", "obj"),
    "isolate": ("negative", "obj"), "marginalise": ("negative", "obj"), "marginalize": ("negative", "obj"),
    "defeat": ("negative", "obj"), "deplete": ("negative", "obj"), "damage": ("negative", "obj"),
    "weak": ("negative", "mod"), "weaker": ("negative", "mod"), "isolated": ("negative", "mod"),
    "beleaguered": ("negative", "mod"), "embattled": ("negative", "mod"), "humiliated": ("negative", "mod"),
    "lose": ("negative", "subj"), "trouble": ("negative", "subj"), "humiliation": ("negative", "subj"),
    "loser": ("negative", "subj"), "setback": ("negative", "for"), "blow": ("negative", "for"),
    "defeated": ("negative", "mod"),
    # success / failure
    "succeed": ("positive", "subj"), "success": ("positive", "for"), "successful": ("positive", "mod"),
    "work": ("positive", "subj"),
    "fail": ("negative", "subj"), "failure": ("negative", "for"), "disaster": ("negative", "for"),
    "fiasco": ("negative", "for"), "doom": ("negative", "obj"), "doomed": ("negative", "mod"),
}
# verdict triggers that judge an undertaking (success or failure), not an actor's strength
SUCCESS_TRIGGERS = frozenset({
    "succeed", "success", "successful", "work", "fail", "failure", "disaster", "fiasco", "doom",
    "doomed",
})
# nouns of undertakings whose 'working' is a verdict ('the plan is working')
UNDERTAKINGS = frozenset({
    "plan", "strategy", "policy", "approach", "tactic", "gamble", "deal", "ceasefire", "truce",
    "operation", "offensive", "campaign", "surge", "reform", "programme", "program", "effort",
    "initiative", "crackdown", "clampdown", "assault", "attack", "bid", "talks", "negotiation",
})
# verbs of a result state ('left X weaker', 'made X stronger')
RESULT_VERBS = frozenset({"leave", "make", "render", "keep"})
# verbs after which plain 'strong'/'weak' is a verdict ('emerged strong')
STATE_VERBS = frozenset({"emerge", "come", "grow", "become", "remain", "look", "appear", "seem", "get",
                "leave", "make", "portray", "see", "consider", "view", "feel", "prove", "end"})
# objects of 'lose' that keep it a verdict ('lost ground', 'lost support')
LOSABLE = frozenset({"ground", "war", "battle", "fight", "election", "vote", "support", "power", "control",
            "seat", "influence", "face", "momentum", "credibility", "race", "more", "much", "lot"})
# nouns of standing whose possessor a verdict is about ('X's authority weakened')
STANDING_ATTRIBUTES = frozenset({
    "authority", "capital", "position", "standing", "prestige", "hand", "power", "influence",
    "credibility", "grip", "popularity", "reputation", "status", "credential", "image", "base",
    "support", "legitimacy", "leadership", "shape", "hold", "clout", "movement", "government",
})
# words that hedge a verdict (may, might, perhaps, seems)
HEDGES = frozenset({"may", "might", "could", "would", "perhaps", "maybe", "possibly", "appear", "seem", "likely",
           "probably", "apparently", "arguably", "chance"})
# reporting verbs whose subject holds the verdict reported under them
VERDICT_SPEECH_VERBS = frozenset({
    "say", "tell", "add", "note", "argue", "suggest", "claim", "believe", "think", "doubt",
    "insist", "warn", "conclude", "contend", "assert", "maintain", "report", "write", "state",
    "explain", "predict", "acknowledge", "admit", "point", "told", "fear", "agree",
})
# subordinators of background clauses, not verdicts ('after X failed')
BACKGROUND_MARKS = frozenset({"after", "before", "when", "until", "once", "since"})
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
    "kill": "deaths", "die": "deaths", "slay": "deaths", "murder": "deaths",
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
# verbs whose subject is counted by the verb ('twelve people died')
SUBJECT_COUNTED_VERBS = frozenset({"die"})
# objects of 'win' that keep it a verdict ('won support', 'won the round')
WINNABLE = LOSABLE | {"concession", "backing", "majority", "round", "day"}
