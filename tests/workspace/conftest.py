"""Real databases for the workspace tests: a SQLite file, and a real PostgreSQL server.

``database_url`` is parametrised: every test that takes it runs once on a fresh SQLite
file and once on a fresh PostgreSQL database. The server is ``$JOBREADY_TEST_POSTGRES_URL``
when set (a superuser URL: each test creates and drops its own database), else a
throw-away cluster this module starts with Debian's ``initdb``/``pg_ctl`` on a free
127.0.0.1 port in a temporary folder, as the ``postgres`` user when run as root, and stops
at the end. Without PostgreSQL installed the tests FAIL (run scripts/setup.sh): CI must
never pass by skipping them.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[4]) if Path(p).parts[4].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A superuser SQLAlchemy URL of a running PostgreSQL server."""
    given = os.environ.get("JOBREADY_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    bindir = _postgres_bin()
    if bindir is None:
        pytest.fail("PostgreSQL is not installed (no initdb/pg_ctl under /usr/lib/postgresql): "
                    "run scripts/setup.sh, or set JOBREADY_TEST_POSTGRES_URL.")
    root = Path(tempfile.mkdtemp(prefix="jobready-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(root, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, log, port = root / "data", root / "server.log", _free_port()

    def run(*args: str) -> None:
        done = subprocess.run([*as_user, *args], capture_output=True, text=True, timeout=120)
        if done.returncode:
            pytest.fail(f"{args[0]} failed: {done.stderr or done.stdout}"
                        f"{log.read_text() if log.exists() else ''}")

    run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
        "-E", "UTF8", "--locale=C", "--no-sync")
    options = (f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
    run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                        "stop"], capture_output=True, timeout=120)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database: a new SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'workspace.sqlite3'}"
        return
    server = make_url(request.getfixturevalue("postgres_server"))
    name = f"jobready_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def real_report(tmp_path_factory, taxonomy) -> dict:
    """A real report: the generated résumé PDF (``pdf_factory``) through ``analyze``."""
    from pdf_factory import build_resume_pdf

    from analyzer.report import analyze

    pdf = build_resume_pdf(tmp_path_factory.mktemp("report") / "casey.pdf")
    return json.loads(analyze(pdf, taxonomy=taxonomy).to_json())
