"""Résumé PDF or text → lines with sections, contacts (basics) and dated work entries.

    >>> resume = parse_resume("resume.pdf")          # a path or the bytes of an upload
    >>> resume.basics.github, resume.sections[:3], resume.experience_months
    ('ada-example', ('basics', 'work', 'projects'), 30)
    >>> resume_from_text("Ada Example\\nExperience\\nDeveloper, Acme  Jan 2020 – Dec 2020").work[0].months
    12

Stages: :mod:`analyzer.resume.pdftext` reads lines in reading order (columns, glued words, icons);
:mod:`analyzer.resume.sections` maps heading lines to JSON Resume section names; this module finds
the contacts and the work entries; :mod:`analyzer.resume.dates` reads their dates.

Errors: :func:`parse_resume` raises the :class:`analyzer.errors.ResumeError` subclasses
described in :mod:`analyzer.resume.pdftext` (limits :data:`MAX_BYTES`, :data:`MAX_PAGES`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import SplitResult, urlsplit

from analyzer.resume.dates import DateRange, complete_range, find_dates, interval, month_span, union_months
from analyzer.resume.pdftext import MAX_BYTES, MAX_PAGES, TextLine, clean_text, read_pdf, split_bullet
from analyzer.resume.sections import assign_sections, section_for_heading
from analyzer.resume.template import PLACEHOLDER_USERS
from analyzer.resume.timeline import date_column_cuts, resume_date

__all__ = [
    "MAX_BYTES", "MAX_PAGES", "Basics", "Line", "Resume", "WorkEntry", "parse_resume", "resume_from_text",
]


@dataclass(frozen=True)
class Line:
    """A line of the résumé in reading order.

    ``page`` is 1-based; ``section`` a JSON Resume section name; ``column`` 0 full width,
    1 left, 2 right; ``bullet`` True when the line starts a bullet point (glyph removed).
    """

    text: str
    page: int
    section: str
    column: int
    is_heading: bool
    bullet: bool


@dataclass(frozen=True)
class Basics:
    """Contacts from the résumé header. ``links`` are ``https://`` URLs; ``github`` is a username."""

    name: str | None
    email: str | None
    phone: str | None
    links: tuple[str, ...]
    github: str | None
    linkedin: str | None
    website: str | None


@dataclass(frozen=True)
class WorkEntry:
    """One job from the work section.

    ``start``/``end`` are first-of-month dates (``end`` None = present, or unknown when
    ``months`` is None too); ``months`` is the inclusive month count up to ``today``;
    ``text`` is the entry's header line(s); ``bullets`` its bullet points or sentences.
    """

    title: str
    organization: str | None
    start: date | None
    end: date | None
    months: int | None
    page: int
    text: str
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Resume:
    """A parsed résumé. ``experience_months`` counts the union of work intervals (overlaps once).

    ``as_of`` is the date "Present" stands for (the first of its month), and ``as_of_source``
    where it came from: ``"last updated line"``, ``"PDF creation date"`` or ``"today"``
    (see :mod:`analyzer.resume.timeline`).
    """

    basics: Basics
    lines: tuple[Line, ...]
    work: tuple[WorkEntry, ...]
    experience_months: int
    pages: int
    layout: str  # "single-column" | "multi-column"
    sections: tuple[str, ...]
    headings: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]
    as_of: date = date(1970, 1, 1)
    as_of_source: str = "today"


def parse_resume(
    source: str | Path | bytes,
    password: str | None = None,
    name: str = "resume.pdf",
    *,
    today: date | None = None,
) -> Resume:
    """Parse a résumé PDF (a path or its bytes); ``name`` is used in error messages.

    "Present" is the résumé's own date: a "last updated" line, else the PDF's creation date,
    else ``today`` (default ``date.today()``). Raises NotAPdfError,
    EncryptedPdfError, EmptyPdfError, NoTextLayerError, PdfTooLargeError or ResumeError with
    one sentence naming ``name``; never a pdfminer exception.
    """
    doc = read_pdf(source, password=password, name=name)
    heights = {n: h for n, h in enumerate(doc.page_heights, start=1)}
    return _build(
        list(doc.lines),
        pages=doc.pages,
        layout="multi-column" if doc.multi_column else "single-column",
        body_size=doc.body_size,
        warnings=list(doc.warnings),
        today=today or date.today(),
        page_heights=heights,
        created=doc.created,
    )


