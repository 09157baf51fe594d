"""A cohort seen as a whole, from its candidates' latest reports (pure functions on dicts).

- :func:`common_gaps`: the gaps most candidates share, to plan group sessions;
- :func:`group_matrix`: candidate × requirement-group scores, for a heat map;
- :func:`similar_groups`: candidates grouped by their skill vectors with scikit-learn's
  k-means, the number of groups chosen by silhouette, each group named by its
  distinctive skills, so a coach can plan one workshop per group;
- :func:`posting_fit`: the cohort against its target postings — who is closest to which
  posting (issue 9's match score, from the stored reports) and which required skills most
  of the cohort lacks for it;
- :func:`analyze_cohort`: all four in one :class:`CohortAnalysis`.

A report here is ``Report.to_dict()``; nothing touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

MAX_GROUPS = 6
"""Most groups :func:`similar_groups` tries: a coach runs a handful of workshops, not 20."""

STRUCTURE_LABELS = ((0.70, "strong"), (0.50, "reasonable"), (0.25, "weak"))
"""Silhouette bands from Kaufman & Rousseeuw, *Finding Groups in Data* (1990), ch. 2:
above 0.70 strong, 0.51–0.70 reasonable, 0.26–0.50 weak, otherwise no real structure."""

DISTINCTIVE_SKILLS = 3
"""How many skills name a group."""

REQUIRED_WEIGHT, NICE_TO_HAVE_WEIGHT = 2.0, 1.0
"""Weights of a posting's required and nice-to-have items in :func:`posting_fit`: the
same as ``analyzer.postings.match`` (issue 9), so a candidate's score here is their match
score there."""

MOST = 0.5
"""A skill "most of the cohort lacks" is missing for more than this share of candidates."""


# -- common gaps -----------------------------------------------------------------

@dataclass(frozen=True)
class CommonGap:
    """A gap (a requirement group not met) and the candidates who have it.

    ``share`` is ``count`` / cohort size, in [0, 1]; ``kinds`` counts ``missing``,
    ``weak`` and ``partial`` among them.
    """

    id: str
    name: str
    count: int
    share: float
    candidates: tuple[str, ...]
    kinds: dict[str, int] = field(default_factory=dict)


def common_gaps(reports: Mapping[str, Mapping[str, Any]]) -> list[CommonGap]:
    """The gaps of the cohort, most shared first (ties: higher mean importance, then name)."""
    found: dict[str, dict] = {}
    for candidate, report in reports.items():
        for gap in report.get("gaps") or ():
            entry = found.setdefault(gap["id"], {"name": gap["name"], "who": [], "kinds": {},
                                                 "importance": 0.0})
            entry["who"].append(candidate)
            kind = gap.get("kind", "missing")
            entry["kinds"][kind] = entry["kinds"].get(kind, 0) + 1
            entry["importance"] += float(gap.get("importance") or 0)
    size = max(len(reports), 1)
    ordered = sorted(found.items(), key=lambda kv: (-len(kv[1]["who"]),
                                                   -kv[1]["importance"] / len(kv[1]["who"]),
                                                   kv[1]["name"].lower()))
    return [CommonGap(gid, e["name"], len(e["who"]), round(len(e["who"]) / size, 3),
                      tuple(sorted(e["who"], key=str.lower)), dict(e["kinds"]))
            for gid, e in ordered]


# -- the candidate × group matrix -----------------------------------------------------

@dataclass(frozen=True)
class GroupMatrix:
    """Scores in [0, 100] per candidate (rows) and requirement group (columns).

    ``scores[i][j]`` is candidate ``candidates[i]``'s score for group ``groups[j]``
    (an ``(id, name)`` pair), or None when the report did not assess that group.
    """

    groups: tuple[tuple[str, str], ...]
    candidates: tuple[str, ...]
    scores: tuple[tuple[float | None, ...], ...]

    def to_dict(self) -> dict:
        return {"groups": [{"id": g, "name": n} for g, n in self.groups],
                "rows": [{"candidate": c, "scores": list(s)}
                         for c, s in zip(self.candidates, self.scores)]}


def group_matrix(reports: Mapping[str, Mapping[str, Any]]) -> GroupMatrix:
    """The candidate × requirement-group matrix, groups in the taxonomy's order."""
    groups: dict[str, str] = {}
    per_candidate: dict[str, dict[str, float | None]] = {}
    for candidate, report in reports.items():
        row = per_candidate.setdefault(candidate, {})
        for group in (report.get("readiness") or {}).get("groups") or ():
            groups.setdefault(group["id"], group["name"])
            row[group["id"]] = group.get("score") if group.get("assessed", True) else None
    names = tuple(sorted(per_candidate, key=str.lower))
    return GroupMatrix(tuple(groups.items()), names,
                       tuple(tuple(per_candidate[c].get(g) for g in groups) for c in names))


