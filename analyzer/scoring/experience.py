"""Experience and seniority: months of professional software work, read from the résumé.

    >>> exp = software_experience(resume, evidence, taxonomy)    # bruce_wayne.pdf of the corpus
    >>> exp.software_months, exp.seniority
    (134, 'senior')
    >>> exp.reason
    '134 months of software work in 3 dated roles (Jun 2012 – present), "present" taken as Jul 2023 (PDF creation date).'

A role counts as software work when its title names software work (developer, software
engineer, programmer, DevOps, SRE …, :data:`SOFTWARE_TITLE_WORDS`) or, for any other title
(researcher, analyst, assistant, plain "engineer"), when its header or bullets show it: a
skill of :data:`SOFTWARE_CATEGORIES` found in them, or a verb of building
software next to a software noun (:data:`_BUILT_SOFTWARE`). Jobs, internships, freelance and
open-source roles in the work section all count; overlapping periods are counted once
(:func:`analyzer.resume.dates.union_months`). "Present" is the résumé's own date
(:attr:`analyzer.resume.Resume.as_of`). When "present" could only be taken as today (pasted
text, no PDF date) or no role is dated, a total the résumé states itself ("Over 3.5 years of
experience", :func:`stated_months`) is used instead.

Seniority bands (months of software work; ours, in line with how job postings band
"junior" as up to two years and "senior" as five or more):

- ``student``: no professional software work yet;
- ``junior``: under 24 months (or software roles whose dates cannot be read);
- ``mid``: 24 to 60 months;
- ``senior``: more than 60 months.

The level that picks project difficulty and phrases advice (:func:`advice_level`) is the
higher of what readiness alone says and what seniority says: a senior engineer whose
résumé leaves areas out is told the résumé does not show them, and is offered advanced
projects, never beginner ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from analyzer.evidence import Evidence
from analyzer.resume import Resume, WorkEntry
from analyzer.resume.dates import month_span, union_months
from analyzer.resume.parse import SCHOOLING, Line
from analyzer.resume.template import template_text
from analyzer.scoring.gaps import Gap
from analyzer.taxonomy import Taxonomy

JUNIOR_BELOW = 24
SENIOR_ABOVE = 60
SENIORITIES = ("student", "junior", "mid", "senior")
LEVELS = ("beginner", "intermediate", "advanced")

SOFTWARE_TITLE_WORDS = frozenset({
    "developer", "programmer", "software", "swe", "sde", "devops", "sre", "backend",
    "back-end", "frontend", "front-end", "fullstack", "full-stack", "web", "cto",
    "coder", "firmware", "mlops", "platform", "kernel",
})
"""Words that make a job title software work on their own ("Full Stack Developer", "Kernel
Engineer")."""
_SOFTWARE_TITLE_PHRASES = re.compile(
    r"\b(?:full\s+stack|data\s+engineer|"
    r"(?:machine\s+learning|ml|ai|ai\s*/\s*ml|artificial\s+intelligence|deep\s+learning|nlp|"
    r"computer\s+vision|data\s+science)\s+(?:engineer|developer|intern|researcher)|data\s+scientist|"
    r"(?:mobile\s+)?app(?:lication)?s?\s+develop\w*|"
    r"site\s+reliability|software\s+engineer(?:ing)?|engineering\s+manager|tech(?:nical|nology)?\s+lead|"
    r"mern|mean\s+stack|cloud\s+engineer|infrastructure\s+engineer|security\s+engineer|"
    r"(?:member\s+of\s+)?technical\s+staff|[slp]?mts|qa\s+engineer|sdet|"
    r"(?:software\s+)?(?:test\s+)?automation\s+engineer)\b",
    re.IGNORECASE,
)
"""Phrases that make a title software work: "Data Engineer", "Machine Learning Intern", "AI/ML
Intern", "Data Scientist", "Member of Technical Staff" (and
its abbreviations MTS, SMTS, LMTS, PMTS, the usual software title at Oracle, VMware or
Salesforce), "QA Engineer", "SDET"."""
_SOFTWARE_CLAIM = re.compile(
    r"\b(?:software|developer|programmer|full[\s-]?stack|back[\s-]?end|devops)\b", re.IGNORECASE)
"""Words that make a stated total a claim of software work ("Senior software engineer with
more than 9 years of experience")."""
SOFTWARE_CATEGORIES = frozenset({
    "languages", "frameworks", "orm", "testing", "apis", "version_control", "runtimes",
    "devops", "messaging",
})
"""Skill categories whose mention in a role's bullets shows software work. Servers, networks,
cloud consoles and databases alone do not: a network engineer names Linux and SSH too."""
GENERIC_WORK_SKILLS = frozenset({"testing", "debugging"})
"""Skills of those categories whose words are everyone's ("beta testing", "troubleshooting of
existing tooling"): alone they do not make a machinist's or a sales role software work."""

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                 "twenty": 20}
_STATED = re.compile(
    rf"(?P<over>\b(?:over|more\s+than)\s+)?(?P<years>\d{{1,2}}(?:\.\d)?|{'|'.join(_NUMBER_WORDS)})\s*\+?\s*(?:years?|yrs?)\.?"
    r"(?:\s*(?:and\s*)?(?P<months>\d{1,2})\s*months?)?\s*(?:of\s+)?(?:[\w/-]+\s+){0,4}?"
    r"(?:experience|exp)\b"
    rf"|\bexperience\s*:\s*(?P<years2>\d{{1,2}}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\.?"
    r"(?:\s*(?:and\s*)?(?P<months2>\d{1,2})\s*months?)?",
    re.IGNORECASE,
)
"""A stated total: "Over 3.5 years of experience", "12 years 6 months of IT experience", "8+ Yrs of exp"."""


