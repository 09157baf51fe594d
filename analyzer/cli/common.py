"""What every command module shares: the Typer apps, report formats and the one-line failure."""

from __future__ import annotations

from enum import Enum

import typer

from analyzer.startup import loading  # noqa: F401  (the commands load their pipeline in it)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # plain Click help: flags show no "<bool>" and errors carry no boxes
    rich_markup_mode=None,
    help="Job-readiness analyzer for aspiring backend developers.",
)
taxonomy_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                           help="Work with skill_taxonomy.yaml and technologies.yaml.")
app.add_typer(taxonomy_app, name="taxonomy")


class Format(str, Enum):
    json = "json"
    markdown = "markdown"


def fail(message: str, status: int) -> None:
    """Print ``Error: message`` on stderr and exit with ``status`` (2: input to fix, 1: other)."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(status)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"jobready {version('jobready')}")
        except PackageNotFoundError:  # a source checkout that was never installed
            typer.echo("jobready (not installed: version unknown)")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_version,
                                 help="Print the version and exit."),
) -> None:
    """Job-readiness analyzer for aspiring backend developers."""
