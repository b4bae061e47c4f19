"""Batch mode: summarise many clusters from a JSON Lines file (the Multi-News layout).

Each input line is one cluster ``{"id", "documents": [text, ...], "query"?,
"prior_documents"?}``; ``documents`` may also be one string with articles separated by
``|||||`` (Multi-News source text) and a document may be an object with a ``text`` field and
metadata. The optional ``query`` steers the summary: a string (a question, an entity name) or
a topic ``{"title", "narr"}`` (the DUC layout). The optional ``prior_documents`` (same forms as
``documents``) are what the reader has already seen: the summary then covers only what
``documents`` add (an update summary). Each output line is ``{"id", "summary", "sentences",
"focus"}`` where ``summary`` is the sentences joined by a space, ``sentences`` holds each
sentence with its cited spans and why it was picked (``basis``: ``query``, ``central`` or
``new``; ``relevance``; ``novelty``), and ``focus`` (only with a query) says how many sentences
answer the query and whether the rest of the budget went to central sentences (article ids
are the stable ids of the cleaned texts; ``input_id`` ``"<id>/<n>"`` names the n-th document
of the line).

A bad line (not JSON, no documents, no readable article, a failing parse) never stops the
others: it is written as ``{"id", "error"}`` at its place, so output lines stay aligned with
input lines, and once every line is done :class:`BatchLinesError` is raised listing them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis.summary import SummaryConfig, SummaryError
from .errors import InputError, NewsdossierError
from .ingest import IngestResult, articles_from_raw
from .ingest.jsonl import MULTINEWS_SEP, records_from_object
from .ingest.records import RawDoc
from .model import Article, Rejected, SummaryBasis, to_jsonable
from .pipeline import Options, dossier_from_articles
from .store import Store

__all__ = ["BadLine", "BatchLinesError", "cluster_articles", "summarize_jsonl", "ClusterError"]


class ClusterError(InputError):
    """One cluster line cannot be summarised; the message says why."""


@dataclass(frozen=True)
class BadLine:
    """An input line that produced no summary, and why."""

    line: int
    id: str | None
    reason: str


class BatchLinesError(NewsdossierError, RuntimeError):
    """Some lines of a batch could not be summarised (all the others were written).

    Attributes:
        bad: the failed lines with their reasons.
        written: the number of clusters summarised successfully.
    """

    def __init__(self, bad: Sequence[BadLine], written: int, out_path: str) -> None:
        self.bad = list(bad)
        self.written = written
        head = "; ".join(f"line {b.line}" + (f" ({b.id})" if b.id else "") + f": {b.reason}"
                         for b in self.bad[:5])
        more = f" (and {len(self.bad) - 5} more)" if len(self.bad) > 5 else ""
        super().__init__(
            f"{len(self.bad)} line(s) could not be summarised and were written with an \"error\" "
            f"field to {out_path}; {written} cluster(s) were summarised — {head}{more}"
        )


def cluster_articles(obj: Mapping[str, Any], source: str) -> IngestResult:
    """Turn one cluster object into cleaned articles (and rejections).

    Args:
        obj: ``{"id"?, "documents": [str | {"text", ...}] | "a ||||| b"}``.
        source: a name for the line, used in article sources (``source/n``).

    Raises:
        ClusterError: if the object has no ``documents``.
    """
    docs = obj.get("documents")
    if isinstance(docs, str):
        docs = [d for d in docs.replace(" NEWLINE_CHAR ", "\n").replace("NEWLINE_CHAR", "\n")
                .split(MULTINEWS_SEP)]
        obj = {**obj, "documents": docs}
    if not isinstance(docs, list):
        raise ClusterError('the line has no "documents" list')
    raws: list[RawDoc] = []
    rejected: list[Rejected] = []
    for rec in records_from_object(dict(obj), source):
        if isinstance(rec, Rejected):
            rejected.append(rec)
        elif rec.text.strip():
            raws.append(rec)
    result = articles_from_raw(raws)
    result.rejected = rejected + result.rejected
    return result


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, start=1):
            if line.strip():
                yield lineno, line


def _summarise_line(
    lineno: int, line: str, source: str, words: int, cache: Store | None,
) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ClusterError(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise ClusterError(f"expected a JSON object, found {type(obj).__name__}")
    query = _query(obj.get("query"))
    result = cluster_articles(obj, f"{source}#{lineno}")
    if not result.articles:
        why = "; ".join(r.reason for r in result.rejected[:3]) or "no documents"
        raise ClusterError(f"no readable article ({why})")
    prior: list[Article] = []
    if obj.get("prior_documents") not in (None, [], ""):
        pobj = {"id": f"{obj.get('id', lineno)}-prior", "documents": obj["prior_documents"]}
        prior = cluster_articles(pobj, f"{source}#{lineno}-prior").articles
    # the same registered analyses as `build` (language filter, independence counts), only
    # those the summary needs
    options = Options(only=("summary",), summary=SummaryConfig(words=words, focus=query))
    dossier = dossier_from_articles(result.articles, result.rejected, options, store=cache, prior=prior)
    sentences = dossier.summary
    record: dict[str, Any] = {
        "summary": " ".join(s.text for s in sentences),
        "sentences": to_jsonable(sentences),
    }
    if dossier.problems:
        record["problems"] = to_jsonable(dossier.problems)
    if query is not None:
        answered = sum(1 for s in sentences if s.basis == SummaryBasis.QUERY)
        record["focus"] = {"answering": answered, "central_fill": answered < len(sentences)}
    return record


def _query(value: Any) -> str | dict[str, str] | None:
    """Check a line's ``query``: a string or ``{"title", "narr"}``; empty means none.

    Raises:
        ClusterError: if it is of another type.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        bad = [k for k in ("title", "narr") if value.get(k) is not None and not isinstance(value[k], str)]
        if bad or not any(isinstance(value.get(k), str) and value[k].strip() for k in ("title", "narr")):
            raise ClusterError('"query" as an object needs a "title" and/or "narr" string')
        return {k: value[k] for k in ("title", "narr") if isinstance(value.get(k), str)}
    raise ClusterError(f'"query" must be a string or {{"title", "narr"}}, found {type(value).__name__}')


