"""Points on which sources agree or disagree: comparable statements aligned across articles.

:func:`find_disagreements` takes facts (from :func:`..facts.extract_facts`) and claims (from
:func:`..claims.extract_claims`) as plain inputs and reports points:

* **numbers** - two facts of different articles are one point only when they are about the
  same thing: the same dimension and unit, the same counted noun (modifiers that name a
  different group, "US troops" / "British troops", or a partial count, "three other men", keep
  them apart), the same governing verb, no conflicting subject, no conflicting time or place
  frame ("in this primary" / "in past primaries"), and similar sentences (shared content words).
  Sharing a unit is never enough. Each aligned pair is compared: *agree* (the same value),
  *compatible* (rounding, "about", "more than", a range that holds the other), *update* (a
  later report of a changing count - a toll, the displaced - by publication time, or marked
  "now", "has risen to") or *contradict*.
* **verdicts** - claims about one named entity on one question ("stronger or weaker") from at
  least two outlets; contested (*contradict*) only when outlets take opposite positions.

Every point carries a ``status``, a ``confidence`` (how well the statements align and how
clearly the values differ), how many outlets state it and how many of them are independent
(not linked by copied passages in ``reuse``).
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from ...lang import en
from ...model import Article, Claim, Disagreement, Entity, EntityKind, Fact, PointStatus, Reuse, Side, Span
from ...unionfind import UnionFind
from .common import POSITIONS, STRENGTH, PointsConfig, bounds, name_key
from .pairing import PARALLEL_ALIGN as _PARALLEL_ALIGN
from .pairing import aligned_hard as _aligned_hard
from .pairing import change_role as _change_role
from .pairing import frames as _frames
from .pairing import head as _head
from .pairing import mods as _mods
from .pairing import route as _route
from .pairing import verbs_agree as _verbs_agree

__all__ = ["find_disagreements", "compare_values", "sentence_similarity", "context_similarity", "wire_credit"]

_RANK = {PointStatus.AGREE: 0, PointStatus.COMPATIBLE: 1, PointStatus.UPDATE: 2, PointStatus.CONTRADICT: 3}


# --------------------------------------------------------------------------- similarity


@functools.lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    out = set()
    for w in re.findall(r"[^\W\d_]+", text.lower()):
        if w in en.SIMILARITY_STOPWORDS or len(w) < 2:
            continue
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return frozenset(out)


def sentence_similarity(a: str, b: str) -> float:
    """Return the Jaccard overlap of two sentences' content words (numbers and function words out)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _own_words(f: Fact) -> frozenset[str]:
    """The words of a figure's own verb and counted noun (the hard conditions compare those)."""
    stem = f.predicate.rstrip("e") if f.predicate else ""
    own = set(_words(f.counted or ""))
    if len(stem) >= 3:
        sent = f.sentence.text if f.sentence is not None else f.span.text
        own |= {w for w in _words(sent) if w.startswith(stem)}
    return frozenset(own)


def context_similarity(a: Fact, b: Fact) -> float:
    """Return the Jaccard overlap of two facts' sentences without their own verbs and counted nouns.

    What is left says which event each figure is about: "That explosion killed one woman and
    injured 111 people" and "Nine people were injured in those explosions" share little else.
    """
    sa = a.sentence.text if a.sentence is not None else a.span.text
    sb = b.sentence.text if b.sentence is not None else b.span.text
    own = _own_words(a) | _own_words(b)
    wa, wb = _words(sa) - own, _words(sb) - own
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


# --------------------------------------------------------------------------- comparing values


def _interval(f: Fact, cfg: PointsConfig) -> tuple[float, float]:
    return bounds(f.value, f.low, f.high, f.approx, f.grain, cfg.approx_slack)


def _same_form(a: Fact, b: Fact) -> bool:
    return (a.value, a.low, a.high) == (b.value, b.low, b.high) and a.approx == b.approx