def resume_from_text(text: str, *, today: date | None = None) -> Resume:
    """The same analysis on plain text (pasted text, corpus files): one page, one column.

    Headings need no styling here: any short line matching a known heading starts a section.
    """
    lines = []
    for raw in _text_lines(text):
        bullet, rest = split_bullet(raw)
        if rest:
            lines.append(TextLine(text=rest, page=1, bullet=bullet))
    return _build(
        lines, pages=1, layout="single-column", body_size=0.0, warnings=[],
        today=today or date.today(), page_heights={},
    )


_ESCAPED_UTF8 = re.compile(r"(?:\\x[0-9a-fA-F]{2})+")


def _text_lines(text: str) -> list[str]:
    """Non-empty lines of plain text; one-line dumps are cut at runs of 2+ spaces."""
    text = _ESCAPED_UTF8.sub(lambda m: bytes.fromhex(m.group(0).replace("\\x", "")).decode("utf-8", "replace"), text)
    text = clean_text(unicodedata.normalize("NFKC", html.unescape(text)))
    lines = text.splitlines()
    # Tabs and wide gaps separate columns; scraped dumps (few, very long lines) join lines with 2 spaces.
    gap = r"\t|\s{2,}" if len(text) > 400 and len(lines) * 200 < len(text) else r"\t|\s{3,}"
    return [part.strip() for line in lines for part in re.split(gap, line) if part.strip()]


_STUDY_DATES = re.compile(
    r"(?i)\b(?:completed\s+in|expected\s+graduation|graduat(?:ion|ed|ing)|year\s+of\s+passing|"
    r"passing\s+year|passed\s+out|batch|semester|c?gpa|percentage|class\s+(?:x|xii|10|12)(?:th)?)\b")
"""Dates of study that a résumé with no work heading leaves among its skills ("Expected
Graduation : (oct, 2023)", "Completed in : (2019 - 2020)"): no role when roles are looked for
outside a work section."""
_SUBJECT = re.compile(
    r"(?i)^\W*(?:[\w.+#/&-]+\s+){0,3}(?:development|design|programming|engineering|testing|analysis|"
    r"analytics|administration|management|marketing|science)\W*$")
"""A field of work with no one doing it ("Frontend Development 2016 - 2022" in a skills list):
no role title when roles are looked for outside a work section."""