def summarize_jsonl(
    in_path: str | Path,
    out_path: str | Path,
    words: int = SummaryConfig.words,
    progress: Callable[[int, int], None] | None = None,
    *,
    cache: Store | None = None,
) -> int:
    """Summarise every cluster of a JSON Lines file into another JSON Lines file.

    Args:
        in_path: clusters, one ``{"id", "documents", "query"?, "prior_documents"?}`` object a line.
        out_path: where ``{"id", "summary", "sentences", "focus"?}`` lines are written (overwritten).
        words: word budget of each summary.
        progress: called as ``progress(done, total)`` after each line (total = non-empty lines).
        cache: a store whose parse cache is used and filled.

    Returns:
        The number of clusters summarised (lines written without an ``error`` field).

    Raises:
        FileNotFoundError: if ``in_path`` does not exist.
        SummaryError: if ``words`` is not positive.
        BatchLinesError: after all lines are processed, if any line failed; the output file
            is complete, failed lines carry ``{"id", "error"}``.
    """
    if words <= 0:
        raise SummaryError(f"the word budget must be positive, got {words}")
    src = Path(in_path)
    if not src.is_file():
        raise FileNotFoundError(f"no such clusters file: {src}")
    total = sum(1 for _ in _lines(src))
    done = written = 0
    bad: list[BadLine] = []
    with Path(out_path).open("w", encoding="utf-8") as out:
        for lineno, line in _lines(src):
            cid = _peek_id(line, lineno)
            try:
                record = {"id": cid, **_summarise_line(lineno, line, str(src), words, cache)}
                written += 1
            except (ClusterError, SummaryError, ValueError) as exc:
                bad.append(BadLine(lineno, cid, str(exc)))
                record = {"id": cid, "error": str(exc)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            done += 1
            if progress is not None:
                progress(done, total)
    if bad:
        raise BatchLinesError(bad, written, str(out_path))
    return written


def _peek_id(line: str, lineno: int) -> str:
    """Return the line's ``id`` (as a string), else ``line<N>``."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError:
        return f"line{lineno}"
    if isinstance(obj, dict) and obj.get("id") is not None:
        return str(obj["id"])
    return f"line{lineno}"
