"""Quote extraction and speaker attribution on PolNeAR (dev), side by side with textacy.

Usage: .venv/bin/python bench/quotes.py [--limit N] [--data PATH]

Gold: ../shared/data/polnear_dev.jsonl, one annotation file per article id (the first one).
An attribution is *direct* when its content starts with a quotation mark (or right after one),
else *indirect*. Scores, for each system and kind:

* precision: share of predicted quotes with >= 50% of their characters inside one gold content;
* recall: share of gold contents with >= 50% of their characters inside one predicted quote;
* speaker accuracy: over gold contents that were found and have a gold source, the share whose
  predicted speaker span overlaps the gold source span or names the same person (equal
  names, or equal last words of capitalised names).

textacy's ``textacy.extract.triples.direct_quotations`` runs on the same spaCy parses; it has no
indirect speech. Crashes (unbalanced marks) count as "no quotes" for that article.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdossier import nlp  # noqa: E402
from newsdossier.analysis.quotes import extract_quotes  # noqa: E402
from newsdossier.model import Article  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "polnear_dev.jsonl"
MARKS = "\"“”„«»‘’'"


@dataclass
class Item:
    """A gold or predicted attribution: content chars, speaker chars and speaker text."""

    content: frozenset[int]
    speaker: frozenset[int]
    speaker_text: str | None


def _chars(part: dict) -> frozenset[int]:
    frags = part.get("fragments") or [[part["start"], part["end"]]]
    return frozenset(i for a, b in frags for i in range(a, b))


def load(path: Path, limit: int | None = None) -> list[dict]:
    """Read PolNeAR rows, keeping the first annotation of each article id."""
    seen: set[str] = set()
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            rows.append(row)
    return rows[:limit] if limit else rows


def gold_items(row: dict) -> tuple[list[Item], list[Item]]:
    """Split a row's attributions into (direct, indirect) gold items."""
    text = row["text"]
    direct, indirect = [], []
    for att in row["attributions"]:
        content = att.get("content")
        if not content:
            continue
        src = att.get("source")
        item = Item(_chars(content), _chars(src) if src else frozenset(), src["text"] if src else None)
        s = content["start"]
        first = text[s:content["end"]].lstrip()[:1]
        is_direct = first in MARKS or (s > 0 and text[s - 1] in MARKS)
        (direct if is_direct else indirect).append(item)
    return direct, indirect


def _norm(name: str | None) -> str:
    return re.sub(r"[^\w\s]", " ", (name or "").lower()).split() and " ".join(
        re.sub(r"[^\w\s]", " ", (name or "").lower()).split()
    ) or ""


def same_speaker(pred: Item, gold: Item) -> bool:
    """Span overlap, or the same name (equal, or same last word of a capitalised name)."""
    if pred.speaker & gold.speaker:
        return True
    a, b = _norm(pred.speaker_text), _norm(gold.speaker_text)
    if not a or not b:
        return False
    if a == b:
        return True
    cap = (pred.speaker_text or "")[:1].isupper() and (gold.speaker_text or "")[:1].isupper()
    return cap and a.split()[-1] == b.split()[-1]


def score(preds: list[list[Item]], golds: list[list[Item]]) -> tuple[float, float, float, int, int]:
    """Return precision, recall, speaker accuracy, #predicted, #gold over all articles."""
    tp_p = n_p = tp_r = n_g = sp_ok = sp_n = 0
    for pred, gold in zip(preds, golds):
        n_p += len(pred)
        n_g += len(gold)
        for p in pred:
            if any(len(p.content & g.content) >= 0.5 * len(p.content) for g in gold):
                tp_p += 1
        for g in gold:
            best = None
            best_ov = 0
            for p in pred:
                ov = len(p.content & g.content)
                if ov >= 0.5 * len(g.content) and ov > best_ov:
                    best, best_ov = p, ov
            if best is None:
                continue
            tp_r += 1
            if g.speaker_text:
                sp_n += 1
                sp_ok += same_speaker(best, g)
    prec = tp_p / n_p if n_p else 0.0
    rec = tp_r / n_g if n_g else 0.0
    acc = sp_ok / sp_n if sp_n else 0.0
    return prec, rec, acc, n_p, n_g


def ours(articles: list[Article], docs: dict) -> tuple[list[list[Item]], list[list[Item]]]:
    """Run :func:`extract_quotes` article by article (no cross-article chains in a corpus of
    unrelated articles) and return (direct, indirect) predictions."""
    direct, indirect = [], []
    for art in articles:
        d, i = [], []
        for q in extract_quotes([art], {art.id: docs[art.id]}):
            sp = q.speaker
            item = Item(
                frozenset(range(q.span.start, q.span.end)),
                frozenset(range(sp.span.start, sp.span.end)) if sp and sp.span else frozenset(),
                sp.name if sp else None,
            )
            (d if q.kind == "direct" else i).append(item)
        direct.append(d)
        indirect.append(i)
    return direct, indirect


def textacy_direct(articles: list[Article], docs: dict) -> tuple[list[list[Item]], int]:
    """Run textacy's direct_quotations on the same parses; return predictions and crash count."""
    from textacy.extract.triples import direct_quotations

    out, crashes = [], 0
    for art in articles:
        items = []
        try:
            for trip in direct_quotations(docs[art.id]):
                c = trip.content
                spk = list(trip.speaker)
                sp_chars = frozenset(i for t in spk for i in range(t.idx, t.idx + len(t.text)))
                items.append(Item(frozenset(range(c.start_char, c.end_char)), sp_chars,
                                  " ".join(t.text for t in spk) or None))
        except (ValueError, IndexError, KeyError, AttributeError, TypeError):
            crashes += 1
            items = []
        out.append(items)
    return out, crashes


def evaluate(rows: list[dict]) -> dict[str, tuple]:
    """Parse the rows and score both systems; return the table rows by name."""
    articles = [Article.create(r["text"], f"polnear#{r['id']}") for r in rows]
    docs = nlp.parse(articles)
    golds = [gold_items(r) for r in rows]
    g_direct = [g[0] for g in golds]
    g_indirect = [g[1] for g in golds]
    t0 = time.perf_counter()
    p_direct, p_indirect = ours(articles, docs)
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    tx, crashes = textacy_direct(articles, docs)
    t_tx = time.perf_counter() - t0
    return {
        "newsdossier direct": (*score(p_direct, g_direct), t_ours, 0),
        "newsdossier indirect": (*score(p_indirect, g_indirect), t_ours, 0),
        "textacy direct_quotations": (*score(tx, g_direct), t_tx, crashes),
    }


def render(table: dict[str, tuple], n_articles: int) -> str:
    lines = [
        f"PolNeAR dev, {n_articles} articles (first annotation per id)",
        f"{'system':28} {'P':>6} {'R':>6} {'F1':>6} {'spk acc':>8} {'pred':>6} {'gold':>6} {'sec':>6} {'crash':>6}",
    ]
    for name, (p, r, acc, n_p, n_g, sec, crashes) in table.items():
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(
            f"{name:28} {100*p:6.1f} {100*r:6.1f} {100*f1:6.1f} {100*acc:8.1f} {n_p:6d} {n_g:6d} {sec:6.1f} {crashes:6d}"
        )
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(list(argv) if argv is not None else None)
    rows = load(args.data, args.limit)
    print(render(evaluate(rows), len(rows)))


if __name__ == "__main__":
    main()
