"""Related only: what touches a requirement group without meeting it (issue 7, §1: a gap's
reason must be true).

"Wrote system test applications" names no kind of automated test, yet "nothing mentions
testing" would be false; "C++" is a language but not a web-backend one. Such lines give the
group a token 10 (``RELATED_FACTOR``) and a reason that quotes them. Table-driven good and bad
cases; the bad ones are the traps a reviewer rejects ("performance review", "Social Security").
"""

from __future__ import annotations

import dataclasses

import pytest

from analyzer.report.build import analyze
from analyzer.resume.parse import Line, resume_from_text
from analyzer.skills.matcher import SkillMatcher, related_evidence


@pytest.fixture(scope="module")
def matcher(taxonomy) -> SkillMatcher:
    return SkillMatcher(taxonomy)


GOOD = [
    ("Wrote drivers, libraries and system test applications", "testing", "test"),
    ("Let the users register unique names and passwords", "auth_security", "passwords"),
    ("Created custom permission levels for each site", "auth_security", "permission levels"),
    ("Devised an anti-virus program for the website", "auth_security", "anti-virus"),
    ("Uploading of purchase orders using BAPI", "api_style", "BAPI"),
    ("Designed a Service Oriented Architecture for billing", "api_style", "Service Oriented"),
    ("Set up an automated build process for the team", "ci_cd", "automated build process"),
    ("Tuned the query cache of the reporting tool", "nosql_or_caching", "cache"),
    ("Improved the performance of the nightly import", "performance_scalability", "performance"),
    ("Position: Project Manager", "soft_skills", "Manager"),
    ("Published two personal projects", "portfolio", "personal projects"),
    ("Ran the virtual machines of the lab", "containers", "virtual machines"),
    ("Validated the fault-tolerant ATCA platform", "testing", "Validated"),
    ("Increased system uptime by 7 hours per month", "performance_scalability", "uptime"),
    ("MSc thesis: user identification from fingerprint analysis", "auth_security", "fingerprint"),
    ("Wrote requirements for 30 HL7 interfaces", "api_style", "HL7"),
    ("President of the student computing society", "soft_skills", "President"),
    ("Tutored first-year students in calculus", "soft_skills", "Tutored"),
    ("Finalist at two university hackathons", "practical_experience", "hackathons"),
    ("Database: MySQL, Firebase", "nosql_or_caching", "Firebase"),
    ("Practices: DevOps, Agile, Scrum", "ci_cd", "DevOps"),
]

BAD = [
    ("Received a top rating in my annual performance review", "performance_scalability"),
    ("Search Engine Optimization for client sites", "performance_scalability"),
    ("Verified Social Security numbers of new hires", "auth_security"),
    ("Deployed the site on Amazon Web Services", "api_style"),
    ("Passed the Test of English as a Foreign Language", "testing"),
    ("Captain of two team sports clubs", "soft_skills"),
    ("Secure a challenging position in a growing company", "auth_security"),
    ("Looking for a backend role in a product team.", "soft_skills"),
]


@pytest.mark.parametrize(("text", "group", "surface"), GOOD, ids=[g[0][:40] for g in GOOD])
def test_related_word_is_found(matcher, text, group, surface):
    assert (group, surface) in matcher.related_in([text])[0]


@pytest.mark.parametrize(("text", "group"), BAD, ids=[b[0][:40] for b in BAD])
def test_trap_is_not_a_related_word(matcher, text, group):
    assert group not in dict(matcher.related_in([text])[0])


def test_every_group_with_related_words_has_a_good_case(taxonomy):
    groups = {g.id for g in taxonomy.groups if g.related_words}
    covered = {group for _, group, _ in GOOD}
    assert groups - covered <= {"backend_language", "backend_framework", "relational_database",
                                "version_control", "cloud_hosting", "linux_web_servers"}
    assert all(g.related_note for g in taxonomy.groups if g.related_words or g.related_categories)


def line(text: str, section: str = "work") -> Line:
    return Line(text=text, page=1, section=section, column=0, is_heading=False, bullet=True)


