"""The ``policykg`` command: a thin layer over :mod:`policykg.api`.

Exit codes: 0 all good; 1 finished, but some items failed (or the graph did not
conform); 2 usage error or unreadable input; 3 internal error.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import click

from . import __version__, api
from .errors import PolicykgError
from .store import DEFAULT_STORE, STORE_ENV
from .triples import MENTION_LEVELS

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

EXIT_CODES_HELP = (
    "Exit codes: 0 all good; 1 finished but some items failed; "
    "2 usage error or unreadable input; 3 internal error."
)

store_option = click.option(
    "--store",
    "store",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=STORE_ENV,
    default=DEFAULT_STORE,
    show_default=True,
    help=f"Store folder (Oxigraph on disk); also ${STORE_ENV}.",
)
result_format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Output format; json is the SPARQL 1.1 Query Results JSON format.",
)
output_option = click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write to FILE instead of stdout."
)


@contextmanager
def open_output(output: Path | None) -> Iterator[BinaryIO]:
    """The binary stream every command writes to: ``--output FILE``, else standard output."""
    if output is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
    else:
        with open(output, "wb") as fh:
            yield fh


def _fail(exc: PolicykgError, debug: bool) -> None:
    if debug:
        raise exc
    click.echo(f"error: {exc}", err=True)
    sys.exit(exc.exit_code)


class _Group(click.Group):
    """Turns policykg errors into one line and an exit code; anything else into exit code 3."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PolicykgError as exc:
            _fail(exc, ctx.obj.get("debug", False) if ctx.obj else False)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except BrokenPipeError:
            # the reader went away (``policykg query ... | head``): stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_PARTIAL)
        except Exception as exc:  # noqa: BLE001
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True)
            sys.exit(EXIT_INTERNAL)


@click.group(cls=_Group, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="policykg")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Build and query a knowledge graph of EU policy news (Dutch and English)."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@main.command(epilog=EXIT_CODES_HELP + " A store that another process has open is a usage error (2) unless it "
              "is free within --wait seconds.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@store_option
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None, help="Language of all items (default: detect).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the failed items as JSON Lines to FILE.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extract in N processes; the store is written by this one, with the same result.")
@click.option("--batch-size", type=click.IntRange(min=1), default=500, show_default=True,
              help="Items per atomic store write (a killed run loses at most the batch being written).")
@click.option("--wait", type=click.FloatRange(min=0), default=0, show_default=True, metavar="SECONDS",
              help="Wait this long for another process that has the store open (default: fail at once).")