def compare_values(a: Fact, b: Fact, cfg: PointsConfig | None = None) -> tuple[PointStatus, float]:
    """Return how two aligned figures compare and how clearly (0-1).

    Identical statements agree; overlapping allowed intervals (rounding, "about", "more than",
    ranges) are compatible; disjoint ones contradict when the gap between them is clear (at
    least ``clear_gap`` of the larger value, more for vague amounts such as "hundreds").
    """
    cfg = cfg or PointsConfig()
    if _same_form(a, b):
        return PointStatus.AGREE, 1.0
    ia, ib = _interval(a, cfg), _interval(b, cfg)
    if ia[0] <= ib[1] and ib[0] <= ia[1]:
        return PointStatus.COMPATIBLE, 0.9
    lo_side, hi_side = (ia, ib) if ia[1] < ib[0] else (ib, ia)
    near_low, near_high = lo_side[1], hi_side[0]
    scale = max(abs(near_low), abs(near_high), 1e-9)
    gap = (near_high - near_low) / scale
    vague = (a.value is None and a.approx) or (b.value is None and b.approx)
    need = max(cfg.clear_gap, 0.3 if vague else 0.0)
    if gap < need:
        return PointStatus.COMPATIBLE, 0.6
    clarity = min(1.0, 0.6 + gap) * (0.8 if vague else 1.0)
    return PointStatus.CONTRADICT, clarity


# --------------------------------------------------------------------------- aligning facts


def _partial(f: Fact) -> bool:
    return bool(_mods(f.counted) & en.PARTIAL_MODIFIERS)


def _alignment(a: Fact, b: Fact, cfg: PointsConfig, sole: bool = False, anchored: bool = False) -> float | None:
    """Return how well two facts of different articles state the same thing (0-1), or None.

    Hard conditions first (dimension, unit, counted noun and its modifiers, partial counts,
    frame), then the sentences: near-identical sentences state the same thing whatever the
    parse says; otherwise the governing verb and its subject must match too and the sentences
    must share enough content words. Tolls (deaths, the displaced...) counted by different verbs
    may align on less shared wording when one of the two marks its figure as the latest and
    each article gives only one figure for that toll (``sole``): a story with many tolls (one per
    town, per day) gives no such licence. Two statements whose sentences also state another
    figure identically (``anchored``: "Eight people, including three children, were injured" /
    "Eight people, including two children, were injured") report one event, and align on less
    shared wording too.
    """
    if a.span.article == b.span.article or a.dimension != b.dimension or a.unit != b.unit:
        return None
    if a.confidence < 0.5 or b.confidence < 0.5:
        return None
    pa, pb = _mods(a.counted) & en.PARTIAL_MODIFIERS, _mods(b.counted) & en.PARTIAL_MODIFIERS
    if pa != pb:
        return None  # "three other men" / "the four men"
    ma, mb = _mods(a.counted) - pa, _mods(b.counted) - pb
    if ma and mb and not ma & mb:
        return None  # "US troops" / "British troops"
    fa, fb = _frames(a), _frames(b)
    if fa and fb and not fa & fb:
        return None  # "in this primary" / "in past primaries"
    sa = a.sentence.text if a.sentence is not None else a.span.text
    sb = b.sentence.text if b.sentence is not None else b.span.text
    sim = sentence_similarity(sa, sb)
    toll = a.unit in en.TOLL_UNITS
    same_head = _head(a.counted) == _head(b.counted) or (
        toll and {_head(a.counted), _head(b.counted)} <= en.GENERIC_PEOPLE | {a.unit})
    if not same_head:
        return None
    if sim >= 0.8:
        return min(1.0, 0.6 + 0.4 * sim)
    if a.predicate != b.predicate and not (
            toll and {a.predicate, b.predicate} <= en.TOLL_VERBS.get(a.unit, frozenset()) | en.NEUTRAL_VERBS):
        return None  # "627,000 deaths" / "3.3 million deaths avoided"
    if sim < 0.7 and a.subject and b.subject and a.subject != b.subject \
            and not set(a.subject.split()) & set(b.subject.split()):
        return None
    shared = 0.1 * bool(a.subject and a.subject == b.subject) + 0.1 * bool(a.predicate and a.predicate == b.predicate)
    if sim >= cfg.min_similarity and context_similarity(a, b) >= cfg.min_context_similarity:
        return min(1.0, 0.55 + 0.45 * sim + shared)
    if anchored and sim >= cfg.anchor_similarity and a.predicate and a.predicate == b.predicate:
        return min(0.8, 0.5 + 0.5 * sim)
    if toll and sole and sim >= cfg.toll_similarity and _cued(a) != _cued(b):
        return min(0.75, 0.45 + sim + shared)
    return None


def _published(arts: Mapping[str, Article], art_id: str) -> str | None:
    art = arts.get(art_id)
    return art.published if art is not None and art.published else None


