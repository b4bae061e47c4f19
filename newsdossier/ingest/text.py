"""Plain text and Markdown files."""

from __future__ import annotations

import re

from .records import RawDoc

# only the opening hashes are matched by a pattern; the rest is string work (the former
# pattern "^#{1,6}\s+(.*?)\s*#*\s*$" backtracked cubically on space-padded headings)
_MD_HEADING = re.compile(r"#{1,6}[ \t]")
# bounded and unable to cross their own delimiters, so a line of 100,000 "[" or "**" stays linear
_MD_LINK = re.compile(r"!?\[([^\]]{0,500})\]\([^)]{0,2000}\)")
_MD_EMPH = re.compile(r"\*\*([^*]{1,2000})\*\*|__([^_]{1,2000})__")
_MD_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def headline(text: str) -> str | None:
    """Return the first line when it reads as a headline: short, unpunctuated, set apart."""
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    words = first.split()
    if not sep or not rest.startswith("\n") or not 2 <= len(words) <= 20:
        return None
    if first[-1] in ".:;,!?…\"”’»" or not first[0].isupper():
        return None
    return first


def _heading_text(rest: str) -> str:
    """Return a Markdown heading's text without its closing hashes (``Title ##`` -> ``Title``)."""
    rest = rest.strip()
    bare = rest.rstrip("#")
    if bare != rest and (not bare or bare[-1] in " \t"):
        rest = bare.rstrip()
    return rest


def read_text(source: str, text: str) -> RawDoc:
    """Return a plain-text document as it is; a headline-like first line becomes the title."""
    title = headline(text)
    return RawDoc(source=source, text=text, meta={"title": title} if title else {})


def read_markdown(source: str, text: str) -> RawDoc:
    """Turn Markdown into plain text: headings, links and emphasis lose their markup.

    YAML front matter (``title:``, ``author:``, ``date:``, ``outlet:``, ``url:``) becomes
    metadata; the first level-one heading becomes the title when none is given.
    """
    meta: dict[str, str] = {}
    front = _MD_FRONT.match(text)
    if front:
        for line in front.group(1).split("\n"):
            key, sep, value = line.partition(":")
            key = key.strip().lower()
            if sep and value.strip():
                key = {"date": "published", "source": "outlet", "site": "outlet"}.get(key, key)
                meta[key] = value.strip().strip("\"'")
        text = text[front.end():]
    lines = []
    for line in text.split("\n"):
        m = _MD_HEADING.match(line)
        if m:
            line = _heading_text(line[m.end():])
            if "title" not in meta and line.strip():
                meta["title"] = line.strip()
        line = re.sub(r"^\s*>\s?", "", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPH.sub(lambda m: m.group(1) or m.group(2), line)
        lines.append(line)
    return RawDoc(source=source, text="\n".join(lines), meta=meta)
