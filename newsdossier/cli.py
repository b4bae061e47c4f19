"""The command line: a thin layer that parses arguments, calls the library, reports errors."""

from __future__ import annotations

import functools
import json
import sys
import textwrap
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from . import __version__, corpus
from .analysis.stories import confident_split
from .corpus import DEFAULT_NEAR_THRESHOLD, NothingNewError, parse_since, story_dossier
from .errors import NewsdossierError, OptionError
from .ingest import DEFAULT_MAX_BYTES
from .model import Dossier
from .pipeline import NoArticlesError, Options, build_dossier, build_per_story
from .render import check_formats, write
from .store import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Build a dossier from many news articles about one story: every statement cites its source characters.",
)
err = Console(stderr=True, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsdossier {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """newsdossier: one story, many sources."""


class _Bars:
    """Rich progress bars, one per pipeline stage, on stderr."""

    def __init__(self, enabled: bool) -> None:
        self.progress = Progress(
            TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err, disable=not enabled, transient=False,
        )
        self.tasks: dict[str, TaskID] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total or None)
        self.progress.update(self.tasks[stage], completed=done, total=total or None)


def _fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error (the message is never read as markup) and return the exit to raise."""
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


def _errors(command: Callable[..., None]) -> Callable[..., None]:
    """Turn a deliberate error of the library into a one-line message and exit code 2."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except NewsdossierError as exc:
            raise _fail(str(exc)) from None

    return run


def _read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(f"cannot read the {what} file {path}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise _fail(f"the {what} file {path} is not valid JSON: {exc.msg} (line {exc.lineno})") from None


def _output_dir(output: Path) -> None:
    """Refuse an output folder that is a file, before any work starts."""
    if output.exists() and not output.is_dir():
        raise OptionError(f"-o {output} is a file; give a folder to write the dossier into")


def _positive(value: int, option: str) -> None:
    if value <= 0:
        raise OptionError(f"{option} must be a positive number, got {value}")


@app.command()
@_errors
def build(
    inputs: list[Path] | None = typer.Argument(None, help="Files and folders of articles (text, Markdown, HTML, JSONL, Multi-News, RSS/Atom, WARC)."),
    output: Path = typer.Option(..., "-o", "--output", help="Folder to write the dossier into."),
    story: str | None = typer.Option(None, "--story", help="Build the dossier of this story of the corpus (see `newsdossier stories`) instead of INPUTS."),
    since: str | None = typer.Option(None, "--since", help="With --story: only what arrived after DATE (YYYY-MM-DD), summarised against the articles before it."),
    manifest: Path | None = typer.Option(None, "--manifest", help="CSV or JSON: file or id -> outlet, published, url, title, author."),
    formats: str = typer.Option("json,md,html", "--format", help="Comma-separated output formats: json, jsonl (one item a line), md, html."),
    no_texts: bool = typer.Option(False, "--no-texts", help="Leave the article texts out of JSON and JSON Lines (every span keeps the characters it cites)."),
    per_story: bool = typer.Option(False, "--per-story", help="When the inputs span several stories, write one dossier per story into OUTPUT/<story id>/."),
    lang: str | None = typer.Option(None, "--lang", help="Keep only articles in this language (e.g. en)."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Reject input files larger than this."),
    keep_furniture: bool = typer.Option(False, "--keep-furniture", help="Do not remove page furniture."),
    db: Path | None = typer.Option(None, "--db", help="Corpus store holding the parse cache (default: ~/.local/share/newsdossier/corpus.db)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Parse everything again; do not read or write the parse cache."),
    words: int = typer.Option(120, "--words", help="Word budget of the summary."),
    focus: str | None = typer.Option(None, "--focus", help="Summarise what the articles say about this entity or question."),
    entity_rules: Path | None = typer.Option(None, "--entity-rules", help='JSON file of entity overrides: {"must_link": [[a, b]], "cannot_link": [[a, b]]}.'),
    min_confidence: float = typer.Option(0.0, "--min-confidence", help="Leave out quotes whose confidence (quote and speaker link) is below this, 0-1 (0: keep all; uncertain ones are marked; 0.5 keeps the ones not marked)."),
    settings: list[str] | None = typer.Option(None, "--set", help="Change a setting of one analysis: COMPONENT.SETTING=VALUE (e.g. summary.words=250, reuse.min_similarity=0.6); repeatable. `newsdossier settings` lists them."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
) -> None:
    """Build dossier.json, dossier.md and dossier.html for a set of articles, or for one story of the corpus."""
    if bool(inputs) == bool(story):
        raise _fail("give either INPUTS (files and folders) or --story ID, not both and not neither")
    if since and not story:
        raise _fail("--since needs --story ID (it compares a story's new articles with its earlier ones)")
    if since is not None:
        parse_since(since)  # a bad date fails here, before any work
    if story and no_cache:
        raise _fail("--story reads the corpus store; it cannot be combined with --no-cache")
    _positive(words, "--words")
    _positive(max_bytes, "--max-bytes")
    _output_dir(output)
    fmts = check_formats(formats.split(","))
    if manifest is not None and not manifest.is_file():
        raise _fail(f"cannot read manifest file {manifest}: no such file")
    rules = _read_json(entity_rules, "entity rules") if entity_rules else None
    options = Options(manifest=manifest, lang=lang, max_bytes=max_bytes, remove_furniture=not keep_furniture,
                      summary_words=words, focus=focus, entity_rules=rules
                      ).with_settings([f"quotes.min_confidence={min_confidence}", *(settings or [])])
    bars = _Bars(enabled=not quiet and sys.stderr.isatty())
    store: Store | None = None
    if per_story and story:
        raise _fail("--per-story sorts INPUTS into stories; a corpus --story is one story already")
    written: list[tuple[Dossier, dict[str, Path]]] = []
    try:
        store = None if no_cache else Store(db, must_exist=bool(story))
        with bars.progress:
            if story and store is not None:
                dossiers = [story_dossier(store, story, options, since=since, progress=bars)]
            elif per_story:
                dossiers = build_per_story([str(p) for p in inputs or ()], options, store=store, progress=bars)
            else:
                dossiers = [build_dossier([str(p) for p in inputs or ()], options, store=store, progress=bars)]
        for d in dossiers:
            where = output / d.stories[0].id if per_story and d.stories else output
            written.append((d, write(d, where, fmts, texts=not no_texts)))
    except NothingNewError as exc:
        raise _fail(str(exc), 1) from None
    except NoArticlesError as exc:
        for r in exc.rejected:
            err.print(f"rejected {r.source}: {r.reason}", highlight=False, markup=False)
        raise _fail("no article could be read from the inputs; nothing was written") from None
    except OSError as exc:
        raise _fail(f"cannot write the dossier into {output}: {exc.strerror or exc}") from None
    finally:
        if store is not None:
            store.close()
    for rj in written[0][0].rejected:
        err.print(f"[yellow]rejected[/] {escape(rj.source)}: {escape(rj.reason)}", highlight=False)
    for dossier, paths in written:
        for pr in dossier.problems:
            scope = f"article {pr.article}" if pr.article else "all articles"
            err.print(f"[yellow]problem[/] in {pr.stage} ({scope}): {pr.error}: {escape(pr.message)}", highlight=False)
        split = [] if per_story else confident_split(dossier.stories, options.config("stories"))
        if split:
            named = "; ".join(f"{textwrap.shorten(s.label, 40, placeholder=' …')} ({len(s.articles)})" for s in split[:3])
            err.print(f"[yellow]warning:[/] the inputs span {len(split)} stories "
                      f"({escape(named)}"
                      f"{' …' if len(split) > 3 else ''}); "
                      "--per-story writes one dossier per story", highlight=False)
        removed = sum(len(a.removed) for a in dossier.articles)
        label = f"story {dossier.stories[0].id}: " if per_story and dossier.stories else ""
        typer.echo(
            f"{label}{len(dossier.articles)} articles, {len(dossier.rejected)} rejected, {removed} furniture lines removed "
            f"in {sum(dossier.timings.values()):.1f}s"
        )
        for fmt, path in paths.items():
            typer.echo(f"{fmt:>4}: {path}")


@app.command()
@_errors
def settings() -> None:
    """List every analysis with its settings and defaults (change them with `build --set`)."""
    from .pipeline import describe_settings

    for line in describe_settings():
        typer.echo(line)


@app.command()
@_errors
def summarize(
    jsonl: Path = typer.Option(..., "--jsonl", help='Clusters, one {"id", "documents": [...], "query"?} object a line (the Multi-News format).'),
    output: Path = typer.Option(..., "-o", "--output", help='Where to write {"id", "summary", ...} lines.'),
    words: int = typer.Option(120, "--words", help="Word budget of each summary."),
    db: Path | None = typer.Option(None, "--db", help="Corpus store holding the parse cache."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the parse cache."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Summarise many clusters at once: one JSON line in, one summary line out."""
    from .batch import BatchLinesError, summarize_jsonl

    _positive(words, "--words")
    if not jsonl.is_file():
        raise _fail(f"no such clusters file: {jsonl}")
    _output_file(output)
    bars = _Bars(enabled=not quiet and sys.stderr.isatty())
    store: Store | None = None
    try:
        store = None if no_cache else Store(db)
        with bars.progress:
            count = summarize_jsonl(jsonl, output, words=words, cache=store,
                                    progress=lambda done, total: bars("summarize", done, total))
    except BatchLinesError as exc:
        err.print(f"[yellow]warning:[/] {escape(str(exc))}", highlight=False)
        typer.echo(f"summaries written to {output}; some lines failed (see above)")
        raise typer.Exit(1) from None
    except OSError as exc:
        raise _fail(f"cannot read or write the batch files: {exc}") from None
    finally:
        if store is not None:
            store.close()
    typer.echo(f"{count} summaries written to {output}")


DB_HELP = "Corpus store (default: ~/.local/share/newsdossier/corpus.db)."


def _open_store(db: Path | None, *, must_exist: bool = True) -> Store:
    """Open the corpus; every command but ``add`` refuses a corpus that does not exist."""
    return Store(db, must_exist=must_exist)


def _output_file(output: Path) -> None:
    if output.is_dir():
        raise OptionError(f"-o {output} is a folder; give the file to write the summaries into")


@app.command()
@_errors
def add(
    inputs: list[Path] = typer.Argument(..., help="Files and folders of articles (any format `build` reads)."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    manifest: Path | None = typer.Option(None, "--manifest", help="CSV or JSON: file or id -> outlet, published, url, title, author."),
    lang: str | None = typer.Option(None, "--lang", help="Keep only articles in this language (e.g. en)."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Reject input files larger than this."),
    keep_furniture: bool = typer.Option(False, "--keep-furniture", help="Do not remove page furniture."),
    near_threshold: float = typer.Option(DEFAULT_NEAR_THRESHOLD, "--near-threshold", help="Estimated Jaccard similarity (word 5-grams) that links two articles as near-duplicates."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """Add articles to the corpus: exact duplicates are stored once, near-duplicates are linked."""
    _positive(max_bytes, "--max-bytes")
    if manifest is not None and not manifest.is_file():
        raise _fail(f"cannot read manifest file {manifest}: no such file")
    store = _open_store(db, must_exist=False)
    try:
        with err.status("reading inputs", spinner="dots") if not quiet and sys.stderr.isatty() else nullcontext() as status:
            def progress(name: str) -> None:
                if status is not None:
                    status.update(f"reading {name}")
            report = corpus.add(store, [str(p) for p in inputs], manifest=manifest, lang=lang, max_bytes=max_bytes,
                                remove_furniture=not keep_furniture, near_threshold=near_threshold,
                                progress=progress)
    finally:
        store.close()
    for r in report.rejected:
        err.print(f"[yellow]rejected[/] {escape(r.source)}: {escape(r.reason)}", highlight=False)
    typer.echo(f"{len(report.added)} articles added, {len(report.existing)} already in the corpus, "
               f"{len(report.near_duplicates)} near-duplicate links, {len(report.rejected)} rejected "
               f"(corpus: {store.path})")
    if report.rejected and not report.added and not report.existing:
        raise typer.Exit(1)


def _story_table(infos: list[Any], title: str) -> None:
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for col in ("story", "articles", "outlets", "first", "last", "label"):
        table.add_column(col, overflow="fold", no_wrap=col in ("story", "first", "last"))
    for i in infos:
        table.add_row(i.id, str(i.size), ", ".join(i.outlets[:4]) + (" …" if len(i.outlets) > 4 else ""),
                      i.first or "", i.last or "", i.label)
    Console(soft_wrap=False).print(table)


@app.command()
@_errors
def stories(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    entities: str | None = typer.Option(None, "--entities", help="How entities are found for clustering: proxy (capitalised words, fast) or spacy (the NLP pass, cached). Default: the mode the corpus's stories started with, else proxy."),
    fmt: str = typer.Option("table", "--format", help="table or jsonl (one story a line)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Sort every article not yet in a story into one (incremental), then show the stories."""
    if fmt not in ("table", "jsonl"):
        raise _fail(f"--format must be table or jsonl, not {fmt!r}")
    store = _open_store(db)
    bars = _Bars(enabled=not quiet and sys.stderr.isatty())
    try:
        total = store.count_unassigned()
        done = 0

        def progress(n: int) -> None:
            nonlocal done
            done += n
            bars("stories", done, total)

        with bars.progress:
            report = corpus.assign_stories(store, entities=entities, progress=progress)  # type: ignore[arg-type]
        infos = corpus.stories(store)
    finally:
        store.close()
    if fmt == "jsonl":
        for i in infos:
            typer.echo(json.dumps(i.to_dict(), ensure_ascii=False))
        return
    _story_table(infos, f"{len(infos)} stories")
    typer.echo(f"{len(report.assignments)} articles assigned now, {report.new_stories} new stories "
               f"(corpus: {store.path})")


@app.command("list")
@_errors
def list_(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("table", "--format", help="table or jsonl (one article a line: id, input_id, source, story, ...)."),
    story: str | None = typer.Option(None, "--story", help="Only the articles of this story."),
) -> None:
    """List the articles of the corpus with their story and near-duplicate links."""
    if fmt not in ("table", "jsonl"):
        raise _fail(f"--format must be table or jsonl, not {fmt!r}")
    store = _open_store(db)
    try:
        rows = list(corpus.list_articles(store, story))
    finally:
        store.close()
    if fmt == "jsonl":
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
        return
    from rich.table import Table

    out = Console(soft_wrap=False)
    narrow = out.width < 110  # an 80-column terminal: the columns a reader needs, one line each
    cols = ("id", "story", "published", "outlet", "title") if narrow else (
        "id", "story", "published", "outlet", "title", "file", "dup. of")
    table = Table(title=f"{len(rows)} articles (full ids and sources: --format jsonl)")
    for col in cols:
        table.add_column(col, overflow="ellipsis", no_wrap=True, max_width=None if col == "title" else 24)
    for r in rows:
        row = [str(r["id"])[:8 if narrow else 12], r["story"] or "", (r["published"] or "")[:10],
               r["outlet"] or "", r["title"] or "", Path(r["source"] or "").name, (r["duplicate_of"] or "")[:12]]
        table.add_row(*row[: len(cols)])
    out.print(table)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True}, add_help_option=False)
def spark(ctx: typer.Context) -> None:
    """Corpus-scale jobs on Apache Spark: `spark ingest|dedup|stories ... -o OUT` (`spark --help` for details).

    \b
    spark ingest INPUTS... -o OUT     files, folders, JSONL, Multi-News, WARC -> articles.parquet
    spark dedup OUT -o OUT            near-duplicate links with MinHash LSH
    spark stories OUT -o OUT          sort the articles into stories
    Needs the spark extra (pip install 'newsdossier[spark]') and Java 17+.
    """
    from .scale.__main__ import main as spark_main

    code = spark_main(list(ctx.args), prog="newsdossier spark")
    if code:
        raise typer.Exit(code)


@app.command()
@_errors
def serve(
    db: Path | None = typer.Option(None, "--db", help="Corpus store (default: ~/.local/share/newsdossier/corpus.db)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Run the web app: upload articles, see the stories, read a story's dossier."""
    from .store import default_path
    from .web import serve as run_server

    path = db or default_path()
    typer.echo(f"newsdossier web app on http://{host}:{port}/ (corpus: {path})")
    run_server(path, host=host, port=port)


if __name__ == "__main__":  # pragma: no cover
    app()
