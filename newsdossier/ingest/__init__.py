"""Ingestion: files and folders in, clean :class:`~newsdossier.model.Article` objects out.

Each file's format is sniffed from its content (and its extension as a hint): plain text,
Markdown, HTML, JSON Lines / JSON (articles or Multi-News clusters), Multi-News ``|||||``
text, RSS/Atom, WARC/WARC.gz. Every input that cannot be read becomes a
:class:`~newsdossier.model.Rejected` record with its reason; everything else is processed.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Article, Rejected
from . import furniture
from .authors import clean_author
from .compressed import ExpandError, gunzip
from .decode import DecodeError, decode_report
from .feed import read_feed
from .formats import reader as registered_reader
from .formats import register_format, sniff_registered
from .html import read_html
from .jsonl import MULTINEWS_SEP, read_json, read_jsonl, read_multinews
from .language import detect
from .manifest import Manifest, ManifestError, normalise_date
from .records import META_FIELDS, RawDoc, Record
from .sanitise import clean_value, replace_surrogates
from .text import read_markdown, read_text
from .warc import read_warc

__all__ = [
    "IngestResult", "ingest", "read_path", "sniff", "articles_from_raw", "Manifest",
    "ManifestError", "DEFAULT_MAX_BYTES", "DEFAULT_MAX_CHARS", "walk_inputs", "UNRECOGNISED_LANGUAGE_FLAG", "register_format",
]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024   # per input file
DEFAULT_MAX_CHARS = 1_000_000           # per article
MIN_CHARS = 40                          # shorter than this is not an article
# the flag of an article whose language could not be identified (``language == "und"``)
UNRECOGNISED_LANGUAGE_FLAG = "language not recognised"


@dataclass
class IngestResult:
    """Articles that were accepted and inputs that were rejected, in input order."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def sniff(name: str, head: bytes) -> str:
    """Name the format of a file from its first bytes, using its extension as a hint.

    Returns one of ``warc`` (WARC or ARC), ``gzip``, ``feed``, ``html``, ``jsonl``,
    ``json``, ``multinews``, ``markdown``, ``text``.
    """
    lower = name.lower()
    if head.startswith(b"\x1f\x8b"):
        return "warc" if (".warc" in lower or ".arc" in lower) else "gzip"
    if head.startswith(b"WARC/") or head.startswith(b"filedesc://"):
        return "warc"
    try:
        text = decode_report(head[:65536], detect=False).text if head else ""
    except DecodeError:
        return "text"  # let the full read produce the precise reason
    registered = sniff_registered(lower, text)
    if registered is not None:
        return registered
    start = text.lstrip()[:2000].lower()
    if start.startswith("<?xml") or start.startswith("<rss") or start.startswith("<feed") or start.startswith("<rdf:rdf"):
        if any(tag in start for tag in ("<rss", "<feed", "<rdf:rdf", "<channel")):
            return "feed"
    if start.startswith("<!doctype html") or start.startswith("<html") or (
        start.startswith("<") and any(t in start for t in ("<body", "<p>", "<div", "<article", "<head"))
    ):
        return "html"
    first = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    if lower.endswith((".jsonl", ".ndjson")) or (first.startswith("{") and first.endswith("}")):
        return "jsonl"
    if lower.endswith(".json") or first.startswith("[") or first == "{":
        return "json"
    if MULTINEWS_SEP in text:
        return "multinews"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    if lower.endswith((".html", ".htm")) and "<" in start:
        return "html"
    if lower.endswith((".rss", ".atom", ".xml")) and "<" in start:
        return "feed"
    if lower.endswith((".arc", ".warc")):
        return "warc"  # named an archive but not one: the archive reader says why
    return "text"


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    """Yield the raw documents (or rejections) of one file; never nothing.

    Every file yields at least one record: a file whose format holds no articles (an
    empty JSON array, a feed without entries) yields a rejection saying so. A reader's
    unexpected exception becomes a rejection starting with ``internal error`` (a bug to
    report), so one input can never stop the others.
    """
    source = str(path)
    count = 0
    try:
        for rec in _read_path(path, source, max_bytes):
            count += 1
            yield rec
    except (RecursionError, MemoryError) as exc:
        yield Rejected(source, f"not read: {type(exc).__name__} (the input is nested too deeply or too large)")
        return
    except Exception as exc:  # noqa: BLE001 - the ingest boundary: one bad input never sinks a build
        yield Rejected(source, f"internal error while reading this input ({type(exc).__name__}: {exc}); "
                               "please report it with the file")
        return
    if count == 0:
        yield Rejected(source, "no articles found in this file (an empty list or container)")


