"""What changed between two reports of one candidate: a pure function on two report dicts.

:func:`compare_reports` takes two ``Report.to_dict()`` values (older first) and lists
skills gained and lost, skills whose evidence got stronger or weaker, requirement groups
whose score went up or down, gaps closed and opened, résumé checks fixed and broken,
and the change of the overall score. The CLI (``jobready compare``) and the dashboard's
candidate page both use it; it touches no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

SCORE_STEP = 0.05
"""Smallest change of a group score (points out of 100) counted as a change: the report
rounds scores to one decimal, so anything below is rounding."""


@dataclass(frozen=True)
class SkillChange:
    """A skill present in one report or both. ``before``/``after`` are the strength
    (``listed`` … ``demonstrated``) or ``implied``; None where the skill is absent.
    ``factor_before``/``factor_after`` are the readiness factors in [0, 1]."""

    id: str
    name: str
    before: str | None
    after: str | None
    factor_before: float | None = None
    factor_after: float | None = None


@dataclass(frozen=True)
class GroupChange:
    """A requirement group's score in [0, 100] before and after (None: not assessed)."""

    id: str
    name: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)


@dataclass(frozen=True)
class Item:
    """A gap or a check named in one report: its id, name and a short detail."""

    id: str
    name: str
    detail: str = ""


@dataclass(frozen=True)
class Comparison:
    """The difference from report ``before`` to report ``after``; see the module docstring.

    ``score_before``/``score_after`` are overall readiness in [0, 100];
    ``score_change`` is their difference in points (None if either is missing).
    """

    before_label: str
    after_label: str
    score_before: float | None
    score_after: float | None
    skills_gained: tuple[SkillChange, ...]
    skills_lost: tuple[SkillChange, ...]
    skills_stronger: tuple[SkillChange, ...]
    skills_weaker: tuple[SkillChange, ...]
    groups_up: tuple[GroupChange, ...]
    groups_down: tuple[GroupChange, ...]
    gaps_closed: tuple[Item, ...]
    gaps_opened: tuple[Item, ...]
    checks_fixed: tuple[Item, ...]
    checks_broken: tuple[Item, ...]

    @property
    def score_change(self) -> float | None:
        if self.score_before is None or self.score_after is None:
            return None
        return round(self.score_after - self.score_before, 1)

    @property
    def unchanged(self) -> bool:
        """True when nothing listed here differs (the score may still move by rounding)."""
        return not any((self.skills_gained, self.skills_lost, self.skills_stronger,
                        self.skills_weaker, self.groups_up, self.groups_down, self.gaps_closed,
                        self.gaps_opened, self.checks_fixed, self.checks_broken))

    def to_dict(self) -> dict:
        """JSON-ready dict: ``score`` {before, after, change} and one list per kind of change."""
        def groups(items: tuple[GroupChange, ...]) -> list[dict]:
            return [{**asdict(g), "change": g.change} for g in items]

        return {
            "before": self.before_label,
            "after": self.after_label,
            "score": {"before": self.score_before, "after": self.score_after,
                      "change": self.score_change},
            "skills_gained": [asdict(s) for s in self.skills_gained],
            "skills_lost": [asdict(s) for s in self.skills_lost],
            "skills_stronger": [asdict(s) for s in self.skills_stronger],
            "skills_weaker": [asdict(s) for s in self.skills_weaker],
            "groups_up": groups(self.groups_up),
            "groups_down": groups(self.groups_down),
            "gaps_closed": [asdict(i) for i in self.gaps_closed],
            "gaps_opened": [asdict(i) for i in self.gaps_opened],
            "checks_fixed": [asdict(i) for i in self.checks_fixed],
            "checks_broken": [asdict(i) for i in self.checks_broken],
        }

    def to_markdown(self) -> str:
        """The comparison for people, as Markdown."""
        lines = [f"# What changed: {self.before_label} → {self.after_label}", ""]
        if self.score_change is None:
            lines.append("Readiness: not scored in both reports.")
        else:
            lines.append(f"Readiness: {_num(self.score_before)} → {_num(self.score_after)} "
                         f"({self.score_change:+.1f} points)")
        if self.unchanged:
            lines += ["", "Nothing else changed."]
        sections: list[tuple[str, list[str]]] = [
            ("Skills gained", [f"- {s.name} ({s.after})" for s in self.skills_gained]),
            ("Skills lost", [f"- {s.name} (was {s.before})" for s in self.skills_lost]),
            ("Stronger evidence", [f"- {s.name}: {_step(s)}" for s in self.skills_stronger]),
            ("Weaker evidence", [f"- {s.name}: {_step(s)}" for s in self.skills_weaker]),
            ("Requirement groups up", [f"- {g.name}: {_num(g.before)} → {_num(g.after)} "
                                       f"({g.change:+.1f})" for g in self.groups_up]),
            ("Requirement groups down", [f"- {g.name}: {_num(g.before)} → {_num(g.after)} "
                                         f"({g.change:+.1f})" for g in self.groups_down]),
            ("Gaps closed", [f"- {i.name}" for i in self.gaps_closed]),
            ("Gaps opened", [f"- {i.name}: {i.detail}" if i.detail else f"- {i.name}"
                             for i in self.gaps_opened]),
            ("Checks fixed", [f"- {i.name}" for i in self.checks_fixed]),
            ("Checks broken", [f"- {i.name}: {i.detail}" if i.detail else f"- {i.name}"
                               for i in self.checks_broken]),
        ]
        for title, items in sections:
            if items:
                lines += ["", f"## {title}", "", *items]
        return "\n".join(lines) + "\n"


