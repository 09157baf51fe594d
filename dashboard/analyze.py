"""Analyze page: upload a résumé (and a GitHub user), read the report, save it.

The sidebar widgets become values (:class:`ResumeInput`, :class:`GitHubInput`),
:func:`analyzer.report.analyze` does the work, :mod:`dashboard.report_view` draws the
report's dict, and :func:`save_ui` stores it in the coach's workspace. Library errors arrive
as :class:`analyzer.errors.JobreadyError` and are shown as their one-sentence message.

The title, the intro and the upload box are drawn before spaCy is loaded, so a fresh
server paints the page at once.

Personal data: the résumé bytes and the GitHub token live only in this session's widget
state; the token is passed to :func:`analyzer.code.read_code_sources` and nowhere else. The
résumé file is stored only when the coach ticks "Keep the résumé file" when saving.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from dashboard import report_view
from dashboard.resources import cached_matcher, load_ui, workspace

if TYPE_CHECKING:
    from analyzer.report import Report
    from analyzer.resume import Resume
    from analyzer.taxonomy import Taxonomy

KEPT_RESUME = "kept_resume"  # session state: the last upload, across page changes
NEW_CANDIDATE = "New candidate…"  # plain text: no emoji font is assumed


@dataclass(frozen=True)
class ResumeInput:
    """A résumé chosen in the sidebar: its file name, bytes and optional password."""

    name: str
    data: bytes
    password: str | None

    @property
    def fingerprint(self) -> str:
        """First 12 hex digits of the file's sha256: names this upload in widget keys."""
        return hashlib.sha256(self.data).hexdigest()[:12]


@dataclass(frozen=True)
class GitHubInput:
    """A GitHub user to read, with a token used for this request only (never stored)."""

    user: str
    token: str | None


@dataclass(frozen=True)
class SaveRequest:
    """What the Save form asks for: the candidate, an optional cohort, whether to keep the file."""

    candidate: str
    cohort: str | None
    keep_file: bool


# -- inputs -----------------------------------------------------------------------------

def forget_kept_resume() -> None:
    """The uploader changed (a new file, or the file removed): forget the résumé kept for page changes."""
    st.session_state.pop(KEPT_RESUME, None)


