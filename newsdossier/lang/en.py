"""English word lists: every list an analysis reads lives here, named and documented once.

Analyses import the names they need (``from ..lang import en``) and never define a word list
of their own. Each list is a ``frozenset`` (membership) or a ``tuple`` (order matters), and
each carries a comment that says what it is for and who reads it.
"""

from __future__ import annotations

# Split off to keep modules under about 800 lines; every list still reads as en.X.
from .en_pages import *  # noqa: F403
from .en_points import *  # noqa: F403
from .en_sources import *  # noqa: F403
from .en_summary import *  # noqa: F403
from .en_timeline import *  # noqa: F403
from .en_verdicts import *  # noqa: F403

# --------------------------------------------------------------------------- ingest (robust)

# Month names as written in dates (capitalised), and their abbreviations ("Sept" beside "Sep"):
# read by the timeline, the figures (a number after a month is a day, not a count), the byline
# clean-up (a byline with a date glued on, "Joshua Sokol May 5", is cut there) and furniture.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
MONTH_WORDS = frozenset(m.lower() for m in MONTH_NAMES + MONTH_ABBREVIATIONS)
# Weekday names, and (with their abbreviations) the words cut from bylines like the months.
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_WORDS = frozenset(
    [d.lower() for d in WEEKDAY_NAMES] + "mon tue tues wed thu thurs fri sat sun".split()
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

# Lower-case words that may sit inside a capitalised run of words ("Bank of England", "al Qaeda"),
# read by the story clustering. Not an alias of NAME_PARTICLES: it also holds joiners of
# organisation names ("of", "&") and only the commonest particles, so a run of capitalised words
# is kept whole; NAME_PARTICLES says which words belong to the surname after them.
NAME_CONNECTORS = frozenset({"of", "de", "del", "da", "van", "von", "der", "al", "bin", "la", "le", "du", "&"})

# Lower-case particles that may stand before a surname and belong to it ("al-Rashidi", "bin Zayed",
# "van der Berg", "da Silva"). The one list for entities and quotes.
NAME_PARTICLES: frozenset[str] = frozenset({
    "al", "el", "ul", "bin", "ibn", "bint", "ben", "abu", "abd", "ould", "van", "von", "der", "den",
    "de", "del", "della", "di", "da", "dos", "das", "do", "du", "le", "la", "ter", "ten", "zu",
})
# Of NAME_PARTICLES, those that are also common English words ("What do Democrats say", "ten
# Republicans said"): the quotes never widen a speaker phrase over them.
PARTICLES_ALSO_ENGLISH: frozenset[str] = frozenset({"do", "ten"})
# Of NAME_PARTICLES, those that are particles even when capitalised ("Al Rashidi", "Van Berg"),
# provided another name word follows.
NAME_PARTICLES_CAPITALISED: frozenset[str] = frozenset(
    {"al", "el", "bin", "ibn", "van", "von", "de", "del", "da", "di", "du", "ter"}
)
# Arabic article forms joined to a name by a hyphen, including sun-letter assimilations
# ("ash-Shami", "ad-Din"); all are normalised to "al" when names are compared.
NAME_ARTICLE_FORMS: frozenset[str] = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ul"}
)

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
    read tease muse gush scoff sob
    """.split()
)

# Nouns that name something said, whose "that" clause is what was said ("his claim that ...",
# "the promise that ..."): candidate cues of the learned reported-speech model (issue 14, indirect).
SPEECH_NOUNS: frozenset[str] = frozenset(
    """
    claim allegation assertion statement announcement promise pledge vow warning accusation
    charge suggestion argument insistence admission acknowledgment acknowledgement prediction
    contention remark comment threat assurance testimony report
    """.split()
)

# Speech verbs that with an infinitive or an object are no report of speech ("continued to
# rise", "agreed to a settlement", "said on Thursday"): not cues of the learned model's phrasal
# forms (issue 14, indirect).
PHRASAL_NON_SPEECH: frozenset[str] = frozenset({"continue", "agree", "say", "read", "post", "text"})

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

# Words after which text in marks is the title of a work, however long ('a spread titled "Stand
# and Deliver: After Her Filibuster, How Far Will She Run"'), never someone's words.
TITLE_INTRODUCERS: frozenset[str] = frozenset({"titled", "entitled", "headlined", "subtitled"})

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
    grandson stepfather stepson monk
    """.split()
)
NOUNS_FEMININE: frozenset[str] = frozenset(
    """
    woman wife mother daughter sister girl queen princess spokeswoman chairwoman congresswoman
    businesswoman actress aunt niece grandmother girlfriend mom widow lady sportswoman councilwoman
    fiancee fiancée bride granddaughter stepmother stepdaughter mistress waitress heiress nun
    """.split()
)

