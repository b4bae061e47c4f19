"""Near-duplicate articles (the same story text in several outlets) with MinHash LSH.

Sketches are small values with explicit seeds: a Spark job can compute :func:`sketch` per
article in the map step, merge or compare them in the reduce step, and group with
:func:`group_sketches` — the same functions run locally here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from datasketch import LeanMinHash, MinHash, MinHashLSH

from ...errors import OptionError
from ...model import Article
from ...unionfind import UnionFind
from .text import TOKEN_RE, normalize_token

DEFAULT_PERM = 128           # MinHash permutations of every sketch (corpus, Spark, local)
DEFAULT_SEED = 1             # MinHash seed: sketches are comparable across runs and machines
DEFAULT_SHINGLE = 5          # words per shingle
NEAR_THRESHOLD = 0.8         # estimated Jaccard similarity that makes two texts near-duplicates


class DuplicateOptionsError(OptionError):
    """A near-duplicate parameter is out of range."""


def shingles(text: str, n: int = DEFAULT_SHINGLE) -> set[bytes]:
    """Return the normalised word n-grams of ``text`` (fewer than ``n`` words: one shingle).

    Raises:
        DuplicateOptionsError: if ``n`` < 1.
    """
    if n < 1:
        raise DuplicateOptionsError(f"shingle size must be >= 1, got {n}")
    words = [w for w in (normalize_token(t) for t in TOKEN_RE.findall(text)) if w]
    if not words:
        return set()
    if len(words) < n:
        return {" ".join(words).encode("utf-8", "surrogatepass")}
    return {" ".join(words[i : i + n]).encode("utf-8", "surrogatepass") for i in range(len(words) - n + 1)}


def sketch(text: str, *, num_perm: int = DEFAULT_PERM, seed: int = DEFAULT_SEED,
           n: int = DEFAULT_SHINGLE) -> MinHash:
    """Return the MinHash sketch of ``text``'s word n-gram shingles.

    Sketches made with the same ``num_perm`` and ``seed`` can be compared
    (``a.jaccard(b)``) and merged (``a.merge(b)``) anywhere, e.g. across Spark executors.

    Raises:
        DuplicateOptionsError: if ``num_perm`` < 16 or ``n`` < 1.
    """
    if num_perm < 16:
        raise DuplicateOptionsError(f"num_perm must be >= 16, got {num_perm}")
    mh = MinHash(num_perm=num_perm, seed=seed)
    mh.update_batch(sorted(shingles(text, n)))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    """Serialise a sketch (datasketch's LeanMinHash format: seed, size and hash values)."""
    lean = LeanMinHash(mh)
    buf = bytearray(lean.bytesize())
    lean.serialize(buf)
    return bytes(buf)


def from_bytes(data: bytes | bytearray) -> LeanMinHash:
    """Rebuild a sketch serialised by :func:`to_bytes`."""
    return LeanMinHash.deserialize(bytearray(data))


def group_sketches(sketches: Mapping[str, MinHash], threshold: float = NEAR_THRESHOLD) -> list[list[str]]:
    """Group ids whose sketches have estimated Jaccard similarity >= ``threshold``.

    Candidates come from LSH (banding); each candidate pair is checked on the full sketch,
    and groups are the connected components. Empty sketches never group.

    Raises:
        DuplicateOptionsError: if ``threshold`` is not in (0, 1] or the sketches disagree
            on ``num_perm``/``seed``.
    """
    if not 0.0 < threshold <= 1.0:
        raise DuplicateOptionsError(f"threshold must be in (0, 1], got {threshold}")
    items = [(k, m) for k, m in sketches.items() if not m.is_empty()]
    if len(items) < 2:
        return []
    perms = {len(m.hashvalues) for _, m in items}
    seeds = {m.seed for _, m in items}
    if len(perms) > 1 or len(seeds) > 1:
        raise DuplicateOptionsError("sketches must share num_perm and seed to be compared")
    lsh = MinHashLSH(threshold=min(threshold, 0.99), num_perm=perms.pop())
    sets: UnionFind[str] = UnionFind(k for k, _ in items)
    for key, mh in items:
        for other in lsh.query(mh):
            if mh.jaccard(sketches[other]) >= threshold:
                sets.union(key, other)
        lsh.insert(key, mh)
    return sets.groups(min_size=2)


def near_duplicates(articles: Sequence[Article], threshold: float = NEAR_THRESHOLD, *,
                    num_perm: int = DEFAULT_PERM, seed: int = DEFAULT_SEED,
                    n: int = DEFAULT_SHINGLE) -> list[list[str]]:
    """Return groups (size >= 2, in input order) of ids of articles with the same story text.

    Args:
        articles: the articles; ids repeated in the input count once.
        threshold: estimated Jaccard similarity of word 5-gram shingles to be duplicates.
        num_perm: MinHash permutations.
        seed: MinHash seed (explicit, so sketches are comparable across runs and machines).
        n: shingle size in words.

    Raises:
        DuplicateOptionsError: on out-of-range parameters.
    """
    sketches: dict[str, MinHash] = {}
    for art in articles:
        if art.id not in sketches:
            sketches[art.id] = sketch(art.text, num_perm=num_perm, seed=seed, n=n)
    return group_sketches(sketches, threshold)


def merge_sketches(parts: Iterable[MinHash]) -> MinHash:
    """Return the sketch of the union of the sets behind ``parts`` (a reduce step).

    Raises:
        DuplicateOptionsError: if ``parts`` is empty.
    """
    it = iter(parts)
    try:
        first = next(it)
    except StopIteration as exc:
        raise DuplicateOptionsError("merge_sketches needs at least one sketch") from exc
    out = first.copy()
    for mh in it:
        out.merge(mh)
    return out