_OTHER_WORK = re.compile(
    r"\s*(?:as\s+an?|in)\s+(?!(?:[\w/-]+\s+){0,3}?(?:software|developer|programmer|engineer|"
    r"engineering|IT|technical|technology|support|analyst|administrator|tester|testing|web|"
    r"computers?|data|network|systems?|development|programming)\b)", re.IGNORECASE)
"""What follows a stated total that is of work outside software and IT ("Eight years of
experience as a pet owner", "5 years of experience in retail"), unlike "as a support engineer"
or "in software development"."""


_CODE_WORDS: dict[str, frozenset[str]] = {}


def _code_words(taxonomy: Taxonomy) -> frozenset[str]:
    """One-word names (lower case) of the taxonomy's :data:`SOFTWARE_CATEGORIES` skills ("java",
    "django", "c#"), but not :data:`GENERIC_WORK_SKILLS`; kept per taxonomy file."""
    if taxonomy.sha256 not in _CODE_WORDS:
        _CODE_WORDS[taxonomy.sha256] = frozenset(
            term.casefold() for skill in taxonomy.skills.values()
            if skill.category in SOFTWARE_CATEGORIES and skill.id not in GENERIC_WORK_SKILLS
            for term in skill.terms if " " not in term)
    return _CODE_WORDS[taxonomy.sha256]


def _of_other_work(after: str, taxonomy: Taxonomy) -> bool:
    """Whether the words after a stated total say it is of work outside software and IT
    (:data:`_OTHER_WORK`) and, up to the end of their sentence, name no code (:func:`_code_words`:
    "5 years of experience in Java and Spring" is software work)."""
    if not _OTHER_WORK.match(after):
        return False
    sentence = re.split(r"[.;:]\s", after[:60].lower())[0]
    return not _code_words(taxonomy) & set(re.findall(r"[\w#+.-]+", sentence)[:6])


def stated_months(texts: Iterable[str]) -> tuple[int, str] | None:
    """The largest experience total the résumé states, in months, with the words stating it."""
    best: tuple[int, str] | None = None
    for text in texts:
        for m in _STATED.finditer(text):
            raw = (m.group("years") or m.group("years2")).lower()
            years = float(_NUMBER_WORDS.get(raw, 0) or raw)
            months = round(years * 12) + int(m.group("months") or m.group("months2") or 0)
            months += 1 if m.group("over") or "+" in m.group(0) else 0  # "over 5 years" is > 60 months
            if 0 < months <= 600 and (best is None or months > best[0]):
                best = (months, m.group(0))
    return best


_CODE_NOUNS = (
    r"software|code|app(?:lication)?s?|api|apis|web\s+services?|backend|back-end|website|web\s+app|"
    # a pipeline of code, not a sales one ("build pipeline of 4X", "Pipeline Generation kits")
    r"(?<!sales\s)(?<!deal\s)(?<!hiring\s)(?<!talent\s)pipelines?(?!\s+(?:of|generation|worth)\b)|"
    # a framework of code, not a process one ("Implemented framework for the planning …")
    r"(?:learning|test|testing|automation|web|logging|ui|software|application|data|ml|orm|mvc)"
    r"[\s-]+frameworks?|"
    r"script|scripts|library|endpoints?|database|algorithm|algorithms|bot|extension|"
    r"plugin|compiler|engine|tools?(?!\s+chang)")
