"""``jobready posting`` and ``jobready analyze --posting`` as real subprocesses: the JSON keys,
stdin, Markdown, and one ``Error:`` line (exit 2) for bad input, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jsonschema
import pytest
from pdf_factory import build_resume_pdf

from analyzer.postings import MAX_BYTES
from analyzer.report.build import report_schema

REPO_ROOT = Path(__file__).resolve().parents[2]
POSTING = "Backend Engineer (Go)\nRequirements:\n- 3+ years with Go or Rust\n- PostgreSQL\nNice to have:\n- Kubernetes\n"


def jobready(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("jobready")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "analyzer.cli"]
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_TOKEN", "GITHUB_API_URL")}
    return subprocess.run([*command, *map(str, args)], cwd=REPO_ROOT, env=env, input=stdin,
                          capture_output=True, timeout=180)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Every command of this module, started together (each pays ~2 s of start-up)."""
    d = tmp_path_factory.mktemp("postings")
    (d / "job.txt").write_text(POSTING, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    with open(d / "huge.txt", "wb") as handle:
        handle.write(b"Python " * (MAX_BYTES // 7 + 10))
    (d / "german.txt").write_text("Bürokraft gesucht\nWir suchen eine freundliche Person für unser Büro, die gerne "
                                  "mit Kunden spricht und die Termine plant.\n", encoding="utf-8")
    (d / "scripts.html").write_text("<html><body><script>document.write('Java')</script>"
                                    "<h1>Engineer</h1><ul><li>Elixir</li></ul></body></html>", encoding="utf-8")
    resume = build_resume_pdf(d / "casey.pdf")
    commands = {
        "json": (("posting", d / "job.txt"), None),
        "stdin": (("posting", "-", "--format", "markdown"), POSTING.encode()),
        "empty": (("posting", d / "empty.txt"), None),
        "empty stdin": (("posting", "-"), b""),
        "binary": (("posting", d / "binary.txt"), None),
        "huge": (("posting", d / "huge.txt"), None),
        "huge stdin": (("posting", "-"), b"Go " * (MAX_BYTES // 3 + 10)),
        "missing": (("posting", d / "nowhere.txt"), None),
        "german": (("posting", d / "german.txt"), None),
        "scripts": (("posting", d / "scripts.html"), None),
        "analyze": (("analyze", resume, "--posting", d / "job.txt"), None),
        "analyze markdown": (("analyze", resume, "--posting", "-", "--format", "markdown"), POSTING.encode()),
        "analyze bad posting": (("analyze", resume, "--posting", d / "empty.txt"), None),
    }
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(jobready, *args, stdin=stdin) for name, (args, stdin) in commands.items()}
        return {name: future.result() for name, future in futures.items()}


def test_posting_json_keys(runs):
    run = runs["json"]
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert {"title", "seniority", "skills", "warnings"} <= data.keys()
    assert data["title"] == "Backend Engineer (Go)" and data["seniority"]["years"] == 3
    skills = {s["name"]: s for s in data["skills"]}
    for skill in skills.values():
        assert {"id", "name", "requirement", "any_of", "evidence"} <= skill.keys()
        assert all({"text", "line"} <= e.keys() for e in skill["evidence"])
    assert skills["Go"]["requirement"] == "required" and skills["Kubernetes"]["requirement"] == "nice_to_have"
    assert skills["Go"]["any_of"] == skills["Rust"]["any_of"] == 1 and skills["PostgreSQL"]["any_of"] is None
    assert skills["PostgreSQL"]["evidence"] == [{"text": "- PostgreSQL", "line": 4}]


def test_posting_from_stdin_as_markdown(runs):
    run = runs["stdin"]
    assert run.returncode == 0, run.stderr
    text = run.stdout.decode()
    assert text.startswith("# Job posting: Backend Engineer (Go)")
    assert "## Required (3)" in text and "## Nice to have (1)" in text and "**Kubernetes**" in text


@pytest.mark.parametrize("case, phrases", [
    ("empty", ["empty.txt is empty"]),
    ("empty stdin", ["stdin is empty"]),
    ("binary", ["binary.txt is a binary file"]),
    ("huge", ["huge.txt is larger than 2 MB"]),
    ("huge stdin", ["stdin is larger than 2 MB"]),
    ("missing", ["nowhere.txt was not found"]),
    ("analyze bad posting", ["empty.txt is empty"]),
])
def test_bad_input_is_one_error_line(runs, case, phrases):
    run = runs[case]
    stderr = run.stderr.decode()
    assert run.returncode == 2, stderr
    assert "Traceback" not in stderr and run.stdout == b""
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and lines[0].endswith("."), stderr
    for phrase in phrases:
        assert phrase in lines[0]


def test_nothing_technical_is_a_warning(runs):
    run = runs["german"]
    assert run.returncode == 0
    data = json.loads(run.stdout)
    assert data["skills"] == []
    assert any("Nothing technical was found" in w for w in data["warnings"])
    assert "Warning: " in run.stderr.decode() and "Traceback" not in run.stderr.decode()


def test_html_scripts_are_not_read(runs):
    data = json.loads(runs["scripts"].stdout)
    assert [s["name"] for s in data["skills"]] == ["Elixir"]


def test_analyze_with_a_posting_adds_a_valid_match(runs):
    run = runs["analyze"]
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    jsonschema.validate(report, report_schema())
    assert report["match"]["posting"]["title"] == "Backend Engineer (Go)"
    assert report["match"]["items"][0]["requirement"] == "required"
    markdown = runs["analyze markdown"].stdout.decode()
    assert "## Match to the posting: Backend Engineer (Go)" in markdown and "Formula: 100 ×" in markdown