# Verbs that report a finding or a piece of evidence ("these results suggest", "signs confirmed",
# "the tests showed"); with a subject that is neither a person, a body nor a document they are the
# writer's narration, not someone's words (lemmas; read with COGNITION_VERBS).
EVIDENCE_VERBS: frozenset[str] = frozenset(
    """
    suggest show find reveal confirm indicate demonstrate prove imply mean
    """.split()
)

# Things that "show", "suggest" or "confirm" without anyone saying it ("these results suggest",
# "signs confirmed", "a comparison revealed", "the tests showed"): as the subject of an evidence
# or belief verb they mark the writer's narration of a finding, not a quote (lemmas). Inquiries
# and studies are left out: they are reports with an author (see DOCUMENT_NOUNS).
EVIDENCE_NOUNS: frozenset[str] = frozenset(
    """
    result finding data datum evidence sign signal test comparison experiment incident detail
    figure number statistic trend pattern image photo photograph picture map chart graph
    measurement reading scan sample simulation calculation observation fact development
    symptom trace mark clue outcome performance
    """.split()
)

# Common nouns for people or bodies that can hold a view ("officials believe", "residents fear"):
# with a belief verb, a subject that is none of these, nor a name, a description, an
# organisation or a document noun, is a thing ("every detail thought out").
PEOPLE_NOUNS: frozenset[str] = frozenset(
    """
    official authority police investigator expert researcher scientist analyst source critic
    resident neighbor neighbour witness voter worker employee parent student teacher nurse
    people person member staff agent trooper marshal activist advocate supporter opponent
    observer historian scholar physician surgeon psychologist engineer farmer owner family
    relative friend colleague aide adviser advisor staffer insider organizer organiser
    villager citizen consumer customer user fan viewer reader listener athlete clerk
    participant respondent reporter journalist editor correspondent commentator pundit
    regulator inspector auditor legislator politician patient child kid adult
    """.split()
)

# Endings of English agent nouns ("musher", "operator", "activist", "civilian", "resident", "ferryman"):
# a belief verb's subject ending so is taken for a person even when PEOPLE_NOUNS lacks it.
AGENT_SUFFIXES: tuple[str, ...] = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man")

# Honorifics written right before a name ("Mr. Lane", "Dr. Kolb"): part of the speaker's name.
NAME_HONORIFICS: tuple[str, ...] = ("Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Mx")
# Abbreviated ranks and titles written before a name with a full stop ("LAPD Det. Ann Lee", "Sgt.
# Bo Diaz"): the tagger often ends a sentence at the stop and leaves the title alone as a speaker.
TITLE_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    det sgt lt capt cpl pvt col gen maj cmdr adm insp supt gov sen rep atty dep ofc cmsr pres
    prof rev fr hon msgr amb treas sec asst
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

