"""build_dossier(): ingest, parse, run the registered analyses, time every stage.

This is the library API the CLI, batch mode, the web app and the Spark jobs call. It holds no
analysis of its own: the order of the stages is derived from what each registered component
(:mod:`newsdossier.registry`) requires and produces.

Fault isolation: a component that raises on the set is re-run article by article to find the
articles it fails on; those become :class:`~newsdossier.model.Problem` records (stage,
article, exception type, message) and the component runs again on the others. An article
that cannot be parsed is left out of every analysis and reported the same way. A build
therefore never dies because of one odd article.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import nlp, registry
from .errors import InputError, OptionError
from .ingest import DEFAULT_MAX_BYTES, UNRECOGNISED_LANGUAGE_FLAG, IngestResult, Manifest, ingest
from .model import Article, Dossier, Problem, Rejected
from .pipeline_parallel import ParallelConfig, run_split
from .registry import Component, Inputs, Produced
from .store import Store

# progress(stage, done, total): called as work advances; total is 0 when unknown.
Progress = Callable[[str, int, int], None]

# The languages the spaCy pipeline reads; an undetermined language: see _english_enough.
ENGLISH = "en"
UNDETERMINED = "und"


class NoArticlesError(InputError):
    """No input could be turned into an article."""

    code = "no-articles"

    def __init__(self, rejected: Sequence[Rejected]) -> None:
        self.rejected = list(rejected)
        detail = "; ".join(f"{r.source}: {r.reason}" for r in self.rejected[:5])
        more = f" (and {len(self.rejected) - 5} more)" if len(self.rejected) > 5 else ""
        super().__init__(
            "no article could be read from the inputs" + (f" — {detail}{more}" if detail else "")
        )


class Options:
    """What a build can be asked to do differently.

    Args:
        manifest: metadata for inputs that lack it (path or :class:`Manifest`).
        lang: keep only articles in this language.
        max_bytes: reject input files larger than this.
        remove_furniture: strip page furniture from texts.
        summary_words: shorthand for the summary component's ``words``.
        focus: shorthand for the summary component's ``focus`` (a question or an entity).
        entity_rules: shorthand for the entities component's user rules (the parsed
            ``--entity-rules`` JSON).
        only: run only these analyses (and what they require); ``None`` runs all.
        parallel: when the analyses that can be split run on several cores
            (:class:`~newsdossier.pipeline_parallel.ParallelConfig`; the dossier is the same).
        **configs: a config per component, by component name, e.g.
            ``Options(summary=SummaryConfig(words=250), reuse=ReuseOptions(ngram=6))``.

    Raises:
        OptionError: if a value is out of range or a config is of the wrong type.
    """

    def __init__(
        self,
        *,
        manifest: Manifest | str | Path | None = None,
        lang: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        remove_furniture: bool = True,
        summary_words: int | None = None,
        focus: str | None = None,
        entity_rules: Mapping[str, Any] | None = None,
        only: Sequence[str] | None = None,
        parallel: ParallelConfig | None = None,
        **configs: Any,
    ) -> None:
        if max_bytes <= 0:
            raise OptionError(f"the largest input size must be positive, got {max_bytes} bytes")
        self.manifest = manifest
        self.lang = lang
        self.max_bytes = max_bytes
        self.remove_furniture = remove_furniture
        self.only = tuple(only) if only is not None else None
        if parallel is not None and not isinstance(parallel, ParallelConfig):
            raise OptionError(f"parallel must be a ParallelConfig, got {type(parallel).__name__}")
        self.parallel = parallel or ParallelConfig()
        comps = registry.components()
        for name, value in configs.items():
            if name not in comps:
                raise OptionError(f"no analysis is called {name!r}; known: {', '.join(sorted(comps))}")
            if not isinstance(value, comps[name].config):
                raise OptionError(f"the config of {name!r} must be a {comps[name].config.__name__}, "
                                  f"got {type(value).__name__}")
        self.configs: dict[str, Any] = dict(configs)
        shorthands: dict[str, dict[str, Any]] = {}
        if summary_words is not None:
            shorthands.setdefault("summary", {})["words"] = summary_words
        if focus is not None:
            shorthands.setdefault("summary", {})["focus"] = focus
        if entity_rules is not None:
            shorthands.setdefault("entities", {})["rules"] = entity_rules
        for name, changes in shorthands.items():
            self.configs[name] = _with(self.config(name), name, changes)
        if self.only is not None:
            registry.order(self.only)  # unknown names fail here, before any work

    def with_settings(self, settings: Sequence[str]) -> Options:
        """Return a copy with ``component.field=value`` settings applied (``--set`` on the CLI).

        Values are read as the field's type (int, float, bool, str, or empty for ``None``).

        Raises:
            OptionError: on a malformed setting, an unknown component or field, or a value
                of the wrong type or out of range.
        """
        configs = dict(self.configs)
        for item in settings:
            key, sep, raw = item.partition("=")
            name, dot, fname = key.strip().partition(".")
            if not sep or not dot or not name or not fname:
                raise OptionError(f"--set expects component.setting=value, got {item!r}")
            current = configs.get(name) if name in configs else self.config(name)
            configs[name] = _with(current, name, {fname: _coerce(current, name, fname, raw.strip())})
        out = Options(manifest=self.manifest, lang=self.lang, max_bytes=self.max_bytes,
                      remove_furniture=self.remove_furniture, only=self.only, parallel=self.parallel,
                      **configs)
        return out

    def config(self, name: str) -> Any:
        """Return the config of component ``name`` (its defaults unless one was given)."""
        if name in self.configs:
            return self.configs[name]
        return registry.default_config(name)

    @property
    def summary_words(self) -> int:
        """The summary's word budget."""
        return int(self.config("summary").words)

    @property
    def focus(self) -> str | None:
        """The summary's focus, if any."""
        focus = self.config("summary").focus
        return str(focus) if focus is not None else None

    def __repr__(self) -> str:
        return (f"Options(manifest={self.manifest!r}, lang={self.lang!r}, max_bytes={self.max_bytes}, "
                f"remove_furniture={self.remove_furniture}, only={self.only!r}, parallel={self.parallel!r}, "
                f"configs={self.configs!r})")


