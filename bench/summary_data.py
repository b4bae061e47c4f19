"""Data loading for bench/summary.py: Multi-News, DUC 2007 main and DUC 2007 update dev.

Each task yields :class:`Case` objects holding the cleaned articles (the normal ingestion via
``newsdossier.batch.cluster_articles``), the prior articles for update cases, the query and the
reference summaries. DUC articles get their publication date from the line's ``dates``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdossier.analysis.summary import SummaryConfig
from newsdossier.batch import cluster_articles
from newsdossier.model import Article

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT.parent / "shared" / "data"
FILES = {
    "multinews": DATA_DIR / "multinews_val250.jsonl",
    "duc": DATA_DIR / "duc2007_main.jsonl",
    "update": DATA_DIR / "duc2007_update_dev.jsonl",
}
BUDGET = {"multinews": 250, "duc": 250, "update": 100}


def config_with(overrides: Iterable[str], config: SummaryConfig | None = None) -> SummaryConfig:
    """A SummaryConfig with ``--param NAME=VALUE`` overrides, each value read as its field's type."""
    config = config or SummaryConfig()
    for item in overrides:
        name, _, value = item.partition("=")
        cur = getattr(config, name)
        conv: Callable[[str], Any] = (lambda v: v.lower() in ("1", "true", "yes")) if isinstance(cur, bool) else type(cur)
        config = dataclasses.replace(config, **{name: conv(value)})
    return config


@dataclass
class Case:
    """One summarisation problem."""

    id: str
    articles: list[Article]
    refs: list[str]
    query: dict[str, str] | str | None = None
    prior: list[Article] = field(default_factory=list)


def _dated(docs: list[str], dates: list[str] | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i, text in enumerate(docs):
        item: dict[str, Any] = {"text": text}
        if dates and i < len(dates) and dates[i]:
            item["published"] = dates[i]
        out.append(item)
    return out


def load(task: str, path: Path | None = None) -> list[Case]:
    """Return every case of ``task`` ("multinews", "duc" or "update")."""
    path = path or FILES[task]
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    cases: list[Case] = []
    for row in rows:
        rid = str(row["id"])
        if task == "multinews":
            summ = row["summaries"]
            ref = summ[0] if isinstance(summ, list) else summ
            ref = re.sub(r"^\s*[–—-]\s*", "", ref).strip()
            arts = cluster_articles(row, f"multinews#{rid}").articles
            cases.append(Case(rid, arts, [ref]))
            continue
        dates = row.get("dates")
        n_new = len(row["documents"])
        obj = {"id": rid, "documents": _dated(row["documents"], dates)}
        arts = cluster_articles(obj, f"{task}#{rid}").articles
        prior: list[Article] = []
        if row.get("prior_documents"):
            pdates = row.get("prior_dates")
            pobj = {"id": rid + "-prior", "documents": _dated(row["prior_documents"], pdates)}
            prior = cluster_articles(pobj, f"{task}#{rid}-prior").articles
        del n_new
        cases.append(Case(rid, arts, [s.strip() for s in row["summaries"]], row.get("query"), prior))
    return cases