# Nouns for someone who speaks for a body: "its spokesman", "their representative" say what the
# body the possessive stands for says.
VOICE_NOUNS: frozenset[str] = frozenset(
    "spokesman spokeswoman spokesperson representative".split()
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

# Heads of a description that make the name described a person's ("his musical partner X",
# "X, a fellow resident") or an organisation's ("the rap duo X", "X, the company"), for the kind
# of an entity (entities.kindcue.kind_cue).
ENTITY_PERSON_ROLE_NOUNS: frozenset[str] = PERSON_DESCRIPTION_NOUNS | frozenset(
    """
    partner cohort resident wife husband son daughter father mother brother sister uncle aunt
    nephew niece cousin friend boyfriend girlfriend fiance fiancee widow widower grandson
    granddaughter grandfather grandmother colleague aide adviser advisor assistant deputy
    host anchor reporter columnist correspondent editor producer presenter performer artist
    dancer athlete swimmer runner driver pilot soldier sergeant veteran student teacher nurse
    surgeon physician pastor priest bishop rabbi imam activist protester organizer organiser
    chef owner employee worker contractor agent investor designer developer engineer
    architect photographer cinematographer novelist poet playwright composer guitarist drummer
    vocalist comic strategist pollster consultant counsel nominee incumbent challenger guard
    """.split()
)
ENTITY_ORG_ROLE_NOUNS: frozenset[str] = frozenset(
    """
    company firm agency department ministry network organization organisation corporation
    business retailer maker manufacturer startup bank airline carrier club committee council
    union university school hospital newspaper paper magazine broadcaster channel studio label
    publisher authority commission foundation charity institute duo trio quartet band outfit
    orchestra choir ensemble brand chain outlet website platform app conglomerate insurer
    lender nonprofit police house senate assembly parliament court navy force
    daily weekly tabloid broadsheet
    """.split()
)

# Nouns for documents and recordings: evidence of what someone said, not a speaker when a
# person is named as the one who spoke ("he said, according to a video of his remarks").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """
    video recording tape footage transcript document documents record records filing filings
    paper papers report letter email statement indictment complaint affidavit motion lawsuit
    memo post tweet interview study survey poll announcement release notice obituary message
    investigation analysis audit probe tally memorandum ad advertisement listing
    """.split()
)
# Published works ("the new book says", "her memoir recounts"): like a report, a book stands in
# for its author, so a speaker headed by one is kept below the trust mark (its link is only as
# sure as a document's). Kept apart from DOCUMENT_NOUNS so only that confidence cap reads it.
PUBLISHED_WORK_NOUNS: frozenset[str] = frozenset("book memoir biography novel autobiography".split())
# Documents that are cited but never speak: a phrase headed by one is no speaker ("according
# to emails seen by X", "its own report said", "a video of his remarks"). Statements, posts,
# interviews and letters are left out: they carry their author's words.
SILENT_DOCUMENT_NOUNS: frozenset[str] = frozenset(
    "video recording tape footage transcript document record filing paper report email memo memorandum".split()
)

# Verbs whose object document is put out by their subject ("X issued a statement"; lemmas): a
# later "the statement said" is X speaking.
ISSUE_VERBS: frozenset[str] = frozenset("issue release publish file send post circulate".split())

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
    phillip fred howard martin craig todd derek travis shawn curtis luis carlos antonio victor
    marcus leon lee clarence ernest dale glenn jeffery earl jimmie antoine dwight kenny rodney
    troy darrell duane lance gordon allen stanley leonard norman francis wesley calvin luke
    colin collin barry greg andy rick ricky danny tommy johnny eddie jeff doug dave ken larry
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
    rhonda wendy annette janice lois brenda peggy carla connie tina tracy monica wanda gail
    yolanda irene sylvia rita jill lucy vanessa erin holly kristen tiffany crystal jasmine
    valerie veronica jenny shelby charisse darby nora rose mildred edna vera molly jackie
    paula colleen kathy cathy sheila renee norma marcia carmen kara leah
    """.split()
)

# Verbs that name or describe rather than report ("Lenovo calls it a table PC"): with an
# object they introduce a label, never a reported clause or a one-word quote.
NAMING_VERBS: frozenset[str] = frozenset({"call", "dub", "label", "name", "term", "describe", "brand", "nickname"})

# Words that end the head of a speaker phrase ("emails seen by X", "a video of his remarks"):
# the head noun is the last word before one of them (read by quotes.is_document).
SPEAKER_HEAD_STOPS: frozenset[str] = frozenset(
    {"from", "of", "by", "in", "on", "at", "seen", "about", "for", "with", "that", "which"}
)

# --- quotes, 2026-12-02 third session (issue 14: speakers a journalist can trust) ---
# Things a person or body owns that carry its words ("his version of events", "her Twitter
# account", "the firm's timeline"): such a source speaks for its possessor (with DOCUMENT_NOUNS).
OWNED_SOURCE_NOUNS: frozenset[str] = frozenset(
    "version account page feed profile website blog timeline description tally newsletter".split()
)
# Verbs that put a question, not a statement: "asked if he thought ..." reports no words said.
QUESTION_VERBS: frozenset[str] = frozenset({"ask", "wonder", "inquire", "question", "query"})
# Verbs that hand on another's words ("he quoted Lincoln: ..."): the quote is the object's.
CITING_VERBS: frozenset[str] = frozenset({"quote", "cite", "paraphrase", "recite"})
# Epithets for a person named elsewhere ("the four-time champion", "the runner-up"), read as
# descriptions like PERSON_DESCRIPTION_NOUNS.
EPITHET_NOUNS: frozenset[str] = frozenset("champion winner runner-up veteran rookie titleholder".split())

