"""One error hierarchy: every error newsdossier raises on purpose is a :class:`NewsdossierError`.

Each subclass has a short machine-readable ``code`` and a message that says what went wrong
and what to do. The CLI turns any of them into a one-line message and exit code 2, the web
app into an HTTP 4xx answer; anything else is a bug and keeps its traceback.

Subclasses that used to derive from a builtin (``ValueError``, ``LookupError``, ...) keep that
base too, so ``except ValueError`` in existing callers still works.
"""

from __future__ import annotations


class NewsdossierError(Exception):
    """Base of every deliberate newsdossier error.

    Attributes:
        code: a short stable identifier of the kind of error (``"bad-option"``, ...).
        http_status: the HTTP status the web app answers with.
    """

    code: str = "error"
    http_status: int = 400


class OptionError(NewsdossierError, ValueError):
    """An option or configuration value is out of range; the message names it and its range."""

    code = "bad-option"


class InputError(NewsdossierError, ValueError):
    """An input file or record cannot be used; the message names it and says why."""

    code = "bad-input"


class OutputError(NewsdossierError, OSError):
    """The output cannot be written where it was asked; the message says where and why."""

    code = "bad-output"
