"""The jobready dashboard (Streamlit): upload a résumé, read the readiness report.

Run it with::

    streamlit run app.py --server.address 127.0.0.1 --browser.gatherUsageStats false

(``.streamlit/config.toml`` sets the same, so plain ``streamlit run app.py`` behaves.)

The page is thin: the sidebar widgets become values, :func:`analyzer.report.analyze`
does the work, and the report's dict (``Report.to_dict()``, the shape of
``analyzer/report/report.schema.json``) is rendered in tabs. Library errors arrive as
:class:`analyzer.errors.JobreadyError` and are shown as their one-sentence message.

Personal data: the résumé bytes and the GitHub token live only in this session's widget
state; the token is passed to :func:`analyzer.code.read_code_sources` and nowhere else.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from analyzer.errors import JobreadyError
from analyzer.report.build import Report, analyze
from analyzer.resume.parse import Resume
from analyzer.skills.matcher import SkillMatcher
from analyzer.taxonomy.loader import Taxonomy, load_taxonomy

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
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>#|$~])")
TOP_GAPS = 5  # gaps shown in full; the rest sit in an expander, so the page is no wall of text


@dataclass(frozen=True)
class ResumeInput:
    """A résumé chosen in the sidebar: its file name, bytes and optional password."""

    name: str
    data: bytes
    password: str | None


@dataclass(frozen=True)
class GitHubInput:
    """A GitHub user to read, with a token used for this request only (never stored)."""

    user: str
    token: str | None


@st.cache_resource(show_spinner="Loading the skill taxonomy…")
def cached_taxonomy() -> Taxonomy:
    """The project's skill taxonomy, loaded once per server process."""
    return load_taxonomy()


@st.cache_resource(show_spinner="Compiling the skill matcher…")
def cached_matcher() -> SkillMatcher:
    """The spaCy skill matcher compiled from :func:`cached_taxonomy`, once per process."""
    return SkillMatcher(cached_taxonomy())


# -- inputs -----------------------------------------------------------------------------

def resume_ui() -> ResumeInput | None:
    """Sidebar: a PDF upload or the shipped sample résumé, plus a password for locked PDFs."""
    st.sidebar.header("Résumé")
    generation = st.session_state.setdefault("upload_generation", 0)
    upload = st.sidebar.file_uploader("Upload a résumé (PDF)", type=["pdf"], key=f"upload-{generation}",
                                      help="Read in memory for this session only; never stored.")
    if st.sidebar.button("Try a sample résumé", help="A fictional junior developer's résumé."):
        # a fresh uploader key clears an earlier upload, so the sample is what gets analysed
        st.session_state["upload_generation"] = generation + 1
        st.session_state["use_sample"] = True
        st.rerun()
    password = st.sidebar.text_input("PDF password (only for protected files)", type="password")
    if upload is not None:
        st.session_state["use_sample"] = False
        return ResumeInput(upload.name, upload.getvalue(), password or None)
    if st.session_state.get("use_sample"):
        from analyzer.resume.sample import SAMPLE_RESUME

        st.sidebar.caption("Using the sample résumé (a fictional person).")
        sample = Path(SAMPLE_RESUME)
        return ResumeInput(sample.name, sample.read_bytes(), None)
    return None


def github_ui(detected: str | None) -> GitHubInput | None:
    """Sidebar: an optional GitHub user (prefilled from the résumé) and a session-only token."""
    st.sidebar.header("GitHub (optional)")
    user = st.sidebar.text_input(
        "GitHub username", value=detected or "",
        help="Prefilled from the résumé's GitHub link when there is one.",
    ).strip()
    token = st.sidebar.text_input(
        "GitHub token (optional)", type="password",
        help="Raises the API rate limit. Used for this request only: never stored or logged.",
    )
    read = st.sidebar.toggle("Read public repositories", disabled=not user,
                             help="Looks for skills demonstrated in code.")
    return GitHubInput(user, token or None) if read and user else None


