"""The Analyze (Save), Candidates, Cohorts and Postings pages driven by AppTest.

Each test gets its own SQLite workspace (``DATABASE_URL``, conftest's ``workspace_url``),
fills it through :mod:`analyzer.workspace` with reports of real generated PDFs, opens the
page through app.py's navigation and checks the page shows what the workspace holds.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest
from pdf_factory import DEFAULT_SECTIONS, build_resume_pdf
from streamlit.testing.v1 import AppTest

from analyzer.report import analyze
from analyzer.workspace import open_workspace

APP = Path(__file__).resolve().parents[2] / "app.py"
REPO_ROOT = APP.parent
COHORT = "Spring 2027"
MORE_SKILLS = (
    ("Experience", (*DEFAULT_SECTIONS[0][1],
                    "• Deployed the billing API to AWS with a GitHub Actions CI/CD pipeline")),
    ("Skills", ("Python, FastAPI, Django, PostgreSQL, Redis, Docker, Git, AWS, GitHub Actions",)),
    DEFAULT_SECTIONS[2],
)
JAVA = (
    ("Experience", ("**Developer, Gamma Corp\tJan 2022 – Present",
                    "• Built Spring Boot services in Java with MySQL for 2,000 users")),
    ("Skills", ("Java, Spring Boot, MySQL, Maven, JUnit",)),
)


def open_page(path: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    return at.switch_page(path).run() if path else at


def chart_frame(element):
    (dataset,) = element.proto.datasets
    return pa.ipc.open_stream(dataset.data.data).read_all().to_pandas()


def text(at: AppTest) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.caption, *at.subheader]).replace("\\", "")


@pytest.fixture
def reports(tmp_path, taxonomy) -> dict[str, dict]:
    """Three candidates' reports: Casey before and after, Robin (Java)."""
    def report(name, sections, person):
        pdf = build_resume_pdf(tmp_path / name, sections=sections, name=person)
        return analyze(pdf, taxonomy=taxonomy).to_dict()

    return {"casey-1": report("c1.pdf", DEFAULT_SECTIONS, "Casey Example"),
            "casey-2": report("c2.pdf", MORE_SKILLS, "Casey Example"),
            "robin": report("r.pdf", JAVA, "Robin Java")}


@pytest.fixture
def space(workspace_url):
    with open_workspace(workspace_url) as workspace:
        yield workspace


@pytest.fixture
def filled(space, reports):
    """The workspace with Casey's two reports, Robin's one, a note and a target posting."""
    first = space.save_report("Casey Example", reports["casey-1"], cohort=COHORT)
    second = space.save_report("Casey Example", reports["casey-2"], cohort=COHORT)
    space.save_report("Robin Java", reports["robin"], cohort=COHORT)
    space.add_note("Casey Example", "Talked about CI/CD.")
    space.add_tag("Robin Java", "java")
    space.add_posting(COHORT, "Junior Python developer", "Python, AWS and Docker required.",
                      parsed={"required": ["python", "aws"], "nice_to_have": ["docker"]})
    return first, second


# -- Analyze: Save ------------------------------------------------------------------------

def test_save_stores_the_report_for_a_new_candidate(resume_pdf, space, taxonomy):
    expected = analyze(resume_pdf, taxonomy=taxonomy).to_dict()
    space.add_posting(COHORT, "Junior Python developer", "Python required.")  # the cohort exists
    at = open_page()
    at.file_uploader[0].upload(resume_pdf.name, resume_pdf.read_bytes(), "application/pdf")
    at.run()
    assert at.text_input(key=next(k for k in at.session_state if str(k).startswith("save-name-"))
                         ).value == "Casey Example"
    cohort_key = next(k for k in at.session_state if str(k).startswith("save-cohort-"))
    at.selectbox(key=cohort_key).set_value(COHORT)
    next(b for b in at.button if b.label == "Save report").click()
    at.run()

    assert not at.exception and not at.error
    (entry,) = space.history("Casey Example")
    assert at.success[0].value == f"Saved as report {entry.id} of Casey Example."
    assert entry.score == expected["readiness"]["score"]
    assert entry.kept_file is None  # the file is kept only when asked
    assert next(b for b in at.button if b.label == "Save report").disabled  # no second copy by a second click

    at.switch_page("dashboard/candidates.py").run()  # "Open Casey Example" leads here
    assert at.selectbox(key="candidate").value == "Casey Example"
    at.switch_page("dashboard/analyze.py").run()  # and back: the report and its saved line stay
    assert not at.exception and at.success[0].value == f"Saved as report {entry.id} of Casey Example."
    assert [c.name for c in space.candidates(COHORT)] == ["Casey Example"]


