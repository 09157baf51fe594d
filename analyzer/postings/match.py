"""A candidate against one posting: per skill a status with evidence, a score, projects.

    match = match_posting(posting, profile, taxonomy)
    match.score, match.formula        # 62.5, "100 × (2 × 3.3 + 1 × 1.5) / (2 × 5 + 1 × 3) = 62.5"

**Status** of each posting skill, from the candidate's :class:`analyzer.scoring.Profile`:

==================  ============================================================  ======
status              when                                                           credit
==================  ============================================================  ======
``shown_in_code``   a repository shows it (a dependency, a Dockerfile, a test …)   1.0
``used``            a work, project or volunteer bullet uses it                    0.8–0.9
``listed``          named in a skills list, summary or header                      0.5
``implied``         never named, but implied by a skill that is (Django ⇒ Python)  that skill's
``missing``         none of the above                                              0
==================  ============================================================  ======

Credits are the profile's strength factors (:data:`analyzer.scoring.profile.STRENGTH_FACTOR`: listed 0.5,
applied 0.8, quantified 0.9, demonstrated 1.0; an implied skill takes the factor of the skill
implying it, 0.4 when that skill is only listed), so the match and the readiness score read evidence the same way.

**Score** in [0, 100]. Units are single skills and ``any_of`` groups (a group counts once, with
the best credit among its members, and is required when any member is)::

    score = 100 × (W_req × Σ credit of required units + W_nice × Σ credit of nice-to-have units)
                / (W_req × number of required units + W_nice × number of nice-to-have units)

with ``W_req = 2`` and ``W_nice = 1`` (:data:`REQUIRED_WEIGHT`, :data:`NICE_WEIGHT`: our own
choice — a required item counts twice a nice one, the usual "must / plus" split of job ads;
a coach can read the formula and argue with it). The formula is printed with the numbers.

**Projects**: every missing required skill (not covered by an ``any_of`` partner) gets a
catalog project that closes it — one whose skills, upgrades or exercised requirement groups
include it — phrased in the candidate's stack (or, for a missing language or framework, in
that skill's own stack), with its upgrades, the ones that close missing skills first. A greedy
cover: the project closing the most missing required skills is picked first.
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.evidence import Evidence
from analyzer.postings.parse import NICE, REQUIRED, Posting, PostingEvidence
from analyzer.scoring.profile import Profile, ProfileSkill, candidate_stack
from analyzer.scoring.projects import level_allows
from analyzer.taxonomy import Project, Taxonomy

__all__ = ["NICE_WEIGHT", "REQUIRED_WEIGHT", "STATUSES", "Match", "MatchItem", "MatchProject",
           "match_candidate", "match_posting"]

REQUIRED_WEIGHT = 2.0
NICE_WEIGHT = 1.0
STATUSES = ("shown_in_code", "used", "listed", "implied", "missing")
"""Statuses from strongest to weakest."""

STATUS_LABELS = {"shown_in_code": "shown in code", "used": "used", "listed": "listed",
                 "implied": "implied", "missing": "missing"}
_STACK_CATEGORIES = frozenset({"languages", "frameworks", "runtimes"})
MAX_PROJECTS = 3
_TOOL_CATEGORIES = frozenset({"languages", "frameworks", "runtimes", "databases", "orm", "cloud",
                              "devops", "messaging", "caching", "testing", "observability", "apis",
                              "security", "servers_hosting", "version_control"})


@dataclass(frozen=True)
class MatchItem:
    """One posting skill and where the candidate stands on it.

    Attributes:
        id, name, requirement (``required`` | ``nice_to_have``), any_of: from the posting.
        status: one of :data:`STATUSES`.
        credit: in [0, 1] (see the module docstring).
        evidence: the candidate's evidence, strongest first (empty when implied or missing).
        implied_by: names of the candidate's skills that imply it (status ``implied``).
        covered_by: for a missing member of an ``any_of`` group, the partner that meets the
            group, else None.
        posting_evidence: where the posting asks for it.
        reason: why the posting asks for it this way ("marked “is a plus”").
    """

    id: str
    name: str
    requirement: str
    any_of: int | None
    status: str
    credit: float
    evidence: tuple[Evidence, ...]
    implied_by: tuple[str, ...]
    covered_by: str | None
    posting_evidence: tuple[PostingEvidence, ...]
    reason: str

    def explanation(self) -> str:
        """One sentence: "Used: Built the REST API in FastAPI (work)." / "Missing."."""
        if self.status == "implied":
            return f"Implied by {', '.join(self.implied_by)}."
        if self.status == "missing":
            return f"Missing; the any-of group is met by {self.covered_by}." if self.covered_by else "Missing."
        first = self.evidence[0]
        where = first.path or first.section or first.source
        return f"{STATUS_LABELS[self.status].capitalize()}: {first.text} ({where})."

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "requirement": self.requirement,
            "any_of": self.any_of, "status": self.status, "credit": round(self.credit, 3),
            "evidence": [e.to_dict() for e in self.evidence],
            "implied_by": list(self.implied_by), "covered_by": self.covered_by,
            "posting_evidence": [e.to_dict() for e in self.posting_evidence],
            "reason": self.reason, "explanation": self.explanation(),
        }


@dataclass(frozen=True)
class MatchProject:
    """A catalog project that closes missing required skills.

    ``closes`` are skill names, ``upgrades`` upgrade texts (those closing a missing skill first).
    """

    id: str
    title: str
    difficulty: str
    brief: str
    stack: tuple[str, ...]
    closes: tuple[str, ...]
    upgrades: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "difficulty": self.difficulty,
                "brief": self.brief, "stack": list(self.stack), "closes": list(self.closes),
                "upgrades": list(self.upgrades)}


@dataclass(frozen=True)
class Match:
    """The candidate against one posting.

    Attributes:
        posting: the parsed posting.
        items: missing required first, then the other required, then missing nice to have,
            then the other nice to have; each group in posting order.
        score: in [0, 100], one decimal; formula: the same with the numbers filled in.
        required_met, required_total, nice_met, nice_total: units (skills or groups) with
            credit > 0, and all units.
        projects: up to three :class:`MatchProject`.
        uncovered: missing required skill names no catalog project closes.
        similarity: TF-IDF cosine posting ↔ résumé in [0, 1], a second signal never mixed into
            ``score`` (None without a résumé text or a model); similarity_note says what it is.
    """

    posting: Posting
    items: tuple[MatchItem, ...]
    score: float
    formula: str
    required_met: int
    required_total: int
    nice_met: int
    nice_total: int
    projects: tuple[MatchProject, ...]
    uncovered: tuple[str, ...]
    similarity: float | None = None
    similarity_note: str | None = None

    def to_dict(self) -> dict:
        """The report's ``match`` object (see ``report.schema.json``)."""
        posting = self.posting
        return {
            "posting": {"source": posting.name, "title": posting.title,
                        "seniority": posting.seniority.to_dict() if posting.seniority else None,
                        "warnings": list(posting.warnings)},
            "score": self.score,
            "formula": self.formula,
            "required": {"met": self.required_met, "total": self.required_total},
            "nice_to_have": {"met": self.nice_met, "total": self.nice_total},
            "items": [i.to_dict() for i in self.items],
            "projects": [p.to_dict() for p in self.projects],
            "uncovered": list(self.uncovered),
            "similarity": None if self.similarity_note is None else {
                "cosine": None if self.similarity is None else round(self.similarity, 3),
                "note": self.similarity_note},
        }


