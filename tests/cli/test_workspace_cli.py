"""The workspace commands as a coach runs them: real subprocesses, a real SQLite file.

One module fixture saves two versions of a generated résumé for one candidate and one
résumé for another (``analyze --save``); the tests read the workspace back through
``candidates``, ``history``, ``compare``, ``note``, ``tag``, ``cohort`` and ``delete``.
The storage itself is tested on SQLite and PostgreSQL in tests/workspace/.
"""

from __future__ import annotations

import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pdf_factory import DEFAULT_SECTIONS, build_resume_pdf
from test_cli import REPO_ROOT, RUN_TIMEOUT_S, jobready_command

FIRST = tuple((title, rows) for title, rows in DEFAULT_SECTIONS)
# the second version adds a project: AWS, pytest and GitHub Actions are new, Docker is used
SECOND = (*FIRST, ("Projects", (
    "Booking API: a REST service in Python with PostgreSQL, deployed with Docker on AWS.",
    "Wrote pytest tests and a GitHub Actions pipeline that runs them on every push.")))


def run(db: Path, *args: str | Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_TOKEN", "GITHUB_API_URL")}
    env["DATABASE_URL"] = f"sqlite:///{db}"
    return subprocess.run([*jobready_command(), *map(str, args)], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=RUN_TIMEOUT_S)


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("workspace-cli")
    db = folder / "workspace.sqlite3"
    first = build_resume_pdf(folder / "casey-v1.pdf", sections=FIRST)
    second = build_resume_pdf(folder / "casey-v2.pdf", sections=SECOND)
    other = build_resume_pdf(folder / "robin.pdf", name="Robin Sample",
                             contacts=("robin@example.org",), sections=FIRST[:2])
    runs = [
        run(db, "analyze", first, "--save", "--candidate", "Casey Example", "--cohort", "Spring"),
        run(db, "analyze", second, "--save", "--cohort", "Spring", "--keep-file",
            "-o", folder / "second.json"),  # candidate name read from the résumé
        run(db, "analyze", other, "--save", "--cohort", "Spring", "--format", "markdown"),
    ]
    for done in runs:
        assert done.returncode == 0, done.stderr
    return {"db": db, "runs": runs, "second": json.loads((folder / "second.json").read_text())}


def test_analyze_save_prints_the_report_id_on_stderr(saved):
    ids = [int(r.stderr.split("Saved report ")[1].split()[0]) for r in saved["runs"]]
    assert ids == [1, 2, 3]
    assert "for Casey Example in" in saved["runs"][1].stderr
    assert saved["runs"][0].stdout.lstrip().startswith("{")  # the report still goes to stdout


def test_history_json_is_oldest_first(saved):
    done = run(saved["db"], "history", "Casey Example", "--format", "json")
    assert done.returncode == 0, done.stderr
    history = json.loads(done.stdout)
    assert [h["id"] for h in history] == [1, 2]
    assert history[0]["created_at"] <= history[1]["created_at"]
    assert history[1]["score"] == saved["second"]["readiness"]["score"]
    assert history[1]["kept_file"] == "casey-v2.pdf" and history[0]["kept_file"] is None
    assert set(history[0]["inputs"]) == {"resume"} and len(history[0]["inputs"]["resume"]) == 64
    text = run(saved["db"], "history", "Casey Example").stdout
    assert "Report" in text and "casey-v2.pdf" in text


def test_candidates_with_latest_score_and_count(saved):
    listed = json.loads(run(saved["db"], "candidates", "--format", "json").stdout)
    by_name = {c["name"]: c for c in listed}
    assert set(by_name) == {"Casey Example", "Robin Sample"}
    assert by_name["Casey Example"]["reports"] == 2
    assert by_name["Casey Example"]["latest_score"] == saved["second"]["readiness"]["score"]
    assert by_name["Robin Sample"]["cohorts"] == ["Spring"]
    table = run(saved["db"], "candidates", "--cohort", "Spring").stdout
    assert "Casey Example" in table and "Robin Sample" in table


def test_compare_shows_what_the_new_project_added(saved):
    done = run(saved["db"], "compare", "1", "2", "--format", "json")
    assert done.returncode == 0, done.stderr
    diff = json.loads(done.stdout)
    gained = {s["id"] for s in diff["skills_gained"]}
    assert {"aws", "github_actions", "pytest"} <= gained
    docker = next(s for s in diff["skills_stronger"] if s["id"] == "docker")
    assert (docker["before"], docker["after"]) == ("listed", "applied")
    assert diff["score"]["change"] == pytest.approx(
        diff["score"]["after"] - diff["score"]["before"], abs=0.11)
    assert diff["score"]["change"] > 0
    assert any(g["id"] == "containers" for g in diff["groups_up"])
    markdown = run(saved["db"], "compare", "1", "2").stdout
    assert markdown.startswith("# What changed: report 1 (Casey Example")
    assert "## Skills gained" in markdown and "- AWS (applied)" in markdown
    assert "- Docker: listed → applied" in markdown


def test_notes_and_tags(saved):
    assert run(saved["db"], "note", "Robin Sample", "Book a mock interview.").returncode == 0
    notes = json.loads(run(saved["db"], "note", "Robin Sample", "--format", "json").stdout)
    assert [n["text"] for n in notes] == ["Book a mock interview."]
    assert run(saved["db"], "tag", "Robin Sample", "needs-sql", "junior").stdout.strip() == \
        "junior, needs-sql"
    assert run(saved["db"], "tag", "Robin Sample", "junior", "--remove").stdout.strip() == \
        "needs-sql"


def test_cohort_json(saved):
    done = run(saved["db"], "cohort", "Spring", "--format", "json")
    assert done.returncode == 0, done.stderr
    view = json.loads(done.stdout)
    assert [c["name"] for c in view["candidates"]] == ["Casey Example", "Robin Sample"]
    assert [c["report_id"] for c in view["candidates"]] == [2, 3]  # each one's latest
    assert view["common_gaps"] and all(g["count"] >= 1 for g in view["common_gaps"])
    assert [row["candidate"] for row in view["matrix"]["rows"]] == ["Casey Example",
                                                                    "Robin Sample"]
    assert len(view["matrix"]["rows"][0]["scores"]) == len(view["matrix"]["groups"])
    members = sorted(n for g in view["groups"]["groups"] for n in g["candidates"])
    assert members == ["Casey Example", "Robin Sample"]
    text = run(saved["db"], "cohort", "Spring").stdout
    assert text.startswith("# Cohort Spring") and "## Most common gaps" in text
    listed = json.loads(run(saved["db"], "cohorts", "--format", "json").stdout)
    assert {"name": "Spring", "candidates": 2, "postings": 0} in listed


POSTING = """# Backend Engineer (Python)

## Requirements
- Python with Django or FastAPI
- PostgreSQL
- Docker

## Nice to have
- AWS is a plus
"""


def test_cohort_against_a_target_posting(saved, tmp_path):
    posting = tmp_path / "backend.md"
    posting.write_text(POSTING, encoding="utf-8")
    done = run(saved["db"], "cohort", "Targets", "--add", "Casey Example", "--add",
               "Robin Sample", "--posting", posting, "--format", "json")
    assert done.returncode == 0, done.stderr
    fit = json.loads(done.stdout)["postings"]
    assert [p["title"] for p in fit] == ["Backend Engineer (Python)"]
    ranking = [r["candidate"] for r in fit[0]["ranking"]]
    assert ranking == ["Casey Example", "Robin Sample"]  # Casey's résumé names all of it
    assert fit[0]["ranking"][0]["coverage"] > fit[0]["ranking"][1]["coverage"]


ERRORS = [
    (("history", "Nobody"), "no candidate named 'Nobody'", 2),
    (("compare", "1", "99"), "no report 99", 2),
    (("cohort", "Autumn"), "no cohort named 'Autumn'", 2),
    (("cohort", "Spring", "--posting", "missing.md"), "missing.md was not found", 2),
    (("note", "Casey Example", "   "), "note is empty", 2),
    (("analyze", "--github", "octocat", "--cohort", "Spring"), "add --save", 2),
    (("candidates", "--database", "mysql://u@h/db"), "does not support", 2),
    (("candidates", "--database", "postgresql://coach:pw@127.0.0.1:9/db"),
     "cannot reach the workspace database", 1),
]


@pytest.fixture(scope="module")
def error_runs(saved) -> list[subprocess.CompletedProcess]:
    """Every error case run once, a few at a time (each pays Python's start-up)."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(lambda case: run(saved["db"], *case[0]), ERRORS))


@pytest.mark.parametrize("case", range(len(ERRORS)), ids=[" ".join(a) for a, _, _ in ERRORS])
def test_errors_are_one_line(error_runs, case):
    args, phrase, status = ERRORS[case]
    done = error_runs[case]
    assert done.returncode == status, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and phrase in lines[0]
    assert "Traceback" not in done.stderr and ":pw@" not in done.stderr


def test_delete_removes_the_candidate(saved):
    from analyzer.workspace import open_workspace

    with open_workspace(f"sqlite:///{saved['db']}") as ws:  # a candidate of its own
        ws.save_report("Leaving Soon", saved["second"])
        ws.add_note("Leaving Soon", "Moved to another programme.")
    done = run(saved["db"], "delete", "Leaving Soon")
    assert done.returncode == 0, done.stderr
    assert "Deleted Leaving Soon: 1 report(s), 1 note(s)" in done.stderr
    listed = json.loads(run(saved["db"], "candidates", "--format", "json").stdout)
    assert "Leaving Soon" not in [c["name"] for c in listed]
    assert run(saved["db"], "delete", "Leaving Soon").returncode == 2
