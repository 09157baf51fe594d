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


def _month(iso: str | None) -> str:
    return "present" if iso is None else f"{_MONTHS[int(iso[5:7]) - 1]} {iso[:4]}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _experience(c: dict) -> list[str]:
    """The experience paragraph: software months, seniority and which roles counted."""
    roles = c.get("work") or []
    if c.get("seniority") is None:  # a report from before schema 1.1, or no résumé
        if any(w["months"] is not None for w in roles):
            return [f"Experience: {c['experience_months']} months across {len(roles)} roles.", ""]
        return [f"Experience: {len(roles)} roles, with no dates that could be read.", ""] if roles else []
    out = [f"**Seniority: {c['seniority']}** — {c['seniority_reason']}", ""]
    for w in roles:
        where = ", ".join(x for x in (w["title"], w.get("organization")) if x)
        if w.get("start"):
            when = f"{_month(w['start'])} – {_month(w['end'])}, {w['months'] or 0} months"
        else:
            when = "dates not readable"
        mark = "counted" if w.get("software") else "not counted"
        out.append(f"- {where} ({when}): {mark}, {w.get('counted_because', '')}".rstrip(", "))
    return out + [""] if roles else out


def _resources(gap: dict) -> list[str]:
    items = []
    for res in gap.get("resources") or []:
        name = f"[{res['name']}]({res['url']})" if res.get("url") else res["name"]
        items.append(f"{name} ({res['use']})")
    return [f"   - Learn: {'; '.join(items)}."] if items else []


def _skills_by_category(report: dict, categories: Mapping[str, str]) -> list[str]:
    """Skills grouped under their category, categories in taxonomy order, evidence under each."""
    names = {s["id"]: s["name"] for s in report["skills"]}
    order = {cid: i for i, cid in enumerate(categories)}
    groups: dict[str, list[dict]] = {}
    for s in report["skills"]:
        groups.setdefault(s["category"], []).append(s)
    out = ["## Skills and evidence, by category", ""]
    for cid in sorted(groups, key=lambda c: (order.get(c, len(order)), c)):
        out += [f"### {categories.get(cid, cid)}", ""]
        for s in groups[cid]:
            head = f"- **{s['name']}** ({_STATUS.get(s['status'], s['status'])}"
            head += f", {s['strength']})" if s["status"] != "implied" else ")"
            if s["implied_by"]:
                head += f" — implied by {', '.join(names.get(i, i) for i in s['implied_by'])}"
            out.append(head)
            out += [f"  - {_where(e)}" for e in s["evidence"][:5]]
        out.append("")
    return out


def _prompts(report: dict) -> list[str]:
    prompts = report.get("interview_prompts") or []
    if not prompts:
        return []
    out = ["## Interview prompts for the coach", "",
           "Skills the résumé names but no work or project bullet (or code) shows; ask:", ""]
    for p in prompts:
        out += [f"- **{p['name']}**: {p['why']}"]
        out += [f"  {i}. {q}" for i, q in enumerate(p["questions"], 1)]
    return out + [""]


def render_markdown(report: dict, categories: Mapping[str, str] | None = None) -> str:
    """Markdown text for a report dict; every claim is followed by its evidence.

    ``categories`` maps category ids to display names (``Taxonomy.categories``), in the
    order skills are grouped; ids are shown (sorted) when it is None. Reports written
    before schema 1.1 (no seniority, resources or prompts) render without those parts.
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
    out += _experience(c)

    out += [f"## Readiness: {r['score']:g} / 100", ""]
    level_reason = f" — from {r['level_reason']}" if r.get("level_reason") else ""
    out += [f"Level for advice and projects: **{r['level']}**{level_reason}.", "",
            "| Area | Score | Weight | How |", "|---|---:|---:|---|"]
    out += [f"| {_cell(g['name'])} | {format(g['score'], 'g') if g['assessed'] else '—'} "
            f"| {g['weight']:.2f} | {_cell(g['explanation'])} |" for g in r["groups"]]
    out += ["", f"Formula: {r['formula']}", ""]

    if report.get("match"):
        from analyzer.postings.markdown import match_markdown  # only reports with a posting need it

        out += match_markdown(report["match"])

    out += ["## Gaps, most important first", ""]
    for i, g in enumerate(report["gaps"], 1):
        out.append(f"{i}. **{g['name']}** ({g['kind']}, importance {g['importance']:.2f}): {g['reason']}")
        out += _resources(g)
    if not report["gaps"]:
        out.append("No gaps: every area is fully met.")
    out.append("")

    out += ["## Suggested projects", ""]
    for p in report["projects"]:
        out += [f"### {p['title']} ({p['difficulty']})", "", p["brief"], "",
                f"Why: {p['why']}", ""]
        if p["upgrades"]:
            out += ["Make it stand out: " + "; ".join(u.rstrip(".") for u in p["upgrades"]) + ".", ""]

    out += _prompts(report)
    out += _skills_by_category(report, categories)
    names = {s["id"]: s["name"] for s in (*report["skills"], *report.get("other_technologies", ()))}

    others = report.get("other_technologies") or []
    if others:
        out += ["## Other technologies", "",
                "Named with evidence but outside every requirement group above.", ""]
        for t in others:
            category = categories.get(t["category"], t["category"])
            out.append(f"- **{t['name']}** ({category}, {_STATUS.get(t['status'], t['status'])}, "
                       f"{t['strength']}) — {_where(t['evidence'][0])}")
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