def report_for(taxonomy, matcher, *texts: str, section: str = "work"):
    resume = dataclasses.replace(resume_from_text("x"), lines=tuple(line(t, section) for t in texts))
    return analyze(resume, taxonomy=taxonomy, matcher=matcher)


def test_a_related_word_scores_ten_and_is_quoted(taxonomy, matcher):
    report = report_for(taxonomy, matcher, "Wrote drivers, libraries and system test applications")
    testing = report.readiness.group("testing")
    assert testing.score == 10 and testing.met_by == ()
    assert testing.explanation.startswith('Found only "test" ("Wrote drivers')
    assert "no kind of automated test" in testing.explanation
    gap = next(g for g in report.gaps if g.id == "testing")
    assert gap.kind == "missing" and gap.reason.startswith('Found only "test"')


def test_another_kind_of_skill_of_the_area_is_named(taxonomy, matcher):
    report = report_for(taxonomy, matcher, "C, C++, MATLAB", section="skills")
    language = report.readiness.group("backend_language")
    assert language.score == 10
    assert "C++" in language.explanation and "server-side web language" in language.explanation


def test_a_credited_skill_wins_over_related_words(taxonomy, matcher):
    report = report_for(taxonomy, matcher, "Wrote unit tests with pytest for the system test rig")
    assert report.readiness.group("testing").score >= 80
    assert not report.readiness.group("testing").explanation.startswith("Found only")


def test_nothing_related_keeps_the_plain_reason(taxonomy, matcher):
    report = report_for(taxonomy, matcher, "Sold shoes at the mall on weekends")
    group = next(g for g in taxonomy.groups if g.id == "ci_cd")
    assert report.readiness.group("ci_cd").explanation == f"{group.missing_reason} → 0"


def test_a_personal_website_is_related_to_the_portfolio(taxonomy, matcher):
    resume = resume_from_text("Ada Example\nada@example.com · https://ada-example.dev\nSkills\nPython\n")
    found = [e for gid, e in related_evidence(resume, taxonomy, matcher) if gid == "portfolio"]
    assert found and "ada-example.dev" in found[0].detail
    template = resume_from_text("Ada Example\nwww.homepage.com your_id\nSkills\nPython\n")
    assert not [e for gid, e in related_evidence(template, taxonomy, matcher) if gid == "portfolio"]


PROJECT_SECTIONS = [
    # (lines of a projects section, personal projects credited)
    (["Link shortener in Go with PostgreSQL, deployed on Fly.io"], True),
    (["Forecast Workbook application for the US sales group", "Responsibilities",
      "Involved in design of database, tables and stored procedures."], False),
    (["Billing migration", "Client: Ericsson", "Environment: Java, Oracle"], False),
    (["Payroll portal", "Team size: 6", "Built the REST API in Spring Boot"], False),
    (["Chess engine in Rust; my role: sole author, 2,000 lines"], True),
    (["Jan-2012 to till date", "-Project: XXXXXX", "-Client XXXXXXXX", "-Role:Team member"], False),
    (["Customer Name - Acme Bank", "Built the loan screens"], False),
    # the client side of the candidate's own app is no client of an employer
    (["Boutique: a shop web app", "Client website: https://shop.example.app/",
      "Back-end: Node.js, Mongoose"], True),
]


@pytest.mark.parametrize(("texts", "credited"), PROJECT_SECTIONS, ids=[p[0][0][:30] for p in PROJECT_SECTIONS])
def test_employer_projects_are_not_a_portfolio(taxonomy, matcher, texts, credited):
    report = report_for(taxonomy, matcher, *texts, section="projects")
    assert any(s.id == "personal_projects" and s.evidence for s in report.profile.skills) == credited