def resume_ui() -> ResumeInput | None:
    """Sidebar: a PDF upload or the shipped sample résumé, plus a password for locked PDFs.

    Streamlit forgets an upload widget's file when the coach opens another page; the last
    upload is kept in this session's state, so coming back shows the same report.
    """
    st.sidebar.header("Résumé")
    generation = st.session_state.setdefault("upload_generation", 0)
    upload = st.sidebar.file_uploader("Upload a résumé (PDF)", type=["pdf"], key=f"upload-{generation}",
                                      on_change=forget_kept_resume,
                                      help="Read in memory for this session; stored only if you save "
                                           "it with “Keep the résumé file”.")
    if st.sidebar.button("Try a sample résumé", help="A fictional junior developer's résumé."):
        # a fresh uploader key clears an earlier upload, so the sample is what gets analysed
        st.session_state["upload_generation"] = generation + 1
        st.session_state["use_sample"] = True
        forget_kept_resume()
        st.rerun()
    password = st.sidebar.text_input("PDF password (only for protected files)", type="password")
    if upload is not None:
        st.session_state["use_sample"] = False
        st.session_state[KEPT_RESUME] = ResumeInput(upload.name, upload.getvalue(), password or None)
        return st.session_state[KEPT_RESUME]
    if KEPT_RESUME in st.session_state:
        kept = st.session_state[KEPT_RESUME]
        st.sidebar.caption(f"Showing {kept.name} from before; upload a file to replace it.")
        return replace(kept, password=password or kept.password)
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
    and the HTTP cache of :mod:`analyzer.code` already spares requests across sessions.)
    """
    from analyzer.code import read_code_sources

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
    from analyzer.report import analyze

    if resume is None:
        return analyze(None, taxonomy=taxonomy, **(sources or {}))
    return analyze(parsed or resume.data, resume_name=resume.name, password=resume.password,
                   taxonomy=taxonomy, matcher=cached_matcher(), **(sources or {}))


def resume_report(resume: ResumeInput, taxonomy: Taxonomy) -> Report:
    """The résumé-only report, kept in this session per (file, password): reruns reuse it."""
    key = (resume.fingerprint, resume.name, resume.password)
    memo = st.session_state.setdefault("resume_reports", {})
    if key not in memo:
        memo.clear()  # one résumé at a time: the memo never grows
        memo[key] = run_analysis(resume, taxonomy)
    return memo[key]


def build_report(resume: ResumeInput | None, taxonomy: Taxonomy) -> Report | None:
    """Analyse the résumé, then GitHub when asked; None if nothing to do.

    The résumé is analysed first so the GitHub field can be prefilled from its link; the
    GitHub widgets are drawn even when the résumé fails, so nothing the user typed is lost.
    Errors are shown with ``st.error``; a GitHub error keeps the résumé-only report.
    """
    from analyzer.errors import JobreadyError

    report, failed = None, False
    if resume is not None:
        try:
            with st.spinner("Reading the résumé…"):
                report = resume_report(resume, taxonomy)
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


# -- save -------------------------------------------------------------------------------

def save_form_ui(suggested: str, candidates: list[str], cohorts: list[str], key: str,
                 done: bool = False) -> SaveRequest | None:
    """The Save widgets; returns what to save when the button is pressed, else None.

    ``suggested`` (the name on the résumé) preselects an existing candidate of that name,
    otherwise it prefills the new candidate's name. ``done``: this report is already saved,
    so the button is disabled (a second click would store it twice).
    """
    options = [NEW_CANDIDATE, *candidates]
    index = options.index(suggested) if suggested in candidates else 0
    who, name_box, cohort_box = st.columns(3)
    chosen = who.selectbox("Candidate", options, index=index, key=f"save-candidate-{key}",
                           help="Add this report to a candidate's history, or start a new one.")
    new_name = ""
    if chosen == NEW_CANDIDATE:
        new_name = name_box.text_input("New candidate's name", value=suggested, key=f"save-name-{key}")
    cohort = cohort_box.selectbox("Cohort (optional)", ["", *cohorts], format_func=lambda c: c or "—",
                                  accept_new_options=True, key=f"save-cohort-{key}",
                                  help="Pick a cohort or type a new one.")
    keep, button = st.columns([3, 1], vertical_alignment="center")
    keep_file = keep.checkbox("Keep the résumé file", key=f"save-keep-{key}",
                              help="Stores the PDF with the report; otherwise only the report is kept.")
    if not button.button("Save report", type="primary", icon=":material/save:", width="stretch",
                         key=f"save-{key}", disabled=done,
                         help="Saved. Upload a new version of the résumé to save again." if done else None):
        return None
    name = (new_name if chosen == NEW_CANDIDATE else chosen).strip()
    if not name:
        st.error("The new candidate has no name: type one, or pick an existing candidate.")
        return None
    return SaveRequest(name, (cohort or "").strip() or None, keep_file)


def save_ui(report: Report, resume: ResumeInput | None, key: str) -> None:
    """Save the report to the workspace: the form, then one line saying where it went.

    Only the report and the sha256 of its inputs are stored; the résumé file too when
    “Keep the résumé file” is ticked. The GitHub token is never part of the report.
    """
    from analyzer.errors import JobreadyError

    st.markdown("#### Save to the workspace")
    try:
        space = workspace()
        candidates = [c.name for c in space.candidates()]
        cohorts = [c.name for c in space.cohorts()]
    except JobreadyError as exc:
        st.error(str(exc))
        return
    data = report.to_dict()
    saved = st.session_state.setdefault("saved", {})  # report key -> (message, candidate)
    request = save_form_ui(data["candidate"].get("name") or "", candidates, cohorts, key, done=key in saved)
    if request is not None:
        inputs = {"resume": resume.data} if resume else {}
        if data["input"].get("github"):
            inputs["github"] = data["input"]["github"].encode()
        keep = request.keep_file and resume is not None
        try:
            report_id = space.save_report(
                request.candidate, data, cohort=request.cohort, inputs=inputs,
                resume_file=resume.data if keep else None, resume_filename=resume.name if keep else None)
        except JobreadyError as exc:
            st.error(str(exc))
            return
        saved[key] = (f"Saved as report {report_id} of {request.candidate}.", request.candidate)
        st.rerun()  # draw the form again with its button disabled
    if key in saved:
        from dashboard.navigation import page

        message, name = saved[key]
        st.session_state["open_candidate"] = name  # the Candidates page opens on them
        st.success(message, icon=":material/check_circle:")
        st.page_link(page("candidates.py"), label=f"Open {name}", icon=":material/person:")


# -- page -------------------------------------------------------------------------------

def extra_tabs(report: Report, taxonomy: Taxonomy) -> dict:
    """Tabs added after the report's own: the posting Match tab plugs in here.

    (``dashboard/match.py`` from the postings work returns its tab as label → drawing
    function; until it exists the report has no extra tab.)
    """
    return {}


def main() -> None:
    """The page: title, intro, sidebar inputs, then the report (or the error sentence) and Save."""
    st.title("jobready")
    st.markdown("How ready is a résumé for a **junior backend developer** role? Upload a PDF "
                "to see the readiness score, the evidence behind every skill, the gaps and "
                "projects that would close them.")
    resume = resume_ui()
    taxonomy = load_ui("Loading the skill matcher…")
    if taxonomy is None:
        return
    report = build_report(resume, taxonomy)
    if report is None:
        if resume is None:
            st.info("Upload a résumé PDF in the sidebar, or try the sample résumé, to start.",
                    icon=":material/arrow_back:")
        return
    data = report.to_dict()
    # names this analysis: the résumé's bytes, plus the GitHub user once repositories were read
    key = "-".join(part for part in (resume.fingerprint if resume else "", data["input"].get("github") or "")
                   if part)
    report_view.report_ui(data, taxonomy, key, extra_tabs(report, taxonomy))
    st.divider()
    save_ui(report, resume, key)


if __name__ == "__main__":
    main()
