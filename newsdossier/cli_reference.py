"""The CLI reference in Markdown, generated from the commands themselves.

``python -m newsdossier.cli_reference > docs/cli.md``; a test keeps docs/cli.md current.
"""

from __future__ import annotations

from typing import Any

import click
import typer

from .cli import app


def _param_row(param: click.Parameter) -> str:
    if param.param_type_name == "argument":
        name = "`" + (param.name or "").upper() + "`"
        kind = "argument" + (" (one or more)" if getattr(param, "nargs", 1) == -1 else "")
    else:
        name = ", ".join(f"`{o}`" for o in param.opts)
        kind = "flag" if getattr(param, "is_flag", False) else "option"
    help_text = " ".join((getattr(param, "help", None) or "").split()).replace("|", "\\|")
    default = param.default
    shown = "" if default in (None, False, ()) or kind == "flag" else f" Default: `{default}`."
    required = " Required." if param.required else ""
    return f"| {name} | {kind} | {help_text}{required}{shown} |"


def reference() -> str:
    """Return the Markdown reference of every command."""
    group: Any = typer.main.get_command(app)
    lines = ["# Command-line reference", "", "Generated from the code by `python -m newsdossier.cli_reference`.", ""]
    ctx = click.Context(group, info_name="newsdossier")  # typer's click is click
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if cmd is None or cmd.hidden:
            continue
        lines += [f"## newsdossier {name}", "", " ".join((cmd.help or "").split()), ""]
        params = [p for p in cmd.params if p.name != "help"]
        if params:
            lines += ["| parameter | kind | meaning |", "|---|---|---|"]
            lines += [_param_row(p) for p in params]
            lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(reference())