def _cued(f: Fact) -> bool:
    text = (f.sentence.text if f.sentence is not None else "").lower()
    return any(re.search(rf"\b{re.escape(c)}\b", text) for c in en.UPDATE_CUES)


def _toll_order(a: Fact, b: Fact, arts: Mapping[str, Article]) -> Fact | None:
    """Return the later of two reports of a toll (by publication time, else by "now", "has risen"), or None."""
    pa, pb = _published(arts, a.span.article), _published(arts, b.span.article)
    if pa and pb and pa != pb:
        return a if pa > pb else b
    if _cued(a) != _cued(b):
        return a if _cued(a) else b
    return None


def _pair_status(a: Fact, b: Fact, arts: Mapping[str, Article], cfg: PointsConfig) -> tuple[PointStatus, float, float]:
    """Return the status of two aligned figures, how clearly it holds, and the most confidence it allows.

    The cap is 1 but for two readings no rounding makes compatible ("21" / "22": only their
    closeness does, ``cfg.close_confidence``) and for a contradiction between two
    counts of a changing toll that nothing orders in time (``cfg.unordered_toll_confidence``):
    the later report may be an update as well as a contradiction.
    """
    status, clarity = compare_values(a, b, cfg)
    if status == PointStatus.COMPATIBLE and clarity < 0.9:
        return status, clarity, cfg.close_confidence
    if status != PointStatus.CONTRADICT or a.unit not in en.TOLL_UNITS:
        return status, clarity, 1.0
    later = _toll_order(a, b, arts)
    if later is None:
        return status, clarity, cfg.unordered_toll_confidence
    earlier = b if later is a else a
    if _interval(later, cfg)[1] >= _interval(earlier, cfg)[0]:
        return PointStatus.UPDATE, clarity, 1.0  # a toll that grew (or held) in the later report
    return status, clarity, 1.0


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def _position(f: Fact) -> str:
    unit = "" if f.unit in ("count",) else f" {f.unit}"
    approx = "about " if f.approx and f.value is not None else ""
    if f.value is None and f.approx:
        return " ".join(f.span.text.lower().split()) + unit  # "hundreds": as vague as written
    if f.value is not None:
        return f"{approx}{_fmt(f.value)}{unit}"
    if f.low is not None and f.high is not None:
        return f"{_fmt(f.low)}–{_fmt(f.high)}{unit}"
    if f.low is not None:
        return f"more than {_fmt(f.low)}{unit}"
    if f.high is not None:
        return f"up to {_fmt(f.high)}{unit}"
    return f.unit


def _independent(spans: Sequence[Span], reuse: Sequence[Reuse] | None,
                 by_article: Mapping[str, Sequence[Reuse]] | None = None,
                 arts: Mapping[str, Article] | None = None, sentences: Sequence[str] | None = None,
                 cfg: PointsConfig | None = None) -> int | None:
    """Return how many of the spans' articles state them on their own (not by copying another).

    Two articles are one text for the point when a copied passage covers a statement; when
    they copy each other elsewhere (any reuse record links them) and the two statements'
    sentences (``sentences``, one per span) share ``cfg.copy_similarity`` of their words (a
    sentence lightly edited in a new version escapes the copied passages); when the two
    sentences share a run of ``cfg.copy_run`` words (one sentence copied into another story,
    too short for a passage); or when both open
    with the same wire credit ("CITY (AP) _", "CITY, date (Xinhua) --"): one agency's stories
    repeat its own background lines, which corroborates nothing. ``by_article`` (from
    :func:`_reuse_index`) holds the records by article, so only the spans' articles' are read.
    """
    if reuse is None:
        return None
    cfg = cfg or PointsConfig()
    art_ids = sorted({s.article for s in spans})
    sets: UnionFind[str] = UnionFind(art_ids)
    records: Sequence[Reuse] = reuse if by_article is None else list(dict.fromkeys(
        r for a in art_ids for r in by_article.get(a, ())))
    linked: set[tuple[str, str]] = set()
    for r in records:
        a, b = r.source.article, r.copy.article
        if a not in sets or b not in sets or a == b:
            continue
        linked.add((min(a, b), max(a, b)))
        covered = any(s.article == a and r.source.start <= s.start and s.end <= r.source.end for s in spans) or \
            any(s.article == b and r.copy.start <= s.start and s.end <= r.copy.end for s in spans)
        if covered:
            sets.union(a, b)
    if sentences is not None:
        for x, sx in enumerate(spans):
            for y in range(x + 1, len(spans)):
                sy = spans[y]
                if sx.article == sy.article or sets.find(sx.article) == sets.find(sy.article):
                    continue
                pair = (min(sx.article, sy.article), max(sx.article, sy.article))
                if (pair in linked and sentence_similarity(sentences[x], sentences[y]) >= cfg.copy_similarity) \
                        or shared_run(sentences[x], sentences[y]) >= cfg.copy_run:
                    sets.union(sx.article, sy.article)
    if arts is not None:
        by_credit: dict[str, str] = {}
        for a in art_ids:
            credit = wire_credit(arts[a].text) if a in arts else None
            if credit is None:
                continue
            if credit in by_credit:
                sets.union(by_credit[credit], a)
            else:
                by_credit[credit] = a
    return len(sets.groups())


