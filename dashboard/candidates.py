"""Candidates page: find a candidate, follow their readiness, compare reports, notes, exports.

Reads and writes the coach's workspace (:mod:`analyzer.workspace`, one per server through
:func:`dashboard.resources.workspace`). Every workspace error is an
:class:`analyzer.errors.JobreadyError` shown as its one sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

from dashboard import report_view
from dashboard.resources import cached_taxonomy, workspace

if TYPE_CHECKING:
    from analyzer.workspace import CandidateSummary, Comparison, ReportEntry, Workspace

EXPORT_FORMATS = {"pdf": ("PDF", "application/pdf"), "html": ("HTML", "text/html"),
                  "markdown": ("Markdown", "text/markdown"), "json": ("JSON", "application/json")}
EXPORT_SUFFIX = {"pdf": "pdf", "html": "html", "markdown": "md", "json": "json"}


def day(entry) -> str:
    """``2026-12-06 10:41`` (UTC) of a stored entry's ``created_at``."""
    return entry.created_at.strftime("%Y-%m-%d %H:%M")


def report_label(entry: ReportEntry) -> str:
    """"#12 · 2026-12-06 10:41 · 55.5" for a report picker."""
    score = "no score" if entry.score is None else f"{entry.score:g}"
    return f"#{entry.id} · {day(entry)} · {score}"


# -- finding a candidate ---------------------------------------------------------------

def filter_ui(space: Workspace) -> tuple[str, list[str], str | None]:
    """Search text, tags and cohort to filter the candidates by."""
    search, tags, cohort = st.columns([2, 2, 1])
    query = search.text_input("Search by name", key="candidates-query",
                              placeholder="part of a name").strip()
    chosen_tags = tags.multiselect("Tags", space.tags(), key="candidates-tags",
                                   placeholder="any tag")
    cohort_names = [c.name for c in space.cohorts()]
    chosen_cohort = cohort.selectbox("Cohort", ["", *cohort_names], key="candidates-cohort",
                                     format_func=lambda c: c or "all")
    return query, chosen_tags, chosen_cohort or None


def matching(people: Sequence[CandidateSummary], query: str, tags: Sequence[str]) -> list[CandidateSummary]:
    """Candidates whose name contains ``query`` (case-insensitive) and who carry every tag."""
    needle = query.casefold()
    return [p for p in people if needle in p.name.casefold() and set(tags) <= set(p.tags)]


def candidates_table(people: Sequence[CandidateSummary]) -> None:
    """The candidates found, one row each."""
    import pandas as pd

    st.dataframe(pd.DataFrame({
        "Candidate": p.name,
        "Latest score": p.latest_score,
        "Reports": p.reports,
        "Last report": p.latest_at.strftime("%Y-%m-%d") if p.latest_at else "",
        "Tags": ", ".join(p.tags),
        "Cohorts": ", ".join(p.cohorts),
    } for p in people), hide_index=True, width="stretch",
        column_config={"Latest score": st.column_config.ProgressColumn(
            min_value=0, max_value=100, format="%.1f")})


def pick_ui(people: Sequence[CandidateSummary]) -> str | None:
    """The candidate to open (preselected after a save on the Analyze page)."""
    names = [p.name for p in people]
    wanted = st.session_state.pop("open_candidate", None)
    if wanted in names:
        st.session_state["candidate"] = wanted
    if st.session_state.get("candidate") not in names:
        st.session_state.pop("candidate", None)
    return st.selectbox("Open a candidate", names, key="candidate", index=None,
                        placeholder="choose a candidate")


# -- one candidate ------------------------------------------------------------------------

