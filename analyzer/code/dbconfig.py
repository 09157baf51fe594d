"""The database a repository actually configures, read from its settings and code.

A manifest says which drivers are installed; configuration says which database the
application talks to. :func:`find_databases` reads:

* Django ``DATABASES`` (``'ENGINE': 'django.db.backends.sqlite3'``);
* connection URLs in code and config (SQLAlchemy ``sqlite:///app.db``,
  ``postgresql+asyncpg://…``, ``mongodb+srv://…``, ``redis://…``) and JDBC URLs
  (Spring ``spring.datasource.url=jdbc:postgresql://…``);
* Rails ``config/database.yml`` adapters;
* Laravel ``config/database.php`` default connection and ``phpunit.xml`` ``DB_CONNECTION``
  (example ``.env`` files are read by ``analyzer.manifests``);
* Go drivers: GORM dialect imports (``gorm.io/driver/sqlite``), blank driver imports
  (``_ "github.com/lib/pq"``) and ``sql.Open("postgres", …)``;
* Prisma ``datasource`` providers; Knex ``client``, Sequelize ``dialect`` and TypeORM ``type``;
* Entity Framework ``UseNpgsql``/``UseSqlServer``/``UseSqlite``/``UseMySql``; Mongoose ``connect``.

Compose services are read from their images by ``analyzer.manifests``. Documentation
(README, ``docs/``) is left out: a URL shown in a README configures nothing. Each finding's
signal is a detector signal key (``postgresql``, ``mysql``, ``mariadb``, ``sqlite``,
``sql_server``, ``oracle_database``, ``mongodb``, ``redis``, ``cockroachdb``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from analyzer.code.findings import CONFIG_NAMES, CodeFinding, extension, is_source, line_of, line_text, merge, scanned

# Every spelling a driver, dialect, adapter or URL scheme uses → signal key.
_NAMES = {
    "postgres": "postgresql", "postgresql": "postgresql", "postgresql_psycopg2": "postgresql", "postgis": "postgresql",
    "pg": "postgresql", "pgx": "postgresql", "psql": "postgresql", "cockroachdb": "cockroachdb",
    "mysql": "mysql", "mysql2": "mysql", "trilogy": "mysql", "mariadb": "mariadb",
    "sqlite": "sqlite", "sqlite3": "sqlite", "better-sqlite3": "sqlite", "spatialite": "sqlite",
    "mssql": "sql_server", "sqlserver": "sql_server", "sqlsrv": "sql_server", "oracle": "oracle_database",
    "oracle_enhanced": "oracle_database", "oracledb": "oracle_database", "mongodb": "mongodb",
    "mongodb+srv": "mongodb", "mongo": "mongodb", "redis": "redis", "rediss": "redis", "pq": "postgresql",
}
_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (  # (what, pattern with group 1 = name, files)
    ("Django DATABASES engine", re.compile(r"[\"']ENGINE[\"']\s*:\s*[\"']django(?:\.contrib\.gis)?\.db\.backends\.(\w+)"),
     "py"),
    ("connection URL", re.compile(r"[\"'=\s(](postgres(?:ql)?|mysql|mariadb|sqlite|mongodb(?:\+srv)?|mssql|rediss?|cockroachdb)"
                                  r"(?:\+\w+)?://"), "any"),
    ("JDBC URL", re.compile(r"\bjdbc:(postgresql|mysql|mariadb|sqlite|sqlserver|oracle)\b"), "any"),
    ("Rails database adapter", re.compile(r"^[ \t]*adapter:\s*[\"']?(postgresql|postgis|mysql2|trilogy|sqlite3|sqlserver"
                                          r"|oracle_enhanced)\b", re.M), "database.yml"),
    ("Laravel default connection", re.compile(r"[\"']default[\"']\s*=>\s*env\(\s*[\"']DB_CONNECTION[\"']\s*,\s*"
                                              r"[\"'](mysql|pgsql|sqlite|sqlsrv|mariadb|mongodb)[\"']"), "php"),
    ("PHPUnit DB_CONNECTION", re.compile(r"name=\"DB_CONNECTION\"\s+value=\"(mysql|pgsql|sqlite|sqlsrv|mariadb)\""),
     "phpunit"),
    ("GORM dialect import", re.compile(r"\"(?:gorm\.io/driver|github\.com/jinzhu/gorm/dialects)/(postgres|mysql|sqlite"
                                       r"|sqlserver)\""), "go"),
    ("Go database driver import", re.compile(r"\"github\.com/(?:lib/(pq)|jackc/(pgx)(?:/v\d+)?(?:/pgxpool|/stdlib)?"
                                             r"|mattn/go-(sqlite3)|go-sql-driver/(mysql)|(?:denisenkom|microsoft)/go-(mssql)db)\""), "go"),
    ("sql.Open driver", re.compile(r"\bsql(?:x)?\.(?:Open|Connect)\(\s*\"(postgres|pgx|mysql|sqlite3?|sqlserver)\""),
     "go"),
    ("Prisma datasource provider", re.compile(r"datasource\s+\w+\s*\{[^}]*?provider\s*=\s*\"(\w+)\"", re.S), "prisma"),
    ("Knex client", re.compile(r"\bclient\s*:\s*[\"'](pg|postgres|postgresql|mysql2?|sqlite3|better-sqlite3|mssql"
                               r"|oracledb)[\"']"), "js"),
    ("Sequelize dialect", re.compile(r"[\"']?dialect[\"']?\s*:\s*[\"'](postgres|mysql|mariadb|sqlite|mssql)[\"']"), "js"),
    ("TypeORM data source type", re.compile(r"[\"']?type[\"']?\s*:\s*[\"'](postgres|mysql|mariadb|sqlite|better-sqlite3"
                                            r"|mssql|mongodb|oracle|cockroachdb)[\"']"), "typeorm"),
    ("Entity Framework provider", re.compile(r"\.Use(Npgsql|SqlServer|Sqlite|MySql|Oracle)\("), "cs"),
    ("Mongoose connection", re.compile(r"\bmongoose\.(?:connect|createConnection)\(()"), "js"),
)
_EF = {"Npgsql": "postgresql", "SqlServer": "sql_server", "Sqlite": "sqlite", "MySql": "mysql", "Oracle": "oracle_database"}
_TYPEORM = re.compile(r"typeorm|TypeOrmModule|new DataSource\(|createConnection\(", re.I)


def _wanted(path: str) -> bool:
    return is_source(path) or bool(CONFIG_NAMES.search(path)) or path.lower().endswith(("database.php", ".prisma"))


def _applies(kind: str, path: str, text: str) -> bool:
    lower, ext = path.lower(), extension(path)
    if kind == "any":
        return True
    if kind == "js":
        return ext in {"js", "mjs", "cjs", "ts", "mts", "cts"} or lower.endswith(".json")
    if kind == "typeorm":
        return "ormconfig" in lower or (ext in {"js", "ts", "mjs", "cjs"} and bool(_TYPEORM.search(text)))
    if kind == "database.yml":
        return lower.endswith(("database.yml", "database.yaml"))
    if kind == "phpunit":
        return "phpunit.xml" in lower
    if kind == "prisma":
        return ext == "prisma"
    return ext == kind


def find_databases(files: Mapping[str, str]) -> list[CodeFinding]:
    """Databases configured in ``files`` (``{path: text}``): one finding per database and file.

    Returns findings in path order (signal: the database's detector key, ``what``: where the
    setting comes from, ``line``: its first line). Never raises.
    """
    found: list[CodeFinding] = []
    for path, text in scanned(files, _wanted):
        head = text[:300_000]
        for what, pattern, kind in _RULES:
            if not _applies(kind, path, head):
                continue
            for match in pattern.finditer(head):
                name = next((g for g in match.groups() if g), "")
                if what == "Mongoose connection":
                    signal = "mongodb"
                elif what == "Entity Framework provider":
                    signal = _EF[name]
                else:
                    signal = _NAMES.get(name.lower())
                if signal:
                    start = match.start()
                    found.append(CodeFinding(signal, path, line_of(head, start), line_text(head, start), what))
    return merge(found)