# Small words a title in quotation marks may hold in lower case ("Gone with the Wind"): a short
# quote of capitalised words and these is a title, not a quote (read by quotes.marks.term_kind).
TITLE_SMALL_WORDS: frozenset[str] = frozenset(
    {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "or", "with"}
)

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
# Interjections and chat abbreviations a tagger takes for names ("Meh", "O.K.", "RIP"): no entity.
ENTITY_INTERJECTIONS = frozenset({
    "meh", "ok", "okay", "rip", "lol", "omg", "wtf", "lmao", "smh", "fyi", "btw", "imho", "wow", "yay", "ugh",
    "oops", "phew", "hmm", "huh", "aw", "yo", "hey", "ha", "haha",
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
    "Trooper", "Constable", "CEO", "CFO", "COO", "CTO", "Sheriff",
)
# Titles and offices before a holder's name, for stripping them from a verdict's target or a
# point's subject ("Prime Minister X", "Congresswoman Y"): the entity titles plus office words
# that entity resolution keeps inside names ("Director", "Leader").
OFFICE_TITLE_WORDS = ENTITY_TITLE_WORDS + (
    "Assemblyman", "Assemblywoman", "Chair", "Commissioner", "Congressman", "Congresswoman",
    "Councillor", "Councilor", "Director", "Emperor", "Leader",
)
# Titles after which a capitalised run of common words is a portfolio, not an organisation's name
# ("EU Foreign Affairs Commissioner X", "Saudi Energy Minister Y"): entities.mentions drops it.
ENTITY_PORTFOLIO_TITLES = frozenset(w.lower() for w in OFFICE_TITLE_WORDS) | frozenset({
    "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "undersecretary", "envoy", "czar",
})
# Government portfolios that stand before an office title ("Defense Secretary X", "Housing Secretary Y",
# "Health Minister Z"): a portfolio, no organisation, even when the articles never write it in lowercase
# (entities.mentions._portfolio).
ENTITY_PORTFOLIO_NAMES = frozenset({
    "defense", "defence", "housing", "energy", "health", "education", "labor", "labour", "commerce",
    "transportation", "transport", "agriculture", "interior", "foreign", "home", "finance", "economy",
    "trade", "environment", "veterans", "immigration", "culture", "tourism", "justice", "treasury",
})
# Legal-form words that end a firm's name and may be dropped ("Brennick Corp" is "Brennick").
ENTITY_LEGAL_SUFFIXES = frozenset({
    "inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "lp", "llp", "ag", "sa", "nv", "gmbh",
})

# Social platforms a tagger glues onto the name before them ("Trump Twitter jokes", "the Miss
# Universe Twitter account"): as the last word of a longer name they are dropped from it.
ENTITY_PLATFORM_WORDS = frozenset({
    "twitter", "facebook", "instagram", "youtube", "tiktok", "snapchat", "reddit", "linkedin", "tumblr",
})
# Decades written as words ("the Sixties girl group"): a date, not a name.
ENTITY_DECADE_WORDS = frozenset({
    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
})
# Moved from entities/names.py and entities/mentions.py (issue 12: word lists live here).
# Courtesy titles say nothing about a person's role.
NAME_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs", "mme", "mlle", "herr", "frau"})

# Lowercase words that may sit inside a multi-word name ("Council of Varnia").
NAME_FUNCTION_WORDS = frozenset({"of", "for", "the", "and", "in", "on", "at", "to", "&", "de", "du", "des", "la", "le"})

# Group words derived from a name ("Lincolnites", "Smithian", "Orwellism").
NAME_DERIVED_SUFFIXES = ("ists", "ist", "ites", "ite", "ians", "ian", "ans", "an", "is", "i",
                         "ese", "ish", "ism", "ists'", "ns", "n")

# Last words that make a name a place or an organisation even when it starts with a
# person's name ("Oswin Tower", "Brenner Holdings", "Varnia Herald"). Words that are also
# common surnames (Park, Hall, Lane, Lake, Church, Field, Law ...) are left out: for those
# the tagger's label decides.
ENTITY_PLACE_HEADS = frozenset({
    "city", "town", "street", "st", "avenue", "ave", "road", "rd", "square", "place",
    "drive", "boulevard", "blvd", "bridge", "tower", "towers", "building", "center", "centre",
    "airport", "station", "stadium", "arena", "hotel", "mosque", "cathedral",
    "county", "district", "province", "valley", "river", "mountain", "mount", "island",
    "islands", "beach", "port", "harbor", "harbour", "heights", "village", "camp", "base",
    "gardens", "garden", "prison", "hospital", "museum", "library", "school", "college",
    "university", "academy", "zoo", "mall", "palace", "castle", "dam", "canal", "highway", "memorial",
})
ENTITY_ORG_HEADS = frozenset({
    "holdings", "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "group", "foundation",
    "newspaper", "newspapers",
    "institute", "trust", "fund", "collection", "award", "awards", "prize", "act", "party",
    "times", "post", "herald", "news", "journal", "tribune", "gazette", "daily", "review", "magazine",
    "press", "courier", "chronicle", "observer", "telegraph", "express", "wire", "monitor", "sentinel",
    "inquirer", "examiner", "dispatch", "bulletin", "globe", "mirror", "standard", "network", "studios", "records", "show", "program", "programme", "campaign", "committee",
    "council", "commission", "agency", "department", "ministry", "brigade", "brigades", "army",
    "movement", "front", "union", "association", "society", "club", "team", "league", "bank",
    "ambulance", "airlines", "airways", "clinic", "railroad", "railway",
})
# Title words that also occur inside names ("Martin Luther King Jr", "Carl Prince Adams").
ENTITY_TITLES_IN_NAMES = frozenset({"king", "queen", "prince", "princess", "lord", "lady", "grand", "father", "major",
                                    "marshal", "crown", "field", "cardinal", "bishop", "sir", "dame"})
# Prepositions that put a place after them ("in X", "near X"); "to", "at" and "from" are
# left out because they precede people as often ("said to X", "a letter from X").
ENTITY_LOCATIVE_WORDS = frozenset({"in", "near", "into", "outside", "across", "around", "inside", "throughout",
                                   "within"})

# Weekday names in lower case, from WEEKDAY_NAMES (a present-tense sentence naming a weekday is
# a photo caption); the abbreviations of WEEKDAY_WORDS ("sun", "sat") are left out: they are words.
SUMMARY_WEEKDAYS = frozenset(d.lower() for d in WEEKDAY_NAMES)

# Entities, issue 15 fourth pass (2026-12-02, third session): generational suffixes and
# lowercase words of a name written in capitals.
# "X Jr" / "X III" and "X" are two people (son and father); "Sr" names the father himself.
ENTITY_GENERATION_SUFFIXES = frozenset({"jr", "ii", "iii", "iv"})
# The last word of the name of an event or award (kind "other", whatever the tagger says):
# "Balkan Foreign Ministerial Meeting", "... Chiefs of Police Conference", "Academy Awards".
# "Day" is one only after a plural possessive or in a name of three words or more
# ("April Fools' Day", "Holocaust Remembrance Day"; not "Doris Day").
ENTITY_EVENT_HEADS = frozenset({"meeting", "conference", "summit", "festival", "olympics", "championship",
                                "championships", "tournament", "marathon", "awards"})
# Words that stay lowercase inside a name when a name seen only in capitals is title-cased.
ENTITY_TITLECASE_LOWER = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "van", "von", "der",
                                    "al", "bin", "on", "at", "in", "by"})

