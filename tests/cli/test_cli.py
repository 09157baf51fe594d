"""The `jobready` console script, run as a real subprocess on real generated PDFs.

Golden reports: every ``tests/cli/golden/<case>.yaml`` describes a résumé (the arguments of
``pdf_factory.build_resume_pdf``) and ``tests/cli/golden/<case>.json`` holds the stable facts
its report must show (sections, contacts, work dates, skills with their strength,
the résumé lines each skill was seen on, implied skills, gap ids in rank order, résumé checks, level,
seniority with its software months and date, the roles counted, project titles, resources per gap
and interview prompts): adding a case is adding
the pair. To write the .json of a new case, run once with ``JOBREADY_UPDATE_GOLDEN=1``
and review the file by hand before committing it.

Each jobready run pays for Python and spaCy start-up (~2 s), so the table-driven runs
of a test are started together by a module fixture and the tests read their results.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jsonschema
import pytest
import yaml
from pdf_factory import build_resume_pdf, empty_pdf, encrypted_pdf, image_only_pdf

from analyzer.report.build import report_schema

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.yaml"))
PASSWORD = "correct horse"
RUN_TIMEOUT_S = 120


def jobready_command() -> list[str]:
    """The installed console script, else the module (a checkout without `pip install -e`)."""
    script = Path(sys.executable).with_name("jobready")
    found = str(script) if script.exists() else shutil.which("jobready")
    return [found] if found else [sys.executable, "-m", "analyzer.cli"]


def jobready(*args: str | Path, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_TOKEN", "GITHUB_API_URL")}
    return subprocess.run([*jobready_command(), *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=RUN_TIMEOUT_S)


def run_all(commands: dict[str, tuple]) -> dict[str, subprocess.CompletedProcess]:
    """Run ``jobready`` once per entry, a few at a time; results by the same keys."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {name: pool.submit(jobready, *args) for name, args in commands.items()}
        return {name: future.result() for name, future in futures.items()}


def assert_one_error_line(run: subprocess.CompletedProcess, *phrases: str) -> None:
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    assert lines[0].endswith("."), lines[0]
    for phrase in phrases:
        assert phrase in lines[0]


# -- bad input --------------------------------------------------------------------------

