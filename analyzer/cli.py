"""The ``jobready`` command line (Typer). Parses options, calls the library, prints.

Exit status: 0 on success; 2 for input the user must fix (one ``Error: …`` line on
stderr); 1 for anything else that went wrong (also one line, never a traceback).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from analyzer.errors import InputError, JobreadyError, TaxonomyError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Job-readiness analyzer for aspiring backend developers.",
)
taxonomy_app = typer.Typer(no_args_is_help=True, help="Work with skill_taxonomy.yaml.")
app.add_typer(taxonomy_app, name="taxonomy")


class Format(str, Enum):
    json = "json"
    markdown = "markdown"


def _fail(message: str, status: int) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(status)


@app.command()
def analyze(
    resume: Annotated[Optional[Path], typer.Argument(help="Résumé PDF to analyse.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.json,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here instead of stdout.")] = None,
    password: Annotated[Optional[str], typer.Option(help="Password of a protected PDF.")] = None,
    github: Annotated[Optional[str], typer.Option(help="GitHub username whose public repositories to read.")] = None,
    github_from_resume: Annotated[bool, typer.Option(
        "--github-from-resume", help="Read the GitHub profile the résumé links to.")] = False,
    repo: Annotated[Optional[list[Path]], typer.Option(help="Local repository folder (repeatable).")] = None,
    taxonomy: Annotated[Optional[Path], typer.Option(help="Use another skill_taxonomy.yaml.")] = None,
) -> None:
    """Analyse a résumé PDF (and optionally GitHub or local repositories) into a report."""
    if resume is not None and not resume.is_file():
        _fail(f"{resume} does not exist or is not a file: check the path.", 2)
    if github_from_resume and resume is None:
        _fail("--github-from-resume needs a résumé PDF to read the link from: give one, "
              "or pass --github USER.", 2)
    from analyzer.report import analyze as run_analysis  # spaCy loads here, after the cheap checks
    from analyzer.resume import parse_resume
    from analyzer.taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy)
    parsed = parse_resume(resume, password=password, name=resume.name) if resume else None
    warnings: list[str] = []
    if github_from_resume and not github:
        github = parsed.basics.github if parsed else None
        if not github:
            warnings.append("The résumé links to no GitHub profile, so none was read: "
                            "pass --github USER.")
    # with a résumé or folders there is still a report to make if GitHub fails: warn instead
    sources = _code_sources(github, repo or [], tax, warn=parsed is not None or bool(repo))
    if github and sources.get("github_user") is None:
        typer.echo(f"Warning: {sources['extra_warnings'][-1]}", err=True)
    sources["extra_warnings"] = (*warnings, *sources.get("extra_warnings", ()))
    report = run_analysis(parsed, resume_name=resume.name if resume else None,
                          taxonomy=tax, **sources)
    text = report.to_json() if format is Format.json else report.to_markdown()
    if output is None:
        typer.echo(text)
    else:
        try:
            output.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            _fail(f"could not write {output} ({exc.strerror}): choose another path.", 2)
        typer.echo(f"Report written to {output}.", err=True)


def _code_sources(github: str | None, repos: list[Path], taxonomy, *, warn: bool) -> dict:
    """Keyword arguments for :func:`analyzer.report.analyze` from --github and --repo."""
    if not github and not repos:
        return {}
    from analyzer.code import read_code_sources

    return read_code_sources(github_user=github, repo_paths=repos, taxonomy=taxonomy,
                             github_errors="warn" if warn else "raise")


@taxonomy_app.command("check")
def taxonomy_check(
    path: Annotated[Optional[Path], typer.Argument(help="Taxonomy file (default: the project's).")] = None,
) -> None:
    """Validate a taxonomy file and list every problem with its location."""
    from analyzer.taxonomy import check_taxonomy, default_taxonomy_path

    target = path or default_taxonomy_path()
    problems = check_taxonomy(target)
    if not problems:
        typer.echo(f"{target}: OK")
        return
    for problem in problems:  # file-level problems already name the file
        where = "" if problem.location == str(target) else f"{target}: "
        typer.echo(f"{where}{problem}", err=True)
    _fail(f"{len(problems)} problem(s) in {target}: fix them and run the check again.", 2)


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


if __name__ == "__main__":
    main()
