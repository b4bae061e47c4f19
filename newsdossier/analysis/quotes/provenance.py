"""Reprint chains: the same quote in several articles, and which article printed it first."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlparse

from ...model import Article, Quote, Reprint
from ...unionfind import UnionFind

_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…")
_NON_WORD = re.compile(r"[^\w\s]+", re.UNICODE)
_MIN_SHARED = 0.6
_COMMON_GRAM = 200  # trigrams in more quotes than this are not used to find candidate pairs
_SHORT_GRAMS = 6  # a quote with fewer word trigrams than this must have all of them in the other:
# three shared trigrams of a five-trigram quote are a shared phrase ("to bankrupt the X"), not one statement


@dataclass(frozen=True, slots=True)
class Appearance:
    """One quote as printed in one article, with how that article credits it."""

    quote: Quote
    article: Article
    order: int
    credit: str | None
    evidence: str


def normal_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` with quote style, punctuation and ellipses removed."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = _ELLIPSIS.sub(" ", text)
    text = text.replace("'", "")
    return _NON_WORD.sub(" ", text.lower()).split()


def _grams(ws: list[str]) -> set[tuple[str, ...]]:
    if len(ws) < 3:
        return {tuple(ws)} if ws else set()
    return {tuple(ws[i : i + 3]) for i in range(len(ws) - 2)}


def same_quote(a: str, b: str) -> bool:
    """Tell whether two quoted texts are the same quote (style, punctuation, ellipsis and
    truncation tolerated): most word trigrams of the shorter one occur in the longer one."""
    wa, wb = normal_words(a), normal_words(b)
    return _same_words(wa, wb, _grams(wa), _grams(wb))


def _same_words(wa: list[str], wb: list[str], ga: set[tuple[str, ...]], gb: set[tuple[str, ...]]) -> bool:
    """:func:`same_quote` on the texts' normalised words and their trigrams, computed once."""
    if not ga or not gb:
        return False
    small = min(len(ga), len(gb))
    if small < 2:
        return wa == wb
    shared = len(ga & gb)
    if small < _SHORT_GRAMS:
        return shared >= small
    return shared >= _MIN_SHARED * small


def _date(article: Article) -> dt.datetime | None:
    """Publication moment in naive UTC (the one parse: ``Article.published_at``)."""
    return article.published_at.replace(tzinfo=None) if article.published_at is not None else None


def outlet_names(article: Article) -> list[str]:
    """Names by which other articles may credit ``article``: its outlet and its web host."""
    names = []
    if article.outlet:
        names.append(article.outlet.strip())
    if article.url:
        host = urlparse(article.url).hostname or ""
        parts = [p for p in host.split(".") if p not in ("www", "com", "org", "net", "co", "uk", "edition", "news", "m")]
        if parts and len(parts[0]) >= 2:
            names.append(parts[0])
    return [n for n in names if len(n) >= 2]


_NAME = r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4}"
_CREDIT_PATTERNS = (
    re.compile(r"(" + _NAME + r")[’']s\s+[A-Z]"),  # "the Wire's Ann Lee"
    re.compile(r"\b(?:told|to|via|from|by|in|on)\s+(?:the\s+)?(" + _NAME + r")"),  # "told the Wire"
    re.compile(r"\(([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\)"),  # "(AP)"
)
_SELF_MENTIONS = 3  # an unlabelled article names itself this often to count as that outlet


def credited_names(credit: str | None) -> list[str]:
    """Outlet-like names a credit line points at ("So says the Wire's Ann Lee" -> "Wire")."""
    if not credit:
        return []
    out = []
    for pattern in _CREDIT_PATTERNS:
        for m in pattern.finditer(credit):
            name = re.sub(r"^(?:The|the)\s+", "", m.group(1)).strip()
            if len(name) >= 2:
                out.append(name)
    return out


def _mentions(name: str, text: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text))


