"""The coach's workspace: candidates, their stored reports, notes, tags, cohorts, postings.

:class:`Workspace` wraps one engine (see :mod:`analyzer.workspace.database`); each method
is one unit of work with its own ``Session``, writes inside ``with session.begin():``,
so a save is all or nothing and two processes saving at once both land. Everything a
method returns is plain data (frozen dataclasses and dicts), never ORM rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from analyzer.errors import InputError, NotInWorkspaceError
from analyzer.workspace.database import (
    describe,
    make_engine,
    migrate,
    translate_errors,
    writer,
)
from analyzer.workspace.models import (
    NAME_LENGTH,
    Candidate,
    Cohort,
    Note,
    PostingRow,
    ReportRow,
    StoredFile,
    Tag,
    candidate_tags,
    cohort_members,
)
from analyzer.workspace.privacy import (
    REDACTED,
    drop_control_characters,
    environment_secrets,
    scrub_secrets,
)
from analyzer.workspace.records import (
    CandidateSummary,
    CohortSummary,
    Deleted,
    NoteEntry,
    Posting,
    ReportEntry,
    StoredReport,
)

__all__ = ["REDACTED", "Workspace", "open_workspace", "scrub_secrets"]


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _clean_name(name: str, what: str) -> str:
    """``name`` with its whitespace collapsed and control characters (NUL …) dropped:
    PostgreSQL text cannot hold NUL, and no real name has one."""
    cleaned = " ".join(drop_control_characters(str(name)).split())
    if not cleaned:
        raise InputError(f"The {what} name is empty: give a name such as \"Ada Lovelace\".")
    if len(cleaned) > NAME_LENGTH:
        raise InputError(f"The {what} name is {len(cleaned)} characters long: "
                         f"use at most {NAME_LENGTH}.")
    return cleaned


def open_workspace(url: str | None = None, *,
                   clock: Callable[[], datetime] | None = None) -> Workspace:
    """Open (creating or upgrading as needed) the workspace database at ``url``.

    ``url`` defaults to ``$DATABASE_URL``, else ``workspace.sqlite3`` in
    ``platformdirs.user_data_dir("jobready")``; ``postgresql://user:pw@host/db`` uses
    psycopg 3. ``clock`` returns the UTC time stamped on new rows (tests pass a fixed one).

    Raises:
        WorkspaceURLError: not a SQLite or PostgreSQL URL (an InputError).
        WorkspaceUnavailableError, WorkspaceBusyError, WorkspaceCorruptError,
        WorkspaceVersionError: see :func:`analyzer.workspace.database.migrate`.
    """
    engine = make_engine(url)
    migrate(engine)
    return Workspace(engine, clock=clock)


class Workspace:
    """Stored reports and the coach's records in one database; see the module docstring.

    Build it with :func:`open_workspace`, or pass an engine whose schema is already
    migrated (``migrate(engine)``). Use it as a context manager, or call :meth:`close`,
    to release the database connections.
    """

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] | None = None):
        self.engine = engine
        self._clock = clock or _utcnow
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(writer(engine), expire_on_commit=False)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the engine's pooled connections (the workspace can be used again)."""
        self.engine.dispose()

    @property
    def location(self) -> str:
        """The database for messages: a file path, or the URL without its password."""
        return describe(self.engine.url)

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with translate_errors(self.engine), self._reader() as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with translate_errors(self.engine), self._writer() as session, session.begin():
            yield session

    # -- reports ---------------------------------------------------------------

    def save_report(
        self,
        candidate: str,
        report: Mapping[str, Any],
        *,
        cohort: str | None = None,
        inputs: Mapping[str, bytes] | None = None,
        resume_file: bytes | None = None,
        resume_filename: str | None = None,
    ) -> int:
        """Store ``report`` (a ``Report.to_dict()``) for ``candidate``; return its id.

        The candidate (and ``cohort``, which the candidate joins) is created on first
        use. ``inputs`` maps an input's name to its bytes (``{"resume": pdf_bytes,
        "github": b"octocat"}``); only their sha256 digests are stored. ``resume_file``
        is stored only when given — pass it when the coach ticked "keep the file".
        GitHub tokens are scrubbed from the JSON first (:func:`scrub_secrets`). One
        transaction: either all of it is stored or none.

        Raises:
            InputError: an empty or over-long name.
            TypeError: ``report`` is not a report dict.
            WorkspaceError: the database failed (nothing is stored).
        """
        if not isinstance(report, Mapping) or "schema_version" not in report:
            raise TypeError("save_report takes Report.to_dict(), a dict with schema_version")
        name = _clean_name(candidate, "candidate")
        cohort_name = _clean_name(cohort, "cohort") if cohort is not None else None
        body = scrub_secrets(report, environment_secrets())
        taxonomy = body.get("taxonomy") or {}
        score = (body.get("readiness") or {}).get("score")
        fingerprints = {str(k): hashlib.sha256(bytes(v)).hexdigest()
                        for k, v in (inputs or {}).items()}
        with self._write() as session:
            candidate_id = _ensure_named(session, Candidate, name, created_at=self._clock())
            row = ReportRow(
                candidate_id=candidate_id,
                created_at=self._clock(),
                schema_version=str(body.get("schema_version")),
                taxonomy_version=None if taxonomy.get("version") is None
                else str(taxonomy["version"]),
                taxonomy_sha256=taxonomy.get("sha256"),
                score=None if score is None else float(score),
                inputs=fingerprints,
                report=body,
            )
            if resume_file is not None:
                row.files.append(StoredFile(
                    filename=(resume_filename or "resume.pdf")[:255],
                    sha256=hashlib.sha256(resume_file).hexdigest(),
                    content=bytes(resume_file)))
            session.add(row)
            if cohort_name is not None:
                cohort_id = _ensure_named(session, Cohort, cohort_name, created_at=self._clock())
                _ensure_member(session, cohort_id, candidate_id)
            session.flush()
            return row.id

    def get_report(self, report_id: int) -> StoredReport:
        """The stored report with id ``report_id``.

        Raises:
            NotInWorkspaceError: no such report.
        """
        with self._read() as session:
            row = session.get(ReportRow, int(report_id))
            if row is None:
                raise NotInWorkspaceError(
                    f"There is no report {report_id} in {self.location}: "
                    "run `jobready history NAME` to see the ids.")
            return _stored(row, row.candidate.name, row.files)

    def history(self, candidate: str) -> list[ReportEntry]:
        """The candidate's reports without their bodies, oldest first.

        Raises:
            NotInWorkspaceError: no such candidate.
        """
        with self._read() as session:
            person = self._candidate(session, candidate)
            files = dict(session.execute(
                select(StoredFile.report_id, StoredFile.filename)
                .join(ReportRow).where(ReportRow.candidate_id == person.id)).all())
            rows = session.execute(
                select(ReportRow.id, ReportRow.created_at, ReportRow.score,
                       ReportRow.schema_version, ReportRow.taxonomy_version,
                       ReportRow.taxonomy_sha256, ReportRow.inputs)
                .where(ReportRow.candidate_id == person.id)
                .order_by(ReportRow.created_at, ReportRow.id)).all()
            return [ReportEntry(r.id, person.name, _utc(r.created_at), r.score, r.schema_version,
                                r.taxonomy_version, r.taxonomy_sha256, dict(r.inputs),
                                files.get(r.id)) for r in rows]

    def latest_reports(self, cohort: str | None = None) -> dict[str, StoredReport]:
        """Each candidate's newest report (of the ``cohort``'s members, if given), by name.

        Raises:
            NotInWorkspaceError: no such cohort.
        """
        with self._read() as session:
            query = select(ReportRow.candidate_id, ReportRow.id).order_by(
                ReportRow.created_at, ReportRow.id)
            if cohort is not None:
                group = self._cohort(session, cohort)
                query = query.join(cohort_members,
                                   cohort_members.c.candidate_id == ReportRow.candidate_id
                                   ).where(cohort_members.c.cohort_id == group.id)
            # newest per candidate from the small columns, then only those JSON bodies
            newest = {row.candidate_id: row.id for row in session.execute(query)}
            ids = list(newest.values())
            rows = session.scalars(select(ReportRow).where(ReportRow.id.in_(ids))).all()
            names = dict(session.execute(select(Candidate.id, Candidate.name)).all())
            stored = [_stored(row, names[row.candidate_id], ()) for row in rows]
            return {s.candidate: s for s in sorted(stored, key=lambda s: s.candidate.lower())}

    def stored_file(self, report_id: int) -> tuple[str, bytes] | None:
        """The résumé file kept with a report, as (file name, bytes), or None."""
        with self._read() as session:
            row = session.scalars(select(StoredFile).where(StoredFile.report_id == report_id)
                                  ).first()
            return None if row is None else (row.filename, row.content)

    def compare(self, id_a: int, id_b: int):
        """What changed from report ``id_a`` to report ``id_b``
        (:func:`analyzer.workspace.compare.compare_reports`).

        Raises:
            NotInWorkspaceError: either report does not exist.
        """
        from analyzer.workspace.compare import compare_reports

        return compare_reports(self.get_report(id_a).report, self.get_report(id_b).report)

    # -- candidates ------------------------------------------------------------

    def candidates(self, cohort: str | None = None) -> list[CandidateSummary]:
        """Every candidate (or the ``cohort``'s members) by name, with report count and
        latest score.

        Raises:
            NotInWorkspaceError: no such cohort.
        """
        with self._read() as session:
            query = select(Candidate.id, Candidate.name).order_by(Candidate.name)
            if cohort is not None:
                group = self._cohort(session, cohort)
                query = query.join(cohort_members).where(cohort_members.c.cohort_id == group.id)
            people = session.execute(query).all()
            latest: dict[int, tuple] = {}
            counts: dict[int, int] = {}
            for row in session.execute(
                    select(ReportRow.candidate_id, ReportRow.id, ReportRow.created_at,
                           ReportRow.score).order_by(ReportRow.created_at, ReportRow.id)):
                latest[row.candidate_id] = (row.id, row.created_at, row.score)
                counts[row.candidate_id] = counts.get(row.candidate_id, 0) + 1
            tags = _names_by_candidate(session, Tag, candidate_tags.c.tag_id, candidate_tags)
            cohorts = _names_by_candidate(session, Cohort, cohort_members.c.cohort_id,
                                          cohort_members)
            summaries = []
            for person in people:
                report_id, at, score = latest.get(person.id, (None, None, None))
                summaries.append(CandidateSummary(
                    person.name, counts.get(person.id, 0), score, report_id,
                    _utc(at) if at else None, tags.get(person.id, ()),
                    cohorts.get(person.id, ())))
            return sorted(summaries, key=lambda s: s.name.lower())

    def delete_candidate(self, candidate: str) -> Deleted:
        """Delete the candidate with every report, note and kept file of theirs.

        Their tag and cohort memberships go too; the tags and cohorts stay.

        Raises:
            NotInWorkspaceError: no such candidate.
        """
        with self._write() as session:
            person = self._candidate(session, candidate)
            report_ids = select(ReportRow.id).where(ReportRow.candidate_id == person.id)
            deleted = Deleted(
                person.name,
                session.scalar(select(func.count()).select_from(report_ids.subquery())),
                session.scalar(select(func.count(Note.id)).where(Note.candidate_id == person.id)),
                session.scalar(select(func.count(StoredFile.id))
                               .where(StoredFile.report_id.in_(report_ids))),
            )
            # the database cascades (ON DELETE CASCADE) to reports, files, notes, memberships
            session.execute(delete(Candidate).where(Candidate.id == person.id))
            return deleted

    def add_note(self, candidate: str, text: str) -> int:
        """Add a note to an existing candidate; return its id (tokens scrubbed, as in
        :meth:`save_report`).

        Raises:
            InputError: the note is empty.
            NotInWorkspaceError: no such candidate.
        """
        if not text or not text.strip():
            raise InputError("The note is empty: write the text to keep, in quotes.")
        with self._write() as session:
            person = self._candidate(session, candidate)
            note = Note(candidate_id=person.id, created_at=self._clock(),
                        text=scrub_secrets(text.strip(), environment_secrets()))
            session.add(note)
            session.flush()
            return note.id

    def notes(self, candidate: str) -> list[NoteEntry]:
        """The candidate's notes, oldest first.

        Raises:
            NotInWorkspaceError: no such candidate.
        """
        with self._read() as session:
            person = self._candidate(session, candidate)
            return [NoteEntry(n.id, person.name, _utc(n.created_at), n.text) for n in person.notes]

    def add_tag(self, candidate: str, tag: str) -> None:
        """Put ``tag`` on the candidate (creating the tag; adding it twice is harmless).

        Raises:
            InputError: an empty or over-long tag.
            NotInWorkspaceError: no such candidate.
        """
        label = _clean_name(tag, "tag")
        with self._write() as session:
            person = self._candidate(session, candidate)
            tag_id = _ensure_named(session, Tag, label)
            _insert_ignore(session, candidate_tags, candidate_id=person.id, tag_id=tag_id)

    def remove_tag(self, candidate: str, tag: str) -> None:
        """Take ``tag`` off the candidate (nothing happens if it was not there).

        Raises:
            NotInWorkspaceError: no such candidate.
        """
        with self._write() as session:
            person = self._candidate(session, candidate)
            tag_id = session.scalar(select(Tag.id).where(Tag.name == " ".join(tag.split())))
            if tag_id is not None:
                session.execute(delete(candidate_tags).where(
                    candidate_tags.c.candidate_id == person.id, candidate_tags.c.tag_id == tag_id))

    def tags(self, candidate: str | None = None) -> list[str]:
        """The candidate's tags, or every tag in use when ``candidate`` is None, sorted.

        Raises:
            NotInWorkspaceError: no such candidate.
        """
        with self._read() as session:
            if candidate is None:
                return sorted(session.scalars(select(Tag.name).join(candidate_tags).distinct()))
            return sorted(t.name for t in self._candidate(session, candidate).tags)

    # -- cohorts and postings ----------------------------------------------------

    def cohorts(self) -> list[CohortSummary]:
        """Every cohort by name, with its number of candidates and postings."""
        with self._read() as session:
            return [CohortSummary(c.name, len(c.candidates), len(c.postings))
                    for c in session.scalars(select(Cohort).order_by(Cohort.name))]

    def add_to_cohort(self, candidate: str, cohort: str) -> None:
        """Put an existing candidate in ``cohort`` (created on first use).

        Raises:
            InputError: an empty or over-long cohort name.
            NotInWorkspaceError: no such candidate.
        """
        label = _clean_name(cohort, "cohort")
        with self._write() as session:
            person = self._candidate(session, candidate)
            _ensure_member(session, _ensure_named(session, Cohort, label,
                                                  created_at=self._clock()), person.id)

    def remove_from_cohort(self, candidate: str, cohort: str) -> None:
        """Take the candidate out of ``cohort`` (their reports stay).

        Raises:
            NotInWorkspaceError: no such candidate or cohort.
        """
        with self._write() as session:
            person = self._candidate(session, candidate)
            group = self._cohort(session, cohort)
            session.execute(delete(cohort_members).where(
                cohort_members.c.candidate_id == person.id,
                cohort_members.c.cohort_id == group.id))

    def add_posting(self, cohort: str, title: str, text: str,
                    parsed: Mapping[str, Any] | None = None) -> int:
        """Add a target posting to ``cohort`` (created on first use); return its id.

        ``parsed`` is the posting as read by :mod:`analyzer.postings` (a JSON dict with
        at least ``required`` and ``nice_to_have`` skill ids), or None when only the
        text is known.

        Raises:
            InputError: an empty title or text.
        """
        label = _clean_name(cohort, "cohort")
        heading = _clean_name(title, "posting title")
        if not text or not text.strip():
            raise InputError("The posting text is empty: paste the posting's text.")
        with self._write() as session:
            cohort_id = _ensure_named(session, Cohort, label, created_at=self._clock())
            secrets = environment_secrets()
            row = PostingRow(cohort_id=cohort_id, created_at=self._clock(), title=heading,
                             text=scrub_secrets(text, secrets),
                             parsed=None if parsed is None else scrub_secrets(parsed, secrets))
            session.add(row)
            session.flush()
            return row.id

    def postings(self, cohort: str) -> list[Posting]:
        """The cohort's target postings, oldest first.

        Raises:
            NotInWorkspaceError: no such cohort.
        """
        with self._read() as session:
            group = self._cohort(session, cohort)
            return [Posting(p.id, group.name, p.title, p.text, p.parsed, _utc(p.created_at))
                    for p in group.postings]

    def delete_posting(self, posting_id: int) -> None:
        """Delete a target posting.

        Raises:
            NotInWorkspaceError: no such posting.
        """
        with self._write() as session:
            if session.get(PostingRow, posting_id) is None:
                raise NotInWorkspaceError(f"There is no posting {posting_id} in {self.location}.")
            session.execute(delete(PostingRow).where(PostingRow.id == posting_id))

    def cohort(self, name: str):
        """The cohort analysed: its candidates' latest reports, common gaps, the candidate
        × requirement-group matrix, groups of similar candidates and the postings
        (:func:`analyzer.workspace.cohort.analyze_cohort`).

        Raises:
            NotInWorkspaceError: no such cohort.
        """
        from analyzer.workspace.cohort import analyze_cohort

        latest = self.latest_reports(name)
        return analyze_cohort(" ".join(name.split()), {n: s.report for n, s in latest.items()},
                              self.postings(name),
                              report_ids={n: s.id for n, s in latest.items()})

    # -- lookups -------------------------------------------------------------------

    def _candidate(self, session: Session, name: str) -> Candidate:
        cleaned = " ".join(str(name).split())
        person = session.scalars(select(Candidate).where(Candidate.name == cleaned)).first()
        if person is None:
            raise NotInWorkspaceError(
                f"There is no candidate named {cleaned!r} in {self.location}: "
                "run `jobready candidates` to see the names.")
        return person

    def _cohort(self, session: Session, name: str) -> Cohort:
        cleaned = " ".join(str(name).split())
        group = session.scalars(select(Cohort).where(Cohort.name == cleaned)).first()
        if group is None:
            raise NotInWorkspaceError(
                f"There is no cohort named {cleaned!r} in {self.location}: save a report "
                "with --cohort NAME to start one.")
        return group


