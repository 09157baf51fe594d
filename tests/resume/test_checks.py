"""Résumé checks: every check passing and failing, on pasted text and on real generated PDFs.

Text cases go through :func:`analyzer.resume.resume_from_text`; PDF cases are written by fpdf2
(tests/pdf_factory.py) and read by :func:`analyzer.resume.parse_resume`, so each check is
tested on what the parser really finds. Each case pins ``passed`` and the exact detail.
"""

from __future__ import annotations

from datetime import date

import pytest
from pdf_factory import DEFAULT_SECTIONS, build_resume_pdf, date_column_pdf, many_pages_pdf

from analyzer.resume.checks import check_resume, has_measurable_outcome, statements
from analyzer.resume.template import template_text
from analyzer.resume.parse import Line, parse_resume, resume_from_text

TODAY = date(2025, 1, 1)
HEADER = "Ada Example\nada@example.org | +44 20 7946 0958 | github.com/ada-example\n"
CORE = "Skills\nPython, FastAPI, Docker\nEducation\nBSc Computer Science, Example University\n"
ROLE = "Experience\nBackend Developer, Acme Cloud   Mar 2021 – Dec 2023\n"


def _check(resume, check_id):
    found = {check.id: check for check in check_resume(resume)}
    assert list(found) == ["contact_details", "github_link", "template_text", "standard_headings", "role_dates",
                           "measurable_outcomes", "length", "single_column"]
    return found[check_id]


@pytest.mark.parametrize(
    ("check_id", "text", "passed", "detail"),
    [
        ("contact_details", HEADER, True, "Name, e-mail and phone number are present."),
        ("contact_details", "Ada Example\nada@example.org\n", False, "No phone number found in the résumé text."),
        ("github_link", HEADER, True, "Links to github.com/ada-example."),
        ("github_link", "Ada Example\nada@example.org\n", False, "No GitHub profile link found."),
        ("standard_headings", HEADER + ROLE + CORE, True, "Found the core sections (headings: Experience → "
         "work, Skills → skills, Education → education)."),
        ("standard_headings", HEADER + ROLE + "Education\nBSc Physics\n", False, "No skills section was "
         "recognised (headings: Experience → work, Education → education)."),
        ("role_dates", HEADER + ROLE + "• Built APIs\n", True, "The role has dates."),
        ("role_dates", HEADER + ROLE + "• Built APIs\nIntern, Beta Labs   Jun 2020 – Aug 2020\n", True,
         "Both roles have dates."),
        ("role_dates", HEADER + "Experience\nDeveloper, Acme   Month 20XX – Present\n• Built APIs\n"
         "Intern, Beta   Month 20XX – Month 20XX\n", False, "The dates of 2 of 2 roles could not be read "
         "(they are placeholders such as 'Month 20XX'), so no experience was counted: Developer, Acme | "
         "Month 20XX – Present; Intern, Beta | Month 20XX – Month 20XX."),
        ("role_dates", HEADER + ROLE + "• Built APIs\nIntern, Beta   20?? – Present\n", False,
         "The dates of 1 of 2 roles could not be read (they are placeholders such as '20??'): "
         "Intern, Beta | 20?? – Present."),
        ("role_dates", HEADER + "Experience\nBackend Developer, Acme Cloud\n• Built APIs\n", False,
         "The work section has no dates that could be read, so no experience was counted."),
        ("role_dates", HEADER + CORE, None, "No work section was recognised, so dates could not be checked."),
        ("measurable_outcomes", HEADER + ROLE + "• Built a billing API used by 3 teams\n• Wrote tests\n", True,
         "1 of 2 work and project statements (bullets or sentences) carry a measurable outcome (50%)."),
        ("measurable_outcomes", HEADER + ROLE + "• Built a billing API\n• Wrote tests\n• Fixed bugs\n"
         "• Cut load by 30%\n", False, "1 of 4 work and project statements (bullets or sentences) carry a "
         "measurable outcome (25%)."),
        # No bullet symbols: a role's paragraph and a project's description are cut into sentences.
        ("measurable_outcomes", HEADER + ROLE + "Built a billing API used by 3 teams. Wrote tests. Fixed "
         "bugs.\nProjects\nGotham Planner\nCreated an event planner in React. Served 200 users.\n", True,
         "2 of 5 work and project statements (bullets or sentences) carry a measurable outcome (40%)."),
        # No work entry (no dates): the work section's own bullets count.
        ("measurable_outcomes", HEADER + "Experience\nDeveloper, Acme\n• Built 3 APIs\n• Wrote tests\n", True,
         "1 of 2 work and project statements (bullets or sentences) carry a measurable outcome (50%)."),
        # The same bullet under a role and a project counts once.
        ("measurable_outcomes", HEADER + ROLE + "• Built a billing API\n• Cut load by 30%\nProjects\nBilling\n"
         "• Built a billing API\n", True, "1 of 2 work and project statements (bullets or sentences) carry "
         "a measurable outcome (50%)."),
        ("measurable_outcomes", HEADER + CORE, None, "No work or project statements were found to check."),
        ("length", HEADER, True, "1 page."),
        ("single_column", HEADER, True, "The layout is a single column."),
    ],
)
def test_check_on_text(check_id, text, passed, detail):
    check = _check(resume_from_text(text, today=TODAY), check_id)
    assert (check.passed, check.detail) == (passed, detail)
    assert bool(check.advice) == (check.passed is not True), "advice exactly when not passed"