# Entities, issue 15 fifth pass (2026-12-03): ships and aircraft, group plurals.
# Nouns for a craft: a name described as one ("the Briscoe, a guided-missile destroyer"), right after
# one ("the salvage ship Grasp") or modifying one ("his Altair HP airplane") is a vessel or an aircraft
# type, kind "other", whatever the tagger says ("carrier" is left out: airlines are carriers too).
ENTITY_CRAFT_NOUNS = frozenset({
    "ship", "vessel", "destroyer", "cutter", "frigate", "cruiser", "warship", "submarine", "boat", "yacht",
    "tanker", "freighter", "ferry", "barge", "tug", "tugboat", "trawler", "schooner", "sailboat", "icebreaker",
    "plane", "airplane", "aeroplane", "aircraft", "airliner", "jet", "helicopter", "seaplane", "glider",
})
# Prefixes of a ship's name ("USS Briscoe", "U.S.S. Briscoe", "HMS Ardent"), dots removed, lowercase.
ENTITY_SHIP_PREFIXES = frozenset({"uss", "usns", "uscgc", "hms", "hmcs", "hmas", "rms", "mv", "ss"})
# Last parts of a hyphenated modifier that describe a craft ("single-engine", "six-seat", "two-seater").
ENTITY_CRAFT_MODIFIER_TAILS = frozenset({"engine", "engined", "seat", "seater", "prop", "propeller", "turboprop"})
# Last words of a newspaper's or news service's name: such a name is an organisation even when the
# tagger calls it a place for the city it starts with ("Las Vegas Sun", "Palmdale Herald"; read by
# entities.clusters.Form.kinds). "Sun" is not in ENTITY_ORG_HEADS: it ends persons' names too, and
# this list overrides only a place label ("Star" is left out: "Lone Star").
ENTITY_NEWSPAPER_HEADS = frozenset({
    "times", "post", "herald", "news", "journal", "tribune", "gazette", "daily", "courier", "chronicle",
    "observer", "telegraph", "dispatch", "bulletin", "sentinel", "inquirer", "examiner", "sun",
    "newspaper", "newspapers", "press",
})
# Words that put a place right after them ("off Squibnocket", "along Gay Head"), and nouns and compass
# words that put one after "of" ("the coast of X", "17 miles southwest of X"): a mention so placed votes
# "place" (entities.kindcue.kind_cue). "in" and "near" are in ENTITY_LOCATIVE_WORDS (read elsewhere).
ENTITY_PLACE_BEFORE = frozenset({"off", "along"})
ENTITY_PLACE_OF_NOUNS = frozenset({
    "coast", "shore", "shores", "tip", "island", "outskirts", "suburbs", "city", "town", "village", "county",
    "province", "streets", "waters", "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
})
# Endings of an adjective for a group ("Ukrainian", "Maltese", "Danish", "Iraqi"): such an adjective
# glued before a person's full name is no part of the name (entities.mentions._glued_word).
ENTITY_GROUP_ADJECTIVE_ENDINGS = ("ian", "an", "ese", "ish", "i")
# Endings of a word for the people of a place ("Vineyarders" of Martha's Vineyard, "Nevadans"), on top of
# NAME_DERIVED_SUFFIXES, for the group reading of a plural tagged a person or an organisation.
ENTITY_DEMONYM_SUFFIXES = ("ers", "ites", "ians", "ans", "ns", "ese")