_WIDE_NOUNS = r"framework|system|platform|server|interface"
_BUILT_SOFTWARE = re.compile(
    # verbs that mean writing software, with any software noun
    r"\b(?:develop(?:ed|ing|s)?|development\s+of|built|build(?:ing|s)?|cod(?:ed|ing)|"
    r"programm(?:ed|ing)|refactor(?:ed|ing)?|debugg(?:ed|ing)|architect(?:ed|ing)|wrote|writ(?:ing|es))\b"
    rf"[^.;]{{0,60}}?\b(?:{_CODE_NOUNS}|{_WIDE_NOUNS})\b"
    # a game as the verb's own object ("Developed a 2D platformer game", "Led the development of
    # QuickTongue, the first tongue-controlled game"), not one made or played further on
    # ("Developed & led workshop for teachers to make games")
    r"|\b(?:develop(?:ed|ing|s)?|development\s+of|built|build(?:ing|s)?|cod(?:ed|ing)|"
    r"programm(?:ed|ing)|wrote)\b(?:(?!\b(?:to|for|make|made|making|play|played|playing)\b)[^.;]){0,60}?"
    r"\bgames?\b"
    # verbs that also mean setting up or planning, only with a noun of code
    r"|\b(?:creat(?:ed|e|ing)|implement(?:ed|ing|s)?|devis(?:ed|ing)|design(?:ed|ing)|"
    r"deploy(?:ed|ing)?|automat(?:ed|ing)|ship(?:ped|ping)?)\b"
    rf"[^.;]{{0,60}}?\b(?:{_CODE_NOUNS})\b",
    re.IGNORECASE,
)
"""A verb of building software near a software noun ("Developed an API for the web application").
"Service" and "features" alone are not software nouns ("create a machine shop to service …",
"promotional articles on key features"), nor is a machine's "tool changer" or a sales
"pipeline" ("build pipeline of 4X", "Pipeline Generation kits"). A system, platform, framework,
server or interface counts only after a verb of writing software ("Developed a system") or
when the framework is one of code ("Implemented a self-supervised learning framework"):
"Implemented framework for the planning …" (ITIL) and "Created … a grading system" are an IT
manager's and a teacher's work."""
_WORKS_AS = re.compile(
    r"(?i)\b(?:work(?:s|ed|ing)?|employed|serv(?:e|ed|ing)|hired|join(?:ed)?)\s+as\s+(?:an?\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:software\s+(?:engineer|developer)|developer|programmer)\b")
"""A bullet that names the job as software work ("Working as software engineer with Apple
client", "Worked as a junior PHP developer")."""


@dataclass(frozen=True)
class Role:
    """One work entry as experience sees it.

    Attributes:
        title, organization: from the résumé.
        start, end: first-of-month dates; ``end`` None = present (or unknown when
            ``months`` is None).
        months: inclusive months up to the résumé's date, None when undated.
        software: True when the role counts as software work.
        why: one short phrase saying why it counts or not.
    """

    title: str
    organization: str | None
    start: date | None
    end: date | None
    months: int | None
    software: bool
    why: str


@dataclass(frozen=True)
class Experience:
    """Software experience and seniority of one candidate.

    Attributes:
        software_months: months of software work, overlaps counted once, ≥ 0.
        seniority: one of :data:`SENIORITIES`.
        reason: one sentence saying how seniority was reached.
        roles: every work entry, with whether it counted.
        as_of: the date "Present" stands for; as_of_source says where it came from.
        stated: the résumé's own words for its total ("Experience: 2 Years and 4 Months") when
            the months come from them, else None.
    """

    software_months: int
    seniority: str
    reason: str
    roles: tuple[Role, ...]
    as_of: date
    as_of_source: str
    stated: str | None = None


MAX_TITLE_WORDS = 8
"""A job title has at most this many words ("Senior Member of Technical Staff, Cloud Platform")."""
NOT_SOFTWARE_TITLE_WORDS = frozenset({"cnc", "machinist", "nc"})
"""Words that make "programmer" a machining title ("CNC Programmer"): not software work by title."""


def title_is_software(title: str) -> bool:
    """Whether a job title names software work; a sentence read as the title ("Researched
    information for news articles using library and Web sources") is no title."""
    words = set(re.split(r"[^a-z+-]+", title.lower()))
    if words & NOT_SOFTWARE_TITLE_WORDS or len(title.split()) > MAX_TITLE_WORDS:
        return False
    return bool(words & SOFTWARE_TITLE_WORDS) or bool(_SOFTWARE_TITLE_PHRASES.search(title))


