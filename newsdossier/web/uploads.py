"""Uploaded files and pasted text to articles, through the ingest functions, within limits.

Files are written to a private temporary folder under a sanitised name (never the name the
client sent), read with :func:`newsdossier.ingest.read_path` (so every supported format
works, sniffed from content), cleaned together with :func:`articles_from_raw`, and the
temporary folder is removed. Sources are reported as ``upload/<client file name>``.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..ingest import DEFAULT_MAX_CHARS, articles_from_raw, read_path
from ..ingest.records import META_FIELDS, RawDoc
from ..model import Article, Rejected


class UploadError(InputError):
    """The upload as a whole cannot be accepted (nothing given, or over a limit)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Limits:
    """Upload limits.

    Attributes:
        max_files: files per upload.
        max_file_bytes: bytes per file.
        max_request_bytes: bytes per upload request (all files and fields together).
        max_paste_chars: characters of pasted text.
        max_selection: articles a hand-picked dossier may hold.
    """

    max_files: int = 50
    max_file_bytes: int = 10 * 1024 * 1024
    max_request_bytes: int = 60 * 1024 * 1024
    max_paste_chars: int = DEFAULT_MAX_CHARS
    max_selection: int = 200


@dataclass
class UploadFile:
    """One uploaded file as received: the client's name and its bytes (maybe truncated)."""

    name: str
    data: bytes
    truncated: bool = False


@dataclass
class UploadResult:
    """What an upload produced: new articles, articles already stored, and rejections."""

    added: list[Article] = field(default_factory=list)
    known: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str, index: int) -> str:
    """Return a file name safe to create in our temporary folder, keeping the extension hint.

    Only the last path component of ``name`` is used, with every character outside
    ``[A-Za-z0-9._-]`` replaced and leading dots removed; an index prefix keeps names unique.
    """
    base = re.split(r"[\\/]", name or "")[-1]
    base = _UNSAFE.sub("_", base).lstrip(".")[-80:] or "upload"
    return f"{index:03d}_{base}"


def display_name(name: str) -> str:
    """Return the client's file name reduced to its last component, for messages."""
    base = re.split(r"[\\/]", name or "")[-1].strip()
    return base[:200] or "unnamed file"


def read_uploads(
    files: Sequence[UploadFile],
    paste: str = "",
    paste_meta: Mapping[str, str] | None = None,
    limits: Limits = Limits(),
) -> tuple[list[Article], list[Rejected]]:
    """Turn uploaded files and pasted text into articles and rejections.

    Args:
        files: the uploaded files.
        paste: pasted article text (may be empty).
        paste_meta: metadata for the pasted text (keys from ``title, outlet, author,
            published, url``; other keys are ignored).
        limits: the upload limits.

    Raises:
        UploadError: if neither files nor text were given, or there are too many files.
    """
    real = [f for f in files if f.name or f.data]
    if not real and not paste.strip():
        raise UploadError("Nothing to add: choose one or more files, or paste the text of an article.")
    if len(real) > limits.max_files:
        raise UploadError(f"Too many files: {len(real)} (the limit is {limits.max_files} per upload).", 413)
    raws: list[RawDoc] = []
    rejected: list[Rejected] = []
    with tempfile.TemporaryDirectory(prefix="newsdossier-upload-") as tmp:
        folder = Path(tmp)
        for i, up in enumerate(real, start=1):
            label = f"upload/{display_name(up.name)}"
            if up.truncated or len(up.data) > limits.max_file_bytes:
                rejected.append(Rejected(label, f"the file is over the limit of {limits.max_file_bytes:,} bytes"))
                continue
            path = folder / safe_name(up.name, i)
            path.write_bytes(up.data)
            prefix = str(path)
            for rec in read_path(path, max_bytes=limits.max_file_bytes):
                if isinstance(rec, Rejected):
                    rejected.append(Rejected(rec.source.replace(prefix, label, 1), rec.reason.replace(prefix, label)))
                else:
                    rec.source = rec.source.replace(prefix, label, 1)
                    raws.append(rec)
    if paste.strip():
        if len(paste) > limits.max_paste_chars:
            rejected.append(Rejected("pasted text", f"the text has {len(paste):,} characters, over the limit of {limits.max_paste_chars:,}"))
        else:
            meta = {k: v.strip() for k, v in (paste_meta or {}).items() if k in META_FIELDS and v and v.strip()}
            raws.append(RawDoc("pasted text", paste.replace("\r\n", "\n"), meta=meta))
    result = articles_from_raw(raws, max_chars=limits.max_paste_chars)
    return result.articles, rejected + result.rejected