def _build(
    raw: list[TextLine], *, pages: int, layout: str, body_size: float, warnings: list[str],
    today: date, page_heights: dict[int, float], created: date | None = None,
) -> Resume:
    sections, heading_flags = assign_sections(raw, body_size)
    work_lines = [r for r, s, h in zip(raw, sections, heading_flags) if s == "work" and not h]
    from_summary = "work" not in sections
    if from_summary:
        work_lines = header_roles(raw, sections)
        sections = _roles_as_work(raw, sections, work_lines)
    work, work_warnings = work_entries(work_lines, today)
    if from_summary:
        work = [w for w in work if not _dated_by_prose(w)]
    if not work:
        # roles a flattened text left under "Skills" ("Experience Disney Interactive January
        # 2008" / "Present" / "Sr. Web Developer"): read them there, no warning if none
        displaced = [r for r, s, h in zip(raw, sections, heading_flags)
                     if s in ("skills", "interests", "languages") and not h]
        found, _ = work_entries(displaced, today, ranges_only=True)
        if not found and "work" in sections:
            # a "Work experience" heading over a skills list, and the dated roles left in the
            # summary area ("Personal details" / "PHP DEVELOPER" / "June 2008 - Present")
            displaced = header_roles(raw, sections)
            found, _ = work_entries(displaced, today, ranges_only=True)
        found = [w for w in found if not _STUDY_DATES.search(w.text) and not _SUBJECT.match(w.title)]
        if found:
            work, sections = found, _roles_as_work(raw, sections, displaced)
    # quotes keep the sentence, not the date column printed beside it
    cuts = date_column_cuts(raw)
    lines = tuple(
        Line(r.text[cut:], r.page, s, r.column, h, r.bullet)
        for r, s, h, cut in zip(raw, sections, heading_flags, cuts)
    )
    # no role ends in a later year than today: "2024 - 2028" is a degree's expected end that a
    # second column left under Experience, not a job (and it would make every date look early)
    work = [w for w in work if w.end is None or w.end.year <= today.year]
    written = [d for w in work for d in (w.start, w.end) if d]
    as_of, as_of_source = resume_date([r.text for r in raw], written, created, today)
    stale = stale_present(written, work, as_of, as_of_source)
    if stale:
        work_warnings = [*work_warnings, stale]
    if as_of != today:  # recount "Present" up to the résumé's own date
        work = [replace(w, months=_count(month_span(w.start, w.end, as_of)))
                if w.months is not None else w for w in work]
    today = as_of
    spans = [month_span(w.start, w.end, today) for w in work if w.months is not None]
    basics_lines = [r for r, s in zip(raw, sections) if s == "basics"]
    return Resume(
        basics=find_basics(raw, basics_lines, body_size, page_heights),
        lines=lines,
        work=tuple(work),
        experience_months=union_months(s for s in spans if s is not None),
        pages=pages,
        layout=layout,
        sections=tuple(dict.fromkeys(sections)),
        headings=tuple((s, r.text) for r, s, h in zip(raw, sections, heading_flags) if h),
        warnings=tuple(warnings + work_warnings),
        as_of=today,
        as_of_source=as_of_source,
    )


STALE_YEARS = 5
"""A résumé whose latest written date is this many years before "present" may be old (ours)."""


def stale_present(written: list[date], work, as_of: date, source: str) -> str | None:
    """A warning when "present" could only be taken as today and the résumé's latest date is
    :data:`STALE_YEARS` or more years older: an old résumé read today counts its open roles up
    to today. None otherwise (a dated résumé, no open role, or a recent latest date)."""
    if source != "today" or not written or not any(w.end is None and w.start for w in work):
        return None
    latest = max(written)
    if (as_of.year - latest.year) * 12 + as_of.month - latest.month < STALE_YEARS * 12:
        return None
    return (f"The résumé has no date of its own and the latest date it names is "
            f"{latest.strftime('%b %Y')}: \"present\" is read as today ({as_of.strftime('%b %Y')}), so if "
            f"it was written back then, its open roles and seniority are counted too long (a "
            f"\"Last updated: <month> <year>\" line on the résumé dates it).")


def _count(span: tuple[int, int] | None) -> int | None:
    return None if span is None else span[1] - span[0] + 1


# --- basics -----------------------------------------------------------------------------

EMAIL_RE = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE_RE = re.compile(r"(?<![\w+/.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,}\d(?![\w/])")
_TLDS = (
    "com|org|net|io|dev|me|app|co|ai|tech|xyz|info|page|site|codes|sh|us|uk|de|fr|in|ca|eu|ly|"
    "gg|so|cc|to|blog|online|cloud|design|pro|website|work|edu|nl|se|es|it|pl|br|au|ch|at|be"
)
URL_RE = re.compile(
    rf"(?<![@\w.])(?:(?:https?://)?(?:www\.)[^\s|,;<>\"']+|https?://[^\s|,;<>\"']+"
    rf"|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})\b(?:/[^\s|,;<>\"']*)?)",
    re.IGNORECASE,
)
GITHUB_NOT_USERS = frozenset({
    "orgs", "features", "topics", "about", "pricing", "marketplace", "explore", "settings",
    "login", "join", "signup", "sponsors", "collections", "trending", "enterprise", "site",
    "security", "customer-stories", "readme", "team", "apps", "contact", "notifications",
    "new", "organizations", "search", "pulls", "issues", "events", "codespaces",
    "discussions", "solutions", "resources", "open-source", "mobile", "users", "github",
})
GITHUB_USER_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
_GITHUB_LABEL_RE = re.compile(r"\bgithub\s*(?::|\.com\b)[\s/:]*@?([A-Za-z0-9-]{1,39})\b", re.IGNORECASE)
NOT_WEBSITES = frozenset({
    "github.com", "linkedin.com", "twitter.com", "x.com", "facebook.com", "instagram.com",
    "youtube.com", "quora.com", "gitlab.com", "bitbucket.org", "orcid.org", "medium.com",
    "stackoverflow.com", "doi.org", "t.me", "wa.me", "tiktok.com", "indeed.com",
})


