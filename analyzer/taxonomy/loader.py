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

import copyreg
import dataclasses
import functools
import hashlib
import os
import pickle
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from analyzer.errors import Problem, TaxonomyError

if TYPE_CHECKING:  # the schema (pydantic) is imported only when a YAML file is validated:
    # a start-up that loads the compiled taxonomy never pays for importing pydantic
    from analyzer.taxonomy.schema import AmbiguityEntry, SourceEntry

__all__ = [
    "ENV_VAR", "Ambiguity", "Article", "compile_taxonomy", "taxonomy_sha256", "Project", "RequirementGroup",
    "Resource", "Skill", "Source",
    "Stack", "Taxonomy", "Upgrade", "check_phrases", "check_taxonomy", "default_taxonomy_path",
    "load_taxonomy",
]

ENV_VAR = "JOBREADY_TAXONOMY"
FILE_NAME = "skill_taxonomy.yaml"
TECHNOLOGIES_FILE = "technologies.yaml"
"""The broad technology vocabulary, read from the folder of the skill taxonomy when present."""


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
    ``shared_context``: whether the shared programming words of
    :data:`analyzer.skills.disambiguation.CONTEXT_WORDS` count as context too (False for the
    homonyms of ``technologies.yaml``, which rely on their own and their category's words).
    """

    case_sensitive: bool
    needs_context: bool
    context_words: tuple[str, ...]
    reject_before: tuple[str, ...]
    reject_after: tuple[str, ...]
    note: str
    terms: tuple[str, ...] = ()
    shared_context: bool = True


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
    kind: str = "skill"
    source: str | None = None

    @property
    def is_technology(self) -> bool:
        """Whether this entry comes from ``technologies.yaml`` rather than the curated skills."""
        return self.kind == "technology"

    @property
    def terms(self) -> tuple[str, ...]:
        """The name followed by every alias, as written in the file."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class RequirementGroup:
    """A requirement met by ``need`` of the ``any_of`` skills; ``weight`` as for skills.

    ``related_categories``, ``related_words`` and ``related_veto`` say what touches the area
    without meeting it (another language than a web-backend one, the word "tested"), and
    ``related_note`` why that is not enough; see :mod:`analyzer.scoring.readiness`.
    """

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
    related_categories: tuple[str, ...] = ()
    related_words: tuple[str, ...] = ()
    related_veto: tuple[str, ...] = ()
    related_note: str | None = None


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

    @property
    def technologies(self) -> tuple[Skill, ...]:
        """The entries of ``technologies.yaml`` (``Skill.kind == "technology"``), in file order."""
        return tuple(s for s in self.skills.values() if s.is_technology)

    def groups_crediting(self, skill_id: str) -> tuple[str, ...]:
        """Ids of the requirement groups a skill or technology counts towards, in file order:
        those listing it or a skill it implies (Amazon Redshift -> relational_database).
        Raises ``KeyError`` for an unknown id."""
        reach = {skill_id, *self._closure[skill_id]}
        return tuple(g.id for g in self.groups if reach.intersection(g.any_of))

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
    try:
        tech = (resolved.parent / TECHNOLOGIES_FILE).stat()
        tech_key = (tech.st_mtime_ns, tech.st_size)
    except OSError:
        tech_key = None
    return _load_cached(str(resolved), stat.st_mtime_ns, stat.st_size, tech_key)


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
def _load_cached(path: str, mtime_ns: int, size: int, tech_key: tuple | None = None) -> Taxonomy:
    # mtime_ns, size and tech_key are part of the cache key only: an edited file reloads.
    compiled = _from_artifact(Path(path))
    if compiled is not None:
        return compiled
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


@functools.cache
def _loader_class() -> type:
    """A safe YAML loader that records duplicate mapping keys (plain YAML keeps the last).

    Built on first use: a start-up that loads the compiled taxonomy never imports PyYAML.
    """
    import yaml

    class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml parses ~5x faster
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

    return _Loader


def _read(path: Path) -> tuple[Taxonomy | None, list[Problem]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_unreadable(path, exc)]
    from analyzer.taxonomy.schema import validate as _validate
    from analyzer.taxonomy.technologies import validate_technologies

    data, problems = _parse(raw, path)
    if problems:
        return None, problems
    entries, problems = _validate(data)
    if problems:
        return None, problems
    tech_path = path.parent / TECHNOLOGIES_FILE
    digest = hashlib.sha256(raw)
    if tech_path.is_file():
        tech_raw = tech_path.read_bytes()
        digest.update(tech_raw)
        tech_data, problems = _parse(tech_raw, tech_path)
        if not problems:
            terms = {t.casefold(): f"skill_taxonomy.yaml ({e.id})"
                     for e in entries["skills"] for t in (e.name, *e.aliases)}
            tech, problems = validate_technologies(
                tech_data, {e.id: e for e in entries["skills"]}, terms,
                {c.id for c in entries["categories"]})
            entries["technologies"] = tech
        if problems:
            return None, [Problem(f"{TECHNOLOGIES_FILE}: {p.location}", p.message)
                          for p in problems]
    return _build(path, digest.hexdigest(), entries), []


def _parse(raw: bytes, path: Path) -> tuple[object, list[Problem]]:
    """YAML text -> data, or the problems (encoding, syntax, duplicate keys) with locations."""
    import yaml

    try:
        loader = _loader_class()(raw.decode("utf-8"))
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
    return data, loader.duplicates


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
            closure[skill_id] = ()  # validation rules out cycles; this guards the recursion
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
                         e.origin, e.note,
                         tuple(e.related.categories) if e.related else (),
                         tuple(e.related.words) if e.related else (),
                         tuple(e.related.veto) if e.related else (),
                         e.related.note if e.related else None)
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
    categories = {e.id: e.name for e in entries["categories"]}
    tech = entries.get("technologies")
    if tech:
        categories.update({c.id: c.name for c in tech["file"].categories})
        skills.update(_technologies(tech, n_total))
    terms = {t.casefold(): s.id for s in skills.values() for t in s.terms}
    return Taxonomy(
        version=entries["version"], path=path, sha256=sha256,
        articles=tuple(Article(e.file, e.title) for e in entries["articles"]),
        categories=MappingProxyType(categories),
        skills=MappingProxyType(skills), groups=groups, projects=projects,
        stacks=MappingProxyType(stacks), resources=resources,
        prompts_by_skill=MappingProxyType({e.skill: tuple(e.questions) for e in prompts if e.skill}),
        prompts_by_category=MappingProxyType({e.category: tuple(e.questions)
                                              for e in prompts if e.category}),
        _closure=MappingProxyType(_closure(skills)),
        _terms=MappingProxyType(terms))


