"""Software months and seniority, read from real generated PDFs (tests/pdf_factory.py).

Each case writes a résumé with fpdf2, parses it as a user's upload would be parsed, runs the
skill matcher and :func:`analyzer.scoring.experience.software_experience`, and pins the
months, the seniority and which roles counted. "Present" is the PDF's creation date, set by
the case, so the figures do not move with the calendar.
"""

from __future__ import annotations

from datetime import date

import pytest
from pdf_factory import build_resume_pdf

from analyzer.resume.parse import parse_resume, resume_from_text
from analyzer.scoring.experience import (advice_level, phrase_gaps, software_experience,
                                         stated_months)
from analyzer.scoring.gaps import Gap
from analyzer.skills.matcher import extract_skills
from analyzer.taxonomy.loader import load_taxonomy

TAXONOMY = load_taxonomy()
CREATED = date(2025, 6, 15)  # "Present" = June 2025
LATER = date(2026, 12, 1)  # the clock: after the PDF was made


def experience_of(resume):
    evidence = [(f.id, e) for f in extract_skills(resume, TAXONOMY) for e in f.evidence]
    return software_experience(resume, evidence, TAXONOMY)


def pdf_experience(tmp_path, roles, *, created=CREATED, extra=()):
    sections = [("Experience", roles), *extra, ("Skills", ["Python, Django, PostgreSQL"])]
    pdf = build_resume_pdf(tmp_path / "cv.pdf", sections, created=created)
    return experience_of(parse_resume(pdf, today=LATER))


CASES = {
    # case: (roles, software months, seniority, titles counted)
    "overlapping roles counted once": (
        ["**Backend Developer, Acme Cloud\tMar 2021 – Present", "• Built APIs in Python",
         "**Freelance Developer, Self-employed\tJan 2020 – Dec 2021", "• Built Django sites for 3 clients"],
        # Jan 2020 – Jun 2025: 2021's overlap once
        66, "senior", ["Backend Developer", "Freelance Developer"]),
    "a role outside software is left out": (
        ["**Software Engineer, Beta Labs\tJan 2024 – Present", "• Built services in Python",
         "**Barista, Corner Cafe\tJan 2019 – Dec 2023", "• Served 200 customers a day"],
        18, "junior", ["Software Engineer"]),
    "a research role counts when its bullets show software": (
        ["**Research Assistant, Example University\tJan 2022 – Dec 2023",
         "• Developed a data pipeline in Python for the lab's experiments",
         "**Research Assistant, Other University\tJan 2020 – Dec 2021",
         "• Ran interviews and wrote literature reviews"],
        24, "mid", ["Research Assistant"]),
    "a research role that devised an algorithm counts": (
        ["**Research Assistant, Example University\tJan 2024 – Dec 2024",
         "• Devised a new NLP algorithm for text classification, 10% more accurate"],
        12, "junior", ["Research Assistant"]),
    "an IT manager who implemented a framework, a teacher who created a grading system": (
        ["**Software Engineer, Beta Labs\tJan 2024 – Present", "• Built services in Python",
         "**Consultant, Gamma Ltd\tJan 2019 – Dec 2022", "• Implemented framework for service desk operations",
         "**Instructor, Delta College\tJan 2015 – Dec 2018", "• Created class schedules and a grading system"],
        18, "junior", ["Software Engineer"]),
    "a compression pipeline and a learning framework are software work": (
        ["**Research Intern, Apple ML Research\tJan 2024 – Jun 2024",
         "• Created on-device neural network compression pipeline deployed across 50M+ devices",
         "**Research Intern, Microsoft Research\tJan 2023 – Jun 2023",
         "• Implemented novel self-supervised learning framework for language modeling"],
        12, "junior", ["Research Intern", "Research Intern"]),
    "a system developed is software work": (
        ["**Analyst, Gamma Ltd\tJan 2024 – Present", "• Developed a reporting system for the sales team"],
        18, "junior", ["Analyst"]),
    "an undated software role adds no months": (
        ["**Software Engineer, Beta Labs\tJun 2023 – Present", "• Built services in Python",
         "**Developer, Gamma Ltd\tMonth 20XX – Month 20XX", "• Built Django apps"],
        25, "mid", ["Software Engineer", "Developer"]),
    "a course or a job simulation is no job, even when it names the tools": (
        ["**Software Engineer, Beta Labs\tJan 2024 – Present", "• Built services in Python",
         "**Data Science Course, Example Academy\tJan 2022 – Dec 2023", "• Used Python, Pandas and SQL",
         "**Data Analytics Virtual Experience Program, Accenture\tFeb 2023 – Feb 2023", "• Cleaned data in Python",
         "**Excel Capstone Project, Independence High School\tAug 2021 – Apr 2022", "• Built dashboards in Python"],
        18, "junior", ["Software Engineer"]),
    "machine learning and data science titles are software titles": (
        ["**Machine Learning Intern, Acme AI\tJan 2024 – Jun 2024", "• Trained models",
         "**AI/ML Intern, Beta Labs\tJul 2024 – Dec 2024", "• Ran experiments",
         "**Research Scientist, Gamma Institute\tJan 2023 – Dec 2023", "• Ran wet-lab assays",
         "**Kernel Engineer, Delta Systems\tJan 2021 – Dec 2021", "• Ported patches to newer LTS releases"],
        24, "mid", ["Machine Learning Intern", "AI/ML Intern", "Kernel Engineer"]),
    "Member of Technical Staff is a software title": (
        ["**Senior Member of Technical Staff, Oracle\tJan 2023 – Present", "• Owned the release process"],
        30, "mid", ["Senior Member of Technical Staff"]),
    "SMTS is a software title": (
        ["**SMTS, Salesforce\tJan 2024 – Present", "• Owned the release process"],
        18, "junior", ["SMTS"]),
    "QA engineer is a software title": (
        ["**QA Engineer, Beta Labs\tJan 2024 – Present", "• Owned the release process"],
        18, "junior", ["QA Engineer"]),
    "internships only": (
        ["**Software Engineering Intern, Acme\tJun 2024 – Aug 2024", "• Wrote tests for a Django API"],
        3, "junior", ["Software Engineering Intern"]),
}


