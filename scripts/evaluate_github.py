"""Measure the repository detectors against hand-made ground truth for the GitHub corpus.

Loads every ``repos/*.json`` of the GitHub development corpus (repository object, languages,
tree and manifest texts; no source files) into a :class:`~analyzer.repos.RepoSnapshot`, runs
:func:`~analyzer.repos.analyze_repo` and compares, per repository, what was detected against
:data:`EXPECTED`::

    .venv/bin/python scripts/evaluate_github.py [--corpus /work/shared/corpus/github] [--taxonomy PATH]
        [--folders DIR ...]

Categories: frameworks, databases (and brokers, search, caches), APIs (REST, GraphQL), tests
(real / stub / none), CI providers, Docker (a Dockerfile or compose file for the app), auth.
"From code" counts the expected REST, database and auth skills found by reading the code or the
tree's file names (``analyzer.code.codereading``) rather than only from manifests, images or
what a framework implies.

``--folders`` also measures local checkouts of real public repositories (folder named
``owner+name`` or ``name``) against :data:`EXPECTED_FOLDERS`, written by hand after reading
each repository's routes, settings and auth code: every file is read there, so this is where
reading the code shows. Skills listed under ``absent`` must not appear (``axios`` is no jQuery,
``@types/node`` in a frontend is no Node.js work). ``--via-github anonymous|token`` serves those
folders from the fake GitHub API of ``tests/github_server.py`` (every text file of each folder)
and reads them as one profile within the request budget, so the figures show what the GitHub
path finds when only the files worth a request are read. A test suite known only
by its file names (``present``: contents not read) is not verified: it is counted apart,
neither right nor wrong. A category's detected set
is the repository's evidence plus what the taxonomy's ``implies`` adds, limited to that category's
skills; expected skills the taxonomy lacks are listed and left out of the counts.
Prints TP / FP / FN per repository and precision / recall per category.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from analyzer.code.repos import RepoAnalysis, RepoSnapshot, TreeEntry, analyze_repo, snapshot_from_folder
from analyzer.taxonomy.loader import Taxonomy, load_taxonomy

DEFAULT_CORPUS = Path("/work/shared/corpus/github")
TODAY = date(2026, 5, 15)  # fixed so the activity check is reproducible; not part of the scores

# Ground truth, written from the corpus README's "What each repository demonstrates" table and
# checked against each repository's manifests, CI and Docker files. Names are looked up in the
# taxonomy (name or alias). Tests: "real" / "stub" / "none".
EXPECTED: dict[str, dict[str, object]] = {
    "miguelgrinberg/microblog": {  # SQLite is the default in config.py (not in the corpus): expected, undetectable
        "apis": {"REST"},
        "frameworks": {"Flask"}, "databases": {"SQLite", "PostgreSQL", "MySQL", "Elasticsearch", "Redis"},
        "tests": "real", "ci": set(), "docker": True, "auth": {"Authentication", "JWT"}},
    "spring-projects/spring-petclinic": {  # H2 has no skill in the taxonomy
        "apis": set(),
        "frameworks": {"Spring Boot", "Spring"}, "databases": {"MySQL", "PostgreSQL"},
        "tests": "real", "ci": {"GitHub Actions"}, "docker": True, "auth": set()},
    "santiq/bulletproof-nodejs": {
        "apis": {"REST"},
        "frameworks": {"Express"}, "databases": {"MongoDB"}, "tests": "stub", "ci": {"CircleCI"},
        "docker": False, "auth": {"JWT", "Authentication", "Password hashing"}},
    "testdrivenio/fastapi-tdd-docker": {
        "apis": {"REST"},
        "frameworks": {"FastAPI"}, "databases": {"PostgreSQL"}, "tests": "real", "ci": {"GitHub Actions"},
        "docker": True, "auth": set()},
    "HackSoftware/Django-Styleguide-Example": {
        "apis": {"REST"},
        "frameworks": {"Django", "Django REST Framework"}, "databases": {"PostgreSQL", "RabbitMQ"},
        "tests": "real", "ci": {"GitHub Actions"}, "docker": True,
        "auth": {"JWT", "OAuth", "Authentication"}},
    "techschool/simplebank": {  # role-based access lives in Go code only
        "apis": {"REST"},
        "frameworks": {"Gin"}, "databases": {"PostgreSQL", "Redis"}, "tests": "real", "ci": {"GitHub Actions"},
        "docker": True, "auth": {"JWT", "Authentication", "Authorization"}},
    "joselfonseca/laravel-api": {  # tests use in-memory SQLite via phpunit.xml (not in the corpus)
        "apis": {"REST"},
        "frameworks": {"Laravel"}, "databases": {"MySQL", "SQLite"}, "tests": "real", "ci": {"GitHub Actions"},
        "docker": False, "auth": {"OAuth", "Authorization", "Authentication"}},
    "openbrewerydb/openbrewerydb-rails-api": {
        "apis": {"REST"},
        "frameworks": {"Ruby on Rails"}, "databases": {"PostgreSQL", "Elasticsearch"}, "tests": "real",
        "ci": {"GitHub Actions"}, "docker": False, "auth": set()},
    "bradtraversy/node_passport_login": {
        "apis": set(),
        "frameworks": {"Express"}, "databases": {"MongoDB"}, "tests": "none", "ci": set(), "docker": False,
        "auth": {"Passport.js", "Authentication", "Password hashing"}},
}

# Which taxonomy skills each set category covers: detected skills outside these are not counted.
DATABASE_IDS = {"mysql", "mariadb", "postgresql", "sqlite", "sql_server", "oracle_database", "cockroachdb", "mongodb",
                "cassandra", "dynamodb", "couchdb", "firestore", "neo4j", "elasticsearch", "influxdb", "redis",
                "memcached", "kafka", "rabbitmq", "supabase"}
AUTH_IDS = {"authentication", "authorization", "oauth", "openid_connect", "jwt", "spring_security", "passport_js",
            "devise", "password_hashing"}
CI_IDS = {"github_actions", "gitlab_ci", "jenkins", "other_ci"}
API_IDS = {"rest", "graphql"}
SET_CATEGORIES = ("frameworks", "databases", "apis", "ci", "auth")
CODE_CATEGORIES = ("databases", "apis", "auth")  # the kinds reading the code can find
FROM_CODE = {"read from the code", "file names only, content not read"}  # analyzer.code.codereading details

# Real public repositories read whole as local folders (snapshots of their default branch,
# December 2026), expected values written by hand from their route files, settings and auth code.
EXPECTED_FOLDERS: dict[str, dict[str, set[str]]] = {
    "HackSoftware/Django-Styleguide-Example": {  # DRF APIViews in */urls.py, DATABASES engine postgresql
        "apis": {"REST"}, "databases": {"PostgreSQL", "RabbitMQ"},
        "auth": {"JWT", "OAuth", "Authentication", "Password hashing"}, "absent": {"Node.js", "jQuery"}},
    "fastapi/full-stack-fastapi-template": {  # backend/ FastAPI + frontend/ React (generated API client)
        "apis": {"REST"}, "databases": {"PostgreSQL"}, "auth": {"JWT", "Authentication", "Password hashing"},
        "absent": {"jQuery", "Node.js"}},
    "gothinkster/node-express-realworld-example-app": {  # Express routers, Prisma provider postgresql
        "apis": {"REST"}, "databases": {"PostgreSQL"}, "auth": {"JWT", "Authentication", "Password hashing"},
        "absent": {"jQuery"}},
    "gothinkster/spring-boot-realworld-example-app": {  # @RestController + DGS GraphQL, jdbc:sqlite
        "apis": {"REST", "GraphQL"}, "databases": {"SQLite"},
        "auth": {"JWT", "Authentication", "Spring Security", "Password hashing"}, "absent": {"Node.js"}},
    "joselfonseca/laravel-api": {  # routes/api.php, DB_CONNECTION mysql, phpunit sqlite, Passport
        "apis": {"REST"}, "databases": {"MySQL", "SQLite"},
        "auth": {"OAuth", "Authorization", "Authentication", "Password hashing"}, "absent": {"Node.js"}},
    "lujakob/nestjs-realworld-example-app": {  # Nest controllers, ormconfig mysql, argon2, jwt, passport-jwt
        "apis": {"REST"}, "databases": {"MySQL"},
        "auth": {"JWT", "Authentication", "Password hashing", "Passport.js"}, "absent": {"Angular", "jQuery"}},
    "miguelgrinberg/microblog": {  # app/api blueprint answers JSON; SQLite default URL
        "apis": {"REST"}, "databases": {"SQLite", "PostgreSQL", "MySQL", "Elasticsearch", "Redis"},
        "auth": {"Authentication", "JWT", "Password hashing"}, "absent": {"Node.js"}},
    "openbrewerydb/openbrewerydb-rails-api": {  # namespace :v1 verb routes; database.yml postgresql
        "apis": {"REST"}, "databases": {"PostgreSQL", "Elasticsearch"}, "auth": set(), "absent": {"Node.js"}},
    "santiq/bulletproof-nodejs": {  # Express routers under src/api; mongoose.connect; argon2 + jwt.sign
        "apis": {"REST"}, "databases": {"MongoDB"}, "auth": {"JWT", "Authentication", "Password hashing"},
        "absent": {"jQuery"}},
    "spring-projects/spring-petclinic": {  # @Controller pages, no REST; H2 default, mysql/postgres profiles
        "apis": set(), "databases": {"MySQL", "PostgreSQL"}, "auth": set(), "absent": {"Node.js", "REST"}},
    "techschool/simplebank": {  # Gin router, pgx, Redis task queue, JWT and PASETO makers, bcrypt
        "apis": {"REST"}, "databases": {"PostgreSQL", "Redis"},
        "auth": {"JWT", "Authentication", "Authorization", "Password hashing"}, "absent": {"jQuery", "Node.js"}},
    "testdrivenio/fastapi-tdd-docker": {  # FastAPI routers, Tortoise with a postgres:// URL from compose
        "apis": {"REST"}, "databases": {"PostgreSQL"}, "auth": set(), "absent": {"Node.js"}},
    # frontend-only apps: they call an API (agent.js, axios, a jwt.service.js keeping the token), serve none
    "gothinkster/react-redux-realworld-example-app": {
        "apis": set(), "databases": set(), "auth": set(), "absent": {"Node.js", "jQuery", "REST", "JWT"}},
    "gothinkster/vue-realworld-example-app": {
        "apis": set(), "databases": set(), "auth": set(), "absent": {"Node.js", "jQuery", "REST", "JWT", "Mocha"}},
}


def load_snapshot(path: Path) -> RepoSnapshot:
    """One corpus file (GitHub REST field names) as the snapshot ``analyzer.code.github`` would build."""
    data = json.loads(path.read_text(encoding="utf-8"))
    repo = data["repo"]

    def when(value: str | None) -> datetime | None:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None

    return RepoSnapshot(
        source="github", name=repo["name"], full_name=repo["full_name"], html_url=repo["html_url"],
        description=repo["description"], homepage=repo["homepage"], fork=repo["fork"], archived=repo["archived"],
        topics=tuple(repo["topics"]), license=(repo["license"] or {}).get("spdx_id"),
        created_at=when(repo["created_at"]), pushed_at=when(repo["pushed_at"]),
        default_branch=repo["default_branch"], language=repo["language"], languages=data["languages"],
        tree=tuple(TreeEntry(e["path"], e["type"], e.get("size"), e.get("sha")) for e in data["tree"]["tree"]),
        tree_truncated=data["tree"]["truncated"], files=data["files"])


def category_ids(taxonomy: Taxonomy, category: str) -> set[str]:
    if category == "frameworks":  # the curated web frameworks: the vocabulary files libraries (Click, Viper) there too
        return {s.id for s in taxonomy.by_category("frameworks") if getattr(s, "kind", "skill") != "technology"}
    return {"databases": DATABASE_IDS, "auth": AUTH_IDS, "ci": CI_IDS, "apis": API_IDS}[category]


def detected_ids(analysis: RepoAnalysis, taxonomy: Taxonomy) -> set[str]:
    """Skill ids with evidence, plus those the taxonomy implies from them (what the profile shows)."""
    direct = {skill_id for skill_id, _ in analysis.evidence}
    return direct | set(taxonomy.implied(direct))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def line(self) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return f"TP {self.tp:3}  FP {self.fp:3}  FN {self.fn:3}  precision {precision:.2f}  recall {recall:.2f}"


def evaluate(corpus: Path, taxonomy: Taxonomy) -> dict[str, Tally]:
    """Print the per-repository comparison and return the tallies per category."""
    tallies = {c: Tally() for c in (*SET_CATEGORIES, "docker")}
    from_code: Counter[str] = Counter()
    tests: Counter[tuple[str, str]] = Counter()  # (expected, detected) statuses
    projects = 0  # repositories giving personal-project evidence (every corpus repository is original work)
    missing: set[str] = set()
    for path in sorted((corpus / "repos").glob("*.json")):
        snapshot = load_snapshot(path)
        expected = EXPECTED.get(snapshot.full_name)
        if expected is None:
            print(f"{snapshot.full_name}: no expected row, skipped")
            continue
        analysis = analyze_repo(snapshot, taxonomy, today=TODAY)
        print(f"\n{snapshot.full_name}  stack={','.join(analysis.stack)}")
        compare(analysis, expected, SET_CATEGORIES, taxonomy, tallies, from_code, missing)
        docker = next(c.passed for c in analysis.checks if c.id == "docker")
        want_docker = bool(expected["docker"])
        tallies["docker"].add(int(docker and want_docker), int(docker and not want_docker),
                              int(want_docker and not docker))
        print(f"  {'docker':10} detected {docker}  expected {want_docker}")
        tests[(str(expected["tests"]), analysis.tests.status)] += 1
        project = [e.text for sid, e in analysis.evidence if sid == "personal_projects"]
        projects += bool(project)
        print(f"  {'project':10} {project[0] if project else 'no personal-project evidence'}")
        print(f"  {'tests':10} detected {analysis.tests.status}  expected {expected['tests']}  ({analysis.tests.detail})")
        for warning in analysis.warnings:
            print(f"  warning: {warning}")
    print("\nOverall")
    for category, tally in tallies.items():
        print(f"  {category:10} {tally.line()}")
    print_from_code(from_code)
    print_tests(tests)
    print(f"  {'project':10} {projects}/{sum(tests.values())} repositories give personal-project evidence "
          "(all are originals, none a fork)")
    if missing:
        print(f"  expected names the taxonomy lacks (left out): {', '.join(sorted(missing))}")
    return tallies


def expected_ids(names: set[str], taxonomy: Taxonomy, missing: set[str]) -> set[str]:
    """Taxonomy ids of expected names; names the taxonomy lacks go to ``missing``."""
    ids = set()
    for name in names:
        skill = taxonomy.lookup(name)
        if skill is None:
            missing.add(name)
        else:
            ids.add(skill.id)
    return ids


def code_found(analysis: RepoAnalysis) -> set[str]:
    """Skill ids with evidence read from the code or the tree's file names (not a manifest or image)."""
    return {skill_id for skill_id, e in analysis.evidence if e.detail in FROM_CODE}


