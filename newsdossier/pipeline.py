"""build_dossier(): ingest, parse, run the analyses in order, time every stage.

This is the library API the CLI, the web app and the Spark jobs call. It holds the order
of the stages and nothing else: every capability lives in its own module.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import nlp
from .analysis.claims import extract_claims
from .analysis.disagreements import find_disagreements
from .analysis.entities import EntityRules, resolve_entities
from .analysis.numbers import extract_facts
from .analysis.quotes import extract_quotes
from .analysis.reuse import find_reuse, independence
from .analysis.summary import summarize
from .analysis.timeline import build_timeline
from .ingest import DEFAULT_MAX_BYTES, IngestResult, Manifest, ingest
from .model import Article, Dossier, Rejected
from .store import Store

# progress(stage, done, total): called as work advances; total is 0 when unknown.
Progress = Callable[[str, int, int], None]


class NoArticlesError(RuntimeError):
    """No input could be turned into an article."""

    def __init__(self, rejected: Sequence[Rejected]) -> None:
        self.rejected = list(rejected)
        detail = "; ".join(f"{r.source}: {r.reason}" for r in self.rejected[:5])
        more = f" (and {len(self.rejected) - 5} more)" if len(self.rejected) > 5 else ""
        super().__init__(
            "no article could be read from the inputs" + (f" — {detail}{more}" if detail else "")
        )


@dataclass
class Options:
    """What a build can be asked to do differently.

    Attributes:
        manifest: metadata for inputs that lack it (path or :class:`Manifest`).
        lang: keep only articles in this language.
        max_bytes: reject input files larger than this.
        remove_furniture: strip page furniture from texts.
        summary_words: word budget of the summary.
        focus: a question or entity the summary should focus on.
        entity_rules: user must-link / cannot-link rules for entity resolution (the parsed
            ``--entity-rules`` JSON).
    """

    manifest: Manifest | str | Path | None = None
    lang: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    remove_furniture: bool = True
    summary_words: int = 120
    focus: str | None = None
    entity_rules: Mapping[str, Any] | None = None


class _Timer:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = round(self.timings.get(name, 0.0) + time.perf_counter() - t0, 4)


def _noop(stage: str, done: int, total: int) -> None:
    return None


def build_dossier(
    inputs: Sequence[str | Path],
    options: Options | None = None,
    *,
    store: Store | None = None,
    progress: Progress | None = None,
) -> Dossier:
    """Build the dossier of the articles found in files and folders.

    Args:
        inputs: files and folders of articles in any supported format.
        options: build options (see :class:`Options`).
        store: where parses are cached; ``None`` parses without a cache.
        progress: progress callback ``(stage, done, total)``.

    Raises:
        NoArticlesError: if no input yields an article (the rejections are attached).
        ManifestError: if the manifest cannot be read.
    """
    options = options or Options()
    progress = progress or _noop
    timer = _Timer()
    with timer.stage("ingest"):
        seen = 0

        def on_file(name: str) -> None:
            nonlocal seen
            seen += 1
            progress("ingest", seen, 0)

        result: IngestResult = ingest(
            inputs, manifest=options.manifest, lang=options.lang, max_bytes=options.max_bytes,
            remove_furniture=options.remove_furniture, progress=on_file,
        )
    if not result.articles:
        raise NoArticlesError(result.rejected)
    dossier = dossier_from_articles(result.articles, result.rejected, options, store=store,
                                    progress=progress)
    return replace(dossier, timings={**timer.timings, **dossier.timings})


def dossier_from_articles(
    articles: Sequence[Article],
    rejected: Sequence[Rejected] = (),
    options: Options | None = None,
    *,
    store: Store | None = None,
    progress: Progress | None = None,
) -> Dossier:
    """Run the NLP pass and the analyses over articles already read."""
    options = options or Options()
    progress = progress or _noop
    timer = _Timer()
    total = len(articles)
    with timer.stage("parse"):
        done = 0

        def on_parsed(n: int) -> None:
            nonlocal done
            done += n
            progress("parse", done, total)

        docs = nlp.parse(articles, cache=store, progress=on_parsed)
        sentences, mentions = nlp.parse_all(articles, docs)
    dossier = Dossier(
        articles=tuple(articles),
        rejected=tuple(rejected),
        sentences=tuple(sentences),
        mentions=tuple(mentions),
    )
    for name, run in _analyses():
        with timer.stage(name):
            progress(name, 0, 1)
            dossier = run(dossier, docs, options)
            progress(name, 1, 1)
    return replace(dossier, timings=timer.timings)


AnalysisStep = Callable[[Dossier, Mapping[str, object], Options], Dossier]

# the language the spaCy pipeline reads; "und" (too short to tell) is read as English
_READ = frozenset({"en", "und"})


def _english(d: Dossier) -> tuple[Article, ...]:
    """The articles the English analyses read: other languages are shown, not misread."""
    return tuple(a for a in d.articles if (a.language or "und") in _READ)


def _entities(d: Dossier, docs: Mapping[str, Any], o: Options) -> Dossier:
    rules = EntityRules.from_dict(o.entity_rules) if o.entity_rules else None
    return replace(d, entities=tuple(resolve_entities(_english(d), docs, rules)))


def _quotes(d: Dossier, docs: Mapping[str, Any], o: Options) -> Dossier:
    return replace(d, quotes=tuple(extract_quotes(_english(d), docs, d.entities)))


def _reuse(d: Dossier, docs: Mapping[str, Any], o: Options) -> Dossier:
    return replace(d, reuse=tuple(find_reuse(d.articles)))


def _claims(d: Dossier, docs: Mapping[str, Any], o: Options) -> Dossier:
    read = _english(d)
    facts = extract_facts(read, docs, d.entities)
    claims = extract_claims(read, docs, d.entities, d.quotes)
    disagreements = find_disagreements(claims, facts, read)
    return replace(d, facts=tuple(facts), claims=tuple(claims), disagreements=tuple(disagreements))


def _timeline(d: Dossier, docs: Mapping[str, Any], o: Options) -> Dossier:
    return replace(d, timeline=tuple(build_timeline(_english(d), docs)))


def _summary(d: Dossier, docs: Mapping[str, Any], o: Options) -> Dossier:
    indep = independence(d.articles, d.reuse)
    sentences = summarize(_english(d), docs, words=o.summary_words, focus=o.focus, independence=indep.count)
    return replace(d, summary=tuple(sentences))


def _analyses() -> list[tuple[str, AnalysisStep]]:
    """The analyses, in dependency order. Each takes the dossier so far and returns it extended."""
    return [
        ("entities", _entities),
        ("quotes", _quotes),
        ("reuse", _reuse),
        ("claims", _claims),
        ("timeline", _timeline),
        ("summary", _summary),
    ]
