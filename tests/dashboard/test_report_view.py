"""The report view's small pure helpers (dashboard/report_view.py), table-driven.

Reports come from the library run on generated PDFs, so grouping is checked on real data.
"""

from __future__ import annotations

import pytest
from pdf_factory import build_resume_pdf

from analyzer.report import analyze
from dashboard.report_view import (
    closes_line,
    months_text,
    other_technology_rows,
    plain,
    seniority_of,
    skills_by_group,
)

GROUPS = {"cloud_hosting": "Cloud or hosting", "ci_cd": "CI/CD"}


@pytest.mark.parametrize("why, shown", [
    ("Closes 2 gaps (Cloud or hosting, CI/CD) at an intermediate level.", ""),  # why names both
    ("Closes 1 gap (Cloud or hosting) at an advanced level.", "CI/CD"),         # one left to say
    ("Suits an overall readiness of 55.5.", "Cloud or hosting, CI/CD"),         # why names none
])
def test_project_card_names_each_closed_gap_once(why, shown):
    project = {"closes": ["cloud_hosting", "ci_cd"], "why": why}
    assert closes_line(project, GROUPS) == shown


@pytest.mark.parametrize("months, text", [
    (0, "0 months"), (1, "1 month"), (11, "11 months"), (12, "1 year"), (13, "1 year 1 month"),
    (51, "4 years 3 months"), (134, "11 years 2 months"),
])
def test_months_in_words(months, text):
    assert months_text(months) == text


@pytest.mark.parametrize("candidate, expected", [
    ({"seniority": "senior", "seniority_reason": "134 months of software work"},
     ("Senior", "134 months of software work")),
    ({"seniority": "mid"}, ("Mid-level", "")),
    ({"seniority": {"level": "junior", "reason": "8 months"}}, ("Junior", "8 months")),
    ({"seniority": None, "software_months": None}, None),  # no résumé
    ({}, None),                                             # a report from before schema 1.1
])
def test_seniority_of(candidate, expected):
    assert seniority_of(candidate) == expected


@pytest.mark.parametrize("text, literal", [
    ("Saved $20k a year", "Saved \\$20k a year"),
    ("*nightly* reports", "\\*nightly\\* reports"),
    ("plain words", "plain words"),
])
def test_plain_makes_resume_text_literal(text, literal):
    assert plain(text) == literal


def test_skills_sit_under_the_groups_they_can_meet(tmp_path, taxonomy):
    pdf = build_resume_pdf(tmp_path / "r.pdf", sections=[
        ("Experience", ["• Built a billing API in Python and FastAPI used by 3 teams"]),
        ("Skills", ["Python, FastAPI, Redis, Jira"]),
    ])
    data = analyze(pdf, taxonomy=taxonomy).to_dict()
    grouped = skills_by_group(data, taxonomy)

    groups = [g for g, _ in grouped if g is not None]
    assert [g["id"] for g in groups] == [g["id"] for g in data["readiness"]["groups"]]
    for group, members in grouped:
        if group is not None:
            assert {s["id"] for s in members} <= set(taxonomy.group(group["id"]).any_of)
    placed = {s["id"] for _, members in grouped for s in members}
    assert placed == {s["id"] for s in data["skills"]}  # every skill shown somewhere
    framework = next(m for g, m in grouped if g and g["id"] == "backend_framework")
    assert "FastAPI" in [s["name"] for s in framework]


def test_other_technologies_are_listed_with_category_and_evidence(tmp_path, taxonomy):
    pdf = build_resume_pdf(tmp_path / "r.pdf", sections=[
        ("Experience", ["• Wrote Apache Spark jobs in Python that load 2 TB a day into Snowflake"]),
        ("Skills", ["Python, Apache Spark, Tableau"]),
    ])
    data = analyze(pdf, taxonomy=taxonomy).to_dict()
    rows = other_technology_rows(data["other_technologies"], taxonomy)

    by_name = {r["Technology"]: r for r in rows}
    assert {"Apache Spark", "Tableau"} <= set(by_name)
    assert by_name["Apache Spark"]["Category"] == taxonomy.categories["data_engineering"]
    assert by_name["Apache Spark"]["Strength"] == "quantified"
    assert "Wrote Apache Spark jobs" in by_name["Apache Spark"]["Evidence"]
    assert "Python" not in by_name  # a curated skill stays with the skills
