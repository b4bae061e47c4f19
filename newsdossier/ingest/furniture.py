"""Page furniture: lines pasted from web pages that are not journalism.

"Watch the video »", "E-mail to a friend", "Read more", breadcrumb trails, embedded-post
notices, share-button labels, separator lines and short lines repeated across many
articles are removed by general rules (position, length, link arrows, UI verbs,
repetition). Every removal is recorded with its reason; a line that reads as a sentence
of reporting (long, or ending like a sentence without any UI signal) is never removed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..lang import en
from ..model import Removal

MAX_UI_WORDS = 12          # a UI prompt is short
MAX_ARROW_WORDS = 16       # "Watch the mayor tour the flooded streets »"
MAX_STRONG_WORDS = 25      # "Copyright 2016 ... All rights reserved." may be longer
REPEAT_MIN_ARTICLES = 3    # a short line seen in this many articles is boilerplate
REPEAT_MAX_WORDS = 10
EDGE_LINES = 3            # breadcrumbs sit among the first or last lines
MAX_TAIL_WORDS = 80       # no rule of classify_line matches a line longer than this (embeds: 80)
MAX_TAIL_CHARS = 2000     # nor one this long in characters (trailing furniture is short)
MIN_CAPTION_WORDS = 8     # a caption preview tells who, where and when: a short line is not one

_ARROW_END = re.compile(r"(?:»|›|→|>>|▶)\s*$")
_ARROW_START = re.compile(r"^\s*(?:►|▶|»|›|→)")
_INNER_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+\S")
_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_URL = re.compile(r"https?://|www\.|\b\w+\.(?:com|org|net|co\.uk|ly)/|@\w{2,}|\b[\w.+-]+@[\w-]+\.\w+")

# Phrases that open UI prompts. Strong ones are furniture even when they end like a sentence.
_STRONG = re.compile(
    r"^[\[(\s]*(?:read more\b|read or share\b|read the full\b|continue reading\b|story continued below"
    r"|advertisement\b|sponsored\b|subscribe\b|sign up\b|sign in\b|log in\b|follow us\b|like us\b"
    r"|join us on\b|copyright\b|©|all rights reserved|download (?:the|our) .{0,60}\bapp\b"
    r"|e-?mail (?:this|to a friend)\b|share (?:this|on)\b|print this\b|click here\b|tap here\b"
    r"|back to top\b|skip (?:to|ad)\b|have a (?:news )?tip\b|related (?:stories|links|news|articles|coverage|content)\b"
    r"|more from\b|recommended for you\b|trending now\b)",
    re.I,
)
_WEAK = re.compile(
    r"^[\[(\s]*(?:watch|read|click|tap|learn more|listen|download|share|print|tweet|comments?"
    r"|see (?:also|more|photos|video|the)|get the|follow (?:@|us\b|me\b|\w+(?: \w+){0,3} on (?:twitter|facebook|instagram)))\b",
    re.I,
)
# Section labels ("Photos:", "(VIDEO: ...)", "More:") only count with a colon or standing alone.
_LABEL = re.compile(
    r"^[\[(\s]*(?:more|also|also check out|photos?|videos?|image|gallery|next|previous|related|exclusive|top stories"
    r"|follow)(?:\s*:|\s*$)",
    re.I,
)
_SHARE_WORDS: frozenset[str] = en.SHARE_BAR_WORDS
_EMBED = re.compile(
    r"A post shared by .{1,80}\(@[\w.]+\)|pic\.twitter\.com/\w+"
    r"|[—–-]\s*[^—–\n]{1,60}\(@\w{1,30}\)\s+(?:" + "|".join(en.MONTH_NAMES) + r")\s+\d",
)
_WIDGET = re.compile(
    r"(?:enable javascript|javascript (?:is )?(?:disabled|required)|media playback is unsupported"
    r"|this (?:feature|video|content|embed) is (?:not|no longer|currently not) available"
    r"|tweet with a location|rating is available when the video|toggle caption|enlarge this image"
    r"|your browser does not support|image copyright\b.*\bimage caption|^image caption\b"
    r"|^media caption\b|please try again later\.?$|^loading\.{0,3}$)",
    re.I,
)
# Case-sensitive: the capitals are the button's label ("CLOSE The Dow plunged ..."), a capitalised
# word or a quote follows.
_VIDEO_PLAYER = re.compile(r"^(?:" + "|".join(map(re.escape, en.VIDEO_PLAYER_OPENERS)) + r")\s+(?=[A-Z\"“‘'])")
_TRANSCRIPT_NOTICE = re.compile("|".join(en.TRANSCRIPT_NOTICE_PHRASES), re.I)
_SEPARATOR = re.compile(r"^[^\w\s\"“”'‘’]{1,40}$|^(?:[*_=~-]\s*){2,}$")
# A gallery caption cut off for a preview and credited: "... at least two people had to be
# treated... (Associated Press)". A story's own sentence never stops mid-clause on a credit.
_CAPTION_TEASER = re.compile(r"\w(?:\.{3}|…)\s*\((?P<credit>[A-Z][^()\n]{1,40})\)")
_RIGHTS = re.compile(r"copyright|all rights reserved|©", re.I)
_BREADCRUMB_SEP = re.compile(r"\s(?:›|>|»|/|\|)\s")


MAX_NOTICE_WORDS = 400    # a web archive's crawl notice is short
_REPORTING = re.compile(r"\b(?:said|says|told|according to)\b", re.I)


def archive_notice(text: str) -> bool:
    """Whether a text is a web archive's note about its crawls rather than an article.

    Two different phrases of :data:`newsdossier.lang.en.WEB_ARCHIVE_NOTICE_PHRASES`, at most
    :data:`MAX_NOTICE_WORDS` words and no reporting verb: a news story about the archive quotes
    someone.
    """
    if len(text.split(None, MAX_NOTICE_WORDS)) > MAX_NOTICE_WORDS:
        return False
    low = text.lower()
    hits = sum(1 for p in en.WEB_ARCHIVE_NOTICE_PHRASES if p in low)
    return hits >= 2 and not _REPORTING.search(text)


def _words(line: str) -> list[str]:
    return line.split()


def _capitalised_share(words: list[str]) -> float:
    alpha = [w for w in words if w[:1].isalpha()]
    if not alpha:
        return 0.0
    return sum(1 for w in alpha if w[0].isupper()) / len(alpha)


def classify_line(line: str, *, edge: bool = False, repeated: int = 0) -> str | None:
    """Return the reason a stripped line is page furniture, or ``None`` when it is content.

    Args:
        line: one line (paragraph) of text, stripped.
        edge: whether the line is among the first or last lines of the article.
        repeated: in how many articles of the input this exact line appears.
    """
    if not line:
        return None
    words = _words(line)
    n = len(words)
    ends_sentence = bool(_SENT_END.search(line))
    if _SEPARATOR.match(line):
        return "separator line (symbols only)"
    if _EMBED.search(line) and n <= 80:
        return "embedded social-media post"
    if _WIDGET.search(line) and n <= 40:
        return "media player or widget notice"
    if _TRANSCRIPT_NOTICE.search(line) and n <= MAX_TAIL_WORDS:
        return "a broadcaster's note on its transcript"
    if _VIDEO_PLAYER.match(line) and n <= MAX_TAIL_WORDS:
        return "video player caption (its close button, the clip's description and credit)"
    if _caption_teasers(line):
        return "photo caption preview (cut off and credited)"
    one_phrase = not _INNER_SENT_END.search(line)
    if one_phrase and ((_ARROW_END.search(line) and n <= MAX_ARROW_WORDS) or (_ARROW_START.match(line) and n <= 20)):
        return "link with an arrow (a link label, not a sentence)"
    if _STRONG.match(line) and n <= MAX_STRONG_WORDS and (
        n <= 8 or not ends_sentence or _URL.search(line) or _RIGHTS.search(line)
    ):
        return "share, subscribe or navigation prompt"
    if n <= MAX_UI_WORDS and _WEAK.match(line) and (not ends_sentence or _URL.search(line)):
        return "share, subscribe or navigation prompt"
    if n <= MAX_UI_WORDS and _LABEL.match(line) and not ends_sentence:
        return "section label or link list heading"
    if n <= 8 and all(w.lower().strip(":") in _SHARE_WORDS for w in words):
        return "share-button labels"
    if edge and n <= 20 and not ends_sentence:
        if re.match(r"^Home\s+[A-Z]", line) and _capitalised_share(words) >= 0.6:
            return "breadcrumb navigation"
        if len(_BREADCRUMB_SEP.findall(line)) >= 2 and _capitalised_share(words) >= 0.6:
            return "breadcrumb navigation"
    if (
        repeated >= REPEAT_MIN_ARTICLES
        and n <= REPEAT_MAX_WORDS
        and not ends_sentence
        and line[0] not in "\"“‘'"
    ):
        return f"boilerplate line repeated in {repeated} articles"
    return None


def _caption_teasers(line: str) -> bool:
    """Whether a line is only gallery caption previews, each cut off and credited.

    One scan of the line: every piece up to a "…(Credit)" is a caption of
    :data:`MIN_CAPTION_WORDS` or more words, and nothing follows the last credit. A stage
    direction of a transcript ("(Applause)") is no credit.
    """
    pos = 0
    found = False
    for m in _CAPTION_TEASER.finditer(line):
        if m.group("credit").strip().lower() in en.STAGE_DIRECTIONS:
            return False
        if len(line[pos:m.start() + 1].split()) < MIN_CAPTION_WORDS:
            return False
        pos = m.end()
        found = True
    return found and not line[pos:].strip()


_TRAILING_SPLIT = re.compile(r"(?:\s{2,}|(?<=[.!?\"”’])\s+)(?=\S)")


def _trailing_furniture(line: str) -> tuple[int, str] | None:
    """Find furniture glued to the end of a content line; return (offset, reason).

    The shortest classifying tail wins, so a sentence before a link label is kept.
    """
    for m in reversed(list(_TRAILING_SPLIT.finditer(line))):
        tail = line[m.end():]
        if len(tail) > MAX_TAIL_CHARS or len(tail.split(None, MAX_TAIL_WORDS)) > MAX_TAIL_WORDS:
            break  # longer tails never classify: stop (the scan was quadratic in the line)
        if not line[: m.start()].strip():
            continue
        if tail[:1].islower() and not (_URL.match(tail) or _EMBED.search(tail)):
            continue  # a tail in lower case continues the sentence ('"New Day" comments. The post ...')
        reason = classify_line(tail.strip())
        if reason is not None:
            return m.end(), reason
    return None


def line_counts(texts: Iterable[str]) -> Counter[str]:
    """Count, for every short line, in how many of the texts it appears."""
    counts: Counter[str] = Counter()
    for text in texts:
        seen = {
            s for s in (ln.strip() for ln in text.split("\n"))
            if s and len(s.split()) <= REPEAT_MAX_WORDS
        }
        counts.update(seen)
    return counts


def normalise_whitespace(text: str) -> str:
    """Strip each line, collapse runs of blank lines to one, strip the whole text."""
    lines = [ln.strip() for ln in text.split("\n")]
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip()


def clean(text: str, counts: Counter[str] | None = None) -> tuple[str, tuple[Removal, ...]]:
    """Remove page furniture from a whitespace-normalised text.

    Args:
        text: the text, already passed through :func:`normalise_whitespace`.
        counts: line counts across the whole input (see :func:`line_counts`).

    Returns:
        The cleaned text and the removals (offsets into ``text``; ``at`` into the result).
    """
    counts = counts or Counter()
    cuts: list[tuple[int, int, str]] = []
    # line boundaries
    lines: list[tuple[int, int]] = []
    pos = 0
    for ln in text.split("\n"):
        lines.append((pos, pos + len(ln)))
        pos += len(ln) + 1
    content = [i for i, (s, e) in enumerate(lines) if e > s]
    edges = set(content[:EDGE_LINES] + content[-EDGE_LINES:])
    for idx in content:
        s, e = lines[idx]
        line = text[s:e]
        reason = classify_line(line, edge=idx in edges, repeated=counts.get(line, 0))
        if reason is not None:
            cuts.append((s, e, reason))
            continue
        trailing = _trailing_furniture(line)
        if trailing is not None:
            cut, reason = trailing
            cuts.append((s + cut, e, reason))
    return _apply(text, cuts)


def _apply(text: str, cuts: list[tuple[int, int, str]]) -> tuple[str, tuple[Removal, ...]]:
    """Delete the cut ranges (widened over the whitespace they leave behind)."""
    pieces: list[str] = []
    removals: list[Removal] = []
    pos = 0
    out_len = 0
    for start, end, reason in sorted(cuts):
        if start < pos:
            continue
        # swallow the line break(s) after a removed line, or before one at the very end
        wend = end
        while wend < len(text) and text[wend] in " \n":
            wend += 1
        wstart = start
        if wend == len(text):
            while wstart > pos and text[wstart - 1] in " \n":
                wstart -= 1
        elif start > 0 and text[start - 1] != "\n":
            # trailing furniture inside a line: keep the line break that follows it
            wend = end
            while wend < len(text) and text[wend] == " ":
                wend += 1
            while wstart > pos and text[wstart - 1] == " ":
                wstart -= 1
        kept = text[pos:wstart]
        pieces.append(kept)
        out_len += len(kept)
        removals.append(Removal(start=start, end=end, text=text[start:end], reason=reason, at=out_len))
        pos = wend
    pieces.append(text[pos:])
    return "".join(pieces), tuple(removals)
