"""The Streamlit dashboard (app.py) driven by streamlit.testing.v1.AppTest.

Uploads are real PDFs from tests/pdf_factory.py; GitHub is tests/github_server.py's fake
API on 127.0.0.1, reached through ``GITHUB_API_URL``. Expected values come from the
library run on the same input, so the tests check that the page shows what it computed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from github_server import FakeGitHub, make_repo
from pdf_factory import build_resume_pdf, encrypted_pdf, image_only_pdf
from streamlit.testing.v1 import AppTest

from analyzer.errors import JobreadyError
from analyzer.report.build import analyze
from analyzer.resume.sample import SAMPLE_RESUME

APP = Path(__file__).resolve().parents[2] / "app.py"
TOKEN = "ghp_APPtestToken0123456789abcdefghijklm"


def run_app() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    return at.run()


def upload(at: AppTest, name: str, data: bytes, password: str = "") -> AppTest:
    at.file_uploader[0].upload(name, data, "application/pdf")
    if password:
        text_input(at, "PDF password").input(password)
    return at.run()


def text_input(at: AppTest, label: str):
    """The sidebar text input whose label starts with ``label``."""
    return next(t for t in at.text_input if t.label.startswith(label))


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def chart_frame(at: AppTest) -> pd.DataFrame:
    """The data behind the readiness bar chart (Vega-Lite dataset, Arrow IPC bytes)."""
    (chart,) = at.get("vega_lite_chart")
    (dataset,) = chart.proto.datasets
    return pa.ipc.open_stream(dataset.data.data).read_all().to_pandas()


def page_text(at: AppTest) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.caption, *at.subheader])


def assert_report_shown(at: AppTest, expected: dict) -> None:
    assert not at.exception and not at.error
    readiness = expected["readiness"]
    assert metric(at, "Readiness score") == f"{readiness['score']:g} / 100"
    assert at.metric[0].delta == f"{readiness['level'].capitalize()} level"
    frame = chart_frame(at)
    assert frame.set_index("Area")["Score"].to_dict() == {g["name"]: g["score"] for g in readiness["groups"]}
    assert [b.label for b in at.get("download_button")] == ["Download JSON", "Download Markdown"]


def test_uploaded_resume_shows_score_chart_evidence_and_gaps(resume_pdf, taxonomy):
    expected = analyze(resume_pdf, taxonomy=taxonomy).to_dict()
    at = upload(run_app(), resume_pdf.name, resume_pdf.read_bytes())

    assert_report_shown(at, expected)
    # skills are grouped by requirement group, evidence in a wrapping table
    framework = next(e for e in at.expander if e.label.startswith("A backend framework · "))
    skills = framework.table[0].value.set_index("Skill")
    assert skills.loc["FastAPI", "Evidence"] == (
        "résumé p.1 · work: Built a billing API in Python and FastAPI used by 3 teams")
    assert skills.loc["FastAPI", "Strength"] == "quantified"
    text = page_text(at)
    top_gap = expected["gaps"][0]
    assert f"**1. {top_gap['name']}**" in text and top_gap["reason"] in text
    assert [c["name"] for c in expected["checks"]] and all(c["name"] in text for c in expected["checks"])
    prompts = expected.get("interview_prompts") or []  # skills only listed: questions to ask
    assert [t.label for t in at.tabs] == [
        "Overview", "Skills & evidence", f"Gaps ({len(expected['gaps'])})", "Suggested projects",
        "Résumé checks", *([f"Interview prompts ({len(prompts)})"] if prompts else [])]
    for prompt in prompts:
        assert prompt["questions"][0] in text


def test_resume_text_is_shown_literally_not_as_markdown(tmp_path):
    line = "Saved $20k a year with Python scripts for *nightly* reports, $5 per run"
    pdf = build_resume_pdf(tmp_path / "dollars.pdf", sections=[("Experience", ["• " + line])])
    at = upload(run_app(), pdf.name, pdf.read_bytes())

    assert not at.exception and not at.error
    escaped = line.replace("$", "\\$").replace("*", "\\*")
    assert f"- résumé p.1 · work: {escaped} *(quantified)*" in page_text(at)


def test_sample_button_analyses_the_shipped_resume_and_prefills_github(taxonomy):
    expected = analyze(SAMPLE_RESUME, taxonomy=taxonomy).to_dict()
    at = run_app()
    assert at.info and not at.metric  # nothing analysed before a choice
    at.button[0].click().run()

    assert_report_shown(at, expected)
    assert at.subheader[0].value == f"Readiness of {expected['candidate']['name']}"
    assert text_input(at, "GitHub username").value == expected["candidate"]["github"] == "robin-castell-dev"
    assert expected["projects"][0]["title"] in page_text(at)


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    zero = tmp_path / "zero.pdf"
    zero.write_bytes(b"")
    text = tmp_path / "notes.pdf"
    text.write_text("Just some notes, not a PDF at all.\n")
    return {
        "zero-byte": zero,
        "not a PDF": text,
        "encrypted": encrypted_pdf(tmp_path / "locked.pdf", "open-sesame"),
        "image only": image_only_pdf(tmp_path / "scan.pdf"),
    }


@pytest.mark.parametrize("case", ["zero-byte", "not a PDF", "encrypted", "image only"])
def test_unreadable_pdf_shows_one_sentence_and_keeps_the_inputs(tmp_path, case):
    pdf = bad_inputs(tmp_path)[case]
    with pytest.raises(JobreadyError) as raised:
        analyze(pdf.read_bytes(), resume_name=pdf.name)
    at = run_app()
    text_input(at, "GitHub username").input("someone-typed-this")
    at = upload(at, pdf.name, pdf.read_bytes())

    assert not at.exception
    assert [e.value for e in at.error] == [str(raised.value)]
    assert pdf.name in at.error[0].value and "Traceback" not in at.error[0].value
    assert not at.metric
    assert at.file_uploader[0].value.name == pdf.name
    assert text_input(at, "GitHub username").value == "someone-typed-this"


def test_encrypted_pdf_opens_with_the_password(tmp_path, taxonomy):
    pdf = encrypted_pdf(tmp_path / "locked.pdf", "open-sesame")
    expected = analyze(pdf, password="open-sesame", taxonomy=taxonomy).to_dict()
    at = upload(run_app(), pdf.name, pdf.read_bytes(), password="open-sesame")
    assert_report_shown(at, expected)


@pytest.fixture
def fake_github(monkeypatch, tmp_path):
    repo = make_repo(
        "parcel-api",
        {
            "requirements.txt": "fastapi==0.110\nredis==5.0\n",
            "Dockerfile": "FROM python:3.12\n",
            ".github/workflows/ci.yml": "on: push\n",
            "tests/test_api.py": "def test_ok():\n    assert True\n",
        },
        owner="casey-example", languages={"Python": 4200}, description="Parcel tracking API",
    )
    with FakeGitHub(repos=[repo]) as fake:
        monkeypatch.setenv("GITHUB_API_URL", fake.base_url)
        monkeypatch.setenv("JOBREADY_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.delenv("GITHUB_TOKEN", raising=False)
        yield fake


def test_github_user_adds_repository_cards_and_claims(resume_pdf, fake_github):
    at = upload(run_app(), resume_pdf.name, resume_pdf.read_bytes())
    assert text_input(at, "GitHub username").value == "casey-example"  # from the résumé's link
    text_input(at, "GitHub token").input(TOKEN)
    at.toggle[0].set_value(True)
    at.run()

    assert not at.exception and not at.error
    assert at.tabs[-1].label == "Repositories (1)"
    text = page_text(at)
    assert "[casey-example/parcel-api](" in text and "Parcel tracking API" in text
    assert "#### Claimed vs demonstrated" in text
    # the request count is the server's own tally: what the app shows must match it
    shown = re.search(r"1 repository · (\d+) requests", text)
    assert shown and int(shown.group(1)) == fake_github.charged
    assert any(r.headers.get("Authorization", "").endswith(TOKEN) for r in fake_github.log)
    reads = len(fake_github.log)
    at.run()  # a rerun (download click, new password) does not read GitHub again
    assert len(fake_github.log) == reads
    assert "code_sources" in repr(at.session_state) and TOKEN not in repr(at.session_state)


def test_github_user_without_a_resume(fake_github):
    at = run_app()
    text_input(at, "GitHub username").input("casey-example")
    at.run()
    at.toggle[0].set_value(True)
    at.run()

    assert not at.exception and not at.error
    assert at.subheader[0].value == "Readiness of casey-example"
    assert at.tabs[-1].label == "Repositories (1)"
    assert "Résumé checks" not in [t.label for t in at.tabs]


def test_unknown_github_user_keeps_the_resume_report(resume_pdf, fake_github, taxonomy):
    expected = analyze(resume_pdf, taxonomy=taxonomy).to_dict()
    at = upload(run_app(), resume_pdf.name, resume_pdf.read_bytes())
    text_input(at, "GitHub username").input("nobody-here")
    at.toggle[0].set_value(True)
    at.run()

    assert not at.exception
    assert len(at.error) == 1 and "nobody-here" in at.error[0].value
    assert metric(at, "Readiness score") == f"{expected['readiness']['score']:g} / 100"