def code_sources(github: GitHubInput, taxonomy: Taxonomy) -> dict:
    """``analyze()`` keyword arguments for a GitHub user, read once per session.

    Kept in this session's state by (API URL, user, whether a token was given) so reruns
    (a click on a download button, a new password) do not read GitHub again; the token
    itself is not part of what is kept. A progress bar follows the repositories. (Not
    ``st.cache_data``: a cached function may not update a progress bar drawn outside it,
    and the HTTP cache of :mod:`analyzer.code.github` already spares requests across sessions.)
    """
    from analyzer.code.sources import read_code_sources

    key = (os.environ.get("GITHUB_API_URL", ""), github.user.lower(), github.token is not None)
    memo = st.session_state.setdefault("code_sources", {})
    if key not in memo:
        bar = st.progress(0.0, text=f"Reading github.com/{github.user} …")

        def progress(done: int, total: int, name: str) -> None:
            bar.progress(min(done / total, 1.0) if total else 1.0,
                         text=f"Read {name} ({done} of {total} repositories)")

        try:
            memo[key] = read_code_sources(github.user, (), taxonomy,
                                          token=github.token, progress=progress)
        finally:
            bar.empty()
    return memo[key]


def run_analysis(resume: ResumeInput | None, taxonomy: Taxonomy, sources: dict | None = None,
                 parsed: Resume | None = None) -> Report:
    """:func:`analyze` on the sidebar's résumé (if any) and code sources (if any).

    ``parsed`` is the résumé already parsed by an earlier run, reused instead of parsing again.
    """
    if resume is None:
        return analyze(None, taxonomy=taxonomy, **(sources or {}))
    return analyze(parsed or resume.data, resume_name=resume.name, password=resume.password,
                   taxonomy=taxonomy, matcher=cached_matcher(), **(sources or {}))


def build_report(resume: ResumeInput | None, taxonomy: Taxonomy) -> Report | None:
    """Analyse the résumé, then GitHub when asked; None if nothing to do.

    The résumé is analysed first so the GitHub field can be prefilled from its link; the
    GitHub widgets are drawn even when the résumé fails, so nothing the user typed is lost.
    Errors are shown with ``st.error``; a GitHub error keeps the résumé-only report.
    """
    report, failed = None, False
    if resume is not None:
        try:
            report = run_analysis(resume, taxonomy)
        except JobreadyError as exc:
            st.error(str(exc))
            failed = True
    detected = report.resume.basics.github if report and report.resume else None
    github = github_ui(detected)
    if github is None or failed:
        return report
    try:
        return run_analysis(resume, taxonomy, code_sources(github, taxonomy),
                            parsed=report.resume if report else None)
    except JobreadyError as exc:
        st.error(str(exc))
        return report


# -- output -----------------------------------------------------------------------------

def where(evidence: dict) -> str:
    """One line saying where a piece of evidence was seen (résumé line or repository file)."""
    if evidence["source"] == "resume":
        return f"résumé p.{evidence.get('page', '?')} · {evidence.get('section', '?')}: {evidence['text']}"
    return f"{repo_place(evidence)}: {evidence['text']}"


def repo_place(evidence: dict) -> str:
    """``owner/name/path`` of repository evidence (just the repository for repo-wide facts)."""
    return "/".join(p for p in (evidence.get("repo", "?"), evidence.get("path")) if p)


def summary_ui(data: dict, report: Report) -> None:
    """Headline: score, level, counts and the two downloads."""
    readiness = data["readiness"]
    name = data["candidate"].get("name") or data["input"].get("github") or "this candidate"
    st.subheader(f"Readiness of {plain(name)}")
    score, skills, gaps = st.columns(3, border=True)
    score.metric("Readiness score", f"{readiness['score']:g} / 100",
                 delta=f"{readiness['level'].capitalize()} level", delta_color="off", delta_arrow="off",
                 help="Weighted mean of the requirement areas below; see “How the score is computed”.")
    skills.metric("Skills with evidence", sum(1 for s in data["skills"] if s["evidence"]),
                  help="Skills named on the résumé or found in code (implied skills not counted).")
    gaps.metric("Gaps", len(data["gaps"]), help="Requirement areas scoring under 80: not yet used in real work.")
    resume = data["input"]["resume"]
    github = data["input"].get("github")
    stem = (Path(resume["file"]).stem if resume and resume["file"]
            else github or "report")
    json_col, md_col, _ = st.columns([1, 1, 2])
    json_col.download_button("Download JSON", report.to_json(), f"{stem}-jobready.json",
                             "application/json", on_click="ignore", icon=":material/download:",
                             width="stretch")
    md_col.download_button("Download Markdown", report.to_markdown(), f"{stem}-jobready.md",
                           "text/markdown", on_click="ignore", icon=":material/download:",
                           width="stretch")
    if data["warnings"]:
        with st.expander(f"{len(data['warnings'])} warning(s) about this analysis",
                         icon=":material/warning:"):
            st.markdown("\n".join(f"- {plain(w)}" for w in data["warnings"]))


