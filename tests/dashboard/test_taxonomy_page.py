"""The Taxonomy page (dashboard/taxonomy.py) driven by AppTest through app.py's navigation.

Expected values come from the taxonomy the page loads, so the tests check that the page
shows the file's skills, article phrases, requirement groups and projects.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app.py"


@pytest.fixture
def page() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    return at.switch_page("dashboard/taxonomy.py").run()


def text(at: AppTest) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.caption])


def test_tabs_count_the_taxonomy(page, taxonomy):
    assert not page.exception and not page.error
    assert page.title[0].value == "Taxonomy"
    assert [t.label for t in page.tabs] == [
        f"Skills ({len(taxonomy.skills)})", f"Requirement groups ({len(taxonomy.groups)})",
        f"Projects ({len(taxonomy.projects)})"]


def test_search_finds_a_skill_by_article_phrase_and_shows_its_sources(page, taxonomy):
    skill = next(s for s in taxonomy.skills.values() if s.sources and s.sources[0].phrases[0] != s.name)
    phrase = skill.sources[0].phrases[0]
    page.text_input(key="taxonomy-query").input(phrase).run()

    assert not page.exception
    table = page.dataframe[0].value
    assert skill.name in set(table["Skill"])
    detail = text(page)
    first = table["Skill"].iloc[0]
    assert f"**{first}**" in detail.replace("\\", "")
    titles = {a.file: a.title for a in taxonomy.articles}
    shown = taxonomy.lookup(first) or next(s for s in taxonomy.skills.values() if s.name == first)
    for source in shown.sources:
        assert titles[source.article] in detail


@pytest.mark.parametrize("query, found", [("postgres", True), ("no-such-skill-zz", False)])
def test_search_good_and_bad(page, query, found):
    page.text_input(key="taxonomy-query").input(query).run()
    assert not page.exception and not page.error
    if found:
        assert "PostgreSQL" in set(page.dataframe[0].value["Skill"])
    else:
        assert not page.dataframe and "No skill matches" in page.info[0].value


def test_groups_and_projects_are_listed(page, taxonomy):
    labels = [e.label for e in page.expander]
    for group in taxonomy.groups:
        assert any(label.startswith(f"{group.name} · weight {group.weight:.2f}") for label in labels)
    shown = text(page)
    for project in taxonomy.projects:
        assert project.title in shown.replace("\\", "")


def test_project_filter_by_area(page, taxonomy):
    group = taxonomy.groups[0]
    page.selectbox(key="taxonomy-group").set_value(group.id).run()
    expected = [p for p in taxonomy.projects if group.id in p.exercises]
    assert f"{len(expected)} of {len(taxonomy.projects)} projects." in text(page)