def canonical_url(url: str) -> str | None:
    """``www.github.com/Ada/`` → ``https://github.com/Ada``; None for mail/phone links."""
    url = url.strip().rstrip(".,;:)/")
    if re.match(r"(?i)(mailto|tel|javascript):", url):
        return None
    parts = _split(url if re.match(r"(?i)https?://", url) else "https://" + url)
    host = _host(url if re.match(r"(?i)https?://", url) else "https://" + url)
    if parts is None or "." not in host:
        return None
    path = parts.path.rstrip("/")
    return f"https://{host}{path}" + (f"?{parts.query}" if parts.query else "")


def github_user(url: str) -> str | None:
    """The username in a github.com/USER[/REPO] link, or None (github.com/orgs, /features...)."""
    parts = _split(url)
    if parts is None or _host(url) != "github.com":
        return None
    first = parts.path.strip("/").split("/")[0]
    if first.lower() in GITHUB_NOT_USERS | PLACEHOLDER_USERS or not GITHUB_USER_RE.match(first):
        return None
    return first


NOT_NAMES = frozenset({"curriculum vitae", "resume", "résumé", "cv", "vita"})


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 5
        and text.lower() not in NOT_NAMES and "resume" not in text.lower()
        and not re.search(r"[\d@|:/•,]|www\.|https?", text)
        and sum(c.isalpha() for c in text) >= 3
        and all(w[0].isupper() for w in words if w[0].isalpha())
        and section_for_heading(text) is None
    )


def find_basics(
    lines: list[TextLine], basics_lines: list[TextLine], body_size: float, page_heights: dict[int, float],
) -> Basics:
    """Name, e-mail, phone and links, from the basics lines first, then the whole résumé.

    The name is the largest text in the top third of page 1 (in text: the first name-like
    line among the first five), never a line with digits, ``@`` or a URL.
    """
    name = None
    if body_size > 0:
        top = [line for line in basics_lines if line.page == 1
               and line.top <= page_heights.get(1, 842.0) / 3 and _looks_like_name(line.text)]
        if top:
            name = max(top, key=lambda line: line.size).text
    else:
        texts = (line.text.strip('"“” ') for line in basics_lines[:5])  # scraped text keeps CSV quotes
        name = next((text for text in texts if _looks_like_name(text)), None)
    all_text = [line.text for line in basics_lines] + [line.text for line in lines]
    annotations = [uri for line in basics_lines + lines for uri in line.links]
    email = next((m.group(0) for t in all_text for m in EMAIL_RE.finditer(t)), None)
    email = email or next((u[7:].split("?")[0] for u in annotations if u.lower().startswith("mailto:")), None)
    phone = next((p for line in basics_lines for p in _phones(line.text)), None)
    phone = phone or next((u[4:] for u in annotations if u.lower().startswith("tel:")), None)
    links = _links(basics_lines, lines)
    github = next((u for u in map(github_user, links) if u), None)
    if github is None:
        labelled = (m.group(1) for line in basics_lines for m in _GITHUB_LABEL_RE.finditer(line.text))
        github = next((u for u in labelled if GITHUB_USER_RE.match(u)
                       and u.lower() not in GITHUB_NOT_USERS | PLACEHOLDER_USERS), None)
    linkedin = next((u for u in links if re.match(r"https://([a-z]{2}\.)?linkedin\.com/(in|pub)/", u)), None)
    website = next((u for u in links if _host(u) not in NOT_WEBSITES and not _host(u).endswith(".linkedin.com")), None)
    return Basics(name, email, phone, links, github, linkedin, website)


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:  # "http://[oops" and other malformed text in a résumé
        return None
    return parts


