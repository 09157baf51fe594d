"""The workspace's exceptions (moved into analyzer/errors.py once the layout lands)."""

from __future__ import annotations

from analyzer.errors import InputError, JobreadyError


class WorkspaceError(JobreadyError):
    """The workspace database could not be used; the message says why and what to do."""


class WorkspaceUnavailableError(WorkspaceError):
    """The database cannot be opened or reached: a bad path, a refused connection."""


class WorkspaceBusyError(WorkspaceError):
    """Another writer held the SQLite file longer than the busy timeout (30 s)."""


class WorkspaceCorruptError(WorkspaceError):
    """The file or database is not a jobready workspace (or is damaged)."""


class WorkspaceVersionError(WorkspaceError):
    """The database was made by a newer jobready than this one."""


class WorkspaceURLError(WorkspaceError, InputError):
    """``DATABASE_URL`` or ``--database`` is not a usable database URL."""


class NotInWorkspaceError(WorkspaceError, InputError):
    """No candidate, report, cohort or posting with the given name or id."""
