"""Profile: every skill a candidate shows, merged across the résumé and their code.

The résumé gives *claims* (``listed``, ``applied``, ``quantified`` evidence); GitHub
repositories and local folders give *demonstrations* (``demonstrated`` evidence).
:func:`build_profile` merges both into one :class:`ProfileSkill` per skill, adds the
skills the taxonomy says they imply (PostgreSQL ⇒ SQL), and labels each skill:

- ``verified``: claimed on the résumé and demonstrated in code;
- ``claimed``: on the résumé only (when code was examined, worth demonstrating);
- ``demonstrated``: in code only (missing from the résumé: a cheap fix);
- ``implied``: never named, but implied by a skill that was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from analyzer.evidence import Evidence, strength_rank
from analyzer.taxonomy.loader import Stack, Taxonomy

STRENGTH_FACTOR: dict[str, float] = {
    "listed": 0.5,
    "applied": 0.8,
    "quantified": 0.9,
    "demonstrated": 1.0,
}
"""How much one piece of evidence proves, in [0, 1].

Our own judgement, stated so a coach can argue with it: a keyword in a skills list
proves least (0.5); a bullet that uses the skill in real work proves more (0.8), more
still with a measured outcome (0.9); code that uses it proves it (1.0). A skill that is
only implied (SQL from PostgreSQL) takes the factor of the skill that implies it, except
that what a merely listed skill implies counts :data:`IMPLIED_FROM_LISTED`.
"""

IMPLIED_FROM_LISTED = 0.4
"""Factor of a skill implied only by listed skills (API development from "Express" in a skills
list). Ours: a listed keyword says the candidate knows that tool (0.5); what the tool implies is
one inference further, so it counts less, and a group met only that way scores 40, under the
50 that a skill named in its own words earns. Measured on the labelled résumés
(``scripts/evaluate.py --only groups``): false credit 13/266 → 10/266, no other figure moved."""


CODE_CATEGORIES = frozenset({
    "languages", "frameworks", "databases", "orm", "testing", "security", "devops", "apis",
    "cloud", "messaging", "caching", "observability", "runtimes", "version_control",
})
"""Categories a repository can demonstrate; soft skills, degrees or internships cannot."""


@dataclass(frozen=True)
class ProfileSkill:
    """One skill in the merged profile.

    Attributes:
        id, name, category: from the taxonomy.
        evidence: direct evidence, strongest first (empty for implied skills).
        implied_by: ids of skills found directly that imply this one.
        status: ``verified`` | ``claimed`` | ``demonstrated`` | ``implied``.
        factor: strength factor in [0, 1] (see :data:`STRENGTH_FACTOR`): the larger of
            its own evidence's and that of the skills implying it.
        weight: taxonomy weight in [1/6, 1].
        own_factor: factor from its own evidence alone (0 for implied-only skills).
    """

    id: str
    name: str
    category: str
    evidence: tuple[Evidence, ...]
    implied_by: tuple[str, ...]
    status: str
    factor: float
    weight: float
    own_factor: float = 0.0

    @property
    def strength(self) -> str:
        """The strongest evidence's strength, or ``"implied"``."""
        return self.evidence[0].strength if self.evidence else "implied"


@dataclass(frozen=True)
class Profile:
    """All skills of one candidate, strongest first, and which sources were examined.

    ``uncredited`` holds (skill id, evidence) of mentions that earn no credit (a skill named
    only in a course title), and ``related`` (requirement group id, evidence) of words that
    touch a group without meeting it ("system test" for testing): readiness and gaps cite
    them so that "nothing mentions X" is said only when nothing does.
    """

    skills: tuple[ProfileSkill, ...]
    code_examined: bool
    resume_examined: bool = True
    uncredited: tuple[tuple[str, Evidence], ...] = ()
    related: tuple[tuple[str, Evidence], ...] = ()

    def related_for(self, group_id: str) -> list[Evidence]:
        """The related-word evidence of one requirement group, in the order it was found."""
        return [e for gid, e in self.related if gid == group_id]

    def uncredited_for(self, skill_ids: Iterable[str]) -> list[tuple[str, Evidence]]:
        """The uncredited mentions of any of these skills, in the order they were found."""
        wanted = set(skill_ids)
        return [(sid, e) for sid, e in self.uncredited if sid in wanted]

    def get(self, skill_id: str) -> ProfileSkill | None:
        """The skill with this id, or None."""
        return next((s for s in self.skills if s.id == skill_id), None)

    def factor(self, skill_id: str) -> float:
        """Strength factor of a skill in [0, 1]; 0 when the candidate does not show it."""
        found = self.get(skill_id)
        return found.factor if found else 0.0


