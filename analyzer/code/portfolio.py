"""Portfolio checks: what a reviewer looks for in a repository before reading its code.

Each check is a :class:`~analyzer.checks.Check` (``passed`` True, False, or None when it cannot
be told) whose ``advice`` says what to do. The checks follow what hiring reviewers of junior
backend portfolios ask for: a README that explains the project, a licence, tests that test,
CI, a container, a live link, recent activity, original work, a description with topics and no
committed secrets. The thresholds are ours and stated next to each rule. Whether tests really
test is told by :mod:`analyzer.code.testsuites`.

This module works on a :class:`~analyzer.repos.RepoSnapshot` and never touches the network or disk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from analyzer.code.manifests import file_kind, is_env_example, is_excluded
from analyzer.code.testsuites import TestSuite, is_test_file
from analyzer.evidence import Check

if TYPE_CHECKING:
    from analyzer.code.snapshot import RepoSnapshot

ACTIVE_DAYS = 365
"""A repository pushed to within this many days counts as recently active (the brief's 12 months)."""

README_MIN_CHARS = 400
"""Below this many characters of prose a README cannot say what, why, with what and how to run."""

MAX_SCANNED_LINE = 2_000
"""Longer lines (minified or generated) are searched only for token shapes, not for assignments or URIs."""

CI_KINDS = ("github_actions", "gitlab_ci", "circleci", "travis", "jenkins")
_DEV_ENVIRONMENT = re.compile(r"(^|/)(\.devcontainer/|\.gitpod)")  # editor images, not the app's container


def blob_paths(snapshot: RepoSnapshot) -> list[str]:
    """Every file path known: tree blobs plus fetched files (an in-memory snapshot may lack a tree)."""
    paths = dict.fromkeys(e.path for e in snapshot.tree if e.type == "blob")
    paths.update(dict.fromkeys(snapshot.files))
    return list(paths)


def ci_paths(paths: Iterable[str]) -> list[str]:
    """CI configuration files among ``paths`` (GitHub Actions, GitLab CI, CircleCI, Travis, Jenkins)."""
    return [p for p in paths if file_kind(p) in CI_KINDS]


def docker_paths(paths: Iterable[str]) -> list[str]:
    """Dockerfiles and compose files among ``paths``, leaving out dev-container and Gitpod images."""
    return [p for p in paths if file_kind(p) in {"dockerfile", "compose"} and not _DEV_ENVIRONMENT.search(p)]


# --- secrets ------------------------------------------------------------------------------

@dataclass(frozen=True)
class SecretFinding:
    """A probable committed secret: where and what kind, never the value.

    ``confirmed`` is False when only the file name suggests it (content not read).
    """

    path: str
    kind: str
    line: int | None = None
    confirmed: bool = True


_TOKENS = [
    ("a private key", re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----")),
    ("an AWS access key id", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("a GitHub token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_\w{22,})")),
    ("a Slack token", re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}")),
    ("a Stripe live key", re.compile(r"\b[sr]k_live_[0-9A-Za-z]{16,}")),
    ("a Google API key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b")),
]
# Bounded repeats keep every pattern linear in the line length (a minified line must not hang the scan).
_URI = re.compile(r"\b([a-z][a-z0-9+.-]{1,15})://([^\s:/@'\"]{1,100}):([^\s@/'\"]{1,200})@([^\s/:'\"?,]{1,200})",
                  re.I)
# The name ends in its secret word's segment (``PasswordInput.displayName`` names a component, not a password).
_ASSIGNED = re.compile(r"(?i)([\w.-]{0,40}(?:secret|password|passwd|api_?key|access_?key|private_?key|token)"
                       r"[\w-]{0,40})[\"']?\s{0,5}[:=]\s{0,5}[\"']([^\"'\s]{8,200})[\"']")
_SECRET_WORDS = ("secret", "password", "passwd", "apikey", "api_key", "accesskey", "access_key", "privatekey",
                 "private_key", "token")  # every _ASSIGNED name holds one (lower case)
_PLACEHOLDER = re.compile(r"(?i)[<>{}$%*]|your|change|example|sample|dummy|fake|xxx|test|placeholder|process\.env|^https?://"
                          r"|os\.environ|getenv|^(password|pass|secret|user|username|root|postgres)$")
_LOCAL_HOST = re.compile(r"(?i)^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|[\w-]+)$|\.(local|test|example|invalid)$"
                         r"|example\.(com|org|net)$")
_EXAMPLE_NAME = re.compile(r"(?i)(example|sample|template|dist|defaults?)")
_KEY_FILE = re.compile(r"(?i)(^id_(rsa|dsa|ecdsa|ed25519)$|\.(key|p12|pfx|jks|keystore)$)")
_CREDENTIAL_NAME = re.compile(r"(?i)^(credentials?|service[-_]?account.*|.*firebase-adminsdk.*|secrets?|keys?)"
                              r"\.(json|ya?ml|js|ts|py|rb|php)$")
_CERT_NAME = re.compile(r"(?i)(cert|ca[-_.]|chain|bundle|public|pub\b)")


def is_secret_suspect(path: str) -> bool:
    """True for files worth reading to rule out secrets: named for credentials or keys, or ``*.pem``."""
    name = path.rsplit("/", 1)[-1]
    return not is_excluded(path) and bool(
        _CREDENTIAL_NAME.match(name) or (name.lower().endswith(".pem") and not _CERT_NAME.search(name)))


def find_secrets(snapshot: RepoSnapshot) -> tuple[SecretFinding, ...]:
    """Probable secrets: committed dotenv and key files by name, and credentials in fetched texts.

    Names: ``.env``/``*.env`` other than example/sample/template files, ``id_rsa`` and other private
    keys, ``*.pem`` not named as a certificate, ``credentials.json``, ``secrets.*``, ``keys.js``.
    Texts: private-key blocks, cloud/API token shapes, connection URIs with a password on a
    non-local host, and ``password``/``secret``/``token`` assignments of a literal (not in README,
    example or test files). Placeholders (``<password>``, ``${DB_PASS}``, ``changeme``) are skipped.
    """
    found: list[SecretFinding] = []
    for path in blob_paths(snapshot):
        name = path.rsplit("/", 1)[-1]
        text = snapshot.files.get(path)
        if file_kind(path) == "env" and not is_env_example(path):
            found.append(SecretFinding(path, "a committed environment file"))
        elif _KEY_FILE.search(name) and not name.endswith(".pub"):
            found.append(SecretFinding(path, "a private key file"))
        elif name.lower().endswith(".pem") and text is None and not _CERT_NAME.search(name):
            found.append(SecretFinding(path, "a .pem file that may hold a private key", confirmed=False))
        elif _CREDENTIAL_NAME.match(name) and text is None and not is_excluded(path):
            found.append(SecretFinding(path, "a file named for credentials", confirmed=False))
        if text is not None and not is_excluded(path):
            found.extend(_scan_text(path, text))
    return tuple(dict.fromkeys(found))


def _scan_text(path: str, text: str) -> Iterable[SecretFinding]:
    lower = text.lower()
    uris, assigned = "://" in text, any(word in lower for word in _SECRET_WORDS)
    tokens = [(kind, pattern) for kind, pattern in _TOKENS if pattern.search(text)]
    if not uris and not assigned and not tokens:
        return  # the common case: one pass over the text instead of a regex pass per line
    name = path.rsplit("/", 1)[-1]
    prose = file_kind(path) == "readme" or name.lower().endswith((".md", ".rst")) or _EXAMPLE_NAME.search(name)
    for number, line in enumerate(text.splitlines(), start=1):
        for kind, pattern in tokens:
            if pattern.search(line):
                yield SecretFinding(path, kind, number)
        if prose or len(line) > MAX_SCANNED_LINE:
            continue
        for match in (_URI.finditer(line) if uris and "://" in line else ()):
            scheme, password, host = match.group(1).lower(), match.group(3), match.group(4)
            if not _PLACEHOLDER.search(password) and not _LOCAL_HOST.search(host):
                yield SecretFinding(path, f"a {scheme} URI with a password", number)
        if assigned and not is_test_file(path) and any(word in line.lower() for word in _SECRET_WORDS):
            for match in _ASSIGNED.finditer(line):
                if not _PLACEHOLDER.search(match.group(2)):
                    yield SecretFinding(path, f"a hard-coded {match.group(1)}", number)


# --- README, licence, links ---------------------------------------------------------------

_README_ASPECTS = {
    "what it is": None,  # a title and a paragraph of prose; see _readme_aspects
    "why / features": re.compile(r"(?im)^#+.*\b(features?|why|motivation|about|overview|purpose|goals?|highlights"
                                 r"|roadmap)\b|\b(helps?|lets|allows?|enables?|provides?|will provide|you will learn"
                                 r"|designed to|built to|so that|in order to|aims? to|demonstrat\w+|showcas\w+)\b"),
    "tech stack": re.compile(r"(?im)^#+.*\b(stack|built with|technolog\w*|tools|dependencies|requirements"
                             r"|prerequisites)\b"),
    "how to run": re.compile(r"(?im)^#+.*\b(install\w*|getting started|set ?up|usage|run\w*|quick ?start"
                             r"|development|local)\b|\b(pip install|npm (install|run|start)|yarn (install|dev)"
                             r"|docker[- ]compose up|make \w+|go run|mvnw?|gradlew|bundle exec|rails s"
                             r"|php artisan|uvicorn|flask run|manage\.py runserver|cargo run|dotnet run)\b"),
}
_DEPLOY_HOSTS = re.compile(r"https?://[\w.-]+\.(herokuapp\.com|fly\.dev|onrender\.com|vercel\.app|netlify\.app"
                           r"|railway\.app|pages\.dev|azurewebsites\.net|appspot\.com|up\.railway\.app"
                           r"|koyeb\.app|deta\.dev|pythonanywhere\.com)\S*", re.I)
_DEPLOY_PHRASE = re.compile(r"(?i)\b(live|demo|deployed (?:at|on|to)|served at|hosted (?:at|on)|try it)\b[^\n]{0,80}?"
                            r"(https?://(?!(?:www\.)?(?:github\.com|img\.shields|badge|youtube\.com|youtu\.be|bit\.ly))"
                            r"[\w.-]+\.[a-z]{2,}\S*)")


def root_readme(paths: Iterable[str]) -> str | None:
    """The README the checks read among ``paths``: at the root, Markdown or reStructuredText first."""
    roots = sorted((p for p in paths if "/" not in p and file_kind(p) == "readme"),
                   key=lambda p: (not p.lower().endswith((".md", ".rst")), p))
    return roots[0] if roots else None


def _readme(snapshot: RepoSnapshot) -> tuple[str | None, str | None]:
    """(path, text) of the root README, text None when not fetched; (None, None) when absent."""
    path = root_readme(blob_paths(snapshot))
    return (path, snapshot.files.get(path)) if path else (None, None)


def readme_aspects(text: str, stack_names: Sequence[str] = ()) -> dict[str, bool]:
    """Which of what / why / stack / how-to-run a README covers (headings and keywords).

    A README naming two of ``stack_names`` (the detected skills' names) covers the stack.
    """
    prose = re.sub(r"!\[[^\]]*\]\([^)]*\)|\[!\[.*?\]\(.*?\)\]\(.*?\)", "", text)
    paragraphs = [p for p in re.split(r"\n\s*\n", prose) if not p.lstrip().startswith(("#", "```", "|", "-", "*"))]
    found = {"what it is": bool(re.search(r"(?m)^\s*(#|\S.*\n[=-]{3,})", prose))
             and any(len(p.strip()) >= 80 for p in paragraphs)}
    for aspect, pattern in _README_ASPECTS.items():
        if pattern is not None:
            found[aspect] = bool(pattern.search(prose))
    named = sum(1 for n in stack_names if re.search(rf"(?i)(?<!\w){re.escape(n)}(?!\w)", prose))
    found["tech stack"] = found["tech stack"] or named >= 2
    return found


def _readme_check(snapshot: RepoSnapshot, stack_names: Sequence[str]) -> Check:
    path, text = _readme(snapshot)
    name = "README explains the project"
    if path is None:
        return Check("readme", name, False, "No README at the repository root.",
                     "Add a README.md saying what the project does, why, its stack and how to run it.")
    if text is None:
        return Check("readme", name, None, f"{path} is present (not read).")
    missing = [a for a, ok in readme_aspects(text, stack_names).items() if not ok]
    chars = len(text.strip())
    if not missing and chars >= README_MIN_CHARS:
        return Check("readme", name, True, f"{path} covers what, why, stack and how to run ({chars} characters).")
    if not missing:
        return Check("readme", name, False, f"{path} touches every topic but is short ({chars} characters).",
                     f"Expand {path}: a paragraph per topic, with the commands to run it and its tests.")
    gaps = ", ".join(missing)
    return Check("readme", name, False, f"{path} lacks: {gaps} ({chars} characters).",
                 f"Add to {path}: {gaps} — a reviewer decides from the README whether to read the code.")


def license_from_text(text: str) -> str | None:
    """SPDX id of a licence text by its key phrases, ``NOASSERTION`` for an unknown one, None if empty.

    Recognised: MIT, Apache-2.0, AGPL-3.0, LGPL-2.1/3.0, GPL-2.0/3.0, MPL-2.0, BSD-2/3-Clause,
    ISC, Unlicense (the phrases of each licence's official text).
    """
    flat = " ".join(text.split()).lower()
    if not flat:
        return None
    version3 = "version 3" in flat
    rules = [
        ("AGPL-3.0", "gnu affero general public license" in flat),
        ("LGPL-3.0" if version3 else "LGPL-2.1", "gnu lesser general public license" in flat),
        ("GPL-3.0" if version3 else "GPL-2.0", "gnu general public license" in flat),
        ("Apache-2.0", "apache license" in flat and "version 2.0" in flat),
        ("MPL-2.0", "mozilla public license" in flat),
        ("MIT", "permission is hereby granted, free of charge" in flat or flat.startswith("mit license")),
        ("BSD-3-Clause" if "neither the name" in flat else "BSD-2-Clause",
         "redistribution and use in source and binary forms" in flat),
        ("ISC", "permission to use, copy, modify, and/or distribute this software" in flat),
        ("Unlicense", "free and unencumbered software released into the public domain" in flat),
    ]
    return next((spdx for spdx, matched in rules if matched), "NOASSERTION")


def _deploy_link(snapshot: RepoSnapshot) -> str | None:
    if snapshot.homepage:
        return snapshot.homepage
    _, text = _readme(snapshot)
    host = _DEPLOY_HOSTS.search(text or "")
    if host:
        return host.group(0).rstrip(".,;:)]>'\"")
    phrase = _DEPLOY_PHRASE.search(text or "")
    return phrase.group(2).rstrip(".,;:)]>'\"") if phrase else None


# --- the checks -----------------------------------------------------------------------------

def portfolio_checks(snapshot: RepoSnapshot, tests: TestSuite, *, stack_names: Sequence[str] = (),
                     today: date) -> tuple[Check, ...]:
    """The portfolio checks for one repository, in a fixed order (ids in parentheses).

    README (``readme``), licence (``license``), tests (``tests``), CI (``ci``), Docker (``docker``),
    live link (``deployed``), activity within :data:`ACTIVE_DAYS` of ``today`` (``activity``),
    original work (``original``), description and topics (``description``), secrets (``secrets``).
    """
    paths = blob_paths(snapshot)
    return (
        _readme_check(snapshot, stack_names),
        _license_check(snapshot, paths),
        _tests_check(tests),
        _presence_check("ci", "Continuous integration", "CI configuration", ci_paths(paths),
                        "Add a CI workflow (e.g. GitHub Actions) that installs dependencies and runs the tests "
                        "on every push."),
        _presence_check("docker", "Runs in a container", "Dockerfile or compose file", docker_paths(paths),
                        "Add a Dockerfile (and a compose file for the database) so a reviewer can start it in "
                        "one command."),
        _deployed_check(snapshot),
        _activity_check(snapshot, today),
        _original_check(snapshot),
        _description_check(snapshot),
        _secrets_check(snapshot),
    )


def _license_check(snapshot: RepoSnapshot, paths: Sequence[str]) -> Check:
    name = "Licence"
    if snapshot.license and snapshot.license != "NOASSERTION":
        return Check("license", name, True, f"Licensed under {snapshot.license}.")
    files = [p for p in paths if file_kind(p) == "license"]
    if files:
        return Check("license", name, True, f"{files[0]} is present (licence not recognised).")
    return Check("license", name, False, "No LICENSE file: by default nobody may reuse the code.",
                 "Add a LICENSE file (MIT is the usual choice for portfolio projects).")


def _tests_check(tests: TestSuite) -> Check:
    name = "Tests that test"
    if tests.status == "real":
        return Check("tests", name, True, tests.detail)
    if tests.status == "present":  # known by name only: they may be placeholders
        return Check("tests", name, None, tests.detail)
    if tests.status == "stub":
        return Check("tests", name, False, tests.detail,
                     "Replace the placeholder with tests of your own code (an endpoint, a service, a query).")
    return Check("tests", name, False, tests.detail,
                 "Add automated tests for the main endpoints and business rules, run by one command.")


def _presence_check(check_id: str, name: str, what: str, found: Sequence[str], advice: str) -> Check:
    if found:
        shown = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
        return Check(check_id, name, True, f"Found {shown}.")
    return Check(check_id, name, False, f"No {what} found.", advice)


def _deployed_check(snapshot: RepoSnapshot) -> Check:
    link = _deploy_link(snapshot)
    if link:
        return Check("deployed", "Live link", True, f"Deployed at {link}.")
    path, text = _readme(snapshot)
    if path is not None and text is None:  # present but not fetched (404, request budget, over 1 MB)
        return Check("deployed", "Live link", None,
                     f"No website field, and {path} not read, so a live link could not be looked for.")
    return Check("deployed", "Live link", False, "No website field and no live link in the README.",
                 "Deploy it (Render, Fly.io, Railway…) and put the URL in the repository's website field.")


def _activity_check(snapshot: RepoSnapshot, today: date) -> Check:
    name = "Recent activity"
    what = {"last commit": "Last commit", "newest file": "Newest file changed"}.get(snapshot.pushed_at_source or "",
                                                                                   "Last push")
    if snapshot.pushed_at is None:
        return Check("activity", name, None, "The date of the last push is unknown.")
    pushed = snapshot.pushed_at.date() if isinstance(snapshot.pushed_at, datetime) else snapshot.pushed_at
    days = (today - pushed).days
    notes = " No git history was found, so the files' modification dates were used." \
        if snapshot.pushed_at_source == "newest file" else ""
    notes += " The repository is archived." if snapshot.archived else ""
    if days <= ACTIVE_DAYS:
        return Check("activity", name, True, f"{what} {pushed.isoformat()} ({days} days ago).{notes}")
    return Check("activity", name, False, f"{what} {pushed.isoformat()}, {days // 30} months ago.{notes}",
                 "Pin recent work first, or give this project a fresh improvement (tests, CI, a feature).")


def _original_check(snapshot: RepoSnapshot) -> Check:
    name = "Original work"
    if not snapshot.fork:
        return Check("original", name, True, "Not a fork.")
    if snapshot.own_commits:
        return Check("original", name, True, "A fork with commits of your own.")
    if snapshot.own_commits is None:
        return Check("original", name, None, "A fork; whether it has commits of yours is unknown.")
    return Check("original", name, False, "A fork without commits of yours: it shows someone else's work.",
                 "Unpin or archive forks you have not changed; show projects you built.")


def _description_check(snapshot: RepoSnapshot) -> Check:
    name = "Description and topics"
    if snapshot.source == "repo":
        return Check("description", name, None, "A local folder has no GitHub description or topics.")
    missing = [what for what, value in (("a description", snapshot.description), ("topics", snapshot.topics))
               if not value]
    if not missing:
        return Check("description", name, True, f"Described, with topics {', '.join(snapshot.topics[:5])}.")
    return Check("description", name, False, f"No {' or '.join(m.split(' ', 1)[-1] for m in missing)}.",
                 f"Add {' and '.join(missing)} in the repository's About box so searches and reviewers find it.")


def _secrets_check(snapshot: RepoSnapshot) -> Check:
    name = "No committed secrets"
    findings = find_secrets(snapshot)
    confirmed = [f for f in findings if f.confirmed]
    shown = "; ".join(f"{f.path}{f':{f.line}' if f.line else ''} ({f.kind})" for f in findings[:5])
    if confirmed:
        return Check("secrets", name, False, f"Probable secrets: {shown}.",
                     "Remove them, rotate each credential now (it stays in git history), load it from an "
                     "environment variable and commit only a .env.example.")
    if findings:
        return Check("secrets", name, None, f"Worth a look (content not read): {shown}.",
                     "Check that these files hold no real credentials.")
    read = sum(1 for p in snapshot.files if not is_excluded(p))
    read_text = f"the {read} file{'s' if read != 1 else ''} read"
    return Check("secrets", name, True, f"No secret-bearing files in the tree and none in {read_text}.")
