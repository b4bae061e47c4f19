"""Passage reuse on real Multi-News text with planted copies; near-linear scaling vs all pairs.

Usage: .venv/bin/python bench/reuse.py [--plants N] [--sizes 1000,10000,50000]
                                        [--baseline-max 1000] [--seed S] [--data PATH]

There is no public labelled reuse set here, so one is built from real text
(../shared/data/multinews_val250.jsonl, 690 articles in 250 story clusters):

* Quality. ``--plants`` passages are cut from donor articles — one sentence, 2-3 sentences,
  one paragraph or 2-4 paragraphs (each unit of at least 15 words) — and pasted at a
  paragraph break of a host article from another cluster, with realistic edits, each drawn
  at random: quote style swapped (straight <-> curly), dash style swapped (" -- " <-> " — "),
  one word changed, one sentence dropped (passages of 3+ sentences), whitespace changed. Then
  reuse is searched over all 690 articles (hosts replaced by their planted versions).
  - passage recall: planted passages with >= 50% of their characters covered by reuse
    detected between donor and host (char recall: covered share of all planted characters);
  - passage precision: among reuse detected between articles of *different* clusters, the
    share whose copy span lies >= 50% inside a planted passage of that pair (reuse within a
    cluster is real, unlabelled, and only counted);
  - unrelated FP: reuse items between different clusters that match no planted passage, and
    how many of them are text that 3+ articles share (crawl notices, newsletter boxes: real
    shared text, but boilerplate); P-rep is the precision with those set aside;
  - boundary error: over found passages, |start - planted start| and |end - planted end| (chars)
    of the detected copy extent (all items of the pair overlapping the plant), median / p90,
    and the share with both ends within 10 characters;
  - directions stated: the data has no dates, so any "known" direction is from credit text.
  Rows: the default options, a few threshold variants, and the naive all-pairs baseline
  (same aligner on every pair).
* Scaling. Corpora of N articles are built by sampling the real articles with replacement and
  re-enciphering every word of each copy (a per-copy random substitution within frequency
  bands: the 300 most frequent words among themselves, the rest among the rest), so lengths,
  paragraphs, punctuation and the word-frequency profile are real (digits redrawn) while the ~N/690
  copies of one base article do not share its phrases (with replacement sampling they would
  otherwise be near-duplicates of each other); 10% of the articles then receive a planted
  passage from another article. We time
  ``find_reuse`` (index) and the naive all-pairs baseline: in full up to ``--baseline-max``
  articles, above that estimated from a random sample of 20,000 pairs (marked ``~``).

One table is printed; runs are sequential (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdossier.analysis.reuse import ReuseOptions, find_reuse  # noqa: E402
from newsdossier.analysis.reuse.align import align  # noqa: E402
from newsdossier.analysis.reuse.text import TokenHasher, tokenize  # noqa: E402
from newsdossier.ingest import furniture  # noqa: E402
from newsdossier.model import Article, Reuse  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "multinews_val250.jsonl"
SENT_RE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])")
WORD_RE = re.compile(r"[A-Za-z]+")
CIPHER_RE = re.compile(r"[A-Za-z]+|[0-9]+")


def load(path: Path, clean: bool = True) -> list[tuple[str, str]]:
    """Return ``(cluster, text)`` for every Multi-News document, paragraphs on their own lines.

    With ``clean``, page furniture is removed with the project's own cleaner, as the
    pipeline does before any analysis runs.
    """
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for doc in row["documents"]:
                paras = [re.sub(r"[ \t]+", " ", p).strip() for p in doc.split("\n")]
                text = "\n".join(p for p in paras if p)
                if len(text.split()) >= 60:
                    out.append((row["id"], text))
    if clean:
        texts = [furniture.normalise_whitespace(t) for _, t in out]
        counts = furniture.line_counts(texts)
        out = [(c, furniture.clean(t, counts)[0]) for (c, _), t in zip(out, texts)]
        out = [(c, t) for c, t in out if len(t.split()) >= 60]
    seen: set[str] = set()
    unique = []
    for c, t in out:  # identical texts are one article (ingest rejects the duplicates too)
        if t not in seen:
            seen.add(t)
            unique.append((c, t))
    return unique


# ----------------------------------------------------------------------------- planting


@dataclass
class Plant:
    donor: int
    host: int
    src: tuple[int, int]
    copy: tuple[int, int]
    size: str
    edits: tuple[str, ...]


def _units(text: str) -> list[tuple[int, int, int]]:
    """Sentences of ``text`` as ``(paragraph, start, end)``."""
    out = []
    pos = 0
    for k, para in enumerate(text.split("\n")):
        last = 0
        for m in list(SENT_RE.finditer(para)) + [None]:
            # a sentence ends after its stop and any closing quote right after it
            end = m.start() + len(m.group()) - len(m.group().lstrip("\"”’'")) if m else len(para)
            seg = para[last:end]
            if seg.strip():
                lead = len(seg) - len(seg.lstrip())
                out.append((k, pos + last + lead, pos + end))
            if m:
                last = m.end()
        pos += len(para) + 1
    return out


def choose_passage(text: str, rng: random.Random) -> tuple[int, int, str] | None:
    """Pick a passage (start, end, size label) of one of four sizes, units >= 15 words."""
    sents = _units(text)
    paras = [(k, min(s for p, s, _ in sents if p == k), max(e for p, _, e in sents if p == k))
             for k in sorted({p for p, _, _ in sents})]
    size = rng.choice(["sentence", "2-3 sentences", "paragraph", "2-4 paragraphs"])
    words = lambda s, e: len(text[s:e].split())  # noqa: E731
    for _ in range(30):
        if size in ("sentence", "2-3 sentences"):
            n = 1 if size == "sentence" else rng.randint(2, 3)
            if len(sents) < n:
                return None
            i = rng.randrange(len(sents) - n + 1)
            group = sents[i : i + n]
            if len({p for p, _, _ in group}) != 1 or any(words(s, e) < 15 for _, s, e in group):
                continue
            return group[0][1], group[-1][2], size
        n = 1 if size == "paragraph" else rng.randint(2, 4)
        if len(paras) < n:
            return None
        i = rng.randrange(len(paras) - n + 1)
        group = paras[i : i + n]
        if any(words(s, e) < 15 for _, s, e in group) or words(group[0][1], group[-1][2]) > 400:
            continue
        return group[0][1], group[-1][2], size
    return None


CURLY = str.maketrans({'"': "“", "'": "’"})
STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def edit(passage: str, vocab: list[str], rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """Apply realistic edits at random; return the edited text and the edit names."""
    done = []
    if rng.random() < 0.5:
        if any(c in passage for c in "“”’"):
            passage = passage.translate(STRAIGHT)
        else:
            out, open_ = [], True
            for ch in passage:
                if ch == '"':
                    out.append("“" if open_ else "”")
                    open_ = not open_
                else:
                    out.append(ch.translate(CURLY))
            passage = "".join(out)
        done.append("quotes")
    if rng.random() < 0.5 and (" -- " in passage or " — " in passage or " - " in passage):
        passage = passage.replace(" -- ", " — ") if " -- " in passage else re.sub(" [—-] ", " -- ", passage)
        done.append("dashes")
    if rng.random() < 0.5:
        words = list(WORD_RE.finditer(passage))
        if len(words) > 4:
            m = rng.choice(words[1:-1])
            passage = passage[: m.start()] + rng.choice(vocab) + passage[m.end():]
            done.append("word")
    sents = SENT_RE.split(passage)
    if rng.random() < 0.3 and len(sents) >= 3:
        k = rng.randrange(1, len(sents) - 1)
        m = list(SENT_RE.finditer(passage))
        start = m[k - 1].end()
        end = m[k].end()
        passage = passage[:start] + passage[end:]
        done.append("drop")
    if rng.random() < 0.5:
        passage = passage.replace("\n", "\n\n").replace(". ", ".  ", 1)
        done.append("space")
    return passage, tuple(done)


def plant(texts: list[str], clusters: list[str], count: int, rng: random.Random,
          vocab: list[str]) -> tuple[list[str], list[Plant]]:
    """Plant ``count`` passages donor -> host (different clusters, each article used once)."""
    order = list(range(len(texts)))
    rng.shuffle(order)
    used: set[int] = set()
    out = list(texts)
    plants: list[Plant] = []
    hosts = order[::-1]
    for donor in order:
        if len(plants) >= count:
            break
        if donor in used:
            continue
        picked = choose_passage(texts[donor], rng)
        if picked is None:
            continue
        while hosts and (hosts[-1] in used or hosts[-1] == donor
                         or clusters[hosts[-1]] == clusters[donor]):
            if hosts[-1] in used:
                hosts.pop()
            else:  # same cluster or the donor itself: try it later
                hosts.insert(0, hosts.pop())
                if all(h in used or clusters[h] == clusters[donor] for h in hosts[-20:]):
                    break
        if not hosts or hosts[-1] in used or clusters[hosts[-1]] == clusters[donor]:
            continue
        host = hosts.pop()
        s, e, size = picked
        passage, edits = edit(texts[donor][s:e], vocab, rng)
        breaks = [0] + [m.end() for m in re.finditer("\n", texts[host])] + [len(texts[host])]
        at = rng.choice(breaks)
        before, after = texts[host][:at], texts[host][at:]
        lead = "" if not before or before.endswith("\n") else "\n"
        tail = "" if not after or after.startswith("\n") else "\n"
        out[host] = before + lead + passage + tail + after
        start = len(before) + len(lead)
        plants.append(Plant(donor, host, (s, e), (start, start + len(passage)), size, edits))
        used.update((donor, host))
    return out, plants


# ----------------------------------------------------------------------------- scoring


def score(arts: list[Article], clusters: list[str], plants: list[Plant],
          found: list[Reuse]) -> dict[str, float]:
    """Passage precision/recall, boundary error and unrelated false positives."""
    index = {a.id: k for k, a in enumerate(arts)}
    by_pair: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    cross = []
    same_cluster = 0
    for r in found:
        a, b = index[r.source.article], index[r.copy.article]
        by_pair[(a, b)].append((r.copy.start, r.copy.end))
        by_pair[(b, a)].append((r.source.start, r.source.end))
        if clusters[a] != clusters[b]:
            cross.append((a, b, r))
        else:
            same_cluster += 1
    found_n, char_cov, char_tot, errs, within = 0, 0, 0, [], 0
    per_size: Counter[str] = Counter()
    per_size_found: Counter[str] = Counter()
    for p in plants:
        spans = by_pair.get((p.donor, p.host), [])
        ps, pe = p.copy
        covered = set()
        hits = [(s, e) for s, e in spans if min(e, pe) > max(s, ps)]
        for s, e in hits:
            covered.update(range(max(s, ps), min(e, pe)))
        char_cov += len(covered)
        char_tot += pe - ps
        per_size[p.size] += 1
        if len(covered) >= 0.5 * (pe - ps):
            found_n += 1
            per_size_found[p.size] += 1
            s0, e0 = min(s for s, _ in hits), max(e for _, e in hits)
            errs.extend([abs(s0 - ps), abs(e0 - pe)])
            within += abs(s0 - ps) <= 10 and abs(e0 - pe) <= 10
    plant_at = defaultdict(list)
    for p in plants:
        plant_at[(p.donor, p.host)].append(p.copy)
    # text shared by 3+ articles (crawl notices, newsletter boxes) is boilerplate-like
    holders: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for r in found:
        key = tuple(w.lower() for w in WORD_RE.findall(r.source.text)[:8])
        holders[key].update((index[r.source.article], index[r.copy.article]))
    good = 0
    repeated = 0
    for a, b, r in cross:
        key = tuple(w.lower() for w in WORD_RE.findall(r.source.text)[:8])
        is_rep = len(holders[key]) >= 3
        if (a, b) in plant_at or (b, a) in plant_at:
            host_span = (r.copy.start, r.copy.end) if (a, b) in plant_at else (r.source.start, r.source.end)
            for ps, pe in plant_at.get((a, b), []) + plant_at.get((b, a), []):
                if min(host_span[1], pe) - max(host_span[0], ps) >= 0.5 * (host_span[1] - host_span[0]):
                    good += 1
                    is_rep = False
                    break
        repeated += is_rep
    n = max(1, len(plants))
    errs.sort()
    return {
        "precision": good / len(cross) if cross else 1.0,
        "recall": found_n / n,
        "char_recall": char_cov / max(1, char_tot),
        "fp": len(cross) - good,
        "fp_repeated": repeated,
        "precision_unique": good / max(1, len(cross) - repeated),
        "fp_pairs": len({(a, b) for a, b, r in cross if (a, b) not in plant_at and (b, a) not in plant_at}),
        "bnd_med": statistics.median(errs) if errs else float("nan"),
        "bnd_p90": errs[int(0.9 * (len(errs) - 1))] if errs else float("nan"),
        "within10": within / max(1, found_n),
        "same_cluster": same_cluster,
        "known": sum(r.direction == "known" for r in found),
        "per_size": {k: per_size_found[k] / per_size[k] for k in per_size},
    }


# ----------------------------------------------------------------------------- scaling corpora


def synthetic(texts: list[str], size: int, rng: random.Random, band: int = 300) -> list[str]:
    """``size`` articles sampled from ``texts``, every word re-enciphered per copy.

    Each copy maps each distinct word to a random word of the same frequency band (the
    ``band`` most frequent words among themselves, the rest among the rest), so lengths,
    paragraphs, punctuation and the word-frequency profile stay real (digits are redrawn) while copies
    of one base article do not share its phrases.
    """
    counts = Counter(w.lower() for t in texts for w in WORD_RE.findall(t))
    ranked = [w for w, _ in counts.most_common()]
    common, rare = ranked[:band], ranked[band:]
    common_set = set(common)
    out = []
    for _ in range(size):
        text = rng.choice(texts)
        mapping: dict[str, str] = {}

        def sub(m: re.Match[str], mapping: dict[str, str] = mapping) -> str:
            w = m.group()
            if w.isdigit():
                return "".join(rng.choice("0123456789") for _ in w)
            low = w.lower()
            rep = mapping.get(low)
            if rep is None:
                pool = common if low in common_set else rare
                rep = mapping[low] = pool[rng.randrange(len(pool))]
            return rep.capitalize() if w[0].isupper() else rep

        out.append(CIPHER_RE.sub(sub, text))
    return out


def all_pairs_time(arts: list[Article], opts: ReuseOptions, sample: int | None,
                   rng: random.Random) -> tuple[float, bool]:
    """Seconds for the naive baseline (all pairs aligned); estimated from a sample if given."""
    n = len(arts)
    total = n * (n - 1) // 2
    if sample is None or sample >= total:
        t0 = time.perf_counter()
        find_reuse(arts, ReuseOptions(**{**opts.__dict__, "all_pairs": True}))
        return time.perf_counter() - t0, False
    hasher = TokenHasher()
    params = opts.align_params()
    pairs = [tuple(rng.sample(range(n), 2)) for _ in range(sample)]
    needed = sorted({k for pair in pairs for k in pair})
    t0 = time.perf_counter()
    toks = {k: tokenize(arts[k].text, hasher) for k in needed}
    per_article = (time.perf_counter() - t0) / len(needed)
    t0 = time.perf_counter()
    for a, b in pairs:
        align(toks[a], toks[b], params)
    per_pair = (time.perf_counter() - t0) / sample
    return per_pair * total + per_article * n, True


# ----------------------------------------------------------------------------- main


def quality(rows: list[tuple[str, str]], plants_n: int, seed: int,
            variants: list[tuple[str, ReuseOptions]]) -> list[tuple[str, int, float, dict]]:
    """Plant passages into the real corpus and score every variant."""
    rng = random.Random(seed)
    clusters = [c for c, _ in rows]
    texts = [t for _, t in rows]
    vocab = sorted({w for t in texts for w in WORD_RE.findall(t) if len(w) > 3})
    planted, plants = plant(texts, clusters, plants_n, rng, vocab)
    arts = [Article.create(t, f"multinews#{k}") for k, t in enumerate(planted)]
    out = []
    for name, opts in variants:
        t0 = time.perf_counter()
        found = find_reuse(arts, opts)
        out.append((name, len(arts), time.perf_counter() - t0, score(arts, clusters, plants, found)))
    return out


def scaling(rows: list[tuple[str, str]], size: int, seed: int, baseline_max: int,
            opts: ReuseOptions) -> tuple[float, float, bool, dict]:
    """Time the index and the all-pairs baseline on a synthetic corpus of ``size`` articles."""
    rng = random.Random(seed + size)
    texts = synthetic([t for _, t in rows], size, rng)
    clusters = [str(k) for k in range(size)]
    vocab = sorted({w for t in texts[:200] for w in WORD_RE.findall(t) if len(w) > 3})
    planted, plants = plant(texts, clusters, size // 10, rng, vocab)
    arts = [Article.create(t, f"synthetic#{k}") for k, t in enumerate(planted)]
    t0 = time.perf_counter()
    found = find_reuse(arts, opts)
    took = time.perf_counter() - t0
    sc = score(arts, clusters, plants, found)
    base, est = all_pairs_time(arts, opts, None if size <= baseline_max else 20000, rng)
    return took, base, est, sc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plants", type=int, default=200)
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--baseline-max", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    rows = load(args.data)
    raw_rows = load(args.data, clean=False)
    default = ReuseOptions()
    variants = [
        ("default", default),
        ("min_tokens=8", ReuseOptions(min_tokens=8)),
        ("min_tokens=20", ReuseOptions(min_tokens=20)),
        ("min_seeds=1", ReuseOptions(min_seeds=1)),
        ("window=6 (sparser prints)", ReuseOptions(window=6)),
        ("max_gap=40,max_skew=30", ReuseOptions(max_gap=40, max_skew=30)),
        ("no quote split", ReuseOptions(split_quotes=False)),
        ("baseline: all pairs", ReuseOptions(all_pairs=True)),
    ]
    raw = quality(raw_rows, args.plants, args.seed, [("default, raw crawl", default)])
    head = (f"{'run':<30} {'articles':>8} {'time s':>8} {'all-pairs s':>11} {'P':>5} {'R':>5} "
            f"{'charR':>5} {'bnd med/p90':>11} {'<=10ch':>6} {'FP unrel/rep':>12} {'P-rep':>5} {'same-cl':>7} {'known':>5}")
    lines = [head, "-" * len(head)]
    for name, n, took, sc in quality(rows, args.plants, args.seed, variants) + raw:
        lines.append(
            f"{'quality: ' + name:<30} {n:>8} {took:>8.1f} {'':>11} {sc['precision']:>5.3f} "
            f"{sc['recall']:>5.3f} {sc['char_recall']:>5.3f} {sc['bnd_med']:>5.0f}/{sc['bnd_p90']:<5.0f} "
            f"{sc['within10']:>6.2f} {str(sc['fp']) + '/' + str(sc['fp_repeated']):>12} "
            f"{sc['precision_unique']:>5.3f} {sc['same_cluster']:>7} {sc['known']:>5}")
        if name == "default":
            sizes = " ".join(f"{k}={v:.2f}" for k, v in sorted(sc["per_size"].items()))
            size_line = f"  recall by planted size (default): {sizes}"
        print(lines[-1], file=sys.stderr, flush=True)
    for size in [int(s) for s in args.sizes.split(",") if s]:
        took, base, est, sc = scaling(rows, size, args.seed, args.baseline_max, default)
        base_s = ("~" if est else "") + f"{base:.0f}"
        lines.append(
            f"{'scale: synthetic':<30} {size:>8} {took:>8.1f} {base_s:>11} {sc['precision']:>5.3f} "
            f"{sc['recall']:>5.3f} {sc['char_recall']:>5.3f} {sc['bnd_med']:>5.0f}/{sc['bnd_p90']:<5.0f} "
            f"{sc['within10']:>6.2f} {str(sc['fp']) + '/' + str(sc['fp_repeated']):>12} "
            f"{sc['precision_unique']:>5.3f} {'':>7} {sc['known']:>5}")
        print(lines[-1], file=sys.stderr, flush=True)
    print("\n".join(lines))
    print(size_line)


if __name__ == "__main__":
    main()
