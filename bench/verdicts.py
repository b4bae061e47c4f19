"""Verdicts: precision of the listed evaluative claims (target, polarity, holder) on hand labels.

Usage: .venv/bin/python bench/verdicts.py [--before WORKTREE] [--split dev|heldout|check|all] [--list] [--errors]

Clusters (fixed by :func:`chosen_clusters`, seeded): Multi-News validation clusters of
../shared/data/multinews_val250.jsonl with 3+ non-empty documents, shuffled with
``random.Random(SEED)``, the first ``MN_DEV`` dev and the next ``MN_HELDOUT`` held-out; DUC 2007
main clusters (25 dated articles, dates as ``bench/stories.py: load_duc`` reads them) shuffled
with the same seed, the first ``DUC_DEV`` dev and the next ``DUC_HELDOUT`` held-out. Each cluster
is built as a dossier would be (ingest cleaning, the registered entities, quotes and claims
analyses); every claim the dossier lists is scored.

Labels: ``bench/gold/verdicts.json``, keyed by :func:`claim_key` (article-text hash, sentence
offsets, a hash of the target name and the question), no article text stored; the labelling
rules are in that file (``rules``) and in docs/benchmarks/claims.md. A claim without a label is
counted as ``unlabelled`` (never as right or wrong).

``--before WORKTREE`` runs the same clusters with the package of another checkout (the branch
point) in a subprocess, so before and after are scored on the same labels in the same run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(ROOT))  # else the package of PYTHONPATH (``--before`` runs another checkout)
sys.path.insert(0, str(ROOT / "bench"))

GOLD = ROOT / "bench" / "gold" / "verdicts.json"
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews_val250.jsonl"
DUC = ROOT.parent / "shared" / "data" / "duc2007_main.jsonl"
PARSE_CACHE = Path("/tmp/newsdossier-bench-verdicts-parses.sqlite")
SEED = 20261202
MN_DEV, MN_HELDOUT, MN_CHECK = 14, 10, 10  # check: labelled 2026-12-03 before that day's changes
DUC_DEV, DUC_HELDOUT, DUC_CHECK = 3, 3, 3
FIELDS = ("target", "polarity", "holder", "full")
BINS = ((0.0, 0.6, "< 0.6 (shown low)"), (0.6, 0.8, "0.6-0.8"), (0.8, 1.01, ">= 0.8"))


def chosen_clusters() -> list[tuple[str, str, str]]:
    """Return (source, cluster id, split) for the benched clusters, in a fixed seeded order."""
    mn = []
    with MULTINEWS.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if sum(1 for d in row["documents"] if d.strip()) >= 3:
                mn.append(row["id"])
    rng = random.Random(SEED)
    rng.shuffle(mn)
    duc = []
    with DUC.open(encoding="utf-8") as fh:
        for line in fh:
            duc.append(json.loads(line)["id"])
    rng = random.Random(SEED)
    rng.shuffle(duc)
    out = [("multinews", i, "dev") for i in mn[:MN_DEV]]
    out += [("multinews", i, "heldout") for i in mn[MN_DEV:MN_DEV + MN_HELDOUT]]
    out += [("multinews", i, "check") for i in mn[MN_DEV + MN_HELDOUT:MN_DEV + MN_HELDOUT + MN_CHECK]]
    out += [("duc", i, "dev") for i in duc[:DUC_DEV]]
    out += [("duc", i, "heldout") for i in duc[DUC_DEV:DUC_DEV + DUC_HELDOUT]]
    out += [("duc", i, "check") for i in duc[DUC_DEV + DUC_HELDOUT:DUC_DEV + DUC_HELDOUT + DUC_CHECK]]
    return out


def claim_key(text: str, start: int, end: int, target_name: str, question: str | None) -> str:
    """The stable id of a listed claim: ``sha1(text)[:12]:start:end:sha1(target)[:8]:q``."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    tgt = hashlib.sha1(target_name.strip().lower().encode("utf-8")).hexdigest()[:8]
    return f"{digest}:{start}:{end}:{tgt}:{(question or '-')[:2]}"


def _articles(source: str, cid: str) -> list[Any]:
    from newsdossier.batch import cluster_articles

    if source == "multinews":
        with MULTINEWS.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["id"] == cid:
                    return list(cluster_articles({"documents": row["documents"]}, f"mn{cid}").articles)
        raise KeyError(cid)
    from stories import load_duc

    for duc_id, arts in load_duc(DUC):
        if duc_id == cid:
            return arts
    raise KeyError(cid)