def compare(analysis: RepoAnalysis, expected: dict, categories: tuple[str, ...], taxonomy: Taxonomy,
            tallies: dict[str, Tally], from_code: Counter[str], missing: set[str]) -> None:
    """Add one repository's TP/FP/FN per category to ``tallies`` and its code-found skills to
    ``from_code`` (``"<category>"``: expected and found from code, ``"<category> expected"``: expected)."""
    found = detected_ids(analysis, taxonomy)
    by_code = code_found(analysis)
    for category in categories:
        want = expected_ids(set(expected[category]), taxonomy, missing)
        got = found & category_ids(taxonomy, category)
        tp, fp, fn = got & want, got - want, want - got
        tallies[category].add(len(tp), len(fp), len(fn))
        if category in CODE_CATEGORIES:
            from_code[category] += len(want & by_code)
            from_code[f"{category} expected"] += len(want)
        print(f"  {category:10} TP {sorted(tp)}  FP {sorted(fp)}  FN {sorted(fn)}"
              + (f"  from code {sorted(want & by_code)}" if category in CODE_CATEGORIES else ""))


def print_from_code(from_code: Counter[str]) -> None:
    """Expected REST/GraphQL, database and auth skills found by reading the code, per category."""
    parts = [f"{c} {from_code[c]}/{from_code[c + ' expected']}" for c in CODE_CATEGORIES]
    print(f"  {'from code':10} " + ", ".join(parts) + " expected skills found by reading code or file names")