def _stored(row: ReportRow, candidate: str, files) -> StoredReport:
    return StoredReport(
        row.id, candidate, _utc(row.created_at), row.score, row.schema_version,
        row.taxonomy_version, row.taxonomy_sha256, dict(row.inputs),
        files[0].filename if files else None, report=row.report)


def _insert(session: Session, table):
    dialect = session.get_bind().dialect.name
    return (postgresql_insert if dialect == "postgresql" else sqlite_insert)(table)


def _insert_ignore(session: Session, table, **values) -> None:
    session.execute(_insert(session, table).values(**values).on_conflict_do_nothing())


def _ensure_named(session: Session, model, name: str, **extra) -> int:
    """The id of the ``model`` row named ``name``, inserting it if missing.

    ``INSERT … ON CONFLICT DO NOTHING`` then ``SELECT``: two transactions creating the
    same candidate at once both end up with the one row (PostgreSQL makes the second
    wait for the first; SQLite writers are serialised by ``BEGIN IMMEDIATE``).
    """
    session.execute(_insert(session, model.__table__).values(name=name, **extra)
                    .on_conflict_do_nothing(index_elements=["name"]))
    return session.scalar(select(model.id).where(model.name == name))


def _ensure_member(session: Session, cohort_id: int, candidate_id: int) -> None:
    _insert_ignore(session, cohort_members, cohort_id=cohort_id, candidate_id=candidate_id)


def _names_by_candidate(session: Session, model, key, table) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    for candidate_id, name in session.execute(
            select(table.c.candidate_id, model.name).join(model, model.id == key)
            .order_by(model.name)):
        found.setdefault(candidate_id, []).append(name)
    return {k: tuple(v) for k, v in found.items()}
