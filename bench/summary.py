"""Benchmark: multi-document summaries on Multi-News, side by side with extractive baselines.

ROUGE-1/2/L F1 (``rouge-score``, Porter stemming on) against the human summary, every system
held to the same word budget (default 250), on ``../shared/data/multinews_val250.jsonl``:

- ours      ``newsdossier.analysis.summary.summarize``
- LEAD-3    the first three sentences of the first article
- LexRank   sumy's LexRankSummarizer over the concatenated cluster
- TextRank  sumy's TextRankSummarizer over the concatenated cluster
- oracle    greedy sentence selection maximising ROUGE-2 F1 against the reference (a ceiling)

All systems see the same cleaned articles (``newsdossier.batch.cluster_articles``) and the same
spaCy sentences. sumy's own tokenizer needs NLTK's punkt data, which cannot be downloaded here,
so the sumy baselines get the spaCy sentences and a regex word tokenizer (sumy's stemmer and
stop list are used unchanged). sumy returns the top-N sentences; to hold them to a word budget
we take sumy's sentence ratings and fill the budget in rating order (skipping a sentence that
does not fit), then restore document order — the same budget rule our selector uses.

Usage::

    python bench/summary.py [--limit N] [--offset K] [--words 250] [--cache parses.sqlite]
                            [--param cost_power=0.8 ...] [--systems ours,lead3,...]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from rouge_score import rouge_scorer
from rouge_score.rouge_scorer import _create_ngrams

from newsdossier import nlp
from newsdossier.analysis.summary import DEFAULT_PARAMS, summarize
from newsdossier.batch import cluster_articles
from newsdossier.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multinews_val250.jsonl"
SYSTEMS = ("ours", "lead3", "lexrank", "textrank", "oracle")


def reference(row: dict) -> str:
    summ = row["summaries"]
    text = summ[0] if isinstance(summ, list) else summ
    return re.sub(r"^\s*[–—-]\s*", "", text).strip()


def fill_budget(ranked: list[int], lengths: list[int], words: int) -> list[int]:
    """Take indices in rank order while they fit the budget; return them in document order."""
    out, used = [], 0
    for i in ranked:
        if used + lengths[i] <= words:
            out.append(i)
            used += lengths[i]
    return sorted(out)


class _Words:
    """A sumy-compatible tokenizer for pre-split sentences (no NLTK data needed)."""

    language = "english"

    @staticmethod
    def to_words(text: str) -> list[str]:
        return re.findall(r"\w+(?:['’]\w+)*", text)

    @staticmethod
    def to_sentences(paragraph: str) -> list[str]:
        return [paragraph]


def sumy_rank(kind: str, sentences: list[str]) -> list[int]:
    """Return sentence indices from best to worst by sumy's LexRank or TextRank rating."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    tok = _Words()
    objs = [Sentence(s, tok) for s in sentences]
    doc = ObjectDocumentModel([Paragraph(objs)])
    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    captured: dict = {}

    def grab(sents, count, rating, *args, **kwargs):  # sumy's hook for the final pick
        captured["rating"] = rating
        return ()

    summarizer._get_best_sentences = grab  # type: ignore[method-assign]
    summarizer(doc, len(objs))
    rating = captured.get("rating", {})
    scores = [rating.get(o, 0.0) if isinstance(rating, dict) else rating(o) for o in objs]
    return sorted(range(len(objs)), key=lambda i: (-scores[i], i))