def _status(found: ProfileSkill | None) -> tuple[str, float]:
    if found is None or found.factor <= 0:
        return "missing", 0.0
    if not found.evidence:
        return "implied", found.factor
    sources = {e.source for e in found.evidence}
    strengths = {e.strength for e in found.evidence}
    if sources & {"github", "repo"} or "demonstrated" in strengths:
        status = "shown_in_code"
    elif strengths & {"applied", "quantified"}:
        status = "used"
    else:
        status = "listed"
    return status, found.factor


def match_posting(posting: Posting, profile: Profile, taxonomy: Taxonomy, *,
                  similarity: float | None = None, similarity_note: str | None = None,
                  level: str | None = None) -> Match:
    """Match a parsed posting to a candidate's profile (see the module docstring).

    Args:
        posting: from :func:`analyzer.postings.parse_posting`.
        profile: the candidate's merged profile (résumé and/or code).
        taxonomy: the taxonomy both were read with.
        similarity, similarity_note: the TF-IDF second signal, carried into the result as is.
        level: the candidate's level for advice (``beginner`` | ``intermediate`` | ``advanced``);
            projects below it are not offered (:func:`analyzer.scoring.projects.level_allows`).
            None offers every level.
    """
    items: list[MatchItem] = []
    for skill in posting.skills:
        found = profile.get(skill.id)
        status, credit = _status(found)
        implied_by = tuple(taxonomy.skill(s).name for s in found.implied_by) if found and status == "implied" else ()
        items.append(MatchItem(skill.id, skill.name, skill.requirement, skill.any_of, status, credit,
                               found.evidence if found and status != "implied" else (), implied_by,
                               None, skill.evidence, skill.reason))
    # any_of: the group is met once, by its best member
    best: dict[int, MatchItem] = {}
    for item in items:
        if item.any_of is not None and (item.any_of not in best or item.credit > best[item.any_of].credit):
            best[item.any_of] = item
    items = [MatchItem(**{**i.__dict__, "covered_by": best[i.any_of].name})
             if i.any_of is not None and i.status == "missing" and best[i.any_of].credit > 0 else i
             for i in items]

    units: dict[object, tuple[str, float]] = {}
    for item in items:
        key = ("group", item.any_of) if item.any_of is not None else ("skill", item.id)
        requirement, credit = units.get(key, (NICE, 0.0))
        units[key] = (REQUIRED if REQUIRED in (requirement, item.requirement) else NICE, max(credit, item.credit))
    req = [c for r, c in units.values() if r == REQUIRED]
    nice = [c for r, c in units.values() if r == NICE]
    numerator = REQUIRED_WEIGHT * sum(req) + NICE_WEIGHT * sum(nice)
    denominator = REQUIRED_WEIGHT * len(req) + NICE_WEIGHT * len(nice)
    score = round(100 * numerator / denominator, 1) if denominator else 0.0
    formula = (f"100 × ({REQUIRED_WEIGHT:g} × {sum(req):.2f} + {NICE_WEIGHT:g} × {sum(nice):.2f}) / "
               f"({REQUIRED_WEIGHT:g} × {len(req)} + {NICE_WEIGHT:g} × {len(nice)}) = {score:g}"
               if denominator else "no skills to match: score 0")

    def order(item: MatchItem) -> tuple[int, int]:
        gap = item.status == "missing" and item.covered_by is None
        return (0 if item.requirement == REQUIRED else 2) + (0 if gap else 1), STATUSES.index(item.status)

    items.sort(key=order)
    missing = [i.id for i in items if i.requirement == REQUIRED and i.status == "missing" and i.covered_by is None]
    projects, uncovered = _projects(missing, profile, taxonomy, level)
    return Match(posting, tuple(items), score, formula,
                 sum(c > 0 for c in req), len(req), sum(c > 0 for c in nice), len(nice),
                 projects, uncovered, similarity, similarity_note)