def dump_claims() -> list[dict[str, Any]]:
    """Build every benched cluster with the imported package and return its listed claims."""
    from newsdossier.pipeline import Options, dossier_from_articles
    from newsdossier.store import Store

    store = Store(str(PARSE_CACHE))
    out: list[dict[str, Any]] = []
    try:
        for source, cid, split in chosen_clusters():
            arts = _articles(source, cid)
            dossier = dossier_from_articles(arts, options=Options(only=("claims",)), store=store)
            texts = {a.id: a for a in dossier.articles}
            names = {e.id: e.name for e in dossier.entities}
            for c in dossier.claims:
                art = texts[c.span.article]
                out.append({
                    "key": claim_key(art.text, c.span.start, c.span.end, c.target_name, c.question),
                    "cluster": cid, "source": source, "split": split,
                    "target": names.get(c.target, c.target), "target_name": c.target_name,
                    "polarity": c.polarity, "question": c.question, "hedged": c.hedged,
                    "holder": c.holder.name, "holder_kind": c.holder.kind,
                    "confidence": c.confidence, "sentence": art.text[c.span.start:c.span.end],
                })
    finally:
        store.close()
    return out


def _claims_of(worktree: Path | None) -> list[dict[str, Any]]:
    if worktree is None:
        return dump_claims()
    env = dict(os.environ, PYTHONPATH=str(worktree))
    res = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--dump"], cwd=str(worktree),
                         env=env, capture_output=True, text=True, check=True)
    return list(json.loads(res.stdout))


def score(claims: Sequence[Mapping[str, Any]], labels: Mapping[str, Mapping[str, Any]], split: str) -> dict[str, Any]:
    """Return counts and per-field precision of the labelled claims of ``split`` (and per bin)."""
    rows = [c for c in claims if split in ("all", c["split"])]
    # a label may judge each polarity the claim can be listed with ("by_polarity")
    lab = [(c, labels[c["key"]].get("by_polarity", {}).get(c["polarity"], labels[c["key"]]))
           for c in rows if c["key"] in labels]
    out: dict[str, Any] = {"listed": len(rows), "labelled": len(lab), "unlabelled": len(rows) - len(lab)}
    for f in FIELDS:
        right = sum(1 for _, lb in lab if lb[f])
        out[f] = right / len(lab) if lab else 0.0
    out["wrong"] = sum(1 for _, lb in lab if not lb["full"])
    out["bins"] = {}
    for lo, hi, name in BINS:
        inb = [lb for c, lb in lab if lo <= c["confidence"] < hi]
        out["bins"][name] = (len(inb), sum(1 for lb in inb if lb["full"]) / len(inb) if inb else 0.0)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", action="store_true", help="print the listed claims as JSON (with sentences; not stored)")
    ap.add_argument("--before", type=Path, default=None, help="a checkout of the branch point, scored in the same run")
    ap.add_argument("--split", choices=("dev", "heldout", "check", "all"), default=None)
    ap.add_argument("--list", action="store_true", help="list the claims with their labels")
    ap.add_argument("--errors", action="store_true", help="list wrong and unlabelled claims")
    args = ap.parse_args(argv)
    if args.dump:
        json.dump(dump_claims(), sys.stdout)
        return 0
    labels = json.loads(GOLD.read_text(encoding="utf-8"))["labels"] if GOLD.exists() else {}
    systems = [("after (this checkout)", _claims_of(None))]
    if args.before is not None:
        systems.insert(0, ("before (" + args.before.name + ")", _claims_of(args.before)))
    splits = [args.split] if args.split else ["dev", "heldout", "check", "all"]
    print("| system | split | listed | labelled | unlabelled | target P | polarity P | holder P | fully right P | wrong |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, claims in systems:
        for sp in splits:
            s = score(claims, labels, sp)
            print(f"| {name} | {sp} | {s['listed']} | {s['labelled']} | {s['unlabelled']} | "
                  + " | ".join(f"{s[f]:.3f}" for f in FIELDS) + f" | {s['wrong']} |")
    print("\n| system | split | confidence | labelled | fully right P |\n|---|---|---|---:|---:|")
    for name, claims in systems:
        for sp in splits:
            for bname, (n, p) in score(claims, labels, sp)["bins"].items():
                print(f"| {name} | {sp} | {bname} | {n} | {p:.3f} |")
    if args.list or args.errors:
        for _name, claims in systems[-1:]:
            for c in claims:
                if args.split not in (None, "all") and c["split"] != args.split:
                    continue
                lb = labels.get(c["key"])
                if lb is not None:
                    lb = lb.get("by_polarity", {}).get(c["polarity"], lb)
                if args.errors and lb is not None and lb["full"]:
                    continue
                mark = "??" if lb is None else "".join("+" if lb[f] else "-" for f in FIELDS)
                print(f"\n[{mark}] {c['key']} {c['split']} {c['cluster']} | {c['target']} | {c['polarity']} | "
                      f"{c['question']} | hedged={c['hedged']} | {c['holder']} ({c['holder_kind']}) | {c['confidence']}")
                print("   ", c["sentence"].replace("\n", " ")[:400])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