# Entities, issue 15, session of 2026-12-03 (2): kinds from the noun after a name, natural places.
# Nouns right after a name that make it a place ("a Sylva resident", "a Graham County native", "the Apple
# Tree campground"): entities.kindcue.kind_cue votes "place".
ENTITY_PLACE_AFTER = frozenset({
    "resident", "residents", "native", "natives", "campground", "campgrounds", "islet", "islets", "range", "area",
    "region", "peninsula",
})
# Last words of a natural place or campsite's name that no organisation or person ends in ("Bob Allison
# Campground" tagged a person, "Appalachian Mountains", "Nantahala Gorge"): the name is a place whatever
# the tagger's label (ENTITY_PLACE_HEADS overrides only a person's label: "Nottingham Forest" is a club).
ENTITY_NATURAL_PLACE_HEADS = frozenset({
    "campground", "campgrounds", "mountains", "gorge", "canyon", "wilderness", "glacier", "foothills", "seaboard",
    "coast", "coastline", "shoreline",
})
# Last words of a public body's name that make it an organisation even when the tagger calls it a place
# for the place it starts with ("Clay County Sheriff's Department", "Great Smoky Mountains Railroad"),
# read like ENTITY_NEWSPAPER_HEADS (entities.clusters.Form.kinds: a place label only).
ENTITY_BODY_HEADS = frozenset({
    "department", "commission", "committee", "agency", "ministry", "council", "association", "society",
    "bureau", "railroad", "railway", "authority", "police", "patrol",
})
# Head nouns of an apposition or a description that give no role of a person: an event or act the
# apposition sums up ("overturned by Persky, a move that ..."), a place in a photo caption ("Najib
# Razak, center, arrives"): entities.mentions._roles keeps no such role.
ENTITY_NON_ROLE_NOUNS = frozenset({
    "move", "decision", "step", "development", "sign", "signal", "blow", "reversal", "shift", "twist",
    "result", "outcome", "gesture", "setback", "departure", "rarity", "allegation", "remark", "announcement",
    "revelation", "admission", "feat", "milestone", "surprise", "turnaround", "u-turn", "rebuke", "snub",
    "left", "right", "center", "centre", "front", "rear", "top", "bottom", "middle", "foreground", "background",
    "whereabouts",
})
# Heads of a government body named either way round ("Justice Department" / "Department of Justice",
# "Defense Ministry" / "Ministry of Defense"): entities.rules.body_word_order joins the two.
ENTITY_BODY_ORDER_HEADS = frozenset({"department", "ministry"})
# Head words of places that a shorter name of them keeps when a word is left out ("Centennial Park" for
# "Centennial Olympic Park"), with ENTITY_PLACE_HEADS (entities.rules.place_inner_short_forms; "Park" is
# no place head elsewhere: it ends persons' names).
ENTITY_SHORTENED_PLACE_HEADS = frozenset({"park", "parks", "plaza", "pier", "trail"})
# Two last words that make a name a public land, whatever the tagger's label ("Nantahala National Forest").
ENTITY_PUBLIC_LAND_HEADS = frozenset({
    ("national", "forest"), ("national", "park"), ("state", "park"), ("national", "monument"),
    ("wildlife", "refuge"), ("national", "seashore"), ("state", "forest"),
})