def _with(config: Any, name: str, changes: Mapping[str, Any]) -> Any:
    fields = {f.name for f in dataclasses.fields(config)}
    unknown = set(changes) - fields
    if unknown:
        raise OptionError(f"the {name} analysis has no setting {', '.join(sorted(unknown))}; "
                          f"it has {', '.join(sorted(fields)) or 'none'}")
    try:
        return replace(config, **changes)
    except (TypeError, ValueError) as exc:
        raise OptionError(f"bad setting for the {name} analysis: {exc}") from exc


def _coerce(config: Any, name: str, field_name: str, raw: str) -> Any:
    """Read a ``--set`` value as the type of the config field's current value."""
    if not hasattr(config, field_name):
        return raw  # _with names the unknown field
    current = getattr(config, field_name)
    try:
        if raw == "" and (current is None or isinstance(current, str)):
            return None if current is None else ""
        if isinstance(current, bool):
            if raw.lower() not in ("true", "false", "yes", "no", "1", "0"):
                raise ValueError(raw)
            return raw.lower() in ("true", "yes", "1")
        if isinstance(current, int):
            return int(raw)
        if isinstance(current, float):
            return float(raw)
        if current is None or isinstance(current, str):
            return raw
    except ValueError:
        raise OptionError(f"{name}.{field_name} must be a {type(current).__name__}, got {raw!r}") from None
    raise OptionError(f"{name}.{field_name} cannot be set from the command line")


def describe_settings() -> list[str]:
    """Return one line per analysis and per setting: ``name.setting = default  (type)``.

    The first line of each analysis names what it requires and produces.
    """
    lines: list[str] = []
    for comp in registry.order():
        lines.append(f"{comp.name}: requires {', '.join(comp.requires)}; produces {', '.join(comp.produces)}")
        cfg = comp.config()
        for f in dataclasses.fields(cfg):
            value = getattr(cfg, f.name)
            if isinstance(value, (bool, int, float, str)) or value is None:
                lines.append(f"  {comp.name}.{f.name} = {value!r}")
    return lines


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
    prior: Sequence[Article] = (),
) -> Dossier:
    """Run the NLP pass and the registered analyses over articles already read.

    Args:
        articles: the articles of the dossier.
        rejected: inputs that could not be read (kept in the dossier).
        options: configs and the ``only`` selection.
        store: where parses are cached.
        progress: progress callback ``(stage, done, total)``.
        prior: articles the reader has already seen: they are parsed and given to the
            analyses that use them (the summary then says what is new), never shown.
    """
    options = options or Options()
    progress = progress or _noop
    timer = _Timer()
    with timer.stage("parse"):
        ids = {a.id for a in articles}
        docs, problems = _parse([*articles, *(a for a in prior if a.id not in ids)], store, progress)
    with docs:
        with timer.stage("parse"):
            problems = [p for p in problems if p.article in ids]
            parsed = [a for a in articles if a.id in docs]
            sentences, mentions = nlp.parse_all(parsed, docs)
        dossier = Dossier(
            articles=tuple(articles),
            rejected=tuple(rejected),
            sentences=tuple(sentences),
            mentions=tuple(mentions),
            problems=tuple(problems),
        )
        dossier = run_analyses(dossier, docs, options, progress=progress, timer=timer,
                               prior=tuple(a for a in prior if a.id not in ids))
    return replace(dossier, timings=timer.timings)


