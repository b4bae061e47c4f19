"""Fuzzing ingest: thousands of hostile inputs, 0 crashes, 0 lost, every span intact, bounded.

The inputs come from the seeded generator in ``fuzzgen.py`` (2,000 a run; set
``NEWSDOSSIER_FUZZ_N`` and ``NEWSDOSSIER_FUZZ_SEED`` for longer or other runs). Each input is
its own folder, read by :func:`newsdossier.ingest.ingest` as a user's build would read it.
"""

from __future__ import annotations

import os
import resource
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from newsdossier import nlp as nd_nlp
from newsdossier.analysis.timeline import build_timeline
from newsdossier.ingest import DEFAULT_MAX_CHARS, ingest
from newsdossier.model import Article

from . import fuzzgen

N = int(os.environ.get("NEWSDOSSIER_FUZZ_N", "2000"))
SEED = int(os.environ.get("NEWSDOSSIER_FUZZ_SEED", "16"))
MAX_SECONDS = 2.0           # no single input may take longer
MAX_GROWTH_MB = 200         # nor raise the process's peak memory by more
HANG_SECONDS = 20           # an input still running after this is a hang: stop it and fail


class _Hang(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Hang()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    root = tmp_path_factory.mktemp("fuzz")
    warm = root / "warm"
    warm.mkdir()
    (warm / "p.html").write_text("<html><head><meta property='article:published_time' content='2024-45-06T08:00:00Z'>"
                                 "</head><body><article><p>" + fuzzgen.SENTENCE * 3 + "</p></article></body></html>")
    # the first page whose date only dateparser can try costs ~3 CPU s once a process (it compiles
    # the patterns of its 400 locales): paid here, not charged to one fuzzed input
    ingest([warm])
    base = _peak_mb()
    results = []
    old = signal.signal(signal.SIGALRM, _alarm)
    try:
        for cid, name, data in fuzzgen.cases(SEED, N):
            folder = root / cid
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            t0 = time.process_time()  # CPU seconds: the machine is shared, wall time is not ours
            signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
            error = None
            res = None
            try:
                res = ingest([folder])
            except _Hang:
                error = f"hang: over {HANG_SECONDS} s"
            except Exception as exc:  # noqa: BLE001 - the test counts every crash
                error = f"{type(exc).__name__}: {exc}"
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            results.append({"id": cid, "name": name, "size": len(data), "seconds": time.process_time() - t0,
                            "error": error, "result": res})
    finally:
        signal.signal(signal.SIGALRM, old)
    yield {"results": results, "growth": _peak_mb() - base}


def test_at_least_2000_inputs_across_every_format(fuzzed):
    results = fuzzed["results"]
    assert len(results) == N
    if N >= 2000:
        exts = {r["name"].rsplit(".", 1)[-1].lower() for r in results if "." in r["name"]}
        assert {"txt", "md", "html", "jsonl", "json", "rss", "atom", "xml", "warc", "gz", "arc", "src"} <= exts


def test_no_input_crashes_ingest(fuzzed):
    crashes = [(r["id"], r["name"], r["error"]) for r in fuzzed["results"] if r["error"]]
    internal = [(r["id"], r["name"], j.reason) for r in fuzzed["results"] if r["result"]
                for j in r["result"].rejected if j.reason.startswith("internal error")]
    assert not crashes, crashes[:10]
    assert not internal, internal[:10]


def test_every_input_is_an_article_or_a_rejection_with_a_reason(fuzzed):
    lost = [(r["id"], r["name"]) for r in fuzzed["results"]
            if r["result"] and not r["result"].articles and not r["result"].rejected]
    assert not lost, lost[:10]
    for r in fuzzed["results"]:
        if r["result"]:
            for j in r["result"].rejected:
                assert j.reason.strip() and j.source
                (j.source + j.reason).encode("utf-8")  # printable, storable


def test_every_article_is_clean_and_its_spans_round_trip(fuzzed):
    n = 0
    for r in fuzzed["results"]:
        for art in (r["result"].articles if r["result"] else []):
            n += 1
            _check_article(art)
    assert n > 100  # the mutations keep enough inputs readable to test the rest


def _check_article(art: Article) -> None:
    text = art.text
    assert text.strip() and len(text) <= DEFAULT_MAX_CHARS
    text.encode("utf-8")
    for value in (art.title, art.author, art.outlet, art.url, art.published, art.source, art.input_id):
        if value is not None:
            value.encode("utf-8")
    whole = art.span(0, len(text))
    assert whole.text == text
    last = 0
    for rem in art.removed:
        assert rem.end - rem.start == len(rem.text) and rem.reason
        assert last <= rem.at <= len(text)
        last = rem.at


def test_no_input_takes_over_2_seconds_or_200_mb(fuzzed):
    slow = sorted(((round(r["seconds"], 2), r["id"], r["name"], r["size"]) for r in fuzzed["results"]
                   if r["seconds"] > MAX_SECONDS), reverse=True)
    assert not slow, slow[:10]
    assert fuzzed["growth"] < MAX_GROWTH_MB


def test_fuzzed_articles_parse_and_date_without_error(fuzzed, nlp):
    arts = [a for r in fuzzed["results"] for a in (r["result"].articles if r["result"] else [])]
    sample = sorted(arts, key=lambda a: a.id)[:40]
    sample = [a for a in sample if len(a.text) < 20_000]
    docs = nd_nlp.parse(sample, nlp=nlp)
    for art in sample:
        for span in nd_nlp.sentences(art, docs[art.id]):
            assert art.text[span.start:span.end] == span.text
        for m in nd_nlp.mentions(art, docs[art.id]):
            assert art.text[m.span.start:m.span.end] == m.span.text
    for ev in build_timeline(sample, docs):
        assert ev.span.text == next(a for a in sample if a.id == ev.span.article).text[ev.span.start:ev.span.end]


def test_generator_is_deterministic():
    a = [(c, n, d[:64]) for c, n, d in fuzzgen.cases(3, 50)]
    b = [(c, n, d[:64]) for c, n, d in fuzzgen.cases(3, 50)]
    assert a == b


def test_names_with_rich_markup_and_slashes_are_kept(tmp_path: Path):
    for i, name in enumerate(["[red]x[/].txt", "[/]y.txt", "a[b]c.txt"]):
        p = tmp_path / str(i) / name
        p.parent.mkdir(parents=True)
        p.write_text(fuzzgen.SENTENCE * 2)
    res = ingest([tmp_path])
    assert len(res.articles) == 1 and len(res.rejected) == 2  # the same text: two duplicates
    assert any("[/]" in a.source for a in res.articles + res.rejected)


def test_builds_of_folders_of_fuzzed_inputs_finish_without_a_problem(tmp_path: Path, store):
    # issue 16: whole builds of folders of 25 fuzzed inputs crashed (322 of the first 414); the
    # second folder of this seed holds an 80 KB run of brackets that spaCy's tokenizer spent
    # over 5 minutes on (about 37 projected: the run's affixes were split in quadratic time)
    from newsdossier.pipeline import build_dossier

    cases = list(fuzzgen.cases(414, 50))
    old = signal.signal(signal.SIGALRM, _alarm)
    try:
        for k in range(2):
            folder = tmp_path / str(k)
            for cid, name, data in cases[25 * k:25 * (k + 1)]:
                path = folder / cid / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            signal.setitimer(signal.ITIMER_REAL, 120)
            t0 = time.process_time()
            dossier = build_dossier([folder], store=store)
            signal.setitimer(signal.ITIMER_REAL, 0)
            assert time.process_time() - t0 < 60
            assert dossier.articles and not dossier.problems, dossier.problems
            dossier.validate()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