def _shows_software(entry: WorkEntry, code_lines: set[str]) -> str | None:
    """Why the entry's text shows software work, or None."""
    texts = [entry.text, *entry.bullets]
    for text in texts:
        key = _key(text)
        if key and any(line in key or key in line for line in code_lines):
            return "its bullets name the tools it used"
    if any(_BUILT_SOFTWARE.search(t) for t in texts):
        return "its bullets describe building software"
    if any(_WORKS_AS.search(t) for t in texts):
        return "its bullets say the work is software work"
    return None


def undated_software_title(resume: Resume) -> Line | None:
    """The first line of the work section that is a software title with no dates ("Software
    developer", "Sarathi Foundation - Full-Stack Developer"), or None.

    A title is short (≤ 5 words), opens in capitals, ends without a point ("and xml for
    frontend." is the end of a sentence a second column cut in two) and names no degree
    ("Bachelor of Software"). Used when no dated role was read: docs/labelling.md counts such
    a role as practical experience, and it is professional software work for seniority.
    """
    return next((ln for ln in resume.lines if ln.section == "work" and not ln.is_heading
                 and len(ln.text.split()) <= 5 and not ln.text.strip()[:1].islower()
                 and not ln.text.rstrip().endswith(".") and not SCHOOLING.search(ln.text)
                 and title_is_software(ln.text)), None)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


COURSE_TITLE = re.compile(
    r"(?i)\b(?:course|courses|bootcamp|boot\s+camp|nanodegree|capstone|training\s+program(?:me)?|"
    r"job\s+simulation|virtual\s+(?:experience|internship)(?:\s+program(?:me)?)?)\b")
"""A title that names study, not a job ("Data Science Course", "Data Analytics Virtual
Experience Program", "Full-Stack Bootcamp", "Excel Capstone Project"): docs/labelling.md counts
no course as work."""


def _role(entry: WorkEntry, code_lines: set[str]) -> Role:
    placeholder = template_text(entry.title)
    if placeholder:
        return Role(entry.title, entry.organization, entry.start, entry.end, entry.months, False,
                    f"template placeholder ({placeholder})")
    if COURSE_TITLE.search(entry.title):
        return Role(entry.title, entry.organization, entry.start, entry.end, entry.months, False,
                    "a course, not a job")
    if title_is_software(entry.title) or any(
            len(part.split()) <= 5 and "," not in part and title_is_software(part)
            and part.strip() != (entry.organization or "").strip()
            for part in entry.text.split(" | ")):
        # a header line of its own that is a software title ("software engineer" above
        # "Oracle, Business Objects -"), even when the entry's title was read from another line
        software, why = True, "software title"
    else:
        shown = _shows_software(entry, code_lines)
        software, why = shown is not None, shown or "no software work in its title or bullets"
    return Role(entry.title, entry.organization, entry.start, entry.end, entry.months, software, why)


def _month(d: date) -> str:
    return d.strftime("%b %Y")


