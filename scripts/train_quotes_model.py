"""Train the reported-speech cue model on PolNeAR train (never on dev) and write its weights.

Usage: PYTHONPATH=. .venv/bin/python scripts/train_quotes_model.py [--data PATH] [--out PATH] [--docs DOCBIN]

Reproducible: the article split is seeded (``--seed``, default 14), the learner is a
deterministic L2 logistic regression (scikit-learn, lbfgs). Candidates and features come from
:mod:`newsdossier.analysis.quotes.learned`, the same code the extractor runs. A candidate is
positive when a gold attribution's cue overlaps its verb and the gold content covers at least half
of the candidate's complement (and the complement half of the gold content). The threshold is the
lowest one whose precision on the held-out 15% of train articles is >= ``--precision`` (0.85).
Writes ``newsdossier/analysis/quotes/reported_speech_model.json`` (weights, threshold, provenance).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdossier.analysis.quotes.learned import MODEL_PATH, candidates, features  # noqa: E402
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


def examples(row: dict, doc) -> list[tuple[dict[str, float], int]]:
    """Features and 0/1 labels of every candidate of one article."""
    text = row["text"]
    blocked = [(q.open, q.after) for q in find_marked(text)]
    gold = [(_chars(a["cue"]), _chars(a["content"])) for a in row["attributions"] if a.get("cue") and a.get("content")]
    out = []
    for c in candidates(doc, blocked):
        cue = set(range(c.cue.idx, c.cue.idx + len(c.cue.text)))
        lo, hi = c.comp.left_edge.idx, c.comp.right_edge.idx + len(c.comp.right_edge.text)
        content = set(range(lo, hi))
        y = int(any(cue & gc and len(content & gt) >= 0.5 * len(content) and len(content & gt) >= 0.5 * len(gt)
                    for gc, gt in gold))
        out.append((features(c), y))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--docs", type=Path, default=None, help="a spaCy DocBin of the articles, in file order")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--precision", type=float, default=0.85)
    ap.add_argument("--C", type=float, default=0.5)
    args = ap.parse_args()

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from newsdossier import nlp
    from newsdossier.model import Article

    rows = _rows(args.data)
    if args.docs is not None:
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(args.docs).get_docs(nlp.load().vocab))
    else:
        arts = [Article.create(r["text"], f"polnear#{r['id']}") for r in rows]
        parsed = nlp.parse(arts)
        docs = [parsed[a.id] for a in arts]
    order = list(range(len(rows)))
    random.Random(args.seed).shuffle(order)
    cut = int(0.85 * len(order))
    fit_ids = set(order[:cut])
    fit, tune = [], []
    for k, (row, doc) in enumerate(zip(rows, docs)):
        (fit if k in fit_ids else tune).extend(examples(row, doc))
    vec = DictVectorizer()
    X = vec.fit_transform([f for f, _ in fit])
    y = np.array([t for _, t in fit])
    clf = LogisticRegression(C=args.C, solver="lbfgs", max_iter=2000)
    clf.fit(X, y)
    Xt = vec.transform([f for f, _ in tune])
    yt = np.array([t for _, t in tune])
    p = clf.predict_proba(Xt)[:, 1]
    threshold, best_r = 0.99, 0.0
    for th in np.arange(0.30, 0.99, 0.01):
        pred = p >= th
        if pred.sum() == 0:
            continue
        prec = (pred & (yt == 1)).sum() / pred.sum()
        rec = (pred & (yt == 1)).sum() / max((yt == 1).sum(), 1)
        if prec >= args.precision and rec > best_r:
            threshold, best_r = float(th), float(rec)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-4}
    weights["bias"] = round(weights.get("bias", 0.0) + float(clf.intercept_[0]), 4)
    pred = p >= threshold
    report = {
        "fit_candidates": int(len(y)), "fit_positive": int(y.sum()),
        "tune_candidates": int(len(yt)), "tune_positive": int(yt.sum()),
        "tune_precision": round(float((pred & (yt == 1)).sum() / max(pred.sum(), 1)), 3),
        "tune_recall": round(float((pred & (yt == 1)).sum() / max((yt == 1).sum(), 1)), 3),
    }
    out = {
        "about": "Reported-speech cue model (newsdossier.analysis.quotes.learned): logistic regression "
                 "weights over parse features, trained by scripts/train_quotes_model.py on PolNeAR train "
                 f"(seed {args.seed}, C {args.C}); threshold = lowest with precision >= {args.precision} "
                 "on 15% of train articles held out from fitting.",
        "threshold": round(threshold, 2),
        "report": report,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(out, indent=0) + "\n", encoding="utf-8")
    print(json.dumps(report), "threshold", round(threshold, 2), "features", len(weights))


if __name__ == "__main__":
    main()
