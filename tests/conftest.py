"""Shared fixtures: the seed articles and dev data (skipped cleanly when absent), a parser, a store."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "newsdossier" / "examples" / "brennick"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not present")
    return path


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not present")
    return path


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def nlp():
    from newsdossier import nlp as nd_nlp

    return nd_nlp.load()


@pytest.fixture()
def store():
    from newsdossier.store import Store

    s = Store(":memory:")
    yield s
    s.close()