def readiness_ui(readiness: dict) -> None:
    """Per-group bar chart with the score at each bar's end, then how each score was reached."""
    groups = pd.DataFrame(
        {"Area": g["name"], "Score": g["score"], "Weight": round(g["weight"], 2)}
        for g in readiness["groups"] if g["assessed"]
    )
    unassessed = [g["name"] for g in readiness["groups"] if not g["assessed"]]
    if unassessed:
        st.caption(f"Not assessed without a résumé: {', '.join(unassessed)}.")
    base = alt.Chart(groups).encode(
        x=alt.X("Score:Q", scale=alt.Scale(domain=[0, 100]), title="Score (0–100)",
                axis=alt.Axis(values=[0, 25, 50, 75, 100])),
        y=alt.Y("Area:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
        tooltip=["Area", "Score", alt.Tooltip("Weight", title="Weight (0–1)")],
    )
    bars = base.mark_bar(cornerRadiusEnd=3, height=18).encode(
        color=alt.Color("Score:Q", legend=None, scale=alt.Scale(
            domain=[0, 50, 100], range=["#c0504d", "#e8a33d", "#3a8a5c"])),
    )
    labels = base.mark_text(align="left", dx=4, color="#555").encode(text=alt.Text("Score:Q", format=".1~f"))
    st.altair_chart((bars + labels).properties(height=28 * len(groups) + 40), width="stretch")
    with st.expander("How the score is computed", icon=":material/calculate:"):
        st.markdown(f"**Formula.** {readiness['formula']}")
        st.markdown("\n".join(
            f"- **{g['name']}** (weight {g['weight']:.2f}): {g['explanation']}"
            for g in readiness["groups"]
        ))


def skills_ui(data: dict, names: dict[str, str], categories: Mapping[str, str]) -> None:
    """Skills table with the strongest evidence, every piece of evidence, and claims vs code."""
    rows = [
        {
            "Skill": s["name"],
            "Category": categories.get(s["category"], s["category"]),
            "Status": STATUS_LABELS.get(s["status"], s["status"]),
            "Strength": s["strength"],
            "Evidence": where(s["evidence"][0]) if s["evidence"]
            else "implied by " + ", ".join(names.get(i, i) for i in s["implied_by"]),
            "Link": next((e["url"] for e in s["evidence"] if e.get("url")), None),
        }
        for s in data["skills"]
    ]
    if not rows:
        st.info("No skills from the taxonomy were found.")
        return
    st.caption("Strength, weakest to strongest: listed < applied < quantified; "
               "demonstrated = found in code.")
    table = pd.DataFrame(rows)
    if table["Link"].isna().all():
        table = table.drop(columns="Link")
    st.dataframe(
        table, hide_index=True, width="stretch",
        column_config={
            "Evidence": st.column_config.TextColumn(width="large"),
            "Link": st.column_config.LinkColumn(display_text="open"),
        },
    )
    with st.expander("All evidence, skill by skill", icon=":material/format_list_bulleted:"):
        for s in data["skills"]:
            if s["evidence"]:
                st.markdown(f"**{s['name']}**\n" + "\n".join(
                    f"- {evidence_markdown(e)}" for e in s["evidence"]))
    claims_ui(data["claims"], names)


def evidence_markdown(evidence: dict) -> str:
    """Evidence as Markdown, with a link to the file on GitHub when there is one."""
    text = plain(where(evidence))
    if evidence.get("url"):
        text = f"[{plain(repo_place(evidence))}]({evidence['url']}): {plain(evidence['text'])}"
    return f"{text} *({evidence['strength']})*"


def plain(text: str) -> str:
    """Text from a résumé or GitHub made literal for ``st.markdown`` ("$20k" is no formula)."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", text)


def claims_ui(claims: dict, names: dict[str, str]) -> None:
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


def gaps_ui(gaps: list[dict], names: dict[str, str]) -> None:
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


def gap_markdown(rank: int, gap: dict, names: dict[str, str]) -> str:
    """One gap: rank, name, kind badge, importance, reason and the skills that would close it."""
    fix = ", ".join(names.get(s, s) for s in gap["suggestions"])
    badge = GAP_BADGES.get(gap["kind"], gap["kind"])
    return (f"**{rank}. {gap['name']}** {badge} :gray[importance {gap['importance']:.2f}]  \n"
            f"{gap['reason']}" + (f"  \n:gray[Would close it: {fix}]" if fix else ""))


def projects_ui(projects: list[dict], group_names: dict[str, str]) -> None:
    """Suggested projects as cards side by side (``closes`` names requirement groups)."""
    if not projects:
        st.info("No project suggestion for this profile.")
        return
    for column, project in zip(st.columns(len(projects)), projects):
        with column.container(border=True, height="stretch"):
            st.markdown(f"**{project['title']}**")
            st.markdown(DIFFICULTY_BADGES.get(project["difficulty"], project["difficulty"]))
            st.markdown(project["brief"])
            closes = ", ".join(group_names.get(g, g) for g in project["closes"])
            if closes:
                st.markdown(f"**Closes:** {closes}")
            st.caption(project["why"])
            if project["upgrades"]:
                st.markdown("**Make it stand out:**\n" + "\n".join(f"- {u}" for u in project["upgrades"]))


def checks_summary(checks: list[dict]) -> str:
    """``"5 of 7 checks passed"`` (checks that could not be told count as not passed)."""
    return f"{sum(c['passed'] is True for c in checks)} of {len(checks)} checks passed"


def checks_ui(checks: list[dict]) -> None:
    """Checks as pass/fail lines with the advice under each failed one."""
    for check in checks:
        line = f"{CHECK_MARKS[check['passed']]} **{check['name']}**: {plain(check['detail'])}"
        if check.get("advice") and check["passed"] is not True:
            line += f"  \n:gray[→ {check['advice']}]"
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


def repositories_ui(data: dict, names: dict[str, str]) -> None:
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


def report_ui(report: Report, taxonomy: Taxonomy) -> None:
    """The whole report: headline, then one tab per part."""
    data = report.to_dict()
    names = {s.id: s.name for s in taxonomy.skills.values()}
    group_names = {g.id: g.name for g in taxonomy.groups}  # a few ids are both: keep apart
    summary_ui(data, report)
    parts = {
        "Readiness": lambda: readiness_ui(data["readiness"]),
        "Skills & evidence": lambda: skills_ui(data, names, taxonomy.categories),
        f"Gaps ({len(data['gaps'])})": lambda: gaps_ui(data["gaps"], names),
        "Suggested projects": lambda: projects_ui(data["projects"], group_names),
    }
    if data["checks"]:
        parts["Résumé checks"] = lambda: resume_checks_ui(data["checks"])
    if data["repositories"]:
        parts[f"Repositories ({len(data['repositories'])})"] = lambda: repositories_ui(data, names)
    for tab, render in zip(st.tabs(list(parts)), parts.values()):
        with tab:
            render()


def main() -> None:
    """The page: title, intro, sidebar inputs, then the report or the error sentence."""
    # no page_icon: Streamlit fetches Material-icon favicons from a font CDN; this tool stays offline
    st.set_page_config(page_title="jobready", layout="wide")
    st.title("jobready")
    st.markdown("How ready is a résumé for a **junior backend developer** role? Upload a PDF "
                "to see the readiness score, the evidence behind every skill, the gaps and "
                "projects that would close them.")
    try:
        taxonomy = cached_taxonomy()
    except JobreadyError as exc:
        st.error(str(exc))
        return
    resume = resume_ui()
    report = build_report(resume, taxonomy)
    if report is None:
        if resume is None:
            st.info("Upload a résumé PDF in the sidebar, or try the sample résumé, to start.",
                    icon=":material/arrow_back:")
        return
    report_ui(report, taxonomy)


if __name__ == "__main__":
    main()
