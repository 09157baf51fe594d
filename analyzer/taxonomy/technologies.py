"""The file schema of ``technologies.yaml``, the broad technology vocabulary.

``skill_taxonomy.yaml`` holds the curated skills a junior backend role is judged on;
``technologies.yaml`` (next to it) holds every other technology a résumé, a posting or a
repository may name — about 1,950 of them: canonical name, aliases, category, the curated
skills it ``implies`` (which is how it credits a requirement group: Amazon Redshift implies
``relational_databases``), homonym rules, and the public reference its facts came from.

:func:`validate_technologies` checks the file against pydantic models (``extra="forbid"``)
and cross-checks it against the already validated skills (one id namespace, one term
namespace, every ``implies`` resolving, categories defined in either file). Every problem is
collected with its location (``technologies[12].aliases[3]``); nothing here raises.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from analyzer.errors import Problem
from analyzer.taxonomy.schema import AmbiguityEntry, Id, Text

__all__ = ["TechnologyEntry", "validate_technologies"]

REVIEWER = "reviewer"
"""``source`` of an entry a project reviewer wrote from their own knowledge."""


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ReferenceEntry(_Entry):
    """A public reference facts were taken from (a file of a public repository, a site)."""

    id: Id
    title: Text
    url: Text


class TechCategoryEntry(_Entry):
    """A category only technologies use, with the words that give its homonyms context."""

    id: Id
    name: Text
    context_words: list[Text] = []


class TechnologyEntry(_Entry):
    """One technology as written in ``technologies.yaml``.

    ``homonyms``: terms (name or aliases) that are ordinary words; they match only as
    written and only with context (the category's and the entry's ``context_words``).
    ``ambiguity``: the full rule of ``skill_taxonomy.yaml`` instead, for veto words.
    ``source``: a ``references`` id, or ``reviewer``.
    """

    id: Id
    name: Text
    category: Id
    aliases: list[Text] = []
    implies: list[Id] = []
    homonyms: list[Text] = []
    context_words: list[Text] = []
    ambiguity: AmbiguityEntry | None = None
    source: Id


class TechnologiesFile(_Entry):
    """The whole file; ``category_context`` gives context words to skill categories."""

    version: Literal[1]
    references: list[ReferenceEntry] = []
    categories: list[TechCategoryEntry] = []
    category_context: dict[Id, list[Text]] = {}
    technologies: list[dict] = Field(default_factory=list)  # validated one by one below


def _location(prefix: str, loc) -> str:
    return prefix + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)


def validate_technologies(data: object, skills: dict[str, object], terms: dict[str, str],
                          skill_categories: set[str]) -> tuple[dict, list[Problem]]:
    """Check ``technologies.yaml`` data against its schema and the validated skills.

    Args:
        data: the parsed YAML.
        skills: skill id -> skill entry (for ``implies`` and id clashes).
        terms: casefolded skill name/alias -> "skills[i] (id)" (for term clashes).
        skill_categories: category ids defined in ``skill_taxonomy.yaml``.

    Returns:
        ``({"file": TechnologiesFile, "technologies": [TechnologyEntry, ...]}, problems)``.
    """
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return {}, [Problem("top level", "technologies.yaml must be a YAML mapping with keys "
                            "version, references, categories, category_context, technologies")]
    try:
        head = TechnologiesFile.model_validate(data)
    except ValidationError as exc:
        return {}, [Problem(_location("", e["loc"]).lstrip(".") or "top level", e["msg"])
                    for e in exc.errors()]
    references = {r.id for r in head.references} | {REVIEWER}
    categories = skill_categories | {c.id for c in head.categories}
    for i, c in enumerate(head.categories):
        if c.id in skill_categories:
            problems.append(Problem(f"categories[{i}].id", f'category "{c.id}" is already '
                                    "defined in skill_taxonomy.yaml: use it without redefining"))
    for key in head.category_context:
        if key not in categories:
            problems.append(Problem(f"category_context.{key}", f'unknown category "{key}"'))
    entries: list[TechnologyEntry] = []
    seen_ids: dict[str, int] = {}
    seen_terms = dict(terms)
    for i, raw in enumerate(head.technologies):
        at = f"technologies[{i}]"
        try:
            entry = TechnologyEntry.model_validate(raw)
        except ValidationError as exc:
            problems += [Problem(_location(at, e["loc"]), e["msg"]) for e in exc.errors()]
            continue
        entries.append(entry)
        if entry.id in skills:
            problems.append(Problem(f"{at}.id", f'id "{entry.id}" is a skill id: choose another'))
        elif entry.id in seen_ids:
            problems.append(Problem(f"{at}.id", f'duplicate id "{entry.id}" (first at '
                                    f"technologies[{seen_ids[entry.id]}])"))
        seen_ids.setdefault(entry.id, i)
        if entry.category not in categories:
            problems.append(Problem(f"{at}.category", f'unknown category "{entry.category}"'))
        if entry.source not in references:
            problems.append(Problem(f"{at}.source", f'unknown source "{entry.source}": use a '
                                    f"references id or {REVIEWER}"))
        if entry.homonyms and entry.ambiguity is not None:
            problems.append(Problem(f"{at}.homonyms", "give homonyms or ambiguity, not both"))
        own = {t.casefold() for t in (entry.name, *entry.aliases)}
        for j, term in enumerate((entry.name, *entry.aliases)):
            where = f"{at}.name" if j == 0 else f"{at}.aliases[{j - 1}]"
            key = term.casefold()
            if j and key == entry.name.casefold():
                problems.append(Problem(where, f'alias "{term}" repeats the name'))
            elif key in seen_terms and seen_terms[key] != f"{at} ({entry.id})":
                problems.append(Problem(where, f'"{term}" is also used by {seen_terms[key]}'))
            else:
                seen_terms[key] = f"{at} ({entry.id})"
        written = {entry.name, *entry.aliases}
        for j, term in enumerate(entry.homonyms):  # matched as written: the casing must agree
            if term not in written:
                problems.append(Problem(f"{at}.homonyms[{j}]", f'"{term}" is neither the name '
                                        f"nor an alias of {entry.id} as written"))
        for j, term in enumerate(entry.ambiguity.terms if entry.ambiguity else ()):
            if term.casefold() not in own:
                problems.append(Problem(f"{at}.ambiguity.terms[{j}]", f'"{term}" is neither the '
                                        f"name nor an alias of {entry.id}"))
    known = set(skills) | set(seen_ids)
    for i, entry in enumerate(entries):
        for j, target in enumerate(entry.implies):
            if target not in known:
                problems.append(Problem(f"technologies[{i}].implies[{j}]",
                                        f'unknown skill or technology "{target}"'))
    return {"file": head, "technologies": entries}, problems
