"""A frozen copy of the claims/numbers/disagreements analyses as of 2026-12-01 (commit 1418718).

Kept only so that ``bench/claims.py`` can run the previous method side by side with the current
one on the same parses; nothing in the package imports it.
"""