@pytest.mark.parametrize("case", CASES)
def test_software_months_and_seniority_from_a_pdf(tmp_path, case):
    roles, months, seniority, counted = CASES[case]
    exp = pdf_experience(tmp_path, roles)
    assert (exp.software_months, exp.seniority) == (months, seniority), exp.reason
    assert [r.title for r in exp.roles if r.software] == counted
    assert (exp.as_of, exp.as_of_source) == (date(2025, 6, 1), "PDF creation date")
    assert str(months) in exp.reason


def test_a_network_engineer_is_not_software_work(tmp_path):
    exp = pdf_experience(tmp_path, ["**Network Engineer, Cisco\tJan 2020 – Present",
                                    "• Configured routers and VLANs for 40 offices"])
    assert (exp.software_months, exp.seniority) == (0, "student")
    assert exp.reason.startswith("The résumé's only role is not software work")


@pytest.mark.parametrize(("text", "software"), [
    ("Experience\nSupervisor/CNC Programmer, Blentech  Jan 2011 – Present\nRan the machine shop.", False),
    ("Experience\nsoftware engineer\nOracle, Business Objects -\nJune 2015 to Present\n"
     "Working as software engineer with Apple client in Exilant.", True),
    ("Experience\nConsultant, Acme  Jan 2015 – Present\nWorked as a junior PHP developer for clients.", True),
    ("Experience\nConsultant, Acme  Jan 2015 – Present\nWorked as a waiter at weekends.", False),
    ("Experience\nExecutive, Acme  Jan 2015 – Present\nDeveloped promotional articles on the products' key features.",
     False),
    ("Experience\nMechanical Designer, JDS  Jan 1990 – Dec 2000\nDesigned an automated tool changer for the lathe.\n"
     "Did troubleshooting of existing tooling for wear.", False),
    ("Experience\nSupervisor, Blentech  Jan 2011 – Present\nCreate a new machine shop to service the company's needs.",
     False),
    ("Experience\nEngineer, Acme  Jan 2011 – Present\nBuilt internal software tools for the support team.", True),
    ("Experience\nGame Designer, Acme  Jan 2011 – Present\nDeveloped a 2D platformer game in Unity.", True),
    ("Experience\nProject Manager / Technology Lead, Infosys  Jan 2011 – Present\nRan the offshore team.", True),
    ("Experience\nHead Researcher, Phonetics Lab  Jan 2011 – Present\nLed the development of QuickTongue, "
     "the first tongue-controlled game.", True),
    # a teacher's workshop that makes board games is no software
    ("Experience\nTeacher, Acme School  Jan 2011 – Present\nDeveloped & led workshop for teachers to make "
     "games, bulletin board learning centers.", False),
])
def test_software_work_from_the_title_or_what_the_bullets_say(text, software):
    exp = experience_of(resume_from_text(text, today=LATER))
    assert [r.software for r in exp.roles] == [software]