def _step(skill: SkillChange) -> str:
    """``listed → applied``; with the same strength on both sides (a stronger skill now
    implies it), the readiness factors say what moved."""
    if skill.before != skill.after:
        return f"{skill.before} → {skill.after}"
    return f"{skill.after}, factor {skill.factor_before or 0:.1f} → {skill.factor_after or 0:.1f}"


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _strength(skill: Mapping[str, Any]) -> str:
    if skill.get("status") == "implied" or not skill.get("strength"):
        return "implied"
    return str(skill["strength"])


def compare_reports(before: Mapping[str, Any], after: Mapping[str, Any], *,
                    labels: tuple[str, str] | None = None) -> Comparison:
    """Compare two ``Report.to_dict()`` values, ``before`` the older one.

    Skills are matched by taxonomy id; a skill counts as stronger or weaker when its
    readiness factor (strongest evidence, see ``analyzer.evidence``) changed. Groups
    count as up or down when their score moved by at least :data:`SCORE_STEP` and both
    reports assessed them. A gap is closed when its group is no longer among the gaps;
    a check is fixed when it failed before and passes now.

    ``labels`` name the two reports in the Markdown (default: their ``generated_at``).
    Missing keys are read as empty, so a report of an older schema compares too.
    """
    if labels is None:
        labels = (f"report of {before.get('generated_at', '?')}",
                  f"report of {after.get('generated_at', '?')}")
    skills_a = {s["id"]: s for s in before.get("skills") or ()}
    skills_b = {s["id"]: s for s in after.get("skills") or ()}

    def change(sid: str) -> SkillChange:
        a, b = skills_a.get(sid), skills_b.get(sid)
        name = (b or a)["name"]
        return SkillChange(sid, name, _strength(a) if a else None, _strength(b) if b else None,
                           a.get("factor") if a else None, b.get("factor") if b else None)

    by_name = lambda c: c.name.lower()  # noqa: E731
    gained = sorted((change(s) for s in skills_b.keys() - skills_a.keys()), key=by_name)
    lost = sorted((change(s) for s in skills_a.keys() - skills_b.keys()), key=by_name)
    both = [change(s) for s in skills_a.keys() & skills_b.keys()]
    stronger = sorted((c for c in both if (c.factor_after or 0) > (c.factor_before or 0)),
                      key=by_name)
    weaker = sorted((c for c in both if (c.factor_after or 0) < (c.factor_before or 0)),
                    key=by_name)

    groups_a = _groups(before)
    groups_b = _groups(after)
    moved = [GroupChange(gid, name, groups_a[gid][1], score)
             for gid, (name, score) in groups_b.items() if gid in groups_a]
    moved = [g for g in moved if g.change is not None and abs(g.change) >= SCORE_STEP]
    up = tuple(sorted((g for g in moved if g.change > 0), key=lambda g: -g.change))
    down = tuple(sorted((g for g in moved if g.change < 0), key=lambda g: g.change))

    gaps_a = {g["id"]: g for g in before.get("gaps") or ()}
    gaps_b = {g["id"]: g for g in after.get("gaps") or ()}
    closed = tuple(Item(gid, gaps_a[gid]["name"], gaps_a[gid].get("kind", ""))
                   for gid in gaps_a if gid not in gaps_b)
    opened = tuple(Item(gid, gaps_b[gid]["name"], gaps_b[gid].get("reason", ""))
                   for gid in gaps_b if gid not in gaps_a)

    checks_a = {c["id"]: c for c in before.get("checks") or ()}
    checks_b = {c["id"]: c for c in after.get("checks") or ()}
    fixed = tuple(Item(cid, c["name"], c.get("detail", "")) for cid, c in checks_b.items()
                  if c.get("passed") and cid in checks_a and not checks_a[cid].get("passed"))
    broken = tuple(Item(cid, c["name"], c.get("advice") or c.get("detail", ""))
                   for cid, c in checks_b.items()
                   if not c.get("passed") and cid in checks_a and checks_a[cid].get("passed"))

    return Comparison(
        before_label=labels[0], after_label=labels[1],
        score_before=(before.get("readiness") or {}).get("score"),
        score_after=(after.get("readiness") or {}).get("score"),
        skills_gained=tuple(gained), skills_lost=tuple(lost),
        skills_stronger=tuple(stronger), skills_weaker=tuple(weaker),
        groups_up=up, groups_down=down,
        gaps_closed=closed, gaps_opened=opened,
        checks_fixed=fixed, checks_broken=broken,
    )


def _groups(report: Mapping[str, Any]) -> dict[str, tuple[str, float | None]]:
    """Group id → (name, score or None when the report did not assess the group)."""
    return {g["id"]: (g["name"], g.get("score") if g.get("assessed", True) else None)
            for g in (report.get("readiness") or {}).get("groups") or ()}
