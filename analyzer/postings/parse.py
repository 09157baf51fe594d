"""A posting's text → :class:`Posting`: title, seniority, and every skill it asks for.

    taxonomy = load_taxonomy()
    posting = parse_posting(read_posting("backend.txt"), taxonomy)
    [(s.name, s.requirement, s.any_of) for s in posting.skills]
    # [("Python", "required", None), ("Go", "nice_to_have", 1), ...]

Skills are found with the project's own matcher (:class:`analyzer.skills.SkillMatcher`, the
taxonomy's names and aliases with its disambiguation rules), so "node" and "Node.js" are one
skill and "Python (primary)" is Python. Stack Overflow-style tag lines ("Technologies python
django amazon-web-services") are read tag by tag through :meth:`Taxonomy.lookup`. Sections and
clauses come from :mod:`analyzer.postings.sections`, the required / nice-to-have rules from
:mod:`analyzer.postings.requirements`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from analyzer.postings import requirements as rules
from analyzer.postings.read import PostingText
from analyzer.postings.sections import Clause, Section, clauses, find_sections, hangs
from analyzer.skills import SkillMatcher, shared_matcher
from analyzer.taxonomy import Taxonomy

__all__ = ["EXCLUDED_CATEGORIES", "Posting", "PostingEvidence", "PostingSkill", "parse_posting"]

EXCLUDED_CATEGORIES = frozenset({"soft_skills", "career", "portfolio"})
"""Taxonomy categories a posting's skill list leaves out: "team player", "communication" and
"experience" are read by a coach from the posting itself, not matched to evidence."""

REQUIRED, NICE = "required", "nice_to_have"
UNNAMED_FALLBACKS = frozenset({"web_framework"})
"""Skills that stand for a framework the text does not name ("web frameworks", "an MVC
framework"). A posting that names a member of the same requirement group asks for that one
("experience in web frameworks such as Django" asks for Django), so the fallback is left out."""
_STACK_SECTIONS = frozenset({"stack", "benefits", "about"})  # benefits only with "we use …"
_LIST_SECTIONS = frozenset({"requirements", "nice", "stack"})
_BULLET_MARK = re.compile(r"^\s*(?:[-*•▪●◦·–—]|\d+[.)])\s*")
_TAGS = re.compile(r"(?m)(?:^|(?<=\s))Technologies[ \t]*:?[ \t]*\n?"
                   r"((?:\.?[a-z0-9][a-z0-9.#+-]*)(?:[ \t]+\.?[a-z0-9][a-z0-9.#+-]*){0,14})"
                   r"(?=[ \t]*(?:\n|Job description\b|$))")
_TITLE_CUT = re.compile(r"\s*(?:<[A-Z]+>|\s[-–|]\s*<|\s\|\s|Date posted\b|\bat\s+<).*$")
_WORDS = re.compile(r"[^\W\d_]+")
_FOREIGN = frozenset("""der die das und mit für ist wir sie ein eine zu von im auf bei nicht oder auch
über sowie les et des du pour avec nous vous une est dans sur el los las y con para por es del que
het een van voor wij zijn ihre unser deine""".split())
"""Function words of German, French, Spanish and Dutch (the usual other languages of postings
pasted by mistake): a text with twice as many of these as English ones is not English."""
_COMPANY_VOICE = re.compile(r"(?i)\b(?:we|our|us|we're|we’re)\b")
_CANDIDATE_VOICE = re.compile(r"(?i)\b(?:you|your|you'll|you’ll|candidate|applicant)\b")
_ENGLISH = frozenset("the and of to in with for you we our a is are will be on as your this that "
                     "an or at by from have has it us who what".split())


@dataclass(frozen=True)
class PostingEvidence:
    """Where a posting names a skill: the clause's ``text`` (≤ 240 characters) and its 1-based ``line``."""

    text: str
    line: int

    def to_dict(self) -> dict:
        return {"text": self.text, "line": self.line}


@dataclass(frozen=True)
class PostingSkill:
    """One skill a posting asks for.

    Attributes:
        id, name, category: from the taxonomy.
        requirement: ``required`` | ``nice_to_have``.
        any_of: the number (1, 2 …) of the group of alternatives it belongs to, else None.
        evidence: the clauses naming it, in reading order.
        reason: the deciding rule, in words ("in the requirements", "marked 'is a plus'").
    """

    id: str
    name: str
    category: str
    requirement: str
    any_of: int | None
    evidence: tuple[PostingEvidence, ...]
    reason: str

    def to_dict(self) -> dict:
        """JSON shape of ``jobready posting``: id, name, requirement, any_of, evidence, reason."""
        return {"id": self.id, "name": self.name, "category": self.category,
                "requirement": self.requirement, "any_of": self.any_of,
                "evidence": [e.to_dict() for e in self.evidence], "reason": self.reason}


@dataclass(frozen=True)
class Posting:
    """A parsed job posting.

    Attributes:
        name: the file name or "pasted text".
        title: the job title (first line, HTML ``<h1>``/``<title>``), or None.
        seniority: :class:`analyzer.postings.requirements.Seniority`, or None when not stated.
        skills: required skills first, then nice to have; each in reading order.
        has_requirements: whether the posting has its own requirements section (policy rule 5c/d).
        warnings: one sentence each ("nothing technical was found …").
        text: the posting's text (for the text similarity).
    """

    name: str
    title: str | None
    seniority: rules.Seniority | None
    skills: tuple[PostingSkill, ...]
    has_requirements: bool
    warnings: tuple[str, ...]
    text: str = field(default="", repr=False, compare=False)

    def skill(self, skill_id: str) -> PostingSkill | None:
        return next((s for s in self.skills if s.id == skill_id), None)

    def to_dict(self) -> dict:
        """The JSON of ``jobready posting``: title, seniority, skills, warnings (and source)."""
        return {
            "source": self.name,
            "title": self.title,
            "seniority": self.seniority.to_dict() if self.seniority else None,
            "has_requirements_section": self.has_requirements,
            "skills": [s.to_dict() for s in self.skills],
            "warnings": list(self.warnings),
        }


@dataclass
class _Mention:
    start: int
    end: int
    skill_id: str
    surface: str
    tag: bool = False  # from a "Technologies" tag line


def parse_posting(text: PostingText, taxonomy: Taxonomy, matcher: SkillMatcher | None = None) -> Posting:
    """Read a posting's title, seniority and skills (required / nice to have / any_of).

    Args:
        text: from :func:`analyzer.postings.read.read_posting` or ``posting_from_text``.
        taxonomy: the loaded taxonomy.
        matcher: a compiled matcher for ``taxonomy`` (default: the one the process shares,
            :func:`analyzer.skills.shared_matcher`, so résumé and posting compile it once).

    Returns:
        A :class:`Posting`; never raises on odd text (a posting with no technology gets a
        warning instead).
    """
    if matcher is None:
        matcher = shared_matcher(taxonomy)
    lines = list(text.lines)
    full = "\n".join(lines)
    title, title_end = _title(text, lines)
    sections = find_sections(full, title_end)
    mentions = _mentions(full, lines, matcher, taxonomy, sections)
    parts = clauses(full, sections, [(m.start, m.end) for m in mentions])
    has_requirements = any(s.kind == "requirements" for s in sections)
    title_mentions = ({m.skill_id for m in matcher.mentions(title, "skills")} if title else set())

    starts = [c.start for c in parts]
    # skill id → (requirement, reason, clause, from the company's stack rather than its asks)
    decided: dict[str, list[tuple[str, str, Clause, bool]]] = {}
    order: list[str] = []
    negated_runs: set[int] = set()
    in_clauses: dict[int, list[tuple[int, int]]] = {}
    groups = rules.alternatives(full, [(m.start, m.end, m.skill_id, taxonomy.skill(m.skill_id).category)
                                       for m in mentions])
    first_of_group = {i: g[0] for g in groups for i in g}
    for index, mention in enumerate(mentions):
        clause = _clause_of(parts, starts, mention.start)
        if clause is None:
            continue
        if mention.start < title_end:
            continue  # title mentions are handled below
        section = clause.section
        if section == "header" and not mention.tag:
            continue  # "Industry: Agile Software Development", "Role: Full Stack Developer"
        if section == "benefits" and not rules.company_stack(clause.text):
            continue  # perks ask for nothing: "EAP", "Udemy courses", "latest MacBook"
        first = mentions[first_of_group.get(index, index)]
        before = full[max(clause.start, first.start - 60):first.start] if first is not mention else \
            full[max(clause.start, mention.start - 60):mention.start]
        if not mention.tag and (rules.negated(before) or first_of_group.get(index) in negated_runs):
            negated_runs.add(first_of_group.get(index, index))
            continue
        if clause.start not in in_clauses:  # once per clause: a clause can hold thousands
            in_clauses[clause.start] = [(m.start - clause.start, m.end - clause.start) for m in mentions
                                        if clause.start <= m.start < clause.end + 1]
        in_clause = in_clauses[clause.start]
        requirement, reason = _decide(mention, clause, has_requirements, in_clause)
        if mention.skill_id not in decided:
            order.append(mention.skill_id)
        stack = mention.tag or clause.section in _STACK_SECTIONS
        decided.setdefault(mention.skill_id, []).append((requirement, reason, clause, stack))
    for skill_id in title_mentions:
        if skill_id not in decided:
            order.insert(0, skill_id)
        decided.setdefault(skill_id, []).insert(
            0, (REQUIRED, "in the title", Clause(0, title_end, title or "", "title", 1), False))

    order = _without_named_fallbacks(order, taxonomy)
    group_of = _group_numbers(groups, mentions, decided, taxonomy)
    skills = []
    for skill_id in order:
        skill = taxonomy.skill(skill_id)
        if skill.category in EXCLUDED_CATEGORIES:
            continue
        found = decided[skill_id]
        required = [f for f in found if f[0] == REQUIRED]
        same = required or [f for f in found if f[0] == found[0][0]]
        # what the posting asks decides before its stack ("Python or Go are ideal" says why Go is
        # nice to have; a "Technologies: … go …" tag line only that the company uses it)
        requirement, reason = next((f for f in same if not f[3]), same[0])[:2]
        # the deciding clauses first, the posting's own words before its tag line
        deciding = sorted(found, key=lambda f: (f[0] != requirement, f[3]))
        evidence = tuple(dict.fromkeys(PostingEvidence(_excerpt(f[2].text), f[2].line) for f in deciding))
        skills.append(PostingSkill(skill.id, skill.name, skill.category, requirement,
                                   group_of.get(skill_id), evidence, reason))
    skills.sort(key=lambda s: s.requirement != REQUIRED)
    warnings = _warnings(text, lines, skills, taxonomy)
    return Posting(text.name, title, rules.seniority(title or "", lines), tuple(skills),
                   has_requirements, tuple(warnings), full)


# ------------------------------------------------------------------ steps


def _without_named_fallbacks(order: list[str], taxonomy: Taxonomy) -> list[str]:
    """``order`` less each :data:`UNNAMED_FALLBACKS` skill when another member of one of its
    requirement groups is also in it."""
    found = set(order)
    dropped = {
        fallback for fallback in UNNAMED_FALLBACKS & found
        if any(found & (set(g.any_of) - {fallback}) for g in taxonomy.groups if fallback in g.any_of)
    }
    return [skill_id for skill_id in order if skill_id not in dropped]


def _title(text: PostingText, lines: Sequence[str]) -> tuple[str | None, int]:
    """The title and how many characters of the joined text it takes (0 for an HTML hint)."""
    if text.title_hint:
        hint = text.title_hint.strip().rstrip(":").strip()
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None and lines[first].strip().rstrip(":").strip() == hint:
            return hint, sum(len(line) + 1 for line in lines[:first]) + len(lines[first])
        return hint[:120], 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        cleaned = _TITLE_CUT.sub("", re.sub(r"^[#*\s]+|[*\s]+$", "", stripped)).strip().rstrip(":")
        offset = sum(len(li) + 1 for li in lines[:index])
        if not cleaned or len(cleaned) > 120 or cleaned.endswith((".", "!", "?")) and len(cleaned) > 60:
            return None, 0
        return cleaned, offset + line.find(cleaned[:20]) + len(cleaned) if cleaned[:20] in line else offset + len(line)
    return None, 0


def _mentions(full: str, lines: Sequence[str], matcher: SkillMatcher, taxonomy: Taxonomy,
              sections: Sequence[Section]) -> list[_Mention]:
    """Accepted mentions over the whole text (line by line), plus tag-line tags.

    A line is read as a skills list (so "Go" or "Spring" count without other context) when it
    is a label line ("Tech stack: …") or a short item (≤ 4 words) of a requirements,
    nice-to-have or stack section.
    """
    found: list[_Mention] = []
    tag_spans: list[tuple[int, int]] = []
    for match in _TAGS.finditer(full):
        body_start = match.start(1)
        for tag in re.finditer(r"\S+", match.group(1)):
            skill = _tag_skill(tag.group(0), taxonomy)
            tag_spans.append((body_start + tag.start(), body_start + tag.end()))
            if skill:
                found.append(_Mention(body_start + tag.start(), body_start + tag.end(), skill, tag.group(0), tag=True))
    offset = 0
    # lines that hang ("(e.g." / "such as" at the end) are read with the next one; a space
    # in place of the newline keeps every offset
    logical = _logical_lines(lines)
    starts = [s.start for s in sections]
    labelled, position = [], 0
    for line in logical:
        index = bisect_right(starts, position) - 1
        kind = sections[index].kind if index >= 0 else "general"
        item = _BULLET_MARK.sub("", line).strip()
        listed = _is_label_line(line) or (kind in _LIST_SECTIONS and 0 < len(item.split()) <= 4)
        labelled.append((line, "skills" if listed else None))
        position += len(line) + 1
    for line, mentions in zip(logical, matcher.mentions_in(labelled)):
        for m in mentions:
            start, end = offset + m.start_char, offset + m.end_char
            if any(a <= start < b for a, b in tag_spans):
                continue
            found.append(_Mention(start, end, m.skill_id, m.surface))
        offset += len(line) + 1
    found.sort(key=lambda m: m.start)
    return found


def _logical_lines(lines: Sequence[str]) -> list[str]:
    """Lines with each hanging line joined to the next by a space (same total length)."""
    joined: list[str] = []
    for line in lines:
        if joined and hangs(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _tag_skill(tag: str, taxonomy: Taxonomy) -> str | None:
    """A Stack Overflow tag as a skill id: "node.js", "amazon-web-services", "reactjs", ".net"."""
    variants = [tag, tag.replace("-", " "), tag.replace("-", ""), re.sub(r"js$", ".js", tag),
                re.sub(r"js$", "", tag), tag.replace("-", ".")]
    for variant in variants:
        skill = taxonomy.lookup(variant)
        if skill:
            return skill.id
    return None


_LABEL_LINE = re.compile(r"(?i)^\W*(?:tech(?:nolog(?:y|ies))?(?:\s+stack)?|stack|tools?|languages?|"
                         r"frameworks?|databases?|skills|environment|tools\s*(?:&|and)\s*services)\s*:")


def _is_label_line(line: str) -> bool:
    return bool(_LABEL_LINE.match(line))


def _clause_of(parts: Sequence[Clause], starts: Sequence[int], position: int) -> Clause | None:
    index = bisect_right(starts, position) - 1
    if index < 0:
        return None
    clause = parts[index]
    return clause if clause.start <= position < clause.end + 1 else None


def _decide(mention: _Mention, clause: Clause, has_requirements: bool,
            others: Sequence[tuple[int, int]] = ()) -> tuple[str, str]:
    """(requirement, reason) for one mention, by the rules of :mod:`requirements`.

    ``others`` are the spans of every mention in the clause (clause-relative).
    """
    span = (mention.start - clause.start, mention.end - clause.start)
    marker = rules.nice_marker(clause.text, span, others or (span,))
    if marker and not mention.tag:
        return NICE, f"marked “{marker}”"
    if rules.colleague_team(clause.text[:span[0]], clause.text[span[0]:span[1]]):
        return NICE, "names a team the role works with, not a skill it asks for"
    if clause.section == "nice":
        return NICE, "in the nice-to-have section"
    stack = "a Technologies tag line" if mention.tag else (
        f"the {clause.section} section" if clause.section in _STACK_SECTIONS else None)
    phrase = rules.company_stack(clause.text)
    if not phrase and clause.section == "general" and _company_voice(clause.text):
        phrase = "the company's own words"
    if stack or (phrase and clause.section not in ("requirements",)):
        where = stack or f"“{phrase}”"
        if has_requirements:
            return NICE, f"only the company's stack ({where}), not in the requirements"
        return REQUIRED, f"the company's stack ({where}); the posting has no separate requirements"
    if clause.section == "requirements":
        return REQUIRED, "in the requirements"
    if clause.section == "responsibilities":
        return REQUIRED, "in the responsibilities"
    return REQUIRED, "named in the posting"


@lru_cache(maxsize=64)
def _company_voice(text: str) -> bool:
    """Whether a clause speaks as the company ("we", "our") and not to the candidate."""
    return bool(_COMPANY_VOICE.search(text)) and not _CANDIDATE_VOICE.search(text)


def _group_numbers(groups, mentions, decided, taxonomy) -> dict[str, int]:
    """Skill id → any_of group number (1-based, reading order), kept skills only."""
    numbers: dict[str, int] = {}
    count = 0
    for group in groups:
        ids = [mentions[i].skill_id for i in group if mentions[i].skill_id in decided]
        ids = [i for i in dict.fromkeys(ids) if i not in numbers
               and taxonomy.skill(i).category not in EXCLUDED_CATEGORIES]
        if len(ids) < 2:
            continue
        count += 1
        numbers.update({i: count for i in ids})
    return numbers


@lru_cache(maxsize=256)
def _excerpt(text: str, limit: int = 240) -> str:
    # kept: every mention of a clause quotes it, and a clause can hold thousands
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _warnings(text: PostingText, lines: Sequence[str], skills: Sequence[PostingSkill], taxonomy: Taxonomy) -> list[str]:
    warnings = []
    words = [w.lower() for w in _WORDS.findall(" ".join(lines))]
    english = sum(w in _ENGLISH for w in words)
    foreign = sum(w in _FOREIGN for w in words)
    if (len(words) >= 20 and english / len(words) < 0.05) or (foreign >= 3 and foreign > 2 * english):
        warnings.append(f"{text.name} does not look like English: jobready reads English postings, "
                        "so the skills below may be incomplete.")
    technical = [s for s in skills if s.category not in ("education", "certifications")]
    if not technical:
        warnings.append(f"Nothing technical was found in {text.name}: check that it is a job "
                        "posting for a software role, in English.")
    return warnings
