"""Suggested projects: the few catalog projects that close the most important gaps.

Selection is greedy set cover over the gaps (see :mod:`analyzer.scoring.gaps`):

    value(project) = fit × ( Σ importance of open gaps the project exercises
                             + ½ Σ importance of open gaps its upgrades close )
    fit = 1 / (1 + |project level − candidate level|)

where levels are beginner 0, intermediate 1, advanced 2, and the candidate's level is
:func:`analyzer.scoring.experience.advice_level`: the higher of what overall readiness says
(under 40 beginner, under 70 intermediate, else advanced: our own cut-offs, so that a
newcomer is not sent to build microservices first) and what seniority allows (a mid-level
engineer is at least intermediate, a senior one advanced). Beginner projects are offered to
beginners only, and nothing more than one level below the candidate: a senior engineer whose
résumé leaves areas out gets advanced (at most intermediate) projects, never beginner ones. After each pick, the gaps it closes are no
longer open. Each suggestion is phrased in the candidate's own stack (a Python + FastAPI
candidate gets a FastAPI version, a TypeScript + Express one an Express version); a project
meant to close a relational-database gap uses the stack's relational default when the
candidate's own database is a document store.
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.scoring.experience import readiness_level
from analyzer.scoring.gaps import Gap
from analyzer.scoring.profile import CandidateStack
from analyzer.taxonomy.loader import Project, Taxonomy

LEVELS = ("beginner", "intermediate", "advanced")
MAX_SUGGESTIONS = 3
UPGRADE_SHARE = 0.5


@dataclass(frozen=True)
class Suggestion:
    """One suggested project.

    Attributes:
        id: catalog project id.
        title: the project's title in the candidate's stack ("Login API — FastAPI + PostgreSQL").
        difficulty: ``beginner`` | ``intermediate`` | ``advanced``.
        brief: what to build, from the catalog.
        stack: skill names the version should use, in order.
        closes: requirement group ids it closes, most important first.
        upgrades: upgrade texts worth doing because they close a gap or make it stand out.
        why: one sentence saying why it was chosen.
        value: selection value (see module docstring), ≥ 0.
    """

    id: str
    title: str
    difficulty: str
    brief: str
    stack: tuple[str, ...]
    closes: tuple[str, ...]
    upgrades: tuple[str, ...]
    why: str
    value: float


CODE_GROUPS = frozenset({"backend_language", "backend_framework", "api_style", "relational_database"})
"""A project exercising one of these is code, so its title names the candidate's stack."""


def _article(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _title(project: Project, stack_names: tuple[str, ...]) -> str:
    if CODE_GROUPS.isdisjoint(project.exercises) or not stack_names:
        return project.title
    return f"{project.title} — {' + '.join(stack_names[1:3] or stack_names)}"


def _stack_for(project: Project, stack: CandidateStack, taxonomy: Taxonomy) -> tuple[str, ...]:
    """Skill names of the stack a project is built in (relational default for relational work)."""
    ids = list(stack.ids())
    if ("relational_database" in project.exercises and stack.database
            and "sql" not in taxonomy.implied([stack.database]) and stack.language in taxonomy.stacks):
        ids[ids.index(stack.database)] = taxonomy.stacks[stack.language].database
    return tuple(taxonomy.skill(s).name for s in dict.fromkeys(ids))


def candidate_level(score: float) -> str:
    """Level for an overall readiness in [0, 100] alone (see :func:`readiness_level`)."""
    return readiness_level(score)


def _upgrade_groups(project: Project, taxonomy: Taxonomy) -> dict[str, str]:
    """Requirement group id -> upgrade text, for the groups the upgrades touch."""
    found: dict[str, str] = {}
    for upgrade in project.upgrades:
        for group in taxonomy.groups:
            if upgrade.skill in group.any_of:
                found.setdefault(group.id, upgrade.text)
    return found


def level_allows(difficulty: str, level: str) -> bool:
    """Whether a project of ``difficulty`` may be offered at ``level`` (both in :data:`LEVELS`).

    Beginner projects are for beginners only, and nothing is more than one level below the
    candidate: no to-do API for a mid-level or senior engineer.
    """
    rank = LEVELS.index(level)
    lowest = 0 if rank == 0 else max(1, rank - 1)
    return LEVELS.index(difficulty) >= lowest


def suggest_projects(
    gaps: tuple[Gap, ...],
    stack: CandidateStack,
    taxonomy: Taxonomy,
    overall: float,
    limit: int = MAX_SUGGESTIONS,
    *,
    level: str | None = None,
    level_reason: str | None = None,
) -> tuple[Suggestion, ...]:
    """Pick up to ``limit`` projects from the catalog (see the module docstring).

    Args:
        gaps: open gaps, most important first.
        stack: the candidate's stack, to phrase titles in.
        taxonomy: the catalog.
        overall: overall readiness in [0, 100].
        limit: at most this many suggestions.
        level: the candidate's level (beginner | intermediate | advanced); default the
            readiness level of ``overall``.
        level_reason: how the level was reached, quoted in each ``why``
            (default "an overall readiness of …").
    """
    level_name = level or candidate_level(overall)
    level = LEVELS.index(level_name)
    reason = level_reason or f"an overall readiness of {overall:g}"
    open_gaps = {g.id: g.importance for g in gaps}
    names = {g.id: g.name for g in taxonomy.groups}
    picked: list[Suggestion] = []
    candidates = [p for p in taxonomy.projects if level_allows(p.difficulty, level_name)]

    while candidates and len(picked) < limit:
        best: tuple[float, Project, tuple[str, ...], dict[str, str]] | None = None
        for project in candidates:
            fit = 1 / (1 + abs(LEVELS.index(project.difficulty) - level))
            upgrades = _upgrade_groups(project, taxonomy)
            direct = [g for g in project.exercises if open_gaps.get(g, 0) > 0]
            extra = [g for g in upgrades if open_gaps.get(g, 0) > 0 and g not in direct]
            value = fit * (
                sum(open_gaps[g] for g in direct) + UPGRADE_SHARE * sum(open_gaps[g] for g in extra)
            )
            # with no gaps left, still offer the best-fitting project to stand out
            value = value or (fit * 0.01 if not picked else 0)
            if best is None or value > best[0]:
                closes = tuple(sorted(direct + extra, key=lambda g: -open_gaps[g]))
                best = (value, project, closes, upgrades)
        if best is None or best[0] <= 0:
            break
        value, project, closes, upgrades = best
        candidates.remove(project)
        for g in closes:
            open_gaps[g] = 0
        upgrade_texts = tuple(dict.fromkeys(
            [upgrades[g] for g in closes if g in upgrades] + [u.text for u in project.upgrades]
        ))[:4]
        if closes:
            fit_text = (f", which suits {reason}" if project.difficulty == level_name
                        else f" (your level: {level_name}; {reason})")
            why = (
                f"Closes {len(closes)} gap{'s' * (len(closes) > 1)} "
                f"({', '.join(names[g] for g in closes)}) at {_article(project.difficulty)} level"
                f"{fit_text}."
            )
        else:
            why = f"No gaps left: {_article(project.difficulty)} project to stand out."
        picked.append(Suggestion(
            id=project.id,
            title=_title(project, _stack_for(project, stack, taxonomy)),
            difficulty=project.difficulty,
            brief=project.brief,
            stack=_stack_for(project, stack, taxonomy),
            closes=closes,
            upgrades=upgrade_texts,
            why=why,
            value=round(value, 3),
        ))
    return tuple(picked)
