"""Taxonomy page: what jobready knows, and where each piece comes from.

Three tabs over :class:`analyzer.taxonomy.Taxonomy`: the skills (searchable, with the
article phrases each one comes from), the requirement groups a report is scored on, and
the project catalog suggestions are drawn from. Read-only; the page never loads spaCy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import streamlit as st

from dashboard.report_view import DIFFICULTY_BADGES, plain, tabs_ui

if TYPE_CHECKING:
    from analyzer.taxonomy import (
        Article,
        Project,
        RequirementGroup,
        Skill,
        Source,
        Taxonomy,
    )

ALL = "All"


def article_titles(articles: Sequence[Article]) -> dict[str, str]:
    """Article file name → its title."""
    return {a.file: a.title for a in articles}


def sources_text(sources: Sequence[Source], titles: Mapping[str, str]) -> str:
    """Sources as Markdown bullets: “phrase”, “phrase” — *article title*."""
    return "\n".join(
        f"- {', '.join(f'“{plain(p)}”' for p in s.phrases)} — *{plain(titles.get(s.article, s.article))}*"
        for s in sources
    )


def origin_text(origin: str, sources: Sequence[Source]) -> str:
    """"named by 3 articles" or "added by a reviewer" (the weight's basis)."""
    if sources:
        return f"named by {len(sources)} article{'s' * (len(sources) != 1)}"
    return "added by a reviewer" if origin == "reviewer" else origin


def skill_filter_ui(taxonomy: Taxonomy) -> tuple[str, str]:
    """Search text and category for the skills tab."""
    left, right = st.columns([2, 1])
    query = left.text_input("Search skills", placeholder="name, alias or article phrase",
                            key="taxonomy-query").strip()
    category = right.selectbox("Category", [ALL, *taxonomy.categories],
                               format_func=lambda c: c if c == ALL else taxonomy.categories[c],
                               key="taxonomy-category")
    return query, category


def matching_skills(taxonomy: Taxonomy, query: str, category: str) -> list[Skill]:
    """Skills whose name, alias or article phrase contains ``query`` (case-insensitive), in file order."""
    needle = query.casefold()
    found = []
    for skill in taxonomy.skills.values():
        if category != ALL and skill.category != category:
            continue
        words = [*skill.terms, *(p for s in skill.sources for p in s.phrases)]
        if needle and not any(needle in w.casefold() for w in words):
            continue
        found.append(skill)
    return found


def skill_markdown(skill: Skill, taxonomy: Taxonomy, titles: Mapping[str, str]) -> str:
    """One skill in full: aliases, what it implies, weight, article phrases, notes."""
    names = {s.id: s.name for s in taxonomy.skills.values()}
    lines = [(f"**{plain(skill.name)}** · {taxonomy.categories.get(skill.category, skill.category)} · "
              f"weight {skill.weight:.2f} ({origin_text(skill.origin, skill.sources)})")]
    if skill.aliases:
        lines.append("Also written: " + ", ".join(f"`{a}`" for a in skill.aliases))
    if skill.implies:
        lines.append("Implies: " + ", ".join(names.get(i, i) for i in skill.implies))
    if skill.sources:
        lines.append("From the articles:\n" + sources_text(skill.sources, titles))
    if skill.note:
        lines.append(f":gray[{plain(skill.note)}]")
    if skill.ambiguity and skill.ambiguity.note:
        lines.append(f":gray[Ambiguous word: {plain(skill.ambiguity.note)}]")
    return "\n\n".join(lines)


def skills_tab(taxonomy: Taxonomy) -> None:
    """Filter, a table of matching skills, and each one in full under it."""
    import pandas as pd

    titles = article_titles(taxonomy.articles)
    query, category = skill_filter_ui(taxonomy)
    found = matching_skills(taxonomy, query, category)
    st.caption(f"{len(found)} of {len(taxonomy.skills)} skills. Weight = (articles naming it + 1) / "
               f"({len(taxonomy.articles)} + 1). Click a row to read that skill in full below.")
    if not found:
        st.info("No skill matches: try a shorter word, or another category.")
        return
    table = pd.DataFrame({
        "Skill": s.name,
        "Category": taxonomy.categories.get(s.category, s.category),
        "Articles": len(s.sources),
        "Weight": round(s.weight, 2),
        "Article phrases": "; ".join(dict.fromkeys(p for src in s.sources for p in src.phrases)) or "—",
    } for s in found)
    event = st.dataframe(
        table, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
        key="taxonomy-skills",
        column_config={"Article phrases": st.column_config.TextColumn(width="large"),
                       "Weight": st.column_config.NumberColumn(format="%.2f")},
    )
    rows = event.selection.rows if event else []
    chosen = found[rows[0]] if rows else found[0]
    with st.container(border=True):
        st.markdown(skill_markdown(chosen, taxonomy, titles))


def group_markdown(group: RequirementGroup, taxonomy: Taxonomy, titles: Mapping[str, str]) -> str:
    """A requirement group: description, what meets it, weight, article phrases, reason when missing."""
    names = {s.id: s.name for s in taxonomy.skills.values()}
    lines = [plain(group.description),
             f"Met by {group.need} of: " + ", ".join(names.get(i, i) for i in group.any_of),
             f":gray[When nothing is found: {plain(group.missing_reason)}]"]
    if group.sources:
        lines.append("From the articles:\n" + sources_text(group.sources, titles))
    if group.note:
        lines.append(f":gray[{plain(group.note)}]")
    return "\n\n".join(lines)


def groups_tab(taxonomy: Taxonomy) -> None:
    """Each requirement group, heaviest first, in an expander."""
    titles = article_titles(taxonomy.articles)
    st.caption(f"{len(taxonomy.groups)} requirement groups; the readiness score is their weighted mean.")
    for group in sorted(taxonomy.groups, key=lambda g: -g.weight):
        with st.expander(f"{group.name} · weight {group.weight:.2f} · "
                         f"{origin_text(group.origin, group.sources)}"):
            st.markdown(group_markdown(group, taxonomy, titles))


def project_filter_ui(taxonomy: Taxonomy) -> tuple[list[str], str]:
    """Difficulties and a requirement group to filter the catalog by."""
    left, right = st.columns([1, 2])
    difficulties = left.pills("Difficulty", ["beginner", "intermediate", "advanced"],
                              selection_mode="multi", default=["beginner", "intermediate", "advanced"],
                              key="taxonomy-difficulty")
    group_names = {g.id: g.name for g in taxonomy.groups}
    group = right.selectbox("Exercises the area", [ALL, *group_names],
                            format_func=lambda g: g if g == ALL else group_names[g], key="taxonomy-group")
    return list(difficulties or []), group


def project_card(project: Project, taxonomy: Taxonomy, titles: Mapping[str, str]) -> None:
    """A project of the catalog as a bordered card."""
    names = {s.id: s.name for s in taxonomy.skills.values()}
    group_names = {g.id: g.name for g in taxonomy.groups}
    with st.container(border=True):
        st.markdown(f"**{plain(project.title)}** {DIFFICULTY_BADGES.get(project.difficulty, project.difficulty)}")
        st.markdown(plain(project.brief))
        st.markdown("**Exercises:** " + ", ".join(group_names.get(g, g) for g in project.exercises))
        if project.skills:
            st.markdown("**Skills:** " + ", ".join(names.get(s, s) for s in project.skills))
        if project.upgrades:
            st.markdown("**Make it stand out:**\n" + "\n".join(
                f"- {plain(u.text)} :gray[({names.get(u.skill, u.skill)})]" for u in project.upgrades))
        if project.sources:
            st.markdown("From the articles:\n" + sources_text(project.sources, titles))
        else:
            st.caption(origin_text(project.origin, project.sources).capitalize() + ".")


def projects_tab(taxonomy: Taxonomy) -> None:
    """The project catalog, filtered, as cards in two columns."""
    titles = article_titles(taxonomy.articles)
    difficulties, group = project_filter_ui(taxonomy)
    shown = [p for p in taxonomy.projects
             if p.difficulty in difficulties and (group == ALL or group in p.exercises)]
    st.caption(f"{len(shown)} of {len(taxonomy.projects)} projects.")
    if not shown:
        st.info("No project fits these filters.")
        return
    columns = st.columns(2)
    for index, project in enumerate(shown):
        with columns[index % 2]:
            project_card(project, taxonomy, titles)


def main() -> None:
    """The page: title, then Skills, Requirement groups and Projects tabs."""
    from analyzer.errors import JobreadyError
    from dashboard.resources import cached_taxonomy

    st.title("Taxonomy")
    st.markdown("What jobready looks for, and where it comes from: every skill, requirement "
                "group and project idea cites the phrases of the seed articles that name it.")
    try:
        with st.spinner("Loading the skill taxonomy…"):
            taxonomy = cached_taxonomy()
    except JobreadyError as exc:
        st.error(str(exc))
        return
    st.caption(f"Version {taxonomy.version} · sha256 {taxonomy.sha256[:12]} · "
               f"{len(taxonomy.articles)} seed articles")
    tabs_ui({
        f"Skills ({len(taxonomy.skills)})": lambda: skills_tab(taxonomy),
        f"Requirement groups ({len(taxonomy.groups)})": lambda: groups_tab(taxonomy),
        f"Projects ({len(taxonomy.projects)})": lambda: projects_tab(taxonomy),
    })


if __name__ == "__main__":
    main()
