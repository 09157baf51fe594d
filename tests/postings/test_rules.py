"""Table-driven posting snippets, one rule each: markers, sections, company stack, tag lines,
alternatives, negation, title and seniority. Good and bad cases side by side."""

from __future__ import annotations

import pytest

from analyzer.postings import parse_posting, posting_from_text

REQ, NICE = "required", "nice_to_have"


def read(taxonomy, text: str):
    return parse_posting(posting_from_text(text), taxonomy)


def requirements(posting) -> dict[str, str]:
    return {s.name: s.requirement for s in posting.skills}


CASES = {
    # -- markers (policy 5a) -----------------------------------------------------------------
    "plus after a skill": ("Backend Developer\nRequirements:\n- Python and PostgreSQL\n- Docker is a plus\n",
                           {"Python": REQ, "PostgreSQL": REQ, "Docker": NICE}),
    "bonus label": ("Backend Developer\nWhat you'll bring:\n- Java\n- Bonus: Kotlin\n", {"Java": REQ, "Kotlin": NICE}),
    "we'd get excited": ("Java Developer\nWhat we'll need from you\nExperience of Spring Boot\n"
                         "We'd get really excited if you had experience with:\nPostgreSQL\nTerraform\n",
                         {"Spring Boot": REQ, "PostgreSQL": NICE, "Terraform": NICE}),
    "nice to have section": ("Backend Developer\nRequirements\n- Go\n- Redis\nNice to have\n- Kubernetes\n- Terraform\n",
                             {"Go": REQ, "Redis": REQ, "Kubernetes": NICE, "Terraform": NICE}),
    "preferred": ("API Engineer\nQualifications:\n- SQL\n- Experience with GraphQL preferred\n", {"SQL": REQ, "GraphQL": NICE}),
    "ideally": ("Engineer\nYou have:\n- Node.js experience\n- ideally some TypeScript\n", {"Node.js": REQ, "TypeScript": NICE}),
    "advantage / desirable": ("Engineer\nRequirements:\n- C#\n- Azure is an advantage\n- RabbitMQ desirable\n",
                              {"C#": REQ, "Microsoft Azure": NICE, "RabbitMQ": NICE}),
    "marker only in its own clause": ("Engineer\nRequirements:\n- Strong Ruby on Rails. Knowing Sidekiq is a bonus.\n",
                                      {"Ruby on Rails": REQ}),
    "a leading marker covers what follows": ("Engineer\nRequirements:\n- Experience with Python, Django and ideally Docker\n",
                                             {"Python": REQ, "Django": REQ, "Docker": NICE}),
    "a trailing marker covers what precedes": ("Engineer\nRequirements:\n- Kubernetes experience preferred, for our Go services\n",
                                               {"Kubernetes": NICE}),
    "a trailing marker with nothing before leads": ("Engineer\nRequirements:\n- Go\n- Preferred: Docker, Terraform\n",
                                                    {"Go": REQ, "Docker": NICE, "Terraform": NICE}),
    "ideal candidate is not a marker": ("Engineer\nThe ideal candidate has:\n- Django\n- PostgreSQL\n",
                                        {"Django": REQ, "PostgreSQL": REQ}),
    "run-on text loses its punctuation": (
        "Backend Engineer\nWhat you'll bring 4+ years of experience. Python or Go are ideal A deep understanding "
        "of the web Experience with databases (MySQL Redis) Bonus: Experience with Django Here's what we offer you Lunch",
        {"Go": NICE, "MySQL": REQ, "Redis": REQ, "Django": NICE}),
    # -- sections (policy 5b) ----------------------------------------------------------------
    "responsibility is required": ("Engineer\nYour tasks:\n- Build services in Spring Boot\nRequirements:\n- Java\n",
                                   {"Spring Boot": REQ, "Java": REQ}),
    "joined heading": ("Engineer\nAbout us: we use Scala.\nQualifications & Experience\n- Java\nBenefits and perks\n- AWS credits\n",
                       {"Java": REQ, "Scala": NICE}),
    "must have heading": ("Engineer\nWe build with Ruby.\nMust have skills:\n- Rails\n", {"Ruby on Rails": REQ, "Ruby": NICE}),
    "markdown headings": ("# Backend Engineer\n## Requirements\n* Flask\n## Nice to have\n* Celery background jobs\n",
                          {"Flask": REQ}),
    # -- company stack (policy 5c / 5d) ------------------------------------------------------
    "we use, with a requirements list": ("Engineer\nAbout us: we use Kafka and Elasticsearch.\nRequirements:\n- Java\n",
                                         {"Java": REQ, "Apache Kafka": NICE, "Elasticsearch": NICE}),
    "we use, no requirements list": ("Engineer\nWe use Kafka and Elasticsearch every day and you will too.\n",
                                     {"Apache Kafka": REQ, "Elasticsearch": REQ}),
    "our stack section": ("Engineer\nOur stack:\nPHP, Laravel, MySQL\nRequirements:\n- PHP\n",
                          {"PHP": REQ, "Laravel": NICE, "MySQL": NICE}),
    "tech stack also required": ("Engineer\nTech stack: Go, PostgreSQL\nRequirements:\n- PostgreSQL\n",
                                 {"Go": NICE, "PostgreSQL": REQ}),
    "tag line, with requirements": ("Engineer <ORGANIZATION>\nTechnologies python django amazon-web-services\n"
                                    "Job description\nRequirements:\n- Python\n",
                                    {"Python": REQ, "Django": NICE, "AWS": NICE}),
    "tag line, no requirements": ("Engineer <ORGANIZATION>\nTechnologies reactjs go docker\nJob description\n"
                                  "Join us to build voice messages.\n", {"Go": REQ, "Docker": REQ}),
    # -- title ---------------------------------------------------------------------------------
    "title skill is required": ("Senior Python Developer\nWe use Django.\nRequirements:\n- 5+ years of experience\n",
                                {"Python": REQ, "Django": NICE}),
    # -- one skill, many names ---------------------------------------------------------------
    "node and node.js are one skill": ("Engineer\nRequirements:\n- Node.js\n- Express on Node\n", {"Node.js": REQ}),
    "Python (primary)": ("Engineer\nRequirements:\n- Python (primary), some Bash\n", {"Python": REQ}),
    # -- a team the role works with is no skill it asks for -----------------------------------
    "teams worked with": ("Backend Engineer\nResponsibilities:\n- Collaborate closely with other engineers "
                          "(frontend, backend, video and ops)\nRequirements:\n- Python\n",
                          {"Python": REQ, "Front-end development basics": NICE}),
    "frontend asked for": ("Full-stack Engineer\nRequirements:\n- Frontend development with React\n- Python\n",
                           {"Front-end development basics": REQ, "React": REQ, "Python": REQ}),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_requirement_rules(taxonomy, text, expected):
    found = requirements(read(taxonomy, text))
    for name, requirement in expected.items():
        assert found.get(name) == requirement, (name, found)


FALLBACKS = {
    # "web frameworks" stands for a framework the posting does not name; when it names one,
    # that one is what it asks for
    "such as Django": ("Backend Engineer\nRequirements:\n- Python\n- Experience in web frameworks such as Django\n",
                       ["Django"], ["Web framework (other or unnamed)"]),
    "a framework named elsewhere": ("Engineer\nRequirements:\n- Spring Boot\n- Some MVC framework experience\n",
                                    ["Spring Boot"], ["Web framework (other or unnamed)"]),
    "no framework named": ("Engineer\nRequirements:\n- PHP\n- Experience with MVC frameworks\n",
                           ["PHP", "Web framework (other or unnamed)"], []),
    "an umbrella that is a group of its own stays": (
        "Engineer\nRequirements:\n- Relational databases such as PostgreSQL\n",
        ["Relational databases", "PostgreSQL"], []),
}


@pytest.mark.parametrize("text, present, absent", FALLBACKS.values(), ids=FALLBACKS.keys())
def test_unnamed_framework_gives_way_to_a_named_one(taxonomy, text, present, absent):
    found = requirements(read(taxonomy, text))
    assert set(present) <= set(found), found
    assert not set(absent) & set(found), found


NEGATION = {
    "no PHP": ("Engineer\nRequirements:\n- Go\n- no PHP, we moved away from it\n", ["Go"], ["PHP"]),
    "aren't going to use": ("Engineer\nRequirements:\n- Python\n- We aren't going to use machine learning or Kubernetes\n",
                            ["Python"], ["Kubernetes"]),
    "without": ("Engineer\nRequirements:\n- Build services without Docker\n- Rust\n", ["Rust"], ["Docker"]),
    "no matter is not negation": ("Engineer\nRequirements:\n- No matter your background, Java\n", ["Java"], []),
    "not only is not negation": ("Engineer\nRequirements:\n- not only Scala but also Akka\n", ["Scala", "Akka"], []),
}


@pytest.mark.parametrize("text, present, absent", NEGATION.values(), ids=NEGATION.keys())
def test_negated_technology_is_left_out(taxonomy, text, present, absent):
    found = requirements(read(taxonomy, text))
    assert set(present) <= found.keys(), found
    assert not set(absent) & found.keys(), found


ALTERNATIVES = {
    "X or Y": ("Engineer\nRequirements:\n- Java or Kotlin\n- Docker\n", [{"Java", "Kotlin"}], ["Docker"]),
    "and/or": ("Engineer\nRequirements:\n- PostgreSQL and/or MSSQL\n", [{"PostgreSQL", "Microsoft SQL Server"}], []),
    "at least one of": ("Engineer\nRequirements:\n- at least one of Python, Ruby, Go\n", [{"Python", "Ruby", "Go"}], []),
    "e.g. across a line break": ("Engineer\nRequirements:\n- Cloud (e.g.\nAWS Google Cloud or Azure)\n",
                                 [{"AWS", "Google Cloud", "Microsoft Azure"}], []),
    "same-kind slash": ("Engineer\nRequirements:\n- Kafka/RabbitMQ\n", [{"Apache Kafka", "RabbitMQ"}], []),
    "mixed-kind slash is a list": ("Engineer\nRequirements:\n- MySQL/Memcached\n", [], ["MySQL", "Memcached"]),
    "and is a list": ("Engineer\nRequirements:\n- Python, Django and PostgreSQL\n", [], ["Python", "Django", "PostgreSQL"]),
    "bullets are not alternatives": ("Engineer\nRequirements:\n- Java\n- or anything on the JVM\n- Kotlin\n", [], ["Java", "Kotlin"]),
}


@pytest.mark.parametrize("text, groups, alone", ALTERNATIVES.values(), ids=ALTERNATIVES.keys())
def test_alternatives_become_any_of_groups(taxonomy, text, groups, alone):
    posting = read(taxonomy, text)
    by_group: dict[int, set[str]] = {}
    for skill in posting.skills:
        if skill.any_of is not None:
            by_group.setdefault(skill.any_of, set()).add(skill.name)
    assert sorted(map(sorted, by_group.values())) == sorted(map(sorted, groups))
    for name in alone:
        skill = posting.skill(next(s.id for s in posting.skills if s.name == name))
        assert skill.any_of is None


SENIORITY = {
    "senior title and years": ("Senior Backend Engineer\nRequirements:\n- 3+ years of experience with Go\n", "senior", 3),
    "junior": ("Junior Java Developer\nRequirements:\n- Java\n", "junior", None),
    "experience level field": ("Engineer\nExperience level: Mid-Level\nRequirements:\n- at least 2 years experience\n", "mid", 2),
    "not stated": ("Backend Engineer\nRequirements:\n- Go\n", None, None),
}


@pytest.mark.parametrize("text, level, years", SENIORITY.values(), ids=SENIORITY.keys())
def test_seniority(taxonomy, text, level, years):
    seniority = read(taxonomy, text).seniority
    assert (seniority.level if seniority else None) == level
    assert (seniority.years if seniority else None) == years


def test_every_skill_carries_its_line_and_reason(taxonomy):
    posting = read(taxonomy, "Backend Engineer\n\nRequirements:\n- Python\n- Docker is a plus\n")
    python, docker = (posting.skill(i) for i in ("python", "docker"))
    assert python.evidence[0].line == 4 and python.evidence[0].text == "- Python"
    assert docker.evidence[0].line == 5 and "plus" in docker.reason
    assert posting.title == "Backend Engineer"


@pytest.mark.parametrize("text", [
    "Wir suchen eine freundliche Person für unser Büro in München, die gerne mit Kunden spricht und Termine plant.",
    "We are hiring a friendly receptionist to greet visitors, answer the phone and keep the office tidy.",
])
def test_nothing_technical_gives_a_warning(taxonomy, text):
    posting = read(taxonomy, text)
    assert not [s for s in posting.skills if s.category not in ("education", "certifications")]
    assert any("Nothing technical was found" in w for w in posting.warnings)


def test_another_language_is_named(taxonomy):
    posting = read(taxonomy, "Entwickler\nWir suchen Entwickler mit Erfahrung in Java und Kenntnissen über Datenbanken "
                             "sowie Freude an sauberem Code und Teamarbeit im Büro.")
    assert any("does not look like English" in w for w in posting.warnings)


def test_the_postings_own_words_give_the_reason_before_its_tag_line(taxonomy):
    posting = read(taxonomy, "Backend Engineer (Python)\nTechnologies python go django\n"
                             "What you'll bring:\n- Python or Go are ideal\n"
                             "- Bonus: Experience in web frameworks such as Django\n")
    skills = {s.name: s for s in posting.skills}
    assert skills["Go"].requirement == NICE and "tag line" not in skills["Go"].reason
    assert "Python or Go are ideal" in skills["Go"].evidence[0].text
    assert skills["Django"].requirement == NICE and "tag line" not in skills["Django"].reason
    assert "such as Django" in skills["Django"].evidence[0].text
