"""What to do next: learning resources for each gap, and interview prompts for the coach.

Resources come from the taxonomy's ``resources`` section: the learning platforms,
documentation, practice sites, bootcamps and certifications the seed articles name,
each with the areas the article pairs it with. For a gap, :func:`resources_for_gap`
keeps those that help its area, suit the candidate's level and, for certifications,
fit the candidate's stack (the Oracle Java certification for a Java or Kotlin candidate,
AWS Certified Developer for one who shows AWS …). "Official documentation" is named
after the candidate's own tool for the area, else the tools that would close it
("Official documentation: Jest").

Interview prompts come from the ``interview_prompts`` table: for each skill claimed on
the résumé but shown neither in code nor in a work or project bullet (its strongest
evidence is ``listed``), two or three questions a coach can ask to probe it; a skill
without its own row takes its category's questions with its name filled in.
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.scoring.gaps import Gap
from analyzer.scoring.profile import CandidateStack, Profile
from analyzer.taxonomy import Resource, Taxonomy

MAX_RESOURCES = 4
"""Resources shown per gap: enough to choose from, few enough to read."""
MAX_PROMPTS = 8
"""Skills given interview prompts, highest taxonomy weight first: a coach's half hour."""
PROMPT_CATEGORIES = frozenset({
    "languages", "frameworks", "databases", "orm", "apis", "security", "cloud",
    "servers_hosting", "devops", "testing", "messaging", "caching", "architecture",
    "observability", "version_control", "runtimes",
})
"""Categories whose claims an interview can probe; soft skills and degrees are left out."""


@dataclass(frozen=True)
class ResourcePick:
    """One learning resource suggested for a gap.

    Attributes:
        id: the taxonomy resource id.
        name: display name ("Official documentation: FastAPI, pytest" for documentation).
        kind: ``course`` | ``documentation`` | ``video`` | ``practice`` | ``book`` |
            ``bootcamp`` | ``certification``.
        url: home page, or None.
        use: what it is for, one phrase.
        articles: the seed article files that name it.
    """

    id: str
    name: str
    kind: str
    url: str | None
    use: str
    articles: tuple[str, ...]

    def to_dict(self) -> dict:
        """The report's JSON shape."""
        return {"id": self.id, "name": self.name, "kind": self.kind, "url": self.url,
                "use": self.use, "articles": list(self.articles)}


@dataclass(frozen=True)
class InterviewPrompt:
    """Questions that probe one skill the résumé only lists.

    Attributes:
        skill: skill id; name: its display name.
        why: one sentence saying why it is worth probing.
        questions: two or three questions, in the table's order.
    """

    skill: str
    name: str
    why: str
    questions: tuple[str, ...]

    def to_dict(self) -> dict:
        """The report's JSON shape."""
        return {"skill": self.skill, "name": self.name, "why": self.why,
                "questions": list(self.questions)}


def _fits(resource: Resource, profile: Profile, stack: CandidateStack) -> bool:
    if resource.skill and profile.get(resource.skill) and profile.get(resource.skill).evidence:
        return False  # already holds it (a certification on the résumé)
    if not resource.fits:
        return True
    shown = {s.id for s in profile.skills if s.evidence} | set(stack.ids())
    return bool(shown & set(resource.fits))


def _documented(gap: Gap, stack: CandidateStack, taxonomy: Taxonomy) -> list[str]:
    """Names of up to three tools whose documentation closes the gap.

    The candidate's own tools in the area (their framework), else the area's skills that imply another
    (a tool implies its concept: AWS → cloud computing, GitHub Actions → CI/CD), heaviest
    first; concepts and certifications have no documentation of their own. With no tool
    left, the candidate's own framework (its guides cover auth, testing, deployment …).
    """
    any_of = taxonomy.group(gap.id).any_of
    own = [s for s in stack.ids() if s in any_of]
    tools = [s for s in any_of if s not in own and taxonomy.skill(s).implies
             and taxonomy.skill(s).category != "certifications"]
    tools = own or sorted(tools, key=lambda s: -taxonomy.skill(s).weight)
    if not tools:
        tools = [s for s in (stack.framework, stack.language) if s][:1]
    return [taxonomy.skill(s).name for s in tools[:3]]


def resources_for_gap(
    gap: Gap, profile: Profile, stack: CandidateStack, taxonomy: Taxonomy, level: str,
    limit: int = MAX_RESOURCES,
) -> tuple[ResourcePick, ...]:
    """Up to ``limit`` resources for one gap, in the taxonomy's order.

    A resource qualifies when its ``helps`` lists the gap's area, its ``levels`` include
    ``level`` (beginner | intermediate | advanced) and it fits the candidate (see module
    docstring). Certifications that fit come first: they answer the stack directly.
    """
    picked = [r for r in taxonomy.resources
              if gap.id in r.helps and level in r.levels and _fits(r, profile, stack)]
    picked.sort(key=lambda r: r.kind != "certification")
    out = []
    for r in picked[:limit]:
        name = r.name
        if r.id == "official_documentation":
            name = f"{r.name}: {', '.join(_documented(gap, stack, taxonomy))}"
        out.append(ResourcePick(r.id, name, r.kind, r.url, r.use,
                                tuple(s.article for s in r.sources)))
    return tuple(out)


def interview_prompts(
    profile: Profile, taxonomy: Taxonomy, limit: int = MAX_PROMPTS,
    stack: CandidateStack | None = None,
) -> tuple[InterviewPrompt, ...]:
    """Questions for each skill claimed but not shown (strongest evidence ``listed``).

    Only skills found directly on the résumé count (implied ones are not claims), in
    :data:`PROMPT_CATEGORIES`, with a row in the table or a category row, leaving out a
    concept another named skill implies (Version control next to Git); at most ``limit``,
    the candidate's own ``stack`` first, then highest taxonomy weight (ties: the profile's
    order).
    """
    by_skill, by_category = taxonomy.prompts_by_skill, taxonomy.prompts_by_category
    listed = [s for s in profile.skills
              if s.evidence and s.strength == "listed"
              and all(e.source == "resume" for e in s.evidence)
              and s.category in PROMPT_CATEGORIES
              and (s.id in by_skill or s.category in by_category)]
    # a concept implied by another skill the résumé names (version control by Git) adds nothing
    implied = set(taxonomy.implied(s.id for s in profile.skills if s.evidence))
    listed = [s for s in listed if s.id not in implied]
    own = set(stack.ids()) if stack else set()
    listed.sort(key=lambda s: (s.id not in own, -s.weight))
    out = []
    for s in listed[:limit]:
        questions = by_skill.get(s.id) or tuple(q.replace("{name}", s.name)
                                                for q in by_category[s.category])
        where = s.evidence[0].section or "résumé"
        out.append(InterviewPrompt(
            s.id, s.name,
            f"{s.name} is only listed (in the {where} section): no work or project bullet "
            f"uses it{' and no code shows it' if profile.code_examined else ''}.",
            questions[:3]))
    return tuple(out)
