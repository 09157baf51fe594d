"""Cohorts page: a cohort seen as a whole, from each candidate's latest report.

Draws :meth:`analyzer.workspace.Workspace.cohort` (a ``CohortAnalysis``): the most common
gaps, a candidate × requirement-group heat map, the cohort against its target postings,
and groups of similar candidates (k-means on skill vectors, the number of groups chosen by
silhouette) to plan one workshop per group.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from dashboard.report_view import plain, tabs_ui
from dashboard.resources import (
    cached_cohort,
    cohort_fingerprint,
    database_url,
    workspace_ui,
)

if TYPE_CHECKING:
    from analyzer.workspace import CohortAnalysis


def cohort_pick_ui(names: list[str]) -> str | None:
    """The cohort to look at (the first one by default)."""
    return st.selectbox("Cohort", names, key="cohort")


def candidates_ui(analysis: CohortAnalysis) -> None:
    """The cohort's candidates with their latest score and level."""
    import pandas as pd

    st.dataframe(pd.DataFrame({
        "Candidate": c["name"], "Latest score": c.get("score"),
        "Level": (c.get("level") or "").capitalize(), "Report": c.get("report_id"),
    } for c in analysis.candidates), hide_index=True, width="stretch",
        column_config={"Latest score": st.column_config.ProgressColumn(min_value=0, max_value=100,
                                                                        format="%.1f")})


def common_gaps_chart(analysis: CohortAnalysis):
    """Horizontal bars: share of the cohort with each gap, most shared first."""
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame({"Gap": g.name, "Candidates": g.count, "Share": g.share,
                          "Who": ", ".join(g.candidates)} for g in analysis.common_gaps)
    base = alt.Chart(frame).encode(
        x=alt.X("Share:Q", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]),
                title="Share of the cohort"),
        y=alt.Y("Gap:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
        tooltip=["Gap", "Candidates", alt.Tooltip("Share:Q", format=".0%"), "Who"],
    )
    bars = base.mark_bar(color="#c0504d", height=16, cornerRadiusEnd=3)
    labels = base.mark_text(align="left", dx=4, color="#555").encode(text="Candidates:Q")
    return (bars + labels).properties(height=26 * len(frame) + 40)


def common_gaps_ui(analysis: CohortAnalysis) -> None:
    """The gaps most of the cohort shares: topics for group sessions."""
    if not analysis.common_gaps:
        st.success("No candidate of this cohort has a gap.")
        return
    st.caption("Bar label = number of candidates with the gap; hover a bar for their names.")
    st.altair_chart(common_gaps_chart(analysis), width="stretch")


def heat_map(analysis: CohortAnalysis):
    """Altair heat map: candidates (rows) × requirement groups (columns), score 0–100."""
    import altair as alt
    import pandas as pd

    matrix = analysis.matrix
    frame = pd.DataFrame(
        {"Candidate": candidate, "Area": name, "Score": score}
        for candidate, row in zip(matrix.candidates, matrix.scores)
        for (_, name), score in zip(matrix.groups, row)
    )
    order = [name for _, name in matrix.groups]
    base = alt.Chart(frame).encode(
        x=alt.X("Area:N", sort=order, title=None,
                axis=alt.Axis(labelAngle=-40, labelLimit=200, labelOverlap=False, orient="top")),
        y=alt.Y("Candidate:N", title=None, axis=alt.Axis(labelLimit=220, labelOverlap=False)),
        tooltip=["Candidate", "Area", alt.Tooltip("Score:Q", format=".1f")],
    )
    cells = base.mark_rect(stroke="white").encode(color=alt.Color(
        "Score:Q", scale=alt.Scale(domain=[0, 50, 100], range=["#c0504d", "#e8a33d", "#3a8a5c"]),
        legend=alt.Legend(title="Score")))
    text = base.mark_text(fontSize=11).encode(
        text=alt.Text("Score:Q", format=".0f"),
        color=alt.value("white"))
    return (cells + text).properties(height=34 * len(matrix.candidates) + 150)


def heat_map_ui(analysis: CohortAnalysis) -> None:
    """The candidate × requirement-group heat map (blank cell: area not assessed)."""
    if not analysis.matrix.candidates:
        st.info("No stored report in this cohort yet.")
        return
    st.altair_chart(heat_map(analysis), width="stretch")


def postings_ui(analysis: CohortAnalysis) -> None:
    """Each target posting: who is closest, and what most of the cohort lacks for it."""
    from dashboard.navigation import page

    if not analysis.postings:
        st.info("This cohort has no target posting yet.")
        st.page_link(page("postings.py"), label="Add target postings", icon=":material/work:")
        return
    import pandas as pd

    for fit in analysis.postings:
        with st.container(border=True):
            st.markdown(f"**{plain(fit.title)}**")
            left, right = st.columns([3, 2])
            left.dataframe(pd.DataFrame({"Candidate": c, "Coverage": v} for c, v in fit.ranking),
                           hide_index=True, width="stretch",
                           column_config={"Coverage": st.column_config.ProgressColumn(
                               min_value=0, max_value=1, format="percent")})
            if fit.lacking:
                right.markdown("**Most of the cohort lacks:**\n" + "\n".join(
                    f"- {plain(skill)} ({share:.0%} of candidates)" for skill, share in fit.lacking))
            else:
                right.markdown("No required skill is missing for most of the cohort.")
            st.caption(fit.formula)


def groups_ui(analysis: CohortAnalysis) -> None:
    """Groups of similar candidates, each named by its distinctive skills."""
    grouping = analysis.grouping
    structure = grouping.structure + (" structure" if grouping.structure in ("strong", "reasonable", "weak")
                                      else "")
    quality = (f"silhouette {grouping.silhouette:.2f}: {structure}"
               if grouping.silhouette is not None else structure)
    st.caption(f"k-means on each candidate's skill vector; the number of groups has the best "
               f"silhouette ({quality}).")
    if not grouping.groups:
        st.info("No candidate to group.")
        return
    columns = st.columns(min(len(grouping.groups), 3))
    for index, group in enumerate(grouping.groups):
        with columns[index % len(columns)].container(border=True):
            st.markdown(f"**Group {index + 1}: {plain(group.label)}**")
            st.markdown(", ".join(plain(c) for c in group.candidates))
            if group.lacking:
                st.caption("Lacks: " + ", ".join(n for _, n in group.lacking))


def main() -> None:
    """The page: pick a cohort, then its candidates, gaps, heat map, postings and groups."""
    from analyzer.errors import JobreadyError

    st.title("Cohorts")
    opened = workspace_ui()
    if opened is None:
        return
    space, names = opened
    if not names:
        st.info("No cohort yet: pick or type a cohort when you save a report on the Analyze page.")
        return
    name = cohort_pick_ui(names)
    try:
        with st.spinner("Reading the cohort's reports…"):
            analysis = cached_cohort(database_url(), name, cohort_fingerprint(space, name))
    except JobreadyError as exc:
        st.error(str(exc))
        return
    st.caption(f"{len(analysis.candidates)} candidate(s); each counted by their latest report.")
    tabs_ui({
        "Candidates": lambda: candidates_ui(analysis),
        "Common gaps": lambda: common_gaps_ui(analysis),
        "Heat map": lambda: heat_map_ui(analysis),
        "Target postings": lambda: postings_ui(analysis),
        "Similar candidates": lambda: groups_ui(analysis),
    }, key="cohort-tabs")


if __name__ == "__main__":
    main()
