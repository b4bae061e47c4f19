"""English word lists of the summary: which sentences can stand alone, captions, boilerplate.

Part of :mod:`newsdossier.lang.en`, which re-exports every name here (read them as ``en.X``);
split off to keep each module of the house under about 800 lines.
"""

from __future__ import annotations

__all__ = [
    "SUMMARY_BACK_REFERENCES",
    "SUMMARY_BOILERPLATE",
    "SUMMARY_CAPTION_OPENERS",
    "SUMMARY_LIST_OPENERS",
    "SUMMARY_DEMONSTRATIVES",
    "SUMMARY_DEPENDENT_OPENERS",
    "SUMMARY_DEPENDENT_PHRASES",
    "SUMMARY_NEWSROOM_NOTICES",
    "SUMMARY_OBJECT_PRONOUNS",
    "SUMMARY_SUBJECT_PRONOUNS",
    "SUMMARY_FIRST_PERSON",
    "SUMMARY_NON_SCENE_VERBS",
    "SUMMARY_QUERY_INSTRUCTIONS",
    "SUMMARY_QUOTE_CHARS",
    "SUMMARY_SPEECH_VERBS",
    "SUMMARY_THIRD_PRONOUNS",
    "SUMMARY_TIME_NOUNS",
    "SUMMARY_TRIM_CONNECTIVES",
    "SUMMARY_TRIM_CONJUNCTIONS",
    "SUMMARY_ATTRIBUTION_VERBS",
]

# Words whose tokens lie inside double quotes for the summary's quote rules (characters).
SUMMARY_QUOTE_CHARS = "\"“”„«»"
# Sentence openers that point back to the sentence before (pronouns, connectives): such a
# sentence cannot open a summary sentence on its own.
SUMMARY_DEPENDENT_OPENERS = frozenset(
    "he she it they them him her his hers its their theirs this these those such "
    "but and or nor so also however meanwhile still yet instead then thus therefore moreover "
    "furthermore nonetheless nevertheless likewise similarly besides otherwise hence "
    "accordingly additionally later afterward afterwards again both another that's that".split()
)
# Multi-word openers that point back to the sentence before ("Either way, ...", "For example,
# ..."): lower case, matched at the start of the sentence, followed by a non-word character.
SUMMARY_DEPENDENT_PHRASES = (
    "either way", "for example", "for instance", "as a result", "even so", "in turn",
    "in other words", "by then", "at that point", "after that", "on top of that", "in response",
    "to that end", "in that case", "if so", "if not", "not only that", "even then", "until then",
    "since then", "because of that", "because of this", "despite this", "despite that",
    "all of this", "none of this", "all of that", "none of that",
)
# Third-person pronouns that, as the subject of the main clause with no name before them in the
# sentence ("Even though ..., she says ..."), refer to someone named in an earlier sentence.
SUMMARY_SUBJECT_PRONOUNS = frozenset("he she they".split())
# The same as the object of the main verb ("Officers ... brought him to ...").
SUMMARY_OBJECT_PRONOUNS = frozenset("him them".split())
# Time nouns after "this"/"these"/"that" that make the opener a date, not a back-reference.
SUMMARY_TIME_NOUNS = frozenset(
    "week weekend month year morning afternoon evening night season summer spring fall autumn "
    "winter decade century".split()
)
# Demonstratives among SUMMARY_DEPENDENT_OPENERS that a time noun after them (SUMMARY_TIME_NOUNS,
# "this week") turns into a date rather than a back-reference.
SUMMARY_DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})
# Words that, before "is/are", announce a list rather than say something ("The following are ...").
SUMMARY_LIST_OPENERS = frozenset({"following", "here"})
# Lemmas of a present-tense root that describe no scene (a caption tells a scene: "Fighters wear
# masks ... on Wednesday"); speech verbs (SUMMARY_SPEECH_VERBS) are left out the same way.
SUMMARY_NON_SCENE_VERBS = frozenset({"be", "have"})
# Words that open a photo caption or credit line (case-insensitive, at the sentence start).
SUMMARY_CAPTION_OPENERS = ("photo", "image", "video", "file", "caption", "credit")
# Third-person pronouns: met before any noun, the sentence needs its neighbour.
SUMMARY_THIRD_PRONOUNS = frozenset("he she him her his hers they them their theirs".split())
# First-person pronouns outside quotes: an aside of the writer, not reporting.
SUMMARY_FIRST_PERSON = frozenset("i me my mine we us our ours myself ourselves".split())
# Lemmas of speech verbs (a quote with one of these outside the quotes has its speaker).
SUMMARY_SPEECH_VERBS = frozenset(
    "say tell add write state ask explain accord note insist claim announce declare tweet recall "
    "warn argue report testify acknowledge confirm admit reply respond suggest".split()
)
# Words of a summary query that ask rather than name the topic ("Describe ... Include ...").
SUMMARY_QUERY_INSTRUCTIONS = frozenset(
    "describe description discuss discussion identify include including information provide "
    "explain report reports reported specific specifically example examples detail details "
    "give list mention mentioned tell find know happen happened happening regarding concerning "
    "relate related relating involve involved aspect aspects kind kinds type types way ways "
    "issue issues current recent development developments news article articles event events "
    "effort efforts activity activities".split()
)
# Phrases of site and photo boilerplate that survive page cleaning (lower case, word-bounded).
SUMMARY_BOILERPLATE = (
    "click here", "sign up", "all rights reserved", "copyright", "follow us", "subscribe",
    "for more information", "photo:", "image:", "(photo", "ap photo", "getty images",
    "file photo", "this page", "this website", "this site", "our website", "our site",
)
# Newsroom process notes (lower case, word-bounded, outside quotes): a reporter's unanswered call
# and a site thanking or instructing its reader are no part of the story.
SUMMARY_NEWSROOM_NOTICES = (
    "left a message", "left messages", "left a voicemail", "seeking comment",
    "did not immediately respond", "didn't immediately respond", "did not respond to a request",
    "did not respond to requests", "did not respond to messages", "did not return calls",
    "did not return a call", "did not return messages", "could not be reached",
    "couldn't be reached", "could not immediately be reached", "could not immediately be identified",
    "not immediately available for comment",
    "declined to comment", "declined to be interviewed", "thank you for",
)
# Phrases that point back to what the sentence before said ("..., that's why.").
SUMMARY_BACK_REFERENCES = (
    "that's why", "that is why", "this is why", "which is why", "that was why", "this was why",
    "that’s why", "did too", "does too", "did so too",
)
# Leading connectives a summary sentence may leave out (lower case, longest first): they tie the
# sentence to the one before and add no content; followed by a comma, except the conjunctions.
SUMMARY_TRIM_CONNECTIVES = (
    "at the same time", "on the other hand", "in the meantime", "in addition", "by contrast",
    "in contrast", "however", "meanwhile", "moreover", "furthermore", "nonetheless",
    "nevertheless", "additionally", "still", "also", "but", "and", "yet",
)
# Conjunctions among SUMMARY_TRIM_CONNECTIVES that need no comma after them ("But the mayor ...").
SUMMARY_TRIM_CONJUNCTIONS = frozenset({"but", "and", "yet"})
# Lemmas of the verbs of a trailing attribution ("..., officials said.") a summary may leave out.
SUMMARY_ATTRIBUTION_VERBS = frozenset(
    "say tell add report note write announce confirm explain state".split()
)