def _technologies(tech: dict, n_total: int) -> dict[str, Skill]:
    """``technologies.yaml`` entries as :class:`Skill` objects of kind ``technology``.

    A technology weighs like a reviewer-only skill, 1 / (articles + 1): no seed article
    names it. ``homonyms`` become an :class:`Ambiguity` that is case-sensitive and needs
    context, with the entry's and its category's context words.
    """
    head = tech["file"]
    context = {c.id: tuple(c.context_words) for c in head.categories}
    context.update({k: tuple(v) for k, v in head.category_context.items()})
    built = {}
    for e in tech["technologies"]:
        ambiguity = _ambiguity(e.ambiguity)
        if e.homonyms:
            words = tuple(dict.fromkeys((*e.context_words, *context.get(e.category, ()))))
            # the shared programming words ("developer", "code") are left out: "MERN Stack
            # Developer" or "HCL Technologies, developer" must not make a homonym a technology
            ambiguity = Ambiguity(True, True, words, (), (), f'{", ".join(e.homonyms)}: also '
                                  "ordinary words; only as written and with context",
                                  tuple(e.homonyms), shared_context=False)
        built[e.id] = Skill(e.id, e.name, e.category, tuple(e.aliases), tuple(e.implies), (),
                            "reviewer" if e.source == "reviewer" else "reference", None, ambiguity,
                            MappingProxyType({}), 1 / (n_total + 1), "technology", e.source)
    return built


# ---------------------------------------------------------------- compiled artifact

ARTIFACT = "taxonomy.pickle"
"""The validated taxonomy, pickled into ``models/`` beside the taxonomy file."""
_FORMAT = 1
# the read-only views of Taxonomy and Skill pickle as the dicts they wrap
def _readonly(mapping: dict) -> Mapping:
    return MappingProxyType(mapping)


copyreg.pickle(MappingProxyType, lambda m: (_readonly, (dict(m),)))


def taxonomy_sha256(path: str | Path) -> str:
    """sha256 of the taxonomy at ``path`` and of the ``technologies.yaml`` beside it (if any),
    as :attr:`Taxonomy.sha256` reports it; raises ``OSError`` for an unreadable file."""
    path = Path(path)
    digest = hashlib.sha256(path.read_bytes())
    tech = path.parent / TECHNOLOGIES_FILE
    if tech.is_file():
        digest.update(tech.read_bytes())
    return digest.hexdigest()


def artifact_path(path: str | Path) -> Path:
    """Where the compiled taxonomy of the file at ``path`` lives: ``models/`` beside it."""
    return Path(path).parent / "models" / ARTIFACT


def compile_taxonomy(path: str | Path | None = None) -> Path:
    """Validate the taxonomy at ``path`` and pickle it to :func:`artifact_path`.

    Loading the pickle skips YAML parsing and validation (about 1 s for the 2,250 skills and
    technologies); :func:`load_taxonomy` uses it only while its ``sha256`` equals that of the
    files. Raises ``TaxonomyError`` for an invalid taxonomy. Returns the file written.
    """
    source = (Path(path) if path is not None else default_taxonomy_path()).absolute()
    taxonomy, problems = _read(source)
    if problems or taxonomy is None:
        raise TaxonomyError(_summary(str(source), problems), problems)
    target = artifact_path(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = {"format": _FORMAT, "sha256": taxonomy.sha256, "taxonomy": taxonomy}
    partial = target.with_suffix(".partial")
    partial.write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    partial.replace(target)  # never a half-written artifact
    return target


def _from_artifact(path: Path) -> Taxonomy | None:
    """The pickled taxonomy when it is in step with the files at ``path``, else None."""
    target = artifact_path(path)
    if not target.is_file():
        return None
    try:
        sha256 = taxonomy_sha256(path)
        payload = pickle.loads(target.read_bytes())  # our own file, written by compile_taxonomy
    except Exception:  # a stale or foreign pickle is ignored: the YAML is the truth
        return None
    if not isinstance(payload, dict) or payload.get("format") != _FORMAT \
            or payload.get("sha256") != sha256 or not isinstance(payload.get("taxonomy"), Taxonomy):
        return None
    return dataclasses.replace(payload["taxonomy"], path=path)