@functools.lru_cache(maxsize=65536)
def _run_words(text: str) -> tuple[str, ...]:
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                 for w in re.findall(r"[^\W_]+", text.lower()))


def shared_run(a: str, b: str) -> int:
    """Return the length in words of the longest run of words two sentences share, in order."""
    wa, wb = _run_words(a), _run_words(b)
    if not wa or not wb:
        return 0
    if wa == wb:
        return len(wa)
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).find_longest_match(0, len(wa), 0, len(wb)).size


# the wire credit of an opening dateline: "YANGON, Myanmar (AP) _", "GENEVA, January 28 (Xinhua) --"
_WIRE_CREDIT = re.compile(r"\A\s*[A-Z][^\n()]{0,80}?\((?P<name>[A-Z][A-Za-z.&-]{1,15}(?:[ \t][A-Z][A-Za-z.&-]+){0,2})\)"
                          r"[ \t]*(?:--|[-–—_:])")


def wire_credit(text: str) -> str | None:
    """Return the agency an article's opening dateline credits ("AP", "Xinhua"), or None."""
    m = _WIRE_CREDIT.match(text[:160])
    return m.group("name").lower() if m else None


def _reuse_index(reuse: Sequence[Reuse] | None) -> dict[str, list[Reuse]]:
    out: dict[str, list[Reuse]] = defaultdict(list)
    for r in reuse or ():
        out[r.source.article].append(r)
        if r.copy.article != r.source.article:
            out[r.copy.article].append(r)
    return out


def _pred_class(f: Fact) -> str:
    """The governing verb as alignment compares it: a toll's verbs (and neutral ones) are one class."""
    if f.unit in en.TOLL_UNITS and f.predicate in en.TOLL_VERBS.get(f.unit, frozenset()) | en.NEUTRAL_VERBS:
        return "*toll*"
    return f.predicate


def _sentence_text(f: Fact) -> str:
    return f.sentence.text if f.sentence is not None else f.span.text


def _similar_pairs(usable: Sequence[Fact], idx: Sequence[int], threshold: float) -> set[tuple[int, int]]:
    """Return the positions (in ``idx``) of the fact pairs whose sentences may reach ``threshold``.

    Prefix filtering: with each sentence's content words ordered rarest first, two sets whose
    Jaccard overlap is at least ``threshold`` share a word among the first
    ``len - ceil(threshold * len) + 1`` of each. Exact (no pair that reaches it is missed) and,
    the rarest words being rare, close to linear.
    """
    words = [_words(_sentence_text(usable[i])) for i in idx]
    freq: dict[str, int] = defaultdict(int)
    for ws in words:
        for w in ws:
            freq[w] += 1
    index: dict[str, list[int]] = defaultdict(list)
    out: set[tuple[int, int]] = set()
    for x, ws in enumerate(words):
        if not ws:
            continue
        order = sorted(ws, key=lambda w: (freq[w], w))
        keep = len(order) - math.ceil(threshold * len(order) - 1e-9) + 1
        seen: set[int] = set()
        for w in order[:max(keep, 1)]:
            for y in index[w]:
                if y not in seen:
                    seen.add(y)
                    out.add((y, x))
            index[w].append(x)
    return out