def folder_expectation(folder: Path) -> tuple[str, dict | None]:
    """(owner/name, its :data:`EXPECTED_FOLDERS` row or None) for a folder named ``owner+name`` or ``name``."""
    name = folder.name.replace("+", "/")
    expected = EXPECTED_FOLDERS.get(name) or next(
        (v for k, v in EXPECTED_FOLDERS.items() if k.split("/")[1] == folder.name), None)
    return name, expected


def github_snapshots(folders: list[Path], token: str | None) -> dict[str, RepoSnapshot]:
    """The folders served by the fake GitHub API as one user's repositories and read as a profile
    (``token``: None for the anonymous 60-request budget); {folder name: snapshot}."""
    import sys
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from github_server import FakeGitHub, make_repo

    from analyzer.code.github import make_client

    repos = []
    for folder in folders:
        files = {}
        for entry in snapshot_from_folder(folder).tree:
            path = folder / entry.path
            if entry.type == "blob" and (entry.size or 0) <= 1_000_000:
                files[entry.path] = path.read_bytes()
        repos.append(make_repo(folder.name.replace("+", "--"), files, owner="devuser"))
    with FakeGitHub(repos=repos) as fake, tempfile.TemporaryDirectory() as cache:
        with make_client(token=token, base_url=fake.base_url, cache_dir=cache) as client:
            portfolio = client.fetch_profile("devuser")
        print(f"GitHub profile of {len(repos)} repositories, {'token' if token else 'no token'}: "
              f"{portfolio.requests_used} requests, {sum(len(s.files) for s in portfolio.snapshots)} files read")
    return {s.name.replace("--", "+"): s for s in portfolio.snapshots}