def software_experience(
    resume: Resume, evidence: Iterable[tuple[str, Evidence]], taxonomy: Taxonomy,
) -> Experience:
    """Months of software work and seniority from a parsed résumé.

    Args:
        resume: the parsed résumé (its ``as_of`` dates "Present").
        evidence: (skill id, evidence) pairs from the résumé matcher; work lines naming
            a skill of :data:`SOFTWARE_CATEGORIES` show that a role is software work.
        taxonomy: to look up each skill's category.

    Returns:
        :class:`Experience`; ``software_months`` is the union of the software roles'
        intervals up to ``resume.as_of``.
    """
    evidence = list(evidence)
    code_lines = {
        _key(e.text) for sid, e in evidence
        if e.source == "resume" and e.section == "work" and sid not in GENERIC_WORK_SKILLS
        and taxonomy.skills[sid].category in SOFTWARE_CATEGORIES
    }
    roles = tuple(_role(w, code_lines) for w in resume.work)
    spans = [month_span(r.start, r.end, resume.as_of) for r in roles if r.software and r.months]
    months = union_months(s for s in spans if s is not None)
    software = [r for r in roles if r.software]
    undated = [r for r in software if r.months is None]
    # one text, so a total wrapped over two lines ("… with 2 years 10 months" / "of experience")
    # is still read
    text = " ".join(line.text for line in resume.lines)
    stated = stated_months([text])
    # a stated total next to words of software work ("software engineer with 9 years of
    # experience") is a claim of software work even when no role could be read as one
    at = text.find(stated[1]) if stated is not None else -1
    claimed = at >= 0 and bool(_SOFTWARE_CLAIM.search(text[max(0, at - 80):at + len(stated[1]) + 40]))
    # the résumé's own total wins (unless every role read is outside software and it claims no
    # software work) when its roles give no dated months, or when "present"
    # could only be taken as today (no last-updated line, no PDF date): an old résumé read
    # years later must not grow its author's experience
    # with no role read at all, a total "as a pet owner" or "in Visual Media" is of other work
    other_work = at >= 0 and _of_other_work(text[at + len(stated[1]):], taxonomy)
    use_stated = stated is not None and (software or not roles and not other_work or claimed) and (
        months == 0 or (resume.as_of_source == "today" and any(r.end is None for r in software if r.months)))
    if use_stated:
        months = stated[0]
        seniority = ("junior" if months < JUNIOR_BELOW else
                     "mid" if months <= SENIOR_ABOVE else "senior")
        why = ("its dated roles give none" if not software or not any(r.months for r in software)
               else '"present" on its roles has no date of its own')
        reason = (f"{months} months of software work, as the résumé states (\"{stated[1]}\"): "
                  f"{why}.")
    elif not software and not resume.work and (title := undated_software_title(resume)) is not None:
        seniority = "junior"
        reason = (f"The work section names software work without dates (\"{title.text.strip()}\"), "
                  "so it counts as professional work whose months cannot be read: add its dates.")
    elif not software:
        seniority = "student"
        if resume.work and all(r.why.startswith("template") for r in roles):
            which = ("The résumé's only role is a template placeholder" if len(roles) == 1 else
                     f"The résumé's {len(roles)} roles are template placeholders")
            reason = (f"{which} (\"{roles[0].title}\"), so no professional software experience "
                      "is counted.")
        elif resume.work:
            which = ("The résumé's only role is not software work" if len(resume.work) == 1 else
                     f"None of the {len(resume.work)} roles on the résumé is software work")
            reason = f"{which} (by its title or bullets), so no professional software experience is counted."
        else:
            reason = "The résumé lists no work experience, so no professional software experience is counted."
    else:
        seniority = ("junior" if months < JUNIOR_BELOW else
                     "mid" if months <= SENIOR_ABOVE else "senior")
        dated = [r for r in software if r.start is not None and r.months]
        span = ""
        if dated:
            first = min(r.start for r in dated)
            last = "present" if any(r.end is None for r in dated) else _month(max(r.end for r in dated))
            span = f" ({_month(first)} – {last})"
        reason = (f"{months} months of software work in {len(software) - len(undated)} dated "
                  f"role{'s' * (len(software) - len(undated) != 1)}{span}")
        if undated:
            reason += f"; {len(undated)} more software role{'s' * (len(undated) > 1)} without readable dates"
        reason += f", \"present\" taken as {_month(resume.as_of)} ({resume.as_of_source})."
    return Experience(months, seniority, reason, roles, resume.as_of, resume.as_of_source,
                      stated[1] if use_stated and stated is not None else None)


def readiness_level(score: float) -> str:
    """Level from overall readiness in [0, 100] alone: under 40 beginner, under 70 intermediate."""
    return "beginner" if score < 40 else "intermediate" if score < 70 else "advanced"


SENIORITY_FLOOR = {"student": "beginner", "junior": "beginner", "mid": "intermediate", "senior": "advanced"}
"""The lowest level a seniority allows: experienced engineers are never sent to beginner work."""


def advice_level(score: float, seniority: str | None) -> str:
    """The level that picks project difficulty and phrases advice: the higher of readiness and seniority.

    ``seniority`` None (no résumé) leaves readiness alone.
    """
    level = readiness_level(score)
    floor = SENIORITY_FLOOR.get(seniority or "student", "beginner")
    return max(level, floor, key=LEVELS.index)


def phrase_gaps(gaps: tuple[Gap, ...], experience: Experience | None) -> tuple[Gap, ...]:
    """Gaps phrased for an experienced engineer: the résumé does not show it, not "you lack it".

    For ``mid`` and ``senior`` candidates a ``missing`` gap keeps its reason, then says the
    résumé leaves the area out and asks for a bullet; other candidates' gaps are returned
    unchanged.
    """
    if experience is None or experience.seniority not in ("mid", "senior"):
        return gaps
    years = experience.software_months // 12
    out = []
    for gap in gaps:
        if gap.kind == "missing":
            gap = replace(gap, reason=(
                f"{gap.reason.rstrip('.')}. The résumé does not show this area, yet after {years} "
                f"years of software work you may well have done it: add a bullet that says what "
                "you did and its result."))
        out.append(gap)
    return tuple(out)
