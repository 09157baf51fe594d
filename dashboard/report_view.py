"""A report drawn as a headline and tabs: used by the Analyze page and by stored reports.

Everything here reads the report's dict (``Report.to_dict()``, the shape of
``report.schema.json``), so a report fresh from :func:`analyzer.report.analyze` and one
read back from the workspace are drawn the same way. Text from a résumé or GitHub goes
through :func:`plain` so "$20k" or "*nightly*" shows literally.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    from analyzer.taxonomy import Taxonomy

# Material icons ship with Streamlit, so they render even where no emoji font is installed.
CHECK_MARKS = {True: ":green[:material/check_circle:]", False: ":red[:material/cancel:]",
               None: ":gray[:material/help:]"}
STATUS_LABELS = {
    "verified": "on résumé and in code",
    "claimed": "on résumé",
    "demonstrated": "in code",
    "implied": "implied",
}
DIFFICULTY_BADGES = {"beginner": ":green-badge[beginner]", "intermediate": ":orange-badge[intermediate]",
                     "advanced": ":red-badge[advanced]"}
GAP_BADGES = {"missing": ":red-badge[missing]", "weak": ":orange-badge[weak]",
              "partial": ":blue-badge[partial]"}
SENIORITY_LABELS = {"student": "Student", "junior": "Junior", "mid": "Mid-level", "senior": "Senior"}
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>#|$~])")
TOP_GAPS = 5  # gaps shown in full; the rest sit in an expander, so the page is no wall of text
OVERVIEW = "Overview"


# -- text -------------------------------------------------------------------------------

def plain(text: str) -> str:
    """Text from a résumé or GitHub made literal for ``st.markdown`` ("$20k" is no formula)."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", text)


def where(evidence: dict) -> str:
    """One line saying where a piece of evidence was seen (résumé line or repository file)."""
    if evidence["source"] == "resume":
        return f"résumé p.{evidence.get('page', '?')} · {evidence.get('section', '?')}: {evidence['text']}"
    return f"{repo_place(evidence)}: {evidence['text']}"


def repo_place(evidence: dict) -> str:
    """``owner/name/path`` of repository evidence (just the repository for repo-wide facts)."""
    return "/".join(p for p in (evidence.get("repo", "?"), evidence.get("path")) if p)


def evidence_markdown(evidence: dict) -> str:
    """Evidence as Markdown, with a link to the file on GitHub when there is one."""
    text = plain(where(evidence))
    if evidence.get("url"):
        text = f"[{plain(repo_place(evidence))}]({evidence['url']}): {plain(evidence['text'])}"
    return f"{text} *({evidence['strength']})*"


def candidate_name(data: dict) -> str:
    """The candidate's name from the résumé, else the GitHub user, else "this candidate"."""
    return data["candidate"].get("name") or data["input"].get("github") or "this candidate"


def file_stem(data: dict) -> str:
    """A file-name stem for downloads: the résumé's stem, else the GitHub user, else "report"."""
    resume = data["input"].get("resume")
    return (Path(resume["file"]).stem if resume and resume.get("file")
            else data["input"].get("github") or "report")


def months_text(months: int) -> str:
    """``51`` → "4 years 3 months"; under a year just the months."""
    years, rest = divmod(int(months), 12)
    parts = [f"{years} year{'s' * (years != 1)}"] if years else []
    if rest or not years:
        parts.append(f"{rest} month{'s' * (rest != 1)}")
    return " ".join(parts)


def seniority_of(candidate: dict) -> tuple[str, str] | None:
    """(label, reason) of ``candidate.seniority`` when the report carries it, else None.

    Accepts the level as a string, or an object with ``level`` and ``reason``.
    """
    seniority = candidate.get("seniority")
    if not seniority:
        return None
    if isinstance(seniority, Mapping):
        level, reason = seniority.get("level", ""), seniority.get("reason") or ""
    else:
        level, reason = str(seniority), candidate.get("seniority_reason") or ""
    return SENIORITY_LABELS.get(level, level.capitalize()), reason


# -- headline ---------------------------------------------------------------------------

