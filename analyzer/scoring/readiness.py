"""Readiness for a junior backend role: per requirement group and overall, 0–100.

The formula, in words a coach can check by hand:

1. Every piece of evidence has a strength factor (``analyzer.profile.STRENGTH_FACTOR``):
   listed 0.5, applied 0.8, quantified 0.9, demonstrated in code 1.0. A skill takes the
   factor of its strongest evidence; an implied skill that of the skill implying it.
2. A requirement group (``requirement_groups`` in ``skill_taxonomy.yaml``) is any-of: it
   needs ``need`` of its skills (usually one). Its score is
   ``100 × (sum of the best `need` factors among its skills) / need``.
   A Java + Spring candidate fills "a backend framework" with Spring and is not marked
   down for lacking Django. A group none of whose skills is credited but one of them is
   named in a course title scores ``100 × COURSE_FACTOR / need`` (10 for most groups): the
   course shows study, not use, yet the area is not absent. So does a group touched only by
   related things (``related`` in ``skill_taxonomy.yaml``): another kind of skill of the
   group's categories (C++ for a web-backend language, MongoDB for a relational database) or a
   related word ("system test", "passwords"), ``100 × RELATED_FACTOR / need``.
3. Overall readiness is the weighted mean of the group scores,
   ``Σ weight_g × score_g / Σ weight_g``, where ``weight_g = (n + 1) / 6`` and ``n`` is
   how many of the five seed articles name the group's concept (see docs/taxonomy.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.scoring.profile import CODE_CATEGORIES, STRENGTH_FACTOR, Profile
from analyzer.taxonomy.loader import RequirementGroup, Taxonomy

COURSE_FACTOR = 0.1
"""What a skill named only in a course title is worth, in [0, 1]. Our judgement: a course
("Cloud Computing (A)") shows the candidate studied the area but not that they used it, so it
earns a token 0.1 — far below a skills-list mention (0.5) and never a false "nothing mentions
it" (docs/labelling.md counts a course title as "only named")."""

RELATED_FACTOR = 0.1
"""What a group touched only by related things is worth, in [0, 1] (our judgement, as
:data:`COURSE_FACTOR`): "test applications" or "C++" shows the candidate near the area, not in
it, so it earns a token 0.1 and a reason that quotes what was found. docs/labelling.md counts
such a mention as "only named", and "nothing mentions X" would be false."""

FORMULA = (
    "skill factor = strongest evidence (listed 0.5, applied 0.8, quantified 0.9, "
    "demonstrated in code 1.0; implied skills take the factor of the skill implying them, "
    "0.4 when that skill is only listed); "
    "group score = 100 × (sum of the best `need` skill factors in the group) / need "
    "(a group named only in a course title, or touched only by a related word or another kind "
    "of skill of its area: 100 × 0.1 / need); "
    "overall = Σ(group weight × group score) / Σ(group weight), "
    "group weight = (articles naming the group + 1) / 6."
)


@dataclass(frozen=True)
class GroupScore:
    """Score of one requirement group.

    Attributes:
        id, name: the group's id and name from the taxonomy.
        score: 0–100, rounded to one decimal.
        weight: group weight in [1/6, 1].
        met_by: skill ids that count towards the group, best first (at most ``need``).
        explanation: one sentence saying how the score was reached.
        assessed: False when no source given could show this group (no résumé for soft
            skills or work experience); such a group scores 0 and is left out of the
            overall score and of the gaps.
    """

    id: str
    name: str
    score: float
    weight: float
    met_by: tuple[str, ...]
    explanation: str
    assessed: bool = True


@dataclass(frozen=True)
class Readiness:
    """Overall score (0–100, one decimal) and one :class:`GroupScore` per group."""

    score: float
    groups: tuple[GroupScore, ...]
    formula: str = FORMULA

    def group(self, group_id: str) -> GroupScore:
        """The score of one group; KeyError if the id is unknown."""
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)


def _describe(profile: Profile, skill_id: str) -> str:
    skill = profile.get(skill_id)
    assert skill is not None
    if skill.evidence and skill.own_factor >= skill.factor:
        return f"{skill.name} ({skill.strength}, {skill.factor:g})"
    sources = ", ".join(p.name for p in map(profile.get, skill.implied_by) if p)
    return f"{skill.name} (implied by {sources}, {skill.factor:g})"