def _candidate_pairs(usable: Sequence[Fact], idx: Sequence[int], cfg: PointsConfig,
                     exhaustive: bool = False) -> list[tuple[int, int]]:
    """Return the pairs of a block of facts to compare, in the order of an all-pairs loop.

    A block of at most ``cfg.max_pair_group`` facts (every block of a one-story dossier so far)
    is compared pair by pair. A bigger one is split by what alignment requires anyway (the same
    partial modifiers; the same verb, or two verbs of one toll): sub-blocks of at most the bound
    are compared pair by pair, bigger ones only where the sentences may share ``anchor_similarity``
    of their words (the licence for tolls worded differently is a one-story licence), and facts
    of different sub-blocks only where the sentences may be near-identical (0.8). So the cost per
    fact stays flat however many articles a dossier holds.
    """
    n = len(idx)
    if exhaustive or n <= cfg.max_pair_group:
        return [(idx[x], idx[y]) for x in range(n) for y in range(x + 1, n)]
    sub: dict[tuple[frozenset[str], str], list[int]] = defaultdict(list)
    for x, i in enumerate(idx):
        f = usable[i]
        sub[(frozenset(_mods(f.counted) & en.PARTIAL_MODIFIERS), _pred_class(f))].append(x)
    keep: set[tuple[int, int]] = set()
    for members in sub.values():
        if len(members) <= cfg.max_pair_group:
            keep.update((members[p], members[q]) for p in range(len(members)) for q in range(p + 1, len(members)))
        else:
            found = _similar_pairs(usable, [idx[x] for x in members], min(cfg.anchor_similarity, cfg.min_similarity))
            keep.update((members[p], members[q]) for p, q in found)
    near = _similar_pairs(usable, idx, 0.8)
    keep.update(near)
    return [(idx[x], idx[y]) for x, y in sorted(keep)]


def _places_index(entities: Sequence[Entity], arts: Mapping[str, Article]) -> dict[str, list[tuple[int, int, str]]]:
    """Return the mentions of places by article (start, end, entity name), past any opening wire dateline."""
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    skip: dict[str, int] = {}
    for ent in entities:
        if ent.kind != EntityKind.PLACE:
            continue
        for m in ent.mentions:
            if m.article not in skip:
                art = arts.get(m.article)
                dl = _WIRE_CREDIT.match(art.text[:160]) if art is not None else None
                skip[m.article] = dl.end() if dl else 0
            if m.start >= skip[m.article]:
                out[m.article].append((m.start, m.end, ent.name))
    return out


