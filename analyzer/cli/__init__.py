"""The ``jobready`` command line (Typer). Parses options, calls the library, prints.

Exit status: 0 on success; 2 for input the user must fix (one ``Error: …`` line on
stderr); 1 for anything else that went wrong (also one line, never a traceback).

Each command group lives in its own module and registers itself on :data:`app` when imported
below; a new group adds one import line here.
"""

from __future__ import annotations

import sys

import typer

from analyzer.cli import analyze, taxonomy  # noqa: F401  (registers the commands)
from analyzer.cli.common import app
from analyzer.errors import InputError, JobreadyError, TaxonomyError

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point: run the app, turning our errors into one line."""
    try:
        # standalone mode: click reports usage errors itself (exit 2) and exits with the
        # status of typer.Exit; our own errors propagate to the handlers below
        app()
    except TaxonomyError as exc:
        typer.echo(f"Error: {exc}", err=True)
        if len(exc.problems) > 1:  # the message already names the first one
            for problem in exc.problems[:20]:
                typer.echo(f"  {problem}", err=True)
        sys.exit(2)
    except InputError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except JobreadyError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # the unexpected: one line, no traceback
        typer.echo(f"Error: unexpected {type(exc).__name__}: {exc}. Please report this.", err=True)
        sys.exit(1)