def test_save_without_a_name_says_so(resume_pdf, space):
    at = open_page()
    at.file_uploader[0].upload(resume_pdf.name, resume_pdf.read_bytes(), "application/pdf")
    at.run()
    at.text_input(key=next(k for k in at.session_state if str(k).startswith("save-name-"))).input("  ")
    next(b for b in at.button if b.label == "Save report").click()
    at.run()

    assert not at.exception
    assert [e.value for e in at.error] == [
        "The new candidate has no name: type one, or pick an existing candidate."]
    assert space.candidates() == []


# -- Candidates ---------------------------------------------------------------------------

def open_candidate(name: str) -> AppTest:
    at = open_page("dashboard/candidates.py")
    at.selectbox(key="candidate").set_value(name)
    return at.run()


def test_candidates_list_search_and_tags(filled, space):
    at = open_page("dashboard/candidates.py")
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    assert list(table["Candidate"]) == ["Casey Example", "Robin Java"]
    assert list(table["Reports"]) == [2, 1]
    at.text_input(key="candidates-query").input("rob").run()
    assert list(at.dataframe[0].value["Candidate"]) == ["Robin Java"]
    at.text_input(key="candidates-query").input("").run()
    at.multiselect(key="candidates-tags").set_value(["java"]).run()
    assert list(at.dataframe[0].value["Candidate"]) == ["Robin Java"]
    at.text_input(key="candidates-query").input("nobody").run()
    assert at.info[0].value == "No candidate matches these filters."


def test_candidate_history_chart_and_comparison(filled, space, reports):
    first, second = filled
    at = open_candidate("Casey Example")

    assert not at.exception and not at.error
    labels = [t.label for t in at.tabs]  # the Report tab holds the report's own tabs
    assert labels[:3] == ["Progress", "Compare", "Report"] and labels[-2:] == ["Notes", "Export"]
    history = chart_frame(at.tabs[0].get("vega_lite_chart")[0])
    assert list(history["Score"]) == [reports["casey-1"]["readiness"]["score"],
                                      reports["casey-2"]["readiness"]["score"]]
    change = round(reports["casey-2"]["readiness"]["score"] - reports["casey-1"]["readiness"]["score"], 1)
    compare = at.tabs[1]
    metrics = {m.label: m.value for m in compare.metric}
    assert metrics["Change"] == f"{change:+g} points"
    assert metrics[f"Report #{first}"] == f"{reports['casey-1']['readiness']['score']:g} / 100"
    side_by_side = compare.dataframe[0].value.set_index("Area")
    cloud = next(g for g in reports["casey-2"]["readiness"]["groups"] if g["id"] == "cloud_hosting")
    assert side_by_side.loc[cloud["name"], f"#{second}"] == cloud["score"]
    gained = space.compare(first, second).skills_gained
    assert gained and all(s.name in text(at) for s in gained)


def test_one_report_cannot_be_compared(filled):
    at = open_candidate("Robin Java")
    assert "Comparing needs two reports" in "\n".join(i.value for i in at.info)


def test_note_tag_and_export(filled, space):
    at = open_candidate("Casey Example")
    at.text_area[0].input("Next: a CI pipeline.")
    next(b for b in at.button if b.label == "Add note").click()
    at.run()
    assert [n.text for n in space.notes("Casey Example")] == ["Talked about CI/CD.", "Next: a CI pipeline."]
    assert "Next: a CI pipeline." in text(at)

    at.multiselect(key="tags-Casey Example").set_value(["needs-ci"]).run()
    assert space.tags("Casey Example") == ["needs-ci"]

    next(b for b in at.button if b.label == "Prepare the PDF").click()
    at.run()
    assert not at.exception and not at.error
    assert [b.proto.label for b in at.get("download_button")].count("Download the PDF") == 1
    _, data = at.session_state["export"]
    assert data.startswith(b"%PDF-")


