"""Résumé → sections, contacts and work entries, on real PDFs (fpdf2) and on plain text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_factory import (
    build_resume_pdf,
    date_column_pdf,
    glued_words_pdf,
    letter_spaced_pdf,
    text_then_image_pdf,
    unicode_pdf,
)

from analyzer.errors import NotAPdfError, ResumeError
from analyzer.resume.parse import Resume, github_user, parse_resume, resume_from_text
from analyzer.resume.sample import SAMPLE_RESUME, main

TODAY = date(2025, 12, 31)


def test_sample_resume_parses_into_sections_contacts_and_work():
    resume = parse_resume(SAMPLE_RESUME, today=TODAY)
    assert resume.sections == ("basics", "work", "projects", "skills", "education", "languages")
    assert resume.headings == (
        ("basics", "SUMMARY"), ("work", "EXPERIENCE"), ("projects", "PROJECTS"),
        ("skills", "TECHNICAL SKILLS"), ("education", "EDUCATION"), ("languages", "LANGUAGES"),
    )
    b = resume.basics
    assert (b.name, b.email, b.phone) == ("Robin Castell", "robin.castell@example.com", "+1 555 010 4477")
    assert (b.github, b.linkedin) == ("robin-castell-dev", "https://linkedin.com/in/robin-castell-dev")
    assert [(w.title, w.organization, w.start, w.end, w.months, len(w.bullets)) for w in resume.work] == [
        ("Junior Backend Developer", "Lumen Parcel", date(2023, 6, 1), None, 8, 4),
        ("Software Engineering Intern", "Brightfield Labs", date(2022, 1, 1), date(2022, 8, 1), 8, 2),
    ]
    # "Present" is the PDF's creation date (2024-01), not the day it is read
    assert (resume.as_of, resume.as_of_source) == (date(2024, 1, 1), "PDF creation date")
    assert resume.experience_months == 16
    assert resume.work[0].bullets[1] == "Cut the p95 latency of order search from 900 ms to 180 ms with PostgreSQL indexes"
    assert (resume.layout, resume.pages, resume.warnings) == ("single-column", 1, ())


def test_shipped_sample_matches_what_the_generator_writes(tmp_path):
    out = tmp_path / "sample.pdf"
    assert main([str(out)]) == 0
    assert parse_resume(out, today=TODAY) == parse_resume(SAMPLE_RESUME, today=TODAY)


def test_two_column_resume_keeps_sections_apart(tmp_path):
    resume = parse_resume(build_resume_pdf(tmp_path / "two.pdf", layout="two-column"), today=TODAY)
    assert resume.layout == "multi-column"
    assert resume.sections == ("basics", "skills", "education", "work")
    assert [line.column for line in resume.lines if line.section == "skills"] == [1, 1, 1]
    assert [(w.title, w.organization, w.months) for w in resume.work] == [
        ("Backend Developer", "Acme Cloud", 35), ("Junior Developer", "Beta Labs", 28),
    ]
    # Jan 2019 – Jan 2024 (the PDF's creation date), the overlap in 2021 counted once
    assert resume.experience_months == 61
    assert (resume.basics.name, resume.basics.github) == ("Casey Example", "casey-example")


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Experience", "work"), ("Professional Experience", "work"), ("WORK HISTORY", "work"),
        ("Employment:", "work"), ("Technical Skills", "skills"), ("Skills & Tools", "skills"),
        ("Core Competencies", "skills"), ("Tech Stack", "skills"), ("Personal Projects", "projects"),
        ("Academic Background", "education"), ("Certifications", "certificates"),
        ("Licenses & Certifications", "certificates"), ("Summary", "basics"), ("Profile", "basics"),
        ("About Me", "basics"), ("Objective", "basics"), ("Volunteer Experience", "volunteer"),
        ("Honors & Awards", "awards"), ("Publications", "publications"), ("Languages", "languages"),
        ("Hobbies", "interests"), ("References", "references"), ("Open Source", "projects"),
        # misspelt, and a short heading ending in "experience" the list lacks
        ("PROFESSIONNAL EXPERIENCE", "work"), ("ICT Related Experience", "work"),
        ("SAP Experience", "work"), ("Projects Undertaken", "projects"),
        ("Information Technology Projects", "projects"), ("Web Sites", "projects"),
        # numbered headings, and a numbered heading's last word when the list lacks it
        ("1. PERSONAL INFORMATION", "basics"), ("IV) Projects", "projects"),
        ("5. CO-CURRICULAR & EXTRA-CURRICULAR ACTIVITIES", "volunteer"),
        ("6. Skill Orientation / Technical Skills", "skills"),
        ("7. Awards, Honours & Achievements", "awards"),
        ("Key Projects & Tools", "projects"), ("PROJECT SHOWCASES", "projects"),
        ("Academic Project Details", "projects"), ("Academic Qualification :", "education"),
        ("EDUCATION BACKGROUND", "education"), ("LEADERSHIP AND INVOLVEMENT", "volunteer"),
    ],
)
def test_headings_map_to_json_resume_sections(heading, section):
    resume = resume_from_text(f"Ada Example\n{heading}\nsome line under it")
    assert resume.headings == ((section, heading),)
    assert [line.section for line in resume.lines] == ["basics", section, section]


@pytest.mark.parametrize(
    "row",
    ["Languages: Python, C++", "Experience with Docker and Kubernetes in production", "Skills matter a lot here",
     "Tools: Git, Docker", "Summary of the project below was written in 2021 for a client",
     "Summary of Experience", "10 years experience", "of projects.", "into programs/projects",
     "web projects", "2. Improved the build times of 4 teams", "Demonstrated Key Skills",
     "3. Participated in many sports activities"],
)
def test_rows_that_are_not_headings_stay_in_their_section(row):
    resume = resume_from_text(f"Ada Example\nSkills\n{row}")
    assert resume.lines[2].section == "skills" and not resume.lines[2].is_heading


def test_unstyled_heading_word_in_a_pdf_is_not_a_heading(tmp_path):
    sections = [("Experience", ["**Developer, Acme\tJan 2020 – Dec 2020", "Projects", "• Built an API"]),
                ("Skills", ["Python"])]
    resume = parse_resume(build_resume_pdf(tmp_path / "r.pdf", sections), today=TODAY)
    assert [h for _, h in resume.headings] == ["EXPERIENCE", "SKILLS"]
    assert [line.section for line in resume.lines if line.text == "Projects"] == ["work"]


def test_letter_spaced_heading_starts_its_section(tmp_path):
    path = letter_spaced_pdf(tmp_path / "s.pdf", "WORK EXPERIENCE", ["Developer, Acme Jan 2021 - Dec 2021"])
    resume = parse_resume(path, today=TODAY)
    assert resume.headings == (("work", "WORK EXPERIENCE"),)
    assert [(w.title, w.months) for w in resume.work] == [("Developer", 12)]


def test_glued_words_resume_finds_sections_and_dates(tmp_path):
    rows = ["Quinn Glued", "quinn@example.org", "EXPERIENCE", "Platform Engineer, Zeta Systems",
            "Jan 2020 - Mar 2021", "SKILLS", "Python, Go, Terraform"]
    resume = parse_resume(glued_words_pdf(tmp_path / "g.pdf", rows), today=TODAY)
    assert resume.sections == ("basics", "work", "skills")
    assert [(w.title, w.organization, w.months) for w in resume.work] == [("Platform Engineer", "Zeta Systems", 15)]


def test_moderncv_date_column_with_present_on_the_next_line(tmp_path):
    rows = [("", "EXPERIENCE"), ("June 2020 –", "Backend Developer, Acme Cloud, Berlin, Germany"),
            ("Present", "Built APIs in Go. Ran PostgreSQL."), ("", "Kept the team's CI green."),
            ("Jan 2018 –", "Intern, Beta Labs"), ("May 2020", "Wrote tests."), ("", "EDUCATION"),
            ("2014 – 2018", "BSc Computer Science")]
    resume = parse_resume(date_column_pdf(tmp_path / "m.pdf", ["Taylor Dates", "taylor@example.org"], rows), today=TODAY)
    assert resume.layout == "single-column"
    assert [(w.title, w.organization, w.start, w.end, w.months) for w in resume.work] == [
        ("Backend Developer", "Acme Cloud", date(2020, 6, 1), None, 67),
        ("Intern", "Beta Labs", date(2018, 1, 1), date(2020, 5, 1), 29),
    ]
    assert resume.work[0].bullets == ("Built APIs in Go.", "Ran PostgreSQL.", "Kept the team's CI green.")
    assert resume.experience_months == 96


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        ("Experience\nBackend Developer | Acme Corp | Jan 2020 – Present\n• Built APIs",
         [("Backend Developer", "Acme Corp", date(2020, 1, 1), None, 72)]),
        ("Work History\nAcme Corp\nSoftware Engineer  May 2021 - Aug 2022\n- Shipped the billing API",
         [("Software Engineer", "Acme Corp", date(2021, 5, 1), date(2022, 8, 1), 16)]),
        ("Experience\nData Engineer, Beta GmbH, Berlin, Germany\n06/2019 – 08/2020",
         [("Data Engineer", "Beta GmbH", date(2019, 6, 1), date(2020, 8, 1), 15)]),
        ("Experience\nIntern at Gamma Inc (Summer 2018)",
         [("Intern", "Gamma Inc", date(2018, 6, 1), date(2018, 8, 1), 3)]),
        ("Professional Experience\nDeveloper, Delta 2019–21\nQA Tester, Epsilon 2017 - 2018",
         [("Developer", "Delta", date(2019, 1, 1), date(2021, 12, 1), 36),
          ("QA Tester", "Epsilon", date(2017, 1, 1), date(2018, 12, 1), 24)]),
        ("Employment\nJune 2020 – Support Engineer, Kappa\nPresent Answered 40 tickets a day.",
         [("Support Engineer", "Kappa", date(2020, 6, 1), None, 67)]),
        ("Experience\nSocial Media Manager, September 2013\nPresent",
         [("Social Media Manager", None, date(2013, 9, 1), None, 148)]),
        # a year alone whose end is on the next line; a year alone with none opens no entry
        ("Experience\nBG Computer Technologies\n2008\nPresent\nJava Developer\nProgrammed websites",
         [("BG Computer Technologies", None, date(2008, 1, 1), None, 216)]),
        ("Experience\nABC Corp\n2001\n2006: Principal Software Engineer\nDesigned the pump software",
         [("ABC Corp", None, date(2001, 1, 1), date(2006, 12, 1), 72)]),
        ("Projects\nx\nExperience\n2012\nWho did I forget?\nGuest list recommendation", []),
        ("Experience\nAcme Digital\nDuration: May 2010 – Dec 2011\nBuilt the shop",
         [("Acme Digital", None, date(2010, 5, 1), date(2011, 12, 1), 20)]),
        ("Experience\nAssociate Software Engineer\noracle\n• Associate Software Engineer in Oracle India\n"
         "• Experience in Hyperion products. (September 2017 onwards)\nAutomation through python.",
         [("Associate Software Engineer", None, date(2017, 9, 1), None, 100)]),
        # a date-first layout: each entry's header is its date line and the lines below it
        ("Experience\n2011 to Present\nBlentech, Santa Rosa\nSupervisor\nRan the shop\nProcess Flow\n"
         "2006 to 2008\nSiemens PLM Software, Cypress\nApplications Engineer\nWrote test plans",
         [("Supervisor", "Blentech", date(2011, 1, 1), None, 180),
          ("Applications Engineer", "Siemens PLM Software", date(2006, 1, 1), date(2008, 12, 1), 36)]),
        ("Experience\nSoftware Engineer with Prolifics Dec' 2015 to Sept' 2016",
         [("Software Engineer with Prolifics", None, date(2015, 12, 1), date(2016, 9, 1), 10)]),
    ],
)
def test_work_entries_from_text(text, entries):
    resume = resume_from_text(text, today=TODAY)
    assert [(w.title, w.organization, w.start, w.end, w.months) for w in resume.work] == entries


def test_roles_in_the_summary_area_when_no_heading_opens_a_work_section():
    text = ("Ada Example\nada@example.com\nSanta Rosa, CA\nCompetent and hands-on.\n2011 to Present\n"
            "Blentech, Santa Rosa\nWeb Developer\nBuilt the ordering site in PHP\n2006 to 2008\n"
            "Acme, Cypress\nQA Engineer\nWrote test plans for releases\nEducation\nBSc Physics 1990 - 1994\n")
    resume = resume_from_text(text, today=TODAY)
    assert [(w.start, w.end) for w in resume.work] == [(date(2011, 1, 1), None),
                                                      (date(2006, 1, 1), date(2008, 12, 1))]
    sections = {line.text: line.section for line in resume.lines}
    assert sections["Built the ordering site in PHP"] == "work"       # bullets read as work
    assert sections["Competent and hands-on."] == "basics"
    assert sections["BSc Physics 1990 - 1994"] == "education"


def test_roles_in_the_summary_area_under_a_work_heading_that_holds_a_skills_list():
    # flattened text: "Work experience" heads a list of skills, the dated role sits under
    # "Personal details"
    text = ("Ada Example\nPHP developer\nWork experience\nServer administration\nObject oriented\n"
            "Personal details\nAda Example\n34 Anywhere Road\nCoventry\nWeb Design Company\n"
            "PHP DEVELOPER\nJune 2008 - Present\nBuilding PHP websites using PHP based frameworks.\n"
            "Back end development of websites using PHP and MySQL.\n")
    resume = resume_from_text(text, today=TODAY)
    assert [(w.title, w.start, w.end) for w in resume.work] == [("PHP DEVELOPER", date(2008, 6, 1), None)]
    sections = {line.text: line.section for line in resume.lines}
    assert sections["Back end development of websites using PHP and MySQL."] == "work"
    assert sections["34 Anywhere Road"] == "basics"


def test_overlapping_jobs_are_counted_once():
    text = "Experience\nDeveloper, Acme  Jan 2020 – Dec 2020\nMentor, Beta  Jun 2020 – Jun 2021\nEducation\nBSc 2015 - 2019"
    resume = resume_from_text(text, today=TODAY)
    assert [w.months for w in resume.work] == [12, 13]
    assert resume.experience_months == 18


def test_bullets_keep_their_continuation_lines():
    text = "Experience\nDeveloper, Acme  Jan 2020 – Dec 2020\n• Built the API that serves\nthree mobile apps\n• Wrote tests"
    assert resume_from_text(text, today=TODAY).work[0].bullets == ("Built the API that serves three mobile apps", "Wrote tests")


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("Experience\nDeveloper, Acme\n• Built APIs",
         "The work section has no dates: write them as 'Jan 2020 – Mar 2021' so experience can be counted."),
        ("Experience\nDeveloper, Acme\nMonth 20XX – Ongoing",
         "1 work entry has dates that could not be read: write them as 'Jan 2020 – Mar 2021' so experience "
         "can be counted."),
    ],
)
def test_undated_work_gives_a_warning(text, warning):
    assert resume_from_text(text, today=TODAY).warnings == (warning,)


@pytest.mark.parametrize(
    ("header", "field", "value"),
    [
        ("ada@example.org", "email", "ada@example.org"),
        ("Phone: +44 20 7946 0958", "phone", "+44 20 7946 0958"),
        ("(312) 555-0123 | ada@example.org", "phone", "(312) 555-0123"),
        ("+1-555-010-4477", "phone", "+1-555-010-4477"),
        ("2019 - 2021 | ORCID 0000-0002-1825-0097", "phone", None),
        ("github.com/ada-lovelace", "github", "ada-lovelace"),
        ("https://github.com/ada-lovelace/analytical-engine", "github", "ada-lovelace"),
        ("https://github.com/orgs/acme", "github", None),
        ("github.com/features/actions", "github", None),
        ("GitHub: ada-lovelace", "github", "ada-lovelace"),
        ("www.linkedin.com/in/ada-lovelace/", "linkedin", "https://linkedin.com/in/ada-lovelace"),
        ("ada.dev | github.com/ada", "website", "https://ada.dev"),
        ("Skilled in ASP.NET", "website", None),
    ],
)
def test_contacts_from_the_header(header, field, value):
    resume = resume_from_text(f"Ada Lovelace\n{header}\nExperience\nnothing dated")
    assert getattr(resume.basics, field) == value
    assert resume.basics.name == "Ada Lovelace"


@pytest.mark.parametrize(
    ("url", "user"),
    [("https://github.com/octo-cat", "octo-cat"), ("https://github.com/octo-cat/repo", "octo-cat"),
     ("https://gitlab.com/octo", None), ("https://github.com/-bad", None), ("https://github.com/", None),
     ("https://github.com/topics/python", None), ("http://[broken", None)],
)
def test_github_user(url, user):
    assert github_user(url) == user


@pytest.mark.parametrize(("site", "website"), [
    ("Fsimoes.github.io", "https://fsimoes.github.io"),
    ("https://octo-cat.github.io/blog", "https://octo-cat.github.io/blog"),
])
def test_a_github_pages_site_anywhere_is_a_website_not_a_github_profile(site, website):
    # docs/labelling.md: a GitHub *profile* link names GitHub; a Pages site is a personal site
    resume = resume_from_text(f"Ada Example\nada@example.org\nEducation\nBSc, 2020\nLinks\n{site}\n")
    assert (resume.basics.github, resume.basics.website) == (None, website)


def test_link_annotation_gives_github_when_the_text_does_not(tmp_path):
    path = build_resume_pdf(tmp_path / "r.pdf", contacts=("casey@example.org | My GitHub",),
                            links={"My GitHub": "https://github.com/casey-gh"})
    basics = parse_resume(path, today=TODAY).basics
    assert (basics.github, basics.links) == ("casey-gh", ("https://github.com/casey-gh",))


def test_name_is_the_biggest_line_at_the_top_not_a_contact_line():
    resume = resume_from_text("ada@example.org\n+44 20 7946 0958\nAda Lovelace\nSkills\nPython")
    assert resume.basics.name == "Ada Lovelace"


def test_one_line_text_dumps_are_cut_into_lines():
    text = ("Kai Dump  kai@example.org  Experience  Developer, Acme  Jan 2020 to Dec 2021  "
            "\\xe2\\x80\\xa2 Built an API  Skills  Python, SQL  ") * 4
    resume = resume_from_text(text, today=TODAY)
    assert resume.basics.name == "Kai Dump"
    assert resume.work[0].months == 24 and resume.work[0].bullets[0] == "Built an API"


def test_image_page_warning_reaches_the_resume(tmp_path):
    resume = parse_resume(text_then_image_pdf(tmp_path / "m.pdf"))
    assert resume.warnings == ("Page 2 is an image without text: it was skipped.",)
    assert resume.pages == 2


def test_parse_resume_names_the_file_in_errors():
    with pytest.raises(NotAPdfError, match="^upload.pdf is not a PDF file"):
        parse_resume(b"hello", name="upload.pdf")


def _parse_or_error(data: bytes) -> Resume | ResumeError:
    try:
        return parse_resume(data, today=TODAY)
    except ResumeError as error:
        return error


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_only_raise_resume_errors(data):
    result = _parse_or_error(data)
    assert isinstance(result, (Resume, ResumeError))


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory) -> bytes:
    return build_resume_pdf(tmp_path_factory.mktemp("pdf") / "r.pdf").read_bytes()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_damaged_pdfs_only_raise_resume_errors(small_pdf, data):
    start = data.draw(st.integers(0, len(small_pdf) - 1))
    junk = data.draw(st.binary(min_size=1, max_size=64))
    cut = data.draw(st.booleans())
    damaged = small_pdf[:start] + junk + (b"" if cut else small_pdf[start + len(junk):])
    result = _parse_or_error(damaged)
    assert isinstance(result, (Resume, ResumeError))
    if isinstance(result, ResumeError):
        assert str(result).count(".") >= 1 and "\n" not in str(result)


def test_pdf_without_styled_headings_uses_plain_heading_lines(tmp_path):
    rows = ["Pat Plain", "pat@example.org", "Experience", "Developer, Acme Jan 2020 - Dec 2020", "Skills", "Python"]
    resume = parse_resume(unicode_pdf(tmp_path / "plain.pdf", rows), today=TODAY)
    assert resume.headings == (("work", "Experience"), ("skills", "Skills"))
    assert [w.months for w in resume.work] == [12]


def test_a_role_ending_in_a_later_year_is_no_job():
    # a second column leaves the degree's "2024 - 2028" under Experience: it is no job, and it
    # does not make the PDF's creation date look too early either
    text = ("Ada Example\nExperience\nHTML, CSS, JavaScript\n2024 - 2028\nWeb Intern, Acme  Jun 2024 – Aug 2024\n"
            "Built the landing pages.\n")
    resume = resume_from_text(text, today=date(2026, 12, 6))
    assert [(w.title, w.start, w.end) for w in resume.work] == [("Web Intern", date(2024, 6, 1), date(2024, 8, 1))]


def test_an_about_paragraph_dates_no_role():
    text = ("Ada Example\nada@example.org\nHanoi\nAbout\n"
            "I started to learn about web development in October 2022. Four months later I joined a course.\n"
            "Skills\nHTML, CSS, JavaScript\n")
    resume = resume_from_text(text, today=date(2026, 12, 6))
    assert resume.work == ()


def test_dates_of_study_among_skills_are_no_roles():
    text = ("Ada Example\nada@example.org\nDelhi\nEducation\nBCA 6.9\nTechnical Skills :\nLanguage : JavaScript\n"
            "Expected Graduation :\n(oct, 2023)\nCompleted in :\n(2019 - 2020)\nProjects :\nGrocery Bud\n")
    resume = resume_from_text(text, today=date(2026, 12, 6))
    assert resume.work == ()


def test_a_field_of_work_with_years_in_the_skills_is_no_role():
    # the roles under Experience have no dates, so roles are looked for among the skills:
    # "Frontend Development" there is a skill with its years, not a job
    text = ("Ada Example\nada@example.org\nPune\nWork Experience\nSarathi Foundation - Full-Stack Developer\n"
            "Designed and developed the website\nSkills\n2016 - 2022\nFrontend Development\nHTML, CSS\n")
    resume = resume_from_text(text, today=date(2026, 12, 6))
    assert resume.work == ()
