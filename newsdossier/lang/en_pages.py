"""English word lists of web pages and broadcasts: furniture, notices, credits, date lines.

Part of :mod:`newsdossier.lang.en`, which re-exports every name here (read them as ``en.X``);
split off to keep each module of the house under about 800 lines.
"""

from __future__ import annotations

__all__ = [
    "OUTLET_STAFF_PATTERNS",
    "PUBLICATION_DATE_CUES",
    "SECTION_LABEL_WORDS",
    "SHARE_BAR_WORDS",
    "STAGE_DIRECTIONS",
    "TRANSCRIPT_NOTICE_PHRASES",
    "VIDEO_PLAYER_OPENERS",
    "WEB_ARCHIVE_NOTICE_PHRASES",
]

# How an outlet names its own staff and work ("X correspondent", "X's senior analyst", "an X
# investigation", "X has learned"): regex alternatives read by the reuse direction's credits.
OUTLET_STAFF_PATTERNS: tuple[str, ...] = (
    r"correspondents?", r"reporters?", r"analysts?", r"editors?", r"columnists?", r"anchors?",
    r"producers?", r"contributors?", r"staff", r"journalists?", r"bureau", r"experts?",
    r"investigation", r"analysis", r"poll", r"survey", r"newsroom", r"has\s+learned",
)
# Capitalised section labels that open a paragraph with a colon like a transcript's speaker
# label ("UPDATE:", "RELATED:", "RESULTS:"): never a speaker (lower case).
SECTION_LABEL_WORDS: frozenset[str] = frozenset({
    "update", "updated", "updates", "related", "photo", "photos", "video", "videos", "audio", "story",
    "more", "read", "exclusive", "note", "editor's", "correction", "corrections", "source", "sources",
    "background", "blog", "news", "introduction", "results", "methods", "discussion", "conclusion",
    "conclusions", "abstract", "summary", "contacts", "contact", "watch", "listen", "also", "graphic",
    "map", "timeline", "analysis", "opinion", "editorial", "transcript", "caption", "credit", "tags",
})
# Words that introduce the article's own date on a page ("Published on May 3, 2015", "Last
# updated at 6:04 PM on 20th October 2011", "Correction 31 July 2017"): a full date after one of
# them, on its line, dates the writing; the timeline counts relative dates from it when the
# publication date is unknown.
PUBLICATION_DATE_CUES: tuple[str, ...] = (
    "published", "updated", "last updated", "last modified", "modified", "posted", "correction",
    "first published", "filed",
)
# Phrases of a web archive's notes about its own crawls (the Wayback Machine's collection pages
# that crawled corpora hold in place of an article: "Starting in 1996, Alexa Internet has been
# donating their crawl data ..."). Lower case; two different ones in a short text with no
# reporting verb make it a notice, not an article.
WEB_ARCHIVE_NOTICE_PHRASES: tuple[str, ...] = (
    "wayback machine", "internet archive", "archive-it", "crawl data", "these crawls", "this crawl",
    "crawl start date", "crawl end date", "warc files", "web captures", "number of captures",
    "crawler configuration", "seedlist", "archived pages",
)
# Phrases of a broadcaster's note on its transcripts (NPR: "transcripts are created on a rush
# deadline ... The authoritative record of NPR's programming is the audio record"; CNN and others:
# "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM"): a line holding one is
# furniture. Regexes, case-insensitive.
TRANSCRIPT_NOTICE_PHRASES: tuple[str, ...] = (
    r"rush transcript", r"transcripts? (?:is|are) created on a rush deadline",
    r"may not be in (?:its|their) final form", r"authoritative record of [\w’'. ]{1,40} programming",
)
# The close button of an embedded video player, printed in capitals before the clip's
# description and credit ("CLOSE Four dispensaries open ... Jane Doe, staff"): a line that opens
# with one of these words, in exactly this case, is the player's caption, not reporting.
VIDEO_PLAYER_OPENERS: tuple[str, ...] = ("CLOSE",)
# The words of a page's share and tool bars ("Share", "Tweet", "Email", "Print"): a line made
# only of them is furniture.
SHARE_BAR_WORDS: frozenset[str] = frozenset({
    "share", "tweet", "pin", "email", "e-mail", "print", "comment", "comments", "facebook",
    "twitter", "linkedin", "whatsapp", "reddit", "save", "copy", "link", "more", "menu", "close",
    "reset", "text", "size", "play", "+", "-", "|", "•", "x", "instagram", "flipboard",
})
# Bracketed stage directions of transcripts ("We will win... (Applause)"): words a capitalised
# parenthesis after an ellipsis may hold that are not a photo credit.
STAGE_DIRECTIONS: frozenset[str] = frozenset({
    "applause", "laughter", "laughs", "laughing", "cheers", "cheering", "crosstalk", "inaudible",
    "unintelligible", "booing", "boos", "sic", "pause", "music", "silence", "end", "video clip",
})
