"""``jobready taxonomy …``: check, list and compile skill_taxonomy.yaml and technologies.yaml."""

from __future__ import annotations

import json
from enum import Enum
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


class ListFormat(str, Enum):
    text = "text"
    json = "json"


@taxonomy_app.command("list")
def taxonomy_list(
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="text (one line each) or json.")] = ListFormat.text,
    path: Annotated[Optional[Path], typer.Option("--taxonomy", help="Taxonomy file (default: the project's).")] = None,
) -> None:
    """Every skill and technology jobready knows: id, name, aliases, category, groups it credits."""
    from analyzer.taxonomy.loader import load_taxonomy

    rows = vocabulary_rows(load_taxonomy(path))
    if format is ListFormat.json:
        typer.echo(json.dumps({"skills": rows}, ensure_ascii=False, indent=1))
        return
    for row in rows:
        groups = f"  -> {', '.join(row['groups'])}" if row["groups"] else ""
        aliases = f" ({'; '.join(row['aliases'])})" if row["aliases"] else ""
        typer.echo(f"{row['id']}\t{row['name']}{aliases}\t[{row['category']}, {row['kind']}]{groups}")


def vocabulary_rows(taxonomy) -> list[dict]:
    """One dict per skill and technology, in file order (skills first)."""
    return [{"id": s.id, "name": s.name, "aliases": list(s.aliases), "category": s.category,
             "category_name": taxonomy.categories.get(s.category, s.category), "kind": s.kind,
             "groups": list(taxonomy.groups_crediting(s.id)), "source": s.source}
            for s in taxonomy.skills.values()]


@taxonomy_app.command("compile")
def taxonomy_compile(
    path: Annotated[Optional[Path], typer.Argument(help="Taxonomy file (default: the project's).")] = None,
) -> None:
    """Rebuild the compiled artifacts in models/ (validated taxonomy, skill term table)."""
    from analyzer.skills.matcher import compile_terms
    from analyzer.taxonomy.loader import compile_taxonomy, load_taxonomy

    written = compile_taxonomy(path)
    table = compile_terms(load_taxonomy(path))
    typer.echo(f"Wrote {written} and {table}.")