def match_candidate(posting: Posting, profile: Profile, taxonomy: Taxonomy,
                    resume_text: str | None, level: str | None = None) -> Match:
    """:func:`match_posting` plus the TF-IDF similarity of the posting and ``resume_text``
    (:mod:`analyzer.postings.similarity`; None without a résumé or when the saved model is
    missing or out of step, and the note says which)."""
    from analyzer.postings.similarity import NOTE, load_model

    if not resume_text or not resume_text.strip():
        return match_posting(posting, profile, taxonomy, similarity=None, level=level,
                             similarity_note="No résumé text, so no text similarity.")
    model = load_model()
    if model is None:
        return match_posting(posting, profile, taxonomy, similarity=None, level=level, similarity_note=(
            "The text-similarity model is missing or out of step: rebuild it with "
            "`python -m analyzer.postings.similarity build`."))
    return match_posting(posting, profile, taxonomy, similarity=model.cosine(posting.text, resume_text),
                         similarity_note=NOTE, level=level)


def _closes(project: Project, skill_id: str, taxonomy: Taxonomy) -> float:
    """How directly a project closes a skill: 2 in its skills, 1.5 by an upgrade, 1 through a
    requirement group it exercises that lists the skill, else 0."""
    if skill_id in project.skills:
        return 2.0
    if any(u.skill == skill_id for u in project.upgrades):
        return 1.5
    groups = {g.id: g for g in taxonomy.groups}
    if any(skill_id in groups[g].any_of for g in project.exercises if g in groups):
        return 1.0
    return 0.0


