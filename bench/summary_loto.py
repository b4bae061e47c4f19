"""Leave-one-topic-out tuning of the update summary's prior-document weights.

The DUC 2007 update dev file has 5 topics x sets A, B, C; only B and C have prior documents,
so a setting of the prior weights changes only those 10 summaries. For every setting of the
grid, each B/C summary is scored (ROUGE-2 recall, stemmed, mean over the 4 references); then,
for each topic in turn, the setting with the best mean over the *other four* topics is picked
and scored on the held-out topic. The mean of those held-out scores is the honest figure (the
best in-sample setting is printed too, to show how much the choice itself flatters). Ties
(common: two settings often pick the same sentences) go to the first setting in grid order, so
list each axis from the shipped value outwards.

Usage::

    python bench/summary_loto.py --cache /tmp/summ_parses.sqlite \
        --grid prior_concepts=0,0.3 --grid novelty_power=0,1 [--param name=value ...]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rouge_score import rouge_scorer  # noqa: E402
from summary import newest_article  # noqa: E402
from summary_data import load  # noqa: E402

from newsdossier import nlp  # noqa: E402
from newsdossier.analysis import summary as summ  # noqa: E402
from newsdossier.store import Store  # noqa: E402


def _convert(cfg: summ.SummaryConfig, name: str, value: str) -> Any:
    cur = getattr(cfg, name)
    if isinstance(cur, bool):
        return value.lower() in ("1", "true", "yes")
    return type(cur)(value)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--cache", type=str, default=None)
    ap.add_argument("--grid", action="append", default=[], help="name=v1,v2,... (product of all)")
    ap.add_argument("--param", action="append", default=[], help="fixed override name=value")
    ap.add_argument("--words", type=int, default=100)
    args = ap.parse_args(argv)
    base = summ.SummaryConfig()
    for item in args.param:
        name, _, value = item.partition("=")
        base = dataclasses.replace(base, **{name: _convert(base, name, value)})
    axes = []
    for item in args.grid:
        name, _, values = item.partition("=")
        axes.append([(name, _convert(base, name, v)) for v in values.split(",")])
    settings = [dict(combo) for combo in itertools.product(*axes)] if axes else [{}]
    store = Store(args.cache) if args.cache else None
    pipe = nlp.load()
    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    cases = [c for c in load("update") if c.prior]
    parsed = [(c, nlp.parse(c.articles + c.prior, cache=store, nlp=pipe)) for c in cases]

    def score(cfg: summ.SummaryConfig | None) -> list[float]:
        out = []
        for c, docs in parsed:
            kw: dict[str, Any] = {"prior_articles": c.prior, "prior_docs": docs} if cfg else {}
            sents = summ.summarize(c.articles, docs, words=args.words, query=c.query,
                                   config=cfg or base, **kw)
            text = " ".join(s.text for s in sents)
            out.append(100 * statistics.mean(scorer.score(r, text)["rouge2"].recall for r in c.refs))
        return out

    topic = [c.id.split("-")[0] for c, _ in parsed]
    topics = sorted(set(topic))
    table: list[tuple[dict[str, Any], list[float]]] = []
    for st in settings:
        table.append((st, score(dataclasses.replace(base, **st))))
    without = score(None)
    default = score(summ.SummaryConfig())
    lead = []
    for c, docs in parsed:                  # the newest article's first sentences (DUC baseline)
        a = c.articles[newest_article(c)]
        out, used = [], 0
        for sp in nlp.sentences(a, docs[a.id]):
            if used + len(sp.text.split()) > args.words:
                break
            out.append(sp.text)
            used += len(sp.text.split())
        text = " ".join(out)
        lead.append(100 * statistics.mean(scorer.score(r, text)["rouge2"].recall for r in c.refs))

    def mean_on(vals: list[float], keep: set[str]) -> float:
        return statistics.mean(v for v, t in zip(vals, topic) if t in keep)

    held: dict[int, float] = {}
    print(f"{len(settings)} settings, {len(parsed)} B/C sets, {len(topics)} topics; R-2 recall")
    for t in topics:
        rest = set(topics) - {t}
        best = max(range(len(table)), key=lambda k: (mean_on(table[k][1], rest), -k))
        for i, tt in enumerate(topic):
            if tt == t:
                held[i] = table[best][1][i]
        print(f"  held out {t}: picked {table[best][0]} (train {mean_on(table[best][1], rest):.2f})"
              f" -> held-out {mean_on(table[best][1], {t}):.2f} (without prior {mean_on(without, {t}):.2f})")
    loto = statistics.mean(held[i] for i in range(len(parsed)))
    ins = max(range(len(table)), key=lambda k: (statistics.mean(table[k][1]), -k))
    by_topic: dict[str, list[float]] = defaultdict(list)
    for i, t in enumerate(topic):
        by_topic[t].append(held[i])
    print(f"leave-one-topic-out mean (held-out): {loto:.2f}")
    print(f"without prior documents:             {statistics.mean(without):.2f}")
    print(f"shipped defaults with prior:         {statistics.mean(default):.2f}")
    print(f"lead of the newest article:          {statistics.mean(lead):.2f}")
    print(f"best in-sample {table[ins][0]}: {statistics.mean(table[ins][1]):.2f}")
    for st, vals in sorted(table, key=lambda x: -statistics.mean(x[1]))[:10]:
        print(f"    {statistics.mean(vals):6.2f}  {st}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