def history_chart(entries: Sequence[ReportEntry]):
    """Altair line of the readiness score over time, one point per report."""
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame({"Report": f"#{e.id}", "When": e.created_at, "Score": e.score}
                         for e in entries if e.score is not None)
    base = alt.Chart(frame).encode(
        x=alt.X("When:T", title=None),
        y=alt.Y("Score:Q", scale=alt.Scale(domain=[0, 100]), title="Readiness (0–100)"),
        tooltip=["Report", alt.Tooltip("When:T", format="%Y-%m-%d %H:%M"), "Score"],
    )
    line = base.mark_line(color="#2e6f9e") + base.mark_point(filled=True, size=70, color="#2e6f9e")
    labels = base.mark_text(dy=-12, color="#555").encode(text=alt.Text("Score:Q", format=".1~f"))
    return (line + labels).properties(height=260)


def progress_ui(entries: Sequence[ReportEntry]) -> None:
    """Readiness over time and the list of reports."""
    import pandas as pd

    if not entries:
        st.info("No report yet: analyse a résumé on the Analyze page and save it here.")
        return
    st.markdown("##### Readiness over time")
    st.altair_chart(history_chart(entries), width="stretch")
    st.dataframe(pd.DataFrame({
        "Report": e.id, "Saved (UTC)": day(e), "Score": e.score,
        "Résumé file kept": e.kept_file or "—",
    } for e in reversed(entries)), hide_index=True, width="stretch")


def compare_pick_ui(entries: Sequence[ReportEntry]) -> tuple[int, int] | None:
    """Two reports to compare (defaults: the one before the latest, and the latest)."""
    if len(entries) < 2:
        st.info("Comparing needs two reports: save a newer version of the résumé first.")
        return None
    labels = {e.id: report_label(e) for e in entries}
    ids = list(labels)
    left, right = st.columns(2)
    before = left.selectbox("Before", ids, index=len(ids) - 2, format_func=labels.get, key="compare-a")
    after = right.selectbox("After", ids, index=len(ids) - 1, format_func=labels.get, key="compare-b")
    if before == after:
        st.warning("Pick two different reports.")
        return None
    return before, after


def changes_markdown(comparison: Comparison, better: bool) -> str:
    """What got better (``better=True``) or worse between two reports, as titled Markdown lists."""
    def scores(groups) -> list[str]:
        return [f"{g.name}: {g.before:g} → {g.after:g}" for g in groups
                if g.before is not None and g.after is not None]

    c = comparison
    sections = (
        ("Skills gained", [f"{s.name} ({s.after})" for s in c.skills_gained]),
        ("Stronger evidence", [f"{s.name}: {s.before} → {s.after}" for s in c.skills_stronger]),
        ("Areas up", scores(c.groups_up)),
        ("Gaps closed", [g.name for g in c.gaps_closed]),
        ("Checks fixed", [k.name for k in c.checks_fixed]),
    ) if better else (
        ("Skills lost", [f"{s.name} ({s.before})" for s in c.skills_lost]),
        ("Weaker evidence", [f"{s.name}: {s.before} → {s.after}" for s in c.skills_weaker]),
        ("Areas down", scores(c.groups_down)),
        ("Gaps opened", [g.name for g in c.gaps_opened]),
        ("Checks broken", [k.name for k in c.checks_broken]),
    )
    parts = [f"**{title}**\n" + "\n".join(f"- {report_view.plain(i)}" for i in items)
             for title, items in sections if items]
    return "\n\n".join(parts) or ("Nothing gained." if better else "Nothing lost.")


