"""The ``jobready`` command line (Typer). Parses options, calls the library, prints.

Exit status: 0 on success; 2 for input the user must fix (one ``Error: …`` line on
stderr); 1 for anything else that went wrong (also one line, never a traceback).

Each command group lives in its own module and registers itself on :data:`app` when imported
below; a new group adds one import line here.
"""

from __future__ import annotations

import sys

import typer

try:  # Typer 0.2x vendors Click; its usage errors are that copy's classes
    from typer._click import exceptions as click_errors
except ImportError:  # older Typer on a plain Click
    from click import exceptions as click_errors  # type: ignore[no-redef]

from analyzer.cli import analyze, postings, taxonomy  # noqa: F401  (registers the commands)
from analyzer.cli import batch, exports  # noqa: F401  (registers the commands)
from analyzer.cli import workspace  # noqa: F401  (candidates, history, compare, note, cohort …)
from analyzer.cli.common import app
from analyzer.errors import InputError, JobreadyError, TaxonomyError

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point: run the app, turning our errors into one line."""
    try:
        # not standalone: usage errors come back to us, so each is one "Error: …" line
        status = app(standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:  # bare "jobready": the help, as asked
        typer.echo(exc.ctx.get_help() if exc.ctx else exc.format_message())
        sys.exit(0)
    except click_errors.UsageError as exc:
        hint = f" Run '{exc.ctx.command_path} --help' for the options." if exc.ctx else ""
        typer.echo(f"Error: {' '.join(exc.format_message().split()).rstrip('.')}.{hint}", err=True)
        sys.exit(2)
    except click_errors.ClickException as exc:
        typer.echo(f"Error: {' '.join(exc.format_message().split())}", err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("Error: aborted.", err=True)
        sys.exit(1)
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
    sys.exit(status if isinstance(status, int) else 0)

