"""English word lists: every list an analysis reads lives here, named and documented once.

Analyses import the names they need (``from ..lang import en``) and never define a word list
of their own. Each list is a ``frozenset`` (membership) or a ``tuple`` (order matters), and
each carries a comment that says what it is for and who reads it.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- quotes (who said what)
# Read by newsdossier.analysis.quotes (re-exported by its lexicon module).

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
    read
    """.split()
)

# Verbs of belief and finding that PolNeAR-style annotation also treats as attribution cues
# ("know" and "learn" are left out: "he knows that ..." is the writer's claim, not his words).
COGNITION_VERBS: frozenset[str] = frozenset(
    """
    believe think doubt fear hope feel show find expect worry
    """.split()
)

# Personal pronouns by number; "other" pronouns are never a speaker by themselves.
PRONOUNS_PERSON: frozenset[str] = frozenset({"he", "she", "him", "her"})
PRONOUNS_PLURAL: frozenset[str] = frozenset({"they", "them"})
PRONOUNS_OTHER: frozenset[str] = frozenset({"it", "i", "we", "you", "who", "which", "that"})
PRONOUNS: frozenset[str] = PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUNS_OTHER

# Pronouns by grammatical gender, for agreement between a speaker pronoun and its referent.
PRONOUNS_MASCULINE: frozenset[str] = frozenset({"he", "him", "his", "himself"})
PRONOUNS_FEMININE: frozenset[str] = frozenset({"she", "her", "hers", "herself"})

# First and second person (and generic "one"): outside quotation marks they are the writer or
# the reader, never the speaker of someone else's words.
PRONOUNS_SELF: frozenset[str] = frozenset(
    {"i", "me", "we", "us", "you", "one", "my", "our", "your", "myself", "ourselves", "yourself"}
)

# Relative and interrogative words the parser may give as a subject ("Who would have thought").
PRONOUNS_WH: frozenset[str] = frozenset({"who", "which", "what", "that", "whom", "whose", "whoever"})

# Words that, right before a quote, mark it as a name for something rather than speech.
TERM_INTRODUCERS: frozenset[str] = frozenset(
    {"so-called", "dubbed", "termed", "word", "words", "term", "phrase", "slogan", "label",
     "nicknamed", "titled", "entitled", "headlined", "called", "named", "branded", "motto",
     "hashtag"}
)

DETERMINERS: frozenset[str] = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
     "my", "your"}
)

# Modal auxiliaries that make a speech verb hypothetical ("might have answered", "would say").
HYPOTHETICAL_MODALS: frozenset[str] = frozenset({"would", "might", "could", "may", "should", "must"})

# Words that open an embedded question ("asked whether ..."): a question, not a statement.
QUESTION_OPENERS: frozenset[str] = frozenset(
    {"whether", "if", "what", "who", "whom", "why", "how", "when", "where", "which"}
)

# Honorifics that tell a person's gender.
HONORIFICS_MASCULINE: frozenset[str] = frozenset({"mr", "mr.", "sir", "lord"})
HONORIFICS_FEMININE: frozenset[str] = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "madam"})

# Role nouns that tell a person's gender (lemmas).
NOUNS_MASCULINE: frozenset[str] = frozenset(
    """
    man husband father son brother boy king prince spokesman chairman congressman businessman
    actor uncle nephew grandfather boyfriend dad widower gentleman sportsman councilman
    """.split()
)
NOUNS_FEMININE: frozenset[str] = frozenset(
    """
    woman wife mother daughter sister girl queen princess spokeswoman chairwoman congresswoman
    businesswoman actress aunt niece grandmother girlfriend mom widow lady sportswoman councilwoman
    """.split()
)

# Nouns that, with "the" or a possessive, describe a person named elsewhere ("the governor").
PERSON_DESCRIPTION_NOUNS: frozenset[str] = frozenset(
    """
    lawyer attorney spokesman spokeswoman spokesperson official actor actress governor senator
    president minister secretary chief executive director star singer comedian candidate judge
    prosecutor officer detective mayor author researcher scientist professor doctor coach player
    manager founder chairman chairwoman congressman congresswoman representative lawmaker leader
    ceo chancellor ambassador commissioner sheriff spokesperson analyst economist writer
    filmmaker director rapper musician businessman businesswoman billionaire entrepreneur
    defendant suspect victim witness man woman teen teenager boy girl
    """.split()
)

# Nouns that, with "the" or a possessive, describe an organisation named elsewhere ("the company").
ORG_DESCRIPTION_NOUNS: frozenset[str] = frozenset(
    """
    company firm agency group department ministry campaign network organization organisation
    corporation business retailer maker manufacturer startup bank airline carrier team club
    committee council party union university school hospital newspaper paper magazine broadcaster
    channel studio label publisher government administration authority commission foundation
    charity institute office
    """.split()
)

# Nouns for documents and recordings: evidence of what someone said, not a speaker when a
# person is named as the one who spoke ("he said, according to a video of his remarks").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """
    video recording tape footage transcript document documents record records filing filings
    paper papers report letter email statement indictment complaint affidavit motion lawsuit
    memo post tweet interview study survey poll
    """.split()
)

# Common English given names by usual gender: weak evidence for pronoun agreement ("she said"
# after "Claire ..."), always outweighed by what the article itself says (honorifics, pronouns).
GIVEN_NAMES_MASCULINE: frozenset[str] = frozenset(
    """
    james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
    brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron
    jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith
    roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe
    bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene
    russell bobby mason philip louis bill mike jim tom bob dan steve tim chris joe ted mitt barack
    bernie newt rudy rand marco jeb chuck mitch lindsey harry jimmy ron ben nick tony hank
    """.split()
)
GIVEN_NAMES_FEMININE: frozenset[str] = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
    margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma
    nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather
    diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
    megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn
    janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly
    isabella theresa diana natalie brittany charlotte marie kayla alexis lori hillary claire
    elena nancy sheryl oprah meghan kate jane sue ellen beth anne melania ivanka chelsea kellyanne
    sally condoleezza madeleine nikki sonia ruth elaine tammy kamala tulsi amy susan felecia
    """.split()
)

# Verbs that name or describe rather than report ("Lenovo calls it a table PC"): with an
# object they introduce a label, never a reported clause or a one-word quote.
NAMING_VERBS: frozenset[str] = frozenset({"call", "dub", "label", "name", "term", "describe", "brand", "nickname"})