# -- groups of similar candidates ----------------------------------------------------

@dataclass(frozen=True)
class SimilarGroup:
    """Candidates with similar skills. ``label`` names the group by ``distinctive``
    skills (ids with names: far more common in the group than in the rest of the
    cohort), or by ``lacking`` skills when the group stands out by what it misses."""

    label: str
    candidates: tuple[str, ...]
    distinctive: tuple[tuple[str, str], ...]
    lacking: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict:
        return {"label": self.label, "candidates": list(self.candidates),
                "distinctive": [{"id": i, "name": n} for i, n in self.distinctive],
                "lacking": [{"id": i, "name": n} for i, n in self.lacking]}


@dataclass(frozen=True)
class Grouping:
    """The chosen grouping: its groups, the silhouette in [-1, 1] (None with fewer than
    three candidates or identical skill vectors) and what that silhouette means."""

    groups: tuple[SimilarGroup, ...]
    silhouette: float | None
    structure: str

    def to_dict(self) -> dict:
        return {"silhouette": self.silhouette, "structure": self.structure,
                "groups": [g.to_dict() for g in self.groups]}


def skill_vectors(reports: Mapping[str, Mapping[str, Any]]
                  ) -> tuple[list[str], list[tuple[str, str]], list[list[float]]]:
    """Candidates, skills (id, name) and one row per candidate of readiness factors in
    [0, 1] (0 where the skill is absent): the vectors :func:`similar_groups` clusters."""
    skills: dict[str, str] = {}
    for report in reports.values():
        for skill in report.get("skills") or ():
            skills.setdefault(skill["id"], skill["name"])
    order = sorted(skills)
    names = sorted(reports, key=str.lower)
    rows = []
    for name in names:
        factors = {s["id"]: float(s.get("factor") or 0) for s in reports[name].get("skills") or ()}
        rows.append([factors.get(sid, 0.0) for sid in order])
    return names, [(sid, skills[sid]) for sid in order], rows


def similar_groups(reports: Mapping[str, Mapping[str, Any]], *, seed: int = 0) -> Grouping:
    """Group the cohort by skills: k-means on unit-length skill vectors (so two
    candidates with the same mix of skills are close whatever their number), k from 2
    to :data:`MAX_GROUPS` (and below the cohort size), keeping the k with the highest
    silhouette. ``seed`` fixes k-means' starting points, so the result is repeatable.
    """
    import numpy as np
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import normalize
    from threadpoolctl import threadpool_limits

    names, skills, rows = skill_vectors(reports)
    if not names:
        return Grouping((), None, "no candidates")
    matrix = normalize(np.asarray(rows, dtype=float)) if skills else np.zeros((len(names), 1))
    distinct = len({tuple(np.round(r, 6)) for r in matrix})
    if len(names) < 3 or distinct < 2:
        labels = np.zeros(len(names), dtype=int)
        return Grouping((_describe(0, labels, names, skills, np.asarray(rows)),), None,
                        "too few candidates" if len(names) < 3 else "identical skills")
    best: tuple[float, Any] | None = None
    # one thread: on matrices this small OpenMP threads cost more than they save
    # (scripts/benchmark_workspace.py: 200 candidates, 4.9 s → 0.27 s on a busy 2-core box)
    with threadpool_limits(1):
        for k in range(2, min(MAX_GROUPS, distinct, len(names) - 1) + 1):
            fitted = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(matrix)
            score = float(silhouette_score(matrix, fitted.labels_))
            if best is None or score > best[0] + 1e-9:
                best = (score, fitted.labels_)
    score, labels = best
    raw = np.asarray(rows, dtype=float)
    # number the groups by size, largest first, so the output is stable and readable
    sizes = sorted(set(labels), key=lambda c: (-int((labels == c).sum()), names[list(labels).index(c)]))
    groups = tuple(_describe(c, labels, names, skills, raw) for c in sizes)
    structure = next((word for bound, word in STRUCTURE_LABELS if score > bound),
                     "no clear structure")
    return Grouping(groups, round(score, 3), structure)


