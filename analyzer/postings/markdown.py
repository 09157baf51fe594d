"""Markdown for people: a parsed posting (``jobready posting --format markdown``) and the
Match section of a report. Both work on the plain dicts (``Posting.to_dict()``,
``Match.to_dict()``), so a stored report renders the same as a fresh one."""

from __future__ import annotations

__all__ = ["match_markdown", "posting_markdown"]

_STATUS = {"shown_in_code": "shown in code", "used": "used", "listed": "listed",
           "implied": "implied", "missing": "missing"}
_REQ = {"required": "Required", "nice_to_have": "Nice to have"}


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def _seniority(seniority: dict | None) -> str:
    if not seniority:
        return "not stated"
    parts = ([seniority["level"]] if seniority.get("level") else []) + (
        [f"{seniority['years']}+ years"] if seniority.get("years") is not None else [])
    return ", ".join(parts) or "not stated"


def _group(any_of: int | None) -> str:
    return f" (any of group {any_of})" if any_of is not None else ""


def posting_markdown(posting: dict) -> str:
    """The posting's skills as Markdown: required, then nice to have, each with its evidence."""
    out = [f"# Job posting: {posting.get('title') or posting.get('source') or 'untitled'}", "",
           f"Source: {posting.get('source', '?')} · Seniority: {_seniority(posting.get('seniority'))}", ""]
    for requirement in ("required", "nice_to_have"):
        skills = [s for s in posting["skills"] if s["requirement"] == requirement]
        out += [f"## {_REQ[requirement]} ({len(skills)})", ""]
        for s in skills:
            out.append(f"- **{s['name']}**{_group(s['any_of'])} — {s.get('reason', '')}".rstrip(" —"))
            out += [f"  - line {e['line']}: “{e['text']}”" for e in s["evidence"][:3]]
        if not skills:
            out.append("None.")
        out.append("")
    if posting.get("warnings"):
        out += ["## Warnings", ""] + [f"- {w}" for w in posting["warnings"]] + [""]
    return "\n".join(out)


def match_markdown(match: dict) -> list[str]:
    """The report's Match section as Markdown lines (heading level 2)."""
    posting = match["posting"]
    req, nice = match["required"], match["nice_to_have"]
    out = [f"## Match to the posting: {posting.get('title') or posting['source']}", "",
           f"**Match score: {match['score']:g} / 100** — required {req['met']} of {req['total']} met, "
           f"nice to have {nice['met']} of {nice['total']}. Seniority asked: {_seniority(posting.get('seniority'))}.", "",
           f"Formula: {match['formula']} (each required item or any-of group counts twice a nice-to-have "
           "one; credit per item: shown in code 1.0, used 0.8–0.9, listed 0.5, implied as the skill implying it, missing 0).", ""]
    similarity = match.get("similarity")
    if similarity:
        value = "n/a" if similarity["cosine"] is None else f"{similarity['cosine']:.2f}"
        out += [f"Second signal, not in the score — text similarity {value}: {similarity['note']}", ""]
    out += ["| Skill | Posting | Status | Evidence |", "|---|---|---|---|"]
    for item in match["items"]:
        status = _STATUS[item["status"]]
        if item["status"] == "missing" and item.get("covered_by"):
            status = f"missing (group met by {item['covered_by']})"
        first = item["posting_evidence"][0] if item["posting_evidence"] else None
        asked = f"{_REQ[item['requirement']]}{_group(item['any_of'])}"
        if first:
            asked += f": line {first['line']}"
        out.append(f"| **{_cell(item['name'])}** | {_cell(asked)} | {_cell(status)} | {_cell(item['explanation'])} |")
    out.append("")
    if match["projects"]:
        out += ["### Projects that close the missing required skills", ""]
        for p in match["projects"]:
            out += [f"- **{p['title']}** ({p['difficulty']}), closes {', '.join(p['closes'])}: {p['brief']}"]
            if p["upgrades"]:
                out.append("  - Upgrades: " + "; ".join(u.rstrip(".") for u in p["upgrades"]) + ".")
        out.append("")
    if match["uncovered"]:
        out += [f"No catalog project covers: {', '.join(match['uncovered'])}.", ""]
    if posting.get("warnings"):
        out += [f"- Posting: {w}" for w in posting["warnings"]] + [""]
    return out
