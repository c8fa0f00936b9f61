"""The wheel carries ontology/ and queries/: an installed policykg finds them and runs a query."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, SEED_ITEM


@pytest.mark.slow
def test_wheel_ships_the_data_and_runs_a_prepared_query(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("policykg-*.whl"))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import policykg, policykg.resources as r;"
        "assert str(r.ontology_dir()).startswith(sys.argv[1]), r.ontology_dir();"
        "store = policykg.open_store(None); policykg.ingest([sys.argv[2]], store=store);"
        "rows = policykg.query('adopted-or-proposed-by', store=store); print(len(rows))"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"}
    result = subprocess.run([sys.executable, "-c", script, str(target), str(SEED_ITEM)], cwd=work, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 0
