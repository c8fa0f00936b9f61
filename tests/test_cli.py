"""The command line: every command documented, exit codes scripts can trust, real output."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from policykg.cli import main

from conftest import DATA, ITEMS, SEED_ITEM


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def store(tmp_path, runner):
    path = tmp_path / "store"
    result = runner.invoke(main, ["ingest", str(SEED_ITEM), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Exit codes" in result.output
    assert main.commands[command].help


def test_ingest_prints_a_summary(runner, tmp_path):
    result = runner.invoke(main, ["ingest", str(SEED_ITEM), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0
    assert "1 items ingested, 0 failed" in result.output


def test_partial_failure_exits_1_and_keeps_the_good_items(runner, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    report = tmp_path / "failed.jsonl"
    store = tmp_path / "s"
    result = runner.invoke(main, ["ingest", str(SEED_ITEM), str(bad), "--store", str(store), "--report", str(report)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output
    failures = [json.loads(line) for line in report.read_text().splitlines()]
    assert len(failures) == 1 and "empty.txt" in failures[0]["where"]
    rows = runner.invoke(main, ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?i a pk:NewsItem }", "--store", str(store),
                                "--format", "csv"])
    assert rows.output.splitlines()[1] == "1"


def test_nothing_ingested_exits_2(runner, tmp_path):
    result = runner.invoke(main, ["ingest", str(tmp_path / "missing.txt"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 2


def test_query_list_names_every_query(runner):
    result = runner.invoke(main, ["query", "--list"])
    assert result.exit_code == 0
    assert "adopted-or-proposed-by" in result.output


def test_query_json_is_sparql_results_json(runner, store):
    result = runner.invoke(main, ["query", "adopted-or-proposed-by", "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "vars" in data["head"] and data["results"]["bindings"]


def test_unknown_query_parameter_is_a_one_line_usage_error(runner, store):
    result = runner.invoke(main, ["query", "adopted-or-proposed-by", "--store", str(store), "-p", "nope=1"])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1


def test_bad_sparql_is_a_usage_error(runner, store):
    result = runner.invoke(main, ["sparql", "SELECT WHERE {", "--store", str(store)])
    assert result.exit_code == 2
    assert result.output.startswith("error:")


def test_stats_counts_classes_and_relations(runner, store):
    result = runner.invoke(main, ["stats", "--store", str(store), "--format", "json"])
    data = json.loads(result.output)
    assert data["totals"]["news items"] == 1
    assert data["classes"]["Institution"] >= 5
    assert data["relations"]["targetsSector"] >= 8


def test_export_writes_a_file(runner, store, tmp_path):
    out = tmp_path / "dump.nq"
    result = runner.invoke(main, ["export", "--store", str(store), "--format", "nquads", "--output", str(out)])
    assert result.exit_code == 0
    assert out.stat().st_size > 1000


def test_missing_store_for_reading_says_what_to_do(runner, tmp_path):
    result = runner.invoke(main, ["stats", "--store", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "policykg ingest" in result.output


def test_evaluate_prints_the_summary(runner):
    result = runner.invoke(main, ["evaluate", str(DATA / "gold-seed.json"), "--items", str(ITEMS)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith("entities P=")


def test_query_name_help_shows_the_query_in_full(runner):
    result = runner.invoke(main, ["query", "sectors-targeted", "--help"])
    assert result.exit_code == 0
    assert "Parameters:" in result.output and "entity" in result.output


def test_missing_required_parameter_names_it(runner, store):
    result = runner.invoke(main, ["query", "sectors-targeted", "--store", str(store)])
    assert result.exit_code == 2
    assert "entity" in result.output