def _host(url: str) -> str:
    parts = _split(url)
    return ((parts.hostname or "") if parts else "").lower().removeprefix("www.")


def _phones(text: str) -> list[str]:
    """Phone numbers: 7-15 digits, not a year range, a date or an e-mail's digits."""
    found = []
    for m in PHONE_RE.finditer(EMAIL_RE.sub(" ", text)):
        digits = re.sub(r"\D", "", m.group(0))
        if 7 <= len(digits) <= 15 and not find_dates(m.group(0)):
            found.append(m.group(0).strip())
    return found


def _links(basics_lines: list[TextLine], lines: list[TextLine]) -> tuple[str, ...]:
    """Links of the header (text and annotations), then GitHub/LinkedIn profile links and
    GitHub Pages sites (USER.github.io: a personal website, not a GitHub profile) anywhere."""
    raw = [m.group(0) for line in basics_lines for m in URL_RE.finditer(line.text)
           if not re.fullmatch(r"[A-Z0-9.]+|[A-Za-z]{1,2}\.[A-Za-z]{2,4}", m.group(0))]
    # "ASP.NET" is a skill and "M.Tech", "B.Sc" are degrees, not sites
    raw += [uri for line in basics_lines for uri in line.links]
    raw += [uri for line in lines for uri in line.links + tuple(m.group(0) for m in URL_RE.finditer(line.text))
            if github_user(canonical_url(uri) or "") or "linkedin.com/in/" in uri.lower()
            or _host(canonical_url(uri) or "").endswith(".github.io")]
    seen: dict[str, str] = {}
    for url in map(canonical_url, raw):
        if url and (_host(url) != "github.com" or github_user(url)):
            seen.setdefault(url.lower(), url)
    return tuple(seen.values())


# --- work entries -----------------------------------------------------------------------

TITLE_WORDS = frozenset({
    "engineer", "developer", "programmer", "intern", "internship", "manager", "lead", "head",
    "director", "analyst", "scientist", "researcher", "assistant", "associate", "consultant",
    "architect", "administrator", "admin", "designer", "specialist", "officer", "founder",
    "co-founder", "cto", "ceo", "cfo", "coo", "vp", "president", "contributor", "fellow",
    "technician", "tester", "teacher", "tutor", "instructor", "lecturer", "professor",
    "student", "freelancer", "freelance", "coordinator", "executive", "representative", "sre",
    "devops", "owner", "partner", "trainee", "apprentice", "maintainer", "supervisor", "writer",
    "editor", "postdoc", "mentor", "volunteer",
})
COUNTRIES = "usa|uk|uae|india|germany|france|canada|spain|italy|portugal|netherlands|china|japan|brazil|australia"
_LOCATION_RE = re.compile(
    rf"^(?:(?i:remote|hybrid|on-?site|location|{COUNTRIES})|[A-Z][A-Za-z .'-]+,\s*(?:[A-Z]{{2,3}}|(?i:{COUNTRIES}))|[A-Z]{{2}})$"
)
_STRONG_SEP = re.compile(r"\s+[|–—·•@-]\s+|\s*\|\s*|\s+at\s+")


def _is_date_line(line: TextLine, found: list[DateRange]) -> DateRange | None:
    """The range that makes a line an entry's date line: a range, a month/season date, or a
    year alone on its line (a date column whose end is on the next line: "2008" / "Present")."""
    for r in found:
        if r.is_range or r.precise or _bare_date(line, r):
            rest = (line.text[: r.span[0]] + line.text[r.span[1]:]).split()
            if not line.bullet or len(rest) <= 4:  # icon-led date rows (AltaCV) are short
                return r
    return None