# ---------------------------------------------------------------------------------------------------------
# Entities, issue 15, session of 2026-12-04 (branch `entities`): credit lines, defined abbreviations of
# things, places named by their first word or the noun around them. (A separate block: kept apart to merge.)
# Words that open the credit line of a wire story ("(Additional reporting by A in Paris, B and C; Writing by
# D; Editing by E)"): the names listed after "<word> by" are the reporters' (entities.cues.credit_person).
# ("reported by", "compiled by", "written by" are left out: "first reported by Willamette Week", "reported by
# France, Australia and China" name outlets and countries.)
ENTITY_CREDIT_WORDS = frozenset({"reporting", "writing", "editing"})
# First words of a name that make it a natural place whatever the tagger's label ("Mount Adams" tagged a
# person, "Cape Cod"): entities.clusters.Form.kinds (not when the name ends in an organisation's head word).
ENTITY_NATURAL_PLACE_FIRST = frozenset({"mount", "mt", "cape"})
# Lowercase nouns right after a name that make it a place ("the Juan de Fuca plate", "the Amazon rainforest",
# "the Cascadia subduction zone"), read with ENTITY_PLACE_AFTER by entities.kindcue.kind_cue.
ENTITY_PLACE_AFTER_NATURAL = frozenset({
    "plate", "rainforest", "basin", "volcano", "delta", "watershed", "archipelago", "subduction", "estuary",
})
# Lowercase nouns right before a name that make it a place ("the river Seine"), like ENTITY_PLACE_BEFORE.
ENTITY_PLACE_BEFORE_NOUNS = frozenset({"river"})
# Lowercase nouns for an artificial satellite or a flight right before a name ("the Thaichote satellite" is
# read off the noun after; "flight MH370" off the noun before): the name is a craft's, kind "other".
ENTITY_CRAFT_NOUNS_MORE = frozenset({"satellite", "flight", "spacecraft", "drone"})
# Head words an institution's name is often written without ("Occidental" for "Occidental College", "Yale" for
# "Yale University"): entities.shortforms.institution_short_forms.
ENTITY_INSTITUTION_HEADS = frozenset({"college", "university"})
# Abbreviations that refer to a part of a paper when a number follows ("Fig. 1", "Eq. 3", "ref. 12"): no names
# (entities.cues.figure_reference).
ENTITY_REFERENCE_WORDS = frozenset({"fig", "figs", "eq", "eqs", "ref", "refs", "suppl"})
# Nouns of kinship or of leading that put a person after "of" ("the widow of X", "under the leadership of X"):
# entities.kindcue.kind_cue votes "person" (not the role nouns of ENTITY_PERSON_ROLE_NOUNS: "a resident of X").
ENTITY_PERSON_OF_NOUNS = frozenset({
    "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow", "widower", "grandson",
    "granddaughter", "grandfather", "grandmother", "nephew", "niece", "fiance", "fiancee", "fiancé", "fiancée",
    "girlfriend", "boyfriend", "stepson", "stepdaughter", "stepfather", "stepmother", "leadership",
})

