"""The posting input and the Match tab of the Analyze page.

:func:`posting_input_ui` draws the sidebar box where a coach pastes or uploads a job posting
next to the résumé and returns it as a value; :func:`read_posting_ui` reads it with
:func:`analyzer.postings.parse_posting` (errors as ``st.error``, warnings as ``st.warning``);
:func:`match_report` adds the match to the report; :func:`match_ui` draws the report's
``match`` dict: the score and its formula, the items by status with their evidence, the
projects, and the text similarity labelled as a second signal.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import streamlit as st

from dashboard.report_view import plain
from dashboard.resources import cached_matcher

if TYPE_CHECKING:
    from analyzer.postings import Posting
    from analyzer.report import Report
    from analyzer.taxonomy import Taxonomy

STATUS_TITLES = {
    "missing": ("Missing", ":material/cancel:"),
    "implied": ("Implied", ":material/link:"),
    "listed": ("Listed on the résumé", ":material/list:"),
    "used": ("Used in work or projects", ":material/work:"),
    "shown_in_code": ("Shown in code", ":material/code:"),
}
REQUIREMENT = {"required": "required", "nice_to_have": "nice to have"}


@dataclass(frozen=True)
class PostingInput:
    """A posting from the sidebar: its name and either pasted text or an uploaded file's bytes."""

    name: str
    text: str | None = None
    data: bytes | None = None

    @property
    def fingerprint(self) -> str:
        """First 12 hex digits of the sha256 of the text or bytes."""
        raw = self.data if self.data is not None else (self.text or "").encode("utf-8")
        return hashlib.sha256(raw).hexdigest()[:12]


def posting_input_ui() -> PostingInput | None:
    """Sidebar: paste a job posting or upload it (.txt, .md, .html, .pdf); None when neither."""
    st.sidebar.header("Job posting (optional)")
    upload = st.sidebar.file_uploader("Upload a posting", type=["txt", "md", "html", "htm", "pdf"],
                                      key="posting-upload",
                                      help="Matched against the résumé: what the posting asks for, "
                                           "where the candidate stands on each item.")
    text = st.sidebar.text_area("…or paste its text", key="posting-text", height=140,
                                placeholder="Paste the whole posting here.")
    if upload is not None:
        return PostingInput(upload.name, data=upload.getvalue())
    if text.strip():
        return PostingInput("pasted posting", text=text)
    return None


def read_posting_ui(posting: PostingInput, taxonomy: Taxonomy) -> Posting | None:
    """The posting read and parsed, or None after showing its one-sentence error."""
    from analyzer.errors import JobreadyError
    from analyzer.postings import parse_posting, posting_from_text, read_posting

    try:
        if posting.data is not None:
            suffix = posting.name.rsplit(".", 1)[-1].lower() if "." in posting.name else ""
            kind = {"html": "html", "htm": "html", "pdf": "pdf", "md": "markdown"}.get(suffix)
            text = read_posting(posting.data, name=posting.name, kind=kind)
        else:
            text = posting_from_text(posting.text or "", name=posting.name)
        parsed = parse_posting(text, taxonomy, cached_matcher())
    except JobreadyError as exc:
        st.error(str(exc))
        return None
    for warning in parsed.warnings:
        st.warning(warning, icon=":material/warning:")
    return parsed


def match_report(report: Report, posting: Posting, taxonomy: Taxonomy) -> Report:
    """The report with its ``match`` to the posting (the résumé text feeds the similarity)."""
    from analyzer.postings.match import match_candidate

    resume_text = "\n".join(line.text for line in report.resume.lines) if report.resume else None
    return dataclasses.replace(report, match=match_candidate(posting, report.profile, taxonomy, resume_text))


def _evidence_line(item: dict) -> str:
    if item["status"] in ("missing", "implied") or not item["evidence"]:
        return item["explanation"]
    first = item["evidence"][0]
    where = first.get("path") or first.get("section") or first["source"]
    return f"{first['text']} ({where})"


def item_rows(items: list[dict], status: str) -> list[dict]:
    """Table rows of the items with one status: skill, asked as, why asked, evidence."""
    rows = []
    for item in items:
        if item["status"] != status:
            continue
        asked = REQUIREMENT[item["requirement"]] + (f" · any of group {item['any_of']}" if item["any_of"] else "")
        posting_line = item["posting_evidence"][0] if item["posting_evidence"] else None
        rows.append({
            "Skill": item["name"],
            "Asked as": asked,
            "In the posting": f"line {posting_line['line']}: {posting_line['text']}" if posting_line else "",
            "Evidence": _evidence_line(item),
        })
    return rows


def match_ui(match: dict) -> None:
    """The Match tab: score and formula, items by status with evidence, projects, similarity."""
    posting = match["posting"]
    req, nice = match["required"], match["nice_to_have"]
    st.subheader(f"Match to: {plain(posting.get('title') or posting['source'])}")
    score, required, optional = st.columns(3)
    score.metric("Match score", f"{match['score']:g} / 100")
    required.metric("Required met", f"{req['met']} of {req['total']}")
    optional.metric("Nice to have met", f"{nice['met']} of {nice['total']}")
    st.caption(f"Formula: {plain(match['formula'])}. A required item (or any-of group) counts twice a "
               "nice-to-have one; credit per item: shown in code 1.0, used 0.8–0.9, listed 0.5, "
               "implied as the skill implying it, missing 0.")
    similarity = match.get("similarity")
    if similarity:
        value = "n/a" if similarity["cosine"] is None else f"{similarity['cosine']:.2f}"
        st.caption(f"Second signal, not in the score — text similarity {value}: {plain(similarity['note'])}")
    for status, (title, icon) in STATUS_TITLES.items():
        rows = item_rows(match["items"], status)
        if not rows:
            continue
        with st.expander(f"{title} · {len(rows)}", expanded=status == "missing", icon=icon):
            st.table(rows)
    if match["projects"]:
        st.markdown("#### Projects that close the missing required skills")
        for project in match["projects"]:
            with st.container(border=True):
                st.markdown(f"**{plain(project['title'])}** ({project['difficulty']}) — closes "
                            f"{plain(', '.join(project['closes']))}  \n{plain(project['brief'])}")
                if project["upgrades"]:
                    st.markdown("Upgrades: " + plain("; ".join(u.rstrip(".") for u in project["upgrades"])) + ".")
    if match["uncovered"]:
        st.caption(f"No catalog project covers: {plain(', '.join(match['uncovered']))}.")
    for warning in posting.get("warnings") or ():
        st.warning(warning, icon=":material/warning:")
