"""`jobready analyze` with code evidence: a local fake GitHub and real local folders.

The console script runs as a subprocess with ``GITHUB_API_URL`` aimed at
``tests/github_server.py`` on 127.0.0.1; folders are written to ``tmp_path``.
"""

from __future__ import annotations

import json
import os
import subprocess

import jsonschema
import pytest
from github_server import FakeGitHub, make_repo
from pdf_factory import build_resume_pdf
from test_cli import RUN_TIMEOUT_S, jobready_command

from analyzer.report.build import report_schema

SECTIONS = (
    ("Experience", ("Backend Intern, Parcel Co\tJan 2024 – Present",
                    "• Built REST endpoints in Python and Flask for 3,000 daily users",
                    "• Wrote SQL reports on PostgreSQL")),
    ("Skills", ("Python, Flask, PostgreSQL, Docker, Kubernetes",)),
    ("Education", ("B.Sc. Computer Science, Example University\t2020 – 2023",)),
)
REPO_FILES = {
    "requirements.txt": "flask==3.0\npsycopg2-binary==2.9\npytest==8.0\n",
    "Dockerfile": "FROM python:3.12-slim\nCMD [\"flask\", \"run\"]\n",
    ".github/workflows/ci.yml": "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
    "tests/test_app.py": "from app import create_app\n\ndef test_home():\n"
                         "    assert create_app().test_client().get('/').status_code == 200\n",
    "app.py": "def create_app():\n    ...\n",
    "README.md": "# Parcel API\nA Flask API for parcels.\n## Run\n`docker compose up`\n",
}
TOKEN = "ghp_test_secret_token_value_123"


def run(*args, env_extra=None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_TOKEN", "GITHUB_API_URL")}
    env.update(env_extra or {})
    return subprocess.run([*jobready_command(), *map(str, args)], env=env, capture_output=True,
                          text=True, timeout=RUN_TIMEOUT_S)


@pytest.fixture
def fake():
    repo = make_repo("parcel-api", REPO_FILES, owner="casey-example",
                     languages={"Python": 5100}, description="Parcel tracking API")
    with FakeGitHub(repos=[repo]) as server:
        yield server


def test_github_from_resume_merges_code_evidence(tmp_path, fake):
    pdf = build_resume_pdf(tmp_path / "cv.pdf", SECTIONS)
    result = run("analyze", pdf, "--github-from-resume",
                 env_extra={"GITHUB_API_URL": fake.base_url, "GITHUB_TOKEN": TOKEN,
                            "JOBREADY_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(report, report_schema())
    assert report["input"]["github"] == "casey-example"
    assert [r["name"] for r in report["repositories"]] == ["casey-example/parcel-api"]
    skills = {s["id"]: s for s in report["skills"]}
    flask_sources = {e["source"] for e in skills["flask"]["evidence"]}
    assert flask_sources == {"resume", "github"}
    assert skills["flask"]["status"] == "verified"
    github_ev = next(e for e in skills["flask"]["evidence"] if e["source"] == "github")
    assert github_ev["path"] == "requirements.txt"
    assert github_ev["url"].startswith("https://github.com/casey-example/parcel-api/blob/")
    # claimed on the résumé, never shown in the repository
    assert "kubernetes" in report["claims"]["claimed_only"]
    assert "flask" in report["claims"]["verified"]
    assert report["github_usage"]["requests"] >= 2
    # the token reached the server, and nothing jobready wrote
    assert any(r.headers.get("Authorization", "").endswith(TOKEN) for r in fake.log)
    assert TOKEN not in result.stdout + result.stderr
    for path in (tmp_path / "cache").rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path


def test_local_repo_folder_is_evidence_with_source_repo(tmp_path):
    folder = tmp_path / "parcel-api"
    for rel, text in REPO_FILES.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text)
    result = run("analyze", "--repo", folder)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(report, report_schema())
    assert report["input"]["resume"] is None and report["input"]["repos"] == ["parcel-api"]
    skills = {s["id"]: s for s in report["skills"]}
    assert {e["source"] for e in skills["flask"]["evidence"]} == {"repo"}
    assert skills["flask"]["status"] == "demonstrated"
    assert skills["docker"]["evidence"][0]["path"] == "Dockerfile"
    checks = {c["id"]: c["passed"] for c in report["repositories"][0]["checks"]}
    assert checks["ci"] is True and checks["docker"] is True and checks["license"] is False


@pytest.mark.parametrize(
    ("args", "setup", "status", "phrase"),
    [
        (("--github", "nobody-here"), None, 2, "nobody-here"),
        (("--github", "casey-example"), "exhausted", 1, "rate limit"),
        (("--repo", "/no/such/folder"), None, 2, "/no/such/folder"),
    ],
    ids=["unknown user", "rate limit exhausted", "missing folder"],
)
def test_code_source_errors_are_one_line(tmp_path, fake, args, setup, status, phrase):
    if setup == "exhausted":
        fake.set_remaining(0)
    result = run("analyze", *args, env_extra={"GITHUB_API_URL": fake.base_url,
                                              "JOBREADY_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == status, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert phrase in lines[0].lower() or phrase in lines[0]
    assert "Traceback" not in result.stderr


def test_resume_report_survives_a_github_failure(tmp_path, fake):
    pdf = build_resume_pdf(tmp_path / "cv.pdf", SECTIONS)
    result = run("analyze", pdf, "--github", "nobody-here",
                 env_extra={"GITHUB_API_URL": fake.base_url,
                            "JOBREADY_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["repositories"] == [] and report["input"]["github"] is None
    warning = next(w for w in report["warnings"] if w.startswith("GitHub was not read"))
    assert "nobody-here" in warning
    assert result.stderr.strip() == f"Warning: {warning}"
    assert {s["id"] for s in report["skills"]} >= {"python", "flask"}


def test_same_folder_twice_is_read_once(tmp_path):
    folder = tmp_path / "api"
    folder.mkdir()
    (folder / "requirements.txt").write_text("flask==3.0\n")
    result = run("analyze", "--repo", folder, "--repo", tmp_path / "api" / ".." / "api")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["input"]["repos"] == ["api"]


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("analyze", "--bogus"), "No such option"),
        (("analyze", "--format", "xml", "cv.pdf"), "xml"),
        (("analyze", "-f"), "requires an argument"),
        (("nosuchcommand",), "No such command"),
    ],
    ids=["unknown option", "bad format", "missing value", "unknown command"],
)
def test_usage_errors_exit_2_without_traceback(args, phrase):
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert phrase in result.stderr
    assert "Traceback" not in result.stderr and "Please report" not in result.stderr