SCHOOLING = re.compile(
    r"(?i)\b(?:bachelor|master|b\.?\s?sc|m\.?\s?sc|b\.?\s?a|m\.?\s?a|b\.?\s?tech|m\.?\s?tech|b\.?e|"
    r"b\.\s?s|m\.\s?s|[bm]s\s+(?:in|of)|pursuing|"
    r"ph\.?\s?d|mba|degree|diploma|university|college|school|institute|gpa|graduat\w*|studies)\b")
"""Words of schooling (degrees, schools, grades): a line holding one is about study, not a job."""


def header_roles(raw: list[TextLine], sections: list[str]) -> list[TextLine]:
    """The lines to read roles from when no heading opened a work section: the summary area
    (``basics``) after the name and contact lines, without the lines about schooling. A text
    résumé that lost its headings, or one with a "Career Overview" the heading list lacks,
    still dates its roles there ("2006 to 2008" / "Siemens PLM Software" / "Sr. Applications
    Engineer")."""
    basics = [r for r, s in zip(raw, sections) if s == "basics"]
    return [r for r in basics[3:] if not SCHOOLING.search(r.text)]


_PROSE = re.compile(r"^\W*(?:(?:I|I'm|I've|I’m|I’ve|My|We)\b|(?:\S+\s+){12})")
"""A line of an "About" paragraph (in the first person, or twelve words and more: "I started to
learn about web development in October 2022"), which dates no role."""


def _dated_by_prose(entry: WorkEntry) -> bool:
    """Whether a role read from the summary area (:func:`header_roles`) takes its dates from a
    line of prose (:data:`_PROSE`) rather than from a header."""
    return any(_PROSE.match(part) and find_dates(part) for part in entry.text.split(" | "))


def _roles_as_work(raw: list[TextLine], sections: list[str], roles: list[TextLine]) -> list[str]:
    """Sections with the lines from the first dated role of ``roles`` on marked ``work``, to the
    end of the section that holds it (the summary area, see :func:`header_roles`, or a skills
    section a flattened text left them in), so that their bullets count as work; unchanged when
    no line of ``roles`` is a date line."""
    picked = {id(r) for r in roles}
    first = next((i for i, r in enumerate(raw) if id(r) in picked
                  and _is_date_line(r, find_dates(r.text)) is not None), None)
    if first is None:
        return sections
    start = first
    while start - 1 >= 0 and first - start < 2 and id(raw[start - 1]) in picked \
            and _is_header_like(raw[start - 1]):
        start -= 1
    marked, holder = list(sections), sections[first]
    for i in range(start, len(raw)):
        if sections[i] != holder:
            break
        marked[i] = "work"
    return marked


_LIST_ROW = re.compile(r"^[^:]{1,30}:\s+\S[^,]*,")
"""A "Label: item, item" row ("Concepts: Algorithms, Automata"): a skills list, not a job header."""


def _is_header_like(line: TextLine) -> bool:
    text = line.text
    return (
        not line.bullet
        and not _LIST_ROW.match(text)
        and len(text.split()) <= 12
        and not text.rstrip().endswith(".")
        and not text[:1].islower()
    )


def continuations(lines: list[TextLine]) -> list[bool]:
    """Whether each line continues the bullet point above it.

    In a PDF a continuation starts where the bullet's text starts (±1.5 pt) in the same font
    size and weight; in plain text (no positions) it starts with a lower-case letter.
    """
    flags = [False] * len(lines)
    for i in range(1, len(lines)):
        prev, line = lines[i - 1], lines[i]
        if line.bullet or not (prev.bullet or flags[i - 1]) or line.page != prev.page:
            continue
        if line.x1 > 0:
            flags[i] = (abs(line.x0 - prev.x0) <= 1.5 and abs(line.size - prev.size) < 0.5
                        and line.bold == prev.bold and line.column == prev.column)
        else:
            flags[i] = line.text[:1].islower()
    return flags


