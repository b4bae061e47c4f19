"""Running a split analysis over chunks of articles in worker processes (see :class:`Split`).

A component registered with a :class:`~newsdossier.registry.Split` can run its ``map`` over
chunks of articles on every core: the workers are forked from the build (they share the
dossier so far and the serialised parses, nothing is pickled to them), each takes chunks of
:attr:`ParallelConfig.chunk_articles` articles and sends its parts back; the parts are
concatenated in article order and reduced in the build's own process, so the dossier is the
one a single process makes.

Fault isolation is the pipeline's: a chunk that raises is re-run article by article in its
worker, the articles it fails on become problems and the chunk's other articles are mapped
again without them, exactly as :func:`~newsdossier.pipeline.run_component` does with the whole
set. Anything this cannot reproduce (a chunk that fails only as a whole, a reduce that raises,
a worker that dies) makes the stage run again in one process, where the pipeline's own
isolation applies.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from . import nlp
from .errors import OptionError
from .model import Article, Dossier, Problem
from .registry import Component, Inputs, Produced, Split

# problem(stage, article, exception) -> Problem (the pipeline's)
ProblemOf = Callable[[str, "str | None", BaseException], Problem]


@dataclass(frozen=True)
class ParallelConfig:
    """When the analyses that can be split run on several cores.

    Attributes:
        workers: worker processes; 0 is every core this process may use, 1 runs every
            analysis in the build's own process.
        min_articles: a stage reading fewer articles than this runs in one process (forking
            the workers and sending the results back costs more than it saves).
        chunk_articles: articles a worker maps at a time (smaller chunks balance the cores
            better, larger ones send fewer messages).
    """

    workers: int = 0
    min_articles: int = 150
    chunk_articles: int = 40

    def __post_init__(self) -> None:
        if self.workers < 0:
            raise OptionError(f"parallel.workers must be 0 (every core) or a positive count, not {self.workers}")
        if self.min_articles < 1 or self.chunk_articles < 1:
            raise OptionError("parallel.min_articles and parallel.chunk_articles must be positive")

    def processes(self, articles: int) -> int:
        """Return how many worker processes a stage over ``articles`` articles uses (1: none)."""
        if articles < self.min_articles or threading.current_thread() is not threading.main_thread():
            return 1  # small input; or a server's worker thread, where forking is unsafe
        if "fork" not in multiprocessing.get_all_start_methods():
            return 1
        wanted = self.workers or nlp.cores()
        return max(1, min(wanted, -(-articles // self.chunk_articles)))


# The stage the forked workers run: set by the build just before it forks them.
_JOB: tuple[Component, Dossier, Mapping[str, Any], tuple[Article, ...], Any, ProblemOf] | None = None


def _parts(comp: Component, split: Split, dossier: Dossier, docs: Mapping[str, Any],
           articles: tuple[Article, ...], config: Any) -> list[Any]:
    inputs = Inputs(dossier=dossier, docs=nlp.only(docs, {a.id for a in articles}), articles=articles)
    return split.parts(comp.func, inputs, config)


def _chunk(bounds: tuple[int, int]) -> tuple[list[Any], list[Problem], bool]:
    """Map one chunk in a worker: its parts, the problems of its articles, and whether it
    failed only as a whole (then the stage runs again in one process)."""
    assert _JOB is not None, "a worker runs only inside run_split"
    comp, dossier, docs, articles, config, problem = _JOB
    assert comp.split is not None
    chunk = articles[bounds[0]:bounds[1]]
    try:
        return _parts(comp, comp.split, dossier, docs, chunk, config), [], False
    except Exception:  # noqa: BLE001 - fault isolation, as run_component does
        problems: list[Problem] = []
        good: list[Article] = []
        for art in chunk:
            try:
                _parts(comp, comp.split, dossier, docs, (art,), config)
                good.append(art)
            except Exception as exc:  # noqa: BLE001 - isolated to this article
                problems.append(problem(comp.name, art.id, exc))
        if not problems:
            return [], [], True
        try:
            return _parts(comp, comp.split, dossier, docs, tuple(good), config), problems, False
        except Exception:  # noqa: BLE001 - the stage runs again in one process
            return [], [], True


def run_split(
    comp: Component, dossier: Dossier, docs: Mapping[str, Any], articles: tuple[Article, ...], config: Any,
    parallel: ParallelConfig, problem: ProblemOf,
) -> tuple[Produced, list[Problem]] | None:
    """Run a split component over chunks of ``articles`` in worker processes.

    Returns:
        What it produced and the problems of the articles it failed on; ``None`` when the
        stage should run in one process instead (too few articles, no split, or a failure
        the chunks cannot isolate).
    """
    global _JOB
    split = comp.split
    workers = parallel.processes(len(articles))
    if split is None or workers <= 1:
        return None
    size = parallel.chunk_articles
    bounds = [(lo, min(lo + size, len(articles))) for lo in range(0, len(articles), size)]
    _JOB = (comp, dossier, docs, articles, config, problem)
    # the workers' garbage collector would otherwise visit (and so copy) every page of the
    # build's objects: what exists at the fork is frozen, in the workers and here alike
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_chunk, bounds))
    except Exception:  # noqa: BLE001 - a worker died or a result could not be sent: one process
        return None
    finally:
        _JOB = None
        gc.unfreeze()
    if any(whole for _, _, whole in results):
        return None
    parts = [p for chunk_parts, _, _ in results for p in chunk_parts]
    problems = [p for _, chunk_problems, _ in results for p in chunk_problems]
    bad = {p.article for p in problems}
    good = tuple(a for a in articles if a.id not in bad)
    try:
        produced = split.join(Inputs(dossier=dossier, docs={}, articles=good), parts, config)
    except Exception:  # noqa: BLE001 - the stage runs again in one process
        return None
    return produced, problems

