"""The file schema of ``skill_taxonomy.yaml``: pydantic models and cross-entry checks.

:mod:`analyzer.taxonomy.loader` calls :func:`validate` and turns the checked entries into
frozen objects. Every problem is collected with its location (``skills[12].aliases[3]``);
nothing here raises on bad data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from analyzer.errors import Problem

Ecosystem = Literal["pypi", "npm", "maven", "rubygems", "composer", "go", "cargo", "nuget"]
Difficulty = Literal["beginner", "intermediate", "advanced"]
Origin = Literal["articles", "reviewer"]
ResourceKind = Literal["course", "documentation", "video", "practice", "book", "bootcamp", "certification"]
# ---------------------------------------------------------------- file schema (pydantic)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Token = Annotated[str, StringConstraints(pattern=r"^\S+$")]  # one token: no spaces


class _Entry(BaseModel):
    # strict: YAML's `yes`/`1.0` must not silently become the string an author meant
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ArticleEntry(_Entry):
    """One seed article: its file name in ``../shared/seeds`` and its title."""

    file: Text
    title: Text


class CategoryEntry(_Entry):
    """A skill category (``databases``, ``soft_skills`` …) with its display name."""

    id: Id
    name: Text


class SourceEntry(_Entry):
    """Where an article names an entry: the article file and the phrases it uses."""

    article: Text
    phrases: list[Text] = Field(min_length=1)


class AmbiguityEntry(_Entry):
    """Rules for an ambiguous name (see docs/taxonomy.md, "Ambiguity")."""

    case_sensitive: bool = False
    needs_context: bool = False
    context_words: list[Text] = []
    reject_before: list[Token] = []
    reject_after: list[Token] = []
    terms: list[Text] = []
    note: Text


class _Sourced(_Entry):
    sources: list[SourceEntry] = []
    origin: Origin
    note: Text | None = None


class SkillEntry(_Sourced):
    """One skill as written in the YAML (weights are computed, never stored)."""

    id: Id
    name: Text
    category: Id
    aliases: list[Text] = []
    implies: list[Id] = []
    ambiguity: AmbiguityEntry | None = None
    packages: dict[Ecosystem, list[Text]] = {}


class RelatedEntry(_Entry):
    """What touches a requirement group without meeting it (docs/judgement.md, "Related only"):
    skills of these categories outside the group's ``any_of``, and these words (matched in any
    case, as whole tokens, each form written out), unless the line holds a ``veto`` word."""

    categories: list[Id] = []
    words: list[Text] = []
    veto: list[Text] = []
    note: Text


class GroupEntry(_Sourced):
    """One requirement group: any-of skills, how many are needed, why it matters."""

    id: Id
    name: Text
    description: Text
    any_of: list[Id] = Field(min_length=1)
    need: int = Field(default=1, ge=1)
    missing_reason: Text
    related: RelatedEntry | None = None


class UpgradeEntry(_Entry):
    """An upgrade that makes a project stand out, and the skill it exercises."""

    skill: Id
    text: Text


class ProjectEntry(_Sourced):
    """One catalog project: difficulty, brief, the groups it exercises, upgrades."""

    id: Id
    title: Text
    difficulty: Difficulty
    brief: Text
    exercises: list[Id] = Field(min_length=1)
    skills: list[Id] = Field(min_length=1)
    upgrades: list[UpgradeEntry] = []


class StackEntry(_Entry):
    """The preferred framework, database, tests and ORM for one backend language."""

    language: Id
    frameworks: list[Id] = Field(min_length=1)
    database: Id
    testing: Id
    orm: Id | None = None


class ResourceEntry(_Sourced):
    """A learning resource or certification the articles name, and the areas it helps with."""

    id: Id
    name: Text
    kind: ResourceKind
    url: Text | None = None
    use: Text
    helps: list[Id] = Field(min_length=1)
    levels: list[Difficulty] = Field(min_length=1)
    fits: list[Id] = []
    skill: Id | None = None


class PromptEntry(_Entry):
    """Interview questions for one skill, or for any skill of a category (``{name}`` filled in)."""

    skill: Id | None = None
    category: Id | None = None
    questions: list[Text] = Field(min_length=2, max_length=3)


SECTIONS: dict[str, type[_Entry]] = {
    "articles": ArticleEntry, "categories": CategoryEntry, "skills": SkillEntry,
    "requirement_groups": GroupEntry, "projects": ProjectEntry, "stacks": StackEntry,
    "resources": ResourceEntry, "interview_prompts": PromptEntry,
}
OPTIONAL_SECTIONS = frozenset({"resources", "interview_prompts"})
"""Sections a taxonomy may leave out (a small custom taxonomy needs no resources)."""

# ---------------------------------------------------------------- validation

_MESSAGES = {"missing": "required field is missing",
             "extra_forbidden": "unknown field: check its spelling against docs/taxonomy.md"}
# The category each stack field must point at.
_STACK_CATEGORIES = {"language": "languages", "frameworks": "frameworks",
                     "database": "databases", "testing": "testing", "orm": "orm"}


def _location(prefix: str, loc: Iterable[int | str]) -> str:
    return prefix + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)


def validate(data: object) -> tuple[dict, list[Problem]]:
    """Schema-check each entry on its own, then cross-check references."""
    if not isinstance(data, dict):
        keys = ", ".join(["version", *SECTIONS])
        return {}, [Problem("top level", f"the file must be a YAML mapping with keys {keys}")]
    problems = [Problem(str(key), "unknown top-level key: remove it or fix its spelling")
                for key in data if key not in SECTIONS and key != "version"]
    if type(data.get("version")) is not int:
        problems.append(Problem("version", "version must be an integer such as 1"))
    indexed: dict[str, list[tuple[int, _Entry]]] = {}
    broken: set[str] = set()  # ids of entries that failed the schema: still "defined"
    for section, model in SECTIONS.items():
        items = data.get(section)
        if items is None and section in OPTIONAL_SECTIONS:
            items = []
        if not isinstance(items, list):
            what = "is missing" if items is None else "must be a list"
            problems.append(Problem(section, f"the {section} section {what}"))
            items = []
        indexed[section] = []
        for i, item in enumerate(items):
            try:
                indexed[section].append((i, model.model_validate(item)))
            except ValidationError as exc:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    broken.add(item["id"])
                problems += [Problem(_location(f"{section}[{i}]", e["loc"]),
                                     _MESSAGES.get(e["type"], e["msg"])) for e in exc.errors()]
    problems += _Checker(indexed, broken).run()
    entries: dict = {key: [e for _, e in items] for key, items in indexed.items()}
    entries["version"] = data.get("version")
    return entries, problems


class _Checker:
    """Cross-entry checks: unique ids and terms, resolving references, no cycles."""

    def __init__(self, indexed: dict[str, list[tuple[int, _Entry]]], broken: set[str]):
        self.ix = indexed
        self.broken = broken
        self.problems: list[Problem] = []
        self.articles = self._unique("articles", "file")
        self.categories = self._unique("categories", "id")
        self.skills = self._unique("skills", "id")
        self.groups = self._unique("requirement_groups", "id")
        self._unique("projects", "id")
        self._unique("stacks", "language")
        self._unique("resources", "id")
        self.category_of = {e.id: e.category for _, e in indexed["skills"]}

    def add(self, location: str, message: str) -> None:
        self.problems.append(Problem(location, message))

    def run(self) -> list[Problem]:
        self._terms()
        for i, s in self.ix["skills"]:
            at = f"skills[{i}]"
            if s.category not in self.categories:
                self.add(f"{at}.category", f'unknown category "{s.category}": use one of the '
                         f"ids listed under categories")
            for j, target in enumerate(s.implies):
                self._ref(f"{at}.implies[{j}]", target, self.skills, "skill")
            terms = {t.casefold() for t in (s.name, *s.aliases)}
            for j, term in enumerate(s.ambiguity.terms if s.ambiguity else ()):
                if term.casefold() not in terms:
                    self.add(f"{at}.ambiguity.terms[{j}]", f'"{term}" is neither the name '
                             f"nor an alias of {s.id}")
            self._origin(at, s)
        self._cycles()
        for i, g in self.ix["requirement_groups"]:
            at = f"requirement_groups[{i}]"
            for j, skill_id in enumerate(g.any_of):
                self._ref(f"{at}.any_of[{j}]", skill_id, self.skills, "skill")
            if g.need > len(g.any_of):
                self.add(f"{at}.need", f"need is {g.need} but any_of lists {len(g.any_of)} skills")
            for j, category in enumerate(g.related.categories if g.related else ()):
                if category not in self.categories:
                    self.add(f"{at}.related.categories[{j}]", f'unknown category "{category}": use '
                             "one of the ids listed under categories")
            self._origin(at, g)
        for i, p in self.ix["projects"]:
            at = f"projects[{i}]"
            for j, group_id in enumerate(p.exercises):
                self._ref(f"{at}.exercises[{j}]", group_id, self.groups, "requirement group")
            for j, skill_id in enumerate(p.skills):
                self._ref(f"{at}.skills[{j}]", skill_id, self.skills, "skill")
            for j, upgrade in enumerate(p.upgrades):
                self._ref(f"{at}.upgrades[{j}].skill", upgrade.skill, self.skills, "skill")
            self._origin(at, p)
        for i, r in self.ix["resources"]:
            at = f"resources[{i}]"
            for j, group_id in enumerate(r.helps):
                self._ref(f"{at}.helps[{j}]", group_id, self.groups, "requirement group")
            for j, skill_id in enumerate(r.fits):
                self._ref(f"{at}.fits[{j}]", skill_id, self.skills, "skill")
            if r.skill is not None:
                self._ref(f"{at}.skill", r.skill, self.skills, "skill")
            self._origin(at, r)
        seen_prompts: dict[str, int] = {}
        for i, pr in self.ix["interview_prompts"]:
            at = f"interview_prompts[{i}]"
            if (pr.skill is None) == (pr.category is None):
                self.add(at, "give exactly one of skill or category")
                continue
            key = f"skill {pr.skill}" if pr.skill else f"category {pr.category}"
            if key in seen_prompts:
                self.add(at, f"{key} already has questions at interview_prompts[{seen_prompts[key]}]: "
                         "merge them")
            seen_prompts.setdefault(key, i)
            if pr.skill is not None:
                self._ref(f"{at}.skill", pr.skill, self.skills, "skill")
            elif pr.category not in self.categories:
                self.add(f"{at}.category", f'unknown category "{pr.category}": use one of the '
                         "ids listed under categories")
            elif any("{name}" not in q for q in pr.questions):
                self.add(f"{at}.questions", "a category's questions must each contain {name}")
        for i, st in self.ix["stacks"]:
            for name, category in _STACK_CATEGORIES.items():
                value = getattr(st, name)
                for j, skill_id in enumerate(value if isinstance(value, list) else [value]):
                    if skill_id is not None:
                        where = f"stacks[{i}].{name}" + (f"[{j}]" if name == "frameworks" else "")
                        self._ref(where, skill_id, self.skills, "skill", category)
        return self.problems

    def _unique(self, section: str, key: str) -> dict[str, int]:
        first: dict[str, int] = {}
        for i, entry in self.ix[section]:
            value = getattr(entry, key)
            if value in first:
                self.add(f"{section}[{i}].{key}", f'duplicate {key} "{value}" (first at '
                         f"{section}[{first[value]}])")
            else:
                first[value] = i
        return first

    def _ref(self, location: str, value: str, known: dict[str, int], kind: str,
             category: str | None = None) -> None:
        if value in self.broken:
            return  # its own schema problem is already reported
        if value not in known:
            self.add(location, f'unknown {kind} "{value}": use an id defined in the file')
        elif category and self.category_of.get(value) != category:
            self.add(location, f'"{value}" is in category {self.category_of.get(value)}, '
                     f"expected {category}")

    def _terms(self) -> None:
        seen: dict[str, str] = {}
        for i, s in self.ix["skills"]:
            named = [(f"skills[{i}].name", "name", s.name)]
            named += [(f"skills[{i}].aliases[{j}]", "alias", a) for j, a in enumerate(s.aliases)]
            for location, kind, term in named:
                key = term.casefold()
                if kind == "alias" and key == s.name.casefold():
                    self.add(location, f'alias "{term}" repeats the skill\'s own name')
                elif key in seen:
                    self.add(location, f'{kind} "{term}" also used by {seen[key]}')
                else:
                    seen[key] = f"skills[{i}] ({s.id})"

    def _origin(self, at: str, entry: _Sourced) -> None:
        seen: set[str] = set()
        for k, source in enumerate(entry.sources):
            if source.article not in self.articles:
                self.add(f"{at}.sources[{k}].article", f'unknown article "{source.article}": '
                         f"list it under articles first")
            elif source.article in seen:
                self.add(f"{at}.sources[{k}].article", f'article "{source.article}" is listed '
                         f"twice: merge its phrases into one source")
            seen.add(source.article)
        if entry.origin == "articles" and not entry.sources:
            self.add(f"{at}.origin", "origin is articles but no sources are given: add the "
                     "article phrases or set origin: reviewer")
        if entry.origin == "reviewer" and entry.sources:
            self.add(f"{at}.origin", "origin is reviewer but articles are listed under "
                     "sources: set origin: articles")
        if entry.origin == "reviewer" and not entry.note:
            self.add(f"{at}.note", "a reviewer entry needs a note saying why a backend "
                     "reviewer expects it")

    def _cycles(self) -> None:
        graph = {e.id: [t for t in e.implies if t in self.skills] for _, e in self.ix["skills"]}
        state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
        reported: set[frozenset[str]] = set()

        def visit(node: str, path: list[str]) -> None:
            state[node] = 1
            path.append(node)
            for target in graph[node]:
                if state.get(target) == 1:
                    cycle = path[path.index(target):] + [target]
                    if frozenset(cycle) not in reported:
                        reported.add(frozenset(cycle))
                        self.add(f"skills[{self.skills[target]}].implies", "implies cycle "
                                 f"{' -> '.join(cycle)}: remove one of these implies")
                elif target not in state:
                    visit(target, path)
            path.pop()
            state[node] = 2

        for node in graph:
            if node not in state:
                visit(node, [])