def _credits(crediting: Appearance, cand: Appearance) -> bool:
    """Tell whether ``crediting`` credits ``cand``'s article as the source of the quote.

    By name when the candidate's outlet is known; when it is not, a name the credit line
    points at counts if the candidate article uses it at least :data:`_SELF_MENTIONS` times
    and more often than the crediting article (an outlet naming its own staff).
    """
    names = outlet_names(cand.article)
    for name in names:
        if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", crediting.evidence, flags=re.I):
            return True
    if names:
        return False
    for name in credited_names(crediting.credit):
        own = _mentions(name, cand.article.text)
        if own >= _SELF_MENTIONS and own > _mentions(name, crediting.article.text):
            return True
    return False


def _pick_origin(apps: list[Appearance]) -> Appearance | None:
    dates = [_date(a.article) for a in apps]
    if all(d is not None for d in dates):
        first = min(dates)  # type: ignore[type-var]
        if sum(1 for d in dates if d == first) == 1:
            return apps[dates.index(first)]
    credited = []
    for cand in apps:
        others = [a for a in apps if a.article.id != cand.article.id]
        if any(_credits(o, cand) for o in others):
            credits_other = any(_credits(cand, o) for o in others)
            if not credits_other:
                credited.append(cand)
    if len(credited) == 1:
        return credited[0]
    return None


def chain(apps: Sequence[Appearance]) -> list[Quote]:
    """Group appearances into reprint chains; return one quote per chain plus the rest.

    Args:
        apps: every quote found, in article input order then text order.

    Returns:
        Quotes in the input order of their representative: a quote printed in several
        articles appears once, in the article that printed it first (when that can be told),
        with the other appearances as reprints.
    """
    n = len(apps)
    sets: UnionFind[int] = UnionFind(range(n))

    index: dict[tuple[str, ...], list[int]] = {}
    words = [normal_words(app.quote.span.text) for app in apps]
    grams = [_grams(ws) for ws in words]
    for i, gs in enumerate(grams):
        for g in gs:
            index.setdefault(g, []).append(i)
    for i, app in enumerate(apps):
        candidates: set[int] = set()  # later appearances sharing a trigram (each pair once, from its first)
        for g in grams[i]:
            hits = index.get(g, ())
            if len(hits) > _COMMON_GRAM:
                continue  # a stock phrase ("we are going"): no evidence of a shared quote
            candidates.update(hits)
        for j in sorted(candidates):
            if j <= i:
                continue
            other = apps[j]
            if other.article.id == app.article.id or other.quote.kind != app.quote.kind:
                continue
            if _same_words(words[i], words[j], grams[i], grams[j]):
                sets.union(i, j)
    out: list[tuple[int, Quote]] = []
    for members in sets.groups():
        # one appearance per article (the longest); repeats inside an article stay on their own
        per_article: dict[str, int] = {}
        for i in members:
            aid = apps[i].article.id
            if aid not in per_article or len(apps[i].quote.span.text) > len(apps[per_article[aid]].quote.span.text):
                per_article[aid] = i
        chosen = sorted(per_article.values())
        for i in members:
            if i not in chosen:
                out.append((i, apps[i].quote))
        if len(chosen) == 1:
            out.append((chosen[0], apps[chosen[0]].quote))
            continue
        group = [apps[i] for i in chosen]
        origin = _pick_origin(group)
        rep = origin if origin is not None else min(group, key=lambda a: a.order)
        speaker = rep.quote.speaker
        if speaker is None:
            speaker = next((a.quote.speaker for a in group if a.quote.speaker is not None), None)
        reprints = tuple(Reprint(a.quote.span, a.credit) for a in group if a is not rep)
        flags = tuple(dict.fromkeys(rep.quote.flags))
        quote = replace(
            rep.quote,
            speaker=speaker,
            origin=origin.article.id if origin is not None else None,
            reprints=reprints,
            flags=flags,
        )
        out.append((chosen[group.index(rep)], quote))
    out.sort(key=lambda pair: pair[0])
    return [q for _, q in out]
