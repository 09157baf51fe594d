"""The skill taxonomy: ``skill_taxonomy.yaml`` validated into frozen objects.

The YAML file is the single source of what jobready knows about backend skills:
skills with their aliases, implications, ambiguity rules and package names, the
requirement groups a junior backend role is judged on, project ideas and
per-language stacks. ``docs/taxonomy.md`` describes every field.

Usage::

    taxonomy = load_taxonomy()                  # the repo's skill_taxonomy.yaml
    taxonomy.skill("postgresql").implies        # ("sql", "relational_databases")
    taxonomy.implied(["django"])                # {"python": ("django",)}

Weights (computed here, never stored in the YAML): a skill or requirement group
named by ``n`` of the seed articles (``/work/shared/seeds``, listed under
``articles``) weighs ``(n + 1) / (len(articles) + 1)``; with the five seed
articles that is ``(n + 1) / 6``, so a reviewer-only entry weighs 1/6 and an
entry every article names weighs 1.0. The ``+ 1`` keeps reviewer additions
(Docker, CI/CD, ...) visible in scores while letting the articles' consensus
rank what matters most.

Loading validates everything and reports every problem with its location
(``skills[12].aliases[3]: ...``) in one ``TaxonomyError``; ``check_taxonomy``
returns the same list without raising. Loads are cached per (path, mtime, size).
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

from analyzer.errors import Problem, TaxonomyError
from analyzer.taxonomy.schema import AmbiguityEntry, SourceEntry
from analyzer.taxonomy.schema import validate as _validate

__all__ = [
    "ENV_VAR", "Ambiguity", "Article", "Project", "RequirementGroup", "Resource", "Skill", "Source",
    "Stack", "Taxonomy", "Upgrade", "check_phrases", "check_taxonomy", "default_taxonomy_path",
    "load_taxonomy",
]

ENV_VAR = "JOBREADY_TAXONOMY"
FILE_NAME = "skill_taxonomy.yaml"


# ---------------------------------------------------------------- public frozen objects


@dataclass(frozen=True)
class Article:
    """A seed article: its file name in the seeds folder and its title."""

    file: str
    title: str


@dataclass(frozen=True)
class Source:
    """Where an article names a skill: the article's file name and the phrases it uses."""

    article: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Ambiguity:
    """Rules for a name that is also an ordinary word ("Go", "Express", "Spring").

    ``terms``: the surface forms the rules apply to (empty = the name and every alias).
    ``case_sensitive``: those terms match only as written. ``needs_context``: accept
    them only in a skills list, next to other skills or near one of
    ``context_words``. ``reject_before`` / ``reject_after``: token texts
    (case-insensitive) that veto a match when immediately before / after it.
    """

    case_sensitive: bool
    needs_context: bool
    context_words: tuple[str, ...]
    reject_before: tuple[str, ...]
    reject_after: tuple[str, ...]
    note: str
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skill:
    """One skill. ``weight`` in [1/6, 1]: (articles naming it + 1) / (len(articles) + 1).

    ``packages`` maps an ecosystem (pypi, npm, maven "group:artifact", rubygems,
    composer, go module path, cargo, nuget) to package names or fnmatch globs.
    """

    id: str
    name: str
    category: str
    aliases: tuple[str, ...]
    implies: tuple[str, ...]
    sources: tuple[Source, ...]
    origin: str
    note: str | None
    ambiguity: Ambiguity | None
    packages: Mapping[str, tuple[str, ...]] = field(hash=False)
    weight: float

    @property
    def terms(self) -> tuple[str, ...]:
        """The name followed by every alias, as written in the file."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class RequirementGroup:
    """A requirement met by ``need`` of the ``any_of`` skills; ``weight`` as for skills."""

    id: str
    name: str
    description: str
    any_of: tuple[str, ...]
    need: int
    missing_reason: str
    weight: float
    sources: tuple[Source, ...] = ()
    origin: str = "articles"
    note: str | None = None


@dataclass(frozen=True)
class Upgrade:
    """A way to grow a project: the skill it adds and what to do."""

    skill: str
    text: str


@dataclass(frozen=True)
class Project:
    """A practice project; ``exercises`` are requirement-group ids, ``skills`` skill ids."""

    id: str
    title: str
    difficulty: str
    brief: str
    exercises: tuple[str, ...]
    skills: tuple[str, ...]
    upgrades: tuple[Upgrade, ...]
    origin: str
    sources: tuple[Source, ...]
    note: str | None = None


@dataclass(frozen=True)
class Stack:
    """The usual tools for one backend language (skill ids; frameworks preferred first)."""

    language: str
    frameworks: tuple[str, ...]
    database: str
    testing: str
    orm: str | None


@dataclass(frozen=True)
class Resource:
    """A learning resource or certification an article names (``resources`` in the YAML).

    ``helps`` are requirement-group ids, ``levels`` the candidate levels it suits
    (beginner | intermediate | advanced), ``fits`` skill ids of which the candidate must
    show one (empty = anyone), ``skill`` the skill it stands for (a certification).
    """

    id: str
    name: str
    kind: str
    url: str | None
    use: str
    helps: tuple[str, ...]
    levels: tuple[str, ...]
    fits: tuple[str, ...]
    skill: str | None
    origin: str
    sources: tuple[Source, ...]
    note: str | None = None


@dataclass(frozen=True, eq=False)
class Taxonomy:
    """The validated taxonomy. Mappings are read-only views in file order."""

    version: int
    path: Path
    sha256: str
    articles: tuple[Article, ...]
    categories: Mapping[str, str]
    skills: Mapping[str, Skill]
    groups: tuple[RequirementGroup, ...]
    projects: tuple[Project, ...]
    stacks: Mapping[str, Stack]
    resources: tuple[Resource, ...] = ()
    prompts_by_skill: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Interview questions per skill id (``interview_prompts`` rows with ``skill``)."""
    prompts_by_category: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Interview questions per category id, with ``{name}`` standing for the skill's name."""
    _closure: Mapping[str, tuple[str, ...]] = field(repr=False, default_factory=dict)
    _terms: Mapping[str, str] = field(repr=False, default_factory=dict)

    def skill(self, skill_id: str) -> Skill:
        """The skill with this id; raises ``KeyError`` for an unknown id."""
        return self.skills[skill_id]

    def group(self, group_id: str) -> RequirementGroup:
        """The requirement group with this id; raises ``KeyError`` for an unknown id."""
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def by_category(self, category: str) -> tuple[Skill, ...]:
        """Skills of one category id, in file order (empty for an unknown category)."""
        return tuple(s for s in self.skills.values() if s.category == category)

    def lookup(self, term: str) -> Skill | None:
        """The skill whose name or alias equals ``term`` case-insensitively, else None."""
        skill_id = self._terms.get(term.casefold())
        return self.skills[skill_id] if skill_id else None

    def implied(self, ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Transitive closure of ``implies``: implied id -> the given ids implying it.

        ``implied(["django", "postgresql"])`` gives ``{"python": ("django",), "sql":
        ("postgresql",), ...}``; keys are in file order, values in input order, and
        a given id appears as a key too when another given id implies it.
        Raises ``KeyError`` for an unknown id.
        """
        found: dict[str, list[str]] = {}
        for skill_id in dict.fromkeys(ids):
            for target in self._closure[skill_id]:
                found.setdefault(target, []).append(skill_id)
        return {sid: tuple(found[sid]) for sid in self.skills if sid in found}


# ---------------------------------------------------------------- loading


def default_taxonomy_path() -> Path:
    """Where ``load_taxonomy()`` looks when given no path.

    ``$JOBREADY_TAXONOMY`` if set; else ``skill_taxonomy.yaml`` next to the
    ``analyzer`` package (a source checkout); else the copy installed as package
    data at ``analyzer/data/skill_taxonomy.yaml``. When none exists the checkout
    path is returned so the error names it.
    """
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    package = Path(__file__).resolve().parents[1]  # analyzer/
    checkout = package.parent / FILE_NAME
    installed = package / "data" / FILE_NAME
    return installed if not checkout.exists() and installed.exists() else checkout


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load and validate the taxonomy at ``path`` (default: ``default_taxonomy_path()``).

    Repeated loads of an unchanged file return the same cached object.
    Raises ``TaxonomyError`` whose ``problems`` lists every problem found.
    """
    resolved = (Path(path) if path is not None else default_taxonomy_path()).absolute()
    try:
        stat = resolved.stat()
    except OSError as exc:
        problem = _unreadable(resolved, exc)
        raise TaxonomyError(problem.message, [problem]) from exc
    return _load_cached(str(resolved), stat.st_mtime_ns, stat.st_size)


def check_taxonomy(path: str | Path | None = None) -> list[Problem]:
    """Every problem in the taxonomy file at ``path`` (empty list when it is valid)."""
    return _read(Path(path) if path is not None else default_taxonomy_path())[1]


def check_phrases(taxonomy: Taxonomy, seeds_dir: str | Path) -> list[Problem]:
    """Problems where a source phrase does not occur (case-insensitively) in its article.

    ``seeds_dir`` is the folder holding the article files listed under ``articles``;
    an article missing from it is one problem at ``articles[i].file``.
    """
    texts: dict[str, str] = {}
    problems = []
    for i, article in enumerate(taxonomy.articles):
        try:
            texts[article.file] = (Path(seeds_dir) / article.file).read_text("utf-8").casefold()
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(f"articles[{i}].file", f"cannot read {article.file} in "
                                    f"{seeds_dir} ({exc}): check the seeds folder"))
    entries = [(f"skills[{i}]", s.sources) for i, s in enumerate(taxonomy.skills.values())]
    entries += [(f"requirement_groups[{i}]", g.sources) for i, g in enumerate(taxonomy.groups)]
    entries += [(f"projects[{i}]", p.sources) for i, p in enumerate(taxonomy.projects)]
    entries += [(f"resources[{i}]", r.sources) for i, r in enumerate(taxonomy.resources)]
    for where, sources in entries:
        for s_index, source in enumerate(sources):
            for p_index, phrase in enumerate(source.phrases):
                if source.article in texts and phrase.casefold() not in texts[source.article]:
                    problems.append(Problem(
                        f"{where}.sources[{s_index}].phrases[{p_index}]",
                        f'phrase "{phrase}" does not occur in {source.article}'))
    return problems


