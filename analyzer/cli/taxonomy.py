"""``jobready taxonomy …``: work with skill_taxonomy.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from analyzer.cli.common import fail as _fail
from analyzer.cli.common import taxonomy_app


@taxonomy_app.command("check")
def taxonomy_check(
    path: Annotated[Optional[Path], typer.Argument(help="Taxonomy file (default: the project's).")] = None,
) -> None:
    """Validate a taxonomy file and list every problem with its location."""
    from analyzer.taxonomy.loader import check_taxonomy, default_taxonomy_path

    target = path or default_taxonomy_path()
    problems = check_taxonomy(target)
    if not problems:
        typer.echo(f"{target}: OK")
        return
    for problem in problems:  # file-level problems already name the file
        where = "" if problem.location == str(target) else f"{target}: "
        typer.echo(f"{where}{problem}", err=True)
    _fail(f"{len(problems)} problem(s) in {target}: fix them and run the check again.", 2)
