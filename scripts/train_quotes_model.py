"""Train the reported-speech model on PolNeAR train (never on dev) and write its weights.

Usage: PYTHONPATH=. .venv/bin/python scripts/train_quotes_model.py [--data PATH] [--out PATH] [--docs DOCBIN]

``--docs``: a spaCy DocBin of the train articles in file order (first annotation per id); when the
file does not exist the articles are parsed once and the DocBin is written there (keep it under
/tmp, not in the repo).

Reproducible: the article split is seeded (``--seed``, default 14), the learner is a
deterministic L2 logistic regression (scikit-learn, lbfgs). Candidates (cue, content span, source),
their forms and features come from :mod:`newsdossier.analysis.quotes.learned`, the same code the
extractor runs. A candidate is positive when a gold attribution's cue overlaps its cue token and
the gold content covers at least half of the candidate's content span (and the span half of the
gold content). Each form gets its own threshold: the lowest whose out-of-fold precision (train
articles in ``--folds`` seeded folds, each scored by a model fitted on the others) is >=
``--precision`` (0.85) with at least ``--min-kept`` candidates kept; a form that never gets there
is switched off (threshold 2). The shipped weights are then fitted on every train article. Writes
``newsdossier/analysis/quotes/reported_speech_model.json`` (weights, thresholds, provenance).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdossier.analysis.quotes.learned import FORMS, MODEL_PATH, candidates, features  # noqa: E402
from newsdossier.analysis.quotes.marks import find_marked  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "polnear_train.jsonl"


def _rows(path: Path) -> list[dict]:
    seen: set[str] = set()
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] not in seen:
                seen.add(row["id"])
                rows.append(row)
    return rows


def _chars(part: dict) -> set[int]:
    frags = part.get("fragments") or [[part["start"], part["end"]]]
    return {i for a, b in frags for i in range(a, b)}


def examples(row: dict, doc) -> list[tuple[dict[str, float], int, str]]:
    """Features and 0/1 labels of every candidate of one article."""
    text = row["text"]
    blocked = [(q.open, q.after) for q in find_marked(text)]
    gold = [(_chars(a["cue"]), _chars(a["content"])) for a in row["attributions"] if a.get("cue") and a.get("content")]
    out = []
    for c in candidates(doc, blocked):
        cue = set(range(c.cue.idx, c.cue.idx + len(c.cue.text)))
        content = set(range(c.start, c.end))
        y = int(any(cue & gc and len(content & gt) >= 0.5 * len(content) and len(content & gt) >= 0.5 * len(gt)
                    for gc, gt in gold))
        out.append((features(c), y, c.form))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--docs", type=Path, default=None, help="a spaCy DocBin of the articles, in file order")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--precision", type=float, default=0.85)
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--min-kept", type=int, default=20)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--curves", action="store_true", help="print out-of-fold precision by threshold, per form")
    ap.add_argument("--phrasal-precision", type=float, default=0.75,
                    help="the precision cut of the non-clausal forms (PolNeAR leaves many real reports of "
                         "their kind unannotated, so its precision there reads low; see docs/benchmarks/quotes.md)")
    args = ap.parse_args()

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from newsdossier import nlp
    from newsdossier.model import Article

    rows = _rows(args.data)
    from spacy.tokens import DocBin

    if args.docs is not None and args.docs.is_file():
        docs = list(DocBin().from_disk(args.docs).get_docs(nlp.load().vocab))
    else:
        arts = [Article.create(r["text"], f"polnear#{r['id']}") for r in rows]
        parsed = nlp.parse(arts)
        docs = [parsed[a.id] for a in arts]
        if args.docs is not None:
            bin_ = DocBin(store_user_data=False)
            for d in docs:
                bin_.add(d)
            bin_.to_disk(args.docs)
    # thresholds from out-of-fold probabilities: the articles, shuffled with the seed, in --folds
    # folds; each fold is scored by a model fitted on the others; the shipped model is then fitted
    # on every train article
    order = list(range(len(rows)))
    random.Random(args.seed).shuffle(order)
    fold_of = {k: n % args.folds for n, k in enumerate(order)}
    per_article = [examples(row, doc) for row, doc in zip(rows, docs)]
    fit = [ex for exs in per_article for ex in exs]
    folds = np.array([fold_of[k] for k, exs in enumerate(per_article) for _ in exs])
    vec = DictVectorizer()
    X = vec.fit_transform([f for f, _, _ in fit])
    y = np.array([t for _, t, _ in fit])
    p = np.zeros(len(y))
    for k in range(args.folds):
        held = folds == k
        part = LogisticRegression(C=args.C, solver="lbfgs", max_iter=3000).fit(X[~held], y[~held])
        p[held] = part.predict_proba(X[held])[:, 1]
    clf = LogisticRegression(C=args.C, solver="lbfgs", max_iter=3000)
    clf.fit(X, y)
    yt = y
    ft = np.array([form for _, _, form in fit])
    if args.curves:
        for form in FORMS:
            m = ft == form
            for th in np.arange(0.3, 0.95, 0.05):
                k = (p[m] >= th)
                print(form, round(float(th), 2), int(k.sum()), round(float((k & (y[m] == 1)).sum() / max(k.sum(), 1)), 3))
    thresholds: dict[str, float] = {}
    report: dict[str, dict] = {}
    for form in FORMS:
        m = ft == form
        pf, yf = p[m], yt[m]
        best, best_r = 2.0, 0.0
        for th in np.arange(0.30, 0.99, 0.01):
            pred = pf >= th
            if pred.sum() < args.min_kept:
                continue
            prec = (pred & (yf == 1)).sum() / pred.sum()
            rec = (pred & (yf == 1)).sum() / max((yf == 1).sum(), 1)
            if prec >= (args.precision if form == "clause" else args.phrasal_precision) and rec > best_r:
                best, best_r = round(float(th), 2), float(rec)
        thresholds[form] = best
        pred = pf >= best
        report[form] = {
            "candidates": int(m.sum()), "positive": int(yf.sum()), "kept": int(pred.sum()),
            "oof_precision": round(float((pred & (yf == 1)).sum() / max(pred.sum(), 1)), 3),
            "oof_recall": round(float((pred & (yf == 1)).sum() / max((yf == 1).sum(), 1)), 3),
        }
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-3}
    weights["bias"] = round(weights.get("bias", 0.0) + float(clf.intercept_[0]), 4)
    out = {
        "about": "Reported-speech model (newsdossier.analysis.quotes.learned): logistic regression "
                 "weights over parse features of cue candidates of four forms, trained by "
                 f"scripts/train_quotes_model.py on PolNeAR train (seed {args.seed}, C {args.C}); per-form "
                 f"threshold = lowest with out-of-fold precision >= {args.precision} ({args.folds} folds of "
                 "train articles; 2 = form off).",
        "thresholds": thresholds,
        "report": report,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(out, indent=0) + "\n", encoding="utf-8")
    print(json.dumps(report), json.dumps(thresholds), "features", len(weights))


if __name__ == "__main__":
    main()
