"""Résumé checks a career coach makes before a résumé goes out.

Each check passes or fails with one sentence of detail and, when it fails, one sentence
of advice. The thresholds are ours, stated here so a coach can disagree:

- ``MAX_PAGES`` = 2: a junior backend résumé rarely needs more (one page is better).
- ``MIN_OUTCOME_SHARE`` = 0.3: at least three in ten work and project bullets should
  carry a number or a measured outcome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # keeps repository checks free of the PDF stack at import time
    from analyzer.resume import Resume

MAX_PAGES = 2
MIN_OUTCOME_SHARE = 0.3
CORE_SECTIONS = ("work", "education", "skills")
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class Check:
    """One résumé or portfolio check.

    Attributes:
        id: stable id (``contact_details``).
        name: short title.
        passed: True, False, or None when it cannot be told.
        detail: what was found, one sentence.
        advice: what to do, one sentence (empty when passed).
    """

    id: str
    name: str
    passed: bool | None
    detail: str
    advice: str = ""

    def to_dict(self) -> dict:
        """The report's JSON shape."""
        return dict(self.__dict__)


def _headings(resume: Resume) -> Check:
    missing = [s for s in CORE_SECTIONS if s not in resume.sections]
    found = ", ".join(f"{text} → {section}" for section, text in resume.headings) or "none"
    if not missing:
        return Check("standard_headings", "Standard section headings", True,
                     f"Found the core sections (headings: {found}).")
    return Check(
        "standard_headings", "Standard section headings", False,
        f"No {', '.join(missing)} section was recognised (headings: {found}).",
        "Use plain headings such as Experience, Education, Skills and Projects so "
        "applicant tracking systems file your content correctly.",
    )


def _contact(resume: Resume) -> Check:
    basics = resume.basics
    missing = [label for label, value in (("name", basics.name), ("e-mail", basics.email),
                                          ("phone number", basics.phone)) if not value]
    if not missing:
        return Check("contact_details", "Contact details", True,
                     "Name, e-mail and phone number are present.")
    return Check("contact_details", "Contact details", False,
                 f"No {', '.join(missing)} found in the résumé text.",
                 "Put your name, e-mail and phone number as plain text at the top of page 1.")


def _github(resume: Resume) -> Check:
    if resume.basics.github:
        return Check("github_link", "GitHub link", True,
                     f"Links to github.com/{resume.basics.github}.")
    return Check("github_link", "GitHub link", False, "No GitHub profile link found.",
                 "Add a link to your GitHub profile so a reviewer can see your code.")


def _dates(resume: Resume) -> Check:
    if not resume.work:
        return Check("role_dates", "Dates on every role", None,
                     "No work entries were recognised, so dates could not be checked.",
                     "List each role with its start and end month, e.g. Jan 2023 – Present.")
    undated = [w.title or w.text for w in resume.work if w.start is None]
    if not undated:
        return Check("role_dates", "Dates on every role", True,
                     f"All {len(resume.work)} roles have dates.")
    return Check("role_dates", "Dates on every role", False,
                 f"{len(undated)} of {len(resume.work)} roles have no dates: {'; '.join(undated[:3])}.",
                 "Give every role a start and end month (or Present).")


def _outcomes(resume: Resume) -> Check:
    bullets = [ln.text for ln in resume.lines
               if ln.section in ("work", "projects") and ln.bullet]
    if not bullets:
        return Check("measurable_outcomes", "Measurable outcomes", None,
                     "No work or project bullets were found to check.",
                     "Describe each role with bullets that say what you built and its result.")
    share = sum(bool(_NUMBER.search(b)) for b in bullets) / len(bullets)
    detail = f"{share:.0%} of {len(bullets)} work and project bullets carry a number."
    if share >= MIN_OUTCOME_SHARE:
        return Check("measurable_outcomes", "Measurable outcomes", True, detail)
    return Check("measurable_outcomes", "Measurable outcomes", False, detail,
                 "Add figures to your bullets: users served, latency cut, tests written, "
                 "time saved.")


def _length(resume: Resume) -> Check:
    if resume.pages <= MAX_PAGES:
        return Check("length", "Length", True, f"{resume.pages} page(s).")
    return Check("length", "Length", False, f"{resume.pages} pages.",
                 f"Keep a junior résumé to at most {MAX_PAGES} pages; one is better.")


def _layout(resume: Resume) -> Check:
    if resume.layout != "multi-column":
        return Check("single_column", "Single-column layout", True,
                     "The layout is a single column.")
    return Check("single_column", "Single-column layout", False,
                 "The résumé uses several columns, which many applicant tracking systems "
                 "read out of order.",
                 "Keep a single-column version for online applications.")


def check_resume(resume: Resume) -> tuple[Check, ...]:
    """Run every résumé check, in the order a coach reads them."""
    return tuple(check(resume) for check in
                 (_contact, _github, _headings, _dates, _outcomes, _length, _layout))
