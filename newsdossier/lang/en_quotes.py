"""English word lists read only by the quotes analysis (issue 14, 2026-12-04, second session).

Kept apart from :mod:`newsdossier.lang.en` (736 lines) and read as ``en_quotes.X``.
"""

from __future__ import annotations

# prepositions that open a time modifier ("groups on Thursday", "officials in March"); not "of"
# ("the Class of 2010" is a name)
TIME_PREPOSITIONS = frozenset({
    "on", "in", "at", "during", "since", "until", "till", "through", "throughout", "over", "after",
    "before", "by", "around", "from",
})

# Makers of a work: text in marks right after "<maker> of" is the work's title ("publisher of
# "Tea Is Hot"", "the author of "..."", "the host of "..."), never words said (read by quotes.marks).
WORK_MAKER_NOUNS = frozenset({
    "publisher", "author", "editor", "director", "producer", "creator", "writer", "host", "star",
    "composer", "co-author", "coauthor", "co-host", "cohost", "designer", "organizer", "organiser",
})
# Kinds of work: text in marks followed by ", a <...> report" or ", the <...> film" is the
# work's title, named in apposition (read by quotes.marks).
WORK_NOUNS = frozenset({
    "report", "book", "novel", "film", "movie", "song", "album", "study", "documentary", "play",
    "series", "show", "newsletter", "column", "poem", "guide", "memoir", "podcast", "exhibition",
    "musical", "opera", "painting", "single", "essay", "survey", "magazine", "blog", "journal",
})
# Nouns whose "of" names a category, a list or a measure: text in marks after "<noun> of" is
# that category's name ("maintains a list of "chemicals known to ..."", "the outcome of
# "motivated to ..."") or an item of it, not words said (read by quotes.marks).
CATEGORY_NOUNS = frozenset({
    "list", "category", "categories", "group", "groups", "class", "outcome", "outcomes", "measure",
    "measures", "scale", "item", "items", "heading", "headings", "label", "labels", "classification",
})

# Offices held by one person, beside en.PERSON_DESCRIPTION_NOUNS (shared with the entities
# analysis, so not widened here): "the delegate's own staff ... her suggestion" is about the
# delegate the article names (read by quotes.coref_people.described_before).
OFFICE_NOUNS = frozenset({
    "delegate", "councillor", "councilor", "alderman", "assemblyman", "assemblywoman", "legislator",
    "trustee", "envoy", "premier", "congressman", "congresswoman", "senator", "governor", "mayor",
})

# Platforms people post on (lower case): "a Reddit post", "a Facebook video" is one user's, not
# the platform's; the platform is no issuer of it (read by quotes.coref).
PLATFORM_NAMES = frozenset({
    "reddit", "facebook", "twitter", "instagram", "youtube", "tiktok", "snapchat", "tumblr",
    "linkedin", "pinterest", "gofundme", "kickstarter", "medium", "substack", "weibo", "wechat",
    "whatsapp", "telegram", "x",
})

# Laws and rules (lemmas): what "the law says" or "a regulation states" is the text of a rule,
# no one's statement (read by quotes.narration.drop_rule_texts).
LAW_NOUNS = frozenset({
    "law", "regulation", "statute", "ordinance", "constitution", "amendment", "rule", "code",
    "act", "provision", "clause", "treaty",
})

# Speech verbs whose "<verb> X to <do>" is a summons or a phone call, not words reported
# ("spent the day calling lawmakers to lock down support"); "called on X to" stays a speech act
# (read by quotes.learned).
SUMMONS_VERBS = frozenset({"call", "ring", "phone", "summon"})