def build_per_story(
    inputs: Sequence[str | Path],
    options: Options | None = None,
    *,
    store: Store | None = None,
    progress: Progress | None = None,
) -> list[Dossier]:
    """Build one dossier per story the inputs span (the corpus's own story clustering).

    The articles are read and parsed once; the stories component sorts them, and every
    analysis then runs on each story's articles alone, so names, quotes and points never mix
    across stories. Each dossier lists its story in ``stories`` and keeps the build's
    rejections.

    Raises:
        NoArticlesError: if no input yields an article.
    """
    options = options or Options()
    progress = progress or _noop
    result = ingest(inputs, manifest=options.manifest, lang=options.lang, max_bytes=options.max_bytes,
                    remove_furniture=options.remove_furniture)
    if not result.articles:
        raise NoArticlesError(result.rejected)
    timer = _Timer()
    with timer.stage("parse"):
        docs, problems = _parse(result.articles, store, progress)
    with docs:
        parsed = [a for a in result.articles if a.id in docs]
        sentences, mentions = nlp.parse_all(parsed, docs)
        whole = Dossier(articles=tuple(result.articles), sentences=tuple(sentences), mentions=tuple(mentions))
        with timer.stage("stories"):
            comp = registry.component("stories")
            produced, story_problems = run_component(comp, whole, docs, _reads(comp, whole.articles, docs),
                                                     options.config("stories"))
        stories = tuple(produced.get("stories", ()))
        by_id = {a.id: a for a in result.articles}
        out: list[Dossier] = []
        for story in stories:
            ids = set(story.articles)
            arts = [by_id[i] for i in story.articles if i in by_id]
            d = Dossier(
                articles=tuple(arts), rejected=tuple(result.rejected),
                sentences=tuple(s for s in sentences if s.article in ids),
                mentions=tuple(m for m in mentions if m.span.article in ids),
                stories=(story,),
                problems=tuple(p for p in (*problems, *story_problems) if p.article is None or p.article in ids),
            )
            story_timer = _Timer()
            rest = Options(**{**_plain_options(options), "only": _all_but("stories", options.only)}, **options.configs)
            d = run_analyses(d, nlp.only(docs, ids), rest, progress=progress, timer=story_timer)
            out.append(replace(d, timings={**timer.timings, **story_timer.timings}))
    return out


def _plain_options(options: Options) -> dict[str, Any]:
    return {"manifest": options.manifest, "lang": options.lang, "max_bytes": options.max_bytes,
            "remove_furniture": options.remove_furniture, "parallel": options.parallel}


def _all_but(name: str, only: tuple[str, ...] | None) -> tuple[str, ...]:
    names = [c.name for c in registry.order(only)]
    return tuple(n for n in names if n != name)


def _parse(
    articles: Sequence[Article], store: Store | None, progress: Progress,
) -> tuple[nlp.Parses, list[Problem]]:
    """Parse every article; one that the parser fails on becomes a problem, not a crash."""
    total = len(articles)
    done = 0

    def on_parsed(n: int) -> None:
        nonlocal done
        done += n
        progress("parse", done, total)

    try:
        return nlp.parse(articles, cache=store, progress=on_parsed), []
    except nlp.ModelNotFound:
        raise
    except Exception:  # noqa: BLE001 - find the article(s) the parser fails on
        docs = nlp.Parses(nlp.load().vocab)
        problems: list[Problem] = []
        for art in articles:
            try:
                with nlp.parse([art], cache=store) as one:
                    docs.update(one)
            except nlp.ModelNotFound:
                raise
            except Exception as exc:  # noqa: BLE001 - isolated to this article
                problems.append(_problem("parse", art.id, exc))
        return docs, problems


def _problem(stage: str, article: str | None, exc: BaseException) -> Problem:
    return Problem(stage=stage, article=article, error=type(exc).__name__, message=str(exc)[:500])


def _reads(comp: Component, articles: Sequence[Article], docs: Mapping[str, Any]) -> tuple[Article, ...]:
    """The articles a component reads: parsed ones, in the languages it reads."""
    langs = comp.languages
    out = []
    for art in articles:
        if art.id not in docs and langs is not None:
            continue  # not parsed (a parse problem): only language-free analyses see it
        if langs is None or (art.language or UNDETERMINED) in langs or _english_enough(art, langs):
            out.append(art)
    return tuple(out)


