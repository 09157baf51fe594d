"""Postings page: the target postings of each cohort.

A coach pastes the job postings a cohort aims at; each is read by
:func:`analyzer.postings.parse_posting` (required and nice-to-have skills) and stored with
the cohort (:meth:`analyzer.workspace.Workspace.add_posting`). The Cohorts page then ranks
the cohort against them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from dashboard.report_view import plain
from dashboard.resources import cached_matcher, cached_taxonomy, workspace_ui

if TYPE_CHECKING:
    from analyzer.workspace import Posting, Workspace


def cohort_ui(names: list[str]) -> str | None:
    """The cohort whose postings to show: pick one or type a new name."""
    return st.selectbox("Cohort", names, key="postings-cohort", accept_new_options=True,
                        index=0 if names else None, placeholder="pick or type a cohort")


def parse(text: str) -> dict:
    """The posting's JSON (``Posting.to_dict()``: title, skills each ``required`` or ``nice_to_have``).

    Raises :class:`analyzer.postings.PostingError` (a JobreadyError) for over-long text.
    """
    from analyzer.postings import parse_posting, posting_from_text

    return parse_posting(posting_from_text(text), cached_taxonomy(), cached_matcher()).to_dict()


def add_ui(space: Workspace, cohort: str) -> None:
    """A form to paste a posting; it is read and stored with the cohort."""
    from analyzer.errors import JobreadyError

    with st.form("add-posting", clear_on_submit=True):
        title = st.text_input("Title", placeholder="e.g. Junior Python developer, Acme")
        text = st.text_area("Posting text", height=200, placeholder="Paste the whole posting here.")
        added = st.form_submit_button("Add posting", icon=":material/add:")
    if not added:
        return
    try:
        with st.spinner("Reading the posting…"):
            parsed = parse(text) if text.strip() else None
            space.add_posting(cohort, title or (parsed or {}).get("title") or "", text, parsed=parsed)
    except JobreadyError as exc:
        st.error(str(exc))
        return
    st.success(f"Added to {cohort}.", icon=":material/check_circle:")


def skills_text(parsed: dict | None, names: dict[str, str]) -> tuple[str, str]:
    """(required, nice to have) skill names, comma-separated ("—" when none).

    Reads the posting JSON (``skills`` with ``requirement``) or plain ``required`` /
    ``nice_to_have`` lists of skill ids, the two shapes the workspace accepts; ``names``
    maps skill ids to names.
    """
    parsed = parsed or {}
    skills = parsed.get("skills") or ()
    required = [s["name"] for s in skills if s.get("requirement") != "nice_to_have"]
    nice = [s["name"] for s in skills if s.get("requirement") == "nice_to_have"]
    required += [names.get(i, i) for i in parsed.get("required") or ()]
    nice += [names.get(i, i) for i in parsed.get("nice_to_have") or ()]
    return ", ".join(required) or "—", ", ".join(nice) or "—"


def posting_ui(space: Workspace, posting: Posting) -> None:
    """A stored posting: its skills, its text behind an expander, and a delete button."""
    from analyzer.errors import JobreadyError

    with st.container(border=True):
        st.markdown(f"**{plain(posting.title)}** :gray[· added {posting.created_at:%Y-%m-%d}]")
        names = {s.id: s.name for s in cached_taxonomy().skills.values()}
        required, nice = skills_text(posting.parsed, names)
        st.markdown(f"**Required:** {plain(required)}  \n**Nice to have:** {plain(nice)}")
        if posting.parsed is None:
            st.caption("Stored as text only: its skills were not read.")
        with st.expander("Posting text"):
            st.text(posting.text)
        if st.button("Delete", key=f"delete-posting-{posting.id}", icon=":material/delete:"):
            try:
                space.delete_posting(posting.id)
            except JobreadyError as exc:
                st.error(str(exc))
                return
            st.rerun()


def main() -> None:
    """The page: pick a cohort, add a posting, list its postings."""
    from analyzer.errors import JobreadyError

    st.title("Postings")
    st.markdown("The job postings each cohort aims at. The Cohorts page shows who is closest "
                "to each posting and which skills most of the cohort lacks for it.")
    opened = workspace_ui()
    if opened is None:
        return
    space, names = opened
    cohort = cohort_ui(names)
    if not cohort:
        st.info("Type a cohort's name to start one, or save a report with a cohort on the Analyze page.")
        return
    add_ui(space, cohort)
    try:
        postings = space.postings(cohort) if cohort in [c.name for c in space.cohorts()] else []
    except JobreadyError as exc:
        st.error(str(exc))
        return
    st.markdown(f"#### {len(postings)} target posting{'s' * (len(postings) != 1)} of {plain(cohort)}")
    for posting in postings:
        posting_ui(space, posting)


if __name__ == "__main__":
    main()