def _status(evidence: Iterable[Evidence]) -> str:
    sources = {e.source for e in evidence}
    from_code = bool(sources & {"github", "repo"})
    if "resume" in sources and from_code:
        return "verified"
    return "demonstrated" if from_code else "claimed"


def build_profile(
    evidence: Iterable[tuple[str, Evidence]],
    taxonomy: Taxonomy,
    *,
    code_examined: bool = False,
    resume_examined: bool = True,
    uncredited: Iterable[tuple[str, Evidence]] = (),
    related: Iterable[tuple[str, Evidence]] = (),
) -> Profile:
    """Merge (skill id, evidence) pairs from every source into a :class:`Profile`.

    Args:
        evidence: pairs from the résumé matcher and the repository detectors; ids
            must exist in ``taxonomy`` (unknown ids raise KeyError: a programming error).
        taxonomy: the loaded skill taxonomy.
        code_examined: True when GitHub or a local folder was read, so ``claimed``
            means "not found in the code" rather than "code not looked at".
        resume_examined: False when no résumé was given, so areas only a résumé can
            show (soft skills, work experience) are "not assessed" rather than missing.
        uncredited: mentions that earn no credit but must not be called absent (course
            titles: :func:`analyzer.skills.matcher.course_evidence`); kept on the profile.
        related: (group id, evidence) of words that touch a group without meeting it
            (:func:`analyzer.skills.matcher.related_evidence`); kept on the profile.

    Returns:
        Profile with skills ordered by factor, then taxonomy weight, then name.
    """
    direct: dict[str, list[Evidence]] = {}
    for skill_id, item in evidence:
        taxonomy.skill(skill_id)
        bucket = direct.setdefault(skill_id, [])
        if item not in bucket:
            bucket.append(item)

    skills: dict[str, ProfileSkill] = {}
    for skill_id, items in direct.items():
        items.sort(key=lambda e: -strength_rank(e.strength))
        skill = taxonomy.skill(skill_id)
        skills[skill_id] = ProfileSkill(
            id=skill_id,
            name=skill.name,
            category=skill.category,
            evidence=tuple(items),
            implied_by=(),
            status=_status(items),
            factor=max(STRENGTH_FACTOR[e.strength] for e in items),
            weight=skill.weight,
            own_factor=max(STRENGTH_FACTOR[e.strength] for e in items),
        )

    for implied_id, sources in taxonomy.implied(direct).items():
        factor = max(_implied_factor(skills[s].factor) for s in sources if s in skills)
        current = skills.get(implied_id)
        if current is not None:
            # a résumé claim implied by code (Python behind a Django repository) is verified
            by_code = any(skills[s].status in ("verified", "demonstrated") for s in sources)
            status = "verified" if current.status == "claimed" and by_code else current.status
            skills[implied_id] = ProfileSkill(
                **{**current.__dict__, "implied_by": tuple(sources), "status": status,
                   "factor": max(current.factor, factor)}
            )
            continue
        skill = taxonomy.skill(implied_id)
        skills[implied_id] = ProfileSkill(
            id=implied_id,
            name=skill.name,
            category=skill.category,
            evidence=(),
            implied_by=tuple(sources),
            status="implied",
            factor=factor,
            weight=skill.weight,
        )

    ordered = sorted(skills.values(), key=lambda s: (-s.factor, -s.weight, s.name.lower()))
    return Profile(skills=tuple(ordered), code_examined=code_examined,
                   resume_examined=resume_examined, uncredited=tuple(uncredited),
                   related=tuple(related))


def _implied_factor(source_factor: float) -> float:
    """What a skill of ``source_factor`` passes on to the skills it implies."""
    return IMPLIED_FROM_LISTED if source_factor <= STRENGTH_FACTOR["listed"] else source_factor


