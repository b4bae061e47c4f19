"""The component registry: every analysis declares what it requires and produces.

An analysis registers itself where it is defined, in the manner of spaCy's factories::

    @analysis("timeline", requires=("articles",), produces=("timeline",), config=TimelineConfig)
    def timeline_component(inputs: Inputs, config: TimelineConfig) -> Produced:
        return {"timeline": tuple(build_timeline(inputs.articles, inputs.docs, config))}

``requires`` and ``produces`` name fields of :class:`~newsdossier.model.Dossier` (or, for an
analysis that adds a section of its own, a new name: it is kept in ``Dossier.extra``). The
pipeline derives the order from these declarations (:func:`order`), checks that every
requirement is met, and runs each component with its config (the defaults of its config
dataclass, or what :class:`~newsdossier.pipeline.Options` carries for it).

A component is a pure function: no I/O, no global state, no printing. The same registered
functions run in ``build``, in batch mode, in the web app and inside Spark tasks.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .errors import NewsdossierError
from .model import Article, Dossier

# What the ingest and NLP passes provide before any analysis runs.
BASE_FIELDS: tuple[str, ...] = ("articles", "rejected", "sentences", "mentions")

# The modules whose import registers the built-in analyses (one line per analysis).
BUILTIN_MODULES: tuple[str, ...] = (
    "newsdossier.analysis.stories",
    "newsdossier.analysis.entities",
    "newsdossier.analysis.quotes",
    "newsdossier.analysis.reuse",
    "newsdossier.analysis.points.facts",
    "newsdossier.analysis.points.claims",
    "newsdossier.analysis.points.disagreements",
    "newsdossier.analysis.agreement",
    "newsdossier.analysis.timeline",
    "newsdossier.analysis.summary",
)

Produced = Mapping[str, tuple[Any, ...]]


class RegistryError(NewsdossierError, ValueError):
    """The registered components do not fit together (a cycle, a missing or doubled field)."""

    code = "registry"


@dataclass(frozen=True)
class NoConfig:
    """The config of a component that has no parameters."""


@dataclass(frozen=True)
class Inputs:
    """What a component receives.

    Attributes:
        dossier: the dossier so far (every field a component requires is filled).
        docs: spaCy parses by article id (only for the articles in ``articles``).
        articles: the articles this component reads: the English ones for an analysis that
            reads English (``languages=("en",)``), all of them otherwise.
        prior: articles the reader has already seen (an update: ``build --since``, batch
            ``prior_documents``), in the languages the component reads, with their parses in
            ``docs``; never part of the dossier.
    """

    dossier: Dossier
    docs: Mapping[str, Any]
    articles: tuple[Article, ...]
    prior: tuple[Article, ...] = ()

    def field(self, name: str) -> tuple[Any, ...]:
        """Return a required field of the dossier so far (core field or extra section)."""
        if name in _DOSSIER_FIELDS:
            value = getattr(self.dossier, name)
            return tuple(value)
        return tuple(self.dossier.extra.get(name, ()))


@dataclass(frozen=True)
class Split:
    """How a component runs over chunks of articles, so that the chunks can go to other cores.

    ``map(inputs, config)`` reads only ``inputs.articles`` (one chunk) and returns a list of
    picklable parts, the chunk's articles' parts in article order; ``reduce(inputs, parts,
    config)`` gets the parts of every chunk concatenated in article order (and ``inputs`` with
    every article, without parses) and returns what the component produces. The component's
    ``func`` must equal ``reduce`` after ``map`` over all the articles at once: the pipeline
    calls either and the dossier is the same (``tests/test_parallel.py`` checks it).

    With neither (:data:`PER_ARTICLE`), each article's results depend on that article alone
    (and on the dossier so far): ``func`` runs on each chunk and the chunks' results are
    concatenated field by field.
    """

    map: Callable[[Inputs, Any], list[Any]] | None = None
    reduce: Callable[[Inputs, list[Any], Any], Produced] | None = None

    def parts(self, func: Callable[[Inputs, Any], Produced], inputs: Inputs, config: Any) -> list[Any]:
        """Return the parts of the chunk ``inputs.articles``."""
        return self.map(inputs, config) if self.map is not None else [func(inputs, config)]

    def join(self, inputs: Inputs, parts: list[Any], config: Any) -> Produced:
        """Return what the component produces from the parts of every chunk, in article order."""
        if self.reduce is not None:
            return self.reduce(inputs, parts, config)
        out: dict[str, list[Any]] = {}
        for part in parts:
            for name, values in part.items():
                out.setdefault(name, []).extend(values)
        return {name: tuple(values) for name, values in out.items()}


PER_ARTICLE = Split()


@dataclass(frozen=True)
class Component:
    """A registered analysis.

    Attributes:
        name: the stage name (shown in progress bars, timings and problems).
        func: ``func(inputs, config) -> {field: tuple of model objects}``.
        requires: the fields it reads.
        produces: the fields it fills.
        config: its config dataclass (every field has a documented default).
        languages: the article languages it reads; ``None`` reads every article.
        title: the section heading renderers use for a field kept in ``Dossier.extra``.
        optional: required fields it uses when present but can do without.
        split: how it runs over chunks of articles on several cores (see :class:`Split`);
            ``None`` runs it in one piece.
    """

    name: str
    func: Callable[[Inputs, Any], Produced]
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    config: type = NoConfig
    languages: tuple[str, ...] | None = ("en",)
    title: str = ""
    optional: tuple[str, ...] = field(default=())
    split: Split | None = None


_DOSSIER_FIELDS = frozenset(f.name for f in dataclasses.fields(Dossier))
_REGISTRY: dict[str, Component] = {}


def analysis(
    name: str,
    *,
    requires: Sequence[str] = ("articles",),
    produces: Sequence[str],
    config: type = NoConfig,
    languages: Sequence[str] | None = ("en",),
    title: str = "",
    optional: Sequence[str] = (),
    split: Split | bool | None = None,
) -> Callable[[Callable[[Inputs, Any], Produced]], Callable[[Inputs, Any], Produced]]:
    """Register the decorated function as the analysis ``name``.

    ``split`` says how the analysis can run over chunks of articles in worker processes: a
    :class:`Split`, or ``True`` when each article's results depend on that article alone (and
    the dossier so far), so the chunks' results are concatenated (:data:`PER_ARTICLE`).

    Raises:
        RegistryError: if ``config`` is not a dataclass whose fields all have defaults, or a
            different component of that name (or producing one of the same fields) exists.
    """

    def register(func: Callable[[Inputs, Any], Produced]) -> Callable[[Inputs, Any], Produced]:
        if not dataclasses.is_dataclass(config):
            raise RegistryError(f"the config of analysis {name!r} must be a dataclass")
        for f in dataclasses.fields(config):
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise RegistryError(f"config field {config.__name__}.{f.name} of analysis {name!r} needs a default")
        how = PER_ARTICLE if split is True else (split or None)
        comp = Component(name, func, tuple(requires), tuple(produces), config,
                         tuple(languages) if languages is not None else None, title, tuple(optional), how)
        old = _REGISTRY.get(name)
        if old is not None and (old.func.__module__, old.func.__qualname__) != (func.__module__, func.__qualname__):
            raise RegistryError(f"two analyses are called {name!r} ({old.func.__module__} and {func.__module__})")
        for other in _REGISTRY.values():
            clash = set(other.produces) & set(comp.produces)
            if other.name != name and clash:
                raise RegistryError(f"analyses {other.name!r} and {name!r} both produce {sorted(clash)}")
        _REGISTRY[name] = comp
        return func

    return register


def unregister(name: str) -> None:
    """Remove a registered analysis (for tests and plug-ins that replace one)."""
    _REGISTRY.pop(name, None)


@contextmanager
def override(name: str, func: Callable[[Inputs, Any], Produced]) -> Iterator[Component]:
    """Run ``func`` in place of analysis ``name`` inside the block (plug-ins and tests).

    Raises:
        RegistryError: if no analysis has this name.
    """
    old = component(name)
    # a map of the old function's own no longer matches the new function: run it whole
    split = old.split if old.split is None or old.split.map is None else None
    _REGISTRY[name] = dataclasses.replace(old, func=func, split=split)
    try:
        yield old
    finally:
        _REGISTRY[name] = old


def load_builtins() -> None:
    """Import the built-in analysis modules so that they register themselves."""
    for mod in BUILTIN_MODULES:
        importlib.import_module(mod)


def components() -> dict[str, Component]:
    """Return every registered component by name (built-ins loaded)."""
    load_builtins()
    return dict(_REGISTRY)


def component(name: str) -> Component:
    """Return one registered component.

    Raises:
        RegistryError: if no analysis has this name.
    """
    comps = components()
    if name not in comps:
        raise RegistryError(f"no analysis is called {name!r}; known: {', '.join(sorted(comps))}")
    return comps[name]


def order(targets: Iterable[str] | None = None) -> list[Component]:
    """Return the components to run, in an order where every requirement comes first.

    Args:
        targets: names of components or fields wanted; ``None`` runs every component. Only
            what the targets need (transitively) is returned.

    Raises:
        RegistryError: on a cycle, a requirement nobody produces, or an unknown target.
    """
    comps = components()
    producer: dict[str, Component] = {}
    for comp in comps.values():
        for f in comp.produces:
            producer[f] = comp
    wanted: list[Component]
    if targets is None:
        wanted = list(comps.values())
    else:
        wanted = []
        for t in targets:
            if t in comps:
                wanted.append(comps[t])
            elif t in producer:
                wanted.append(producer[t])
            elif t not in BASE_FIELDS:
                raise RegistryError(f"nothing produces {t!r}; known analyses: {', '.join(sorted(comps))}")
    out: list[Component] = []
    state: dict[str, str] = {}

    def visit(comp: Component, path: tuple[str, ...]) -> None:
        if state.get(comp.name) == "done":
            return
        if state.get(comp.name) == "active":
            raise RegistryError("analyses depend on each other in a cycle: " + " -> ".join((*path, comp.name)))
        state[comp.name] = "active"
        for need in (*comp.requires, *comp.optional):
            if need in BASE_FIELDS:
                continue
            dep = producer.get(need)
            if dep is None:
                if need in comp.optional:
                    continue
                raise RegistryError(f"analysis {comp.name!r} requires {need!r}, which no analysis produces")
            visit(dep, (*path, comp.name))
        state[comp.name] = "done"
        out.append(comp)

    for comp in sorted(wanted, key=lambda c: c.name):
        visit(comp, ())
    return _stable(out, comps)


def _stable(chosen: list[Component], comps: Mapping[str, Component]) -> list[Component]:
    """Keep a topological order but, among ready components, follow registration order."""
    names = {c.name for c in chosen}
    reg_order = [n for n in comps if n in names]
    producer = {f: c.name for c in chosen for f in c.produces}
    done: set[str] = set()
    out: list[Component] = []
    while len(out) < len(reg_order):
        for n in reg_order:
            if n in done:
                continue
            comp = comps[n]
            deps = {producer[r] for r in (*comp.requires, *comp.optional) if r in producer}
            if deps <= done:
                out.append(comp)
                done.add(n)
                break
    return out


def default_config(name: str) -> Any:
    """Return the default config of a component."""
    return component(name).config()


def check_config(name: str, value: Any) -> Any:
    """Return ``value`` if it is a config of component ``name``.

    Raises:
        RegistryError: if there is no such component or ``value`` has the wrong type.
    """
    comp = component(name)
    if not isinstance(value, comp.config):
        raise RegistryError(
            f"the config of analysis {name!r} must be a {comp.config.__name__}, got {type(value).__name__}"
        )
    return value