def test_empty_note_is_one_sentence(filled):
    at = open_candidate("Casey Example")
    next(b for b in at.button if b.label == "Add note").click()
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == ["The note is empty: write the text to keep, in quotes."]


def test_delete_candidate_after_confirmation(filled, space):
    at = open_candidate("Robin Java")
    at.checkbox(key="delete-sure-Robin Java").check().run()
    at.button(key="delete-Robin Java").click().run()
    assert [c.name for c in space.candidates()] == ["Casey Example"]
    assert at.success[0].value.startswith("Deleted Robin Java: 1 report(s)")


def test_bad_database_url_is_one_sentence(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "mysql://someone@localhost/jobready")
    at = open_page("dashboard/candidates.py")
    assert not at.exception
    assert len(at.error) == 1 and "Traceback" not in at.error[0].value
    assert "DATABASE_URL" in at.error[0].value or "mysql" in at.error[0].value


def test_empty_workspace_points_to_the_analyze_page():
    at = open_page("dashboard/candidates.py")
    assert at.info[0].value.startswith("No candidate matches. Save a report from the Analyze page")


# -- Cohorts ------------------------------------------------------------------------------

def test_cohort_gaps_heat_map_postings_and_groups(filled, space):
    at = open_page("dashboard/cohorts.py")
    assert not at.exception and not at.error
    analysis = space.cohort(COHORT)
    assert [t.label for t in at.tabs] == ["Candidates", "Common gaps", "Heat map", "Target postings",
                                          "Similar candidates"]
    gaps = chart_frame(at.tabs[1].get("vega_lite_chart")[0])
    assert dict(zip(gaps["Gap"], gaps["Candidates"])) == {g.name: g.count for g in analysis.common_gaps}
    heat = chart_frame(at.tabs[2].get("vega_lite_chart")[0])
    assert len(heat) == len(analysis.matrix.candidates) * len(analysis.matrix.groups)
    assert set(heat["Candidate"]) == {"Casey Example", "Robin Java"}
    fit = analysis.postings[0]
    ranking = at.tabs[3].dataframe[0].value
    assert list(ranking["Candidate"]) == [c for c, _ in fit.ranking]
    assert "Junior Python developer" in text(at)
    for group in analysis.grouping.groups:
        assert group.label in text(at)


def test_no_cohort_yet():
    at = open_page("dashboard/cohorts.py")
    assert at.info[0].value.startswith("No cohort yet")


# -- Postings -----------------------------------------------------------------------------

def test_add_and_delete_a_target_posting(filled, space):
    at = open_page("dashboard/postings.py")
    assert at.selectbox(key="postings-cohort").value == COHORT
    at.text_input[0].input("Backend intern")
    at.text_area[0].input("Backend intern\nRequired: Python and PostgreSQL. Docker is a plus.")
    next(b for b in at.button if b.label == "Add posting").click()
    at.run()

    assert not at.exception and not at.error
    assert [p.title for p in space.postings(COHORT)] == ["Junior Python developer", "Backend intern"]
    read = {s["name"]: s["requirement"] for s in space.postings(COHORT)[1].parsed["skills"]}
    assert read["Python"] == "required" and read["Docker"] == "nice_to_have"
    assert "2 target postings of Spring 2027" in text(at)
    assert "**Required:** Python, AWS  \n**Nice to have:** Docker" in [m.value for m in at.markdown]
    at.button(key=f"delete-posting-{space.postings(COHORT)[0].id}").click().run()
    assert [p.title for p in space.postings(COHORT)] == ["Backend intern"]


def test_empty_posting_is_one_sentence(filled, space):
    at = open_page("dashboard/postings.py")
    at.text_input[0].input("Nothing here")
    next(b for b in at.button if b.label == "Add posting").click()
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == ["The posting text is empty: paste the posting's text."]
    assert len(space.postings(COHORT)) == 1


# -- first paint -----------------------------------------------------------------------

def test_pages_import_no_spacy_before_they_paint():
    """app.py's imports (the navigation and every page module) leave spaCy unloaded, so the
    page paints its title before the matcher is compiled."""
    code = ("import sys, dashboard.navigation, dashboard.analyze, dashboard.candidates, "
            "dashboard.cohorts, dashboard.postings, dashboard.taxonomy; "
            "print(sorted(m for m in ('spacy', 'pdfplumber', 'sqlalchemy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
