"""Benchmark: multi-document summaries, generic, query-focused and update, against baselines.

Three tasks, every system held to the same word budget, all in one run:

- ``multinews`` — ``../shared/data/multinews_val250.jsonl``, generic, 250 words, ROUGE-1/2/L F1
  against the one human summary (``rouge-score``, Porter stemming on).
- ``duc`` — ``duc2007_main.jsonl``, query-focused (the topic's title and narrative are the
  query), 250 words, ROUGE-1/2/L *recall* averaged over the 4 human summaries (the DUC measure).
- ``update`` — ``duc2007_update_dev.jsonl``, sets A/B/C; each line's ``prior_documents`` are the
  earlier sets; 100 words; ROUGE recall as for ``duc``.

Systems:

- ``ours``      ``newsdossier.analysis.summary.summarize`` (query and prior documents given
  where the task has them)
- ``ours-noq``  the same without the query (duc) / ``ours-noprior`` without prior documents (update)
- ``ours-trim`` ours with sentence compression on (``trim_connectives`` and
  ``trim_attributions``: a leading connective and a trailing attribution of a claim another
  article reports are cut; ``compress.py``); both are off by default
- ``ours-nostory`` ours without the build's main story (``stories.main_story``: a stray
  article of another story is then summarised like the others)
- ``ours-learned`` ours with the learned sentence scorer on (``SummaryConfig.learned=1``,
  ``bench/train_summary_scorer.py``; trained on Multi-News clusters 100-249)
- ``v0``        the summarizer as it was at commit ``V0_COMMIT`` (read with ``git show``; the
  baseline of issue 17), given the query as its ``focus`` string
- ``lead``      the newest article's (Multi-News: the first article's) sentences in order
- ``lexrank``   LexRank as sumy implements it (TF-IDF cosine, threshold 0.1, power method)
- ``textrank``  TextRank as sumy implements it (shared stemmed words / (log|a| + log|b|),
  damping 0.85)
- ``sumy-lexrank`` / ``sumy-textrank``  the real sumy 0.13 summarizers (``sumy_rank``) over the
  same sentences, with sumy's stemmer and bundled stop list
- ``oracle``    greedy selection maximising ROUGE-2 against the (first) reference: a ceiling

LexRank and TextRank are also re-implemented here after
sumy 0.11's code (Snowball stemmer from NLTK, spaCy's English stop list instead of sumy's);
ranked sentences fill the budget in rating order (a sentence that does not fit is skipped) and
are laid out in document order — the same budget rule as ours.

Per system: ROUGE, mean words, ``fill`` (share of summaries using >= 90% of the budget),
``redund`` (mean over summaries of the highest cosine between two of its sentences, stemmed
content words) and ``fill/src`` (share using >= 90% of what the cluster can give: the budget,
or all the words of its articles when they hold fewer: a 130-word cluster cannot fill 250).

Usage::

    python bench/summary.py [--tasks multinews,duc,update] [--limit N] [--offset K]
                            [--cache /tmp/summ_parses.sqlite] [--systems ours,lexrank,...]
                            [--param name=value ...] [--json out.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import math
import re
import statistics
import subprocess
import sys
import time
import types
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nltk.stem.snowball import SnowballStemmer  # noqa: E402
from rouge_score import rouge_scorer  # noqa: E402
from rouge_score.rouge_scorer import _create_ngrams  # noqa: E402
from spacy.lang.en.stop_words import STOP_WORDS  # noqa: E402
from summary_data import BUDGET, Case, config_with, load  # noqa: E402

from newsdossier import nlp  # noqa: E402
from newsdossier.analysis import summary as summ  # noqa: E402
from newsdossier.analysis.stories import build_stories, main_story  # noqa: E402
from newsdossier.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
V0_COMMIT = "1418718"
SYSTEMS = ("ours", "ours-noq", "ours-noprior", "ours-nostory", "ours-trim", "ours-learned", "v0", "lead", "lexrank", "textrank",
           "sumy-lexrank", "sumy-textrank", "oracle")
_STEM = SnowballStemmer("english")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


# --------------------------------------------------------------------------- baselines


def fill_budget(ranked: list[int], lengths: list[int], words: int) -> list[int]:
    """Take indices in rank order while they fit the budget; return them in document order."""
    out, used = [], 0
    for i in ranked:
        if used + lengths[i] <= words:
            out.append(i)
            used += lengths[i]
    return sorted(out)


def _stems(text: str) -> list[str]:
    return [_STEM.stem(w) for w in (x.lower() for x in _WORD.findall(text)) if w not in STOP_WORDS]


def lexrank(sentences: list[str], threshold: float = 0.1, epsilon: float = 0.1) -> list[int]:
    """sumy's LexRankSummarizer rating: thresholded idf-modified cosine, power method."""
    words = [_stems(s) for s in sentences]
    n = len(words)
    tfs = []
    for ws in words:
        c = Counter(ws)
        top = max(c.values()) if c else 1
        tfs.append({w: k / top for w, k in c.items()})
    df: Counter[str] = Counter(w for ws in words for w in set(ws))
    idf = {w: math.log(n / (1 + d)) for w, d in df.items()}   # sumy: log(N / (1 + n_j))
    m = np.zeros((n, n))
    norms = [math.sqrt(sum((tf[w] * idf[w]) ** 2 for w in tf)) for tf in tfs]
    for i in range(n):
        for j in range(i, n):
            if not norms[i] or not norms[j]:
                v = 0.0
            else:
                common = tfs[i].keys() & tfs[j].keys()
                v = sum(tfs[i][w] * tfs[j][w] * idf[w] ** 2 for w in common) / (norms[i] * norms[j])
            m[i, j] = m[j, i] = 1.0 if v > threshold else 0.0
    deg = m.sum(axis=1)
    deg[deg == 0] = 1
    m = m / deg[:, None]
    p = np.ones(n) / n
    for _ in range(1000):
        nxt = m.T @ p
        done = np.linalg.norm(nxt - p) <= epsilon
        p = nxt
        if done:
            break
    return sorted(range(n), key=lambda i: (-p[i], i))


