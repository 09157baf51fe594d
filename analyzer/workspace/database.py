"""The workspace database: engine, migrations, and errors people can act on.

:func:`make_engine` turns a URL into a configured SQLAlchemy engine (SQLite in WAL mode
with a busy timeout, or PostgreSQL through psycopg 3); :func:`migrate` brings its schema
to the newest Alembic revision under the database's write lock, so eight processes that
open a new workspace at once create it once; :func:`translate_errors` turns driver
errors into :mod:`analyzer.errors` workspace errors with one sentence each.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DatabaseError,
    NoSuchModuleError,
    OperationalError,
)

from analyzer.errors import (
    WorkspaceBusyError,
    WorkspaceCorruptError,
    WorkspaceError,
    WorkspaceUnavailableError,
    WorkspaceURLError,
    WorkspaceVersionError,
)

DATABASE_FILENAME = "workspace.sqlite3"
"""Name of the default SQLite file inside ``platformdirs.user_data_dir("jobready")``."""

BUSY_TIMEOUT_S = 30
"""How long a SQLite writer waits for another one, in seconds (``PRAGMA busy_timeout``);
a save takes milliseconds (scripts/benchmark_workspace.py), so this is generous."""

CONNECT_TIMEOUT_S = 5
"""How long to wait for a PostgreSQL server to answer, in seconds."""

MIGRATION_LOCK_KEY = 0x6A6F62
"""PostgreSQL advisory lock key held while migrating (``"job"`` in hex; any constant)."""

MIGRATIONS = Path(__file__).with_name("migrations")


def default_database_url() -> str:
    """``$DATABASE_URL`` if set, else the SQLite file in the user's data directory.

    The directory is ``platformdirs.user_data_dir("jobready")``
    (``~/.local/share/jobready`` on Linux); it is created when missing.
    """
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("jobready", appauthor=False))
    return f"sqlite:///{folder / DATABASE_FILENAME}"


def describe(url: str | URL) -> str:
    """The URL for messages: the password hidden, a SQLite URL shown as its file path."""
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def _normalise(url: str) -> URL:
    """Parse ``url``; plain ``postgresql://`` and ``postgres://`` use psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise WorkspaceURLError(
            f"{url!r} is not a database URL: use sqlite:///path/to/file.sqlite3 or "
            "postgresql://user@host/dbname.") from exc
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise WorkspaceURLError(
            f"{describe(parsed)} uses {parsed.get_backend_name()}, which jobready does not "
            "support: use a sqlite:/// or postgresql:// URL.")
    return parsed


