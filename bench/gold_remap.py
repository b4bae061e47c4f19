"""Carry hand labels over when a change to ingest changes an article's cleaned text.

The quotes precision gold keys each label by ``sha1(article text)[:12]:start:end`` (the verdicts
gold adds a suffix of its own, kept as it is). When page
cleaning removes one more line, every label of that article stops matching and the bench reports
it "unlabelled". This script rebuilds the Multi-News articles with the package as it was at
``--old-rev`` and as it is now, maps each label's offsets from the old text to the new one through
the unchanged runs of text (difflib), and rewrites the labels whose text is unchanged. A label
whose quote text was itself changed is dropped and counted, never guessed.

    python bench/gold_remap.py --old-rev 6506f1c [--gold bench/gold/quotes_precision.json] [--write]
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT.parent / "shared" / "data" / "multinews_val250.jsonl"

_DUMP = """
import json, sys
from newsdossier.ingest import articles_from_raw
from newsdossier.ingest.records import RawDoc
out = {}
for line in open(sys.argv[1], encoding="utf-8"):
    row = json.loads(line)
    raws = [RawDoc(f"{row['id']}#{i}", d) for i, d in enumerate(row["documents"])]
    for a in articles_from_raw(raws).articles:
        out[a.source] = a.text
json.dump(out, sys.stdout)
"""


def texts_at(rev: str | None) -> dict[str, str]:
    """Cleaned article texts by source, with the package at ``rev`` (``None``: the working tree)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = str(ROOT)
        if rev is not None:
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "newsdossier"],
                                     check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            path = tmp
        # run from the package's own folder: the interpreter puts its working directory first
        res = subprocess.run([sys.executable, "-c", _DUMP, str(DATA)], check=True, capture_output=True,
                             cwd=path, env={"PYTHONPATH": path, "PATH": "/usr/bin:/bin"})
        return json.loads(res.stdout)


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def offset_map(old: str, new: str) -> dict[int, int]:
    """Old offset -> new offset for every character in a run both texts share."""
    out: dict[int, int] = {}
    for a, b, n in difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks():
        for k in range(n + 1):
            out[a + k] = b + k
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old-rev", required=True, help="the git revision the labels were made with")
    ap.add_argument("--gold", type=Path, default=HERE / "gold" / "quotes_precision.json")
    ap.add_argument("--write", action="store_true", help="rewrite the gold file")
    args = ap.parse_args()
    old_texts, new_texts = texts_at(args.old_rev), texts_at(None)
    changed = {digest(t): (src, t) for src, t in old_texts.items()
               if src in new_texts and new_texts[src] != t}
    gold = json.loads(args.gold.read_text())
    labels = gold["labels"]
    moved = dropped = 0
    out = {}
    for key, label in labels.items():
        h, start, end, *rest = key.split(":")  # "hash:start:end", or with a label's own suffix
        if h not in changed:
            out[key] = label
            continue
        src, old = changed[h]
        new = new_texts[src]
        mapping = offset_map(old, new)
        s, e = mapping.get(int(start)), mapping.get(int(end))
        if s is None or e is None or new[s:e] != old[int(start):int(end)]:
            dropped += 1
            continue
        out[":".join([digest(new), str(s), str(e), *rest])] = label
        moved += 1
    print(f"{len(changed)} article texts changed; {moved} labels carried over, {dropped} dropped "
          f"(their text changed), {len(labels) - moved - dropped} untouched")
    if args.write:
        gold["labels"] = out
        raw = args.gold.read_text()
        indent = 0 if raw.startswith("{\n\"") else 1  # keep the file's own layout
        args.gold.write_text(json.dumps(gold, indent=indent, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
