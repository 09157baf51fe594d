"""extract_skills: evidence shape, strength levels, implied skills, exclusions, order.

Résumés are real: a PDF written by fpdf2 and parsed by analyzer.resume.parse, text run
through resume_from_text, or Line objects built directly where a page or a heading
flag has to be exact.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_factory import build_resume_pdf

from analyzer.evidence import STRENGTHS, strength_rank
from analyzer.resume.parse import Line, Resume, parse_resume, resume_from_text
from analyzer.skills.matcher import Mention, SkillFinding, SkillMatcher, course_lines, extract_skills


@pytest.fixture(scope="module")
def matcher(taxonomy) -> SkillMatcher:
    return SkillMatcher(taxonomy)


def resume_of(*lines: Line) -> Resume:
    """A Resume holding exactly these lines (the other fields come from a blank parse)."""
    return dataclasses.replace(resume_from_text("x"), lines=tuple(lines))


def line(text: str, section: str = "work", *, page: int = 1, bullet: bool = False,
         heading: bool = False) -> Line:
    return Line(text=text, page=page, section=section, column=0, is_heading=heading,
                bullet=bullet)


def by_id(findings: tuple[SkillFinding, ...]) -> dict[str, SkillFinding]:
    return {f.id: f for f in findings}


def test_evidence_from_a_real_pdf_carries_line_section_and_page(tmp_path, taxonomy, matcher):
    pdf = build_resume_pdf(tmp_path / "cv.pdf")
    findings = by_id(extract_skills(parse_resume(pdf), taxonomy, matcher))
    redis = findings["redis"].evidence
    assert [(e.source, e.section, e.page) for e in redis] == [
        ("resume", "work", 1), ("resume", "skills", 1)]
    assert redis[0].strength == "quantified" and "30%" in redis[0].text
    assert redis[1].strength == "listed"
    assert redis[1].text == "Python, FastAPI, Django, PostgreSQL, Redis, Docker, Git"
    assert findings["redis"].name == "Redis" and findings["redis"].category == "caching"
    assert all(e.repo is None and e.path is None and e.url is None
               for f in findings.values() for e in f.evidence)


STRENGTH_CASES = [
    # (text, section, bullet, skill, expected strength)
    ("Python, Django, Docker", "skills", False, "python", "listed"),
    ("Backend developer who loves Python", "basics", False, "python", "listed"),
    ("Final project: a booking service in Flask", "education", False, "flask", "listed"),
    ("Environment: Java, Spring Boot, Kafka", "work", False, "kafka", "listed"),
    ("Java, Spring Boot, Hibernate, Kafka", "projects", False, "java", "listed"),
    ("integration in Visual Studio, C#, SQL Server, DHTML and SOAP.", "work", False, "csharp",
     "applied"),                                         # the tail of a sentence, not a list
    ("Tools: Visual Studio, C#, SQL Server, DHTML and SOAP.", "work", False, "csharp", "listed"),
    ("Built billing services in Python", "work", True, "python", "applied"),
    ("Improved reliability of the Kafka consumers", "work", True, "kafka", "applied"),
    ("Migrated Python 2 services to Python 3 in 2019", "work", True, "python", "applied"),
    ("Rewrote the importer in Java 8 from Jan 2020 - Mar 2021", "work", True, "java",
     "applied"),
    ("Set up Docker for the whole team and wrote the runbooks", "volunteer", False, "docker",
     "applied"),
    ("Cut latency by 30% with Redis", "work", True, "redis", "quantified"),
    ("Served 2M+ requests a day with Go", "work", True, "go", "quantified"),
    ("Saved $12k a year by moving batch jobs to AWS Lambda", "projects", False, "aws",
     "quantified"),
    ("Reduced build time from 10 to 4 minutes with Docker", "work", True, "docker",
     "quantified"),
    ("Taught 40 students Git", "volunteer", True, "git", "quantified"),
    ("Achieved a 2.8x speedup in the Rust parser", "projects", True, "rust", "quantified"),
    # a sentence reporting what was done counts in the skills, awards or summary section too
    ("Developed the PL/SQL procedures and HTML forms of the portal", "skills", False, "html", "applied"),
    ("Worked on Jenkins for continuous integration of all builds", "basics", False, "jenkins", "applied"),
    ("Led the migration of the billing service to Kubernetes", "awards", False, "kubernetes", "applied"),
    ("Cut cloud costs by 40% moving batch jobs to AWS Lambda", "skills", False, "aws", "quantified"),
    ("I wrote the backend in PHP using a RESTful style", "skills", False, "php", "applied"),
    ("I have good knowledge of PHP and MySQL databases", "skills", False, "php", "listed"),
    # a text résumé that lost its layout leaves work sentences under other headings
    ("databases. My responsibilities also included managing a LAMP system of 5 servers", "skills",
     False, "apache", "quantified"),
    ("Role: I architected and wrote the java code and created the UI", "languages", False, "java",
     "applied"),
    ("Open source group web-based expense management system written in Python.", "languages", False,
     "python", "applied"),
    ("Monitoring HANA DB and troubleshooting performance issues using HANA studio", "skills", True,
     "sap_hana", "applied"),
    ("Database administration on Oracle 11g and 12c clusters", "skills", True, "oracle_database",
     "applied"),
    ("Coordinating with onsite folks and leading and mentoring the offshore team", "skills", False,
     "leadership", "applied"),                                 # a responsibility opening with -ing
    ("1. Selected by the college to teach the first-year students Python", "skills", False,
     "python", "applied"),                               # a numbered sentence of what was done
    ("Working knowledge of Docker, Kubernetes and the AWS console", "skills", False, "docker",
     "listed"),                                          # -ing words that open a claim ...
    ("Networking and security of the Linux servers in the campus lab", "skills", False, "linux",
     "listed"),                                          # ... or name a field
    ("Teaching & Mentoring Areas: Python programming and web development", "skills", False,
     "python", "listed"),                                # ... or a label
    ("Outstanding Student Award for the Java course project of 2012", "awards", False, "java",
     "listed"),
    ("Contributing to web development based open-source projects in PHP", "interests", False,
     "php", "listed"),                                   # an interest, not a responsibility
    ("Built a library catalogue in Django for the school society", "education", False, "django",
     "applied"),                                         # work done, left under Education
    ("Completed coursework in Python, Java and database systems", "education", False, "python",
     "listed"),                                          # study is no work
    ("Involved in migrating the payroll database to PostgreSQL", "references", False,
     "postgresql", "applied"),                           # flattened text's References
    ("Taught one section of 22 students Python programming", "certificates", False, "python",
     "quantified"),                                         # work left under Certificates
    ("Passed the Oracle Database SQL exam with Python labs", "certificates", False, "python",
     "listed"),                                          # a verb of study there too
    ("Configuring: Ansible, Puppet, Chef, Salt", "skills", True, "ansible", "listed"),
    ("Knowledge of MySQL and PostgreSQL databases and their tuning", "skills", False, "mysql", "listed"),
    ("Over 10 years of experience developing applications using Java", "basics", False, "java",
     "listed"),                                          # a claim in the summary, not a bullet
    # … but not a self-description, a short line or a list
    ("Experienced backend engineer who writes Python every day", "basics", False, "python", "listed"),
    ("Certified in AWS and Azure cloud platforms and services", "basics", False, "aws", "listed"),
    ("Worked with Docker", "skills", False, "docker", "listed"),
    ("Proficient in Jenkins, Docker and Kubernetes for CI/CD", "skills", False, "jenkins", "listed"),
    ("Developed skills: Python, SQL, Docker, Git, Linux", "skills", False, "python", "listed"),
]


@pytest.mark.parametrize(("text", "section", "bullet", "skill", "expected"), STRENGTH_CASES,
                         ids=[c[0][:40] for c in STRENGTH_CASES])
def test_strength_of_a_line(taxonomy, matcher, text, section, bullet, skill, expected):
    findings = by_id(extract_skills(resume_of(line(text, section, bullet=bullet)), taxonomy,
                                    matcher))
    assert findings[skill].strength == expected
    assert findings[skill].evidence[0].section == section


def edu(text: str, *, bullet: bool = False, heading: bool = False) -> Line:
    return line(text, "education", bullet=bullet, heading=heading)


COURSE_CASES = [
    # (education lines, skills with evidence, skills without)
    ([edu("COURSEWORK", heading=True), edu("GRADUATE"), edu("Open Source Software Engineering"),
      edu("Cloud Computing"), edu("Defending Computer Networks")],
     set(), {"open_source", "cloud_computing", "networking_basics"}),
    ([edu("Relevant Coursework", heading=True), edu("Web Development with Django and PostgreSQL"),
      edu("Term project: a booking service in Flask and Redis")],  # a project under the course heading
     {"flask", "redis"}, {"django", "postgresql"}),
    ([edu("Coursework: Object-Oriented Programming (A+), Cloud Computing", bullet=True),
      edu("(A), Distributed Systems with Kafka (A-), Docker and Kubernetes (B+)"),
      edu("Built a REST API in Flask for the library", bullet=True)],  # a new bullet ends the list
     {"flask", "rest"}, {"cloud_computing", "oop", "kafka", "docker", "kubernetes"}),
    ([edu("Relevant courses"), edu("Cloud Computing"), edu("BSc in Cloud Computing, 2024"),
      edu("Stanford University")],  # the degree line ends the list and counts
     {"cloud_computing"}, set()),
    ([edu("Modules taken: Cloud Computing, Udemy Docker Mastery")],  # education skills still count
     {"online_courses"}, {"cloud_computing", "docker"}),
    ([edu("B.S. in Computer Science, minor in Cloud Computing"), edu("Final project: a booking service in Flask")],
     {"cs_degree", "cloud_computing", "flask"}, set()),  # no course list at all
    ([line("Coursework: Docker, Kubernetes", "skills")], {"docker", "kubernetes"}, set()),  # not education
    ([edu("Coursework", heading=True), edu("C++, Java, Assembly (Intel x86)"), edu("Linux Kernel Programming"),
      edu("Concurrency"), edu("OOP")],  # bare technology names under a course heading are a skills list
     {"cpp", "java", "assembly"}, {"linux", "concurrency", "oop"}),
]


@pytest.mark.parametrize(("lines", "shown", "hidden"), COURSE_CASES, ids=[c[0][0].text[:30] for c in COURSE_CASES])
def test_course_titles_in_education_give_no_skill_evidence(taxonomy, matcher, lines, shown, hidden):
    findings = by_id(extract_skills(resume_of(*lines), taxonomy, matcher))
    with_evidence = {skill for skill, finding in findings.items() if finding.evidence}
    assert shown <= with_evidence
    assert not hidden & with_evidence


@pytest.mark.parametrize(("lines", "flags"), [
    ([edu("Education", heading=True), edu("MEng in Computer Science"), edu("Coursework: Databases", bullet=True),
      edu("Algorithms Analysis (A-)"), edu("Thesis: scheduling with Go", bullet=True)],
     [False, False, True, True, False]),
    ([edu("COURSEWORK", heading=True), edu("Cloud Computing"), edu("Wrote a compiler in OCaml for the class"),
      edu("Operating Systems"), line("Skills", "skills", heading=True), line("Cloud Computing", "skills")],
     [False, True, False, True, False, False]),  # a sentence under a course heading does not end the list
    ([edu("Relevant courses"), edu("Cloud Computing"), edu("BSc in Cloud Computing, 2024"), edu("Operating Systems")],
     [True, True, False, False]),  # a label's list ends at the first line that is not course titles
    ([edu("Course project: a chat server in Go"), edu("Courses: Databases; Networks")], [False, True]),
])
def test_course_lines_flags_each_line(lines, flags):
    assert course_lines(lines) == flags


def test_a_course_heading_in_a_real_pdf_hides_course_titles(tmp_path, taxonomy, matcher):
    pdf = build_resume_pdf(tmp_path / "cv.pdf", sections=[
        ("Education", ["BS in Computer Science, Cornell University, 2014"]),
        ("Coursework", ["Cloud Computing", "Open Source Software Engineering"]),
        ("Skills", ["Python, Docker"]),
    ])
    findings = by_id(extract_skills(parse_resume(pdf), taxonomy, matcher))
    assert {"python", "docker", "cs_degree"} <= {s for s, f in findings.items() if f.evidence}
    assert "cloud_computing" not in findings and "open_source" not in findings


def test_a_generic_word_in_an_employer_name_gives_no_evidence(tmp_path, taxonomy, matcher):
    # the default fixture's employer is "Acme Cloud": a company, not cloud computing
    findings = by_id(extract_skills(parse_resume(build_resume_pdf(tmp_path / "cv.pdf")),
                                    taxonomy, matcher))
    assert {"python", "fastapi", "redis", "caching"} <= set(findings)
    assert "cloud_computing" not in findings
    header = [e for f in findings.values() for e in f.evidence if "Acme Cloud" in e.text]
    assert header == []


def test_soft_skills_count_from_a_skills_list_not_from_api_talk(taxonomy, matcher):
    resume = resume_of(
        line("Implementing RESTful services for communication between frontend and backend",
             "work", bullet=True),
        line("Teamwork, Communication, Leadership", "skills"),
    )
    communication = by_id(extract_skills(resume, taxonomy, matcher))["communication"]
    assert [(e.section, e.strength) for e in communication.evidence] == [("skills", "listed")]


@pytest.mark.parametrize(("text", "strength"), [
    # a sentence that opens with what was done is no list, however many commas it has
    ("Developed a full-stack system using HTML, CSS, JavaScript, PHP, and MySQL", "applied"),
    ("HTML, CSS, JavaScript, PHP, MySQL", "listed"),
    ("Platform was built using JavaScript, EJS, PHP, and MongoDB", "applied"),
    ("Languages: HTML, CSS, JavaScript, PHP", "listed"),
])
def test_a_done_sentence_with_a_list_of_tools_is_applied(taxonomy, matcher, text, strength):
    found = by_id(extract_skills(resume_of(line(text, "projects")), taxonomy, matcher))
    assert [e.strength for e in found["php"].evidence] == [strength]


@pytest.mark.parametrize(("text", "framework", "implies_api"), [
    ("Built the billing service with FastAPI", "fastapi", True),
    ("Python and Flask services", "flask", True),
    ("Node.js and Express backend", "express", True),
    ("Microservices in Spring Boot", "spring_boot", True),
    ("Go services with the Gin framework", "gin", True),
    ("NestJS modules for the admin panel", "nestjs", True),
    ("ASP.NET Web API services for the mobile app", "aspnet_web_api", True),
    # full-stack frameworks serve HTML pages as often as APIs: an API must be named
    ("ASP.NET Core back office", "aspnet_core", False),
    ("ASP.NET MVC intranet for the sales team", "aspnet_core", False),
    ("Django site for the school library", "django", False),
    ("Laravel shop with Blade templates", "laravel", False),
    ("Ruby on Rails storefront", "ruby_on_rails", False),
])
def test_api_frameworks_imply_api_development(taxonomy, matcher, text, framework, implies_api):
    findings = by_id(extract_skills(resume_of(line(text, "work", bullet=True)), taxonomy,
                                    matcher))
    assert findings[framework].evidence
    api = findings.get("api_development")
    assert (api is not None and framework in api.implied_by) is implies_api


def test_page_and_order_of_evidence_within_a_finding(taxonomy, matcher):
    resume = resume_of(
        line("Python, SQL", "skills", page=1),
        line("Wrote ETL jobs in Python", "work", page=2, bullet=True),
        line("Cut report time by 80% with Python", "projects", page=3, bullet=True),
    )
    python = by_id(extract_skills(resume, taxonomy, matcher))["python"]
    assert [(e.strength, e.page, e.section) for e in python.evidence] == [
        ("quantified", 3, "projects"), ("applied", 2, "work"), ("listed", 1, "skills")]


def test_implied_skills_have_no_evidence_and_name_what_implies_them(taxonomy, matcher):
    findings = by_id(extract_skills(resume_of(line("PostgreSQL, Django", "skills")), taxonomy,
                                    matcher))
    assert findings["sql"].evidence == () and findings["sql"].strength == "implied"
    assert findings["sql"].implied_by == ("postgresql",)
    assert findings["python"].implied_by == ("django",) and findings["python"].evidence == ()
    assert findings["postgresql"].implied_by == () and findings["postgresql"].evidence
    assert set(taxonomy.implied(["postgresql", "django"])) <= set(findings)


def test_a_front_end_library_implies_no_backend_framework(taxonomy, matcher):
    # Hotwire runs on Laravel or Django too: naming it is no sign of Rails
    findings = by_id(extract_skills(resume_of(line("Built the pages with Hotwire and JavaScript", "projects")),
                                    taxonomy, matcher))
    assert "hotwire" in findings and "ruby_on_rails" not in findings


def test_a_skill_found_and_implied_keeps_its_evidence(taxonomy, matcher):
    findings = by_id(extract_skills(resume_of(line("SQL, PostgreSQL", "skills")), taxonomy,
                                    matcher))
    assert findings["sql"].evidence and findings["sql"].implied_by == ("postgresql",)


def test_findings_are_ordered_by_strength_then_weight(taxonomy, matcher):
    resume = resume_of(
        line("Docker, Git, Kubernetes, Python, Redis", "skills"),
        line("Built the API in Python", "work", bullet=True),
        line("Cut costs by 20% with Kubernetes", "work", bullet=True),
    )
    findings = extract_skills(resume, taxonomy, matcher)
    assert [f.id for f in findings[:2]] == ["kubernetes", "python"]
    keys = [(-(strength_rank(f.strength) if f.evidence else -1), -taxonomy.skill(f.id).weight)
            for f in findings]
    assert keys == sorted(keys)
    assert not findings[-1].evidence  # implied-only findings come last


@pytest.mark.parametrize(("text", "absent"), [
    ("jane@golang.org | github.com/jane/python-app", {"go", "python", "github"}),
    ("https://gitlab.com/jane/django-rest-api", {"gitlab", "django", "rest"}),
    ("Portfolio: www.rust-lang.org/learn and @kubernetes_fan", {"rust", "kubernetes"}),
])
def test_urls_and_email_addresses_give_no_evidence(taxonomy, matcher, text, absent):
    resume = resume_of(line(text, "basics"), line("Java", "skills"))
    found = {f.id for f in extract_skills(resume, taxonomy, matcher)}
    assert "java" in found
    assert not absent & found


def test_headings_give_no_evidence(taxonomy, matcher):
    resume = resume_of(line("Python Projects", "projects", heading=True),
                       line("Sessions kept in Redis", "projects", bullet=True))
    assert {f.id for f in extract_skills(resume, taxonomy, matcher) if f.evidence} == {"redis"}


def test_default_matcher_gives_the_same_findings(taxonomy, matcher):
    resume = resume_from_text("Skills\nPython, Go, PostgreSQL\nExperience\n• Built APIs in Go")
    assert extract_skills(resume, taxonomy) == extract_skills(resume, taxonomy, matcher)


def test_every_strength_is_a_known_one(taxonomy, matcher):
    resume = resume_from_text("Skills\nPython\nExperience\n• Cut cost 10% with Python")
    for finding in extract_skills(resume, taxonomy, matcher):
        assert all(e.strength in STRENGTHS for e in finding.evidence)


def test_mentions_in_matches_one_call_per_line(matcher):
    lines = [("Go, Rust", "skills"), ("I will go home", "work"), ("Spring 2017", None)]
    assert matcher.mentions_in(lines) == [matcher.mentions(t, s) for t, s in lines]
    assert matcher.mentions("Go, Rust", "skills") == [Mention("go", 0, 2, "Go"),
                                                       Mention("rust", 4, 8, "Rust")]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_mentions_are_ordered_disjoint_slices_of_any_text(matcher, text):
    previous_end = 0
    for mention in matcher.mentions(text, "skills"):
        assert text[mention.start_char:mention.end_char] == mention.surface
        assert previous_end <= mention.start_char < mention.end_char
        previous_end = mention.end_char


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=60), st.sampled_from(["education", "skills", "work"]), st.booleans(),
                          st.booleans()), max_size=8))
def test_course_lines_gives_one_flag_per_line_and_only_in_education(taxonomy, matcher, rows):
    lines = [Line(text=text, page=1, section=section, column=0, is_heading=heading, bullet=bullet)
             for text, section, heading, bullet in rows]
    flags = course_lines(lines)
    assert len(flags) == len(lines)
    assert all(not flag or (line.section == "education" and not line.is_heading) for line, flag in zip(lines, flags))
    extract_skills(resume_of(*lines), taxonomy, matcher)  # never raises


@pytest.mark.parametrize(("lines", "skill", "kept"), [
    # the employer named with its place, and a title line closing with it
    (["MongoDB -  Gurgaon, Haryana -", "Senior Account Executive - MongoDB"], "mongodb", False),
    # the same product used, or listed
    (["MongoDB -  Gurgaon, Haryana -", "Moved the catalogue to MongoDB and Redis"], "mongodb", True),
    (["Python, MongoDB, Redis"], "mongodb", True),
    # a language is never an employer's name, even when a header was misread
    (["Python - Pune, Maharashtra"], "python", True),
])
def test_an_employer_named_like_a_product_is_not_a_skill(taxonomy, matcher, lines, skill, kept):
    resume = resume_of(*(line(text, "work") for text in lines))
    findings = by_id(extract_skills(resume, taxonomy, matcher))
    assert (skill in findings and bool(findings[skill].evidence)) is kept
