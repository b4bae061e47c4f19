"""Quote extraction and speaker attribution on PolNeAR (dev), side by side with textacy.

Usage: .venv/bin/python bench/quotes.py [--limit N] [--data PATH]
       .venv/bin/python bench/quotes.py --precision [--todo FILE]

``--precision`` scores the hand-labelled precision set instead (``bench/gold/quotes_precision.json``):
every quote listed for the chosen Multi-News validation clusters, by the current method and by the
frozen copy of the method before issue 14 (``bench/quotes_legacy``), computed in the same run. A
label is keyed by ``sha1(article text)[:12]:start:end`` of the quote span (the article text as the
ingest cleanup leaves it) and says whether the span is a real quote (``real``), whether it is whole
(``complete``) and, per speaker name given to it (keyed by ``sha1(lower-cased name)[:10]``),
whether that speaker is right. *Fully right* = real, complete and speaker right; a quote whose
speaker is left unresolved (or missing) is not fully right, it is counted as an honest gap.
Quotes with no label are reported as ``unlabelled`` (never assumed right); ``--todo FILE`` writes
them, with their context, to FILE for labelling.

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
import functools
import json
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import hashlib  # noqa: E402

from newsdossier import nlp  # noqa: E402
from newsdossier.analysis.entities import resolve_entities  # noqa: E402
from newsdossier.analysis.quotes import QuotesConfig, extract_quotes  # noqa: E402
from newsdossier.ingest import articles_from_raw  # noqa: E402
from newsdossier.ingest.records import RawDoc  # noqa: E402
from newsdossier.model import Article, Quote  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "polnear_dev.jsonl"
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews_val250.jsonl"
PRECISION_GOLD = ROOT / "bench" / "gold" / "quotes_precision.json"
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


def _found(pred: list[Item], g: Item) -> Item | None:
    """The prediction holding the most of a gold content, if one holds at least half of it."""
    best, best_ov = None, 0
    for p in pred:
        ov = len(p.content & g.content)
        if ov >= 0.5 * len(g.content) and ov > best_ov:
            best, best_ov = p, ov
    return best


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
            best = _found(pred, g)
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


def _core(chars: frozenset[int], text: str) -> frozenset[int]:
    """The characters of a span without spaces, punctuation and quotation marks (for exact match)."""
    return frozenset(i for i in chars if i < len(text) and text[i].isalnum())


def exact(preds: list[list[Item]], golds: list[list[Item]], texts: list[str]) -> tuple[float, float]:
    """Over gold contents found (as in :func:`score`), the share whose best predicted span has the
    same characters (ignoring spaces, punctuation and marks at any place) and, over those with a gold
    source, the share whose predicted speaker span is the gold source span (same test)."""
    n = ok = n_src = ok_src = 0
    for pred, gold, text in zip(preds, golds, texts):
        for g in gold:
            best = _found(pred, g)
            if best is None:
                continue
            n += 1
            ok += _core(best.content, text) == _core(g.content, text)
            if g.speaker:
                n_src += 1
                ok_src += bool(best.speaker) and _core(best.speaker, text) == _core(g.speaker, text)
    return (ok / n if n else 0.0), (ok_src / n_src if n_src else 0.0)


def ours(articles: list[Article], docs: dict, extract=None) -> tuple[list[list[Item]], list[list[Item]]]:
    """Run :func:`extract_quotes` (or ``extract``) article by article (no cross-article chains in
    a corpus of unrelated articles) and return (direct, indirect) predictions."""
    extract = extract or extract_quotes
    direct, indirect = [], []
    for art in articles:
        d, i = [], []
        for q in extract([art], {art.id: docs[art.id]}):
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
    """Run textacy's direct_quotations on the same parses; return predictions and crash count.

    Raises:
        ImportError: if textacy is not installed (the caller then leaves its row out).
    """
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


EXACT: dict[str, tuple[float, float]] = {}  # by table row: (content exact, source exact), see exact()


def parse_rows(rows: list[dict], cache: Path | None = None) -> tuple[list[Article], nlp.Parses]:
    """The rows' articles and their parses, reading and filling the parse cache ``cache`` (an
    SQLite store) if given."""
    articles = [Article.create(r["text"], f"polnear#{r['id']}") for r in rows]
    store = None
    if cache is not None:
        from newsdossier.store import Store  # noqa: PLC0415

        cache.parent.mkdir(parents=True, exist_ok=True)
        store = Store(cache)
    return articles, nlp.parse(articles, cache=store)


def evaluate(rows: list[dict], cache: Path | None = None) -> dict[str, tuple]:
    """Parse the rows (with the parse cache ``cache``, if given) and score both systems; return
    the table rows by name."""
    articles, docs = parse_rows(rows, cache)
    golds = [gold_items(r) for r in rows]
    g_direct = [g[0] for g in golds]
    g_indirect = [g[1] for g in golds]
    t0 = time.perf_counter()
    p_direct, p_indirect = ours(articles, docs)
    t_ours = time.perf_counter() - t0
    sys.path.insert(0, str(ROOT / "bench"))
    from quotes_legacy import extract_quotes as legacy_extract  # noqa: PLC0415

    t0 = time.perf_counter()
    o_direct, o_indirect = ours(articles, docs, legacy_extract)
    t_old = time.perf_counter() - t0
    texts = [a.text for a in articles]
    EXACT["newsdossier direct"] = exact(p_direct, g_direct, texts)
    EXACT["newsdossier indirect"] = exact(p_indirect, g_indirect, texts)
    EXACT["old (pre-14) direct"] = exact(o_direct, g_direct, texts)
    EXACT["old (pre-14) indirect"] = exact(o_indirect, g_indirect, texts)
    table = {
        "newsdossier direct": (*score(p_direct, g_direct), t_ours, 0),
        "newsdossier indirect": (*score(p_indirect, g_indirect), t_ours, 0),
        "old (pre-14) direct": (*score(o_direct, g_direct), t_old, 0),
        "old (pre-14) indirect": (*score(o_indirect, g_indirect), t_old, 0),
    }
    default = QuotesConfig().reported_speech
    for mode in ("rules", "model", "combined"):
        if mode == default:
            continue  # the row above
        fn = functools.partial(extract_quotes, config=QuotesConfig(reported_speech=mode))
        t0 = time.perf_counter()
        _, m_indirect = ours(articles, docs, fn)
        table[f"indirect: {mode}"] = (*score(m_indirect, g_indirect), time.perf_counter() - t0, 0)
        EXACT[f"indirect: {mode}"] = exact(m_indirect, g_indirect, texts)
    t0 = time.perf_counter()
    try:
        tx, crashes = textacy_direct(articles, docs)
    except ImportError:
        return table  # textacy is not installed: its row is left out
    t_tx = time.perf_counter() - t0
    table["textacy direct_quotations"] = (*score(tx, g_direct), t_tx, crashes)
    return table


def render(table: dict[str, tuple], n_articles: int) -> str:
    lines = [
        f"PolNeAR dev, {n_articles} articles (first annotation per id)",
        f"{'system':28} {'P':>6} {'R':>6} {'F1':>6} {'spk acc':>8} {'pred':>6} {'gold':>6} {'sec':>6} {'crash':>6}",
    ]
    lines[1] += f" {'exact':>6} {'src ex':>6} {'quotes/s':>9}"
    for name, (p, r, acc, n_p, n_g, sec, crashes) in table.items():
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(
            f"{name:28} {100*p:6.1f} {100*r:6.1f} {100*f1:6.1f} {100*acc:8.1f} {n_p:6d} {n_g:6d} {sec:6.1f} {crashes:6d}"
        )
        ex, src = EXACT.get(name, (float("nan"), float("nan")))
        lines[-1] += f" {100*ex:6.1f} {100*src:6.1f}"
    speed = {}
    for name, row in table.items():
        sys_name = name.rsplit(" ", 1)[0]
        speed.setdefault(sys_name, [0, row[5]])
        speed[sys_name][0] += row[3]
    for k, line in enumerate(lines[2:], 2):
        sys_name = line[:28].strip().rsplit(" ", 1)[0]
        if sys_name in speed and not sys_name.startswith("indirect:"):
            n, sec = speed[sys_name]
            lines[k] += f" {n / sec if sec else 0:9.0f}"
    lines.append("sec = extraction time of the system (direct and indirect together, parses excluded); "
                 "quotes/s = all its quotes (both kinds) per second; 'indirect: X' rows = reported speech "
                 f"found by X (rules, the learned model, or both) instead of the default ({QuotesConfig().reported_speech}); "
                 "exact / src ex = of the gold contents found, the share whose span (content) and speaker span "
                 "(source) are the gold ones, letter for letter (spaces, punctuation and marks ignored)")
    return "\n".join(lines)


def quote_key(article: Article, quote: Quote) -> str:
    """The stable id of a listed quote: ``sha1(article text)[:12]:start:end``."""
    digest = hashlib.sha1(article.text.encode("utf-8")).hexdigest()[:12]
    return f"{digest}:{quote.span.start}:{quote.span.end}"


def speaker_key(quote: Quote) -> str | None:
    """``sha1(lower-cased speaker name)[:10]``, or ``None`` when the speaker is missing or unresolved."""
    sp = quote.speaker
    if sp is None or not getattr(sp, "resolved", True):
        return None
    return hashlib.sha1(sp.name.strip().lower().encode("utf-8")).hexdigest()[:10]


def load_multinews(ids: list[str], path: Path = MULTINEWS) -> dict[str, list[Article]]:
    """Return the cleaned articles (as the ingest leaves them) of the clusters ``ids``."""
    wanted = set(ids)
    out: dict[str, list[Article]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in wanted:
                raws = [RawDoc(f"{row['id']}#{i}", d) for i, d in enumerate(row["documents"])]
                out[row["id"]] = list(articles_from_raw(raws).articles)
    return {i: out[i] for i in ids if i in out}


def precision_set(gold_path: Path = PRECISION_GOLD, data: Path = MULTINEWS,
                  todo: Path | None = None, split: str = "dev",
                  config: QuotesConfig | None = None) -> tuple[dict[str, dict[str, float]], list[dict]]:
    """Score the listed quotes of the precision clusters, new method and legacy side by side.

    Args:
        gold_path: the labels.
        data: the Multi-News validation sample.
        todo: where to write the unlabelled quotes, if anywhere.
        split: ``dev`` (the clusters read while writing the rules: ``clusters``), ``heldout``
            (labelled once, never looked at while tuning) or ``heldout2`` (3 more, labelled on
            2026-12-02 after that day's fixes; only the new method's quotes were labelled) or
            ``heldout3`` (4 more, labelled with the code of 2026-12-02's second session before its
            changes) or ``heldout4`` (4 more, labelled with the code of 2026-12-02's third session
            before its changes; the check split of that session; read for tuning on 2026-12-03) or
            ``heldout5`` (4 more, labelled with main's code of 2026-12-03 before that day's changes) or
            ``heldout6`` (5 more, labelled with main's code of 2026-12-03's second session before its
            changes) or ``heldout7`` (4 more, labelled with main's code of 2026-12-04, f76aeb6, before
            that session's changes) or ``heldout8`` (4 more, labelled with main's code of 2026-12-04's
            second session, fadec0e, before its changes).
        config: the new method's settings (the defaults when ``None``).

    Returns:
        (scores by method, unlabelled items with context).
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from quotes_legacy import extract_quotes as legacy_extract  # noqa: PLC0415

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    labels: dict[str, dict] = gold.get("labels", {})
    clusters = load_multinews(gold["clusters"] if split == "dev" else gold.get(split, []), data)
    methods = {"new": functools.partial(extract_quotes, config=config), "old (before issue 14)": legacy_extract}
    tallies = {m: {"listed": 0, "labelled": 0, "unlabelled": 0, "real": 0, "complete": 0, "speaker": 0,
                   "unresolved": 0, "fully": 0, "low": 0, "low_wrong": 0, "sec": 0.0} for m in methods}
    todo_items: list[dict] = []
    seen_todo: set[tuple[str, str | None]] = set()
    for arts in clusters.values():
        docs = nlp.parse(arts)
        entities = resolve_entities(arts, docs)
        by_id = {a.id: a for a in arts}
        for name, fn in methods.items():
            t0 = time.perf_counter()
            quotes = fn(arts, docs, entities)
            tallies[name]["sec"] += time.perf_counter() - t0
            t = tallies[name]
            for q in quotes:
                art = by_id[q.span.article]
                key = quote_key(art, q)
                sk = speaker_key(q)
                t["listed"] += 1
                lab = labels.get(key)
                known = lab is not None and (sk is None or not lab.get("real", False) or sk in lab.get("speakers", {}))
                if not known:
                    t["unlabelled"] += 1
                    if (key, sk) not in seen_todo:
                        seen_todo.add((key, sk))
                        a, b = q.span.start, q.span.end
                        todo_items.append({
                            "key": key, "speaker_key": sk, "kind": q.kind,
                            "speaker": q.speaker.name if q.speaker else None,
                            "resolved": getattr(q.speaker, "resolved", True) if q.speaker else False,
                            "context": art.text[max(0, a - 400):a] + "[[" + art.text[a:b] + "]]" + art.text[b:b + 250],
                            "has_label": lab is not None,
                        })
                    continue
                assert lab is not None
                t["labelled"] += 1
                real, complete = bool(lab.get("real")), bool(lab.get("complete"))
                right = real and sk is not None and bool(lab.get("speakers", {}).get(sk))
                t["real"] += real
                t["complete"] += real and complete
                t["speaker"] += right
                t["unresolved"] += real and sk is None
                ok = real and complete and right
                t["fully"] += ok
                conf = trust(q)
                if conf < LOW_CONFIDENCE:
                    t["low"] += 1
                    t["low_wrong"] += not ok
                for cut in CUTS:
                    if conf >= cut:
                        t[f"kept@{cut}"] = t.get(f"kept@{cut}", 0) + 1
                        t[f"ok@{cut}"] = t.get(f"ok@{cut}", 0) + ok
    if todo is not None:
        todo.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in todo_items) + "\n", encoding="utf-8")
    return tallies, todo_items