def _projects(missing: list[str], profile: Profile, taxonomy: Taxonomy,
              level: str | None = None) -> tuple[tuple[MatchProject, ...], tuple[str, ...]]:
    """Greedy cover of the missing required skills by catalog projects at the candidate's level
    (module docstring)."""
    open_ids = list(missing)
    stack = candidate_stack(profile, taxonomy)
    picked: list[MatchProject] = []
    candidates = [p for p in taxonomy.projects if level is None or level_allows(p.difficulty, level)]
    while open_ids and candidates and len(picked) < MAX_PROJECTS:
        scored = [(sum(_closes(p, s, taxonomy) for s in open_ids), -i, p) for i, p in enumerate(candidates)]
        value, _, project = max(scored, key=lambda t: (t[0], t[1]))
        if value <= 0:
            break
        candidates.remove(project)
        closes = [s for s in open_ids if _closes(project, s, taxonomy) > 0]
        open_ids = [s for s in open_ids if s not in closes]
        picked.append(_phrase(project, closes, stack, taxonomy))
    return tuple(picked), tuple(taxonomy.skill(s).name for s in open_ids)


def _phrase(project: Project, closes: list[str], stack, taxonomy: Taxonomy) -> MatchProject:
    """The project in the candidate's stack, or in the missing language/framework's stack."""
    ids = list(stack.ids())
    for skill_id in closes:
        skill = taxonomy.skill(skill_id)
        if skill.category in _STACK_CATEGORIES:
            own = taxonomy.stacks.get(skill_id)
            if own is not None:
                ids = [own.language, own.frameworks[0] if own.frameworks else None, own.database, own.testing]
            elif skill.category == "frameworks":
                language = next((s.language for s in taxonomy.stacks.values() if skill_id in s.frameworks), None)
                ids = [language or (ids[0] if ids else None), skill_id, *ids[2:]]
            break
    ids = [s for s in ids if s]
    for skill_id in closes:  # a missing database or test tool takes the place of the stack's own
        category = taxonomy.skill(skill_id).category
        if category in ("databases", "testing") and skill_id not in ids:
            same = next((i for i, s in enumerate(ids) if taxonomy.skill(s).category == category), None)
            if same is not None:
                ids[same] = skill_id
    base = tuple(dict.fromkeys(taxonomy.skill(s).name for s in ids))
    added = tuple(taxonomy.skill(s).name for s in closes  # the missing tools join the stack
                  if s not in ids and taxonomy.skill(s).category in _TOOL_CATEGORIES)
    names = tuple(dict.fromkeys(base + added))
    shown = tuple(dict.fromkeys(base[1:3] + added)) or base
    title = f"{project.title} — {' + '.join(shown)}" if shown else project.title
    closing = [u.text for u in project.upgrades if u.skill in closes]
    upgrades = tuple(dict.fromkeys(closing + [u.text for u in project.upgrades]))[:4]
    return MatchProject(project.id, title, project.difficulty, project.brief, names,
                        tuple(taxonomy.skill(s).name for s in closes), upgrades)
