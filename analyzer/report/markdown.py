"""Render a report dict (``Report.to_dict()``) as Markdown for people.

Works on the plain dict so a stored report renders the same as a fresh one.
"""

from __future__ import annotations

from collections.abc import Mapping

_STATUS = {
    "verified": "claimed and shown in code",
    "claimed": "claimed on the résumé",
    "demonstrated": "shown in code",
    "implied": "implied",
}


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def _where(ev: dict) -> str:
    if ev["source"] == "resume":
        return f"résumé p.{ev.get('page', '?')}, {ev.get('section', '?')}: “{ev['text']}”"
    place = f"{ev.get('repo', '?')}/{ev.get('path', '')}"
    link = f"[{place}]({ev['url']})" if ev.get("url") else place
    return f"{link}: {ev['text']}"


def _names(ids: list[str], names: dict[str, str], empty: str = "none") -> str:
    return ", ".join(names.get(i, i) for i in ids) or empty


def _checks(checks: list[dict]) -> list[str]:
    marks = {True: "✅", False: "❌", None: "❔"}
    return [f"- {marks[ch['passed']]} {ch['name']}: {ch['detail']} {ch.get('advice', '')}".rstrip()
            for ch in checks]


def render_markdown(report: dict, categories: Mapping[str, str] | None = None) -> str:
    """Markdown text for a report dict; every claim is followed by its evidence.

    ``categories`` maps category ids to display names (``Taxonomy.categories``); ids are
    shown when it is None.
    """
    categories = categories or {}
    c = report["candidate"]
    r = report["readiness"]
    folders = report["input"].get("repos") or []
    who = (c.get("name") or (f"GitHub user {c['github']}" if c.get("github") else None)
           or (", ".join(folders) if folders else None))
    out = [f"# Job-readiness report{f': {who}' if who else ''}", ""]
    contact = [x for x in (c.get("email"), c.get("phone")) if x]
    if c.get("github") and c.get("name"):
        contact.append(f"GitHub: {c['github']}")
    if contact:
        out += [" · ".join(contact), ""]
    roles = c.get("work") or []
    if any(w["months"] is not None for w in roles):
        out += [f"Experience: {c['experience_months']} months across {len(roles)} roles.", ""]
    elif roles:
        out += [f"Experience: {len(roles)} roles, with no dates that could be read.", ""]

    out += [f"## Readiness: {r['score']:g} / 100 ({r['level']})", "",
            "| Area | Score | Weight | How |", "|---|---:|---:|---|"]
    out += [f"| {_cell(g['name'])} | {format(g['score'], 'g') if g['assessed'] else '—'} "
            f"| {g['weight']:.2f} | {_cell(g['explanation'])} |" for g in r["groups"]]
    out += ["", f"Formula: {r['formula']}", ""]

    out += ["## Gaps, most important first", ""]
    out += [f"{i}. **{g['name']}** ({g['kind']}, importance {g['importance']:.2f}): {g['reason']}"
            for i, g in enumerate(report["gaps"], 1)] or ["No gaps: every area is fully met."]
    out.append("")

    out += ["## Suggested projects", ""]
    for p in report["projects"]:
        out += [f"### {p['title']} ({p['difficulty']})", "", p["brief"], "",
                f"Why: {p['why']}", ""]
        if p["upgrades"]:
            out += ["Make it stand out: " + "; ".join(u.rstrip(".") for u in p["upgrades"]) + ".", ""]

    out += ["## Skills and evidence", ""]
    names = {s["id"]: s["name"] for s in report["skills"]}
    for s in report["skills"]:
        category = categories.get(s["category"], s["category"])
        head = f"- **{s['name']}** ({category}, {_STATUS.get(s['status'], s['status'])}"
        head += f", {s['strength']})" if s["status"] != "implied" else ")"
        if s["implied_by"]:
            head += f" — implied by {', '.join(names.get(i, i) for i in s['implied_by'])}"
        out.append(head)
        out += [f"  - {_where(e)}" for e in s["evidence"][:5]]
    out.append("")

    claims = report["claims"]
    if any(claims.values()):
        out += ["## Claimed vs demonstrated", "",
                f"- Verified (résumé and code): {_names(claims['verified'], names)}",
                f"- Claimed only (show them in code): {_names(claims['claimed_only'], names)}",
                f"- In code but missing from the résumé (add them): "
                f"{_names(claims['demonstrated_only'], names)}", ""]

    for repo in report.get("repositories", []):
        out += [f"### Repository {repo['name']}", "",
                f"Stack: {_names(repo['stack'], names, empty='unknown')}", ""]
        out += _checks(repo["checks"])
        out.append("")

    if report["checks"]:
        out += ["## Résumé checks", ""]
        out += _checks(report["checks"])
        out.append("")
    if report["warnings"]:
        out += ["## Warnings", ""] + [f"- {w}" for w in report["warnings"]] + [""]
    return "\n".join(out)
