"""Section headings people write on résumés, mapped to JSON Resume section names.

    >>> section_for_heading("Professional Experience:")
    'work'
    >>> section_for_heading("Licenses & Certifications")
    'certificates'
    >>> section_for_heading("Languages: Python, C++") is None     # a skills row, not a heading
    True

:func:`assign_sections` gives every line of a résumé its section. The section names are
JSON Resume's (https://jsonresume.org/schema): ``basics`` (header, contact, summary/profile),
``work``, ``volunteer``, ``education``, ``awards``, ``certificates``, ``publications``,
``skills``, ``languages``, ``interests``, ``references``, ``projects``. The heading lists were gathered from résumé templates (Deedy, AltaCV, moderncv,
rendercv, OpenResume), the dotin résumé corpus and common writing guides; add a heading by
adding it to :data:`HEADINGS`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Protocol

SECTIONS = (
    "basics", "work", "volunteer", "education", "awards", "certificates", "publications",
    "skills", "languages", "interests", "references", "projects",
)

HEADINGS: dict[str, tuple[str, ...]] = {
    "basics": (
        "summary", "professional summary", "career summary", "executive summary", "profile",
        "professional profile", "personal profile", "about", "about me", "objective",
        "career objective", "objectives", "personal statement", "overview", "introduction",
        "contact", "contacts", "contact information", "contact info", "contact details",
        "personal information", "personal details", "personal data", "links",
        "summary of qualifications", "qualifications summary", "highlights",
    ),
    "work": (
        "experience", "experiences", "work experience", "professional experience",
        "work history", "employment", "employment history", "career history",
        "relevant experience", "industry experience", "professional background", "internships",
        "internship", "internship experience", "positions", "positions held", "job history",
        "research experience", "research", "teaching experience", "freelance",
        "military service", "military experience", "experience and employment",
        "professional history", "work and experience", "career",
    ),
    "volunteer": (
        "volunteer", "volunteering", "volunteer experience", "volunteer work",
        "community service", "community involvement", "leadership", "leadership experience",
        "leadership and activities", "activities", "extracurricular activities",
        "leadership and involvement", "involvement", "campus involvement", "activities and involvement",
        "extracurriculars", "extra curricular activities",
    ),
    "education": (
        "education", "academic background", "educational background", "academics",
        "academic qualifications", "educational qualifications", "education and training",
        "training", "coursework", "courses", "academic history", "studies",
        "qualifications", "education and certifications", "academic qualification",
        "educational qualification", "education qualification", "educational details",
        "education details", "academic details", "education background",
    ),
    "awards": (
        "awards", "honors", "honours", "achievements", "awards and honors",
        "honors and awards", "awards and achievements", "accomplishments", "scholarships",
        "recognition", "competitions", "most proud of", "awards and recognition",
    ),
    "certificates": (
        "certifications", "certificates", "certification", "licenses",
        "licenses and certifications", "certifications and licenses", "credentials",
        "courses and certifications", "trainings and certifications", "licences",
        "licences and certifications", "certificates and courses",
    ),
    "publications": (
        "publications", "papers", "research papers", "patents", "talks", "presentations",
        "conference talks", "publications and talks", "publications and patents", "writing",
    ),
    "skills": (
        "skills", "technical skills", "skills and tools", "core competencies", "competencies",
        "tech stack", "technologies", "tools", "tools and technologies",
        "technologies and tools", "technical proficiencies", "proficiencies", "expertise",
        "areas of expertise", "programming languages", "languages and technologies",
        "languages and tools", "skill set", "skillset", "technical expertise", "strengths",
        "key skills", "software", "frameworks", "it skills", "computer skills",
        "skills and interests", "skills and expertise", "technical summary",
    ),
    "languages": (
        "languages", "language skills", "spoken languages", "foreign languages", "language",
    ),
    "interests": ("interests", "hobbies", "hobbies and interests", "personal interests"),
    "references": ("references", "referees", "reference", "references available upon request"),
    "projects": (
        "projects", "project", "personal projects", "side projects", "academic projects",
        "open source", "open source contributions", "open source projects", "portfolio",
        "project experience", "projects and open source", "websites", "web sites",
        "projects and tools", "project details", "project showcase", "project showcases",
        "projects showcase", "project highlights",
    ),
}

# Words people put before a heading that do not change its section ("Selected Honors").
QUALIFIERS = frozenset({
    "professional", "relevant", "selected", "select", "technical", "key", "additional",
    "personal", "academic", "other", "my", "recent", "notable", "core", "related", "invited",
    "major", "university", "college", "school", "software", "engineering", "work",
})
MAX_HEADING_WORDS = 6
MAX_HEADING_CHARS = 48

class StyledLine(Protocol):
    """What section assignment reads from a line (``analyzer.pdftext.TextLine`` has it)."""

    text: str
    size: float
    bold: bool


_LOOKUP = {heading: section for section, names in HEADINGS.items() for heading in names}
_PUNCT = re.compile(r"[^\w\s]+")

SPELLINGS = {
    "professionnal": "professional", "proffesional": "professional", "profesional": "professional",
    "experiance": "experience", "expirience": "experience", "experince": "experience",
    "employement": "employment", "eduction": "education",
    "projets": "projects", "competences": "competencies",
}
"""Spellings of heading words seen on real résumés (the French "professionnal", typos) and the
word they stand for."""

WORK_HEADING_ENDS = frozenset({"experience", "experiences", "employment"})
"""A short heading not in :data:`HEADINGS` that ends with one of these words is the work section
("ICT Related Experience", "SAP Experience", "Industry Employment")."""
HEADING_ENDS = {"activities": "volunteer", "skills": "skills", "achievements": "awards",
                "awards": "awards", "certifications": "certificates", "hobbies": "interests"}
"""The last word of a numbered heading not in :data:`HEADINGS` and the section it names
("5. Co-Curricular & Extra-Curricular Activities", "6. Skill Orientation / Technical Skills",
"7. Awards, Honours & Achievements"); the number is what makes such a line a heading."""
_NUMBERING = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[A-H])[.)]\s+(?=[A-Za-z])")
"""A heading's list number ("5. Co-Curricular Activities", "IV) Skills", "B. Education"); a
number followed by words is kept when it has no point or bracket ("10 years experience")."""
NOT_WORK_STARTS = frozenset({"summary", "overview", "highlights", "years", "total", "volunteer"})
_FUNCTION_WORDS = frozenset({"of", "and", "the", "a", "an", "for", "with", "in", "on", "to", "list", "all"})


def normalise_heading(text: str) -> str:
    """Lower-case words of a candidate heading: ``"Skills & Tools:"`` → ``"skills and tools"``."""
    text = unicodedata.normalize("NFKC", text).replace("&", " and ").replace("/", " and ")
    return " ".join(SPELLINGS.get(w, w) for w in _PUNCT.sub(" ", text.lower()).split())


def section_for_heading(text: str) -> str | None:
    """The JSON Resume section a heading line names, or None when it is not a heading.

    ``text`` must be the whole line: a heading is short (≤ 6 words, ≤ 48 characters), may end
    in a colon, and after dropping qualifier words ("Relevant", "Selected", ...) must be one
    of :data:`HEADINGS`. A line with text after its colon ("Languages: Python") is a row, not
    a heading.
    """
    numbered = _NUMBERING.match(text.strip()) is not None
    stripped = _NUMBERING.sub("", text.strip()).rstrip(":").strip()
    if not stripped or ":" in stripped or len(stripped) > MAX_HEADING_CHARS:
        return None
    words = normalise_heading(stripped).split()
    if not words or len(words) > MAX_HEADING_WORDS:
        return None
    whole = list(words)
    while words:
        section = _LOOKUP.get(" ".join(words))
        if section is not None:
            return section
        if words[0] not in QUALIFIERS:
            break
        words = words[1:]
    # a line that opens in lower case continues a sentence ("into programs/projects")
    if (len(whole) <= 4 and all(w.isalpha() for w in whole) and not stripped.endswith(".")
            and whole[0] not in _FUNCTION_WORDS and not stripped[:1].islower()):
        if whole[-1] in WORK_HEADING_ENDS and whole[0] not in NOT_WORK_STARTS:
            return "work"
        if "projects" in (whole[0], whole[-1]) and whole[0] not in NOT_WORK_STARTS:
            return "projects"   # "Projects Undertaken", "Information Technology Projects"
    if (numbered and whole[-1] in HEADING_ENDS and whole[0] not in NOT_WORK_STARTS and not stripped.endswith(".")
            and all(w.isalpha() for w in whole) and _title_like(stripped)):
        return HEADING_ENDS[whole[-1]]   # "Co-Curricular & Extra-Curricular Activities"
    return None


def _title_like(text: str) -> bool:
    """Every word of three letters or more, but "and", "the" …, starts with a capital
    ("Skill Orientation / Technical Skills"), as a heading does and a sentence does not
    ("Participated in many sports activities")."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 3 and w.lower() not in _FUNCTION_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def _styled(line: StyledLine, body_size: float) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    caps = len(letters) >= 3 and all(c.isupper() for c in letters)
    return line.bold or caps or line.size >= body_size + 1.0


def assign_sections(lines: Sequence[StyledLine], body_size: float) -> tuple[list[str], list[bool]]:
    """Each line's section and whether it is a heading; lines before the first heading → basics.

    In a PDF (``body_size`` > 0) whose headings are styled, a heading must be styled (bold,
    all caps or ≥ 1 pt above the body size) and, when the headings are bigger than the body,
    not more than 1.5 pt smaller than the most common heading size (so a bold "Languages" row
    inside skills stays a row). A PDF with no styled heading at all is read like plain text.
    """
    candidates = [section_for_heading(line.text) for line in lines]
    if body_size > 0 and any(c and _styled(line, body_size) for c, line in zip(candidates, lines)):
        candidates = [c if c and _styled(line, body_size) else None for c, line in zip(candidates, lines)]
        sizes = [round(line.size) for c, line in zip(candidates, lines) if c]
        if sizes:
            common = max(set(sizes), key=sizes.count)
            candidates = [
                c if c and not (common >= body_size + 1 and line.size < common - 1.5) else None
                for c, line in zip(candidates, lines)
            ]
    current, sections, flags = "basics", [], []
    for c in candidates:
        current = c or current
        sections.append(current)
        flags.append(c is not None)
    return sections, flags