NO_SYMBOLS = [
    ("Experience", [
        "**Backend Developer, Acme Cloud\tMar 2021 – Dec 2023",
        "Built a billing API in Python used by 3 teams. Cut database load by 30% with caching.",
        "**Junior Developer, Beta Labs\tJan 2019 – Feb 2021",
        "Maintained Django services. Reviewed pull requests.",
    ]),
    ("Projects", ["**Todo API", "A FastAPI service with 40 tests, deployed with Docker."]),
    *DEFAULT_SECTIONS[1:],
]
MODERNCV = [("", "EXPERIENCE"), ("June 2020 –", "Backend Developer, Acme Cloud, London"),
            ("Present", "Built APIs in Go for 12 teams. Ran PostgreSQL on Kubernetes."),
            ("", "Wrote integration tests and reviewed code every sprint."),
            ("Jan 2018 –", "Intern, Beta Labs, Leeds"), ("May 2020", "Wrote tests. Cut build time by 40%."),
            ("", "SKILLS"), ("", "Go, PostgreSQL, Kubernetes")]


@pytest.mark.parametrize(
    ("check_id", "make", "passed", "detail"),
    [
        ("measurable_outcomes", lambda p: build_resume_pdf(p), True,
         "2 of 3 work and project statements (bullets or sentences) carry a measurable outcome (67%)."),
        ("measurable_outcomes", lambda p: build_resume_pdf(p, NO_SYMBOLS), True,
         "3 of 5 work and project statements (bullets or sentences) carry a measurable outcome (60%)."),
        ("measurable_outcomes", lambda p: date_column_pdf(p, ["Taylor Dates", "taylor@example.org"], MODERNCV),
         True, "2 of 5 work and project statements (bullets or sentences) carry a measurable outcome (40%)."),
        ("role_dates", lambda p: build_resume_pdf(p), True, "Both roles have dates."),
        ("length", lambda p: build_resume_pdf(p), True, "1 page."),
        ("length", lambda p: many_pages_pdf(p, 3), False, "3 pages."),
        ("single_column", lambda p: build_resume_pdf(p, layout="two-column"), False,
         "The résumé uses several columns, which many applicant tracking systems read out of order."),
        ("contact_details", lambda p: build_resume_pdf(p), True, "Name, e-mail and phone number are present."),
        ("github_link", lambda p: build_resume_pdf(p, links={}, contacts=["casey@example.org"]), False,
         "No GitHub profile link found."),
    ],
    ids=["bullets", "no-bullet-symbols", "moderncv-date-column", "dates", "one-page", "three-pages",
         "two-columns", "contacts", "no-github"],
)
def test_check_on_pdf(tmp_path, check_id, make, passed, detail):
    check = _check(parse_resume(make(tmp_path / "cv.pdf"), today=TODAY), check_id)
    assert (check.passed, check.detail) == (passed, detail)
    assert bool(check.advice) == (check.passed is not True)


def test_bullets_without_symbols_are_the_work_entries_sentences(tmp_path):
    """moderncv-style roles: no bullet glyphs, so the statements come from ``WorkEntry.bullets``."""
    resume = parse_resume(date_column_pdf(tmp_path / "cv.pdf", ["Taylor Dates", "taylor@example.org"], MODERNCV))
    assert not any(line.bullet for line in resume.lines)
    assert [len(w.bullets) for w in resume.work] == [3, 2]
    assert _check(resume, "measurable_outcomes").passed is True