def test_undated_role_is_named_in_the_reason(tmp_path):
    exp = pdf_experience(tmp_path, CASES["an undated software role adds no months"][0])
    assert "1 more software role without readable dates" in exp.reason


def test_no_work_is_a_student(tmp_path):
    pdf = build_resume_pdf(tmp_path / "cv.pdf", [("Projects", ["**Todo API", "• A Django API"]),
                                                  ("Skills", ["Python"])], created=CREATED)
    exp = experience_of(parse_resume(pdf, today=LATER))
    assert (exp.software_months, exp.seniority) == (0, "student")
    assert "no work experience" in exp.reason


@pytest.mark.parametrize(("months", "seniority"), [(23, "junior"), (24, "mid"), (60, "mid"), (61, "senior")])
def test_seniority_bands(tmp_path, months, seniority):
    # one role of exactly `months` months ending in June 2025
    first = date(2025 - (months - 1 - 5 + 11) // 12, (6 - months) % 12 + 1, 1)
    role = f"**Software Engineer, Acme\t{first:%b %Y} – Jun 2025"
    exp = pdf_experience(tmp_path, [role, "• Built services in Python"])
    assert (exp.software_months, exp.seniority) == (months, seniority)


def test_last_updated_line_beats_the_creation_date(tmp_path):
    exp = pdf_experience(tmp_path, ["**Software Engineer, Acme\tJan 2024 – Present", "• Built APIs in Python"],
                         extra=[("Summary", ["Backend developer. Last updated: March 2025"])])
    assert (exp.as_of, exp.as_of_source) == (date(2025, 3, 1), "last updated line")
    assert exp.software_months == 15


def test_a_creation_date_older_than_the_content_is_ignored(tmp_path):
    # a template made in 2019 and filled in later: its creation date says nothing
    exp = pdf_experience(tmp_path, ["**Software Engineer, Acme\tJan 2024 – Present", "• Built APIs in Python"],
                         created=date(2019, 1, 1))
    assert (exp.as_of, exp.as_of_source) == (LATER, "today")
    assert exp.software_months == 36


def test_a_creation_date_before_an_end_date_is_ignored(tmp_path):
    # the PDF says it was made in June 2025, the résumé names an end in November 2025
    exp = pdf_experience(tmp_path, ["**Software Engineer, Acme\tJan 2024 – Nov 2025", "• Built APIs in Python",
                                    "**Developer, Beta\tJan 2022 – Present", "• Built Django apps"])
    assert exp.as_of_source == "today"
    assert exp.software_months == 60  # Jan 2022 – Dec 2026, inclusive


def test_stated_total_when_present_has_no_date():
    text = ("Ada Example\nSummary\nOver 3.5 years of experience building APIs.\nExperience\n"
            "Software Engineer, Acme  Jan 2010 – Present\nBuilt APIs in Java.\n")
    exp = experience_of(resume_from_text(text, today=LATER))
    assert (exp.software_months, exp.seniority) == (43, "mid")
    assert "Over 3.5 years of experience" in exp.reason


@pytest.mark.parametrize(("summary", "months", "seniority"), [
    # a total beside words of software work is a claim even when no role reads as software
    ("Senior software engineer with more than 9 years of experience in C and C++.", 109, "senior"),
    ("Java developer with 2 years 10 months\nof experience in banking.", 34, "mid"),  # wrapped
    # without such words it is not: the one role is not software work
    ("Analyst with more than 9 years of experience in reporting.", 0, "student"),
])
def test_stated_total_claiming_software_work(summary, months, seniority):
    text = (f"Ada Example\nSummary\n{summary}\nExperience\nSMT Lead, Acme  Jan 2010 – Present\n"
            "Ran the night shift.\n")
    exp = experience_of(resume_from_text(text, today=LATER))
    assert (exp.software_months, exp.seniority) == (months, seniority)


@pytest.mark.parametrize(("summary", "months"), [
    # with no role read, a total of other work is none ...
    ("Eight years of experience as a pet owner (dogs, cats, rabbits).", 0),
    ("5 years of experience in retail and customer service.", 0),
    ("10+ years of experience in Visual Media. Skills: Python, Maya.", 0),
    # ... but a total of software or IT work, or one beside code, still counts
    ("5 years of experience as a support engineer.", 60),
    ("5 years of experience in Java and Spring Boot.", 60),
])
def test_stated_total_without_roles(summary, months):
    exp = experience_of(resume_from_text(f"Ada Example\nSummary\n{summary}\n", today=LATER))
    assert exp.roles == () and exp.software_months == months


@pytest.mark.parametrize(("text", "months"), [
    ("Over 3.5 years of experience", 43),
    ("Total Experience: 12 years 6 months.", 150),
    ("Dev-Test Professional with 8+ Yrs of exp", 97),
    ("Ten years experience in mobile development", 120),
    ("2 years 10 months of experience", 34),
    ("a 4-year degree", None),
    ("spent 2 years at Acme", None),
])
def test_stated_months(text, months):
    found = stated_months([text])
    assert (found[0] if found else None) == months


@pytest.mark.parametrize(("score", "seniority", "level"), [
    (20, "student", "beginner"), (20, "junior", "beginner"), (55, "junior", "intermediate"),
    (20, "mid", "intermediate"), (80, "mid", "advanced"), (20, "senior", "advanced"), (20, None, "beginner"),
])
def test_advice_level_follows_seniority_and_readiness(score, seniority, level):
    assert advice_level(score, seniority) == level


def test_senior_gaps_say_the_resume_does_not_show_it(tmp_path):
    exp = pdf_experience(tmp_path, CASES["overlapping roles counted once"][0])
    gap = Gap("testing", "Automated testing", "missing", 0.67, 0.0,
              "No automated testing or test framework is mentioned.", ("pytest",))
    weak = Gap("containers", "Containers", "weak", 0.1, 50.0, "Docker is only listed.", ("docker",))
    phrased = phrase_gaps((gap, weak), exp)
    assert phrased[0].reason.startswith("No automated testing or test framework is mentioned. "
                                        "The résumé does not show this area")
    assert "5 years of software work" in phrased[0].reason
    assert phrased[1] == weak
    junior = pdf_experience(tmp_path, CASES["internships only"][0])
    assert phrase_gaps((gap,), junior) == (gap,)


@pytest.mark.parametrize(("text", "warned"), [
    # no date of its own, an open role, latest date 2012: "present" = today may be far too late
    ("Ada Example\nExperience\nPHP Developer, Acme  Nov 2012 – Present\nBuilt shops in PHP.\n", True),
    # a recent latest date: nothing to say
    ("Ada Example\nExperience\nPHP Developer, Acme  Jan 2025 – Present\nBuilt shops in PHP.\n", False),
    # dated by its own line: "present" is that date
    ("Ada Example\nLast updated: March 2013\nExperience\nPHP Developer, Acme  Nov 2012 – Present\n"
     "Built shops in PHP.\n", False),
    # no open role: nothing is counted up to today
    ("Ada Example\nExperience\nPHP Developer, Acme  Nov 2010 – Nov 2012\nBuilt shops in PHP.\n", False),
])
def test_an_old_undated_resume_is_flagged(text, warned):
    resume = resume_from_text(text, today=LATER)
    stale = [w for w in resume.warnings if "no date of its own" in w]
    assert bool(stale) == warned, resume.warnings
    if warned:
        assert "Nov 2012" in stale[0] and "Dec 2026" in stale[0] and "Last updated" in stale[0]


@pytest.mark.parametrize(("work", "seniority"), [
    # a software role with no dates is professional work whose months cannot be read
    ("Sarathi Foundation - Full-Stack Developer\nDesigned and developed the website", "junior"),
    ("Software developer\nMicrosoft\nBuilt internal tools", "junior"),
    # a degree or a sentence end under the heading is no role
    ("Bachelor of Software\nEngineering", "student"),
    ("Worked as a volunteer for the committee\nand xml for frontend.", "student"),
])
def test_a_software_role_without_dates_is_junior_not_student(work, seniority):
    exp = experience_of(resume_from_text(f"Ada Example\nada@example.org\nWork Experience\n{work}\n",
                                         today=date(2026, 12, 6)))
    assert (exp.software_months, exp.seniority) == (0, seniority), exp.reason
    if seniority == "junior":
        assert "without dates" in exp.reason and "add its dates" in exp.reason