def score_group(group: RequirementGroup, profile: Profile) -> GroupScore:
    """Score one requirement group against a profile (see the module docstring)."""
    present = [s for s in group.any_of if profile.factor(s) > 0]
    # strongest first; on a tie, a skill with its own evidence beats an implied one
    present.sort(key=lambda s: (-profile.factor(s), -profile.get(s).own_factor))
    best = present[: group.need]
    score = round(100 * sum(profile.factor(s) for s in best) / group.need, 1)
    if best:
        explanation = (
            f"{' + '.join(_describe(profile, s) for s in best)}"
            f"{f' of {group.need} needed' if group.need > 1 else ''} → {score:g}"
        )
    else:
        if profile.uncredited_for(group.any_of):
            score = round(100 * COURSE_FACTOR / group.need, 1)
        elif related_skills(group, profile) or profile.related_for(group.id):
            score = round(100 * RELATED_FACTOR / group.need, 1)
        explanation = f"{missing_reason(group, profile)} → {score:g}"
    return GroupScore(group.id, group.name, score, group.weight, tuple(best), explanation)


def related_skills(group: RequirementGroup, profile: Profile) -> list:
    """Skills of the group's ``related_categories`` the candidate shows (own evidence) that
    are not among its ``any_of``: C++ for "a backend programming language", strongest first."""
    return [s for s in profile.skills if s.category in group.related_categories and s.evidence
            and s.id not in group.any_of]


def _clip(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "…"


def missing_reason(group: RequirementGroup, profile: Profile) -> str:
    """Why a group with no credited skill scores (nearly) 0, truthfully: the taxonomy's
    ``missing_reason`` ("No cloud platform … is named") only when nothing mentions the area;
    when a course title does (``Profile.uncredited``), that mention and why it earns nothing;
    when only related things do (:func:`related_skills`, ``Profile.related``), what was found
    and the group's ``related_note`` ("Found only "system test" (…): no kind of automated test
    … is named.")."""
    found = profile.uncredited_for(group.any_of)
    if found:
        item = found[0][1]
        quoted = re.search(r'"(.+)"', item.detail or "")  # the course's words, else its line
        text = _clip(quoted.group(1) if quoted else item.text)
        return (f'Only a course title mentions it ("{text}"); a course shows study, not use: '
                "show it in a project or a job.")
    note = group.related_note or group.missing_reason
    skills = related_skills(group, profile)
    if skills:
        names = ", ".join(s.name for s in skills[:3])
        return f'Found only {names} ("{_clip(skills[0].evidence[0].text)}"): {note}.'
    words = profile.related_for(group.id)
    if words:
        quoted = re.search(r'"(.+)"', words[0].detail or "")
        surface = quoted.group(1) if quoted else "a related word"
        return f'Found only "{surface}" ("{_clip(words[0].text)}"): {note}.'
    return group.missing_reason


def _assessable(group: RequirementGroup, profile: Profile, taxonomy: Taxonomy) -> bool:
    """Whether the sources examined could show this group at all.

    Without a résumé only code speaks: a group is assessed when one of its skills is of a
    kind code shows (:data:`CODE_CATEGORIES`) or was in fact shown by code (a repository
    is itself a personal project).
    """
    if profile.resume_examined:
        return True
    return any(taxonomy.skill(s).category in CODE_CATEGORIES
               or (profile.get(s) is not None and profile.get(s).evidence)
               for s in group.any_of)


def score_readiness(profile: Profile, taxonomy: Taxonomy) -> Readiness:
    """Readiness per requirement group and overall, each in [0, 100].

    Groups that no examined source could show (see :class:`GroupScore`) are reported as
    not assessed and left out of the overall weighted mean.
    """
    groups = tuple(
        score_group(g, profile) if _assessable(g, profile, taxonomy)
        else GroupScore(g.id, g.name, 0.0, g.weight, (),
                        "Not assessed: only a résumé can show this, and none was given.", False)
        for g in taxonomy.groups
    )
    counted = [g for g in groups if g.assessed]
    total_weight = sum(g.weight for g in counted)
    overall = sum(g.weight * g.score for g in counted) / total_weight if total_weight else 0.0
    return Readiness(score=round(overall, 1), groups=groups)


__all__ = ["COURSE_FACTOR", "FORMULA", "RELATED_FACTOR", "related_skills", "STRENGTH_FACTOR", "GroupScore", "Readiness", "missing_reason", "score_group",
           "score_readiness"]
