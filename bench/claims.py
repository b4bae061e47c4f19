"""Numbers and dates: extraction and normalisation of quantities, resolution of temporal expressions.

Usage: .venv/bin/python bench/claims.py [--gold PATH] [--data PATH] [--clusters N] [--errors]

Gold: ``bench/gold/claims_gold.json`` annotates, for seven Multi-News clusters of
../shared/data/multinews_val250.jsonl (16 documents; split ``dev``: five clusters used while
writing the rules, ``heldout``: two clusters annotated after the rules were frozen), every quantity (value or low/high range
and a canonical unit) and every point-in-time expression (resolved date at its granularity),
as character offsets into the raw document text, with publication dates the annotator
assigned from the documents' content. Documents are used raw (``Article.create`` on the text
as crawled, with the assigned ``published``), so the offsets hold.

Scoring, micro-averaged over documents:
* quantities - a prediction *matches* a gold quantity when their character spans overlap
  (each gold item is matched once). ``detect P/R`` counts matches; ``value P/R`` counts only
  matches whose value (or low/high) equals the gold within 0.5 %; ``unit acc`` is the share of
  matched quantities whose unit equals the gold unit.
* dates - ``detect R`` is the share of gold expressions overlapped by a predicted one, ``date
  acc`` the share resolved to the gold date (a finer prediction is truncated to the gold's
  granularity; weeks compare by ISO week), ``detect P`` the share of predicted expressions
  that overlap a gold one.

Rows, computed in the same run on the same parses:
* ``newsdossier`` - :func:`extract_facts` and :func:`build_timeline`;
* ``spaCy ents + face value / dateparser`` - the baseline: spaCy CARDINAL, MONEY, PERCENT
  and QUANTITY entities read at face value (digits, with "million"/"billion"/"thousand"
  multipliers; words unread), unit = the next noun; DATE/TIME entities resolved with
  dateparser relative to the publication date (``PREFER_DATES_FROM=past``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import claims_gold_points as goldpts  # noqa: E402
import claims_planted as planted  # noqa: E402

from newsdossier import nlp  # noqa: E402
from newsdossier.analysis.numbers import extract_facts  # noqa: E402
from newsdossier.analysis.timeline import build_timeline  # noqa: E402
from newsdossier.model import Article  # noqa: E402

GOLD = ROOT / "bench" / "gold" / "claims_gold.json"
DATA = ROOT.parent / "shared" / "data" / "multinews_val250.jsonl"

# (start, end, value, low, high, unit)
NumPred = tuple[int, int, float | None, float | None, float | None, str]
# (start, end, date or None)
DatePred = tuple[int, int, str | None]


def load(gold_path: Path = GOLD, data_path: Path = DATA, clusters: int | None = None,
         split: str | None = None) -> list[tuple[Article, Mapping[str, Any]]]:
    """Return (article, gold annotations) for each annotated document (of ``split`` if given).

    Raises:
        FileNotFoundError: if the gold or the data file is missing.
    """
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rows = {}
    with data_path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            rows[row["id"]] = row
    out = []
    chosen = [cl for cl in gold["clusters"] if split in (None, "all", cl.get("split"))]
    for cl in chosen[:clusters]:
        docs = rows[cl["id"]]["documents"]
        for d in cl["docs"]:
            text = docs[d["doc"]]
            art = Article.create(text, f"{cl['id']}#{d['doc']}", outlet=f"{cl['id'][-3:]}/{d['doc']}",
                                 published=d["published"])
            out.append((art, {**d, "split": cl.get("split", "dev")}))
    return out


# --------------------------------------------------------------------------- systems


def ours_numbers(art: Article, doc: Any) -> list[NumPred]:
    return [(f.span.start, f.span.end, f.value, f.low, f.high, f.unit)
            for f in extract_facts([art], {art.id: doc})]


def ours_dates(art: Article, doc: Any) -> list[DatePred]:
    return [(e.span.start, e.span.end, e.date) for e in build_timeline([art], {art.id: doc})]


_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def baseline_numbers(art: Article, doc: Any) -> list[NumPred]:
    out: list[NumPred] = []
    for ent in doc.ents:
        if ent.label_ not in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
            continue
        text = ent.text
        m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
        value = None
        if m:
            value = float(m.group().replace(",", ""))
            for word, mult in _SCALE.items():
                if word in text.lower():
                    value *= mult
        if ent.label_ == "MONEY":
            unit = "USD" if "$" in text or "dollar" in text.lower() else "money"
        elif ent.label_ == "PERCENT":
            unit = "percent"
        else:
            nxt = next((t for t in doc[ent.end: ent.end + 3] if t.pos_ == "NOUN"), None)
            unit = nxt.lemma_.lower() if nxt is not None else "count"
        out.append((ent.start_char, ent.end_char, value, None, None, unit))
    return out


def baseline_dates(art: Article, doc: Any) -> list[DatePred]:
    import dateparser  # bench-only dependency

    base = dt.datetime.fromisoformat(art.published) if art.published else None
    settings = {"PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    out: list[DatePred] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        parsed = dateparser.parse(ent.text, languages=["en"], settings=settings)
        out.append((ent.start_char, ent.end_char, parsed.date().isoformat() if parsed else None))
    return out


# --------------------------------------------------------------------------- scoring


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _close(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) <= 0.005 * max(abs(x), abs(y), 1e-9)


def _match(gold: Sequence[Mapping[str, Any]], pred: Sequence[tuple], ) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of overlapping spans, in text order."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and _overlap((g["start"], g["end"]), (p[0], p[1])):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def _same_date(gold: Mapping[str, Any], pred: str | None) -> bool:
    g = gold["date"]
    if pred is None or g is None:
        return pred is None and g is None
    if gold["granularity"] == "week":
        if len(pred) != 10:
            return False
        return dt.date.fromisoformat(pred).isocalendar()[:2] == dt.date.fromisoformat(g).isocalendar()[:2]
    return len(pred) >= len(g) and pred[: len(g)] == g


def score(items: Sequence[tuple[Article, Mapping[str, Any]]], docs: Mapping[str, Any],
          numbers: Callable[[Article, Any], list[NumPred]],
          dates: Callable[[Article, Any], list[DatePred]],
          errors: list[str] | None = None) -> dict[str, float]:
    """Return the scores of one system over the gold documents."""
    c = dict(n_gold=0, n_pred=0, n_match=0, n_value=0, n_unit=0, d_gold=0, d_pred=0, d_match=0, d_ok=0,
             d_pred_match=0)
    for art, gold in items:
        doc = docs[art.id]
        npred = numbers(art, doc)
        pairs = _match(gold["numbers"], npred)
        c["n_gold"] += len(gold["numbers"])
        c["n_pred"] += len(npred)
        c["n_match"] += len(pairs)
        matched_pred = {pi for _, pi in pairs}
        for gi, pi in pairs:
            g, p = gold["numbers"][gi], npred[pi]
            ok = _close(g["value"], p[2]) and _close(g["low"], p[3]) and _close(g["high"], p[4])
            c["n_value"] += ok
            c["n_unit"] += g["unit"] == p[5]
            if errors is not None and not ok:
                errors.append(f"value {art.source} {art.text[p[0]:p[1]]!r}: gold {g['value'], g['low'], g['high']} got {p[2:5]}")
        if errors is not None:
            matched_gold = {gi for gi, _ in pairs}
            errors += [f"missed number {art.source} {art.text[g['start']:g['end']]!r}"
                       for gi, g in enumerate(gold["numbers"]) if gi not in matched_gold]
            errors += [f"spurious number {art.source} {art.text[p[0]:p[1]]!r}"
                       for pi, p in enumerate(npred) if pi not in matched_pred]
        dpred = dates(art, doc)
        dpairs = _match(gold["dates"], dpred)
        c["d_gold"] += len(gold["dates"])
        c["d_pred"] += len(dpred)
        c["d_match"] += len(dpairs)
        c["d_pred_match"] += sum(1 for p in dpred if any(_overlap((g["start"], g["end"]), (p[0], p[1])) for g in gold["dates"]))
        for gi, pi in dpairs:
            ok = _same_date(gold["dates"][gi], dpred[pi][2])
            c["d_ok"] += ok
            if errors is not None and not ok:
                g = gold["dates"][gi]
                errors.append(f"date {art.source} {art.text[g['start']:g['end']]!r}: gold {g['date']} got {dpred[pi][2]}")
        if errors is not None:
            matched_gold = {gi for gi, _ in dpairs}
            errors += [f"missed date {art.source} {art.text[g['start']:g['end']]!r}"
                       for gi, g in enumerate(gold["dates"]) if gi not in matched_gold]

    def div(a: float, b: float) -> float:
        return a / b if b else 0.0

    return {
        "num_detect_p": div(c["n_match"], c["n_pred"]), "num_detect_r": div(c["n_match"], c["n_gold"]),
        "num_value_p": div(c["n_value"], c["n_pred"]), "num_value_r": div(c["n_value"], c["n_gold"]),
        "num_unit_acc": div(c["n_unit"], c["n_match"]),
        "date_detect_p": div(c["d_pred_match"], c["d_pred"]), "date_detect_r": div(c["d_match"], c["d_gold"]),
        "date_acc": div(c["d_ok"], c["d_gold"]),
        "n_gold": c["n_gold"], "d_gold": c["d_gold"],
    }


BASELINE = "spaCy ents + face value / dateparser"


def evaluate(clusters: int | None = None, gold_path: Path = GOLD, data_path: Path = DATA,
             errors: list[str] | None = None, split: str = "all") -> dict[tuple[str, str], dict[str, float]]:
    """Parse the gold documents and score both systems.

    Returns:
        ``{(system, split): scores}`` for the splits ``dev``, ``heldout`` and ``all`` (or only
        ``split`` when it is not ``all``).
    """
    items = load(gold_path, data_path, clusters, None if split == "all" else split)
    arts = [a for a, _ in items]
    docs = nlp.parse(arts)
    splits = ["dev", "heldout", "all"] if split == "all" else [split]
    out: dict[tuple[str, str], dict[str, float]] = {}
    for name, fn_num, fn_date in (("newsdossier", ours_numbers, ours_dates),
                                  (BASELINE, baseline_numbers, baseline_dates)):
        for sp in splits:
            part = [it for it in items if sp == "all" or it[1]["split"] == sp]
            if not part:
                continue
            t0 = time.perf_counter()
            res = score(part, docs, fn_num, fn_date, errors if name == "newsdossier" and sp == "all" else None)
            res["seconds"] = time.perf_counter() - t0
            res["docs"] = len(part)
            out[(name, sp)] = res
    return out


# --------------------------------------------------------------------------- planted contradictions

OLD = "previous (claims_v0)"
NEW = "newsdossier"
PARSE_CACHE = Path("/tmp/newsdossier-bench-claims-parses.sqlite")


def old_points(arts: Sequence[Article], docs: Mapping[str, Any]) -> list[planted.BenchPoint]:
    """The previous method (the frozen copy in ``bench/claims_v0``): agreed points with one
    position are *agree*, with several *compatible*; every other point is *contradict*."""
    from claims_v0.claims import extract_claims as old_claims
    from claims_v0.disagreements import find_disagreements as old_find
    from claims_v0.numbers import extract_facts as old_facts

    dis = old_find(old_claims(arts, docs), old_facts(arts, docs), arts)
    out = []
    for d in dis:
        status = ("agree" if len(d.sides) == 1 else "compatible") if d.agreed else "contradict"
        out.append((status, 1.0, tuple((s.article, s.start, s.end) for side in d.sides for s in side.spans)))
    return out


def new_points(arts: Sequence[Article], docs: Mapping[str, Any]) -> list[planted.BenchPoint]:
    """The current method: facts, claims, then the disagreement finder over both."""
    from newsdossier.analysis.claims import extract_claims
    from newsdossier.analysis.disagreements import find_disagreements

    dis = find_disagreements(extract_claims(arts, docs), extract_facts(arts, docs), arts)
    out = []
    for d in dis:
        old = ("agree" if len(d.sides) == 1 else "compatible") if d.agreed else "contradict"
        status = str(getattr(d, "status", "") or old)
        out.append((status, float(getattr(d, "confidence", 1.0)),
                    tuple((s.article, s.start, s.end) for side in d.sides for s in side.spans)))
    return out


def _parse(arts: Sequence[Article], cache: Path | None = PARSE_CACHE) -> dict[str, Any]:
    from newsdossier.store import Store

    if cache is None:
        return nlp.parse(arts)
    store = Store(str(cache))
    try:
        return nlp.parse(arts, cache=store)
    finally:
        store.close()


def evaluate_planted(limit: int | None = None, seed: int = 13, data_path: Path = DATA,
                     errors: list[str] | None = None, cache: Path | None = PARSE_CACHE) -> dict[str, dict[str, float]]:
    """Plant contradictions and controls and score the previous and the current method.

    Returns:
        ``{system: scores}`` (see ``bench/claims_planted.py`` for the scores).
    """
    clusters = planted.load_planted(data_path, limit, seed)
    docs = _parse([a for pc in clusters for a in pc.articles], cache)
    out: dict[str, dict[str, float]] = {}
    for name, fn in ((OLD, old_points), (NEW, new_points)):
        t0 = time.perf_counter()
        pts = [fn(pc.articles, {a.id: docs[a.id] for a in pc.articles}) for pc in clusters]
        res = planted.score_planted(clusters, pts, errors if name == NEW else None)
        res["seconds"] = time.perf_counter() - t0
        out[name] = res
    return out


def print_planted(rows: Mapping[str, Mapping[str, float]]) -> None:
    """Print the planted-contradiction table."""
    head = ("system", "dossiers", "plants", "recall", "precision", "false/dossier", "agree acc (n)",
            "compat acc (n)", "sec")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name, s in rows.items():
        print(f"| {name} | {int(s['dossiers'])} | {int(s['plants'])} | {s['recall']:.3f} | {s['precision']:.3f} | "
              f"{s['false_per_dossier']:.3f} | {s['agree_acc']:.3f} ({int(s['agree_n'])}) | "
              f"{s['compat_acc']:.3f} ({int(s['compat_n'])}) | {s['seconds']:.1f} |")


def _facts_new(art: Article, doc: Any) -> list[tuple]:
    return [(f.span.start, f.span.end, f.value, f.low, f.high, f.unit,
             f.counted.rsplit(" ", 1)[-1] if f.counted else "") for f in extract_facts([art], {art.id: doc})]


def _facts_old(art: Article, doc: Any) -> list[tuple]:
    from claims_v0.numbers import extract_facts as old_facts

    return [(f.span.start, f.span.end, f.value, f.low, f.high, f.unit, f.about.rsplit(" ", 1)[-1])
            for f in old_facts([art], {art.id: doc})]


def evaluate_gold(data_path: Path = DATA, errors: list[str] | None = None,
                  cache: Path | None = PARSE_CACHE) -> dict[str, dict[str, Any]]:
    """Score both methods on the hand-labelled points and facts.

    Returns:
        ``{system: {"points": ..., "facts": ...}}`` (see ``bench/claims_gold_points.py``).

    Raises:
        FileNotFoundError: if a gold file or the data file is missing.
    """
    gp = json.loads(goldpts.GOLD_POINTS.read_text(encoding="utf-8"))["points"]
    gf = json.loads(goldpts.GOLD_FACTS.read_text(encoding="utf-8"))["facts"]
    clusters = goldpts.cluster_articles(data_path, {g["cluster"] for g in gp} | {g["cluster"] for g in gf})
    arts = [a for v in clusters.values() for a in v]
    docs = _parse(arts, cache)
    by_id = {a.id: a for a in arts}
    point_clusters = {g["cluster"] for g in gp}
    out: dict[str, dict[str, Any]] = {}
    for name, fn, ffn in ((OLD, old_points, _facts_old), (NEW, new_points, _facts_new)):
        pts = {cid: fn(clusters[cid], {a.id: docs[a.id] for a in clusters[cid]}) for cid in point_clusters}
        out[name] = {"points": goldpts.score_points(gp, pts),
                     "facts": goldpts.score_facts(gf, by_id, docs, ffn, errors if name == NEW else None)}
    return out


def print_gold(rows: Mapping[str, Mapping[str, Any]]) -> None:
    """Print the hand-labelled tables."""
    print("| system | status | reported | labelled | precision |")
    print("|---|---|---|---|---|")
    for name, r in rows.items():
        for status in ("contested", "contradict", "update", "compatible", "agree"):
            rep, lab, right = r["points"]["rows"].get(status, [0, 0, 0])
            prec = f"{right / lab:.3f}" if lab else "n/a"
            print(f"| {name} | {status} | {rep} | {lab} | {prec} |")
        print(f"| {name} | real contested found | {r['points']['real_found']} of {r['points']['real_contested']} | | |")
    print()
    print("| system | facts | right (value+unit+counted) | value | unit | counted |")
    print("|---|---|---|---|---|---|")
    for name, r in rows.items():
        f = r["facts"]
        print(f"| {name} | {f['facts']} | {f['fact_acc']:.3f} | {f['value_acc']:.3f} | {f['unit_acc']:.3f} | {f['counted_acc']:.3f} |")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--clusters", type=int, default=None)
    ap.add_argument("--errors", action="store_true", help="list our errors after the table")
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("--bench", choices=("planted", "gold", "numbers", "all"), default="all",
                    help="planted contradictions, hand-labelled points and facts, the numbers/dates gold set, or all")
    ap.add_argument("--limit", type=int, default=None, help="planted: at most this many clusters")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    errs: list[str] | None = [] if args.errors else None
    if args.bench in ("planted", "all"):
        print_planted(evaluate_planted(args.limit, args.seed, args.data, errs))
        print()
        if errs:
            print("\n".join(errs))
            print()
            errs = []
        if args.bench == "planted":
            return 0
    if args.bench in ("gold", "all"):
        print_gold(evaluate_gold(args.data, errs))
        print()
        if errs:
            print("\n".join(errs))
            print()
            errs = []
        if args.bench == "gold":
            return 0
    rows = evaluate(args.clusters, args.gold, args.data, errs, args.split)
    head = ("system", "split", "docs", "quantities", "time exprs", "num det P", "num det R", "num val P", "num val R", "unit acc",
            "date det P", "date det R", "date acc", "sec")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for (name, sp), s in rows.items():
        print(f"| {name} | {sp} | {int(s['docs'])} | {int(s['n_gold'])} | {int(s['d_gold'])} ", end="")
        vals = [s[k] for k in ("num_detect_p", "num_detect_r", "num_value_p", "num_value_r", "num_unit_acc",
                               "date_detect_p", "date_detect_r", "date_acc")]
        print("| " + " | ".join(f"{v:.3f}" for v in vals) + f" | {s['seconds']:.2f} |")
    if errs:
        print()
        print("\n".join(errs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