def _describe(cluster, labels, names, skills, raw) -> SimilarGroup:
    """Name a group by the skills whose share in it most exceeds their share elsewhere."""
    import numpy as np

    inside = labels == cluster
    members = tuple(n for n, keep in zip(names, inside) if keep)
    if not skills or inside.all():
        top = np.argsort(-(raw > 0).mean(axis=0))[:DISTINCTIVE_SKILLS] if skills else []
        common = tuple(skills[i] for i in top if (raw[:, i] > 0).mean() > MOST)
        label = ", ".join(n for _, n in common) or "everyone"
        return SimilarGroup(label, members, common)
    has = raw > 0
    lift = has[inside].mean(axis=0) - has[~inside].mean(axis=0)
    # ties (common in small cohorts) go to the skills the group shows most strongly
    strength = raw[inside].mean(axis=0)
    order = np.lexsort((-strength, -lift))
    distinctive = tuple(skills[i] for i in order[:DISTINCTIVE_SKILLS]
                        if lift[i] > 0 and has[inside, i].mean() > MOST)
    outside = raw[~inside].mean(axis=0)
    lacking = tuple(skills[i] for i in np.lexsort((-outside, lift))[:DISTINCTIVE_SKILLS]
                    if lift[i] < 0 and has[inside, i].mean() < MOST)
    if distinctive:
        label = ", ".join(n for _, n in distinctive)
    elif lacking:
        label = "without " + ", ".join(n for _, n in lacking)
    else:
        label = "mixed skills"
    return SimilarGroup(label, members, distinctive, lacking)


# -- the cohort against its target postings ----------------------------------------------

@dataclass(frozen=True)
class TargetPosting:
    """What a posting asks for, as units of taxonomy skill ids.

    ``required`` and ``nice_to_have`` hold units: a tuple of skill ids of which one is
    enough — a single id for most items, an ``any_of`` group of issue 9's posting JSON
    for "Java or Kotlin" (required when any member is). ``names`` maps ids to names.
    """

    title: str
    required: tuple[tuple[str, ...], ...]
    nice_to_have: tuple[tuple[str, ...], ...] = ()
    id: int | None = None
    names: dict[str, str] = field(default_factory=dict)


def target_posting(title: str, parsed: Mapping[str, Any] | None, *,
                   id: int | None = None) -> TargetPosting:
    """A :class:`TargetPosting` from a parsed posting's JSON.

    Reads ``analyzer.postings.Posting.to_dict()`` — ``skills``: ``[{id, name,
    requirement: "required" | "nice_to_have", any_of: int | None}]`` — or plain
    ``required`` / ``nice_to_have`` lists of skill ids. None or ``{}`` asks for nothing.
    """
    parsed = parsed or {}
    names: dict[str, str] = {}
    units: dict[Any, list[str]] = {}
    required: set[Any] = set()
    for n, skill in enumerate(parsed.get("skills") or ()):
        key = ("any", skill["any_of"]) if skill.get("any_of") is not None else ("one", n)
        units.setdefault(key, []).append(skill["id"])
        names[skill["id"]] = skill.get("name") or skill["id"]
        if skill.get("requirement") != "nice_to_have":
            required.add(key)
    for kind in ("required", "nice_to_have"):
        for n, sid in enumerate(parsed.get(kind) or ()):
            units[(kind, n)] = [str(sid)]
            if kind == "required":
                required.add((kind, n))
    return TargetPosting(
        title, tuple(tuple(dict.fromkeys(v)) for k, v in units.items() if k in required),
        tuple(tuple(dict.fromkeys(v)) for k, v in units.items() if k not in required), id, names)