@pytest.mark.parametrize(("text", "credited"), [
    ("Experience\nParalegal, Gunster Law Firm  Jan 2012 – Dec 2014\nDrafted contracts for clients.", False),
    ("Experience\nSocial Media Manager, Acme  Jan 2015 – Dec 2019\nRan the brand's accounts.", False),
    ("Experience\nL1 Network Engineer, Cisco  Jan 2017 – Dec 2019\nConfigured routers.", True),   # IT work
    ("Experience\nAttaché, Getembe Television Network  Aug 2021 – Sep 2021\nHelped in the production.", False),
    # a degree read as a title is no IT job, "Computer Science" or not
    ("Experience\nB.S in Computer Science (Pursuing), Tennis Club  Aug 2022 – Dec 2025\nPlayed tennis.", False),
    ("Experience\nAnalyst, Acme  Jan 2017 – Dec 2019\nWrote reports in Python.", True),             # code named
    # "support" alone is no IT word; an internship named outside the work section is a job too
    ("Experience\nCoordinator, Disability Support Services  Jan 2015 – Dec 2019\nAdvised students.\n"
     "Training\nCounseling Practicum and Internship", False),
    ("Experience\nDesktop Support, Acme  Jan 2015 – Dec 2019\nFixed laptops.", True),
    ("Experience\nAccount Executive, Acme  Jan 2015 – Dec 2019\nBuilt a pipeline of 4X through partners.",
     False),                                                                   # a sales pipeline
    ("Experience\nSales & Marketing Engineer, Acme  Jan 2015 – Dec 2019\nSold sensors to 40 plants.", False),
    ("Experience\nFood Service Worker, Campus Dining  Jan 2015 – Dec 2019\nServed 300 meals a day.\n"
     "Volunteer\nLandscaping volunteer, City Parks  Jan 2014 – Dec 2014", False),  # volunteering too
    ("Experience\nReporter, Daily News  Jan 2015 – Dec 2019\nResearched information for news articles "
     "using library and Web sources.", False),              # "Web" in a sentence is no job title
    ("Experience\nSoftware developer\nMicrosoft\nEducation\nBSc", True),  # a software title, no dates
    ("Experience\nEducation Administrator, St. Patrick School  Jan 2015 – Dec 2019\nRan the office.", False),
    ("Experience\nSystems Administrator, Acme  Jan 2015 – Dec 2019\nKept the mail servers up.", True),
    ("Experience\nAircraft Technician, Acme Air  Jan 2015 – Dec 2019\nServiced the fleet.", False),
    ("Experience\nComputer Technician, Buy More  Jan 2015 – Dec 2019\nFixed laptops.", True),
    ("Experience\nService Desk Analyst, Sitel  Jan 2015 – Dec 2019\nReset passwords for callers.", True),
    ("Experience\nTest Analyst, Nedbank  Jan 2015 – Dec 2019\nSigned off each release with the business.", True),
    ("Experience\nApp develop, Microsoft  Jan 2015 – Dec 2019\nWorked on the team.", True),
    # one generic word of software (testing) does not make the job software work
    ("Experience\nFoundry Manager, Acme Castings  Jan 2015 – Dec 2019\nRan quality testing for 12 staff.",
     False),
    # an employer counts by IT words only; the title by the full list
    ("Experience\nStudent Teacher, Baltimore Public School System  Jan 2015 – Dec 2019\nTaught grade 4.",
     False),
    ("Experience\nReference Librarian, Legal Information Center  Jan 2015 – Dec 2019\nAnswered questions.",
     False),
    ("Experience\nDigital Marketing Specialist, Acme  Jan 2015 – Dec 2019\nRan the ad campaigns.", False),
    ("Experience\nAnalyst, IT Services Division  Jan 2015 – Dec 2019\nKept the inventory.", True),
    ("Experience\nTechnology Support Assistant, Acme  Jan 2015 – Dec 2019\nKept the inventory.", True),
    ("Experience\nSAP FI Support Consultant, Acme  Jan 2015 – Dec 2019\nClosed the month-end tickets.", True),
    # a sentence read as the title is no title
    ("Experience\nFIDIC Seminar on the Role of the Consultant Engineer in Developing Countries, "
     "Teheran  Jan 1977 – Dec 1977\nAttended.", False),
])
def test_a_job_outside_software_is_related_not_practical_experience(taxonomy, matcher, text, credited):
    from datetime import date

    report = analyze(resume_from_text(text, today=date(2026, 1, 1)), taxonomy=taxonomy, matcher=matcher)
    group = report.readiness.group("practical_experience")
    assert (group.score >= 50) == credited, group.explanation
    if not credited:
        assert group.score == 10 and group.explanation.startswith('Found only "')
        assert "no job listed shows software or IT work" in group.explanation