def _lines(*rows: str) -> list[Line]:
    return [Line(row.removeprefix("• "), 1, "projects", 0, False, row.startswith("• ")) for row in rows]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (["Todo API", "• A FastAPI service", "• Tested with pytest"], ["A FastAPI service", "Tested with pytest"]),
        (["• Built a service that", "handles 3M requests a day"], ["Built a service that handles 3M requests a day"]),
        (["Todo API", "Built a REST API with 3 endpoints", "Chat Bot", "Answers questions in Slack"],
         ["Built a REST API with 3 endpoints", "Answers questions in Slack"]),
        (["2019 – Personal Project: Gotham Planner", "Present Created an event planner used in Gotham city by",
          "hundreds of people. It runs on Docker.", "2/2"],
         ["Present Created an event planner used in Gotham city by hundreds of people.", "It runs on Docker."]),
        (["Todo API", "Jan 2020 – Mar 2020", "A service for 20 lists."], ["A service for 20 lists."]),
        ([], []),
    ],
    ids=["bullets", "bullet-continued", "header-then-line", "paragraph-and-page-number", "dates-line", "empty"],
)
def test_statements(rows, expected):
    assert statements(_lines(*rows)) == expected


# -- measurable outcomes and template text (issue 7 §4) ------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a number with a unit, %, currency, multiplier, or a count of users, requests or people
    ("Reduced p99 latency by 40%", True),
    ("Raised $2M in seed funding", True),
    ("Made the build 3× faster", True),
    ("2.8x speedup of inference", True),
    ("Handles 10k requests/s at peak", True),
    ("Lead a cross-functional team of 5 engineers", True),
    ("Mentored four junior engineers", True),
    ("Cut build time from 28 to 6 minutes", True),
    ("Ingest around 1TB of data each day", True),
    ("Built foundation model infrastructure serving 2M+ monthly API calls", True),
    ("Presented research findings to a group of 20+", True),
    ("Open source, 8,500+ GitHub stars", True),
    ("Reduced response time to 200 ms", True),
    # a bare number is not an outcome
    ("Job description 1", False),
    ("Job description 2", False),
    ("Project 1", False),
    ("Graduated in 2019", False),
    ("Worked with Python 3 and Django", False),
    ("Co-authored paper accepted at NeurIPS 2022", False),
    ("Month 20XX – Ongoing", False),
    ("Took CS 3410 Systems Programming", False),
    ("Migrated services from Python 2 to 3", False),
    ("Spent 2 years at Acme", False),
])
def test_measurable_outcome(text, expected):
    assert has_measurable_outcome(text) is expected


@pytest.mark.parametrize(("text", "placeholder"), [
    ("your_id", "your_id"),
    ("YOUR NAME HERE", "YOUR NAME"),
    ("Job description 1", "Job description 1"),
    ("Project 1", "Project 1"),
    ("Company 2", "Company 2"),
    ("Month 20XX – Ongoing Location", "Month 20XX"),
    ("Lorem ipsum dolor sit amet", "Lorem ipsum"),
    ("github.com/your_id", "github.com/your_id"),
    ("linkedin.com/in/username", "linkedin.com/in/username"),
    ("000-00-0000", "000-00-0000"),
    # real text is left alone
    ("Built a REST API in Go", None),
    ("Project 1: payments service in Go for 3 teams", None),
    ("We grew your company's revenue", None),
    ("github.com/octocat", None),
    ("Username validation in Django forms", None),
    ("Project management and planning", None),
])
def test_template_text(text, placeholder):
    assert template_text(text) == placeholder


TEMPLATE = ("YOUR NAME HERE\nyour_name@email.com | 000-00-0000 | github.com/your_id\n"
            "Experience\nJob Title 1\nCompany 1\nMonth 20XX – Ongoing\n• Job description 1\n"
            "• Job description 2\nProjects\nProject 1\n• Details\n" + CORE)


@pytest.mark.parametrize(("check_id", "text", "passed", "detail"), [
    ("template_text", HEADER + ROLE + CORE, True,
     'No template placeholders (such as "Your Name" or "Job description 1") were found.'),
    ("template_text", TEMPLATE, False, "8 lines still hold template text: 'YOUR NAME', "
     "'github.com/your_id', 'Job Title 1', 'Company 1', 'Month 20XX' and 3 more."),
    ("github_link", TEMPLATE, False, "The GitHub link github.com/your_id is a template placeholder, not a profile."),
    ("contact_details", TEMPLATE, False, "Template placeholders stand where contact details belong: "
     "YOUR NAME HERE, your_name@email.com, 000-00-0000."),
    ("measurable_outcomes", TEMPLATE, False,
     "0 of 3 work and project statements (bullets or sentences) carry a measurable outcome (0%)."),
])
def test_template_checks(check_id, text, passed, detail):
    resume = resume_from_text(text, today=TODAY)
    if text is TEMPLATE:
        assert resume.basics.github is None  # a placeholder is never read as a GitHub user
    check = _check(resume, check_id)
    assert (check.passed, check.detail) == (passed, detail)