@dataclass(frozen=True)
class PostingFit:
    """The cohort against one posting.

    ``ranking`` lists (candidate, coverage in [0, 1]) best first: issue 9's posting match
    score divided by 100 (see :func:`posting_fit`). ``lacking`` lists the required units
    more than half the cohort misses entirely: (label, share of candidates missing it in
    [0, 1]).
    """

    title: str
    id: int | None
    ranking: tuple[tuple[str, float], ...]
    lacking: tuple[tuple[str, float], ...]
    formula: str

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "formula": self.formula,
                "ranking": [{"candidate": c, "coverage": v} for c, v in self.ranking],
                "lacking": [{"skill": s, "share_missing": v} for s, v in self.lacking]}


def posting_fit(reports: Mapping[str, Mapping[str, Any]],
                postings: Iterable[TargetPosting]) -> list[PostingFit]:
    """For each posting: the cohort ranked by coverage and the skills most of it lacks.

    A unit's credit is the best readiness factor in [0, 1] among its skills in the
    candidate's report (listed 0.5, applied 0.8, quantified 0.9, shown in code 1.0, an
    implied skill its implier's), 0 when absent; coverage = (W_req × Σ required credits
    + W_nice × Σ nice credits) / (W_req × required units + W_nice × nice units) in
    [0, 1] — the match score of ``analyzer.postings.match`` divided by 100, computed from
    stored report dicts.
    """
    credits = {name: {s["id"]: float(s.get("factor") or 0) for s in r.get("skills") or ()}
               for name, r in reports.items()}
    names = {s["id"]: s.get("name", s["id"]) for r in reports.values()
             for s in r.get("skills") or ()}
    formula = (f"coverage = ({REQUIRED_WEIGHT:g} × Σ required credits + "
               f"{NICE_TO_HAVE_WEIGHT:g} × Σ nice-to-have credits) / ({REQUIRED_WEIGHT:g} × "
               f"required items + {NICE_TO_HAVE_WEIGHT:g} × nice-to-have items); credit = the "
               "skill's readiness factor (listed 0.5 … shown in code 1.0), the best of an "
               "either-or item")
    fits = []
    for posting in postings:
        denominator = (REQUIRED_WEIGHT * len(posting.required)
                       + NICE_TO_HAVE_WEIGHT * len(posting.nice_to_have))
        ranking = []
        for name in sorted(credits, key=str.lower):
            shown = credits[name]
            numerator = (REQUIRED_WEIGHT * sum(_credit(u, shown) for u in posting.required)
                         + NICE_TO_HAVE_WEIGHT * sum(_credit(u, shown)
                                                     for u in posting.nice_to_have))
            ranking.append((name, round(numerator / denominator, 3) if denominator else 0.0))
        ranking.sort(key=lambda pair: -pair[1])
        lacking = []
        for unit in posting.required:
            missing = sum(1 for name in credits
                          if not any(credits[name].get(sid, 0.0) > 0 for sid in unit))
            share = missing / len(credits) if credits else 0.0
            if share > MOST:
                label = " or ".join(posting.names.get(sid) or names.get(sid, sid) for sid in unit)
                lacking.append((label, round(share, 3)))
        lacking.sort(key=lambda pair: -pair[1])
        fits.append(PostingFit(posting.title, posting.id, tuple(ranking), tuple(lacking),
                               formula))
    return fits


def _credit(unit: tuple[str, ...], shown: Mapping[str, float]) -> float:
    """The best factor among a unit's skills (0 when the candidate shows none)."""
    return max((shown.get(sid, 0.0) for sid in unit), default=0.0)


# -- everything at once --------------------------------------------------------------