LOW_CONFIDENCE = 0.5
CUTS = (0.3, 0.4, 0.5, 0.6, 0.7)


def trust(q: Quote) -> float:
    """How far a listed quote can be trusted: the lower of the quote's and its speaker link's
    confidence (a quote with no speaker counts as its quote confidence times 0.5)."""
    conf = getattr(q, "confidence", 1.0)
    sp = q.speaker
    return min(conf, getattr(sp, "confidence", 1.0)) if sp is not None else conf * 0.5


def render_precision(tallies: dict[str, dict[str, float]], n_clusters: int) -> str:
    """The precision-set table."""
    lines = [
        f"Hand-labelled precision set: {n_clusters} Multi-News validation clusters (bench/gold/quotes_precision.json)",
        f"{'method':24} {'listed':>6} {'unlab':>6} {'real':>6} {'whole':>6} {'spk ok':>6} {'unres':>6} "
        f"{'FULLY':>6} {'share':>6} {'conf<' + str(LOW_CONFIDENCE):>8} {'sec':>6}",
    ]
    for name, t in tallies.items():
        n = t["labelled"] or 1
        lines.append(
            f"{name:24} {t['listed']:6d} {t['unlabelled']:6d} {t['real']:6d} {t['complete']:6d} {t['speaker']:6d} "
            f"{t['unresolved']:6d} {t['fully']:6d} {t['fully'] / n:6.3f} {t['low']:4d}/{t['low_wrong']:<3d} {t['sec']:6.2f}"
        )
    lines.append("share = fully right / labelled; conf< column: quotes below the low-confidence mark / of them not fully right")
    lines.append("")
    lines.append("by the trust of a quote, min(quote confidence, speaker confidence): kept / fully right share")
    lines.append(f"{'method':24} " + " ".join(f"{'>=' + str(c):>14}" for c in CUTS))
    for name, t in tallies.items():
        cells = []
        for c in CUTS:
            k = t.get(f"kept@{c}", 0)
            cells.append(f"{k:5d} / {t.get(f'ok@{c}', 0) / k if k else 0:.3f}")
        lines.append(f"{name:24} " + " ".join(f"{x:>14}" for x in cells))
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, default=None, help="a parse cache (SQLite store) to read and fill")
    ap.add_argument("--precision", action="store_true", help="score the hand-labelled precision set")
    ap.add_argument("--todo", type=Path, default=None, help="with --precision: write unlabelled quotes here")
    ap.add_argument("--reported-speech", choices=("rules", "model", "combined"), default=None,
                    help="with --precision: how the new method finds reported speech (default: its config)")
    ap.add_argument("--split", action="append", default=None,
                    help="with --precision: score only this split (repeatable; default all)")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.precision:
        gold = json.loads(PRECISION_GOLD.read_text(encoding="utf-8"))
        for split, key in (("dev", "clusters"), ("heldout", "heldout"), ("heldout2", "heldout2"),
                           ("heldout3", "heldout3"), ("heldout4", "heldout4"), ("heldout5", "heldout5"),
                           ("heldout6", "heldout6"), ("heldout7", "heldout7"),
                           ("heldout8", "heldout8")):
            if not gold.get(key) or (args.split and split not in args.split):
                continue
            todo = args.todo.with_suffix(f".{split}.jsonl") if args.todo else None
            cfg = QuotesConfig(reported_speech=args.reported_speech) if args.reported_speech else None
            tallies, _ = precision_set(todo=todo, split=split, config=cfg)
            print(f"[{split}] " + render_precision(tallies, len(gold[key])))
            print()
        return
    rows = load(args.data, args.limit)
    print(render(evaluate(rows, args.cache), len(rows)))


if __name__ == "__main__":
    main()
