"""Benchmark: would a reader keep the summary's sentences? (hand labels, bench/gold/summary_readability.json)

A fixed, seeded set of summaries, made the way ``bench/summary.py`` makes its ``ours`` system
(same loader, budgets, query and prior documents, default ``SummaryConfig``):

- ``--mn`` Multi-News validation clusters drawn with ``random.Random(seed)`` from the held-out
  range 0-99 (250 words, generic);
- ``--duc`` DUC 2007 main topics drawn the same way (250 words, the topic as the query);
- ``--update`` DUC 2007 update sets drawn the same way (100 words, query and prior documents);
- ``--set heldout``: instead, 6 other Multi-News clusters of 0-99 (their own seed), labelled
  only after the last code change, on the summaries of main and of the branch alike.

Every picked sentence (a passage of a sentence and its continuation counts as one) is looked
up in the hand labels by its article id (the hash of the cleaned text) and its exact cited
text, so labels survive code changes; a sentence never labelled is reported as
``unlabelled``. A label is ``ok`` or one of :data:`REASONS`. Printed: one row per picked
sentence (``--show``, with the source sentence before it), then the bad share (bad / labelled
picked sentences) per task and per reason, and the fill (share of summaries using >= 90% of
their budget). ``--todo FILE`` writes the unlabelled ones (with context) as JSON to label.

Usage::

    python bench/summary_readability.py --cache /tmp/parses.sqlite [--show] [--todo todo.json]
                                        [--param name=value ...]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summary_data import BUDGET, Case, config_with, load  # noqa: E402

from newsdossier import nlp  # noqa: E402
from newsdossier.analysis import summary as summ  # noqa: E402
from newsdossier.store import Store  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "summary_readability.json"
SEED = 20261203
REASONS = ("boilerplate", "caption", "heading", "question", "fragment", "duplicate", "garbled", "byline")
DRAWS = {"multinews": (12, 100), "duc": (2, 23), "update": (3, 15)}   # how many, from range(n)


HELDOUT = 6   # Multi-News clusters of the held-out check (``--set heldout``)


def draw(task: str, k: int, seed: int = SEED, split: str = "dev") -> list[int]:
    """The seeded case indices of ``task``: ``k`` of ``range(DRAWS[task][1])``, sorted.

    ``split="heldout"``: Multi-News clusters of the same range that the dev draw left out,
    drawn with their own seed (read only after the last code change).
    """
    if split == "heldout":
        dev = set(draw(task, DRAWS[task][0], seed))
        rest = [i for i in range(DRAWS[task][1]) if i not in dev]
        return sorted(random.Random(f"{seed}:{task}:heldout").sample(rest, k))
    return sorted(random.Random(f"{seed}:{task}").sample(range(DRAWS[task][1]), k))


def summarise(case: Case, task: str, docs: dict[str, Any], config: summ.SummaryConfig) -> list[Any]:
    """The ``ours`` system of bench/summary.py on one case."""
    kw: dict[str, Any] = {"words": BUDGET[task], "config": config}
    if case.query is not None:
        kw["query"] = case.query
    if case.prior:
        kw["prior_articles"] = case.prior
        kw["prior_docs"] = docs
    return summ.summarize(case.articles, docs, **kw)


def picked(config: summ.SummaryConfig, cache: str | None, counts: dict[str, int], pipe: Any = None,
           split: str = "dev") -> list[dict[str, Any]]:
    """Every picked sentence of the drawn summaries with its case, article, text and context."""
    store = Store(cache) if cache else None
    pipe = pipe or nlp.load()
    out: list[dict[str, Any]] = []
    for task, k in counts.items():
        if not k:
            continue
        cases = load(task)
        for idx in draw(task, k, split=split):
            case = cases[idx]
            docs = nlp.parse(case.articles + case.prior, cache=store, nlp=pipe)
            by_id = {a.id: a for a in case.articles}
            result = summarise(case, task, docs, config)
            n_words = sum(len(s.text.split()) for s in result)
            for rank, s in enumerate(result):
                c = s.cites[0]
                art = by_id[c.article]
                before = [x for x in docs[art.id].sents if x.end_char <= c.start]
                out.append({"task": task, "case": f"{task}#{case.id}", "article": art.id,
                            "text": c.text, "summary_text": s.text, "rank": rank,
                            "before": before[-1].text.strip() if before else "",
                            "outlets": s.outlets, "fill": n_words / BUDGET[task]})
    return out


def load_labels(path: Path = GOLD) -> dict[tuple[str, str], dict[str, Any]]:
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {(x["article"], x["text"]): x for x in data["labels"]}


def score(items: list[dict[str, Any]], labels: dict[tuple[str, str], dict[str, Any]]
          ) -> dict[str, Any]:
    """Bad share overall, per task and per reason; fill per task; ``verdicts``: each item's.

    A ``duplicate`` label names what the sentence repeats (``of``: article and text of
    sentences of the same cluster); it counts as bad only when one of those is picked before
    it in the same summary, else the sentence is ``ok``.
    """
    in_case: dict[str, list[tuple[str, str]]] = {}
    for it in items:
        in_case.setdefault(it["case"], []).append((it["article"], it["text"]))
    verdicts = []
    for it in items:
        lab = labels.get((it["article"], it["text"]), {})
        verdict = lab.get("label", "unlabelled")
        if verdict == "duplicate":
            # a duplicate only while what it repeats is picked before it in the same summary
            earlier = set(in_case[it["case"]][: in_case[it["case"]].index((it["article"], it["text"]))])
            if not any((o["article"], o["text"]) in earlier for o in lab.get("of", [])):
                verdict = "ok"
        verdicts.append(verdict)
    res: dict[str, Any] = {}
    for task in ["all", *sorted({it["task"] for it in items})]:
        vs = [v for it, v in zip(items, verdicts) if task in ("all", it["task"])]
        lab = [v for v in vs if v != "unlabelled"]
        bad = Counter(v for v in lab if v != "ok")
        fills = {it["case"]: it["fill"] for it in items if task in ("all", it["task"])}
        res[task] = {"picked": len(vs), "labelled": len(lab), "unlabelled": len(vs) - len(lab),
                     "bad": sum(bad.values()), "bad_share": sum(bad.values()) / len(lab) if lab else 0.0,
                     "reasons": dict(bad),
                     "fill": sum(f >= 0.9 for f in fills.values()) / (len(fills) or 1),
                     "min_fill": min(fills.values(), default=0.0)}
    res["verdicts"] = verdicts
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--mn", type=int, default=DRAWS["multinews"][0])
    ap.add_argument("--duc", type=int, default=DRAWS["duc"][0])
    ap.add_argument("--update", type=int, default=DRAWS["update"][0])
    ap.add_argument("--cache", type=str, default=None, help="sqlite file caching spaCy parses")
    ap.add_argument("--set", choices=("dev", "heldout"), default="dev",
                    help="heldout: other Multi-News clusters of 0-99 (only Multi-News)")
    ap.add_argument("--show", action="store_true", help="print every picked sentence")
    ap.add_argument("--todo", type=Path, default=None, help="write the unlabelled sentences here")
    ap.add_argument("--param", action="append", default=[], help="override a SummaryConfig field")
    ap.add_argument("--json", type=Path, default=None, help="also write the scores here")
    args = ap.parse_args(argv)
    config = config_with(args.param)
    counts = {"multinews": args.mn, "duc": args.duc, "update": args.update}
    if args.set == "heldout":
        counts = {"multinews": HELDOUT, "duc": 0, "update": 0}
    items = picked(config, args.cache, counts, split=args.set)
    labels = load_labels()
    res = score(items, labels)
    if args.show:
        for it, verdict in zip(items, res.pop("verdicts")):
            print(f"{it['case']:<22} {it['article'][:8]} {it['rank']:>2} {verdict:<11} {it['text'][:110]}")
    if args.todo:
        todo = [it for it in items if (it["article"], it["text"]) not in labels]
        args.todo.write_text(json.dumps(todo, indent=1, ensure_ascii=False), encoding="utf-8")
    res.pop("verdicts", None)
    draws = ", ".join(f"{t} {draw(t, k, split=args.set)}" for t, k in counts.items() if k)
    print(f"seed {SEED}: {draws}")
    print(f"{'task':<10} {'picked':>6} {'labelled':>8} {'unlab':>5} {'bad':>4} {'bad %':>6} {'fill':>5} "
          f"{'min fill':>8}  " + " ".join(f"{r[:8]:>8}" for r in REASONS))
    for task, r in res.items():
        print(f"{task:<10} {r['picked']:>6} {r['labelled']:>8} {r['unlabelled']:>5} {r['bad']:>4} "
              f"{100 * r['bad_share']:6.1f} {r['fill']:5.2f} {r['min_fill']:8.2f}  "
              + " ".join(f"{r['reasons'].get(x, 0):>8}" for x in REASONS))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
