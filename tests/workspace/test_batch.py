"""Batch runs over a folder of generated résumé PDFs, stored in a real SQLite workspace.

In this process, in two worker processes, on a Dask ``LocalCluster`` and through the console
script with a GitHub CSV answered by the fake GitHub server (tests/github_server.py).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from github_server import FakeGitHub, make_repo
from pdf_factory import build_resume_pdf

from analyzer.errors import InputError
from analyzer.workspace import open_workspace
from analyzer.workspace.batch import (
    SUMMARY_FIELDS,
    find_resumes,
    read_github_csv,
    run_batch,
    write_summary,
)

PEOPLE = {
    "ada.pdf": ("Ada Stone", "Python, Django, PostgreSQL, Docker, Git"),
    "ben.pdf": ("Ben Okafor", "Java, Spring Boot, MySQL, Kubernetes"),
    "cleo.pdf": ("Cleo Marsh", "JavaScript, Node.js, Express, MongoDB, Redis"),
}
REPO_FILES = {
    "requirements.txt": "flask==3.0\npsycopg2-binary==2.9\npytest==8.0\n",
    "Dockerfile": "FROM python:3.12-slim\n",
    "app.py": "from flask import Flask\napp = Flask(__name__)\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Three résumés, one without a name line, and a file that is not a PDF."""
    root = tmp_path_factory.mktemp("cohort")
    for file, (name, skills) in PEOPLE.items():
        build_resume_pdf(root / file, name=name, contacts=(f"{file[:-4]}@example.org",), links={},
                         sections=(("Experience", ("**Backend Developer, Acme\tJan 2022 – Present",
                                                   f"• Built services with {skills.split(',')[0]}")),
                                   ("Skills", (skills,))))
    build_resume_pdf(root / "no_name.pdf", name="", contacts=("dev@example.org  |  +44 20 7946 0000",),
                     links={})
    (root / "broken.pdf").write_bytes(b"This is a note, not a PDF.\n")
    (root / "notes.txt").write_text("not a résumé")  # ignored: not a .pdf
    return root


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path / 'ws.sqlite3'}"


def by_file(result) -> dict:
    return {Path(r.file).name: r for r in result.rows}


@pytest.fixture(scope="module")
def serial(folder, tmp_path_factory):
    """The folder run in this process: (result, workspace URL)."""
    url = sqlite_url(tmp_path_factory.mktemp("ws1"))
    seen = []
    with open_workspace(url) as ws:
        result = run_batch(find_resumes(folder), ws, cohort="Spring 2027",
                           progress=lambda done, total, name: seen.append((done, total, name)))
    assert [d for d, _, _ in seen] == [1, 2, 3, 4, 5] and {t for _, t, _ in seen} == {5}
    return result, url


def test_every_pdf_gets_a_row_in_folder_order(serial):
    result, _ = serial
    assert [Path(r.file).name for r in result.rows] == ["ada.pdf", "ben.pdf", "broken.pdf",
                                                        "cleo.pdf", "no_name.pdf"]


def test_a_broken_file_is_reported_and_the_batch_goes_on(serial):
    result, _ = serial
    rows = by_file(result)
    broken = rows["broken.pdf"]
    assert broken.status == "failed" and broken.report_id is None
    assert "broken.pdf is not a PDF" in broken.error and broken.error.endswith(".")
    assert [Path(r.file).name for r in result.failed] == ["broken.pdf"]
    assert len(result.saved) == 4


def test_one_stored_report_per_candidate_named_from_the_resume(serial):
    result, url = serial
    rows = by_file(result)
    assert {rows[f].candidate for f in PEOPLE} == {name for name, _ in PEOPLE.values()}
    assert rows["no_name.pdf"].candidate == "no_name"  # no name on the résumé: the file's stem
    with open_workspace(url) as ws:
        in_cohort = {c.name for c in ws.candidates(cohort="Spring 2027")}
        assert in_cohort == {r.candidate for r in result.saved}
        for row in result.saved:
            stored = ws.get_report(int(row.report_id))
            assert stored.candidate == row.candidate
            assert stored.report["readiness"]["score"] == row.score
            assert stored.report["input"]["resume"]["file"] == Path(row.file).name
            assert row.level == stored.report["readiness"]["level"]