def comparison_ui(space: Workspace, before: int, after: int) -> None:
    """Two reports side by side: scores, every area's score, then what changed."""
    import pandas as pd

    a, b = space.get_report(before).report, space.get_report(after).report
    comparison: Comparison = space.compare(before, after)
    left, right, delta = st.columns(3, border=True)
    left.metric(f"Report #{before}", f"{a['readiness']['score']:g} / 100",
                delta=f"{a['readiness']['level'].capitalize()} level", delta_color="off", delta_arrow="off")
    right.metric(f"Report #{after}", f"{b['readiness']['score']:g} / 100",
                 delta=f"{b['readiness']['level'].capitalize()} level", delta_color="off", delta_arrow="off")
    change = comparison.score_change
    delta.metric("Change", "—" if change is None else f"{change:+g} points")
    groups_a = {g["id"]: g for g in a["readiness"]["groups"]}
    rows = []
    for group in b["readiness"]["groups"]:
        old = groups_a.get(group["id"])
        rows.append({"Area": group["name"],
                     f"#{before}": old["score"] if old and old["assessed"] else None,
                     f"#{after}": group["score"] if group["assessed"] else None})
    frame = pd.DataFrame(rows)
    frame["Change"] = frame[f"#{after}"] - frame[f"#{before}"]
    st.dataframe(frame, hide_index=True, width="stretch", height=35 * (len(frame) + 1) + 3,  # no scrolling
                 column_config={"Change": st.column_config.NumberColumn(format="%+.1f")})
    if comparison.unchanged:
        st.success("Nothing changed between these two reports.")
        return
    gained, lost = st.columns(2, border=True)
    gained.markdown(changes_markdown(comparison, better=True))
    lost.markdown(changes_markdown(comparison, better=False))


def report_pick_ui(entries: Sequence[ReportEntry], key: str) -> int:
    """One report of the history (default: the latest)."""
    labels = {e.id: report_label(e) for e in entries}
    return st.selectbox("Report", list(labels), index=len(labels) - 1, format_func=labels.get, key=key)


def report_ui(space: Workspace, entries: Sequence[ReportEntry]) -> None:
    """A stored report, drawn as on the Analyze page."""
    if not entries:
        st.info("No report yet.")
        return
    report_id = report_pick_ui(entries, "view-report")
    stored = space.get_report(report_id)
    report_view.report_ui(stored.report, cached_taxonomy(), key=f"stored-{report_id}")
    kept = space.stored_file(report_id)
    if kept:
        st.download_button("Download the kept résumé", kept[1], kept[0], "application/pdf",
                           on_click="ignore", icon=":material/picture_as_pdf:", key=f"kept-{report_id}")


def notes_ui(space: Workspace, name: str) -> None:
    """The coach's notes, oldest first, and a form to add one."""
    from analyzer.errors import JobreadyError

    with st.form("add-note", clear_on_submit=True, border=False):
        text = st.text_area("New note", placeholder="What you discussed, what to do next…", height=100)
        added = st.form_submit_button("Add note", icon=":material/note_add:")
    if added:
        try:
            space.add_note(name, text)
        except JobreadyError as exc:
            st.error(str(exc))
    notes = space.notes(name)
    if not notes:
        st.caption("No notes yet.")
    for note in reversed(notes):
        with st.container(border=True):
            st.caption(f"{day(note)} UTC")
            st.markdown(report_view.plain(note.text))


def tags_ui(space: Workspace, name: str) -> None:
    """The candidate's tags: pick existing ones or type new ones; changes are saved at once."""
    from analyzer.errors import JobreadyError

    current = space.tags(name)
    chosen = st.multiselect("Tags", sorted(set(space.tags()) | set(current)), default=current,
                            key=f"tags-{name}", accept_new_options=True,
                            placeholder="add a tag (type a new one and press Enter)")
    try:
        for tag in set(chosen) - set(current):
            space.add_tag(name, tag)
        for tag in set(current) - set(chosen):
            space.remove_tag(name, tag)
    except JobreadyError as exc:
        st.error(str(exc))


