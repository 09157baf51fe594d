"""Migrations run on first use, upgrade old databases in place, and refuse what is not ours."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from analyzer.errors import (
    InputError,
    WorkspaceCorruptError,
    WorkspaceUnavailableError,
    WorkspaceURLError,
    WorkspaceVersionError,
)
from analyzer.workspace import make_engine, migrate, open_workspace
from analyzer.workspace.database import current_revision, describe, head_revision
from analyzer.workspace.models import Base

FIRST = "0001"


def test_a_new_database_is_created_at_the_newest_revision(database_url):
    engine = make_engine(database_url)
    assert current_revision(engine) is None
    migrate(engine)
    migrate(engine)  # a second run is a no-op
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_the_migrations_match_the_models(database_url):
    engine = make_engine(database_url)
    migrate(engine)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert differences == [], "models changed: generate a migration (docs/workspace.md)"


def test_a_database_of_the_first_schema_is_upgraded_with_its_data(database_url):
    engine = make_engine(database_url)
    migrate(engine, FIRST)
    report = {"schema_version": "1.0", "readiness": {"score": 61.5}, "skills": [],
              "note": "made by the first version"}
    with engine.begin() as conn:  # what the first version wrote, in its own columns
        conn.execute(text("INSERT INTO candidates (name, created_at) "
                          "VALUES ('Ada', '2027-01-01 10:00:00')"))
        ada = conn.execute(text("SELECT id FROM candidates WHERE name = 'Ada'")).scalar()
        conn.execute(text(
            "INSERT INTO reports (candidate_id, created_at, schema_version, taxonomy_version,"
            " taxonomy_sha256, score, inputs, report) VALUES (:ada, '2027-01-01 10:00:00', '1.0',"
            " '1', :sha, 61.5, '{}', :report)"),
            {"ada": ada, "sha": "cd" * 32, "report": json.dumps(report)})
        report_id = conn.execute(text("SELECT id FROM reports")).scalar()
        conn.execute(text("INSERT INTO notes (candidate_id, created_at, text) "
                          "VALUES (:ada, '2027-01-02 10:00:00', 'First note')"), {"ada": ada})
    engine.dispose()

    with open_workspace(database_url) as ws:  # first use by the new version upgrades it
        assert current_revision(ws.engine) == head_revision() != FIRST
        assert ws.get_report(report_id).report == report
        assert [h.score for h in ws.history("Ada")] == [61.5]
        assert [n.text for n in ws.notes("Ada")] == ["First note"]
        ws.add_tag("Ada", "upgraded")  # and the new tables work
        ws.save_report("Ada", report, cohort="After upgrade")
        assert ws.tags("Ada") == ["upgraded"]
        assert [c.reports for c in ws.candidates(cohort="After upgrade")] == [2]


def test_a_database_from_a_newer_version_is_refused(database_url):
    engine = make_engine(database_url)
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(WorkspaceVersionError, match="newer jobready .*upgrade jobready"):
        migrate(engine)
    engine.dispose()


def test_a_database_of_someone_else_is_not_touched(database_url):
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)"))
        conn.execute(text("INSERT INTO invoices VALUES (1, 100)"))
    engine.dispose()
    with pytest.raises(WorkspaceCorruptError, match="invoices .*not a jobready workspace"):
        open_workspace(database_url)
    engine = create_engine(database_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT total FROM invoices")).scalar() == 100
    engine.dispose()


def test_a_damaged_sqlite_file_is_named(tmp_path: Path):
    path = tmp_path / "workspace.sqlite3"
    path.write_bytes(b"this is not a database, just some text" * 200)
    with pytest.raises(WorkspaceCorruptError, match=r"workspace.sqlite3 is not a readable "
                       "jobready workspace .*move the file away") as caught:
        open_workspace(f"sqlite:///{path}")
    assert "\n" not in str(caught.value)
    assert path.read_bytes().startswith(b"this is not a database")  # never overwritten


def test_an_unwritable_folder_is_named(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(WorkspaceUnavailableError, match="cannot create the folder"):
        open_workspace(f"sqlite:///{blocker / 'sub' / 'workspace.sqlite3'}")


def test_an_unreachable_server_is_named_without_its_password():
    from socket import socket

    with socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://coach:s3cret@127.0.0.1:{port}/jobready"
    with pytest.raises(WorkspaceUnavailableError, match="cannot reach the workspace database "
                       r".*check that the server is running") as caught:
        open_workspace(url)
    assert "s3cret" not in str(caught.value) and "***" in str(caught.value)


@pytest.mark.parametrize("url, message", [
    ("not a url", "is not a database URL"),
    ("mysql://u@localhost/db", "uses mysql, which jobready does not support"),
])
def test_bad_urls_are_input_errors(url, message):
    with pytest.raises(WorkspaceURLError, match=message) as caught:
        open_workspace(url)
    assert isinstance(caught.value, InputError)


def test_the_default_database_is_a_file_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with open_workspace() as ws:
        ws.save_report("Ada", {"schema_version": "1.0"})
        assert ws.location == str(tmp_path / "jobready" / "workspace.sqlite3")
    assert (tmp_path / "jobready" / "workspace.sqlite3").is_file()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}")
    with open_workspace() as ws:
        assert ws.candidates() == []
    assert (tmp_path / "elsewhere.sqlite3").is_file()


@pytest.mark.parametrize("url, driver", [
    ("postgres://u@h/db", "postgresql+psycopg"),
    ("postgresql://u@h/db", "postgresql+psycopg"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
    ("sqlite:////tmp/x.sqlite3", "sqlite"),
])
def test_postgres_urls_use_psycopg_3(url, driver):
    assert make_engine(url).url.drivername == driver


def test_describe_hides_passwords():
    assert describe("postgresql+psycopg://u:pw@h/db") == "postgresql+psycopg://u:***@h/db"
    assert describe("sqlite:////tmp/x.sqlite3") == "/tmp/x.sqlite3"


def test_a_writer_held_too_long_is_a_busy_error_and_nothing_is_half_written(tmp_path):
    import sqlite3

    from analyzer.errors import WorkspaceBusyError
    from analyzer.workspace import Workspace

    path = tmp_path / "workspace.sqlite3"
    engine = make_engine(f"sqlite:///{path}", busy_timeout_s=0.2)
    migrate(engine)
    ws = Workspace(engine)
    ws.save_report("Ada", {"schema_version": "1.0"})
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process in the middle of a long write
    try:
        with pytest.raises(WorkspaceBusyError, match="locked by another writer .*try again"):
            ws.save_report("Grace", {"schema_version": "1.0"}, cohort="Spring")
        assert [c.name for c in ws.candidates()] == ["Ada"]  # readers are not blocked (WAL)
    finally:
        other.execute("ROLLBACK")
        other.close()
    ws.save_report("Grace", {"schema_version": "1.0"}, cohort="Spring")
    assert [c.name for c in ws.candidates(cohort="Spring")] == ["Grace"]
    ws.close()