def summary_ui(data: dict, taxonomy: Taxonomy, key: str) -> None:
    """Headline: score, seniority and software experience, counts, and the downloads."""
    readiness = data["readiness"]
    st.subheader(f"Readiness of {plain(candidate_name(data))}")
    candidate = data["candidate"]
    seniority = seniority_of(candidate)
    months = candidate.get("software_months")
    shows_experience = seniority is not None or months is not None
    columns = st.columns([3, 3, 2, 2] if shows_experience else 3, border=True)
    score, skills, gaps = columns[0], columns[-2], columns[-1]
    score.metric("Readiness score", f"{readiness['score']:g} / 100",
                 delta=f"{readiness['level'].capitalize()} level", delta_color="off", delta_arrow="off",
                 help="Weighted mean of the requirement areas below; see “How the score is computed”.")
    if shows_experience:
        columns[1].metric(
            "Seniority", seniority[0] if seniority else "—",
            delta=f"{months_text(months)} of software work" if months is not None else None,
            delta_color="off", delta_arrow="off",
            help="From months of professional software work (overlapping roles count once): "
                 "student (none), junior (< 24), mid (24–60), senior (> 60).")
    skills.metric("Skills with evidence", sum(1 for s in data["skills"] if s["evidence"]),
                  help="Skills named on the résumé or found in code (implied skills not counted).")
    gaps.metric("Gaps", len(data["gaps"]), help="Requirement areas scoring under 80: not yet used in real work.")
    if seniority and seniority[1]:
        st.caption(f"{seniority[0]}: {plain(seniority[1])}")
    downloads_ui(data, taxonomy, key)
    if data["warnings"]:
        with st.expander(f"{len(data['warnings'])} warning(s) about this analysis",
                         icon=":material/warning:"):
            st.markdown("\n".join(f"- {plain(w)}" for w in data["warnings"]))


def report_json(data: dict) -> str:
    """The report dict as the CLI's JSON (UTF-8, indent 2), same as ``Report.to_json()``."""
    return json.dumps(data, indent=2, ensure_ascii=False)


def report_markdown(data: dict, taxonomy: Taxonomy) -> str:
    """The report as the CLI's Markdown."""
    from analyzer.report import render_markdown

    return render_markdown(data, taxonomy.categories)


def downloads_ui(data: dict, taxonomy: Taxonomy, key: str) -> None:
    """JSON and Markdown download buttons (no rerun on click)."""
    stem = file_stem(data)
    json_col, md_col, _ = st.columns([1, 1, 2])
    json_col.download_button("Download JSON", report_json(data), f"{stem}-jobready.json",
                             "application/json", on_click="ignore", icon=":material/download:",
                             width="stretch", key=f"{key}-json")
    md_col.download_button("Download Markdown", report_markdown(data, taxonomy), f"{stem}-jobready.md",
                           "text/markdown", on_click="ignore", icon=":material/download:",
                           width="stretch", key=f"{key}-md")


# -- tabs -------------------------------------------------------------------------------