def _number_points(facts: Sequence[Fact], arts: Mapping[str, Article], reuse: Sequence[Reuse] | None,
                   cfg: PointsConfig, exhaustive: bool = False,
                   entities: Sequence[Entity] = ()) -> list[Disagreement]:
    usable = [f for f in facts if f.dimension and f.unit]
    places = _places_index(entities, arts)

    def place_words(f: Fact) -> frozenset[str]:
        """The words of the places named in the fact's sentence (a city's toll is not the nation's)."""
        sent = f.sentence if f.sentence is not None else f.span
        return frozenset(w for start, end, name in places.get(f.span.article, ())
                         if sent.start <= start and end <= sent.end for w in re.findall(r"\w+", name.lower()))

    def other_places(a: Fact, b: Fact) -> bool:
        """Whether the two sentences name places with no word in common ("Istanbul" / none, "Izmit" /
        "Turkey"); "Philadelphia" and "South Philadelphia" share one."""
        wa, wb = place_words(a), place_words(b)
        return bool(wa or wb) and not wa & wb
    # blocks of facts that can align at all (same dimension, unit and counted head: see
    # _alignment), so the pairwise comparison stays within small groups
    by_unit: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    first_of: dict[tuple[str, str, int], int] = {}  # (article, sentence, offset in it) -> first fact
    copies_of: dict[int, list[int]] = defaultdict(list)  # first fact -> the same figure's later copies
    for i, f in enumerate(usable):
        if f.confidence < 0.5:
            continue
        if f.sentence is not None:
            # an article repeating a sentence states its figures once: its copies would be
            # compared with each other and with everything else (quadratic in the repeats)
            copy = (f.span.article, f.sentence.text, f.span.start - f.sentence.start)
            if copy in first_of:
                copies_of[first_of[copy]].append(i)  # cited with its first copy, never compared
                continue
            first_of[copy] = i
        head = _head(f.counted)
        generic = f.unit in en.TOLL_UNITS and head in en.GENERIC_PEOPLE | {f.unit}
        by_unit[(f.dimension, f.unit, "*people*" if generic else head)].append(i)
    figures: dict[tuple[str, str], set[tuple[float | None, float | None, float | None]]] = defaultdict(set)
    by_sentence: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for f in usable:
        figures[(f.span.article, f.unit)].add((f.value, f.low, f.high))
        if f.sentence is not None:
            by_sentence[(f.span.article, f.sentence.start)].append(f)

    def anchored(a: Fact, b: Fact) -> bool:
        """Whether the two sentences share another figure, stated identically and precisely."""
        if a.sentence is None or b.sentence is None:
            return False
        others_a = [f for f in by_sentence[(a.span.article, a.sentence.start)] if f is not a]
        others_b = [f for f in by_sentence[(b.span.article, b.sentence.start)] if f is not b]
        return any(x.value is not None and x.value >= 3 and not x.approx and _same_form(x, y)
                   and x.unit == y.unit and _head(x.counted) == _head(y.counted)
                   for x in others_a for y in others_b)
    def ordinal(f: Fact) -> int:
        """Which of its sentence's figures of this unit the fact is (0 = the first)."""
        if f.sentence is None:
            return 0
        same = [g for g in by_sentence[(f.span.article, f.sentence.start)] if g.unit == f.unit]
        return sorted(g.span.start for g in same).index(f.span.start) if f in same else 0

    per_group: dict[tuple[str, str, str], int] = defaultdict(int)  # (article, unit, counted head) -> figures
    for f in usable:
        per_group[(f.span.article, f.unit, _head(f.counted))] += 1

    def parallel(a: Fact, b: Fact) -> bool:
        """Whether the two sentences give one measure for the same two groups, in the same order."""
        if a.sentence is None or b.sentence is None or not _head(a.counted) or not _verbs_agree(a, b):
            return False
        for x in by_sentence[(a.span.article, a.sentence.start)]:
            hx = _head(x.counted)
            if x is a or x.unit != a.unit or not hx or hx == _head(a.counted):
                continue
            for y in by_sentence[(b.span.article, b.sentence.start)]:
                if y is b or y.unit != b.unit or _head(y.counted) != hx or not _verbs_agree(x, y):
                    continue
                if (x.span.start > a.span.start) != (y.span.start > b.span.start):
                    continue
                once = (per_group[(f.span.article, f.unit, _head(f.counted))] == 1 for f in (a, b, x, y))
                if all(once):
                    return True
        return False

    ridx = _reuse_index(reuse)
    roles: dict[int, str] = {}  # fact index -> change_role, read once
    u: UnionFind[int] = UnionFind(range(len(usable)))
    pairs: dict[tuple[int, int], tuple[float, PointStatus, float, float]] = {}
    for idx in by_unit.values():
        for i, j in _candidate_pairs(usable, idx, cfg, exhaustive):
            a, b = usable[i], usable[j]
            if a.sentence is not None and b.sentence is not None and ordinal(a) != ordinal(b) \
                    and sentence_similarity(a.sentence.text, b.sentence.text) >= 0.8:
                continue  # one sentence listing figures ("$2,440, $2,141 and $254"), copied:
                # the second figure of a copy is no statement about the first
            if i not in roles:
                roles[i] = _change_role(a)
            if j not in roles:
                roles[j] = _change_role(b)
            if {roles[i], roles[j]} == {"change", "level"}:
                continue  # "dropped 700 feet" / "dropped from 2,500 to 1,800 feet": a change and a level
            sole = len(figures[(a.span.article, a.unit)]) == 1 == len(figures[(b.span.article, b.unit)])
            align = _alignment(a, b, cfg, sole, anchored(a, b))
            if align is None and places and _aligned_hard(a, b):
                ra = _route(a, places.get(a.span.article, ()))
                if ra is not None and ra == _route(b, places.get(b.span.article, ())):
                    align = cfg.route_alignment  # one distance between two named places
            cap_parallel = 1.0
            if align is None and a.sentence is not None and b.sentence is not None \
                    and len(by_sentence[(a.span.article, a.sentence.start)]) > 1 \
                    and len(by_sentence[(b.span.article, b.sentence.start)]) > 1 \
                    and _aligned_hard(a, b) and parallel(a, b):
                align, cap_parallel = _PARALLEL_ALIGN, cfg.parallel_confidence
            if align is None:
                continue
            status, clarity, cap = _pair_status(usable[i], usable[j], arts, cfg)
            cap = min(cap, cap_parallel)
            if status in (PointStatus.CONTRADICT, PointStatus.UPDATE) and places and other_places(a, b):
                cap = min(cap, cfg.place_confidence)  # "107 bodies in Istanbul" / "3,879 bodies"
            pairs[(i, j)] = (align, status, clarity, cap)
            u.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs:
        groups[u.find(i)].append(i)
        groups[u.find(j)].append(j)
    by_root: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, j in pairs:
        by_root[u.find(i)].append((i, j))
    out: list[Disagreement] = []
    for root, members in groups.items():
        members = sorted({*members, *(c for i in members for c in copies_of.get(i, ()))})
        scored = []
        for i, j in by_root[root]:
            align, status, clarity, cap = pairs[(i, j)]
            conf = (align * clarity if status == PointStatus.CONTRADICT else align) * min(
                usable[i].confidence, usable[j].confidence)
            conf = min(conf, cap)
            scored.append((_RANK[status], conf, status))
        sure = [x for x in scored if x[1] >= cfg.min_confidence]
        if not sure:
            continue  # a point the finder is unsure of is left out
        _, confidence, status = max(sure, key=lambda x: (x[0], x[1]))
        confidence = round(confidence, 3)
        items = [usable[i] for i in members]
        out.append(_number_point(items, status, confidence, arts, reuse, cfg, ridx))
    return out