@dataclass(frozen=True)
class CohortAnalysis:
    """A cohort at a glance; ``to_dict()`` is what ``jobready cohort NAME --format json``
    prints (``candidates``, ``common_gaps``, ``matrix``, ``groups``, ``postings``)."""

    name: str
    candidates: tuple[dict, ...]
    common_gaps: tuple[CommonGap, ...]
    matrix: GroupMatrix
    grouping: Grouping
    postings: tuple[PostingFit, ...] = ()

    def to_dict(self) -> dict:
        return {
            "cohort": self.name,
            "candidates": list(self.candidates),
            "common_gaps": [asdict(g) for g in self.common_gaps],
            "matrix": self.matrix.to_dict(),
            "groups": self.grouping.to_dict(),
            "postings": [p.to_dict() for p in self.postings],
        }

    def to_markdown(self) -> str:
        """The cohort for people, as Markdown."""
        size = len(self.candidates)
        lines = [f"# Cohort {self.name}", "", f"{size} candidate(s).", "", "## Candidates", "",
                 "| Candidate | Readiness | Level | Report |", "|---|---|---|---|"]
        lines += [f"| {c['name']} | {_score(c['score'])} | {c['level'] or '–'} | {c['report_id']} |"
                  for c in self.candidates]
        if self.common_gaps:
            lines += ["", "## Most common gaps", ""]
            lines += [f"- {g.name}: {g.count} of {size} ({_kinds(g.kinds)}): "
                      f"{', '.join(g.candidates)}" for g in self.common_gaps]
        if self.matrix.groups:
            lines += ["", "## Readiness per requirement group", "",
                      "| Candidate | " + " | ".join(n for _, n in self.matrix.groups) + " |",
                      "|---|" + "---|" * len(self.matrix.groups)]
            lines += [f"| {c} | " + " | ".join(_score(v) for v in row) + " |"
                      for c, row in zip(self.matrix.candidates, self.matrix.scores)]
        if self.grouping.groups:
            note = ("" if self.grouping.silhouette is None else
                    f" (silhouette {self.grouping.silhouette:.2f}: {self.grouping.structure})")
            lines += ["", f"## Groups of similar candidates{note}", ""]
            lines += [f"- {g.label}: {', '.join(g.candidates)}" for g in self.grouping.groups]
        for fit in self.postings:
            lines += ["", f"## Posting: {fit.title}", ""]
            lines += [f"- {c}: {v:.0%} covered" for c, v in fit.ranking]
            if fit.lacking:
                lines += ["", "Most of the cohort lacks: "
                          + ", ".join(f"{s} ({v:.0%})" for s, v in fit.lacking)]
        return "\n".join(lines) + "\n"


def _kinds(kinds: Mapping[str, int]) -> str:
    """``2 missing, 1 partial``: how the gap shows, strongest kind first."""
    order = ("missing", "weak", "partial")
    ranked = sorted(kinds.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 9)
    return ", ".join(f"{n} {kind}" for kind, n in ranked)


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def analyze_cohort(name: str, reports: Mapping[str, Mapping[str, Any]],
                   postings: Sequence[Any] = (), *, seed: int = 0,
                   report_ids: Mapping[str, int] | None = None) -> CohortAnalysis:
    """Analyse a cohort from each candidate's latest report (``{candidate: report dict}``).

    ``postings`` are :class:`TargetPosting` values, or stored postings (anything with
    ``title``, ``parsed`` and ``id``) whose parsed JSON is read by :func:`target_posting`.
    """
    targets = [p if isinstance(p, TargetPosting) else target_posting(p.title, p.parsed, id=p.id)
               for p in postings]
    ids = report_ids or {}
    people = tuple(
        {"name": n, "score": (reports[n].get("readiness") or {}).get("score"),
         "level": (reports[n].get("readiness") or {}).get("level"),
         "report_id": ids.get(n), "generated_at": reports[n].get("generated_at")}
        for n in sorted(reports, key=str.lower))
    return CohortAnalysis(name, people, tuple(common_gaps(reports)), group_matrix(reports),
                          similar_groups(reports, seed=seed), tuple(posting_fit(reports, targets)))