def work_entries(lines: list[TextLine], today: date, *,
                 ranges_only: bool = False) -> tuple[list[WorkEntry], list[str]]:
    """Work entries from the work section's lines (headings excluded), in order.

    An entry is anchored on its date line; up to two header-like lines above it (not
    bullets, not sentences) and one below it are its header; the lines up to the next
    entry's header are its bullets (continuation lines joined, paragraphs cut in sentences).
    When the first date line holds only its date and nothing header-like comes before it, the
    section puts each date first ("2011 to Present" / "Blentech, Santa Rosa" / "CNC
    Programmer"): every entry's header is then its date line and up to two lines below.
    When no line is a date line but a bullet holds a range ("… (September 2017 onwards)"),
    that range dates one entry headed by the section's first header-like lines.
    ``ranges_only`` anchors only on date ranges (for roles read outside a work section).
    """
    dates: dict[int, DateRange] = {}
    consumed: dict[int, int] = {}
    follows = continuations(lines)
    for i, line in enumerate(lines):
        if i in consumed:
            continue
        r = _is_date_line(line, find_dates(line.text))
        if r is None:
            continue
        if (r.dangling or not r.is_range) and i + 1 < len(lines):
            # moderncv's date column ("June 2020 –" / "Present ...") and text that lost its dash
            # ("September 2013" / "Present") carry the end at the start of the next line.
            done, used = complete_range(r, lines[i + 1].text)
            lone_year = not r.is_range and not r.precise  # "2001" / "2006: Principal Engineer"
            if used and (r.dangling or lone_year or used == len(lines[i + 1].text)):
                r, consumed[i + 1] = done, used
            elif lone_year:
                continue  # a year alone ("2012" above a project) opens no entry
        elif not r.is_range and not r.precise:
            continue
        dates[i] = r
    if ranges_only:
        dates = {i: r for i, r in dates.items() if r.is_range}
    if not dates and not ranges_only:
        inline = next(((i, r) for i, line in enumerate(lines) for r in find_dates(line.text)
                       if r.is_range), None)
        if inline is not None:
            return [_inline_entry(lines, *inline, today)], []
    anchors = sorted(dates)
    date_first = bool(anchors) and _bare_date(lines[anchors[0]], dates[anchors[0]]) and (
        anchors[0] == 0 or not _is_header_like(lines[anchors[0] - 1]))
    starts = []
    for k, d in enumerate(anchors):
        floor = anchors[k - 1] + 1 if k else 0
        h = d
        while (not date_first and h - 1 >= max(floor, d - 2) and _is_header_like(lines[h - 1])
               and h - 1 not in consumed and not follows[h - 1]):
            h -= 1
        starts.append(h)
    entries = []
    for k, d in enumerate(anchors):
        stop = starts[k + 1] if k + 1 < len(anchors) else len(lines)
        header = list(range(starts[k], d + 1))
        # the date opens each entry (a date-first layout): up to two header lines below it
        below = 2 if date_first else 1 if len(header) == 1 else 0
        while (below and header[-1] + 1 < stop and header[-1] + 1 not in consumed
               and _is_header_like(lines[header[-1] + 1]) and not follows[header[-1] + 1]):
            header.append(header[-1] + 1)
            below -= 1
        body = [(lines[i], consumed.get(i, 0)) for i in range(header[-1] + 1, stop)]
        entries.append(_entry(lines, header, d, dates[d], body, today))
    warnings = []
    undated = sum(1 for e in entries if e.months is None)
    if undated:
        warnings.append(
            f"{undated} work {'entry has' if undated == 1 else 'entries have'} dates that could not be "
            "read: write them as 'Jan 2020 – Mar 2021' so experience can be counted."
        )
    elif lines and not entries:
        warnings.append("The work section has no dates: write them as 'Jan 2020 – Mar 2021' so experience can be counted.")
    return entries, warnings