@click.option("--mentions", type=click.Choice(MENTION_LEVELS), default="first", show_default=True,
              help="pk:Mention annotations (with character offsets) to keep: every occurrence of every entity, "
                   "the first occurrence of each, or none.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
def ingest(paths: tuple[Path, ...], store: Path, lang: str | None, report_path: Path | None, workers: int,
           batch_size: int, wait: float, mentions: str, progress: bool | None, quiet: bool) -> None:
    """Read news items into the store: files or folders of .txt, .md, .jsonl, .html, .rss, .atom;
    `-` reads JSON Lines from standard input.

    Each item goes into its own named graph; ingesting an item again (same id, URL or text)
    replaces it. A bad item is reported on one line and the others still go in. A killed run
    leaves every item complete or absent; run it again to add the rest.
    """
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show and not quiet:
        from tqdm import tqdm

        bar = tqdm(unit=" items", desc="ingest", file=sys.stderr)

    def on_item(entry) -> None:
        if bar is not None:
            bar.update(1)

    report = api.ingest(paths, store=store, lang=lang, on_item=on_item, workers=workers, batch_size=batch_size,
                        wait=wait, stdin=sys.stdin.buffer, mentions=mentions)
    if bar is not None:
        bar.close()
    for failure in report.failures:
        click.echo(f"error: {failure}", err=True)
    if report_path is not None:
        with open(report_path, "w", encoding="utf-8") as fh:
            for failure in report.failures:
                fh.write(json.dumps({"where": failure.where, "error": failure.message}, ensure_ascii=False) + "\n")
    if not quiet:
        click.echo(report.summary(), err=True)
    if report.items_failed and not report.items_ok:
        sys.exit(EXIT_USAGE)
    if report.items_failed:
        sys.exit(EXIT_PARTIAL)


@main.command(epilog=EXIT_CODES_HELP)
@store_option
@click.option("--format", "fmt", type=click.Choice(["turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml"]),
              default=None, help="RDF format  [default: from the --output extension, else turtle]; "
              "triple formats hold the union of all graphs.")
@click.option("--graph", default=None, metavar="IRI", help="Export only this named graph.")
@click.option("--union", is_flag=True, help="Merge the graphs: a dataset format gets the union in its default graph.")
@click.option("--class", "classes", multiple=True, metavar="CLASS",
              help="Only entities of CLASS (e.g. pk:Regulation; subclasses included), their descriptions and "
              "the relations among them (repeatable).")
@click.option("--since", default=None, metavar="DATE", help="Only news items published on or after DATE (YYYY-MM-DD).")
@click.option("--until", default=None, metavar="DATE", help="Only news items published on or before DATE (YYYY-MM-DD).")
@click.option("--source", "sources", multiple=True, metavar="TEXT",
              help="Only news items whose dcterms:source is TEXT (repeatable: any of them).")
@click.option("--void/--no-void", default=True, show_default=True,
              help="Start the dump with a VoID description of itself (graph pkg:void in dataset formats).")
@click.option("--gzip/--no-gzip", "gzip", default=None, help="Compress  [default: when --output ends in .gz].")
@output_option
def export(store: Path, fmt: str | None, graph: str | None, union: bool, classes: tuple[str, ...], since: str | None,
           until: str | None, sources: tuple[str, ...], void: bool, gzip: bool | None, output: Path | None) -> None:
    """Dump the store, or a selection of it, as RDF (streaming).

    Filters combine: `--class pk:Regulation --since 2024-01-01` exports the regulations that
    news items of 2024 and later mention.
    """
    from .formats import guess_rdf_format

    if fmt is None:
        fmt = guess_rdf_format(output).name if output is not None and output.suffix else "turtle"
    if gzip is None:
        gzip = output is not None and output.suffix.lower() == ".gz"
    options = dict(store=store, fmt=fmt, graph=graph, union=union, classes=classes, since=since, until=until,
                   sources=sources, void=void, gzip=gzip)
    with open_output(output) as out:
        api.export(out, **options)


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for param in params:
        if "=" not in param:
            raise click.BadParameter(f"{param!r} is not KEY=VALUE", param_hint="--param")
        key, value = param.split("=", 1)
        values[key.strip()] = value
    return values


def _write_results(solutions, fmt: str, output: Path | None) -> None:
    from .formats import write_results

    with open_output(output) as out:
        write_results(solutions, fmt, out)


@main.command(epilog=EXIT_CODES_HELP, context_settings={"help_option_names": []})
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--list", "list_", is_flag=True, help="List the prepared queries and their parameters.")
@click.option("--help", "-h", "help_", is_flag=True, help="Show this message, or with NAME the query's own help.")
@store_option
@result_format_option
@output_option
@click.pass_context
def query(ctx: click.Context, name: str | None, params: tuple[str, ...], list_: bool, help_: bool, store: Path,
          fmt: str, output: Path | None) -> None:
    """Run the prepared query NAME (queries/NAME.rq) over the store.

    `policykg query --list` lists the queries; `policykg query NAME --help` shows one in full.
    """
    from .queries import describe_query, list_queries, load_query, run_query

    if help_:
        click.echo(describe_query(load_query(name)) if name else ctx.get_help())
        return
    if list_ or not name:
        for q in list_queries():
            click.echo(f"{q.name}: {q.title}")
            for p in q.params:
                default = f" (default {p.default})" if p.default is not None else " (required)"
                click.echo(f"    --param {p.name}=<{p.type}>{default}  e.g. {p.example}")
        return
    graph_store = api.open_store(store, read_only=True)
    _write_results(run_query(graph_store.raw, name, _parse_params(params)), fmt, output)


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("query_or_file")
@store_option
@result_format_option
@output_option
def sparql(query_or_file: str, store: Path, fmt: str, output: Path | None) -> None:
    """Run ad-hoc SPARQL (text, or a .rq/.sparql file) over the union of all graphs."""
    text = query_or_file
    path = Path(query_or_file)
    if len(query_or_file) < 4096 and "\n" not in query_or_file and path.suffix in {".rq", ".sparql"}:
        if not path.is_file():
            raise click.BadParameter(f"no such file: {path}", param_hint="QUERY_OR_FILE")
        text = path.read_text(encoding="utf-8")
    _write_results(api.sparql(text, store=store), fmt, output)


@main.command(epilog=EXIT_CODES_HELP)
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store: Path, fmt: str) -> None:
    """Counts per class and per relation."""
    result = api.stats(store=store)
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
        return
    for section, counts in result.items():
        click.echo(section)
        width = max((len(k) for k in counts), default=0)
        for key, value in counts.items():
            click.echo(f"  {key:<{width}}  {value:>8}")


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--items", "items_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder with the news items the gold names.")
@click.option("--verbose", "-v", is_flag=True, help="List what was missed and what was spurious, per item.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the scores as JSON to FILE.")
def evaluate(gold: tuple[Path, ...], items_dir: Path, verbose: bool, json_path: Path | None) -> None:
    """Score extraction against gold annotations (the seed-gold.json format).

    GOLD is one or more gold files; each names its items in the --items folder.
    """
    report = api.evaluate(gold, items_dir)
    click.echo(report.format_text(verbose))
    if json_path is not None:
        json_path.write_text(json.dumps(report.to_dict(), indent=1), encoding="utf-8")


# the graph-analysis and validation commands live in their own module (imported last: it imports this one)
from .cli_graph import register as _register_graph_commands  # noqa: E402

_register_graph_commands(main)
