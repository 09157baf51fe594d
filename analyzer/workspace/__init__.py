"""The coach's workspace: stored reports, history, comparison, notes, tags, cohorts.

Takes report dicts (``Report.to_dict()``) and keeps them in a database — SQLite in
``platformdirs.user_data_dir("jobready")`` by default, PostgreSQL when ``DATABASE_URL``
(or ``url``) says so — and gives back plain data: frozen dataclasses with ``to_dict()``.
Layer: above ``analyzer.report`` (imports nothing above it; never Streamlit or Typer).

Stable API (the CLI, the dashboard, exports and batch build on these names)::

    from analyzer.workspace import open_workspace, compare_reports, analyze_cohort

    ws = open_workspace()                      # or open_workspace("postgresql://u@host/db")
    rid = ws.save_report("Ada Lovelace", report.to_dict(), cohort="Spring 2027",
                         inputs={"resume": pdf_bytes},        # only sha256 digests stored
                         resume_file=None)                    # bytes only if "keep the file"
    ws.get_report(rid)          -> StoredReport  (.id .candidate .created_at .score .report …)
    ws.history("Ada Lovelace")  -> list[ReportEntry], oldest first (.id .created_at .score)
    ws.candidates(cohort=None)  -> list[CandidateSummary] (.name .reports .latest_score …)
    ws.latest_reports(cohort)   -> dict[name, StoredReport]
    ws.compare(id_a, id_b)      -> Comparison (= compare_reports(a.report, b.report))
    ws.add_note(name, text) -> int;  ws.notes(name) -> list[NoteEntry]
    ws.add_tag(name, tag); ws.remove_tag(name, tag); ws.tags(name=None) -> list[str]
    ws.add_to_cohort(name, cohort); ws.remove_from_cohort(name, cohort)
    ws.cohorts() -> list[CohortSummary];  ws.cohort(name) -> CohortAnalysis
    ws.add_posting(cohort, title, text, parsed=None) -> int; ws.postings(cohort) -> list[Posting]
    ws.delete_posting(id); ws.stored_file(report_id) -> (filename, bytes) | None
    ws.delete_candidate(name) -> Deleted   (reports, notes, kept files go too)
    ws.close()                             (or ``with open_workspace() as ws:``)

    compare_reports(before: dict, after: dict) -> Comparison   (.to_dict(), .to_markdown())
    analyze_cohort(name, {candidate: report dict}, postings) -> CohortAnalysis
        (.candidates .common_gaps .matrix .grouping .postings; .to_dict(), .to_markdown())

Modules: ``models`` (SQLAlchemy tables), ``database`` (engine, Alembic migrations run on
first use, driver errors → one sentence), ``storage`` (:class:`Workspace`), ``records``
(what it returns), ``privacy`` (token scrubbing), ``compare``, ``cohort``;
``migrations/`` ships in the wheel.

Errors (all ``analyzer.errors.JobreadyError``)::

    WorkspaceError                 the database could not be used
    ├── WorkspaceUnavailableError  cannot open the file / reach the server
    ├── WorkspaceBusyError         SQLite locked by another writer past the busy timeout (30 s)
    ├── WorkspaceCorruptError      not a jobready workspace, or a damaged file
    ├── WorkspaceVersionError      made by a newer jobready
    ├── WorkspaceURLError          a bad DATABASE_URL (also an InputError: exit 2)
    └── NotInWorkspaceError        no such candidate/report/cohort (also an InputError)

Never stored: a GitHub token (scrubbed from the JSON before saving), a résumé file
unless passed as ``resume_file``.
"""

from analyzer.errors import (
    NotInWorkspaceError,
    WorkspaceBusyError,
    WorkspaceCorruptError,
    WorkspaceError,
    WorkspaceUnavailableError,
    WorkspaceURLError,
    WorkspaceVersionError,
)
from analyzer.workspace.cohort import CohortAnalysis, analyze_cohort, target_posting
from analyzer.workspace.compare import Comparison, compare_reports
from analyzer.workspace.database import default_database_url, make_engine, migrate
from analyzer.workspace.records import (
    CandidateSummary,
    CohortSummary,
    Deleted,
    NoteEntry,
    Posting,
    ReportEntry,
    StoredReport,
)
from analyzer.workspace.storage import Workspace, open_workspace

__all__ = [
    "CandidateSummary", "CohortAnalysis", "CohortSummary", "Comparison", "Deleted",
    "NoteEntry", "NotInWorkspaceError", "Posting", "ReportEntry", "StoredReport", "Workspace",
    "WorkspaceBusyError", "WorkspaceCorruptError", "WorkspaceError", "WorkspaceURLError",
    "WorkspaceUnavailableError", "WorkspaceVersionError", "analyze_cohort", "compare_reports",
    "default_database_url", "make_engine", "migrate", "open_workspace", "target_posting",
]
