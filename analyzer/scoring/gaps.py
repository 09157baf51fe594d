"""Gaps: what keeps a candidate from full readiness, most important first.

A gap is a requirement group scoring under ``GAP_BELOW`` (80): nothing found, only
listed or implied, or fewer skills than the group needs. At 80 and above the candidate
uses the skill in real work; the last step to 100 (code that shows it) is reported in
the claimed-vs-demonstrated view rather than as a gap. A gap's importance, in [0, 1], is

    importance = group weight × (100 − group score) / 100

so a missing group named by all five articles (weight 1) weighs 1.0, and a group whose
skill is only listed (score 50) weighs half of its weight. Each gap says why in one
sentence and which skills of the candidate's own stack would close it.

Separately, :func:`claim_gaps` lists skills claimed on the résumé but never shown in
the code that was examined, and skills shown in code but missing from the résumé.
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.scoring.profile import CODE_CATEGORIES, CandidateStack, Profile
from analyzer.scoring.profile import ProfileSkill
from analyzer.scoring.readiness import Readiness, missing_reason
from analyzer.taxonomy.loader import Taxonomy

GAP_BELOW = 80.0
"""Group score under which a requirement group is a gap: 80 = the ``applied`` factor (0.8)."""


@dataclass(frozen=True)
class Gap:
    """One requirement group the candidate has not fully met.

    Attributes:
        id: the requirement group id (``relational_database``).
        name: the group's name.
        kind: ``missing`` (nothing found), ``weak`` (only listed or implied) or
            ``partial`` (fewer skills than the group needs, or some only listed).
        importance: in [0, 1], see the module docstring.
        score: the group's score, 0–100.
        reason: one sentence a candidate can act on.
        suggestions: skill ids that would close it, the candidate's own stack first.
    """

    id: str
    name: str
    kind: str
    importance: float
    score: float
    reason: str
    suggestions: tuple[str, ...]


def _suggest(any_of: tuple[str, ...], stack: CandidateStack, taxonomy: Taxonomy) -> tuple[str, ...]:
    own = [s for s in stack.ids() if s in any_of]
    rest = sorted((s for s in any_of if s not in own), key=lambda s: -taxonomy.skill(s).weight)
    return tuple(own + rest)[:3]


_PLACES = {
    "skills": "listed in the skills section",
    "basics": "named in the summary or header",
    "education": "named in the education section",
    "certificates": "named among certificates",
    "awards": "named among awards",
    "publications": "named among publications",
    "interests": "named among interests",
    "languages": "named among languages",
}
"""Where a ``listed`` mention sits, by JSON Resume section, as the end of "X is only …"."""


def _where(skill: ProfileSkill, profile: Profile) -> str:
    """Where a weakly shown skill was seen: "Redis is only listed in the skills section"."""
    if not skill.evidence or skill.own_factor < skill.factor:
        by = [p.name for p in map(profile.get, skill.implied_by) if p is not None]
        return f"{skill.name} is only implied by {', '.join(by) or 'another skill'}"
    item = skill.evidence[0]
    if item.detail and item.detail.startswith("a GitHub profile link"):
        return f"{skill.name} rests only on a GitHub profile link"
    if item.section in ("work", "projects", "volunteer"):  # a tool list in a job, not a sentence
        return f"{skill.name} is only in a list of tools in the {item.section} section"
    return f"{skill.name} is only {_PLACES.get(item.section or '', f'named in the {item.section} section')}"


def _shown(skill: ProfileSkill) -> str:
    """ "Leadership is shown in a work bullet" / "… is only listed" for a partial gap."""
    if skill.factor > 0.5:
        return f"{skill.name} is shown in use"
    return f"{skill.name} is only listed or implied"


def find_gaps(
    readiness: Readiness, profile: Profile, taxonomy: Taxonomy, stack: CandidateStack
) -> tuple[Gap, ...]:
    """Rank the requirement groups under ``GAP_BELOW`` by importance (ties: file order)."""
    gaps = []
    for order, (group, scored) in enumerate(zip(taxonomy.groups, readiness.groups)):
        if scored.score >= GAP_BELOW or not scored.assessed:
            continue
        importance = round(group.weight * (100 - scored.score) / 100, 3)
        best = [s for s in map(profile.get, scored.met_by) if s is not None]
        if not best:
            kind, reason = "missing", missing_reason(group, profile)
        elif all(s.factor <= 0.5 for s in best):
            kind = "weak"
            it = "them" if len(best) > 1 else "it"
            code = " (or in code)" if any(s.category in CODE_CATEGORIES for s in best) else ""
            more = f"; this area asks for {group.need}" if len(best) < group.need else ""
            reason = (f"{'; '.join(_where(s, profile) for s in best)}{more}: show {it} used in a "
                      f"work or project bullet{code}.")
        elif len(best) < group.need:
            kind = "partial"
            others = [taxonomy.skill(s).name.lower() for s in group.any_of
                      if s not in scored.met_by][:2]
            reason = (f"Only {' and '.join(_shown(s) for s in best)}; this area asks for "
                      f"{group.need}: show another, such as {' or '.join(others)}, in a bullet.")
        else:
            kind = "partial"
            weak = [s for s in best if s.factor <= 0.5]
            reason = (f"{'; '.join(_where(s, profile) for s in weak)}: use "
                      f"{'them' if len(weak) > 1 else 'it'} in a work or project bullet.")
        gaps.append((-importance, order, Gap(
            group.id, group.name, kind, importance, scored.score, reason,
            _suggest(group.any_of, stack, taxonomy),
        )))
    return tuple(g for *_, g in sorted(gaps, key=lambda t: (t[0], t[1])))


@dataclass(frozen=True)
class ClaimGaps:
    """Claimed-vs-demonstrated view (empty lists when no code was examined).

    Attributes:
        claimed_only: skill ids named on the résumé but found in no repository.
        demonstrated_only: skill ids found in code but missing from the résumé.
        verified: skill ids on both.
    """

    claimed_only: tuple[str, ...]
    demonstrated_only: tuple[str, ...]
    verified: tuple[str, ...]


def claim_gaps(profile: Profile) -> ClaimGaps:
    """Split directly evidenced skills by where they were seen.

    ``claimed_only`` keeps only skills of :data:`CODE_CATEGORIES`: asking a candidate to
    "show teamwork in code" would be noise.
    """
    if not (profile.code_examined and profile.resume_examined):  # needs both to compare
        return ClaimGaps((), (), ())

    def ids(status: str) -> tuple[str, ...]:
        return tuple(s.id for s in profile.skills
                     if s.status == status and (status != "claimed" or s.category in CODE_CATEGORIES))

    return ClaimGaps(ids("claimed"), ids("demonstrated"), ids("verified"))