def readiness_chart(groups: list[dict]):
    """Altair bar chart of assessed groups: score per area, coloured red → amber → green."""
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame(
        {"Area": g["name"], "Score": g["score"], "Weight": round(g["weight"], 2)}
        for g in groups if g["assessed"]
    )
    base = alt.Chart(frame).encode(
        x=alt.X("Score:Q", scale=alt.Scale(domain=[0, 100]), title="Score (0–100)",
                axis=alt.Axis(values=[0, 25, 50, 75, 100])),
        y=alt.Y("Area:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
        tooltip=["Area", "Score", alt.Tooltip("Weight", title="Weight (0–1)")],
    )
    bars = base.mark_bar(cornerRadiusEnd=3, height=18).encode(
        color=alt.Color("Score:Q", legend=None, scale=alt.Scale(
            domain=[0, 50, 100], range=["#c0504d", "#e8a33d", "#3a8a5c"])),
    )
    labels = base.mark_text(align="left", dx=4, color="#555").encode(text=alt.Text("Score:Q", format=".1~f"))
    return (bars + labels).properties(height=28 * len(frame) + 40)


def overview_ui(readiness: dict) -> None:
    """Per-group bar chart with the score at each bar's end, then how each score was reached."""
    unassessed = [g["name"] for g in readiness["groups"] if not g["assessed"]]
    if unassessed:
        st.caption(f"Not assessed without a résumé: {', '.join(unassessed)}.")
    st.altair_chart(readiness_chart(readiness["groups"]), width="stretch")
    with st.expander("How the score is computed", icon=":material/calculate:"):
        st.markdown(f"**Formula.** {readiness['formula']}")
        st.markdown("\n".join(
            f"- **{g['name']}** (weight {g['weight']:.2f}): {g['explanation']}"
            for g in readiness["groups"]
        ))


def skill_rows(skills: list[dict], names: Mapping[str, str]) -> list[dict]:
    """One table row per skill: name, status, strength and its strongest evidence."""
    return [
        {
            "Skill": s["name"],
            "Status": STATUS_LABELS.get(s["status"], s["status"]),
            "Strength": s["strength"],
            "Evidence": where(s["evidence"][0]) if s["evidence"]
            else "implied by " + ", ".join(names.get(i, i) for i in s["implied_by"]),
        }
        for s in skills
    ]


def other_technology_rows(others: list[dict], taxonomy: Taxonomy) -> list[dict]:
    """One table row per entry of the report's ``other_technologies``: name, category
    (its display name), strength and its first evidence."""
    categories = taxonomy.categories
    return [
        {
            "Technology": t["name"],
            "Category": categories.get(t["category"], t["category"]),
            "Strength": t["strength"],
            "Evidence": where(t["evidence"][0]) if t["evidence"] else "",
        }
        for t in others
    ]


def skills_by_group(data: dict, taxonomy: Taxonomy) -> list[tuple[dict | None, list[dict]]]:
    """The report's skills under each requirement group they can meet, in the report's order.

    Returns ``(group, skills)`` pairs: every group of ``readiness.groups`` (with the skills
    of the report among its ``any_of``), then ``(None, rest)`` for skills no group uses.
    A skill can sit under several groups.
    """
    by_id = {s["id"]: s for s in data["skills"]}
    placed: set[str] = set()
    result: list[tuple[dict | None, list[dict]]] = []
    for group in data["readiness"]["groups"]:
        try:
            any_of = taxonomy.group(group["id"]).any_of
        except KeyError:  # a stored report from an older taxonomy
            any_of = tuple(group.get("met_by", ()))
        members = [by_id[i] for i in any_of if i in by_id]
        placed.update(s["id"] for s in members)
        result.append((group, members))
    rest = [s for s in data["skills"] if s["id"] not in placed]
    if rest:
        result.append((None, rest))
    return result


def skills_ui(data: dict, taxonomy: Taxonomy) -> None:
    """Skills grouped by requirement group, each with its strongest evidence in wrapped text."""
    if not data["skills"]:
        st.info("No skills from the taxonomy were found.")
        return
    import pandas as pd

    names = {s.id: s.name for s in taxonomy.skills.values()}
    st.caption("Strength, weakest to strongest: listed < applied < quantified; "
               "demonstrated = found in code. A skill can count for several areas.")
    for group, members in skills_by_group(data, taxonomy):
        if group is None:
            title = f"Other skills ({len(members)})"
        else:
            score = f"{group['score']:g}" if group["assessed"] else "not assessed"
            title = f"{group['name']} · {score} · {len(members)} skill{'s' * (len(members) != 1)}"
        with st.expander(title, expanded=bool(members) and group is not None):
            if not members:
                st.caption("No skill of this area was found.")
                continue
            rows = pd.DataFrame(skill_rows(members, names))
            st.table(rows, hide_index=True)
    others = data.get("other_technologies") or []
    if others:
        with st.expander(f"Other technologies ({len(others)})"):
            st.caption("Named with evidence, but outside every requirement area above.")
            st.table(pd.DataFrame(other_technology_rows(others, taxonomy)), hide_index=True)
    with st.expander("All evidence, skill by skill", icon=":material/format_list_bulleted:"):
        for s in data["skills"]:
            if s["evidence"]:
                st.markdown(f"**{plain(s['name'])}**\n" + "\n".join(
                    f"- {evidence_markdown(e)}" for e in s["evidence"]))
    claims_ui(data["claims"], names)


def claims_ui(claims: dict, names: Mapping[str, str]) -> None:
    """Claimed-vs-demonstrated columns, shown only when code was examined."""
    if not any(claims.values()):
        return
    st.markdown("#### Claimed vs demonstrated")
    columns = st.columns(3, border=True)
    for column, (key, title) in zip(columns, (
        ("verified", ":green[:material/verified:] On the résumé and in code"),
        ("claimed_only", ":orange[:material/edit_note:] Claimed only: show them in code"),
        ("demonstrated_only", ":blue[:material/code:] In code only: add them to the résumé"),
    )):
        column.markdown(f"**{title}**")
        column.markdown(", ".join(names.get(i, i) for i in claims[key]) or "—")


def gaps_ui(gaps: list[dict], names: Mapping[str, str]) -> None:
    """Gaps ranked by importance: the first few in full, the rest behind an expander."""
    if not gaps:
        st.success("No gaps: every requirement area is fully met.")
        return
    st.caption("Importance = area weight × how far the area is from 100, in [0, 1].")
    for rank, gap in enumerate(gaps[:TOP_GAPS], 1):
        st.markdown(gap_markdown(rank, gap, names))
    if len(gaps) > TOP_GAPS:
        with st.expander(f"{len(gaps) - TOP_GAPS} smaller gap(s)"):
            for rank, gap in enumerate(gaps[TOP_GAPS:], TOP_GAPS + 1):
                st.markdown(gap_markdown(rank, gap, names))


def gap_markdown(rank: int, gap: dict, names: Mapping[str, str]) -> str:
    """One gap: rank, name, kind badge, importance, reason, the skills that close it, resources."""
    fix = ", ".join(names.get(s, s) for s in gap["suggestions"])
    badge = GAP_BADGES.get(gap["kind"], gap["kind"])
    text = (f"**{rank}. {gap['name']}** {badge} :gray[importance {gap['importance']:.2f}]  \n"
            f"{plain(gap['reason'])}" + (f"  \n:gray[Would close it: {fix}]" if fix else ""))
    resources = [resource_markdown(r) for r in gap.get("resources") or ()]
    if resources:
        text += "  \n:gray[Learn with:] " + ", ".join(resources)
    return text


def resource_markdown(resource: Mapping) -> str:
    """A learning resource of a gap: its name (linked when it has a URL) and its kind."""
    name = plain(resource.get("name", ""))
    linked = f"[{name}]({resource['url']})" if resource.get("url") else name
    return f"{linked} :gray[({resource.get('kind', 'resource')})]"


def prompts_ui(prompts: list[dict]) -> None:
    """Interview prompts for the coach: skills only listed on the résumé, with questions to ask."""
    st.caption("Skills the résumé lists but shows neither in a work bullet nor in code: "
               "questions that probe them in an interview.")
    for prompt in prompts:
        with st.container(border=True):
            st.markdown(f"**{plain(prompt['name'])}** :gray[— {plain(prompt['why'])}]")
            st.markdown("\n".join(f"{n}. {plain(q)}" for n, q in enumerate(prompt["questions"], 1)))


def closes_line(project: dict, group_names: Mapping[str, str]) -> str:
    """The groups a project closes that its ``why`` sentence does not already name ("" if all are)."""
    closes = [group_names.get(g, g) for g in project["closes"]]
    unnamed = [name for name in closes if name not in project.get("why", "")]
    return ", ".join(unnamed)


def projects_ui(projects: list[dict], group_names: Mapping[str, str]) -> None:
    """Suggested projects as cards side by side (``closes`` names requirement groups)."""
    if not projects:
        st.info("No project suggestion for this profile.")
        return
    for column, project in zip(st.columns(len(projects)), projects):
        with column.container(border=True, height="stretch"):
            st.markdown(f"**{plain(project['title'])}**")
            st.markdown(DIFFICULTY_BADGES.get(project["difficulty"], project["difficulty"]))
            st.markdown(plain(project["brief"]))
            closes = closes_line(project, group_names)
            if closes:
                st.markdown(f"**Closes:** {closes}")
            st.caption(plain(project["why"]))
            if project["upgrades"]:
                st.markdown("**Make it stand out:**\n" + "\n".join(f"- {plain(u)}" for u in project["upgrades"]))


def checks_summary(checks: list[dict]) -> str:
    """``"5 of 7 checks passed"`` (checks that could not be told count as not passed)."""
    return f"{sum(c['passed'] is True for c in checks)} of {len(checks)} checks passed"


def checks_ui(checks: list[dict]) -> None:
    """Checks as pass/fail lines with the advice under each failed one."""
    for check in checks:
        line = f"{CHECK_MARKS[check['passed']]} **{check['name']}**: {plain(check['detail'])}"
        if check.get("advice") and check["passed"] is not True:
            line += f"  \n:gray[→ {plain(check['advice'])}]"
        st.markdown(line)


def resume_checks_ui(checks: list[dict]) -> None:
    """The résumé checks under a one-line count."""
    st.caption(checks_summary(checks).capitalize() + ".")
    checks_ui(checks)


def usage_text(usage: dict) -> str:
    """GitHub requests spent, in words: "9 repositories · 60 requests (0 from cache) · …"."""
    count = usage["repositories"]
    parts = [f"{count} repositor{'y' if count == 1 else 'ies'}",
             f"{usage['requests']} requests ({usage['cached']} answered from the cache)"]
    if usage.get("rate_limit_remaining") is not None:
        parts.append(f"{usage['rate_limit_remaining']} left in the rate limit")
    if usage.get("rate_limit_reset"):
        parts.append(f"resets {usage['rate_limit_reset'][11:16]} UTC")
    return " · ".join(parts)


def repositories_ui(data: dict, names: Mapping[str, str]) -> None:
    """One card per repository: stack, evidence and portfolio checks."""
    usage = data.get("github_usage")
    if usage:
        st.caption(usage_text(usage))
    for repo in data["repositories"]:
        with st.container(border=True):
            title = f"[{plain(repo['name'])}]({repo['url']})" if repo.get("url") else plain(repo["name"])
            about = f" — {plain(repo['description'])}" if repo.get("description") else ""
            st.markdown(f"**{title}**{about}")
            st.markdown("**Stack:** " + (", ".join(names.get(s, s) for s in repo["stack"]) or "not recognised"))
            if repo["evidence"]:
                with st.expander(f"{len(repo['evidence'])} piece(s) of evidence"):
                    st.markdown("\n".join(
                        f"- **{names.get(e['skill'], e['skill'])}**: {evidence_markdown(e)}"
                        for e in repo["evidence"]))
            if repo["checks"]:
                with st.expander(checks_summary(repo["checks"]).capitalize()):
                    checks_ui(repo["checks"])
            for warning in repo["warnings"]:
                st.caption(f":material/warning: {plain(warning)}")


def report_tabs(data: dict, taxonomy: Taxonomy,
                extra: Mapping[str, Callable[[], None]] | None = None) -> dict[str, Callable[[], None]]:
    """Tab label → drawing function, Overview first; ``extra`` tabs (e.g. Match) go last."""
    names = {s.id: s.name for s in taxonomy.skills.values()}
    group_names = {g.id: g.name for g in taxonomy.groups}  # a few ids are both: keep apart
    parts: dict[str, Callable[[], None]] = {
        OVERVIEW: lambda: overview_ui(data["readiness"]),
        "Skills & evidence": lambda: skills_ui(data, taxonomy),
        f"Gaps ({len(data['gaps'])})": lambda: gaps_ui(data["gaps"], names),
        "Suggested projects": lambda: projects_ui(data["projects"], group_names),
    }
    if data["checks"]:
        parts["Résumé checks"] = lambda: resume_checks_ui(data["checks"])
    if data.get("interview_prompts"):
        parts[f"Interview prompts ({len(data['interview_prompts'])})"] = (
            lambda: prompts_ui(data["interview_prompts"]))
    if data["repositories"]:
        parts[f"Repositories ({len(data['repositories'])})"] = lambda: repositories_ui(data, names)
    parts.update(extra or {})
    return parts


def report_ui(data: dict, taxonomy: Taxonomy, key: str,
              extra: Mapping[str, Callable[[], None]] | None = None) -> None:
    """The whole report: headline, then one tab per part.

    ``key`` names this report (e.g. a fingerprint of its input): a new key is a new tab
    widget, so a new upload opens on the Overview tab instead of the tab last looked at.
    """
    summary_ui(data, taxonomy, key)
    tabs_ui(report_tabs(data, taxonomy, extra), key=f"tabs-{key}")


def tabs_ui(parts: Mapping[str, Callable[[], None]], key: str | None = None) -> None:
    """One tab per label, each drawn by its function (``key`` names the tab widget)."""
    for tab, render in zip(st.tabs(list(parts), key=key), parts.values()):
        with tab:
            render()