def _number_point(items: Sequence[Fact], status: PointStatus, confidence: float, arts: Mapping[str, Article],
                  reuse: Sequence[Reuse] | None, cfg: PointsConfig,
                  ridx: Mapping[str, Sequence[Reuse]] | None = None) -> Disagreement:
    by_pos: dict[str, list[Fact]] = defaultdict(list)
    for f in items:
        by_pos[_position(f)].append(f)

    def label(art_id: str) -> str:
        art = arts.get(art_id)
        return art.label if art is not None else art_id

    sides = []
    for pos, fs in by_pos.items():
        dates = [d for d in (_published(arts, f.span.article) for f in fs) if d]
        sides.append(Side(position=pos, outlets=tuple(dict.fromkeys(label(f.span.article) for f in fs)),
                          holders=tuple(dict.fromkeys(label(f.span.article) for f in fs)),
                          spans=tuple(f.span for f in fs), value=fs[0].value, low=fs[0].low, high=fs[0].high,
                          published=min(dates) if dates else None))
    sides.sort(key=lambda s: (s.published or "", -len(s.spans)))
    first = items[0]
    counted = first.counted or first.unit
    thing = counted if first.unit in ("count", counted) or first.unit in counted else f"{counted} ({first.unit})"
    if first.dimension == "count" and first.counted and first.unit not in ("count", counted):
        thing = " ".join([*first.counted.split()[:-1], first.unit])  # "us troops", "children", not "child (children)"
    elif first.dimension not in ("count", "money", "percent"):
        thing = f"{first.counted} ({first.unit})" if first.counted else first.unit  # "hours", "feet"
    if first.unit in en.TOLL_UNITS:
        thing = first.unit  # "displaced", "deaths": whatever noun each outlet counts them by
    if first.dimension in ("money", "percent") and not first.counted:
        thing = f"{first.predicate or 'amount'} ({first.unit})"
    outlets = {label(f.span.article) for f in items}
    independent = _independent([f.span for f in items], reuse, ridx, arts, [_sentence_text(f) for f in items], cfg)
    return Disagreement(
        point=f"how many: {thing}", sides=tuple(sides), target=first.about or None,
        agreed=status in (PointStatus.AGREE, PointStatus.COMPATIBLE), status=status, kind="number",
        confidence=_copies_cap(confidence, independent, cfg), outlets=len(outlets), independent=independent,
        question="how many", counted=counted,
    )


def _copies_cap(confidence: float, independent: int | None, cfg: PointsConfig) -> float:
    """Cap the confidence of a point whose statements all come from copies of one text."""
    if independent is not None and independent < 2:
        return min(confidence, cfg.copies_confidence)
    return confidence


# --------------------------------------------------------------------------- verdicts