def textrank(sentences: list[str], damping: float = 0.85, epsilon: float = 1e-4) -> list[int]:
    """sumy's TextRankSummarizer rating: shared words / (log|a| + log|b|), PageRank."""
    words = [_stems(s) for s in sentences]
    n = len(words)
    w = np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):          # sumy includes each sentence's edge to itself
            if not words[i] or not words[j]:
                continue
            rank = sum(words[j].count(x) for x in words[i])
            if rank:
                norm = math.log(len(words[i])) + math.log(len(words[j]))
                w[i, j] = w[j, i] = float(rank) if np.isclose(norm, 0.0) else rank / norm
    w = w / (w.sum(axis=1)[:, None] + 1e-7)
    m = (1 - damping) / max(1, n) + damping * w
    p = np.ones(n) / max(1, n)
    for _ in range(1000):
        nxt = m.T @ p
        done = np.linalg.norm(nxt - p) <= epsilon
        p = nxt
        if done:
            break
    return sorted(range(n), key=lambda i: (-p[i], i))


class _SumyWords:
    """sumy's ``Tokenizer.to_words`` without NLTK's punkt data (not downloadable here).

    sumy's English tokenizer is ``nltk.word_tokenize``: punkt splits the text into sentences,
    then NLTK's Treebank-style word tokenizer runs on each. The bench hands sumy our spaCy
    sentences already, so the Treebank tokenizer alone is what ``word_tokenize`` would run;
    tokens are then filtered with sumy's own word pattern.
    """

    def __init__(self) -> None:
        from nltk.tokenize import NLTKWordTokenizer
        from sumy.nlp.tokenizers import Tokenizer

        self._tok = NLTKWordTokenizer()
        self._is_word = Tokenizer._is_word

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._tok.tokenize(sentence) if self._is_word(w))


