"""The exceptions jobready raises, one tree for the whole library.

Every message is one sentence a person can act on: what happened and what to do.
Errors from pdfplumber, PyGithub, YAML or the database are translated at the
boundary (``raise ResumeError(...) from exc``), so callers only ever see these::

    JobreadyError
    ├── InputError                  the user must fix the input (CLI exit status 2)
    │   ├── ResumeError             a résumé PDF that cannot be read
    │   │   ├── NotAPdfError
    │   │   ├── EncryptedPdfError   password-protected, no or wrong password
    │   │   ├── EmptyPdfError       no pages, or pages with no text at all
    │   │   ├── NoTextLayerError    a scanned résumé: images, no text layer
    │   │   └── PdfTooLargeError    over a size, page or drawing limit
    │   ├── RepoFolderError         a --repo path that is missing or not a folder
    │   └── GitHubUserNotFoundError
    ├── TaxonomyError               skill_taxonomy.yaml is missing or invalid
    ├── ExportError                 an export could not be made (the PDF engine failed)
    ├── GitHubError                 GitHub could not be read
    │   ├── RateLimitError          the rate limit is exhausted (carries ``reset_at``)
    │   └── GitHubUnavailableError  5xx, time-outs, connection refused
    └── WorkspaceError              the workspace database could not be used
        ├── WorkspaceUnavailableError  cannot open the file or reach the server
        ├── WorkspaceBusyError      SQLite locked by another writer past the busy timeout
        ├── WorkspaceCorruptError   not a jobready workspace, or a damaged file
        ├── WorkspaceVersionError   made by a newer jobready
        ├── WorkspaceURLError       a bad DATABASE_URL (also an InputError)
        └── NotInWorkspaceError     no such candidate, report, cohort or posting (also an InputError)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


class JobreadyError(Exception):
    """Base class: ``str(error)`` is a complete sentence for the user."""


class InputError(JobreadyError):
    """Input the user must fix; the CLI exits with status 2."""


class ResumeError(InputError):
    """A résumé PDF that cannot be analysed."""


class NotAPdfError(ResumeError):
    """The file is not a PDF (wrong signature or unparseable structure)."""


class EncryptedPdfError(ResumeError):
    """The PDF is password-protected and no (or a wrong) password was given."""


class EmptyPdfError(ResumeError):
    """The PDF has no pages, or its pages carry no characters at all."""


class NoTextLayerError(ResumeError):
    """The PDF is a scan: it has images but no text layer to read."""


class PdfTooLargeError(ResumeError):
    """The PDF is over a limit: bytes or pages (``analyzer.resume.pdftext``), or drawing
    instructions and characters per page (``analyzer.resume.pdflimits``)."""


class RepoFolderError(InputError):
    """A local repository path that does not exist or is not a folder."""


class GitHubUserNotFoundError(InputError):
    """GitHub has no user with the given login."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a data file: where it is and what is wrong.

    ``location`` is a dotted path such as ``skills[12].aliases[3]`` (or
    ``line 40`` for YAML syntax errors).
    """

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class TaxonomyError(JobreadyError):
    """The skill taxonomy file is missing, not YAML, or fails validation.

    ``problems`` lists every problem found (all of them, not just the first).
    """

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems: list[Problem] = list(problems or [])


class ExportError(JobreadyError):
    """An export (HTML, PDF) could not be made; the message says what to do instead."""


class GitHubError(JobreadyError):
    """GitHub could not be read; the message says why and what to do."""


class RateLimitError(GitHubError):
    """The GitHub rate limit is exhausted until ``reset_at`` (UTC, may be None)."""

    def __init__(self, message: str, reset_at: datetime | None = None):
        super().__init__(message)
        self.reset_at = reset_at


class GitHubUnavailableError(GitHubError):
    """GitHub answered 5xx, timed out or refused the connection after bounded retries."""


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
