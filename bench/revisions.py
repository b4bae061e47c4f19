"""Shared by the benches that compare a rule as it was at a git revision with the rule now, on
labels keyed by ``sha1(article text)[:12]:start:end``.

    module_at("fadec0e", "newsdossier/analysis/timeline.py", "timeline_old")
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def span_key(text: str, start: int, end: int) -> str:
    """The stable id of a labelled span: ``sha1(article text)[:12]:start:end``."""
    return f"{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}:{start}:{end}"


def module_at(rev: str, path: str, name: str, replacements: Sequence[tuple[str, str]] = ()) -> ModuleType:
    """Import the file ``path`` of the package as it was at ``rev``, its relative imports made
    absolute (so it runs beside the package of today), after the literal ``replacements``."""
    src = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"],
                         check=True, capture_output=True, text=True).stdout
    for old, new in replacements:
        src = src.replace(old, new)
    package = path.removesuffix(".py").split("/")[:-1]

    def absolute(m: re.Match[str]) -> str:
        base = package[: len(package) - (len(m.group(1)) - 1)]
        return "from " + ".".join([*base, *([m.group(2)] if m.group(2) else [])]) + " "

    src = re.sub(r"(?m)^from (\.+)(\w*(?:\.\w+)*) ", absolute, src)
    file = Path(tempfile.mkdtemp()) / f"{name}.py"
    file.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module
