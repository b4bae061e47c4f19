"""English word lists of evaluative claims (verdicts): triggers, their targets and what
turns a trigger into no verdict.

Part of :mod:`newsdossier.lang.en`, which re-exports every name here (read them as ``en.X``);
split off to keep each module of the house under about 800 lines. Read by
:mod:`newsdossier.analysis.points.claims`.
"""

from __future__ import annotations

__all__ = [
    "ATTAINMENT_VERBS",
    "BACKGROUND_MARKS",
    "FAILED_TESTS",
    "FAILURE_TERM_MODIFIERS",
    "HEDGES",
    "JUDGE_VERBS",
    "CONTROLLED_BODIES",
    "LOSABLE",
    "PHYSICAL_HARM_ADVERBS",
    "RESULT_VERBS",
    "STANDING_ATTRIBUTES",
    "STATE_VERBS",
    "SURVIVAL_NOT_VERDICT",
    "SUCCESS_TRIGGERS",
    "UNDERTAKINGS",
    "VERDICT_NEGATING_ADVERBS",
    "VERDICT_SPEECH_VERBS",
    "VERDICT_TRIGGERS",
    "WINNABLE",
]

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
# verbs of attaining what one set out to do: 'failed to <verb>' judges the undertaking ('failed to
# win', 'failed to reach a deal', 'failed to break the deadlock'); after any other verb it reports an
# omission ('failed to disclose', 'failed to check', 'failed to visit'), which is no verdict. Light
# verbs ('make', 'take', 'get') are left out: 'failed to make it clear' is an omission too.
ATTAINMENT_VERBS = frozenset({
    "win", "reach", "secure", "pass", "qualify", "achieve", "attract", "prove", "persuade", "convince",
    "break", "end", "resolve", "solve", "settle", "stop", "halt", "curb", "contain", "defeat", "beat",
    "capture", "gain", "regain", "earn", "land", "meet", "produce", "deliver", "complete", "finish",
    "raise", "boost", "improve", "revive", "save", "rescue", "overturn", "block", "topple", "oust",
    "unseat", "retake", "recapture", "restore", "clinch", "score", "advance", "survive",
})
# modifiers that make 'failure' a medical or technical term, no verdict ('respiratory failure')
FAILURE_TERM_MODIFIERS = frozenset({
    "respiratory", "heart", "cardiac", "kidney", "renal", "liver", "hepatic", "organ", "pulmonary",
    "lung", "engine", "power", "mechanical", "equipment", "brake", "electrical", "hydraulic", "crop",
})
# adverbs that turn a verdict into its opposite ('almost succeeded': did not succeed)
VERDICT_NEGATING_ADVERBS = frozenset({"never", "hardly", "less", "almost", "nearly"})
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
# verbs of judging: their subject holds the verdict, their object (or the small clause's subject)
# is its target ('critics called X a failure', 'many consider X a disaster', 'they see X as weak');
# with neither, the verdict noun names what the subject perceives, no target ('they see a disaster')
JUDGE_VERBS = frozenset({
    "call", "consider", "deem", "declare", "label", "dub", "brand", "term", "regard", "view", "see",
    "describe", "pronounce", "judge", "rate", "count",
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
# objects of 'win' that keep it a verdict ('won support', 'won the round')
WINNABLE = LOSABLE | {"concession", "backing", "majority", "round", "day"}
# what 'lost control of X' is a verdict about when X is no name: a body or a place one governs
# ('lost control of the chamber'); of a vehicle, a limb or oneself it is an accident, no verdict
CONTROLLED_BODIES = frozenset({
    "senate", "house", "chamber", "congress", "parliament", "legislature", "assembly", "council",
    "government", "party", "majority", "city", "country", "region", "territory", "province", "state",
    "capital", "board", "company", "agenda", "debate", "process", "negotiations", "talks",
})
# what one 'survives' without being judged for it: a stretch of time or a physical peril ('survived
# one winter on the run', 'survived the crash'); a vote, a challenge or a scandal survived is a verdict
SURVIVAL_NOT_VERDICT = frozenset({
    "winter", "summer", "spring", "autumn", "fall", "night", "day", "week", "month", "year", "decade",
    "crash", "accident", "attack", "bombing", "blast", "explosion", "fire", "flood", "quake",
    "earthquake", "storm", "hurricane", "tornado", "tsunami", "surgery", "cancer", "shooting",
    "ordeal", "injury", "wound", "disease", "illness", "stroke", "heart", "transplant",
    "assassination", "bomb", "car-bomb", "ambush", "shipwreck",
})
# what one fails as an event, not as a verdict on one's standing ('failed the bar examination',
# 'failed a drug test', 'failed an inspection')
FAILED_TESTS = frozenset({"test", "exam", "examination", "inspection", "audit", "course", "class", "grade",
                          "physical", "screening", "check", "polygraph", "breathalyzer", "vetting", "quiz"})
# degrees of harm that make a passive 'damaged' physical ('were badly damaged'), no verdict
PHYSICAL_HARM_ADVERBS = frozenset({"badly", "heavily", "severely", "extensively", "slightly", "partially",
                                   "partly", "seriously", "moderately", "lightly"})