def _verdict_points(claims: Sequence[Claim], arts: Mapping[str, Article], reuse: Sequence[Reuse] | None,
                    cfg: PointsConfig) -> list[Disagreement]:
    ridx = _reuse_index(reuse)
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if not c.named:
            continue  # a verdict is about a named entity; "the plan failed" is no contest
        key = c.target if c.target != (c.target_name or c.target) else name_key(c.target_name or c.target)
        groups[(key, c.question or STRENGTH)].append(c)

    def label(art_id: str) -> str:
        art = arts.get(art_id)
        return art.label if art is not None else art_id

    out: list[Disagreement] = []
    for (_key, question), items in groups.items():
        outlets = {label(c.span.article) for c in items}
        if len(outlets) < cfg.min_verdict_outlets:
            continue
        pos_names = POSITIONS.get(question, ("positive", "negative"))
        sides = []
        by_pol: dict[str, list[Claim]] = {}
        for polarity, position in zip(("positive", "negative"), pos_names):
            cs = [c for c in items if c.polarity == polarity]
            if not cs:
                continue
            by_pol[polarity] = cs
            sides.append(Side(
                position=position,
                outlets=tuple(dict.fromkeys(label(c.span.article) for c in cs)),
                holders=tuple(dict.fromkeys(c.holder.name for c in cs)),
                spans=tuple(c.span for c in cs),
            ))
        if len(by_pol) == 2:
            pos_out = {label(c.span.article) for c in by_pol["positive"]}
            neg_out = {label(c.span.article) for c in by_pol["negative"]}
            if not any(p != n for p in pos_out for n in neg_out):
                continue  # one outlet of two minds is no contest between sources
            status = PointStatus.CONTRADICT
            firm = [any(not c.hedged for c in cs) for cs in by_pol.values()]
            confidence = 0.8 if all(firm) else 0.5
        else:
            status = PointStatus.AGREE
            confidence = 0.8 if any(not c.hedged for c in items) else 0.5
        confidence = round(confidence * min(max(c.confidence for c in cs) for cs in by_pol.values()), 3)
        if confidence < cfg.min_confidence:
            continue
        names = [c.target_name or c.target for c in items]
        display = max(set(names), key=lambda n: (names.count(n), len(n)))
        target = items[0].target
        independent = _independent([c.span for c in items], reuse, ridx, arts, [c.span.text for c in items], cfg)
        out.append(Disagreement(
            point=f"{display}: {question}?", sides=tuple(sides), target=target,
            agreed=status == PointStatus.AGREE, status=status, kind="verdict",
            confidence=_copies_cap(confidence, independent, cfg),
            outlets=len(outlets), independent=independent, question=question,
        ))
    return out


def find_disagreements(
    claims: Sequence[Claim], facts: Sequence[Fact], articles: Sequence[Article],
    *, reuse: Sequence[Reuse] | None = None, config: PointsConfig | None = None,
    entities: Sequence[Entity] = (),
) -> list[Disagreement]:
    """Return the points on which sources take positions: contested ones first, then agreed.

    Args:
        claims: verdicts (from :func:`newsdossier.analysis.points.claims.extract_claims`).
        facts: quantities (from :func:`newsdossier.analysis.points.facts.extract_facts`).
        articles: the articles (outlet labels and publication times).
        reuse: copied passages (from the reuse analysis); with them each point says how many
            of its outlets are independent; without them ``independent`` is ``None``.
        config: thresholds (defaults: :class:`PointsConfig`).
        entities: resolved entities; with them a contested point whose two sentences name
            different places (a city's toll, the nation's) is shown unsure
            (``config.place_confidence``).

    Returns:
        Points sorted by status (contradict, update, compatible, agree), then confidence.

    Raises:
        Nothing: statements about unknown articles are labelled with their article id.
    """
    cfg = config or PointsConfig()
    arts = {a.id: a for a in articles}
    out = _verdict_points(claims, arts, reuse, cfg) + _number_points(facts, arts, reuse, cfg, entities=entities)
    out.sort(key=lambda d: (-_RANK[PointStatus(d.status)], -d.confidence, -sum(len(s.spans) for s in d.sides)))
    return out


# --------------------------------------------------------------------------- registration

from ...registry import Inputs, Produced, analysis  # noqa: E402


@analysis("disagreements", requires=("articles", "entities", "claims", "facts", "reuse"), produces=("disagreements",),
          config=PointsConfig)
def disagreements_component(inputs: Inputs, config: PointsConfig) -> Produced:
    """Comparable points across articles: agree, compatible, update or contradict."""
    d = inputs.dossier
    return {"disagreements": tuple(find_disagreements(d.claims, d.facts, inputs.articles, reuse=d.reuse,
                                                      config=config, entities=d.entities))}