def make_engine(url: str | None = None, *, busy_timeout_s: float = BUSY_TIMEOUT_S) -> Engine:
    """A SQLAlchemy engine for the workspace at ``url`` (default: :func:`default_database_url`).

    SQLite: the file's folder is created; every connection gets foreign keys on, WAL
    journal mode (readers never wait for the writer) and a busy timeout of
    ``busy_timeout_s`` (default :data:`BUSY_TIMEOUT_S`); transactions are begun by SQLAlchemy, and a session made
    with ``execution_options(sqlite_begin="IMMEDIATE")`` takes the write lock at its
    start, so two writers queue instead of failing half-way. PostgreSQL: psycopg 3 with
    a :data:`CONNECT_TIMEOUT_S` connect timeout. The engine connects lazily.

    Raises:
        WorkspaceURLError: ``url`` is not a SQLite or PostgreSQL URL.
        WorkspaceUnavailableError: the SQLite folder cannot be created.
    """
    parsed = _normalise(url or default_database_url())
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed, busy_timeout_s)
        return create_engine(parsed, connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
                             pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise WorkspaceURLError(
            f"{describe(parsed)} cannot be used ({exc}): check DATABASE_URL.") from exc


def _sqlite_engine(url: URL, busy_timeout_s: float) -> Engine:
    in_memory = url.database in (None, "", ":memory:")
    if not in_memory:
        folder = Path(url.database).expanduser().resolve().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceUnavailableError(
                f"cannot create the folder {folder} for the workspace ({exc.strerror}): "
                "choose another path with DATABASE_URL.") from exc
    engine = create_engine(url, connect_args={"timeout": busy_timeout_s})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # let SQLAlchemy, not the sqlite3 module, decide when transactions begin
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def writer(engine: Engine) -> Engine:
    """``engine`` set to take the database's write lock when a transaction begins
    (``BEGIN IMMEDIATE`` on SQLite; PostgreSQL locks rows as it writes)."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")


# -- migrations ---------------------------------------------------------------

def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@lru_cache(maxsize=1)
def _revisions() -> tuple[str, frozenset[str]]:
    scripts = ScriptDirectory.from_config(_alembic_config())
    return scripts.get_current_head(), frozenset(s.revision for s in scripts.walk_revisions())


def head_revision() -> str:
    """The newest schema revision this version of jobready knows (``"0002"`` …)."""
    return _revisions()[0]


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database at ``engine``; None for an empty database."""
    with translate_errors(engine), engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the workspace schema at ``engine`` to ``revision`` (default: newest).

    Runs inside one transaction holding the write lock (SQLite ``BEGIN IMMEDIATE``,
    a PostgreSQL advisory lock), so concurrent first uses create the schema once and a
    failed upgrade leaves the old schema untouched (both databases have transactional
    DDL). Existing data is kept: migrations only add or reshape, never recreate.

    Raises:
        WorkspaceCorruptError: the database holds tables that are not a jobready workspace.
        WorkspaceVersionError: the database was made by a newer jobready.
        WorkspaceUnavailableError, WorkspaceBusyError: see :func:`translate_errors`.
    """
    head, known = _revisions()
    if revision == "head" and _peek_revision(engine) == head:
        return  # the common case: nothing to do, no lock taken
    with translate_errors(engine), writer(engine).connect() as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        current = MigrationContext.configure(conn).get_current_revision()
        if current is None:
            foreign = set(inspect(conn).get_table_names()) - {"alembic_version"}
            if foreign:
                raise WorkspaceCorruptError(
                    f"{describe(engine.url)} already holds other tables "
                    f"({', '.join(sorted(foreign)[:3])} …) and is not a jobready workspace: "
                    "point DATABASE_URL at a new or empty database.")
        elif current not in known:
            raise WorkspaceVersionError(
                f"{describe(engine.url)} was made by a newer jobready (schema {current}): "
                "upgrade jobready to open it.")
        if current == (head if revision == "head" else revision):
            return
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def _peek_revision(engine: Engine) -> str | None:
    """The stored revision read without a lock, or None if it cannot be read yet."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DatabaseError:
        return None  # no table yet, or a problem migrate() will report properly


# -- errors -------------------------------------------------------------------

@contextmanager
def translate_errors(engine: Engine) -> Iterator[None]:
    """Turn database driver errors raised inside the block into workspace errors.

    Raises:
        WorkspaceBusyError: SQLite stayed locked past the busy timeout.
        WorkspaceUnavailableError: the file cannot be opened or the server not reached.
        WorkspaceCorruptError: the file is not a SQLite database, or is damaged.
        WorkspaceError: any other database failure.
    """
    where = describe(engine.url)
    try:
        yield
    except WorkspaceError:
        raise
    except OperationalError as exc:
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        if "locked" in detail or "busy" in detail:
            raise WorkspaceBusyError(
                f"{where} stayed locked by another writer past the busy timeout: "
                "try again when the other save or batch run has finished.") from exc
        if engine.dialect.name == "sqlite":
            if "not a database" in detail or "malformed" in detail:
                raise _corrupt(where, detail) from exc
            raise WorkspaceUnavailableError(
                f"cannot open the workspace file {where} ({detail}): check that the path "
                "is writable, or set DATABASE_URL to another one.") from exc
        raise WorkspaceUnavailableError(
            f"cannot reach the workspace database {where} ({detail}): check that the "
            "server is running and that DATABASE_URL is right.") from exc
    except DatabaseError as exc:
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        if isinstance(exc.orig, sqlite3.DatabaseError) and (
                "not a database" in detail or "malformed" in detail):
            raise _corrupt(where, detail) from exc
        raise WorkspaceError(
            f"the workspace database {where} failed ({detail}): try again, and report "
            "this if it keeps happening.") from exc


def _corrupt(where: str, detail: str) -> WorkspaceCorruptError:
    return WorkspaceCorruptError(
        f"{where} is not a readable jobready workspace ({detail}): move the file away "
        "(a new one is made) or restore it from a backup.")
