"""What every command module shares: the Typer apps, report formats and the one-line failure."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum

import typer

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


@contextmanager
def loading() -> Iterator[None]:
    """Run a command's start-up (importing spaCy, loading the taxonomy, compiling the
    matcher) with Python's cyclic garbage collector off, then keep what it built out of
    later collections (``gc.freeze``) and turn the collector back on.

    Start-up creates about a million long-lived objects and no garbage cycles worth
    collecting; the collector's passes over them were about 0.3 s of a 1.5 s
    ``jobready analyze`` (``scripts/benchmark.py``, cold start). The collector is on again
    for the analysis itself, however the block ends.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


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
