"""The one-way layering of ``analyzer/`` (pyproject's import-linter contracts), checked by ``lint-imports``.

The real tree must keep every contract; a copy of it with one wrong-way import added (scoring
importing the report, a stage importing Streamlit, two modules of a stage importing each other)
must break the matching contract, so the check can fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT), "--no-cache", "--config", str(root / "pyproject.toml")], cwd=root,
                          env=env, capture_output=True, text=True, timeout=120)


def test_the_tree_keeps_every_contract():
    run = lint(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("scoring/profile.py", "import analyzer.report.build", "Stages import downward only"),
    ("taxonomy/loader.py", "import analyzer.resume.dates", "Stages import downward only"),
    ("code/portfolio.py", "import analyzer.skills.matcher", "Stages import downward only"),
    ("report/markdown.py", "import streamlit", "The library never imports a front end"),
    ("code/detectors.py", "from analyzer.code import repos", "No import cycles between the modules of a stage"),
])
def test_a_wrong_way_import_breaks_a_contract(tmp_path, module, line, contract):
    shutil.copytree(ROOT / "analyzer", tmp_path / "analyzer", ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "analyzer" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # added by the test\n", encoding="utf-8")
    run = lint(tmp_path)
    assert run.returncode != 0, run.stdout
    assert f"{contract} BROKEN" in run.stdout