def oracle(sentences: list[str], lengths: list[int], ref: str, words: int) -> list[int]:
    """Greedy ROUGE-2 F1 oracle under the word budget."""
    stem = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)._tokenizer
    ref_bi = _create_ngrams(stem.tokenize(ref), 2)
    ref_n = max(1, sum(ref_bi.values()))
    toks = [stem.tokenize(s) for s in sentences]
    chosen: list[int] = []
    cur: list[str] = []
    best_f, used = 0.0, 0
    while True:
        pick, pick_f = -1, best_f
        for i, t in enumerate(toks):
            if i in chosen or used + lengths[i] > words or not t:
                continue
            cand = _create_ngrams(cur + ["<s>"] + t, 2)
            hyp_n = sum(cand.values())
            overlap = sum((cand & ref_bi).values())
            if not overlap or not hyp_n:
                continue
            p, r = overlap / hyp_n, overlap / ref_n
            f = 2 * p * r / (p + r)
            if f > pick_f:
                pick, pick_f = i, f
        if pick < 0:
            break
        chosen.append(pick)
        cur = cur + ["<s>"] + toks[pick]
        used += lengths[pick]
        best_f = pick_f
    return sorted(chosen)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=0, help="clusters to use (0 = all)")
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--words", type=int, default=250)
    ap.add_argument("--cache", type=str, default=None, help="sqlite file caching spaCy parses")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--param", action="append", default=[], help="override a Params field: name=value")
    ap.add_argument("--json", type=Path, default=None, help="also write per-system scores here")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    params = DEFAULT_PARAMS
    for item in args.param:
        name, _, value = item.partition("=")
        ftype = type(getattr(DEFAULT_PARAMS, name))
        params = dataclasses.replace(params, **{name: ftype(value)})
    systems = [s for s in args.systems.split(",") if s]
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    rows = rows[args.offset:]
    if args.limit:
        rows = rows[: args.limit]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    store = Store(args.cache) if args.cache else None
    pipe = nlp.load()
    scores: dict[str, list[tuple[float, float, float]]] = {s: [] for s in systems}
    secs: Counter[str] = Counter()
    lens: dict[str, list[int]] = {s: [] for s in systems}
    n_art = 0
    for row in rows:
        t0 = time.perf_counter()
        arts = cluster_articles(row, f"multinews#{row['id']}").articles
        docs = nlp.parse(arts, cache=store, nlp=pipe)
        secs["parse"] += time.perf_counter() - t0
        n_art += len(arts)
        ref = reference(row)
        spans = [sp for a in arts for sp in nlp.sentences(a, docs[a.id])]
        sents = [sp.text for sp in spans]
        lengths = [len(s.split()) for s in sents]
        for system in systems:
            t0 = time.perf_counter()
            if system == "ours":
                text = " ".join(s.text for s in summarize(arts, docs, words=args.words, params=params))
            elif system == "lead3":
                first = nlp.sentences(arts[0], docs[arts[0].id])[:3] if arts else []
                pick = fill_budget(list(range(len(first))), [len(s.text.split()) for s in first], args.words)
                text = " ".join(first[i].text for i in pick)
            elif system in ("lexrank", "textrank"):
                ranked = sumy_rank(system, sents) if sents else []
                text = " ".join(sents[i] for i in fill_budget(ranked, lengths, args.words))
            elif system == "oracle":
                text = " ".join(sents[i] for i in oracle(sents, lengths, ref, args.words))
            else:
                raise SystemExit(f"unknown system {system}")
            secs[system] += time.perf_counter() - t0
            s = scorer.score(ref, text)
            scores[system].append((s["rouge1"].fmeasure, s["rouge2"].fmeasure, s["rougeL"].fmeasure))
            lens[system].append(len(text.split()))
    n = len(rows)
    print(f"Multi-News validation sample: {n} clusters ({n_art} articles) from {args.data.name}"
          f" offset {args.offset}; budget {args.words} words; rouge-score F1, stemming on;"
          f" spaCy parse {secs['parse']:.1f}s")
    print(f"{'system':<10} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8} {'words':>6} {'clusters/s':>11}")
    summary = {}
    for system in systems:
        r1, r2, rl = (100 * statistics.mean(x[k] for x in scores[system]) for k in range(3))
        rate = n / secs[system] if secs[system] else float("inf")
        summary[system] = {"rouge1": r1, "rouge2": r2, "rougeL": rl, "clusters_per_s": rate}
        print(f"{system:<10} {r1:8.2f} {r2:8.2f} {rl:8.2f} {statistics.mean(lens[system]):6.0f} {rate:11.1f}")
    if args.json:
        args.json.write_text(json.dumps({"params": dataclasses.asdict(params), "n": n, **summary}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
