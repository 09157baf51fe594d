"""Measure the repository detectors against hand-made ground truth for the GitHub corpus.

Loads every ``repos/*.json`` of the GitHub development corpus (repository object, languages,
tree and manifest texts; no source files) into a :class:`~analyzer.repos.RepoSnapshot`, runs
:func:`~analyzer.repos.analyze_repo` and compares, per repository, what was detected against
:data:`EXPECTED`::

    .venv/bin/python scripts/evaluate_github.py [--corpus /work/shared/corpus/github] [--taxonomy PATH]

Categories: frameworks, databases (and brokers, search, caches), tests (real / stub / none),
CI providers, Docker (a Dockerfile or compose file for the app), auth. A test suite known only
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

from analyzer.code.repos import RepoAnalysis, RepoSnapshot, TreeEntry, analyze_repo
from analyzer.taxonomy.loader import Taxonomy, load_taxonomy

DEFAULT_CORPUS = Path("/work/shared/corpus/github")
TODAY = date(2026, 5, 15)  # fixed so the activity check is reproducible; not part of the scores

# Ground truth, written from the corpus README's "What each repository demonstrates" table and
# checked against each repository's manifests, CI and Docker files. Names are looked up in the
# taxonomy (name or alias). Tests: "real" / "stub" / "none".
EXPECTED: dict[str, dict[str, object]] = {
    "miguelgrinberg/microblog": {  # SQLite is the default in config.py (not in the corpus): expected, undetectable
        "frameworks": {"Flask"}, "databases": {"SQLite", "PostgreSQL", "MySQL", "Elasticsearch", "Redis"},
        "tests": "real", "ci": set(), "docker": True, "auth": {"Authentication", "JWT"}},
    "spring-projects/spring-petclinic": {  # H2 has no skill in the taxonomy
        "frameworks": {"Spring Boot", "Spring"}, "databases": {"MySQL", "PostgreSQL"},
        "tests": "real", "ci": {"GitHub Actions"}, "docker": True, "auth": set()},
    "santiq/bulletproof-nodejs": {
        "frameworks": {"Express"}, "databases": {"MongoDB"}, "tests": "stub", "ci": {"CircleCI"},
        "docker": False, "auth": {"JWT", "Authentication", "Password hashing"}},
    "testdrivenio/fastapi-tdd-docker": {
        "frameworks": {"FastAPI"}, "databases": {"PostgreSQL"}, "tests": "real", "ci": {"GitHub Actions"},
        "docker": True, "auth": set()},
    "HackSoftware/Django-Styleguide-Example": {
        "frameworks": {"Django", "Django REST Framework"}, "databases": {"PostgreSQL", "RabbitMQ"},
        "tests": "real", "ci": {"GitHub Actions"}, "docker": True,
        "auth": {"JWT", "OAuth", "Authentication"}},
    "techschool/simplebank": {  # role-based access lives in Go code only
        "frameworks": {"Gin"}, "databases": {"PostgreSQL", "Redis"}, "tests": "real", "ci": {"GitHub Actions"},
        "docker": True, "auth": {"JWT", "Authentication", "Authorization"}},
    "joselfonseca/laravel-api": {  # tests use in-memory SQLite via phpunit.xml (not in the corpus)
        "frameworks": {"Laravel"}, "databases": {"MySQL", "SQLite"}, "tests": "real", "ci": {"GitHub Actions"},
        "docker": False, "auth": {"OAuth", "Authorization", "Authentication"}},
    "openbrewerydb/openbrewerydb-rails-api": {
        "frameworks": {"Ruby on Rails"}, "databases": {"PostgreSQL", "Elasticsearch"}, "tests": "real",
        "ci": {"GitHub Actions"}, "docker": False, "auth": set()},
    "bradtraversy/node_passport_login": {
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
SET_CATEGORIES = ("frameworks", "databases", "ci", "auth")


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
    if category == "frameworks":
        return {s.id for s in taxonomy.by_category("frameworks")}
    return {"databases": DATABASE_IDS, "auth": AUTH_IDS, "ci": CI_IDS}[category]


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
        found = detected_ids(analysis, taxonomy)
        print(f"\n{snapshot.full_name}  stack={','.join(analysis.stack)}")
        for category in SET_CATEGORIES:
            want = set()
            for name in expected[category]:
                skill = taxonomy.lookup(name)
                if skill is None:
                    missing.add(name)
                else:
                    want.add(skill.id)
            got = found & category_ids(taxonomy, category)
            tp, fp, fn = got & want, got - want, want - got
            tallies[category].add(len(tp), len(fp), len(fn))
            print(f"  {category:10} TP {sorted(tp)}  FP {sorted(fp)}  FN {sorted(fn)}")
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
    print_tests(tests)
    print(f"  {'project':10} {projects}/{sum(tests.values())} repositories give personal-project evidence "
          "(all are originals, none a fork)")
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
    args = parser.parse_args()
    evaluate(args.corpus, load_taxonomy(args.taxonomy))


if __name__ == "__main__":
    main()