@functools.lru_cache(maxsize=16)
def _load_cached(path: str, mtime_ns: int, size: int) -> Taxonomy:
    # mtime_ns and size are part of the cache key only: an edited file reloads.
    taxonomy, problems = _read(Path(path))
    if problems or taxonomy is None:
        raise TaxonomyError(_summary(path, problems), problems)
    return taxonomy


def _unreadable(path: Path, exc: OSError) -> Problem:
    if isinstance(exc, FileNotFoundError):
        what = "does not exist"
    else:
        what = f"cannot be read ({exc.strerror or exc})"
    return Problem(str(path), f"the skill taxonomy {path} {what}: pass the path of a "
                   f"readable {FILE_NAME} or set {ENV_VAR} to one")


def _summary(path: str, problems: list[Problem]) -> str:
    shown = "; ".join(str(p) for p in problems[:5])
    more = f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
    return (f"the skill taxonomy {path} has {len(problems)} problem(s) ({shown}{more}): "
            f"fix them and load it again")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml parses ~5x faster
    """A safe YAML loader that records duplicate mapping keys (plain YAML keeps the last)."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.duplicates: list[Problem] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str) and key in seen:
                self.duplicates.append(Problem(
                    f"line {key_node.start_mark.line + 1}",
                    f'duplicate key "{key}" (YAML would silently keep only the last): merge them'))
            seen.add(key if isinstance(key, str) else id(key_node))
        return super().construct_mapping(node, deep=deep)


def _read(path: Path) -> tuple[Taxonomy | None, list[Problem]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_unreadable(path, exc)]
    try:
        loader = _Loader(raw.decode("utf-8"))
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except UnicodeDecodeError as exc:
        return None, [Problem(str(path), f"the file is not UTF-8 text ({exc.reason} at byte "
                              f"{exc.start}): save it as UTF-8")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else str(path)
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(where, f"YAML syntax error: {reason}; fix the YAML at that line")]
    entries, problems = _validate(data)
    problems = loader.duplicates + problems
    if problems:
        return None, problems
    return _build(path, hashlib.sha256(raw).hexdigest(), entries), []


# ---------------------------------------------------------------- building


def _weight(sources: list[SourceEntry], n_total: int) -> float:
    return (len({s.article for s in sources}) + 1) / (n_total + 1)


def _sources(entries: list[SourceEntry]) -> tuple[Source, ...]:
    return tuple(Source(s.article, tuple(s.phrases)) for s in entries)


def _ambiguity(entry: AmbiguityEntry | None) -> Ambiguity | None:
    if entry is None:
        return None
    return Ambiguity(entry.case_sensitive, entry.needs_context, tuple(entry.context_words),
                     tuple(entry.reject_before), tuple(entry.reject_after), entry.note,
                     tuple(entry.terms))


def _closure(skills: Mapping[str, Skill]) -> dict[str, tuple[str, ...]]:
    closure: dict[str, tuple[str, ...]] = {}

    def visit(skill_id: str) -> tuple[str, ...]:
        if skill_id not in closure:
            reached: dict[str, None] = {}
            for target in skills[skill_id].implies:
                reached[target] = None
                reached.update(dict.fromkeys(visit(target)))
            closure[skill_id] = tuple(reached)
        return closure[skill_id]

    for skill_id in skills:
        visit(skill_id)  # validation guarantees there is no cycle
    return closure


def _build(path: Path, sha256: str, entries: dict[str, list]) -> Taxonomy:
    n_total = len(entries["articles"])
    skills = {
        e.id: Skill(e.id, e.name, e.category, tuple(e.aliases), tuple(e.implies),
                    _sources(e.sources), e.origin, e.note, _ambiguity(e.ambiguity),
                    MappingProxyType({k: tuple(v) for k, v in e.packages.items()}),
                    _weight(e.sources, n_total))
        for e in entries["skills"]
    }
    groups = tuple(
        RequirementGroup(e.id, e.name, e.description, tuple(e.any_of), e.need,
                         e.missing_reason, _weight(e.sources, n_total), _sources(e.sources),
                         e.origin, e.note)
        for e in entries["requirement_groups"])
    projects = tuple(
        Project(e.id, e.title, e.difficulty, e.brief, tuple(e.exercises), tuple(e.skills),
                tuple(Upgrade(u.skill, u.text) for u in e.upgrades), e.origin,
                _sources(e.sources), e.note)
        for e in entries["projects"])
    stacks = {e.language: Stack(e.language, tuple(e.frameworks), e.database, e.testing, e.orm)
              for e in entries["stacks"]}
    resources = tuple(
        Resource(e.id, e.name, e.kind, e.url, e.use, tuple(e.helps), tuple(e.levels),
                 tuple(e.fits), e.skill, e.origin, _sources(e.sources), e.note)
        for e in entries["resources"])
    prompts = entries["interview_prompts"]
    terms = {t.casefold(): s.id for s in skills.values() for t in s.terms}
    return Taxonomy(
        version=entries["version"], path=path, sha256=sha256,
        articles=tuple(Article(e.file, e.title) for e in entries["articles"]),
        categories=MappingProxyType({e.id: e.name for e in entries["categories"]}),
        skills=MappingProxyType(skills), groups=groups, projects=projects,
        stacks=MappingProxyType(stacks), resources=resources,
        prompts_by_skill=MappingProxyType({e.skill: tuple(e.questions) for e in prompts if e.skill}),
        prompts_by_category=MappingProxyType({e.category: tuple(e.questions)
                                              for e in prompts if e.category}),
        _closure=MappingProxyType(_closure(skills)),
        _terms=MappingProxyType(terms))
