"""Reading the code: REST, GraphQL, the configured database and auth, each with file and line.

:func:`code_evidence` runs the readers (:mod:`analyzer.code.routes`,
:mod:`analyzer.code.dbconfig`, :mod:`analyzer.code.authcode`) over a repository's files and
hands every finding to the detectors' sink with its line. Where a repository's files were not
read (GitHub's request budget), its recursive tree is free evidence (:func:`tree_findings`):
an ``api/`` package of source files, Laravel's ``routes/api.php`` grown past the skeleton's,
a ``urls.py`` where Django REST framework is declared, GraphQL resolver files, a committed
SQLite database, ``jwt`` source files, an ``auth`` package. Those say "file names only" in
their detail and count only when the code itself gave nothing of that kind. Two layouts are
evidence whether read or not: a ``controllers/`` folder (MVC), Rails' ``db/schema.rb`` (a
relational schema) and web server configuration kept with the app (``deploy/nginx/site``,
``nginx.conf``, ``httpd.conf``: the author served the app behind Nginx or Apache); ``migrations/`` folders are counted by ``analyzer.code.detectors``.

:func:`code_file_priority` ranks the source and config files worth a request on GitHub:
database settings first (one setting names the database), then route tables, then auth modules
and user models (where passwords are hashed).
Local folders read every such file within the size limits (``analyzer.code.repos``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from analyzer.code.authcode import find_auth
from analyzer.code.dbconfig import find_databases
from analyzer.code.detectors import EvidenceSink, signal_skill
from analyzer.code.findings import CONFIG_NAMES, CodeFinding, is_documentation, is_source
from analyzer.code.manifests import is_excluded
from analyzer.code.packagemap import frontend_roots, in_frontend
from analyzer.code.routes import find_endpoints
from analyzer.code.snapshot import TreeEntry
from analyzer.code.testsuites import is_test_file
from analyzer.taxonomy.loader import Taxonomy

MAX_FILES_PER_SIGNAL = 3
"""Evidence entries per signal and repository: the first three files show the habit; more only
lengthen the report (the count of declarations stays in each entry's text)."""

LARAVEL_SKELETON_API_ROUTES_BYTES = 800
"""Laravel's skeleton ships ``routes/api.php`` with one ``/user`` route (about 570 bytes in
Laravel 8–10): a file that size shows no API of the author's own."""

_DB_CONFIG = re.compile(
    r"(?i)(^|/)(settings\.py|settings/(base|common|production|prod|local|dev|development|defaults?)\.py"
    r"|config/database\.(ya?ml|php)"
    r"|application[\w-]*\.(properties|ya?ml)|schema\.prisma|ormconfig\.\w+(\.example)?|knexfile\.[cm]?[jt]s"
    r"|phpunit\.xml(\.dist)?|config\.py|(db|database|session)\.(py|go|[jt]s)|[\w-]+\.env|appsettings\.json"
    r"|data-source\.[jt]s|app\.module\.ts|config/(django/)?base\.py)$")
_ROUTES = re.compile(
    r"(?i)(^|/)(urls\.py|config/routes\.rb|routes/api\.php|(main|app|server|routes?|router|api)\.(py|go|[cm]?[jt]s)"
    r"|[\w-]+\.controller\.ts|\w*(Controller|Resource|Api)\.(java|kt)|\w*Controller\.(cs|php)"
    r"|(api|apis|routes|routers|endpoints|handlers)/(?!(__init__|apps|errors|models|schemas|serializers|types"
    r"|channels|console)\.)"
    r"[\w-]+\.(py|go|[cm]?[jt]s|rb|php))$")
_PASSWORDS = re.compile(r"(?i)(^|/)[\w-]*(password|passwd|crypt|hash)[\w-]*\.(py|go|[cm]?[jt]s|java|kt|rb|php|cs|rs)$")
_AUTH = re.compile(r"(?i)(^|/)[\w-]*(auth|security|jwt|token)[\w-]*\.(py|go|[cm]?[jt]s|java|kt|rb|php|cs|rs)$")
_USERS = re.compile(r"(?i)(^|/)([\w-]*(login|session|user|account)[\w-]*|models?)"
                    r"\.(py|go|[cm]?[jt]s|java|kt|rb|php|cs|rs)$")  # user models and services hash passwords
_NOT_CODE_DIRS = re.compile(r"(?i)(^|/)(migrations?|db/migrate|fixtures|seeds?|generated|mocks?)/")
_SETTINGS_DIR = re.compile(r"(?i)(^|/)(config|settings)/")  # settings name auth options; calls live in the code
_API_DIR = re.compile(r"(?i)(^|/)(api|apis)/(?:[\w.-]+/)*[\w.-]+\.(py|go|[cm]?[jt]s|java|kt|rb|php|cs|rs)$")
_GRAPHQL_DIR = re.compile(r"(?i)(^|/)(graphql|resolvers)/(?:[\w.-]+/)*[\w.-]+\.(py|go|[cm]?[jt]s|java|kt|rb|php)$"
                          r"|\.resolvers?\.(go|[jt]s)$")
_SQLITE_FILE = re.compile(r"(?i)\.(sqlite3?|db\.sqlite3)$")
_JWT_FILE = re.compile(r"(?i)(^|/)[\w-]*jwt[\w-]*\.(py|go|[cm]?[jt]s|java|kt|rb|php|cs|rs)$")
_CONTROLLERS_DIR = re.compile(r"(?i)(^|/)controllers/(?:[\w.-]+/)*[\w.-]+\.(rb|php|[cm]?[jt]s|java|kt|cs|py|go)$")
_SCHEMA_DUMP = re.compile(r"(^|/)db/(schema\.rb|structure\.sql)$")
# web server configuration kept with the app: the author ran the app behind that server
_NGINX_CONF = re.compile(r"(?i)(^|/)(nginx[\w.-]*\.conf|[\w.-]+\.nginx)$|(^|/)(nginx|sites-available|sites-enabled)/[^/]+$")
_APACHE_CONF = re.compile(r"(?i)(^|/)(httpd|apache2?)\.conf$|(^|/)apache2?/[^/]+\.conf$")
_DRF = frozenset({"djangorestframework", "django-ninja"})  # a urls.py beside these serves an API
_AUTH_DIR = re.compile(r"(?i)(^|/)(auth|authentication)/(?:[\w.-]+/)*[\w.-]+\.(py|go|[cm]?[jt]s|java|kt|rb|php|cs)$")


def code_file_priority(path: str) -> int | None:
    """0 for a database setting, 1 for a route table, 2 for a password module (``password``,
    ``hash``, ``crypt`` in the name), 3 for an auth module (``auth``, ``security``, ``jwt``,
    ``token``), 4 for a user model or login module, None for a file not worth a request (tests,
    documentation, migrations, settings folders past the database, vendored folders, other files)."""
    if is_excluded(path) or is_documentation(path) or is_test_file(path) or _NOT_CODE_DIRS.search(path):
        return None
    if _DB_CONFIG.search(path):
        return 0
    if _ROUTES.search(path):
        return 1
    if _SETTINGS_DIR.search(path):
        return None
    for priority, pattern in ((2, _PASSWORDS), (3, _AUTH), (4, _USERS)):
        if pattern.search(path):
            return priority
    return None


def is_code_file(path: str) -> bool:
    """True for a file the readers look into: source code or a known configuration file."""
    return (is_source(path) or bool(CONFIG_NAMES.search(path))
            or path.lower().endswith(("database.php", ".prisma", ".graphql", ".graphqls", ".gql")))


def read_code(files: Mapping[str, str]) -> list[CodeFinding]:
    """Every finding of the three readers over ``files`` (``{path: text}``), endpoints first.

    Code under a frontend ``package.json`` (:func:`analyzer.code.packagemap.frontend_roots`) is
    left out: ``axios.get("/users")`` or a ``gql`` query in a React app calls an API, it serves none.
    """
    roots = frontend_roots(files)
    backend = {path: text for path, text in files.items() if not in_frontend(path, roots)} if roots else files
    return [*find_endpoints(backend), *find_databases(backend), *find_auth(backend)]


def tree_findings(tree: Sequence[TreeEntry], files: Mapping[str, str],
                  declared: frozenset[str] = frozenset()) -> list[CodeFinding]:
    """Findings from the file names of ``tree`` alone (line 1, ``count``: how many files of that
    kind); see the module docstring for the rules. ``declared``: the repository's package names
    (PEP 503 / lower case), for rules that need a framework (a ``urls.py`` with DRF declared)."""
    found: dict[str, CodeFinding] = {}
    roots = frontend_roots(files)

    def note(signal: str, path: str, what: str, by_name: bool = False) -> None:
        if path in files and not by_name:
            return  # its content was read: the readers decided
        old = found.get(signal)  # the first file of a signal names it; later ones are counted
        found[signal] = replace(old, count=old.count + 1) if old else CodeFinding(signal, path, 1, what, what)

    for entry in tree:
        path = entry.path
        if (entry.type != "blob" or is_excluded(path) or is_test_file(path) or is_documentation(path)
                or in_frontend(path, roots)):
            continue
        if _API_DIR.search(path):
            note("rest", path, "API package (file names only)")
        elif path.endswith("routes/api.php") and (entry.size or 0) > LARAVEL_SKELETON_API_ROUTES_BYTES:
            note("rest", path, "Laravel API routes file (file names only)")
        elif path.rsplit("/", 1)[-1] == "urls.py" and declared & _DRF:
            note("rest", path, "Django URLconf with Django REST framework declared (file names only)")
        if _CONTROLLERS_DIR.search(path):  # the layout itself is the evidence, read or not
            note("mvc", path, "controllers folder (file names only)", by_name=True)
        if _SCHEMA_DUMP.search(path):
            note("relational_databases", path, "Rails schema dump (file names only)", by_name=True)
        if _NGINX_CONF.search(path):
            note("nginx", path, "Nginx configuration kept with the app", by_name=True)
        if _APACHE_CONF.search(path):
            note("apache", path, "Apache HTTP Server configuration kept with the app", by_name=True)
        if _GRAPHQL_DIR.search(path):
            note("graphql", path, "GraphQL resolvers (file names only)")
        if _SQLITE_FILE.search(path):
            note("sqlite", path, "SQLite database file committed")
        if _JWT_FILE.search(path):
            note("jwt", path, "JWT source file (file names only)")
        if _AUTH_DIR.search(path):
            note("authentication", path, "auth package (file names only)")
    return list(found.values())


def code_evidence(files: Mapping[str, str], tree: Sequence[TreeEntry], taxonomy: Taxonomy,
                  sink: EvidenceSink, declared: frozenset[str] = frozenset()) -> list[CodeFinding]:
    """Evidence from reading the code (and, for what was not read, from the tree's file names).

    Each finding goes to ``sink`` as ``add(skill, path, text, detail, line)``; at most
    :data:`MAX_FILES_PER_SIGNAL` files per signal. A signal the taxonomy has no skill for is
    skipped. Returns the findings used (code first, then tree).
    """
    used: list[CodeFinding] = []
    per_signal: dict[str, int] = {}
    read = read_code(files)
    from_code = {f.signal for f in read}
    for finding in [*read, *(f for f in tree_findings(tree, files, declared) if f.signal not in from_code)]:
        skill = signal_skill(taxonomy, finding.signal)
        if skill is None or per_signal.get(finding.signal, 0) >= MAX_FILES_PER_SIGNAL:
            continue
        per_signal[finding.signal] = per_signal.get(finding.signal, 0) + 1
        from_tree = finding.text == finding.what
        text = (f"{finding.what}: {finding.count} file{'s' if finding.count > 1 else ''} ({finding.path} …)"
                if from_tree else finding.describe())
        sink.add(skill, finding.path, text, "file names only, content not read" if from_tree else "read from the code",
                 None if from_tree else finding.line)
        used.append(finding)
    return used