def _english_enough(art: Article, langs: tuple[str, ...]) -> bool:
    """An undetermined language is read as English only when ingest did not flag it.

    Ingest flags every text whose language it could not recognise: those are left out of
    the English analyses (and listed). An article made in code without a language (the
    model's default ``"und"``) is read as English.
    """
    return (ENGLISH in langs and (art.language or UNDETERMINED) == UNDETERMINED
            and not any(f.startswith(UNRECOGNISED_LANGUAGE_FLAG) for f in art.flags))


def run_analyses(
    dossier: Dossier,
    docs: Mapping[str, Any],
    options: Options | None = None,
    *,
    progress: Progress | None = None,
    timer: _Timer | None = None,
    prior: tuple[Article, ...] = (),
) -> Dossier:
    """Run the registered analyses (all, or ``options.only`` and what they need) in order.

    Args:
        dossier: a dossier with at least its articles, sentences and mentions.
        docs: spaCy parses by article id.
        options: configs and the ``only`` selection.
        progress: progress callback ``(stage, done, total)``.
        timer: collects seconds per stage.
        prior: articles the reader has already seen (see :func:`dossier_from_articles`).
    """
    options = options or Options()
    progress = progress or _noop
    timer = timer or _Timer()
    for comp in registry.order(options.only):
        with timer.stage(comp.name):
            progress(comp.name, 0, 1)
            arts = _reads(comp, dossier.articles, docs)
            before = _reads(comp, prior, docs)
            config = options.config(comp.name)
            # a split analysis runs over chunks of articles on every core (not with prior
            # articles, which every chunk would need); the dossier is the one-process one
            split = None if before else run_split(comp, dossier, docs, arts, config, options.parallel, _problem)
            if split is not None:
                produced, problems = split
                _check_declared(comp, produced)
            else:
                produced, problems = run_component(comp, dossier, docs, arts, config, prior=before)
            dossier = _apply(dossier, comp, produced, problems)
            progress(comp.name, 1, 1)
    return dossier


def run_component(
    comp: Component, dossier: Dossier, docs: Mapping[str, Any], articles: tuple[Article, ...], config: Any,
    *, prior: tuple[Article, ...] = (),
) -> tuple[Produced, list[Problem]]:
    """Run one component, isolating the articles it fails on.

    Returns:
        What it produced (on the articles it does not fail on) and the problems found.
    """
    try:
        return _call(comp, dossier, docs, articles, config, prior), []
    except Exception as first:  # noqa: BLE001 - fault isolation at the stage boundary
        if len(articles) <= 1:
            return {}, [_problem(comp.name, articles[0].id if articles else None, first)]
        problems: list[Problem] = []
        good: list[Article] = []
        for art in articles:
            try:
                _call(comp, dossier, docs, (art,), config, prior)
                good.append(art)
            except Exception as exc:  # noqa: BLE001 - isolated to this article
                problems.append(_problem(comp.name, art.id, exc))
        if not problems:  # fails only on the set as a whole
            return {}, [_problem(comp.name, None, first)]
        try:
            return _call(comp, dossier, docs, tuple(good), config, prior), problems
        except Exception as exc:  # noqa: BLE001 - give up on this stage, keep the rest
            return {}, [*problems, _problem(comp.name, None, exc)]


def _call(comp: Component, dossier: Dossier, docs: Mapping[str, Any], articles: tuple[Article, ...],
          config: Any, prior: tuple[Article, ...] = ()) -> Produced:
    ids = {a.id for a in articles} | {a.id for a in prior}
    inputs = Inputs(dossier=dossier, docs=nlp.only(docs, ids), articles=articles,
                    prior=prior)
    produced = comp.func(inputs, config)
    _check_declared(comp, produced)
    return produced


def _check_declared(comp: Component, produced: Produced) -> None:
    extra = set(produced) - set(comp.produces)
    if extra:
        raise registry.RegistryError(f"analysis {comp.name!r} produced {sorted(extra)}, which it does not declare")


_CORE = frozenset(f.name for f in dataclasses.fields(Dossier))


def _apply(dossier: Dossier, comp: Component, produced: Produced, problems: Sequence[Problem]) -> Dossier:
    core: dict[str, Any] = {}
    extra = dict(dossier.extra)
    for name in comp.produces:
        value = tuple(produced.get(name, ()))
        if name in _CORE:
            core[name] = value
        else:
            extra[name] = value
    return replace(dossier, **core, extra=extra, problems=(*dossier.problems, *problems))