@pytest.mark.parametrize(("line", "credited"), [
    ("Camp Host/Volunteer at the state park", False),
    ("Volunteer web developer for the food bank's site", True),
    ("Volunteer IT support for the community centre", True),
])
def test_volunteering_with_no_job_read_counts_only_in_software_or_it(taxonomy, matcher, line, credited):
    from datetime import date

    text = f"Ada Example\nVolunteer Work\n{line}\n"
    report = analyze(resume_from_text(text, today=date(2026, 1, 1)), taxonomy=taxonomy, matcher=matcher)
    assert report.experience.roles == ()
    group = report.readiness.group("practical_experience")
    assert (group.score >= 50) == credited, group.explanation


def test_a_stated_total_with_no_dated_job_is_practical_experience(taxonomy, matcher):
    # the job has no dates, so seniority rests on the stated total; the report must not then
    # say that no hands-on experience is listed
    from datetime import date

    text = ("Ada Example\nIT support\nWork experience\nTechnical support engineer\nMicrosoft\n"
            "Years of Experience: 2 Years and 4 Months\nSolved escalated problems for customers.\n")
    report = analyze(resume_from_text(text, today=date(2026, 1, 1)), taxonomy=taxonomy, matcher=matcher)
    assert report.experience.stated == "Experience: 2 Years and 4 Months"
    group = report.readiness.group("practical_experience")
    assert group.score >= 70, group.explanation
    evidence = [e for s in report.profile.skills if s.id == "work_experience" for e in s.evidence]
    assert evidence and evidence[0].text == "Years of Experience: 2 Years and 4 Months"


@pytest.mark.parametrize(("text", "credited", "quoted"), [
    # a wish for work is no work
    ("Ada Example\nSummary\nCS student. Actively seeking software engineering internship roles.\n",
     False, "seeking software engineering internship"),
    ("Ada Example\nSummary\nPassionate about backend work. Open to internships and freelance work.\n",
     False, "Open to internships"),
    # with no job read, a claim of hands-on experience is no job either
    ("Ada Example\nSummary\nSecurity enthusiast with hands-on experience in web application testing.\n",
     False, "hands-on experience"),
    ("Ada Example\nCertifications\nGoogle Data Analytics: hands-on experience in SQL and Python\n",
     False, "hands-on experience"),
    # hackathons build a portfolio, not practical experience
    ("Ada Example\nProjects\nWinner of a 36-hour hackathon for a transit app in Flask\n",
     False, "hackathon"),
    # a real internship still counts, and so does a wish beside a dated one
    ("Ada Example\nExperience\nSoftware Engineering Intern, Acme  Jun 2024 – Aug 2024\n"
     "Built a billing API in Django.\nSummary\nSeeking a full-time role.\n", True, None),
])
def test_wishes_claims_and_hackathons_are_not_practical_experience(taxonomy, matcher, text, credited, quoted):
    from datetime import date

    report = analyze(resume_from_text(text, today=date(2026, 1, 1)), taxonomy=taxonomy, matcher=matcher)
    group = report.readiness.group("practical_experience")
    assert (group.score >= 50) == credited, group.explanation
    if not credited:
        assert group.score == 10 and f'Found only "{quoted}' in group.explanation, group.explanation


def test_a_sentence_end_under_work_is_no_software_title(taxonomy, matcher):
    # a second column cut "… using Java for backend / and xml for frontend." in two: the tail
    # under Experience is no role, so no practical experience is credited from it
    from datetime import date

    text = ("Ada Example\nExperience\nWorked as a volunteer for the placement committee\n"
            "and xml for frontend.\n")
    report = analyze(resume_from_text(text, today=date(2026, 1, 1)), taxonomy=taxonomy, matcher=matcher)
    assert report.readiness.group("practical_experience").score < 50
