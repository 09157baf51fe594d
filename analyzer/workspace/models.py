"""The workspace's tables as SQLAlchemy 2 typed models.

One row per candidate; their reports (the full report JSON plus the columns the list
views sort and filter on), the coach's notes, tags, cohorts and each cohort's target
postings. A résumé file is a row of ``stored_files`` only when the coach asked to keep
it. Deleting a candidate deletes their reports, notes and files (``ON DELETE CASCADE``
in the database, ``cascade="all, delete-orphan"`` in the ORM) and their tag and cohort
memberships; the tags and cohorts themselves stay.

The schema is created and upgraded by the Alembic migrations in
``analyzer/workspace/migrations/versions`` (never by ``metadata.create_all``), so a
change here needs a new revision: see ``docs/workspace.md``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints, so a later migration can alter them on SQLite (batch mode) too.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

NAME_LENGTH = 200
"""Longest candidate, cohort or tag name, in characters."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


candidate_tags = Table(
    "candidate_tags",
    Base.metadata,
    Column("candidate_id", ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)

cohort_members = Table(
    "cohort_members",
    Base.metadata,
    Column("cohort_id", ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True),
    Column("candidate_id", ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True),
)


class Candidate(Base):
    """A person the coach follows, known by a unique name."""

    __tablename__ = "candidates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    reports: Mapped[list[ReportRow]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True,
        order_by="(ReportRow.created_at, ReportRow.id)")
    notes: Mapped[list[Note]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True,
        order_by="(Note.created_at, Note.id)")
    tags: Mapped[list[Tag]] = relationship(secondary=candidate_tags, passive_deletes=True)
    cohorts: Mapped[list[Cohort]] = relationship(
        secondary=cohort_members, back_populates="candidates", passive_deletes=True)


class ReportRow(Base):
    """One stored report: the JSON of ``Report.to_dict()`` and what it was made from.

    ``inputs`` maps an input's name (``"resume"``, ``"github"``, ``"repo:api"`` …) to the
    sha256 hex digest of its bytes, so a coach can tell whether two reports read the same
    résumé; the inputs themselves are not stored.
    """

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    schema_version: Mapped[str] = mapped_column(String(20))
    taxonomy_version: Mapped[str | None] = mapped_column(String(40))
    taxonomy_sha256: Mapped[str | None] = mapped_column(String(64))
    score: Mapped[float | None] = mapped_column(Float)
    inputs: Mapped[dict] = mapped_column(JSON)
    report: Mapped[dict] = mapped_column(JSON)

    candidate: Mapped[Candidate] = relationship(back_populates="reports")
    files: Mapped[list[StoredFile]] = relationship(
        back_populates="report", cascade="all, delete-orphan", passive_deletes=True)


class StoredFile(Base):
    """A résumé file kept at the coach's request ("keep the file"), with its report."""

    __tablename__ = "stored_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)

    report: Mapped[ReportRow] = relationship(back_populates="files")


class Note(Base):
    """A coach's note about a candidate (plain text, any length)."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    text: Mapped[str] = mapped_column(Text)

    candidate: Mapped[Candidate] = relationship(back_populates="notes")


class Tag(Base):
    """A label a coach puts on candidates (``"needs-sql"``, ``"ready"`` …)."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH), unique=True)


class Cohort(Base):
    """A group of candidates coached together, with the postings they aim at."""

    __tablename__ = "cohorts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    candidates: Mapped[list[Candidate]] = relationship(
        secondary=cohort_members, back_populates="cohorts", passive_deletes=True)
    postings: Mapped[list[PostingRow]] = relationship(
        back_populates="cohort", cascade="all, delete-orphan", passive_deletes=True,
        order_by="PostingRow.id")


class PostingRow(Base):
    """A job posting a cohort targets: its text and, when it could be read, the parsed
    posting as JSON (``required`` and ``nice_to_have`` skill ids at least)."""

    __tablename__ = "postings"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    title: Mapped[str] = mapped_column(String(NAME_LENGTH))
    text: Mapped[str] = mapped_column(Text)
    parsed: Mapped[dict | None] = mapped_column(JSON)

    cohort: Mapped[Cohort] = relationship(back_populates="postings")