def export_ui(space: Workspace, name: str, entries: Sequence[ReportEntry]) -> None:
    """Build a report as PDF, HTML, Markdown or JSON (with notes, redacted if asked), then download it."""
    from analyzer.errors import JobreadyError
    from analyzer.exports import export_report

    if not entries:
        st.info("No report to export yet.")
        return
    report_id = report_pick_ui(entries, "export-report")
    left, right = st.columns(2)
    format_ = left.segmented_control("Format", list(EXPORT_FORMATS), default="pdf", required=True,
                                     format_func=lambda f: EXPORT_FORMATS[f][0], key="export-format")
    with_notes = right.checkbox("Include my notes", value=True, key="export-notes")
    redact = right.checkbox("Leave out e-mail, phone and links", key="export-redact")
    wanted = (report_id, format_, with_notes, redact)
    if st.button(f"Prepare the {EXPORT_FORMATS[format_][0]}", icon=":material/description:",
                 key="export-build"):
        notes = [n.to_dict() for n in space.notes(name)] if with_notes else None
        try:
            with st.spinner("Writing the document…"):
                data = export_report(space.get_report(report_id).report, format_, notes=notes,
                                     redact=redact, taxonomy=cached_taxonomy())
        except JobreadyError as exc:
            st.error(str(exc))
            return
        st.session_state["export"] = (wanted, data)
    built = st.session_state.get("export")
    if built and built[0] == wanted:
        stem = "-".join(name.lower().split())
        st.download_button(f"Download the {EXPORT_FORMATS[format_][0]}", built[1],
                           f"{stem}-report-{report_id}.{EXPORT_SUFFIX[format_]}",
                           EXPORT_FORMATS[format_][1], on_click="ignore", type="primary",
                           icon=":material/download:", key="export-download")


def delete_ui(space: Workspace, name: str) -> None:
    """Delete the candidate with every report, note and kept file, after a confirmation."""
    from analyzer.errors import JobreadyError

    with st.expander("Delete this candidate", icon=":material/delete:"):
        st.caption("Removes every report, note and kept résumé file of theirs. This cannot be undone.")
        sure = st.checkbox(f"Yes, delete {name}", key=f"delete-sure-{name}")
        if st.button("Delete", disabled=not sure, key=f"delete-{name}"):
            try:
                gone = space.delete_candidate(name)
            except JobreadyError as exc:
                st.error(str(exc))
                return
            st.session_state.pop("candidate", None)
            st.session_state["deleted"] = (f"Deleted {gone.candidate}: {gone.reports} report(s), "
                                           f"{gone.notes} note(s), {gone.files} file(s).")
            st.rerun()


def candidate_ui(space: Workspace, person: CandidateSummary) -> None:
    """One candidate: headline, tags, then Progress, Compare, Report, Notes and Export tabs."""
    entries = space.history(person.name)
    st.subheader(report_view.plain(person.name))
    latest, count, change = st.columns(3, border=True)
    latest.metric("Latest score", "—" if person.latest_score is None else f"{person.latest_score:g} / 100")
    count.metric("Reports", person.reports)
    scored = [e.score for e in entries if e.score is not None]
    change.metric("Since the first report", f"{scored[-1] - scored[0]:+.1f} points" if len(scored) > 1 else "—")
    if person.cohorts:
        st.caption("Cohorts: " + ", ".join(person.cohorts))
    tags_ui(space, person.name)
    progress, compare, report, notes, export = st.tabs(
        ["Progress", "Compare", "Report", "Notes", "Export"], key=f"candidate-tabs-{person.name}")
    with progress:
        progress_ui(entries)
    with compare:
        pair = compare_pick_ui(entries)
        if pair:
            comparison_ui(space, *pair)
    with report:
        report_ui(space, entries)
    with notes:
        notes_ui(space, person.name)
    with export:
        export_ui(space, person.name, entries)
    delete_ui(space, person.name)


def main() -> None:
    """The page: filters, the candidates found, then the chosen candidate."""
    from analyzer.errors import JobreadyError

    st.title("Candidates")
    if "deleted" in st.session_state:
        st.success(st.session_state.pop("deleted"), icon=":material/check_circle:")
    try:
        space = workspace()
        query, tags, cohort = filter_ui(space)
        people = matching(space.candidates(cohort), query, tags)
    except JobreadyError as exc:
        st.error(str(exc))
        return
    if not people:
        st.info("No candidate matches. Save a report from the Analyze page to add one."
                if not (query or tags or cohort) else "No candidate matches these filters.")
        return
    candidates_table(people)
    name = pick_ui(people)
    if name is None:
        return
    try:
        candidate_ui(space, next(p for p in people if p.name == name))
    except JobreadyError as exc:
        st.error(str(exc))


if __name__ == "__main__":
    main()
