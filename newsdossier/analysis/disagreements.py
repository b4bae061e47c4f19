"""Where sources agree and disagree: see :mod:`newsdossier.analysis.points.disagreements`."""

from __future__ import annotations

from .points.disagreements import find_disagreements

__all__ = ["find_disagreements"]