def _bare_date(line: TextLine, r: DateRange) -> bool:
    """Whether a date line holds nothing but its date ("2011 to Present")."""
    return not (line.text[: r.span[0]] + line.text[r.span[1]:]).strip(" |:,.–-•()")


def _inline_entry(lines: list[TextLine], anchor: int, r: DateRange, today: date) -> WorkEntry:
    """One entry dated by a range inside a sentence: its header is the first header-like lines
    of the section (at most two, before the anchor; else the anchor), its bullets every other line."""
    header = [i for i in range(min(anchor, 2)) if _is_header_like(lines[i])] or [anchor]
    body = [(lines[i], 0) for i in range(len(lines)) if i not in header]
    return _entry(lines, header, anchor, r, body, today)


def _entry(
    lines: list[TextLine], header: list[int], anchor: int, r: DateRange,
    body: list[tuple[TextLine, int]], today: date,
) -> WorkEntry:
    parts: list[str] = []
    for i in header:
        text = lines[i].text
        if i == anchor:
            text = text[: r.span[0]] + " | " + text[r.span[1]:]
        parts.extend(_header_parts(text))
    title, organization = _title_and_org(parts)
    span = interval(r, today)
    return WorkEntry(
        title=title or lines[anchor].text,
        organization=organization,
        start=r.start,
        end=None if r.present else r.end,
        months=None if span is None else span[1] - span[0] + 1,
        page=lines[anchor].page,
        text=" | ".join(lines[i].text for i in header),
        bullets=_bullets(body),
    )


_FIELD_LABEL = re.compile(r"(?i)^(?:duration|period|dates?|tenure|from)\s*:?\s*")
"""A field label before the dates of an entry ("Duration: May 2010 – Present"): not a title."""


def _header_parts(text: str) -> list[str]:
    """Pieces of a header line: split on | – @ "at", then on commas unless "City, ST"."""
    parts = []
    for piece in _STRONG_SEP.split(text):
        piece = _FIELD_LABEL.sub("", piece.strip(" ,;:-–—|•()[]")).strip(" ,;:-–—|•()[]")
        if not piece:
            continue
        if _LOCATION_RE.match(piece):
            parts.append(piece)
        else:
            parts.extend(p.strip(" ()[]") for p in piece.split(",") if p.strip(" ()[]"))
    return parts


def _title_and_org(parts: list[str]) -> tuple[str | None, str | None]:
    """The job title (the first part with a title word) and the organization (first other part)."""
    def is_title(part: str) -> bool:
        return any(w in TITLE_WORDS for w in re.split(r"[^a-z-]+", part.lower()))

    others = [p for p in parts if not _LOCATION_RE.match(p)]
    title = next((p for p in others if is_title(p)), others[0] if others else None)
    organization = next((p for p in others if p != title and not is_title(p)), None)
    return title, organization


def _bullets(body: list[tuple[TextLine, int]]) -> tuple[str, ...]:
    """Bullet points with their continuation lines; unbulleted paragraphs split into sentences."""
    texts: list[str] = []
    bulleted: list[bool] = []
    for line, used in body:
        text = line.text[used:].strip()
        if text and (line.bullet or not texts):
            texts.append(text)
            bulleted.append(line.bullet)
        elif text:
            texts[-1] = f"{texts[-1]} {text}"
    return tuple(part for text, b in zip(texts, bulleted) for part in ([text] if b else sentences(text)))


ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "prof", "inc", "ltd", "co", "jr", "sr", "vs", "etc", "st", "no"})


def sentences(text: str) -> list[str]:
    """A paragraph cut at ". " before a capital, except after initials and abbreviations (Dr., Inc.)."""
    out: list[str] = []
    for piece in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
        if out and out[-1].endswith("."):
            word = out[-1].rstrip(".").rsplit(" ", 1)[-1]
            if len(word) <= 1 or word.lower() in ABBREVIATIONS:
                out[-1] = f"{out[-1]} {piece}"
                continue
        out.append(piece)
    return out