def sumy_rank(system: str, sentences: list[str]) -> list[int]:
    """Rank ``sentences`` with the real sumy 0.13 summarizer (its stemmer and stop list).

    sumy returns its top-N sentences in document order; a callable ``sentences_count`` sees
    the sentences sorted by rating (stable: ties in document order) and keeps them all, which
    gives the full ranking to fill the word budget with. Identical sentence texts share one
    rating in sumy (its ratings are keyed by sentence); each copy keeps its own position.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    words = _SumyWords()
    sents = [Sentence(s, words) for s in sentences]
    doc = ObjectDocumentModel([Paragraph(sents)])
    summarizer = (LexRankSummarizer if system == "sumy-lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    order: list[int] = []

    def keep_all(infos: list[Any]) -> list[Any]:
        order.extend(i.order for i in infos)
        return infos

    summarizer(doc, keep_all)
    return order


def oracle(sentences: list[str], lengths: list[int], ref: str, words: int) -> list[int]:
    """Greedy ROUGE-2 F1 oracle under the word budget."""
    tok = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)._tokenizer
    ref_bi = _create_ngrams(tok.tokenize(ref), 2)
    ref_n = max(1, sum(ref_bi.values()))
    toks = [tok.tokenize(s) for s in sentences]
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


def load_v0() -> types.ModuleType | None:
    """Import the summarizer as it was at ``V0_COMMIT`` (None when git cannot show it)."""
    try:
        src = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{V0_COMMIT}:newsdossier/analysis/summary.py"],
            check=True, capture_output=True, text=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    name = "newsdossier.analysis._summary_v0"
    spec = importlib.util.spec_from_loader(name, loader=None)
    assert spec is not None
    mod = importlib.util.module_from_spec(spec)
    mod.__package__ = "newsdossier.analysis"
    sys.modules[name] = mod
    exec(compile(src, f"<v0 {V0_COMMIT}>", "exec"), mod.__dict__)  # noqa: S102
    return mod


def query_text(query: dict[str, str] | str | None) -> str | None:
    if query is None:
        return None
    if isinstance(query, str):
        return query
    return ". ".join(x for x in (query.get("title"), query.get("narr")) if x)


# --------------------------------------------------------------------------- measures


def redundancy(sents: list[str]) -> float:
    """Highest cosine between two sentences of a summary (stemmed content-word counts)."""
    vecs = [Counter(_stems(s)) for s in sents]
    best = 0.0
    for i in range(len(vecs)):
        for j in range(i + 1, len(vecs)):
            a, b = vecs[i], vecs[j]
            num = sum(a[w] * b[w] for w in a.keys() & b.keys())
            den = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
            if den:
                best = max(best, num / den)
    return best


def rouge(scorer: rouge_scorer.RougeScorer, refs: list[str], text: str, recall: bool
          ) -> tuple[float, float, float]:
    vals = []
    for ref in refs:
        s = scorer.score(ref, text)
        vals.append(tuple((s[k].recall if recall else s[k].fmeasure) for k in ("rouge1", "rouge2", "rougeL")))
    return tuple(100 * statistics.mean(v[k] for v in vals) for k in range(3))  # type: ignore[return-value]


# --------------------------------------------------------------------------- run


def newest_article(case: Case) -> int:
    dated = [(a.published or "", -i) for i, a in enumerate(case.articles)]
    if not any(d for d, _ in dated):
        return 0
    return -max(dated)[1]


def run_task(task: str, cases: list[Case], systems: list[str], words: int, store: Store | None,
             params: Any, v0: types.ModuleType | None) -> dict[str, dict[str, float]]:
    pipe = nlp.load()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    recall = task != "multinews"
    res: dict[str, list[tuple[float, ...]]] = {s: [] for s in systems}
    picked: dict[str, list[set[str]]] = {s: [] for s in systems}
    secs: Counter[str] = Counter()
    t_parse = 0.0
    n_art = 0
    for case in cases:
        t0 = time.perf_counter()
        docs = nlp.parse(case.articles + case.prior, cache=store, nlp=pipe)
        t_parse += time.perf_counter() - t0
        n_art += len(case.articles)
        source_words = sum(len(a.text.split()) for a in case.articles)   # all the cluster has to say
        spans = [sp for a in case.articles for sp in nlp.sentences(a, docs[a.id])]
        sents = [sp.text for sp in spans]
        lengths = [len(s.split()) for s in sents]
        # the main story as a build finds it (the summary leaves out a stray article of another)
        _, mentions = nlp.parse_all(case.articles, docs)
        story = main_story(build_stories(case.articles, mentions, set(docs)))
        for system in systems:
            t0 = time.perf_counter()
            out: list[str]
            if system in ("ours", "ours-noq", "ours-noprior", "ours-trim", "ours-learned", "ours-nostory"):
                cfg = dataclasses.replace(params, learned=1.0) if system == "ours-learned" else params
                if system == "ours-trim":
                    cfg = dataclasses.replace(params, trim_connectives=True, trim_attributions=True)
                kw: dict[str, Any] = {"words": words, "config": cfg}
                if case.query is not None and system != "ours-noq":
                    kw["query"] = case.query
                if case.prior and system != "ours-noprior":
                    kw["prior_articles"] = case.prior
                    kw["prior_docs"] = docs
                if system != "ours-nostory":
                    kw["story"] = story
                out = [s.text for s in summ.summarize(case.articles, docs, **kw)]
            elif system == "v0":
                if v0 is None:
                    continue
                out = [s.text for s in v0.summarize(case.articles, docs, words=words,
                                                    focus=query_text(case.query))]
            elif system == "lead":
                a = case.articles[newest_article(case)]
                first = [sp.text for sp in nlp.sentences(a, docs[a.id])]
                n_fit, used = 0, 0
                for s in first:
                    if used + len(s.split()) > words:
                        break
                    used += len(s.split())
                    n_fit += 1
                out = first[:n_fit]
            elif system in ("lexrank", "textrank"):
                ranked = (lexrank if system == "lexrank" else textrank)(sents) if sents else []
                out = [sents[i] for i in fill_budget(ranked, lengths, words)]
            elif system in ("sumy-lexrank", "sumy-textrank"):
                ranked = sumy_rank(system, sents) if sents else []
                out = [sents[i] for i in fill_budget(ranked, lengths, words)]
            elif system == "oracle":
                out = [sents[i] for i in oracle(sents, lengths, case.refs[0], words)]
            else:
                raise SystemExit(f"unknown system {system}")
            secs[system] += time.perf_counter() - t0
            picked[system].append(set(out))
            text = " ".join(out)
            n_words = len(text.split())
            res[system].append((*rouge(scorer, case.refs, text, recall), n_words,
                                float(n_words >= 0.9 * words), redundancy(out),
                                float(n_words >= 0.9 * min(words, source_words))))
    print(f"\n{task}: {len(cases)} cases ({n_art} articles); budget {words} words; ROUGE "
          f"{'recall, mean over the references' if recall else 'F1'}, stemmed; parse {t_parse:.0f}s")
    print(f"{'system':<13} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'words':>6} {'fill':>5} {'redund':>6} {'s/case':>7}"
          f" {'fill/src':>8}")
    table: dict[str, dict[str, float]] = {}
    for system in systems:
        rows = res[system]
        if not rows:
            continue
        m = [statistics.mean(r[k] for r in rows) for k in range(7)]
        table[system] = dict(zip(("rouge1", "rouge2", "rougeL", "words", "fill", "redundancy", "fill_source"), m))
        table[system]["s_per_case"] = secs[system] / len(rows)
        print(f"{system:<13} {m[0]:6.2f} {m[1]:6.2f} {m[2]:6.2f} {m[3]:6.0f} {m[4]:5.2f} {m[5]:6.2f}"
              f" {secs[system] / len(rows):7.2f} {m[6]:8.2f}")
    for a, b in (("lexrank", "sumy-lexrank"), ("textrank", "sumy-textrank")):
        if picked.get(a) and picked.get(b):
            jac = statistics.mean(len(x & y) / (len(x | y) or 1) for x, y in zip(picked[a], picked[b]))
            table[f"{a}~{b}"] = {"jaccard": jac}
            print(f"  {a} vs {b}: mean Jaccard of the picked sentences {jac:.2f}")
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--tasks", default="multinews,duc,update")
    ap.add_argument("--limit", type=int, default=0, help="cases per task (0 = all)")
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--words", type=int, default=0, help="budget (0 = the task's: 250/250/100)")
    ap.add_argument("--cache", type=str, default=None, help="sqlite file caching spaCy parses")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--param", action="append", default=[], help="override a SummaryConfig field")
    ap.add_argument("--json", type=Path, default=None, help="also write the tables here")
    args = ap.parse_args(argv)
    params = config_with(args.param)
    systems = [s for s in args.systems.split(",") if s]
    v0 = load_v0() if "v0" in systems else None
    store = Store(args.cache) if args.cache else None
    out: dict[str, Any] = {"params": dataclasses.asdict(params)}
    for task in [t for t in args.tasks.split(",") if t]:
        cases = load(task)[args.offset:]
        if args.limit:
            cases = cases[: args.limit]
        mine = [s for s in systems
                if not (s == "ours-noq" and task == "multinews")
                and not (s == "ours-noprior" and task != "update")]
        out[task] = run_task(task, cases, mine, args.words or BUDGET[task], store, params, v0)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
