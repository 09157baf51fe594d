"""``jobready analyze``: a résumé PDF, GitHub user or local folders → a report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from analyzer.cli.common import Format, app, loading
from analyzer.cli.common import fail as _fail


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
    posting: Annotated[Optional[str], typer.Option(
        help="Job posting to match (.txt, .md, .html, .pdf, or - for stdin).")] = None,
    save: Annotated[bool, typer.Option("--save", help="Store the report in the workspace.")] = False,
    candidate: Annotated[Optional[str], typer.Option(
        help="With --save: the candidate to store it under (default: the name on the résumé).")] = None,
    cohort: Annotated[Optional[str], typer.Option(
        help="With --save: put the candidate in this cohort.")] = None,
    keep_file: Annotated[bool, typer.Option(
        "--keep-file", help="With --save: keep the résumé PDF too (not kept otherwise).")] = False,
    database: Annotated[Optional[str], typer.Option(
        "--database", metavar="URL", help="With --save: workspace database URL "
        "(default: $DATABASE_URL, else a SQLite file in the user's data folder).")] = None,
) -> None:
    """Analyse a résumé PDF (and optionally GitHub or local repositories) into a report."""
    if resume is not None and not resume.is_file():
        _fail(f"{resume} does not exist or is not a file: check the path.", 2)
    if github_from_resume and resume is None:
        _fail("--github-from-resume needs a résumé PDF to read the link from: give one, "
              "or pass --github USER.", 2)
    if not save and (candidate or cohort or keep_file or database):
        _fail("--candidate, --cohort, --keep-file and --database only apply to a saved "
              "report: add --save.", 2)
    if keep_file and resume is None:
        _fail("--keep-file keeps the résumé PDF, and no résumé was given: drop --keep-file.", 2)
    workspace = None
    if save:  # fail on a database that cannot be used before spending time on the analysis
        from analyzer.cli.workspace import open_for_save

        workspace = open_for_save(database)
    with loading():  # spaCy loads here, after the cheap checks
        from analyzer.report.build import analyze as run_analysis
        from analyzer.resume.parse import parse_resume
        from analyzer.skills import shared_matcher
        from analyzer.taxonomy.loader import load_taxonomy

        tax = load_taxonomy(taxonomy)
        matcher = shared_matcher(tax) if resume is not None else None
    parsed_posting = None
    if posting is not None:
        from analyzer.cli.postings import read_posting_arg
        from analyzer.postings import parse_posting

        parsed_posting = parse_posting(read_posting_arg(posting), tax)
    parsed = parse_resume(resume, password=password, name=resume.name) if resume else None
    warnings: list[str] = []
    if github_from_resume and not github:
        github = parsed.basics.github if parsed else None
        if not github:
            warnings.append("The résumé links to no GitHub profile, so none was read: "
                            "pass --github USER.")
    # with a résumé or folders there is still a report to make if GitHub fails: warn instead
    sources = _code_sources(github, repo or [], tax, warn=parsed is not None or bool(repo))
    sources["extra_warnings"] = (*warnings, *sources.get("extra_warnings", ()))
    report = run_analysis(parsed, resume_name=resume.name if resume else None,
                          taxonomy=tax, matcher=matcher, posting=parsed_posting, **sources)
    for warning in report.warnings:  # also in the report; stderr so a script sees them
        typer.echo(f"Warning: {warning}", err=True)
    if workspace is not None:
        from analyzer.cli.workspace import save_report_cli

        inputs = {"resume": resume.read_bytes()} if resume else {}
        inputs |= {"github": github.encode()} if sources.get("github_user") else {}
        inputs |= {f"repo:{path.name}": str(path.resolve()).encode() for path in repo or ()}
        with workspace:
            save_report_cli(workspace, report.to_dict(), candidate=candidate, cohort=cohort,
                            inputs=inputs, resume_file=resume if keep_file else None)
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
    from analyzer.code.sources import read_code_sources

    return read_code_sources(github_user=github, repo_paths=repos, taxonomy=taxonomy,
                             github_errors="warn" if warn else "raise")