BAD_INPUTS = {
    # case: (how to make it, phrases the one error line must hold)
    "not a PDF": (lambda d: write(d / "notes.pdf", b"Plain notes, not a PDF.\n"), ("notes.pdf", "not a PDF")),
    "zero-byte file": (lambda d: write(d / "zero.pdf", b""), ("zero.pdf", "is empty")),
    "empty PDF": (lambda d: empty_pdf(d / "blank.pdf"), ("blank.pdf", "no text")),
    "image-only PDF": (lambda d: image_only_pdf(d / "scan.pdf"), ("scan.pdf", "text layer")),
    "encrypted, no password": (lambda d: encrypted_pdf(d / "locked.pdf", PASSWORD),
                               ("locked.pdf", "password-protected")),
    "missing path": (lambda d: d / "nowhere" / "resume.pdf", ("resume.pdf", "does not exist")),
}


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def bad_input_runs(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    folder = tmp_path_factory.mktemp("bad")
    return run_all({case: ("analyze", make(folder)) for case, (make, _) in BAD_INPUTS.items()})


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_exits_2_with_one_error_line(bad_input_runs, case):
    assert_one_error_line(bad_input_runs[case], *BAD_INPUTS[case][1])


@pytest.mark.parametrize("password, ok", [(PASSWORD, True), ("wrong guess", False)])
def test_encrypted_pdf_with_password(tmp_path, password, ok):
    pdf = encrypted_pdf(tmp_path / "locked.pdf", PASSWORD)
    run = jobready("analyze", pdf, "--password", password)
    if ok:
        assert run.returncode == 0, run.stderr
        assert json.loads(run.stdout)["candidate"]["name"] == "Sky Locked"
    else:
        assert_one_error_line(run, "locked.pdf", "password")


USAGE_ERRORS = {
    # case: (arguments, phrases the one error line must hold)
    "bad --format": (("analyze", "cv.pdf", "--format", "xml"), ("--format", "xml", "jobready analyze --help")),
    "unknown option": (("analyze", "--bogus"), ("No such option: --bogus",)),
    "unknown command": (("bogus",), ("No such command", "jobready --help")),
    "extra arguments": (("analyze", "a.pdf", "b.pdf"), ("unexpected extra argument",)),
    "option without value": (("analyze", "--output"), ("--output", "requires an argument")),
}


@pytest.fixture(scope="module")
def usage_runs() -> dict[str, subprocess.CompletedProcess]:
    return run_all({case: args for case, (args, _) in USAGE_ERRORS.items()})


@pytest.mark.parametrize("case", USAGE_ERRORS)
def test_usage_error_is_one_line_exit_2(usage_runs, case):
    assert_one_error_line(usage_runs[case], *USAGE_ERRORS[case][1])
    assert "╭" not in usage_runs[case].stderr and "Usage:" not in usage_runs[case].stderr


def test_version_and_plain_help():
    from importlib.metadata import version

    runs = run_all({"version": ("--version",), "help": ("analyze", "--help"), "bare": ()})
    assert runs["version"].returncode == 0
    assert runs["version"].stdout.strip() == f"jobready {version('jobready')}"
    help_text = runs["help"].stdout
    assert "--github-from-resume" in help_text and "<bool>" not in help_text and "╭" not in help_text
    # a bare "jobready" shows the help (what the user asked for), not an error
    assert runs["bare"].returncode == 0 and "analyze" in runs["bare"].stdout


def test_report_warnings_are_echoed_to_stderr(tmp_path):
    pdf = build_resume_pdf(tmp_path / "undated.pdf", [
        ("Experience", ["**Backend Developer, Acme Cloud", "• Built a billing API in Python"]),
        ("Skills", ["Python, Django"]),
    ])
    run = jobready("analyze", pdf)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["warnings"], "the undated role should raise a warning"
    assert run.stderr.splitlines() == [f"Warning: {w}" for w in report["warnings"]]


# -- reports ----------------------------------------------------------------------------

def test_json_report_on_stdout_follows_the_schema(resume_pdf):
    run = jobready("analyze", resume_pdf)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    jsonschema.validate(report, report_schema(),
                        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert report["input"]["resume"]["file"] == resume_pdf.name
    assert report["candidate"]["email"] == "casey@example.org"
    assert {"python", "fastapi", "postgresql"} <= {s["id"] for s in report["skills"]}


def test_markdown_report_written_to_a_file(resume_pdf, tmp_path):
    out = tmp_path / "report.md"
    run = jobready("analyze", resume_pdf, "--format", "markdown", "-o", out)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "" and str(out) in run.stderr
    text = out.read_text("utf-8")
    assert text.startswith("# Job-readiness report: Casey Example")
    assert "## Readiness: " in text and "## Gaps, most important first" in text
    assert "Built a billing API in Python and FastAPI used by 3 teams" in text


def test_help_lists_the_commands():
    run = jobready("--help")
    assert run.returncode == 0, run.stderr
    assert "analyze" in run.stdout and "taxonomy" in run.stdout
    run = jobready("analyze", "--help")
    assert run.returncode == 0 and "--password" in run.stdout and "--github" in run.stdout


# -- taxonomy check ---------------------------------------------------------------------

def test_taxonomy_check_accepts_the_project_file():
    run = jobready("taxonomy", "check")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith("skill_taxonomy.yaml: OK")


def test_taxonomy_list_json_names_every_skill_and_technology(taxonomy):
    run = jobready("taxonomy", "list", "--format", "json")
    assert run.returncode == 0, run.stderr
    rows = {row["id"]: row for row in json.loads(run.stdout)["skills"]}
    assert set(rows) == set(taxonomy.skills)
    assert {"id", "name", "aliases", "category", "groups"} <= set(rows["python"])
    assert rows["apache_spark"]["category"] == "data_engineering" and rows["apache_spark"]["groups"] == []
    assert "Spark" in rows["apache_spark"]["aliases"] and rows["apache_spark"]["kind"] == "technology"
    assert "relational_database" in rows["amazon_redshift"]["groups"]
    assert "backend_language" in rows["python"]["groups"] and rows["python"]["kind"] == "skill"


def test_taxonomy_list_text_is_one_line_per_entry(taxonomy):
    run = jobready("taxonomy", "list")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == len(taxonomy.skills)
    spark = next(line for line in lines if line.startswith("apache_spark\t"))
    assert "Apache Spark" in spark and "data_engineering" in spark


def test_other_technologies_are_reported_apart_with_evidence(tmp_path):
    pdf = build_resume_pdf(tmp_path / "data.pdf", sections=[
        ("Experience", ("**Data Engineer, Acme Analytics\tMar 2021 – Present",
                        "• Built Apache Spark and Apache Beam pipelines loading Amazon Redshift",)),
        ("Skills", ("Python, Spark, Hadoop, Redshift, Excel",)),
    ])
    run = jobready("analyze", pdf)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    jsonschema.validate(report, report_schema())
    others = {t["id"]: t for t in report["other_technologies"]}
    assert {"apache_spark", "apache_beam", "apache_hadoop", "microsoft_excel"} <= set(others)
    assert others["apache_spark"]["strength"] == "applied"
    assert any("Spark" in e["text"] for e in others["apache_spark"]["evidence"])
    skills = {s["id"]: s for s in report["skills"]}
    assert "amazon_redshift" in skills and "apache_spark" not in skills
    group = next(g for g in report["readiness"]["groups"] if g["id"] == "relational_database")
    assert group["score"] > 0 and "Amazon Redshift" in group["explanation"]
    markdown = jobready("analyze", pdf, "--format", "markdown")
    assert "## Other technologies" in markdown.stdout and "**Apache Spark**" in markdown.stdout


def test_taxonomy_check_lists_every_problem_with_its_location(tmp_path):
    data = yaml.safe_load((REPO_ROOT / "skill_taxonomy.yaml").read_text("utf-8"))
    data["skills"][0]["implies"] = ["no_such_skill"]
    data["skills"][1]["category"] = "no_such_category"
    data["skills"][2]["colour"] = "blue"
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")

    run = jobready("taxonomy", "check", broken)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    for location in ("skills[0].implies[0]", "skills[1].category", "skills[2].colour"):
        assert f"{broken}: {location}: " in run.stderr
    assert run.stderr.splitlines()[-1].startswith("Error: ")


# -- golden reports ---------------------------------------------------------------------

def golden_pdf(case: str, folder: Path) -> Path:
    spec = yaml.safe_load((GOLDEN / f"{case}.yaml").read_text("utf-8"))
    return build_resume_pdf(
        folder / f"{case}.pdf",
        sections=[(heading, lines) for heading, lines in spec["sections"].items()],
        layout=spec.get("layout", "single-column"),
        name=spec["name"],
        contacts=spec["contacts"],
        links=spec.get("links", {}),
        sidebar=spec.get("sidebar", ()),
        created=spec.get("created"),
    )


def facts(report: dict) -> dict:
    """The stable facts of a report that a golden file pins (no timestamps, no hashes)."""
    return {
        "input": {k: report["input"]["resume"][k] for k in ("pages", "layout", "sections")},
        "candidate": {k: report["candidate"][k] for k in ("name", "email", "phone", "github")},
        "work": [{k: w[k] for k in ("title", "organization", "start", "end", "months")}
                 for w in report["candidate"]["work"]],
        "skills": {s["id"]: {"strength": s["strength"], "lines": [e["text"] for e in s["evidence"]]}
                   for s in report["skills"] if s["evidence"]},
        "implied": sorted(s["id"] for s in report["skills"] if not s["evidence"]),
        "gaps": [g["id"] for g in report["gaps"]],
        "checks": {c["id"]: c["passed"] for c in report["checks"]},
        "level": report["readiness"]["level"],
        # the date is pinned unless it is today's (then it moves with the calendar)
        "seniority": [report["candidate"]["seniority"], report["candidate"]["software_months"],
                      report["candidate"]["as_of"]["source"] if report["candidate"]["as_of"]["source"] == "today"
                      else report["candidate"]["as_of"]],
        "counted_roles": [w["title"] for w in report["candidate"]["work"] if w.get("software")],
        "projects": [p["title"] for p in report["projects"]],
        "resources": {g["id"]: [r["id"] for r in g["resources"]] for g in report["gaps"]},
        "interview_prompts": [p["skill"] for p in report["interview_prompts"]],
    }


@pytest.fixture(scope="module")
def golden_runs(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    folder = tmp_path_factory.mktemp("golden")
    return run_all({case: ("analyze", golden_pdf(case, folder)) for case in CASES})


def test_every_golden_case_has_its_expected_facts():
    assert CASES, f"no golden cases in {GOLDEN}"
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == CASES


@pytest.mark.parametrize("case", CASES)
def test_golden_report(golden_runs, case):
    run = golden_runs[case]
    assert run.returncode == 0, run.stderr
    found = facts(json.loads(run.stdout))
    expected_file = GOLDEN / f"{case}.json"
    if os.environ.get("JOBREADY_UPDATE_GOLDEN") == "1":
        expected_file.write_text(json.dumps(found, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert found == json.loads(expected_file.read_text("utf-8"))


@pytest.mark.parametrize("fails", [False, True])
def test_loading_turns_the_collector_back_on(fails):
    import gc

    from analyzer.startup import loading

    assert gc.isenabled()
    try:
        with loading():
            assert not gc.isenabled()
            kept = [[i] for i in range(1000)]  # long-lived objects built during start-up
            if fails:
                raise ValueError("the taxonomy was broken")
    except ValueError:
        assert fails
    try:
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(kept)  # what start-up built is frozen
    finally:
        gc.unfreeze()
