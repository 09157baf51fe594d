"""`jobready export`: a report stored in a real SQLite workspace, exported by the console script."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from analyzer.report.build import analyze
from analyzer.workspace import open_workspace

RUN_TIMEOUT_S = 120


def jobready_command() -> list[str]:
    """The console script beside this interpreter, else the module (as tests/cli does)."""
    script = Path(sys.executable).with_name("jobready")
    return [str(script)] if script.exists() else [sys.executable, "-m", "analyzer.cli"]


def assert_one_error_line(run: subprocess.CompletedProcess, *phrases: str) -> None:
    assert run.returncode == 2, run.stderr
    assert run.stdout == "" and "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and lines[0].endswith("."), run.stderr
    for phrase in phrases:
        assert phrase in lines[0], (phrase, lines[0])


@pytest.fixture(scope="module")
def stored(tmp_path_factory, resume_pdf_module):
    """(database URL, report id, report dict) with one note on the candidate."""
    folder = tmp_path_factory.mktemp("workspace")
    url = f"sqlite:///{folder / 'ws.sqlite3'}"
    report = analyze(resume_pdf_module).to_dict()
    with open_workspace(url) as ws:
        rid = ws.save_report("Casey Example", report)
        ws.add_note("Casey Example", "Practise the system design questions <b>twice</b>.")
    return url, rid, report


@pytest.fixture(scope="module")
def resume_pdf_module(tmp_path_factory) -> Path:
    from pdf_factory import build_resume_pdf

    return build_resume_pdf(tmp_path_factory.mktemp("resume") / "casey.pdf")


def export(url: str, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([*jobready_command(), "export", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=RUN_TIMEOUT_S)


def test_pdf_export_with_notes(stored, tmp_path):
    url, rid, report = stored
    run = export(url, rid, "--format", "pdf", "--notes", "-o", tmp_path / "casey.pdf")
    assert run.returncode == 0, run.stderr
    assert run.stdout == "" and "written to" in run.stderr
    data = (tmp_path / "casey.pdf").read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert f"{report['readiness']['score']:g}" in text
    assert "Practise the system design questions <b>twice</b>." in text


@pytest.mark.parametrize("suffix, marker", [(".html", "<!DOCTYPE html>"), (".md", "# Job-readiness report"),
                                            (".json", '{\n  "schema_version"')])
def test_the_format_follows_the_file_suffix(stored, tmp_path, suffix, marker):
    url, rid, _ = stored
    out = tmp_path / f"casey{suffix}"
    run = export(url, rid, "-o", out)
    assert run.returncode == 0, run.stderr
    assert out.read_text("utf-8").lstrip().startswith(marker)


def test_redacted_html_without_notes(stored, tmp_path):
    url, rid, report = stored
    out = tmp_path / "casey.html"
    run = export(url, rid, "--format", "html", "--redact", "-o", out)
    assert run.returncode == 0, run.stderr
    page = out.read_text("utf-8")
    assert report["candidate"]["email"] not in page and report["candidate"]["phone"] not in page
    assert "github.com/casey-example" not in page
    assert "Notes from your coach" not in page and "system design questions" not in page


def test_json_export_with_notes_wraps_report_and_notes(stored, tmp_path):
    url, rid, report = stored
    out = tmp_path / "casey.json"
    assert export(url, rid, "--notes", "-o", out).returncode == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["report"]["readiness"] == report["readiness"]
    assert [n["text"] for n in data["notes"]] == ["Practise the system design questions <b>twice</b>."]


def test_errors_are_one_line(stored, tmp_path):
    url, rid, _ = stored
    (tmp_path / "folder").mkdir()
    cases = {
        "unknown id": ((rid + 100, "-o", tmp_path / "x.pdf"), ("no report", str(rid + 100))),
        "not an id": (("abc", "-o", tmp_path / "x.pdf"), ("'abc' is not a report id",)),
        "missing folder": ((rid, "-o", tmp_path / "nowhere" / "x.pdf"), ("does not exist",)),
        "a folder as the file": ((rid, "-o", tmp_path / "folder"), ("is a folder",)),
        "unclear format": ((rid, "-o", tmp_path / "x.docx"), ("--format",)),
    }
    for name, (args, phrases) in cases.items():
        run = export(url, *args)
        assert_one_error_line(run, *phrases)
        assert not (tmp_path / "x.pdf").exists(), name


def test_an_unwritable_path_is_one_line(stored, tmp_path):
    """/proc takes no new files, even from root; nothing half-written is left behind."""
    url, rid, _ = stored
    run = export(url, rid, "--format", "pdf", "-o", "/proc/jobready-export.pdf")
    assert_one_error_line(run, "/proc", "choose another path")
    assert not Path("/proc/jobready-export.pdf").exists()
    locked = tmp_path / "locked"
    (locked / "casey.pdf").mkdir(parents=True)
    assert_one_error_line(export(url, rid, "-o", locked / "casey.pdf"), "is a folder")
