"""Who copied whom: passage reuse between articles, near-duplicates, independent sources.

:func:`find_reuse` finds passages one article shares with another:

1. candidates — winnowed word n-gram fingerprints and an inverted index give the pairs of
   articles worth aligning (near-linear in the corpus; never all pairs on large inputs);
2. alignment — shared n-grams are chained along near-diagonals into passages, tolerant of
   small edits and dropped sentences, each mapped to exact character spans on both sides;
   matching ignores case, punctuation, quote and dash style and whitespace;
3. kind — a passage is cut where it passes between quoted speech and narrative text, so a
   shared quote (``kind="quote"``) is reported apart from copied prose (``"prose"``);
4. direction — from publication dates or explicit credit in the copying text, else
   ``unknown`` (see :mod:`.direction`). The evidence used is recorded.

:func:`near_duplicates` groups whole articles that are the same text (MinHash LSH), and
:func:`independence` turns reuse into an :class:`Independence` model whose ``count`` says how
many independent reports stand behind a set of articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from ...errors import OptionError
from ...model import Article, Direction, Reuse, ReuseKind
from .align import AlignParams, Passage, align
from .candidates import candidate_pairs, fingerprints
from .direction import Credit, credit_evidence, date_order, find_credits
from .duplicates import (
    DEFAULT_PERM,
    DEFAULT_SEED,
    NEAR_THRESHOLD,
    DuplicateOptionsError,
    from_bytes,
    group_sketches,
    merge_sketches,
    near_duplicates,
    shingles,
    sketch,
    to_bytes,
)
from .independence import Independence, UnknownArticleError, independence
from .text import MAX_NGRAM, TokenHasher, Tokens, tokenize, widen, wording

__all__ = [
    "DuplicateOptionsError", "Independence", "ReuseOptions", "ReuseOptionsError",
    "UnknownArticleError", "find_reuse", "group_sketches", "independence", "merge_sketches",
    "near_duplicates", "shingles", "sketch", "to_bytes", "from_bytes", "NEAR_THRESHOLD",
    "DEFAULT_PERM", "DEFAULT_SEED",
]


class ReuseOptionsError(OptionError):
    """A :class:`ReuseOptions` value is out of range."""


@dataclass(frozen=True)
class ReuseOptions:
    """Thresholds of reuse detection (defaults measured by ``bench/reuse.py``).

    Attributes:
        ngram: words per n-gram used for matching.
        window: winnowing window; any shared run of ``ngram + window - 1`` words is
            guaranteed to produce a candidate.
        max_df: fingerprints held by more articles than this are boilerplate and ignored
            for candidate search (bounds the cost on large inputs).
        min_seeds: shared fingerprints a pair of articles needs to be aligned.
        min_tokens: words a passage must cover on both sides (smaller overlaps are not reuse).
        min_similarity: word-level similarity (0..1) a passage must reach.
        min_wording: distinct lower-case words of four or more letters a passage must hold on
            both sides (see :func:`.text.wording`): a run of names, numbers and titles that
            every outlet writes alike is no evidence that one copied the other.
        max_gap: largest jump (in words) between consecutive matches within one passage.
        max_skew: largest difference between the jumps on the two sides (an inserted or
            dropped stretch of at most this many words stays inside the passage).
        max_repeat: n-grams repeated more often than this within one article are ignored.
        split_quotes: cut passages where they pass between quoted speech and prose.
        quote_share: share of quoted words that makes a passage ``kind="quote"``.
        credit_window: characters before a passage in which a credit phrase counts.
        all_pairs: align every pair of articles (the naive baseline; quadratic).
    """

    ngram: int = 5
    window: int = 4
    max_df: int = 100
    min_seeds: int = 2
    min_tokens: int = 12
    min_similarity: float = 0.5
    min_wording: int = 4
    max_gap: int = 20
    max_skew: int = 10
    max_repeat: int = 5
    split_quotes: bool = True
    quote_share: float = 0.5
    credit_window: int = 300
    all_pairs: bool = False

    def __post_init__(self) -> None:
        checks = [
            (1 <= self.ngram <= MAX_NGRAM, f"ngram must be between 1 and {MAX_NGRAM}"),
            (self.window >= 1, "window must be >= 1"),
            (self.max_df >= 2, "max_df must be >= 2"),
            (self.min_seeds >= 1, "min_seeds must be >= 1"),
            (self.min_tokens >= self.ngram, "min_tokens must be >= ngram"),
            (0.0 <= self.min_similarity <= 1.0, "min_similarity must be in [0, 1]"),
            (self.min_wording >= 0, "min_wording must be >= 0"),
            (self.max_gap >= 1 and self.max_skew >= 0, "max_gap must be >= 1 and max_skew >= 0"),
            (self.max_repeat >= 1, "max_repeat must be >= 1"),
            (0.0 < self.quote_share <= 1.0, "quote_share must be in (0, 1]"),
            (self.credit_window >= 0, "credit_window must be >= 0"),
        ]
        for ok, message in checks:
            if not ok:
                raise ReuseOptionsError(f"{message} (options: {self})")

    def align_params(self) -> AlignParams:
        """Return the subset of options the aligner uses."""
        return AlignParams(self.ngram, self.min_tokens, self.min_similarity, self.max_gap,
                           self.max_skew, self.max_repeat, self.split_quotes, self.quote_share)


def find_reuse(articles: Sequence[Article], options: ReuseOptions | None = None) -> list[Reuse]:
    """Return the passages articles share, with exact spans on both sides.

    Args:
        articles: the articles (their order decides ``source`` when direction is unknown:
            the article given first).
        options: thresholds (see :class:`ReuseOptions`).

    Returns:
        One :class:`Reuse` per passage, grouped by pair of articles (in input order of
        the pair's first, then second article), then by position. ``source``/``copy`` are spans in the original and the
        copier when ``direction == "known"``; otherwise ``source`` is in the earlier input.

    Raises:
        ReuseOptionsError: if ``options`` is inconsistent (raised when it is built).
    """
    opts = options or ReuseOptions()
    arts = list(articles)
    hasher = TokenHasher()
    if opts.all_pairs:
        pairs = [(a, b) for a, b in combinations(range(len(arts)), 2)]
    else:
        prints = [fingerprints(hasher.hashes(a.text), opts.ngram, opts.window) for a in arts]
        pairs = [(a, b) for a, b, _ in candidate_pairs(prints, opts.max_df, opts.min_seeds)]

    @lru_cache(maxsize=4096)
    def tokens(k: int) -> Tokens:
        return tokenize(arts[k].text, hasher)

    @lru_cache(maxsize=4096)
    def credits(k: int) -> tuple[Credit, ...]:
        return tuple(find_credits(arts[k].text))

    params = opts.align_params()
    out: list[Reuse] = []
    for a, b in pairs:
        if arts[a].id == arts[b].id:
            continue
        ta, tb = tokens(a), tokens(b)
        passages = align(ta, tb, params)
        if passages:
            out.extend(_to_reuse(arts[a], arts[b], ta, tb, passages, credits(a), credits(b), opts))
    return out


def _spans(text: str, toks: Tokens, start: int, end: int) -> tuple[int, int]:
    return widen(text, int(toks.starts[start]), int(toks.ends[end - 1]))


def _to_reuse(
    art_a: Article, art_b: Article, ta: Tokens, tb: Tokens, passages: list[Passage],
    credits_a: Sequence[Credit], credits_b: Sequence[Credit], opts: ReuseOptions,
) -> list[Reuse]:
    chars = [(_spans(art_a.text, ta, p.a_start, p.a_end), _spans(art_b.text, tb, p.b_start, p.b_end))
             for p in passages]
    kept = [k for k, ((as_, ae), (bs, be)) in enumerate(chars)
            if _worded(art_a.text[as_:ae], opts.min_wording) and _worded(art_b.text[bs:be], opts.min_wording)]
    if not kept:
        return []
    passages, chars = [passages[k] for k in kept], [chars[k] for k in kept]
    a_source, direction, evidence = _direction(art_a, art_b, chars, credits_a, credits_b, opts)
    out = []
    for p, ((as_, ae), (bs, be)) in zip(passages, chars):
        span_a, span_b = art_a.span(as_, ae), art_b.span(bs, be)
        src, cpy = (span_a, span_b) if a_source else (span_b, span_a)
        out.append(Reuse(src, cpy, p.similarity, Direction(direction), evidence, ReuseKind(p.kind)))
    return out


def _worded(text: str, minimum: int) -> bool:
    n = wording(text)
    return n is None or n >= minimum


def _direction(
    art_a: Article, art_b: Article, chars: list[tuple[tuple[int, int], tuple[int, int]]],
    credits_a: Sequence[Credit], credits_b: Sequence[Credit], opts: ReuseOptions,
) -> tuple[bool, str, str]:
    """Return ``(a_is_source, direction, evidence)`` for one pair of articles."""
    blocked_a = [c[0] for c in chars] + [(c.start, c.end) for c in credits_a]
    blocked_b = [c[1] for c in chars] + [(c.start, c.end) for c in credits_b]
    b_credits_a = credit_evidence(art_b, [c[1][0] for c in chars], credits_b, art_a, blocked_a,
                                  opts.credit_window)
    a_credits_b = credit_evidence(art_a, [c[0][0] for c in chars], credits_a, art_b, blocked_b,
                                  opts.credit_window)
    dated = date_order(art_a, art_b)
    votes: list[tuple[bool, str]] = []
    if dated is not None:
        votes.append((dated[0] == 0, dated[1]))
    if b_credits_a and not a_credits_b:
        votes.append((True, b_credits_a))
    elif a_credits_b and not b_credits_a:
        votes.append((False, a_credits_b))
    elif a_credits_b and b_credits_a:
        return True, "unknown", f"conflicting credits: {b_credits_a}; {a_credits_b}"
    if not votes:
        return True, "unknown", "no publication dates or credit tell which text came first"
    if len({v[0] for v in votes}) > 1:
        return True, "unknown", "dates and credit disagree: " + "; ".join(v[1] for v in votes)
    return votes[0][0], "known", "; ".join(v[1] for v in votes)


# --------------------------------------------------------------------------- registration

from ...model import SourceGroup  # noqa: E402
from ...registry import Inputs, Produced, analysis  # noqa: E402


@analysis("reuse", requires=("articles",), produces=("reuse",), config=ReuseOptions, languages=None)
def reuse_component(inputs: Inputs, config: ReuseOptions) -> Produced:
    """Passages one article copies from another, in any language."""
    return {"reuse": tuple(find_reuse(inputs.articles, config))}


@dataclass(frozen=True)
class SourcesConfig:
    """Settings of the independence model.

    Attributes:
        min_share: share of an article's words reused from another for the two to count as
            one report.
        same_outlet: articles of the same outlet count as one report.
    """

    min_share: float = 0.3
    same_outlet: bool = True

    def __post_init__(self) -> None:
        if not 0.0 < self.min_share <= 1.0:
            raise ReuseOptionsError(f"min_share must be in (0, 1], got {self.min_share}")


@analysis("sources", requires=("articles", "reuse"), produces=("sources",), config=SourcesConfig,
          languages=None)
def sources_component(inputs: Inputs, config: SourcesConfig) -> Produced:
    """Groups of articles that count as one report (the independence model)."""
    model = independence(inputs.articles, inputs.dossier.reuse, min_share=config.min_share,
                         same_outlet=config.same_outlet)
    groups = []
    for group in model.groups:
        why = sorted({model.reasons[k] for k in model.reasons if k <= set(group)})
        groups.append(SourceGroup(articles=tuple(group), reason="; ".join(why)))
    return {"sources": tuple(groups)}
