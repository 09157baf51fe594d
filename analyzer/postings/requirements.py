"""The rules that decide, for one skill mention in a posting, required or nice to have.

In order of precedence (the labelling policy of the shared posting corpus, ``labels.yaml``;
the marker list is that policy's plus the usual job-board variants):

1. **Negated** mentions are left out: "no PHP", "without Kubernetes", "we aren't going to use
   machine learning", "not using Java" (:func:`negated`).
2. **Nice to have** when its clause carries a marker (:data:`NICE_MARKERS`: plus, bonus, nice
   to have, preferred/preferably, ideally/ideal, advantage(ous), desirable, beneficial, "would
   be useful", "extra points", "very helpful", "good to have", "optional", "not required",
   "an asset", "welcome", "learn"/"grow new skills"), or when it sits in a nice-to-have
   section ("Bonus:", "Will be a plus:", "Preferred qualifications").
3. **Required** when it is in the title.
4. **Company stack**: in a stack, benefits or about-us section, in a Stack Overflow-style
   "Technologies" tag line, or in a clause that speaks of the company's own stack ("we use",
   "our stack", "we work with", "built with", "powered by") — nice to have when the posting has
   a separate requirements section, else required.
5. **Required** otherwise (requirements, qualifications, responsibilities: the person's own
   work, and the general text).

A skill mentioned several times takes the strongest of its mentions: required when any mention
is required. :func:`alternatives` groups "X or Y", "X and/or Y", "at least one of X, Y",
"e.g. X, Y", "such as X or Y" and same-kind "X/Y" into ``any_of`` groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["COMPANY_STACK", "NICE_MARKERS", "Seniority", "alternatives", "company_stack",
           "negated", "nice_marker", "seniority"]

NICE_MARKERS = re.compile(
    r"""(?ix)
      \b(?:a|big|huge|great|definite|strong|real|nice|major|clear)\s+plus\b
    | \bplus(?:es)?\b\s*(?:[:!]|$|if\b|points?\b)
    | \b(?:is|are|be|as)\s+(?:also\s+)?(?:a\s+)?plus\b
    | \bbonus(?:es)?\b
    | \bnice[\s-]+to[\s-]+haves?\b | \bnice\s+if\b | \bgood\s+to\s+have\b
    | \bpreferred\b | \bpreferabl[ey]\b | \bprefer(?:s)?\b
    | \bideal(?:ly)?\b(?!\s+(?:candidate|applicant|person|fit|match|role|team|place|environment))
    | \badvantage(?:ous)?\b | \bdesir(?:able|ed)\b | \bbeneficial\b
    | \bwould\s+be\s+(?:useful|great|nice|good|helpful|awesome|cool)\b
    | \bextra\s+(?:points?|credit)\b | \b(?:very\s+)?helpful\b
    | \boptional\b | \bnot\s+(?:a\s+)?(?:required|mandatory|must|requirement)\b
    | \b(?:an?\s+)?asset\b | \bwelcome[ds]?\b | \bappreciated\b | \bnot\s+a\s+must\b
    | \b(?:learn|willing(?:ness)?\s+to\s+learn|eager\s+to\s+learn|interest(?:ed)?\s+in\s+learning)\b
    | \bgrow\s+new\s+skills\b | \bexposure\s+to\b | \bkeen\s+to\b
    | \beven\s+better\b | \bstand\s+out\b | \bcherry\s+on\s+top\b | \bhighly\s+regarded\b
    """
)
"""Phrases that mark a clause's technologies as nice to have. ``ideal`` is one unless it is
"ideal candidate"/"ideal fit" (a requirements heading). Source: ``labels.yaml`` policy rule 5a,
plus "optional", "not required", "asset", "welcome", "exposure to", "learn" from job boards."""

COMPANY_STACK = re.compile(
    r"""(?ix)
      \bwe\s+(?:currently\s+|mainly\s+|mostly\s+|also\s+|heavily\s+)?(?:use|are\s+using|work\s+with|rely\s+on|run|build\s+with|build\s+on|love|leverage|have\s+been\s+using|deploy\s+(?:to|on))\b
    | \bwe(?:'re|’re)\s+(?:using|working\s+with|running|building\s+(?:on|with))\b
    | \b(?:our|the)\s+(?:current\s+|tech(?:nology)?\s+|technical\s+|main\s+|core\s+)?(?:stack|tech\s+stack|toolchain|tools|environment|platform\s+(?:runs|is\s+built))\b
    | \b(?:built|running|runs|powered|hosted)\s+(?:with|on|by|in)\b
    | \bour\s+(?:backend|services|systems|platform|infrastructure|code\s*base|codebase|apps?|products?)\s+(?:is|are|run|runs|uses|use)\b
    | \bcore\s+technologies\b | \btechnologies\s+we\s+use\b
    """
)
"""Phrases that present technologies as the company's own stack (policy rule 5c)."""

_NEGATION_BEFORE = re.compile(
    r"""(?ix)
      (?:\bno|\bnot|\bwithout|\bnever|\bzero)\s+(?:(?:more|longer|need\s+for|prior|any|the|using|use|of)\s+){0,2}$
    | \b(?:don't|do\s+not|doesn't|does\s+not|won't|will\s+not|aren't|are\s+not|isn't|is\s+not|not|never|no\s+longer)\s+
        (?:(?:going|planning|gonna)\s+to\s+)?(?:use|using|need|require|requiring|work(?:ing)?\s+with|touch|write|be\s+using)\s+(?:any\s+|the\s+)?
        (?:(?:[\w-]+[\s,]+){1,3}?(?:or|nor|and)\s+)?$
    """
)
_NOT_NEGATION = re.compile(r"(?i)\bno\s+(?:matter|doubt|problem)\b|\bnot\s+only\b|\bnot\s+just\b")


_FORWARD = re.compile(r"(?i)^(?:ideally|preferably|prefer|nice\s+if|bonus\s*(?::|points?|if)|plus\s*:|"
                      r"extra\s+(?:points?|credit)|even\s+better|exposure\s+to|learn|willing|eager|"
                      r"interest|grow\s+new\s+skills|keen\s+to|nice[\s-]+to[\s-]+haves?\s*:|good\s+to\s+have\s*:)")
_BACKWARD = re.compile(r"(?i)^(?:a|big|huge|great|definite|strong|real|nice|major|clear|is|are|be|as)\s|"
                       r"^(?:preferred|advantage|desir|beneficial|would|helpful|very|optional|not|an?\s+asset|"
                       r"asset|welcome|appreciated|ideal\b|stand\s+out|highly|cherry)")


def nice_marker(clause: str, span: tuple[int, int] | None = None,
                others: Sequence[tuple[int, int]] = ()) -> str | None:
    """The nice-to-have marker in a clause that applies to a mention, or None.

    ``span`` is the mention's ``(start, end)`` within ``clause`` and ``others`` the spans of
    every mention in the clause; without them any marker in the clause counts. A marker that
    leads ("ideally", "preferably", "Bonus:", "exposure to") applies to the mentions after it,
    one that trails ("is a plus", "preferred", "desirable", "an asset") to the mentions before
    it; a leading marker with nothing after it trails ("Kotlin, ideally") and a trailing one
    with nothing before it leads ("Preferred: Docker"). "plus", "bonus" and "nice to have"
    alone apply both ways.
    """
    for text, marker_start, marker_end, forward, backward in _markers(clause):
        if span is None:
            return text
        if forward == backward:
            forward = backward = True
        elif forward and not any(start >= marker_end for start, _ in others):
            forward, backward = False, True
        elif backward and not any(end <= marker_start for _, end in others):
            forward, backward = True, False
        if (forward and span[0] >= marker_end) or (backward and span[1] <= marker_start):
            return text
    return None


@lru_cache(maxsize=64)
def _markers(clause: str) -> tuple[tuple[str, int, int, bool, bool], ...]:
    """(text, start, end, leads, trails) of each nice-to-have marker in a clause; kept, since
    :func:`nice_marker` is asked once per mention and a clause can hold thousands."""
    found = []
    for match in NICE_MARKERS.finditer(clause):
        text = match.group(0).strip()
        found.append((text, match.start(), match.end(), bool(_FORWARD.match(text)),
                      bool(_BACKWARD.match(text))))
    return tuple(found)


@lru_cache(maxsize=64)
def company_stack(clause: str) -> str | None:
    """The phrase that presents the clause's technologies as the company's stack, or None."""
    match = COMPANY_STACK.search(clause)
    return match.group(0).strip() if match else None


_WORK_WITH = re.compile(
    r"(?i)\b(?:collaborat\w*|work(?:s|ing)?(?:\s+closely)?|partner(?:ing)?|liais\w*|coordinat\w*|"
    r"interfac\w*|alongside)\b[^.;:]{0,40}?\b(?:with|alongside|across)?\b[^.;:]{0,40}$")
TEAM_WORDS = frozenset({
    "frontend", "front-end", "front end", "backend", "back-end", "mobile", "ios", "android", "qa",
    "ops", "devops", "design", "designers", "data science", "product", "web", "sre", "security",
})
"""Disciplines a posting names as the teams the role works with ("Collaborate closely with other
engineers (frontend, backend, video and ops)"), not as skills it asks for."""


def colleague_team(before: str, surface: str) -> bool:
    """Whether a discipline word (:data:`TEAM_WORDS`) names a team the role works with: the
    clause before it says "collaborate / work closely / partner … with" within 80 characters."""
    return surface.casefold() in TEAM_WORDS and bool(_WORK_WITH.search(before[-80:]))


def negated(before: str) -> str | None:
    """The negation cue right before a mention ("no ", "we aren't going to use "), or None.

    ``before`` is the clause text up to the mention (or up to the first member of a list the
    mention belongs to, so "no PHP or Perl" leaves out both).
    """
    tail = before[-60:]
    if _NOT_NEGATION.search(tail):
        return None
    match = _NEGATION_BEFORE.search(tail)
    return match.group(0).strip() if match else None


# ------------------------------------------------------------------ alternatives

_JOINER = re.compile(r"(?i)^(?:[\s,/&|]|\band/or\b|\bor\b|\band\b|\bas\s+well\s+as\b|\beither\b|\bplus\b)*$")
_OR = re.compile(r"(?i)\bor\b|\band/or\b")
_CUE = re.compile(
    r"(?ix)(?:\be\.?\s?g\.?|\bsuch\s+as|\bfor\s+(?:example|instance)|\blike|\bincluding|"
    r"\b(?:at\s+least|one\s+or\s+more|any)\s+(?:one\s+)?of(?:\s+the\s+following)?|\bone\s+of|\beither)"
    r"[\s:(,]*$")
_ANY_CUE = re.compile(
    r"(?ix)(?:\be\.?\s?g\.?|\bfor\s+(?:example|instance)|"
    r"\b(?:at\s+least|one\s+or\s+more|any)\s+(?:one\s+)?of(?:\s+the\s+following)?|\bone\s+of|\beither)"
    r"[\s:(,]*$")


@dataclass(frozen=True)
class _Item:
    start: int
    end: int
    skill_id: str
    category: str


def alternatives(text: str, items: Sequence[_Item] | Sequence[tuple[int, int, str, str]]) -> list[list[int]]:
    """Groups of alternative mentions: lists of indexes into ``items``.

    ``items`` are ``(start, end, skill_id, category)`` character spans of accepted mentions in
    ``text``, in reading order. Consecutive mentions joined only by commas, slashes, "and",
    "or" and spaces form a run (a line break or any other word ends it). A run is an ``any_of``
    group when it has at least two different skills and either one joiner is "or"/"and/or",
    or an "e.g."/"for example"/"at least one of"/"one of"/"either" cue comes right before it,
    or its members are all joined by "/" and share one taxonomy category ("Kafka/RabbitMQ", not
    "MySQL/Redis/Memcached"). "such as"/"like" lists count only with an "or".
    """
    spans = [_Item(*i) if not isinstance(i, _Item) else i for i in items]
    groups: list[list[int]] = []
    run: list[int] = []

    def close() -> None:
        if len(run) >= 2 and len({spans[i].skill_id for i in run}) >= 2:
            gaps = [text[spans[a].end:spans[b].start] for a, b in zip(run, run[1:])]
            before = text[max(0, spans[run[0]].start - 40):spans[run[0]].start]
            has_or = any(_OR.search(g) for g in gaps) or bool(re.search(r"(?i)\beither\s*$", before))
            cue = bool(_ANY_CUE.search(before))
            slashes = all(g.strip() == "/" for g in gaps) and len({spans[i].category for i in run}) == 1
            if has_or or cue or slashes:
                groups.append(list(run))
        run.clear()

    for index, item in enumerate(spans):
        if run:
            gap = text[spans[run[-1]].end:item.start]
            if "\n" in gap or not _JOINER.match(gap) or len(gap) > 20:
                close()
        run.append(index)
    close()
    return groups


# ------------------------------------------------------------------ seniority

_LEVELS = (
    ("intern", r"\bintern(?:ship)?\b|\btrainee\b|\bwerkstudent\b|\bworking\s+student\b"),
    ("junior", r"\bjunior\b|\bjr\.?(?=\s)|\bentry[\s-]level\b|\bgraduate\b|\bassociate\b"),
    ("mid", r"\bmid(?:dle)?[\s-]*(?:level|senior)?\b|\bintermediate\b|\bregular\b"),
    ("senior", r"\bsenior\b|\bsr\.?(?=\s)|\bexperienced\b"),
    ("lead", r"\blead\b|\bstaff\b|\bprincipal\b|\barchitect\b|\bhead\s+of\b"),
)
_YEARS = re.compile(
    r"(?i)\b(?:at\s+least\s+|minimum\s+(?:of\s+)?|min\.?\s+)?(\d{1,2})\s*(?:\+|plus)?\s*"
    r"(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*(?:years?|yrs?)\b(?:\s+(?:of\s+)?(?:\w+\s+){0,4}?(?:experience|exp\b))?")
_LEVEL_FIELD = re.compile(r"(?i)\b(?:experience|seniority)\s+level\s*:?\s*((?:[\w-]+\s*){1,3})")


@dataclass(frozen=True)
class Seniority:
    """What the posting says about seniority.

    Attributes:
        level: ``intern`` | ``junior`` | ``mid`` | ``senior`` | ``lead`` (the highest named in the
            title or an "Experience level:" field), or None.
        years: the smallest "N+ years" of experience asked for (0–40), or None.
        evidence: ``(text, line)`` pairs, the deciding phrases.
    """

    level: str | None
    years: int | None
    evidence: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict:
        """JSON shape: ``{"level", "years", "evidence": [{"text", "line"}]}``."""
        return {"level": self.level, "years": self.years,
                "evidence": [{"text": t, "line": n} for t, n in self.evidence]}

    def label(self) -> str:
        """"Senior, 3+ years" / "3+ years" / "Senior" / "not stated"."""
        parts = ([self.level.capitalize()] if self.level else []) + (
            [f"{self.years}+ years"] if self.years is not None else [])
        return ", ".join(parts) or "not stated"


def seniority(title: str, lines: Sequence[str]) -> Seniority | None:
    """:class:`Seniority` from the title and the text lines, or None when nothing is said."""
    evidence: list[tuple[str, int]] = []
    level = None
    sources: list[tuple[str, int]] = [(title, 0)] if title else []
    for number, line in enumerate(lines, 1):
        field = _LEVEL_FIELD.search(line)
        if field:
            sources.append((field.group(0).strip(), number))
    for text, number in sources:
        found = [name for name, pattern in _LEVELS if re.search(pattern, text, re.I)]
        if found:
            level = found[-1] if level is None else max(level, found[-1], key=[n for n, _ in _LEVELS].index)
            evidence.append((text, number or 1))
    years = None
    for number, line in enumerate(lines, 1):
        for match in _YEARS.finditer(line):
            context = line[match.start():match.end() + 60].lower()
            value = int(match.group(1))
            asked = ("experience" in context or re.search(r"\bexp\b", context)
                     or re.match(r"(?i)(?:at\s+least|minimum|min)\b|\d{1,2}\s*(?:\+|plus)", match.group(0))
                     or re.match(r"\s+(?:with|in|using|of)\s+(?!age\b)", line[match.end():]))
            if not asked or "ago" in context[:len(match.group(0)) + 5] or not 0 < value <= 40:
                continue
            if years is None or value < years:
                years = value
            evidence.append((match.group(0).strip(), number))
            break
    if level is None and years is None:
        return None
    return Seniority(level, years, tuple(dict.fromkeys(evidence)))