def evaluate_folders(folders: list[Path], taxonomy: Taxonomy, via_github: str | None = None) -> dict[str, Tally]:
    """Measure local checkouts against :data:`EXPECTED_FOLDERS` (read as folders, or through the
    fake GitHub API when ``via_github`` is ``"anonymous"`` or ``"token"``); print and return the tallies."""
    tallies = {c: Tally() for c in (*CODE_CATEGORIES, "absent")}
    from_code: Counter[str] = Counter()
    missing: set[str] = set()
    folders = [f for f in folders if folder_expectation(f)[1] is not None]
    snapshots = (github_snapshots(folders, "ghp_evaluate000000000000000000000000000" if via_github == "token" else None)
                 if via_github else {})
    for folder in folders:
        name, expected = folder_expectation(folder)
        snapshot = snapshots.get(folder.name) or snapshot_from_folder(folder)
        analysis = analyze_repo(snapshot, taxonomy, today=TODAY)
        print(f"\n{name} ({'GitHub, ' + via_github if via_github else 'folder'})  stack={','.join(analysis.stack)}")
        compare(analysis, expected, CODE_CATEGORIES, taxonomy, tallies, from_code, missing)
        absent = expected_ids(set(expected["absent"]), taxonomy, missing)
        wrong = absent & {skill_id for skill_id, _ in analysis.evidence}
        tallies["absent"].add(len(absent - wrong), len(wrong), 0)
        print(f"  {'absent':10} wrongly shown {sorted(wrong)}")
    print(f"\nFolders overall{' (through the GitHub API, ' + via_github + ')' if via_github else ''}")
    for category, tally in tallies.items():
        print(f"  {category:10} {tally.line()}" if category != "absent" else
              f"  {'absent':10} {tally.fp} of {tally.tp + tally.fp} skills that must not show were shown")
    print_from_code(from_code)
    if missing:
        print(f"  expected names the taxonomy lacks (left out): {', '.join(sorted(missing))}")
    return tallies


