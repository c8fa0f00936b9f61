"""The ``graph export``, ``graph stats`` and ``validate`` commands; :func:`register` adds them to ``policykg``.

Thin layers over :mod:`policykg.graphs` and :mod:`policykg.validate`. Register them
at the end of ``cli.py`` (``from .cli_graph import register; register(main)``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import api
from .cli import EXIT_PARTIAL, open_output, output_option, store_option
from .graphs import GRAPH_FORMATS, PROJECTIONS, entity_graph, graph_stats, projection, write_graph

EXIT_CODES_HELP = (
    "Exit codes: 0 all good; 1 finished but the graph did not conform; "
    "2 usage error or unreadable input; 3 internal error."
)

lang_option = click.option(
    "--lang", type=click.Choice(["en", "nl"]), default="en", show_default=True,
    help="Preferred language of the node labels.",
)


@click.group(epilog=EXIT_CODES_HELP)
def graph() -> None:
    """Analyse the entity graph with networkx: export it, compute centrality and communities.

    Nodes are the entities that news items mention; edges are the pk: relations
    the news states, weighted by the number of news items that state them.
    """


@graph.command("export", epilog=EXIT_CODES_HELP)
@store_option
@click.option("--format", "fmt", type=click.Choice(sorted(GRAPH_FORMATS)), default="graphml", show_default=True,
              help="graphml, gexf (Gephi), json (node-link) or csv (edge list).")
@click.option("--projection", "projection_name", type=click.Choice(sorted(PROJECTIONS)), default=None,
              help="Export a projection instead of the whole entity graph.")
@lang_option
@output_option
def export_graph(store: Path, fmt: str, projection_name: str | None, lang: str, output: Path | None) -> None:
    """Write the entity graph (or a projection of it) as a networkx file."""
    graph_store = api.open_store(store, read_only=True)
    result = entity_graph(graph_store, lang=lang)
    if projection_name:
        result = projection(result, projection_name, store=graph_store)
    with open_output(output) as out:
        write_graph(result, fmt, out)


@graph.command("stats", epilog=EXIT_CODES_HELP)
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many nodes per ranking.")
@click.option("--projection", "projection_name", type=click.Choice(sorted(PROJECTIONS)), default=None,
              help="Statistics of a projection instead of the whole entity graph.")
@lang_option
def stats_graph(store: Path, fmt: str, top: int, projection_name: str | None, lang: str) -> None:
    """Degree and PageRank centrality, components, communities, most central institutions and instruments."""
    graph_store = api.open_store(store, read_only=True)
    result = entity_graph(graph_store, lang=lang)
    if projection_name:
        result = projection(result, projection_name, store=graph_store)
    report = graph_stats(result, top=top)
    if fmt == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    click.echo(f"nodes {report['nodes']}, edges {report['edges']}, "
               f"{report['components']['count']} weakly connected components (largest sizes "
               f"{', '.join(map(str, report['components']['sizes']))}), "
               f"{report['communities']['count']} communities ({report['communities']['method']})")
    for section in ("degree", "pagerank", "institutions", "instruments"):
        click.echo(f"\n{section}")
        for rank, entry in enumerate(report[section], 1):
            click.echo(f"  {rank:>3}. {entry['value']:.6f}  {entry['label']} ({entry['type'] or '?'})")
    click.echo("\ncommunities")
    for rank, community in enumerate(report["communities"]["top"], 1):
        members = ", ".join(m["label"] for m in community["members"])
        click.echo(f"  {rank:>3}. {community['size']:>4} nodes: {members}")


@click.command(epilog=EXIT_CODES_HELP)
@store_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="One line per violation, or a JSON list.")
def validate(store: Path, fmt: str) -> None:
    """Check the store against the SHACL shapes and the relations' domains and ranges.

    Prints each violation on one line, with the news item whose graph holds it.
    """
    from .validate import validate_store

    violations = validate_store(api.open_store(store, read_only=True))
    if fmt == "json":
        click.echo(json.dumps([v.to_dict() for v in violations], indent=2, ensure_ascii=False))
    else:
        for violation in violations:
            click.echo(str(violation))
    if violations:
        click.echo(f"{len(violations)} violation{'' if len(violations) == 1 else 's'}", err=True)
        sys.exit(EXIT_PARTIAL)
    if fmt == "text":
        click.echo("the graph conforms", err=True)


def register(main: click.Group) -> None:
    """Add ``graph`` and ``validate`` to ``main``; calling it again changes nothing."""
    for command in (graph, validate):
        if command.name not in main.commands:
            main.add_command(command)