def test_skills_follow_each_resume(serial):
    result, url = serial
    rows = by_file(result)
    with open_workspace(url) as ws:
        skills = {f: {s["id"] for s in ws.get_report(int(rows[f].report_id)).report["skills"]}
                  for f in PEOPLE}
    assert "django" in skills["ada.pdf"] and "django" not in skills["ben.pdf"]
    assert "spring_boot" in skills["ben.pdf"] and "express" in skills["cleo.pdf"]


def test_the_summary_csv(serial, tmp_path):
    result, _ = serial
    path = write_summary(result.rows, tmp_path / "summary.csv")
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == SUMMARY_FIELDS
    assert [r["status"] for r in rows] == ["ok", "ok", "failed", "ok", "ok"]
    assert rows[2]["error"].startswith("broken.pdf is not a PDF") and rows[2]["report_id"] == ""
    assert float(rows[0]["score"]) == result.rows[0].score
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_two_workers_save_to_sqlite_and_postgresql(folder, serial, database_url):
    """The calling process saves what the workers return, on either database."""
    with open_workspace(database_url) as ws:
        result = run_batch(find_resumes(folder), ws, cohort="Spring 2027", workers=2)
        stored = {row.candidate: ws.get_report(int(row.report_id)).report["readiness"]["score"]
                  for row in result.saved}
        assert {c.name for c in ws.candidates(cohort="Spring 2027")} == set(stored)
    assert stored == {r.candidate: r.score for r in serial[0].saved}
    expected = {f: (r.candidate, r.score, r.status, r.error) for f, r in by_file(serial[0]).items()}
    assert {f: (r.candidate, r.score, r.status, r.error) for f, r in by_file(result).items()} == expected


def test_a_dask_local_cluster_gives_the_same_reports(folder, serial, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(host="127.0.0.1", processes=True, n_workers=2, threads_per_worker=1,
                      dashboard_address=None) as cluster, open_workspace(sqlite_url(tmp_path)) as ws:
        result = run_batch(find_resumes(folder), ws, dask_address=cluster.scheduler_address)
    expected = {f: (r.candidate, r.score, r.status, r.error) for f, r in by_file(serial[0]).items()}
    assert {f: (r.candidate, r.score, r.status, r.error) for f, r in by_file(result).items()} == expected


def test_no_dask_scheduler_is_one_sentence(folder, tmp_path):
    with open_workspace(sqlite_url(tmp_path)) as ws, pytest.raises(InputError, match="No Dask scheduler"):
        run_batch(find_resumes(folder), ws, dask_address="tcp://127.0.0.1:9")


def test_two_resumes_with_one_name_are_two_candidates(tmp_path):
    for file in ("first.pdf", "second.pdf"):
        build_resume_pdf(tmp_path / file)
    with open_workspace(sqlite_url(tmp_path)) as ws:
        result = run_batch(find_resumes(tmp_path), ws)
        assert sorted(r.candidate for r in result.rows) == ["Casey Example", "Casey Example (second)"]
        assert len(ws.candidates()) == 2


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing", "is not a folder"),
    (lambda d: d, "holds no PDF"),
])
def test_find_resumes_errors(tmp_path, make, message):
    (tmp_path / "readme.txt").write_text("no PDFs here")
    with pytest.raises(InputError, match=message):
        find_resumes(make(tmp_path))


@pytest.mark.parametrize("text, expected", [
    ("file,github\nada.pdf,ada-dev\nben.pdf,\n", {"ada.pdf": "ada-dev"}),
    ("File,GitHub_User\n/home/coach/cohort/ada.pdf,@ada-dev\n", {"ada.pdf": "ada-dev"}),
    ("resume,login\nada.pdf,ada-dev\nada.pdf,ada-dev\n", {"ada.pdf": "ada-dev"}),
    ("\ufefffile,github\nada.pdf,ada-dev\n", {"ada.pdf": "ada-dev"}),  # Excel's byte order mark
])
def test_github_csv_good(tmp_path, text, expected):
    (tmp_path / "gh.csv").write_text(text, encoding="utf-8")
    assert read_github_csv(tmp_path / "gh.csv") == expected


