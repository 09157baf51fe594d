"""Matching a posting to a candidate: statuses with evidence, any_of credit, the score and its
formula, projects for missing required skills, and a matched report against the JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest
from pdf_factory import build_resume_pdf

from analyzer.evidence import Evidence
from analyzer.postings import parse_posting, posting_from_text
from analyzer.postings.match import NICE_WEIGHT, REQUIRED_WEIGHT, match_posting
from analyzer.report.build import analyze, report_schema
from analyzer.scoring.profile import build_profile

POSTING = """Backend Engineer (Python)
Requirements:
- Python and Django
- PostgreSQL or MySQL
- Docker
- Kafka
Nice to have:
- Redis
- Terraform
"""


def evidence(strength: str, text: str, source: str = "resume") -> Evidence:
    if source == "resume":
        return Evidence("resume", strength, text, section="work" if strength != "listed" else "skills", page=1)
    return Evidence(source, "demonstrated", text, repo="casey/shop", path="requirements.txt")


@pytest.fixture
def matched(taxonomy):
    posting = parse_posting(posting_from_text(POSTING), taxonomy)
    profile = build_profile([
        ("django", evidence("demonstrated", "django==5.0 in requirements.txt", source="repo")),
        ("mysql", evidence("applied", "Built the order service on MySQL")),
        ("docker", evidence("listed", "Skills: Docker, Git")),
    ], taxonomy, code_examined=True)
    return match_posting(posting, profile, taxonomy)


def test_each_skill_has_one_status_with_evidence(matched):
    items = {i.name: i for i in matched.items}
    assert items["Django"].status == "shown_in_code" and items["Django"].evidence[0].path == "requirements.txt"
    assert items["MySQL"].status == "used" and "order service" in items["MySQL"].explanation()
    assert items["Docker"].status == "listed"
    assert items["Python"].status == "implied" and items["Python"].implied_by == ("Django",)
    assert items["Apache Kafka"].status == "missing" and not items["Apache Kafka"].evidence
    assert all(i.posting_evidence for i in matched.items)


def test_an_any_of_group_is_met_once(matched):
    items = {i.name: i for i in matched.items}
    assert items["PostgreSQL"].any_of == items["MySQL"].any_of is not None
    assert items["PostgreSQL"].status == "missing" and items["PostgreSQL"].covered_by == "MySQL"
    assert "met by MySQL" in items["PostgreSQL"].explanation()


def test_score_weighs_required_twice_and_prints_its_formula(matched):
    # required units: Python 1.0 (implied by code), Django 1.0, {PostgreSQL|MySQL} 0.8, Docker 0.5, Kafka 0
    # nice units: Redis 0, Terraform 0
    required, nice = [1.0, 1.0, 0.8, 0.5, 0.0], [0.0, 0.0]
    expected = 100 * (REQUIRED_WEIGHT * sum(required) + NICE_WEIGHT * sum(nice)) / (
        REQUIRED_WEIGHT * len(required) + NICE_WEIGHT * len(nice))
    assert matched.score == round(expected, 1)
    assert (matched.required_met, matched.required_total, matched.nice_met, matched.nice_total) == (4, 5, 0, 2)
    assert matched.formula.endswith(f"= {matched.score:g}") and "2 × 5" in matched.formula


def test_missing_required_come_first_with_a_project(matched, taxonomy):
    first = matched.items[0]
    assert (first.name, first.requirement, first.status) == ("Apache Kafka", "required", "missing")
    assert [i.requirement for i in matched.items] == sorted(
        (i.requirement for i in matched.items), key=lambda r: r != "required")
    closing = [p for p in matched.projects if "Apache Kafka" in p.closes]
    assert closing, matched.projects
    project = taxonomy.projects[[p.id for p in taxonomy.projects].index(closing[0].id)]
    assert "Django" in closing[0].title or "Python" in closing[0].stack  # the candidate's own stack
    assert closing[0].upgrades and set(closing[0].upgrades) <= {u.text for u in project.upgrades}


def test_nothing_shown_scores_zero_and_everything_shown_scores_100(taxonomy):
    posting = parse_posting(posting_from_text("Engineer\nRequirements:\n- Go\n- Redis is a plus\n"), taxonomy)
    empty = match_posting(posting, build_profile([], taxonomy), taxonomy)
    assert empty.score == 0 and empty.required_met == 0
    full = match_posting(posting, build_profile([
        ("go", evidence("demonstrated", "go.mod", "repo")), ("redis", evidence("demonstrated", "redis in go.mod", "repo"))],
        taxonomy, code_examined=True), taxonomy)
    assert full.score == 100


def test_a_matched_report_follows_the_json_schema(tmp_path, taxonomy):
    pdf = build_resume_pdf(tmp_path / "casey.pdf")
    posting = parse_posting(posting_from_text(POSTING), taxonomy)
    report = analyze(pdf, taxonomy=taxonomy, posting=posting)
    data = json.loads(report.to_json())
    jsonschema.validate(data, report_schema())
    match = data["match"]
    assert match["posting"]["title"] == "Backend Engineer (Python)"
    assert {i["status"] for i in match["items"]} <= {"shown_in_code", "used", "listed", "implied", "missing"}
    assert match["similarity"]["note"] and (match["similarity"]["cosine"] is None or 0 <= match["similarity"]["cosine"] <= 1)
    markdown = report.to_markdown()
    assert "## Match to the posting: Backend Engineer (Python)" in markdown and match["formula"] in markdown


def test_a_report_without_a_posting_has_no_match(tmp_path, taxonomy):
    report = analyze(build_resume_pdf(tmp_path / "casey.pdf"), taxonomy=taxonomy)
    assert "match" not in report.to_dict()


@pytest.mark.parametrize("level", ["beginner", "intermediate", "advanced"])
def test_projects_for_missing_skills_fit_the_candidates_level(taxonomy, level):
    posting = parse_posting(posting_from_text(
        "Backend Engineer\nRequirements:\n- Python\n- REST APIs\n- PostgreSQL\n- Docker\n- Kafka\n- Redis\n"
        "- Unit testing\n- CI/CD\n- OAuth\n"), taxonomy)
    matched = match_posting(posting, build_profile([], taxonomy), taxonomy, level=level)
    assert matched.projects
    difficulties = {p.difficulty for p in matched.projects}
    if level == "beginner":
        assert difficulties  # every level may be offered to a beginner
    else:  # no beginner project for anyone above it, nothing more than one level below
        assert "beginner" not in difficulties, difficulties
    if level == "advanced":
        assert difficulties <= {"intermediate", "advanced"}
