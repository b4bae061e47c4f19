"""English word lists: every list an analysis reads lives here, named and documented once.

Analyses import the names they need (``from ..lang import en``) and never define a word list
of their own. Each list is a ``frozenset`` (membership) or a ``tuple`` (order matters), and
each carries a comment that says what it is for and who reads it.
"""

from __future__ import annotations