@pytest.mark.parametrize("content, message", [
    ("name,user\nada.pdf,ada\n", "needs a header row with the columns file,github"),
    ("file,github\nada.pdf,ada\nada.pdf,bob\n", "gives ada.pdf two logins"),
    (None, "could not be read"),
    (b"\xff\xfe\x00bad", "could not be read"),
])
def test_github_csv_bad(tmp_path, content, message):
    path = tmp_path / "gh.csv"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_github_csv(path)


# -- the console script -------------------------------------------------------------------

def jobready_batch(*args, env: dict) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("jobready")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "analyzer.cli"]
    return subprocess.run([*command, "batch", *map(str, args)], capture_output=True, text=True,
                          timeout=300, env={**{k: v for k, v in os.environ.items()
                                               if k not in ("GITHUB_TOKEN", "GITHUB_API_URL")}, **env})


def test_cli_batch_with_a_github_csv(folder, tmp_path):
    (tmp_path / "gh.csv").write_text("file,github\nada.pdf,ada-dev\nben.pdf,nobody-here\n")
    out = tmp_path / "out"
    out.mkdir()
    repo = make_repo("parcel-api", REPO_FILES, owner="ada-dev", languages={"Python": 4000})
    url = sqlite_url(tmp_path)
    with FakeGitHub(users=["ada-dev"], repos=[repo]) as github:
        run = jobready_batch(folder, "--cohort", "Spring 2027", "--github-csv", tmp_path / "gh.csv",
                             "--workers", "2", "--out", out, "--format", "json",
                             env={"DATABASE_URL": url, "GITHUB_API_URL": github.base_url,
                                  "JOBREADY_CACHE_DIR": str(tmp_path / "cache")})
        asked = {entry.path.split("?")[0] for entry in github.log}
    assert run.returncode == 1, run.stderr  # one file failed, the others were saved
    assert "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert [ln for ln in lines if ln.startswith("Failed: ")] == [
        next(ln for ln in lines if ln.startswith("Failed: broken.pdf: broken.pdf is not a PDF"))]
    assert lines[-1].startswith("Error: 1 of 5 files failed")
    printed = json.loads(run.stdout)
    assert printed["summary"] == str(out / "batch_summary.csv")
    with (out / "batch_summary.csv").open(newline="", encoding="utf-8") as f:
        rows = {Path(r["file"]).name: r for r in csv.DictReader(f)}
    assert rows["broken.pdf"]["status"] == "failed" and rows["ada.pdf"]["status"] == "ok"
    assert "/users/ada-dev/repos" in asked and "/users/nobody-here/repos" in asked
    with open_workspace(url) as ws:
        ada = ws.get_report(int(rows["ada.pdf"]["report_id"])).report
        ben = ws.get_report(int(rows["ben.pdf"]["report_id"])).report
    assert ada["input"]["github"] == "ada-dev"
    assert [r["name"] for r in ada["repositories"]] == ["ada-dev/parcel-api"]
    assert any(e["source"] == "github" for s in ada["skills"] for e in s["evidence"])
    assert ben["input"]["github"] is None  # unknown user: a warning, the résumé still counts
    assert any("nobody-here" in w for w in ben["warnings"])


def test_cli_batch_input_errors_are_one_line(tmp_path):
    env = {"DATABASE_URL": sqlite_url(tmp_path)}
    build_resume_pdf(tmp_path / "casey.pdf")
    for args, phrase in (((tmp_path / "nowhere",), "is not a folder"),
                         ((tmp_path, "--workers", "0"), "--workers must be 1 or more"),
                         ((tmp_path, "--dask", "nonsense"), "is not a Dask scheduler address")):
        run = jobready_batch(*args, env=env)
        assert run.returncode == 2 and run.stdout == ""
        assert run.stderr.splitlines() == [run.stderr.strip()] and phrase in run.stderr