def _read_path(path: Path, source: str, max_bytes: int) -> Iterator[Record]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Rejected(source, f"cannot read the file: {exc.strerror}")
        return
    if size == 0:
        yield Rejected(source, "the file is empty")
        return
    if size > max_bytes:
        yield Rejected(source, f"the file is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejected(source, f"cannot read the file: {exc.strerror}")
        return
    kind = sniff(path.name, data[:65536])
    if kind == "warc":
        yield from read_warc(source, data, max_bytes=max_bytes)
        return
    if kind == "gzip":
        try:
            data = gunzip(data, max_bytes)
        except ExpandError as exc:
            yield Rejected(source, f"gzip file not read: {exc}")
            return
        if not data:
            yield Rejected(source, "the gzip file holds an empty file")
            return
        kind = sniff(path.name[:-3] if path.name.lower().endswith(".gz") else path.name, data[:65536])
        if kind == "warc":
            yield from read_warc(source, data, max_bytes=max_bytes)
            return
        if kind == "gzip":
            yield Rejected(source, "gzip inside gzip: unpack the file first")
            return
    if kind == "feed":
        yield from read_feed(source, data)
        return
    try:
        decoded = decode_report(data, html=kind == "html")
    except DecodeError as exc:
        yield Rejected(source, str(exc))
        return
    text = decoded.text
    records: Iterable[Record]
    if kind == "html":
        records = [read_html(source, text)]
    elif kind == "jsonl":
        records = read_jsonl(source, text)
    elif kind == "json":
        records = read_json(source, text)
    elif kind == "multinews":
        records = read_multinews(source, text)
    elif kind == "markdown":
        records = [read_markdown(source, text)]
    elif (custom := registered_reader(kind)) is not None:
        records = custom(source, text)
    else:
        records = [read_text(source, text)]
    for rec in records:
        if isinstance(rec, RawDoc) and decoded.flags:
            rec.flags.extend(decoded.flags)
        yield rec


HIDDEN = "hidden (its name starts with a dot): skipped; rename it to read it"


def walk_inputs(paths: Sequence[str | Path]) -> Iterator[tuple[Path | None, str, Path]]:
    """Yield ``(file, error, root)`` for every file under the inputs, sorted within folders.

    When ``file`` is ``None``, ``error`` says why and ``root`` is the path it is about (an
    input that does not exist, or a hidden file or folder inside a folder, which is skipped
    but reported so nothing disappears without a word).
    """
    for p in paths:
        root = Path(p)
        if root.is_dir():
            for dirpath, dirnames, filenames in os.walk(root):
                here = Path(dirpath)
                for d in sorted(d for d in dirnames if d.startswith(".")):
                    yield None, f"folder {HIDDEN}", here / d
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.startswith("."):
                        yield None, f"file {HIDDEN}", here / name
                    else:
                        yield here / name, "", root
        elif root.exists():
            yield root, "", root.parent
        else:
            yield None, f"no such file or folder: {root}", root


def articles_from_raw(
    raws: Sequence[RawDoc],
    *,
    manifest: Manifest | None = None,
    roots: Sequence[Path] = (),
    lang: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    remove_furniture: bool = True,
) -> IngestResult:
    """Clean raw documents into articles: furniture, metadata, language, duplicates."""
    result = IngestResult()
    repaired: list[int] = []
    normalised = []
    for r in raws:
        text, bad = replace_surrogates(r.text)
        repaired.append(bad)
        normalised.append(furniture.normalise_whitespace(text))
    counts = furniture.line_counts(normalised) if remove_furniture and len(raws) > 2 else Counter()
    seen: dict[str, str] = {}
    for raw, text, bad in zip(raws, normalised, repaired):
        source = replace_surrogates(raw.source)[0]  # an undecodable file name is kept readable
        if len(text) > max_chars:
            result.rejected.append(Rejected(source, f"the article has {len(text):,} characters, over the limit of {max_chars:,}"))
            continue
        removed: tuple = ()
        if remove_furniture:
            text, removed = furniture.clean(text, counts)
        if len(text.strip()) < MIN_CHARS:
            what = "nothing but page furniture" if removed else "too short to be an article"
            result.rejected.append(Rejected(source, f"{what} ({len(text.strip())} characters of text)"))
            continue
        if remove_furniture and furniture.archive_notice(text):
            result.rejected.append(Rejected(source, "a web archive's note about its crawls, not an article"))
            continue
        meta = {k: v for k, v in raw.meta.items() if k in META_FIELDS}
        if manifest is not None:
            meta.update(manifest.lookup(raw.source, raw.input_id, list(roots)))
        meta = {k: clean_value(v) for k, v in meta.items()}
        if "author" in meta:
            meta["author"] = clean_author(str(meta["author"]) if meta["author"] is not None else None)
        flags = list(raw.flags)
        if bad:
            flags.append(f"{bad} unpaired surrogate code point(s) (a broken \\u escape) replaced by U+FFFD")
        if meta.get("published"):
            try:
                meta["published"] = normalise_date(str(meta["published"]))
            except ValueError:
                flags.append(f"publication date not understood: {meta['published']!r}")
                meta["published"] = None
        language = detect(text)
        if lang and language != lang:
            result.rejected.append(Rejected(source, f"the text is in language {language!r}, not {lang!r} (--lang)"))
            continue
        if language == "und":
            flags.append(f"{UNRECOGNISED_LANGUAGE_FLAG}: left out of the English analyses "
                         "(names, quotes, claims, timeline, summary); compared for copied passages")
        elif language != "en":
            flags.append(f"language {language!r}: left out of the English analyses "
                         "(names, quotes, claims, timeline, summary); compared for copied passages")
        art = Article.create(
            text, source, language=language, input_id=clean_value(raw.input_id), removed=removed,
            flags=tuple(flags), **{k: (str(v) if v is not None else None) for k, v in meta.items()},
        )
        if art.id in seen:
            result.rejected.append(Rejected(source, f"duplicate: the same text as {seen[art.id]}"))
            continue
        seen[art.id] = source
        result.articles.append(art)
    return result


def ingest(
    paths: Sequence[str | Path],
    *,
    manifest: Manifest | str | Path | None = None,
    lang: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
    remove_furniture: bool = True,
    progress: Callable[[str], None] | None = None,
) -> IngestResult:
    """Read files and folders (walked recursively) into articles and rejections.

    Args:
        paths: files and folders.
        manifest: a :class:`Manifest` or the path of a CSV/JSON manifest.
        lang: keep only articles in this language (ISO 639-1), reject the rest.
        max_bytes: files larger than this are rejected.
        max_chars: articles longer than this are rejected.
        remove_furniture: remove page furniture (recorded in ``Article.removed``).
        progress: called with each file name as it is read.

    Raises:
        ManifestError: if the manifest cannot be read.
    """
    if manifest is not None and not isinstance(manifest, Manifest):
        manifest = Manifest.load(manifest)
    raws: list[RawDoc] = []
    rejected: list[Rejected] = []
    roots: list[Path] = []
    manifest_file = getattr(manifest, "path", None)
    for file, error, root in walk_inputs(paths):
        if file is None:
            rejected.append(Rejected(replace_surrogates(str(root))[0], replace_surrogates(error)[0]))
            continue
        if root not in roots:
            roots.append(root)
        if manifest_file is not None and file.resolve() == manifest_file:
            continue  # the manifest describes the inputs; it is not one of them
        if progress:
            progress(str(file))
        for rec in read_path(file, max_bytes=max_bytes):
            if isinstance(rec, Rejected):
                rejected.append(Rejected(replace_surrogates(rec.source)[0], replace_surrogates(rec.reason)[0]))
            else:
                raws.append(rec)
    result = articles_from_raw(raws, manifest=manifest, roots=roots, lang=lang, max_chars=max_chars,
                               remove_furniture=remove_furniture)
    result.rejected = rejected + result.rejected
    return result


def ingest_texts(texts: Iterable[str], source: str = "<text>") -> IngestResult:
    """Turn in-memory texts into articles (sources ``<text>#1``, ``#2``…)."""
    raws = [RawDoc(f"{source}#{i}", t) for i, t in enumerate(texts, start=1)]
    return articles_from_raw(raws)
