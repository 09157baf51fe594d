"""What the workspace returns: plain frozen dataclasses, each with ``to_dict()``.

Times are UTC; scores are overall readiness in [0, 100] (None when a report had none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ReportEntry:
    """One stored report without its body: a row of a candidate's history.

    ``score`` is the overall readiness in [0, 100] (None if the report had none);
    ``inputs`` maps input names to sha256 hex digests; ``created_at`` is UTC.
    """

    id: int
    candidate: str
    created_at: datetime
    score: float | None
    schema_version: str
    taxonomy_version: str | None
    taxonomy_sha256: str | None
    inputs: dict[str, str]
    kept_file: str | None = None

    def to_dict(self) -> dict:
        """JSON-ready: ``id``, ``candidate``, ``created_at`` (ISO 8601), ``score`` …"""
        return {
            "id": self.id, "candidate": self.candidate,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "score": self.score, "schema_version": self.schema_version,
            "taxonomy": {"version": self.taxonomy_version, "sha256": self.taxonomy_sha256},
            "inputs": dict(self.inputs), "kept_file": self.kept_file,
        }


@dataclass(frozen=True)
class StoredReport(ReportEntry):
    """A stored report with its body: ``report`` is the saved ``Report.to_dict()``."""

    report: dict = field(default_factory=dict)


@dataclass(frozen=True)
class CandidateSummary:
    """A candidate as the candidates list shows them (latest score in [0, 100] or None)."""

    name: str
    reports: int
    latest_score: float | None
    latest_report_id: int | None
    latest_at: datetime | None
    tags: tuple[str, ...] = ()
    cohorts: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "name": self.name, "reports": self.reports, "latest_score": self.latest_score,
            "latest_report_id": self.latest_report_id,
            "latest_at": self.latest_at.isoformat(timespec="seconds") if self.latest_at else None,
            "tags": list(self.tags), "cohorts": list(self.cohorts),
        }


@dataclass(frozen=True)
class NoteEntry:
    """A coach's note: its id, when it was written (UTC) and its text."""

    id: int
    candidate: str
    created_at: datetime
    text: str

    def to_dict(self) -> dict:
        return {"id": self.id, "candidate": self.candidate,
                "created_at": self.created_at.isoformat(timespec="seconds"), "text": self.text}


@dataclass(frozen=True)
class Posting:
    """A target posting of a cohort: its text and the parsed posting (or None)."""

    id: int
    cohort: str
    title: str
    text: str
    parsed: dict | None
    created_at: datetime

    def to_dict(self) -> dict:
        return {"id": self.id, "cohort": self.cohort, "title": self.title, "text": self.text,
                "parsed": self.parsed,
                "created_at": self.created_at.isoformat(timespec="seconds")}


@dataclass(frozen=True)
class CohortSummary:
    """A cohort as the cohorts list shows it."""

    name: str
    candidates: int
    postings: int

    def to_dict(self) -> dict:
        return {"name": self.name, "candidates": self.candidates, "postings": self.postings}


@dataclass(frozen=True)
class Deleted:
    """What :meth:`Workspace.delete_candidate` removed."""

    candidate: str
    reports: int
    notes: int
    files: int
