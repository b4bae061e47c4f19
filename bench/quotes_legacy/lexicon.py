"""Word lists for quote attribution: general English function words and speech verbs only."""

from __future__ import annotations

# Verbs that introduce direct or reported speech (lemmas).
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell add note write report claim argue insist state warn declare explain announce
    suggest acknowledge admit confirm deny reply respond tweet post predict promise vow allege
    estimate indicate maintain contend complain concede reveal disclose testify recall observe
    stress emphasize emphasise ask answer continue describe call label dub quip joke boast caution
    hint charge accuse speculate assert affirm agree disagree conclude remark mention comment
    urge plead shout scream yell whisper mutter sing chant proclaim lament concede retort counter
    elaborate recount reiterate repeat summarize summarise blog text email message inform
    advise assure promise threaten pledge demand question wonder propose recommend point tout brag
    """.split()
)

# Verbs of belief and finding that PolNeAR-style annotation also treats as attribution cues.
COGNITION_VERBS: frozenset[str] = frozenset(
    """
    believe think doubt fear hope feel show find learn know expect worry
    """.split()
)

PRONOUNS_PERSON: frozenset[str] = frozenset({"he", "she", "him", "her"})
PRONOUNS_PLURAL: frozenset[str] = frozenset({"they", "them"})
PRONOUNS_OTHER: frozenset[str] = frozenset({"it", "i", "we", "you", "who", "which", "that"})
PRONOUNS: frozenset[str] = PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUNS_OTHER

# Words that, right before a quote, mark it as a name for something rather than speech.
TERM_INTRODUCERS: frozenset[str] = frozenset(
    {"so-called", "dubbed", "termed", "word", "words", "term", "phrase", "slogan", "label",
     "nicknamed", "titled", "entitled", "headlined", "called", "named", "branded"}
)

DETERMINERS: frozenset[str] = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
     "my", "your"}
)

# Double quotation marks: openers, closers, and the ambiguous straight mark.
OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
ALL_DOUBLE = OPEN_MARKS + CLOSE_MARKS + STRAIGHT + "‟"

DASHES = "—–―‒"