# --- quotes, 2026-12-04 (issue 14, speakers on unseen stories) --------------------------------
# Verbs of perceiving someone do something ("he could hear one of them shouting that ...",
# "witnesses saw him yelling"): a participle of speech under one is said by the one perceived, the
# verb's object, never by its subject (lemmas).
PERCEPTION_VERBS: frozenset[str] = frozenset(
    """
    hear overhear see watch notice
    """.split()
)

# More words for evidence, read with EVIDENCE_NOUNS (lemmas): methods and cases that "suggest" or
# "show" in a study's own narration ("modelling suggests that", "several examples suggest that").
EVIDENCE_NOUNS_MORE: frozenset[str] = frozenset(
    """
    example modelling modeling analysis
    """.split()
)

# Family relations ("Demoski's mother", "his father"): a relative the article also names is most
# often the one person of that surname and gender besides the possessor (lemmas).
KIN_NOUNS_MASCULINE: frozenset[str] = frozenset(
    """
    father husband son brother grandfather uncle nephew grandson stepfather stepson dad
    """.split()
)
KIN_NOUNS_FEMININE: frozenset[str] = frozenset(
    """
    mother wife daughter sister grandmother aunt niece granddaughter stepmother stepdaughter mom
    """.split()
)

# ---------------------------------------------------------------------------------------------------------
# Entities, issue 15, session of 2026-12-04, second pass (branch `entities2`): kinds from a publication noun
# after a name or a naming verb after an organisation's noun. (A separate block: kept apart to merge.)
# Lowercase nouns right after a name that make it a publication's ("George magazine", "the Sentinel
# newspaper"): entities.kindcue.kind_cue votes "organisation" (not "campaign", "team", "brand": "the Trump
# campaign" is a person's).
ENTITY_ORG_AFTER = frozenset({"magazine", "newspaper", "tabloid", "plant", "factory"})  # "the X plant": a firm's
# Verbs of naming between a noun and a name ("a magazine called Joe", "a firm named X"): with an
# organisation's noun before (ENTITY_ORG_ROLE_NOUNS) entities.kindcue.kind_cue votes "organisation".
ENTITY_NAMING_VERBS = frozenset({"called", "named", "dubbed"})
# Last words of the name of a law or of a part of one ("Line Item Veto Act", "Equal Rights Amendment",
# "Presentment Clause"): kind "other" whatever the tagger's label (entities.names.non_person_kind).
ENTITY_LAW_HEADS = frozenset({"act", "amendment", "clause"})
# Prepositions after a person's role noun that put the employer after them ("a partner at X", "an analyst
# with X"; counted on the labelled tables: "<role> with X" named an organisation 12 times in 12, "<role> for X"
# a place 4 times in 21, so "for" is left out): entities.cues.role_at.
ENTITY_WORKPLACE_PREPOSITIONS = frozenset({"at", "with"})
# Words of a wire's budget that stand where a dateline does ("BKN-JORDAN-NBA (Undated) _"): page furniture,
# read with ENTITY_FURNITURE_WORDS by entities.junk.junk_reason. (The slug before it: entities.mentions._WIRE_SLUG.)
ENTITY_WIRE_FURNITURE_WORDS = frozenset({"undated"})

# Endings that make an adjective of a body's name ("Congressional" of Congress, "Parliamentary" of Parliament):
# such an adjective, tagged a group, names no people (entities.junk.junk_reason, with the one-word
# organisation names of the articles).
ENTITY_BODY_ADJECTIVE_ENDINGS = ("ional", "al", "ary", "ial", "orial")

