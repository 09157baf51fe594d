"""Where each part of a posting stands: headings → sections, and sections → clauses.

A posting is read as one text (its lines joined by newlines). :func:`find_sections` finds the
headings — on a line of their own ("Requirements", "## What you'll do", "Nice to have:") or
inline, as real postings pasted from job boards run them into the text ("… What you'll bring 4+
years of experience …", "Bonus: Experience with Django") — and gives every character a section
kind:

=================  =============================================================================
``requirements``   requirements, qualifications, "what you'll bring", "your profile", "we are
                   looking for" …
``responsibilities`` "what you'll do", "your role", "in your role you will", "tasks" …
``nice``           "nice to have", "bonus", "will be a plus", "preferred qualifications" …
``stack``          "technologies", "tech stack", "our stack", "tools & services" …
``benefits``       "benefits", "what we offer", "perks" …
``about``          "about us", "company description", "who we are" …
``header``         job-board fields ("Job type:", "Industry:", "Role:", "Company size:" …)
``general``        anything else (the opening paragraph, "Job description")
=================  =============================================================================

:func:`clauses` cuts the text into clauses: a sentence end (``. ! ? ;`` but not "e.g.",
"Node.js" or ".NET"), a line end (unless the line runs on: it ends in "e.g." or a comma, or the
next one starts in lower case), a bullet, a heading, and — for text whose punctuation was lost
("… are ideal A deep understanding …") — a capitalised word right after a lower-case one,
unless the lower-case word is a joining word ("with", "and", "of" …) or the capitalised word
starts a skill name. A marker such as "is a plus" applies to its clause only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["SECTION_KINDS", "Clause", "Section", "clauses", "find_sections", "hangs", "heading_kind"]

SECTION_KINDS = ("requirements", "responsibilities", "nice", "stack", "benefits", "about",
                 "header", "general")

# Heading phrases per kind (regular expressions, matched case-insensitively at a word start).
# Sources: the headings of the SkillSpan postings (kris927b/SkillSpan) and of common job
# boards; our own list.
_HEADINGS: dict[str, tuple[str, ...]] = {
    "nice": (
        r"nice[- ]to[- ]haves?", r"nice to have skills", r"bonus(?: points)?(?: if you have)?",
        r"pluses", r"(?:it )?(?:will|would) be a (?:big |huge |great )?plus(?: if you have)?",
        r"(?:it's|it is) a plus if(?: you have)?", r"a plus", r"plus(?: points)?",
        r"preferred(?: qualifications| skills| experience| requirements)?",
        r"desired(?: qualifications| skills| experience)?", r"desirable(?: skills)?",
        r"good to have", r"extra (?:credit|points)(?: for)?", r"even better if(?: you have)?",
        r"it would be great if(?: you have)?", r"additional (?:qualifications|skills)",
        r"optional(?: skills)?", r"what would make you stand out", r"ideally(?: you have)?",
        r"(?:we(?:'d|’d| would)|you(?:'d|’d| would)) (?:get |be )?(?:really |very |super |extra )?"
        r"(?:excited|happy|delighted|impressed|love it|stand out)(?: (?:if|to see|when))?"
        r"(?: you (?:had|have|also have))?(?: (?:some )?experience)?(?: (?:with|in))?",
    ),
    "requirements": (
        r"requirements?", r"(?:minimum|basic|required|essential|key|job|technical) "
        r"(?:qualifications|skills|requirements)", r"qualifications?",
        r"what you(?:'ll| will|’ll)? (?:bring|need|have)(?: to (?:succeed|be successful|the table))?",
        r"what we(?:'ll| will|’ll) need from you",
        r"who (?:we(?:'re| are|’re)) looking for",
        r"what (?:we(?:'re| are)?|we’re) (?:looking for|expect(?: from you)?)",
        r"(?:we are|we're|we’re) looking for", r"who (?:you are|we are looking for)",
        r"your (?:profile|skills|experience|background|qualifications)", r"(?:the )?profile",
        r"(?:skills|experience) (?:and|&) (?:experience|skills|qualifications)",
        r"(?:required )?skills", r"you (?:have|bring|should have|will need)",
        r"must[- ]haves?(?: skills| requirements| qualifications)?", r"required", r"prerequisites",
        r"about you", r"(?:the )?ideal candidate(?: will have)?", r"what it takes",
        r"(?:this|the) role requires.{0,80}?", r"you are", r"you're", r"candidate profile",
    ),
    "responsibilities": (
        r"responsibilities(?: include)?", r"(?:your|key|main|core) (?:responsibilities|tasks|duties|mission)",
        r"what you(?:'ll| will|’ll)? (?:do|be doing|work on)", r"(?:the|your) role",
        r"(?:in|as part of) (?:this|your|the) role,? you (?:will|would)",
        r"(?:the )?job", r"duties", r"tasks", r"day[- ]to[- ]day", r"what the job involves",
        r"about the (?:role|job|position)", r"the position", r"you will", r"your job",
        r"the challenge", r"what you will be working on",
    ),
    "stack": (
        r"technologies(?: (?:we use|used))?", r"tech(?:nology)? stack", r"(?:our )?stack",
        r"(?:tech|technologies|tools) we (?:use|work with|love)",
        r"tools(?: (?:&|and) (?:services|technologies))?", r"tools we use", r"our tools",
        r"(?:our )?(?:technical |tech )?environment", r"tech", r"core technologies",
        r"languages",
    ),
    "benefits": (
        r"(?:job )?benefits", r"what we offer(?: you)?", r"we offer", r"perks(?: and benefits)?",
        r"here(?:'s|’s| is) what we offer(?: you)?", r"why (?:join|work (?:with|for)) us\??",
        r"compensation", r"salary", r"what(?:'s| is) in it for you", r"our offer",
    ),
    "about": (
        r"about us", r"company description", r"about (?:the company|our company|<organization>)",
        r"who we are", r"our company", r"the company", r"our team", r"the team",
        r"equal (?:employment )?opportunity.{0,40}?", r"history",
    ),
    "header": (
        r"job type", r"experience level", r"role", r"industry", r"company size",
        r"company type", r"date posted", r"likes", r"location", r"visa sponsorship",
        r"relocation", r"remote", r"employment type", r"contract", r"seniority(?: level)?",
    ),
    "general": (
        r"job description", r"description", r"overview", r"summary", r"how to apply",
        r"the opportunity", r"introduction",
    ),
}
_PHRASES = {kind: re.compile("|".join(f"(?:{p})" for p in phrases), re.I)
            for kind, phrases in _HEADINGS.items()}
# Inline headings without a colon: capitalised phrases job boards run into the text.
_INLINE_BARE = re.compile(
    r"(?<![\w'’])(?=[A-Z])(?P<h>(?i:What you(?:'ll|’ll| will) (?:bring|do|need)|What we offer(?: you)?|"
    r"Here(?:'s|’s) what we offer(?: you)?|Your profile|Your tasks|Your responsibilities|"
    r"Requirements|Responsibilities|Qualifications|Nice to have|Job description|Benefits|"
    r"Tools & Services|Who you are|About you|About us|Our stack|Tech stack|"
    r"The Role|The role|What you bring to the table))(?=\s+(?:[A-Z0-9<-]|\d))")
_COLON = re.compile(r"\s*:(?!//)")
_WORDS_BEFORE = re.compile(r"[\w'’&/<>-]+")
_ASKING = frozenset({"requirements", "responsibilities", "nice"})
_COMPANY_LABEL = re.compile(r"(?i)\b(?:our|we|stack|environment|used|use)\b")
_JOINED_HEADING = re.compile(r"\s+(?:and|&|/)\s+", re.IGNORECASE)
_MD_MARKS = re.compile(r"^[#>*_\s-]+|[*_\s:#]+$")


@dataclass(frozen=True)
class Section:
    """A heading and the text it governs: characters ``[start, end)`` of the joined text."""

    kind: str
    heading: str
    start: int
    end: int


@dataclass(frozen=True)
class Clause:
    """One clause: characters ``[start, end)`` of the joined text, its section kind and line."""

    start: int
    end: int
    text: str
    section: str
    line: int  # 1-based line of the clause's first character


def heading_kind(text: str) -> str | None:
    """The section kind a heading names ("Requirements:" → ``requirements``), else None.

    The whole text (without Markdown marks or a trailing colon) must be one heading phrase.
    """
    core = _MD_MARKS.sub("", text).strip()
    if not core or len(core) > 80:
        return None
    for kind, pattern in _PHRASES.items():
        if pattern.fullmatch(core):
            return kind
    # "Requirements & Skills", "Qualifications and Experience", "Benefits / Perks": the first part decides
    parts = _JOINED_HEADING.split(core, maxsplit=1)
    if len(parts) == 2 and parts[0] and len(parts[1].split()) <= 3:
        for kind, pattern in _PHRASES.items():
            if pattern.fullmatch(parts[0]):
                return kind
    return None


def find_sections(text: str, title_end: int = 0) -> list[Section]:
    """Every section of the joined posting text, in order, covering ``[title_end, len(text))``.

    Args:
        text: the posting's lines joined with ``"\\n"``.
        title_end: characters before this offset are the title (not part of any section).
    """
    marks: list[tuple[int, int, str, str]] = []  # (heading start, body start, kind, heading)
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        words = len(stripped.split())
        whole = heading_kind(stripped) if words <= 8 or (words <= 14 and stripped.endswith(":")) else None
        if whole and not re.search(r"[.!?]\s", stripped):
            marks.append((offset + lead, offset + len(line), whole, stripped))
        else:
            for match in _COLON.finditer(line):
                found = _heading_before(line, match.start())
                if found:
                    start, kind = found
                    marks.append((offset + start, offset + match.end(), kind,
                                  line[start:match.end()]))
            for match in _INLINE_BARE.finditer(line):
                kind = heading_kind(match.group("h"))
                if kind and not any(m[0] <= offset + match.start("h") < m[1] for m in marks):
                    marks.append((offset + match.start("h"), offset + match.end("h"), kind,
                                  match.group("h")))
        offset += len(line) + 1
    marks.sort()
    sections: list[Section] = []
    position, kind, heading = title_end, "general", ""
    for start, body, mark_kind, mark_text in marks:
        if start < title_end:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        mid_line = bool(text[line_start:start].strip(" \t-*•▪●◦·–—#"))
        if mark_kind == "stack" and kind in _ASKING and mid_line and not _COMPANY_LABEL.search(mark_text):
            continue  # "… understanding of Languages: Go, Python" inside the requirements is asked for
        if start > position:
            sections.append(Section(kind, heading, position, start))
        position, kind, heading = max(body, start), mark_kind, mark_text.strip()
    sections.append(Section(kind, heading, position, len(text)))
    return [s for s in sections if s.end > s.start or s.heading]


def _heading_before(line: str, colon: int) -> tuple[int, str] | None:
    """The longest run of up to 12 words right before a colon that is a heading phrase:
    ``(its start, its kind)``; "Full-time Experience level:" gives "Experience level"."""
    words = list(_WORDS_BEFORE.finditer(line, max(0, colon - 120), colon))[-12:]
    if words and words[-1].end() != colon and line[words[-1].end():colon].strip():
        return None
    for first in words:
        kind = heading_kind(line[first.start():colon])
        if kind:
            return first.start(), kind
    return None


# ------------------------------------------------------------------ clauses

_ABBREVIATIONS = re.compile(r"(?i)(?:\be\.g|\bi\.e|\betc|\bvs|\bincl|\bapprox|\bca|\bjr|\bsr|\bno)\.$")
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|[.!?;]$")
_BULLET = re.compile(r"(?:^|\s)(?:[•▪●◦·]|\*|–|—)\s+")
_JOINING = frozenset("""and or with in of for the a an to on at as from by like via using including
into your our their its is are be about than per such nor but plus & e.g. i.e. e.g etc our my
experience knowledge""".split())
_HANGING = re.compile(r"(?i)(?:[,(/&]|\be\.g\.?|\bi\.e\.?|\bsuch as|\band|\bor|\bwith|\bof|\bin|"
                      r"\bfor|\blike|\bincluding|\bthe|\ba|\bto)$")
_WRAPPED = 55
"""A line at least this long (characters) that goes on in lower case on the next line is
hard-wrapped prose (plain-text exports wrap at 60–80); shorter lines are list items."""
_WORD_BEFORE = re.compile(r"([\w.'’+#)-]+)\s+$")


def clauses(text: str, sections: Sequence[Section], protected: Sequence[tuple[int, int]] = ()) -> list[Clause]:
    """The clauses of the joined text (see the module docstring), each inside one section.

    ``protected`` are ``(start, end)`` character spans (skill mentions) no cut may fall inside
    or right before.
    """
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    starts_of_mentions = {start for start, _ in protected}
    inside = sorted(protected)
    cuts: set[int] = set()
    for section in sections:
        cuts.update((section.start, section.end))
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[match.start()] == "." and _ABBREVIATIONS.search(text[max(0, end - 6):end]):
            continue
        cuts.add(end)
    for index, start in enumerate(line_starts[1:], 1):
        previous = text[line_starts[index - 1]:start - 1].rstrip()
        following = text[start:start + 40].lstrip()
        # a hanging word, or hard-wrapped prose: a long line going on in lower case
        runs_on = (hangs(previous)
                   or (following[:1].islower() and len(previous) >= _WRAPPED
                       and not previous.endswith((".", ":", "!", "?", ";"))))
        if not runs_on:
            cuts.add(start)
    for match in _BULLET.finditer(text):
        cuts.add(match.start())
    for match in re.finditer(r"(?<=[a-z0-9)])\s+(?=[A-Z][a-z'’]+\b|A\b)", text):
        after = match.end()
        if after in starts_of_mentions:
            continue
        before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.end())
        if before and before.group(1).lower() in _JOINING:
            continue
        cuts.add(after)
    # no cut inside a mention
    cuts = {c for c in cuts if not _inside(c, inside)}
    ordered = sorted(c for c in cuts if 0 <= c <= len(text)) + [len(text)]
    result: list[Clause] = []
    section_starts = [s.start for s in sections]
    begin = 0
    for cut in ordered:
        if cut <= begin:
            continue
        raw = text[begin:cut]
        stripped = raw.strip()
        if stripped:
            lead = begin + len(raw) - len(raw.lstrip())
            index = bisect_right(section_starts, lead) - 1
            kind = sections[index].kind if index >= 0 else "general"
            line = bisect_right(line_starts, lead)
            result.append(Clause(lead, lead + len(stripped), stripped, kind, line))
        begin = cut
    return result


def hangs(line: str) -> bool:
    """Whether a line stops mid-phrase ("… (e.g.", "… such as", "… and"): the next line goes on."""
    return bool(_HANGING.search(line.rstrip()))


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]
