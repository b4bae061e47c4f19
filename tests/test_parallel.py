"""Split analyses on several cores: the dossier is byte for byte the one-process dossier."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from newsdossier import registry
from newsdossier.model import Dossier
from newsdossier.pipeline import Options, build_dossier
from newsdossier.pipeline_parallel import ParallelConfig
from newsdossier.render.json import to_json
from newsdossier.store import Store

SERIAL = ParallelConfig(workers=1)
# every split stage forked to two workers, two articles a chunk
FORKED = ParallelConfig(workers=2, min_articles=1, chunk_articles=2)
_MARK = "Quorveline"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, data_dir: Path) -> tuple[Path, Store]:
    """24 Multi-News articles (one with a marker word), parsed once into a store."""
    texts: list[str] = []
    for line in (data_dir / "multinews_val250.jsonl").open():
        texts.extend(json.loads(line)["documents"])
        if len(texts) >= 24:
            break
    texts = texts[:24]
    texts[5] = texts[5] + f"\n\nThe {_MARK} count rose to 12 on Monday."
    tmp = tmp_path_factory.mktemp("parallel")
    src = tmp / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": str(i), "text": t, "published": f"2024-03-{1 + i % 9:02d}"})
                             for i, t in enumerate(texts)))
    return src, Store(tmp / "parses.db")


def _json(src: Path, store: Store, parallel: ParallelConfig) -> str:
    return _untimed(build_dossier([src], Options(parallel=parallel), store=store))


def _untimed(dossier: Dossier) -> str:
    """``dossier.json`` without the seconds each stage took (the only part that may differ)."""
    return to_json(replace(dossier, timings={}))


def test_split_stages_on_two_workers_give_the_one_process_dossier(inputs):
    src, store = inputs
    assert {c.name for c in registry.order() if c.split is not None} >= {"facts", "timeline", "quotes"}
    serial = _json(src, store, SERIAL)
    forked = _json(src, store, FORKED)
    assert all(json.loads(serial)[k] for k in ("timeline", "facts", "quotes", "claims"))
    assert forked == serial


def test_an_article_failing_in_a_worker_is_a_problem_with_its_article(inputs):
    src, store = inputs
    original = registry.component("facts").func

    def failing(inp, config):
        if any(_MARK in a.text for a in inp.articles):
            raise RuntimeError(f"injected failure in process {os.getpid()}")
        return original(inp, config)

    with registry.override("facts", failing):
        assert registry.component("facts").split is not None  # still run in the workers
        serial = build_dossier([src], Options(parallel=SERIAL), store=store)
        forked = build_dossier([src], Options(parallel=FORKED), store=store)
    bad = next(a.id for a in forked.articles if _MARK in a.text)
    assert [(p.stage, p.article, p.error) for p in forked.problems] == [("facts", bad, "RuntimeError")]
    assert forked.facts and all(f.span.article != bad for f in forked.facts)
    assert serial.problems[0].message == f"injected failure in process {os.getpid()}"
    assert forked.problems[0].message != serial.problems[0].message  # it failed in a worker
    assert _untimed(replace(forked, problems=())) == _untimed(replace(serial, problems=()))


def test_small_inputs_and_server_threads_stay_in_one_process():
    import threading

    cfg = ParallelConfig(workers=2, min_articles=100, chunk_articles=10)
    assert cfg.processes(99) == 1
    assert cfg.processes(100) == 2
    assert ParallelConfig(workers=2, min_articles=1, chunk_articles=50).processes(30) == 1  # one chunk
    seen: list[int] = []
    thread = threading.Thread(target=lambda: seen.append(cfg.processes(1000)))
    thread.start()
    thread.join()
    assert seen == [1]


def test_bad_parallel_settings_are_option_errors():
    from newsdossier.errors import OptionError

    with pytest.raises(OptionError):
        ParallelConfig(workers=-1)
    with pytest.raises(OptionError):
        ParallelConfig(chunk_articles=0)
    with pytest.raises(OptionError):
        Options(parallel="yes")  # type: ignore[arg-type]
