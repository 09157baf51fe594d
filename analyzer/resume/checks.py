"""Résumé checks a career coach makes before a résumé goes out.

Each check passes or fails with one sentence of detail and, when it fails, one sentence
of advice. The thresholds are ours, stated here so a coach can disagree:

- ``MAX_PAGES`` = 2: a junior backend résumé rarely needs more (one page is better).
- ``MIN_OUTCOME_SHARE`` = 0.3: at least three in ten work and project statements should
  carry a measurable outcome: a number with a unit, %, currency, multiplier or a count of
  users, requests, people or other things (:func:`has_measurable_outcome`); a bare number
  ("Job description 1", "in 2019", "Python 3") is not one. Statements are the bullets of each work entry
  (:attr:`analyzer.resume.WorkEntry.bullets`: bullet points, or the sentences of a role's
  paragraph when it has no bullet symbols) and of the projects section (see :func:`statements`).
- ``MAX_TITLE_WORDS`` = 12: a line this short with no full stop is a header (a project's name,
  its stack or dates), not a statement — the same cut :mod:`analyzer.resume.parse` makes for roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from analyzer.evidence import Check
from analyzer.resume.dates import PRESENT_WORDS, find_dates
from analyzer.resume.template import placeholder_link, template_text

if TYPE_CHECKING:  # keeps repository checks free of the PDF stack at import time
    from analyzer.resume.parse import Line, Resume

MAX_PAGES = 2
MIN_OUTCOME_SHARE = 0.3
MAX_TITLE_WORDS = 12
CORE_SECTIONS = ("work", "education", "skills")
_SENTENCE_END = (".", "!", "?")
# Template placeholders left where dates belong: "Month 20XX", "MM/YYYY", "20??".
_PLACEHOLDER = re.compile(r"\b(?:(?:month|mm)[\s/.-]*)?(?:(?:19|20)(?:xx|\?\?)|yyyy|xxxx)(?!\w)", re.IGNORECASE)

_NUM = r"(?<![\w.])\d+(?:[.,]\d+)*"
_SCALE = r"(?:\s?(?:[kKmMbB]|million|billion|thousand|bn))?\+?"
_COUNT_NOUNS = (
    r"users|customers|clients|subscribers|visitors|members|people|persons|employees|engineers|"
    r"developers|designers|interns|students|applicants|researchers|teams|requests|reqs|queries|"
    r"transactions|orders|events|messages|records|rows|documents|files|jobs|downloads|installs|"
    r"stars|views|page\s?views|calls|sessions|devices|servers|nodes|instances|services|"
    r"microservices|apis|apps|applications|websites|endpoints|countries|cities|stores|markets|tests|test\s+cases|bugs|tickets|"
    r"incidents|patents|papers|citations|pull\s+requests|commits|repositories|projects|features|"
    r"partners|merchants|sellers|hospitals|schools|companies|organizations|languages|models"
)
_NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozens|hundreds|thousands|millions"
_OUTCOME = re.compile(
    rf"{_NUM}\s?(?:%|percent\b|per\s?cent\b|x\b|×|-fold\b|fold\b)"              # 40%, 3x, 3×, 2.8x
    rf"|[$€£¥₹]\s?\d+(?:[.,]\d+)*{_SCALE}"                                         # $2M, €300k
    rf"|{_NUM}{_SCALE}\s?(?:usd|eur|gbp|dollars|euros)\b"                           # 2M USD
    rf"|{_NUM}{_SCALE}\s+(?:\w+\s+){{0,2}}?(?:{_COUNT_NOUNS})\b"                   # 10k requests, 2M monthly users
    rf"|{_NUM}{_SCALE}\s?(?:rps|qps|tps|req/s|requests?/s(?:ec)?|ms|milliseconds|µs|ns|"
    rf"seconds|secs?|s\b|minutes|mins?|hours|hrs?|days|tb|gb|mb|kb|pb|gbps|mbps)\b"  # 10k req/s, 200 ms, 1TB
    rf"|\b(?:team|group|class|cohort|staff)\s+of\s+(?:\d+|{_NUMBER_WORDS})\b"        # team of 5
    rf"|\b(?:{_NUMBER_WORDS})\s+(?:\w+\s+)?(?:{_COUNT_NOUNS})\b"                     # four junior engineers
    rf"|\bfrom\s+{_NUM}\s*\S*\s+to\s+{_NUM}",                                       # from 28 to 6 minutes
    re.IGNORECASE,
)


def has_measurable_outcome(text: str) -> bool:
    """True when ``text`` states a measured result: a number with a unit, %, currency,
    multiplier, or a count of users, requests, people or other things.

    A bare number is not one: "Job description 1", "Project 2", "in 2019", "Python 3".

        >>> has_measurable_outcome("Cut p99 latency by 40%"), has_measurable_outcome("Job description 1")
        (True, False)
    """
    return bool(_OUTCOME.search(text))


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
    fields = (("name", basics.name), ("e-mail", basics.email), ("phone number", basics.phone))
    missing = [label for label, value in fields if not value]
    placeholders = [value for _, value in fields if value and template_text(value)]
    if not missing and not placeholders:
        return Check("contact_details", "Contact details", True,
                     "Name, e-mail and phone number are present.")
    found = [f"No {', '.join(missing)} found in the résumé text."] if missing else []
    if placeholders:
        found.append(f"Template placeholders stand where contact details belong: "
                     f"{', '.join(placeholders)}.")
    return Check("contact_details", "Contact details", False, " ".join(found),
                 "Put your name, e-mail and phone number as plain text at the top of page 1.")


def _github(resume: Resume) -> Check:
    if resume.basics.github:
        return Check("github_link", "GitHub link", True,
                     f"Links to github.com/{resume.basics.github}.")
    texts = [*resume.basics.links, *(ln.text for ln in resume.lines)]
    placeholder = next((link for t in texts for link in [placeholder_link(t)]
                        if link and link.lower().startswith("github")), None)
    if placeholder:
        return Check("github_link", "GitHub link", False,
                     f"The GitHub link {placeholder} is a template placeholder, not a profile.",
                     "Replace it with the address of your own GitHub profile.")
    return Check("github_link", "GitHub link", False, "No GitHub profile link found.",
                 "Add a link to your GitHub profile so a reviewer can see your code.")


def template_lines(resume: Resume) -> list[tuple[str, str]]:
    """``(placeholder, line)`` for every résumé line or link holding template text, in order."""
    found = [(p, ln.text) for ln in resume.lines for p in [template_text(ln.text)] if p]
    seen = {p.casefold() for p, _ in found}
    found += [(p, link) for link in resume.basics.links for p in [template_text(link)]
              if p and p.casefold() not in seen]
    return found


def _template(resume: Resume) -> Check:
    found = template_lines(resume)
    if not found:
        return Check("template_text", "No template text", True,
                     "No template placeholders (such as \"Your Name\" or \"Job description 1\") were found.")
    shown = list(dict.fromkeys(p for p, _ in found))
    more = f" and {len(shown) - 5} more" if len(shown) > 5 else ""
    return Check("template_text", "No template text", False,
                 f"{len(found)} line{'s' * (len(found) > 1)} still hold template text: "
                 f"{', '.join(repr(p) for p in shown[:5])}{more}.",
                 "Replace every placeholder with your own details, or delete it, before sending.")


def _dates(resume: Resume) -> Check:
    advice = "Write each role's start and end as month and year, e.g. Jan 2023 – Present, so experience can be counted."
    if not resume.work:
        work = [ln.text for ln in resume.lines if ln.section == "work" and not ln.is_heading]
        if not work:
            return Check("role_dates", "Dates on every role", None,
                         "No work section was recognised, so dates could not be checked.", advice)
        return Check("role_dates", "Dates on every role", False,
                     f"The work section has no dates that could be read{_placeholders(work)}, "
                     "so no experience was counted.", advice)
    undated = [" ".join(w.text.split()) for w in resume.work if w.start is None]
    if not undated:
        return Check("role_dates", "Dates on every role", True,
                     "The role has dates." if len(resume.work) == 1
                     else "Both roles have dates." if len(resume.work) == 2
                     else f"All {len(resume.work)} roles have dates.")
    counted = ", so no experience was counted" if len(undated) == len(resume.work) else ""
    return Check("role_dates", "Dates on every role", False,
                 f"The dates of {len(undated)} of {len(resume.work)} roles could not be read"
                 f"{_placeholders(undated)}{counted}: {'; '.join(undated[:3])}.", advice)


def _placeholders(texts: Sequence[str]) -> str:
    """`` (placeholders such as Month 20XX)`` when the texts hold template placeholders, else ``""``."""
    found = next((m.group(0) for t in texts for m in [_PLACEHOLDER.search(t)] if m), None)
    return f" (they are placeholders such as {found!r})" if found else ""


def statements(lines: Sequence[Line]) -> list[str]:
    """What a section says about its entries: bullets, or the sentences under each entry's header.

    ``lines`` are one section's non-heading lines in reading order. A bullet is a statement, with
    following lines that start in lower case; without bullet symbols, a line of at most
    :data:`MAX_TITLE_WORDS` words with no full stop after a statement (or first) is an entry's
    header and is skipped, a line of dates is skipped, and other lines are paragraphs, joined
    until a full stop and cut into sentences.

        >>> statements([Line("Todo API", 1, "projects", 0, False, False),
        ...             Line("Built a REST API serving 3 teams.", 1, "projects", 0, False, False)])
        ['Built a REST API serving 3 teams.']
    """
    from analyzer.resume.parse import sentences  # the PDF stack loads only when a résumé is checked

    items: list[tuple[bool, str]] = []  # (bullet, text) of each statement
    after_header = False
    for line in lines:
        text = " ".join(line.text.split())
        last = items[-1] if items and not after_header else None
        if line.bullet:
            items.append((True, text))
        elif last and not last[1].endswith(_SENTENCE_END) and (
                text[:1].islower() or not (last[0] or _is_title(text))):
            items[-1] = (last[0], f"{last[1]} {text}")
        elif (_is_title(text) and not after_header) or _is_dates(text):
            after_header = True
            continue
        else:
            items.append((False, text))
        after_header = False
    return [part for bullet, text in items for part in ([text] if bullet else sentences(text))]


def _is_title(text: str) -> bool:
    return len(text.split()) <= MAX_TITLE_WORDS and not text.endswith(_SENTENCE_END) and not text[:1].islower()


def _is_dates(text: str) -> bool:
    """A line that is mostly dates ("2019 – Present", "Jan 2020 – Mar 2021")."""
    dated = sum(r.span[1] - r.span[0] for r in find_dates(text))
    return text.lower() in PRESENT_WORDS or dated >= 0.6 * len(text) > 0


def _outcomes(resume: Resume) -> Check:
    def section(name: str) -> list[Line]:
        return [ln for ln in resume.lines if ln.section == name and not ln.is_heading]

    work = [b for w in resume.work for b in w.bullets] if resume.work else statements(section("work"))
    # Each statement once (the same line can sit under a role and a project), in reading order.
    bullets = list({" ".join(t.split()).casefold(): t for t in work + statements(section("projects"))}.values())
    if not bullets:
        return Check("measurable_outcomes", "Measurable outcomes", None,
                     "No work or project statements were found to check.",
                     "Describe each role and project with bullets that say what you built and its result.")
    with_number = sum(has_measurable_outcome(b) for b in bullets)
    share = with_number / len(bullets)
    detail = (f"{with_number} of {len(bullets)} work and project statements (bullets or sentences) "
              f"carry a measurable outcome ({share:.0%}).")
    if share >= MIN_OUTCOME_SHARE:
        return Check("measurable_outcomes", "Measurable outcomes", True, detail)
    return Check("measurable_outcomes", "Measurable outcomes", False, detail,
                 "Add figures to your bullets: users served, latency cut, tests written, "
                 "time saved.")


def _length(resume: Resume) -> Check:
    if resume.pages <= MAX_PAGES:
        return Check("length", "Length", True,
                     f"{resume.pages} page{'s' if resume.pages > 1 else ''}.")
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
                 (_contact, _github, _template, _headings, _dates, _outcomes, _length, _layout))