@dataclass(frozen=True)
class CandidateStack:
    """The candidate's own stack, used to phrase gaps and projects in it.

    Attributes:
        language: skill id of the strongest backend language with a ``stacks`` entry,
            or None when the candidate shows none (then the taxonomy's first stack is used).
        framework, database, testing: skill ids — the candidate's own where they show one
            from the stack, else the stack's preferred one.
    """

    language: str | None
    framework: str | None
    database: str | None
    testing: str | None

    def ids(self) -> tuple[str, ...]:
        """The non-empty skill ids of the stack."""
        return tuple(s for s in (self.language, self.framework, self.database, self.testing) if s)


RUNTIMES: dict[str, tuple[str, ...]] = {
    "javascript": ("node_js", "deno", "bun"), "typescript": ("node_js", "deno", "bun"),
    "java": ("jvm",), "kotlin": ("jvm",), "scala": ("jvm",), "csharp": ("dotnet",),
}
"""Runtimes that show a language in use on the server (Node.js for JavaScript and TypeScript)."""


DATABASE_CONCEPTS = frozenset({
    "sql", "database_management", "relational_databases", "nosql", "database_design",
    "query_optimization", "transactions", "stored_procedures",
})
"""Skills of the databases category that are practices, not a database one can build on."""


def _own(profile: Profile, skill_id: str) -> float:
    """Factor from the skill's own evidence (0 when it is only implied or absent)."""
    found = profile.get(skill_id)
    return found.own_factor if found else 0.0


def _stack_strength(profile: Profile, stack: Stack, taxonomy: Taxonomy) -> tuple[float, float, int]:
    """How strongly a candidate shows a stack: (language + best framework or runtime factor,
    language factor, pieces of evidence). Own evidence only: TypeScript implies nothing here."""
    language = _own(profile, stack.language)
    companion = max((_own(profile, s) for s in (*stack.frameworks, *RUNTIMES.get(stack.language, ()))),
                    default=0.0)
    count = sum(len(s.evidence) for s in profile.skills
                if s.id in (stack.language, *stack.frameworks, *RUNTIMES.get(stack.language, ())))
    return (language + companion if language else 0.0, language, count)


def candidate_stack(profile: Profile, taxonomy: Taxonomy) -> CandidateStack:
    """Pick the candidate's stack: the language and framework they show in use most strongly.

    Each taxonomy stack is scored by the candidate's own evidence: the language's strength
    factor plus the best of its frameworks and runtimes (Express or Node.js for JavaScript,
    Spring Boot for Java), so a Node/TypeScript/Express candidate gets the TypeScript stack
    with Express, not Python because Python is also listed. Ties: the language's own
    factor, then the number of pieces of evidence, then taxonomy weight. A candidate
    without any known backend language gets the first stack in the taxonomy (the file
    lists the most common first).

    The database is the candidate's own: their strongest relational database (one implying
    SQL, like every stack default), else their strongest other database (MongoDB), else the
    stack's default; :func:`analyzer.scoring.projects.suggest_projects` still uses the
    stack's relational default for a project meant to close a relational-database gap.
    """
    scored = [(_stack_strength(profile, st, taxonomy), taxonomy.skill(st.language).weight, st)
              for st in taxonomy.stacks.values()]
    shown = [item for item in scored if item[0][0] > 0]
    if shown:
        stack = max(shown, key=lambda item: (item[0], item[1]))[2]
        language: str | None = stack.language
    else:
        stack, language = next(iter(taxonomy.stacks.values())), None

    def own_or_preferred(options: tuple[str, ...]) -> str | None:
        shown = [o for o in options if profile.factor(o) > 0]
        if shown:
            return max(shown, key=profile.factor)
        return options[0] if options else None

    framework = own_or_preferred(tuple(stack.frameworks))
    # curated databases only: a warehouse such as Amazon Redshift or Teradata (a
    # technologies.yaml entry) credits the group but is no database to build an app on
    databases = [sk for sk in profile.skills if sk.category == "databases" and sk.evidence
                 and sk.id not in DATABASE_CONCEPTS and not taxonomy.skill(sk.id).is_technology]
    relational = [sk for sk in databases if "sql" in taxonomy.implied([sk.id])]
    own_db = max(relational or databases, key=lambda sk: sk.own_factor, default=None)
    database = own_db.id if own_db else stack.database
    testing = own_or_preferred(tuple(s for s in (stack.testing,) if s))
    return CandidateStack(language or stack.language, framework, database, testing)
