"""The HTML export: the report a coach sends a candidate, as one self-contained page.

Jinja2 templates shipped with the package (``analyzer/exports/templates/``:
``report.html.j2`` and its stylesheet ``report.css``, inlined so the file travels alone),
with autoescaping always on: every string from the résumé, GitHub or the coach is text,
never markup. The readiness chart is an SVG made by matplotlib (:mod:`.chart`), embedded
as a data URI. The same page, printed by WeasyPrint, is the PDF export (:mod:`.pdf`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache

from analyzer.exports.chart import data_uri, readiness_chart_svg
from analyzer.exports.redact import redact_notes, redact_report
from analyzer.taxonomy import Taxonomy, load_taxonomy

STATUS = {
    "verified": "claimed and shown in code",
    "claimed": "claimed on the résumé",
    "demonstrated": "shown in code",
    "implied": "implied",
}
"""Skill status → the words the candidate reads (same wording as the Markdown report)."""


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader

    # autoescape=True (not select_autoescape): the templates end in .html.j2 and .css,
    # and nothing from a report may ever be read as markup
    env = Environment(loader=PackageLoader("analyzer.exports", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = lambda x: "—" if x is None else format(float(x), "g")
    return env


def _day(stamp: str | None) -> str:
    """``2026-12-06T10:42:00+00:00`` → ``6 December 2026`` (the stamp itself if unreadable)."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{moment.day} {moment:%B %Y}"


def _where(ev: Mapping) -> str:
    """Where one piece of evidence was seen, in words: ``résumé p.1, work``."""
    if ev.get("source") == "resume":
        parts = [f"p.{ev['page']}" if ev.get("page") else None, ev.get("section")]
        return "résumé " + ", ".join(p for p in parts if p)
    place = "/".join(p for p in (ev.get("repo"), ev.get("path")) if p)
    return place or str(ev.get("source", ""))


def _resources(gap: Mapping) -> list[dict]:
    """A gap's learning resources as ``{"title", "url", "note", "use"}``.

    Schema 1.1 stores ``{"id", "name", "kind", "url", "use", "articles"}``; a plain string
    or a ``title`` key is read too.

    Only ``http(s)://`` URLs become links (escaping cannot make ``javascript:`` safe).
    """
    found = []
    for r in gap.get("resources") or []:
        if isinstance(r, str):
            found.append({"title": r, "url": None, "note": None})
        elif isinstance(r, Mapping):
            title = r.get("name") or r.get("title") or r.get("url") or ""
            note = " · ".join(str(r[k]) for k in ("kind", "type", "provider") if r.get(k))
            url = r.get("url") if re.match(r"(?i)https?://", str(r.get("url") or "")) else None
            found.append({"title": title, "url": url, "note": note or None, "use": r.get("use")})
    return found


def seniority(report: Mapping) -> str | None:
    """The candidate's seniority (schema 1.1 ``candidate.seniority``), or None."""
    value = (report.get("candidate") or {}).get("seniority") or report.get("seniority")
    if isinstance(value, Mapping):
        return value.get("level") or value.get("name")
    return value if isinstance(value, str) else None


def document_context(report: Mapping, *, notes: Sequence[Mapping] | None = None,
                     taxonomy: Taxonomy | None = None) -> dict:
    """The values the template shows, computed from a report dict (no escaping here).

    ``taxonomy`` names the categories and the skills a gap suggests (ids are shown for
    what it does not know, e.g. a report made with an older taxonomy).
    """
    categories = dict(taxonomy.categories) if taxonomy else {}
    c = report.get("candidate") or {}
    r = report["readiness"]
    names = {sid: skill.name for sid, skill in taxonomy.skills.items()} if taxonomy else {}
    names.update({s["id"]: s["name"] for s in report.get("skills", [])})
    # projects close requirement groups (gap ids), which may share an id with a skill
    group_names = {g["id"]: g["name"] for g in r.get("groups", [])}
    group_names.update({g["id"]: g["name"] for g in report.get("gaps", [])})
    folders = (report.get("input") or {}).get("repos") or []
    who = c.get("name") or (f"GitHub user {c['github']}" if c.get("github") else None) \
        or ", ".join(folders) or None
    contacts = [x for x in (c.get("email"), c.get("phone")) if x] + list(c.get("links") or [])

    by_category: dict[str, list[dict]] = {}
    for s in report.get("skills", []):
        by_category.setdefault(categories.get(s["category"], s["category"]), []).append({
            **s,
            "status_text": STATUS.get(s["status"], s["status"]),
            "implied_names": [names.get(i, i) for i in s.get("implied_by", [])],
            "evidence": [{**e, "where": _where(e)} for e in s.get("evidence", [])[:5]],
            "more": max(len(s.get("evidence", [])) - 5, 0),
        })
    claims = report.get("claims") or {}
    return {
        "who": who,
        "day": _day(report.get("generated_at")),
        "contacts": contacts,
        "experience_months": c.get("experience_months"),
        "roles": len(c.get("work") or []),
        "seniority": seniority(report),
        "seniority_reason": c.get("seniority_reason"),
        "prompts": report.get("interview_prompts") or [],
        "readiness": r,
        "chart": data_uri(readiness_chart_svg(r.get("groups", []), r.get("score"))),
        "gaps": [{**g, "suggestion_names": [names.get(i, i) for i in g.get("suggestions", [])],
                  "resource_list": _resources(g)} for g in report.get("gaps", [])],
        "projects": [{**p, "closes_names": [group_names.get(i, i) for i in p.get("closes", [])]}
                     for p in report.get("projects", [])],
        "skills_by_category": sorted(by_category.items(), key=lambda kv: kv[0].lower()),
        "claims": {k: [names.get(i, i) for i in claims.get(k, [])]
                   for k in ("verified", "claimed_only", "demonstrated_only")},
        "repositories": [{**repo, "stack_names": [names.get(i, i) for i in repo.get("stack", [])]}
                         for repo in report.get("repositories", [])],
        "checks": report.get("checks", []),
        "match": report.get("match"),
        "warnings": report.get("warnings", []),
        "notes": [{**n, "day": _day(str(n.get("created_at") or ""))} for n in notes]
        if notes is not None else None,
    }


def render_html(report: Mapping, *, notes: Sequence[Mapping] | None = None,
                redact: bool = False, taxonomy: Taxonomy | None = None,
                today: date | None = None) -> str:
    """The report as one HTML page (UTF-8 text, CSS and chart inlined).

    Args:
        report: a report dict (``Report.to_dict()`` or a stored one), schema 1.x; the
            optional ``match`` (posting match) and per-gap ``resources`` are shown when present.
        notes: the coach's notes to include, each ``{"text": str, "created_at": str | None}``;
            None leaves the section out (an empty list prints "no notes").
        redact: leave out e-mail, phone and links everywhere (see :mod:`.redact`), notes included.
        taxonomy: names categories and skills (default: :func:`analyzer.taxonomy.load_taxonomy`).
        today: the export date printed in the footer (default: today).

    Raises:
        KeyError: the dict is not a report (no ``readiness``).
        TaxonomyError: the default taxonomy file is invalid.
    """
    if redact:
        notes = redact_notes(notes, report) if notes is not None else None
        report = redact_report(report)
    context = document_context(report, notes=notes, taxonomy=taxonomy or load_taxonomy())
    context["exported"] = _day((today or date.today()).isoformat())
    context["redacted"] = redact
    return _environment().get_template("report.html.j2").render(**context)