def print_tests(tests: Counter[tuple[str, str]]) -> None:
    """The test-suite statuses: detected (columns) against expected (rows), then right / wrong /
    not verified ('present': test files by name only, contents not read)."""
    statuses = ("real", "stub", "none", "present")
    print(f"  {'tests':10} {'expected':>9}  " + "  ".join(f"{s:>7}" for s in statuses))
    for want in statuses[:3]:
        print(f"  {'':10} {want:>9}  " + "  ".join(f"{tests[(want, got)]:>7}" for got in statuses))
    unverified = sum(n for (_, got), n in tests.items() if got == "present")
    right = sum(n for (want, got), n in tests.items() if want == got)
    total = sum(tests.values())
    print(f"  {'':10} {right}/{total} right, {total - right - unverified} wrong, {unverified} not verified (present)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder holding repos/*.json")
    parser.add_argument("--taxonomy", type=Path, default=None, help="skill_taxonomy.yaml (default: the repo's)")
    parser.add_argument("--folders", type=Path, nargs="*", default=[],
                        help="local checkouts of the repositories in EXPECTED_FOLDERS (named owner+name)")
    parser.add_argument("--via-github", choices=("anonymous", "token"), default=None,
                        help="read the folders through the fake GitHub API within its request budget")
    args = parser.parse_args()
    taxonomy = load_taxonomy(args.taxonomy)
    if (args.corpus / "repos").is_dir():
        evaluate(args.corpus, taxonomy)
    if args.folders:
        evaluate_folders(args.folders, taxonomy, args.via_github)


if __name__ == "__main__":
    main()
