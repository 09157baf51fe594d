"""Group-level agreement between reports and a human reader (labels: scripts/labels/groups.yaml).

Labelling policy: docs/labelling.md. For every labelled résumé (a PDF of
``corpus/resumes`` or a text of ``corpus/dotin/train``) the report's readiness groups are
compared with the labels ``shown`` / ``named`` / ``absent``:

- false gaps: human ``shown`` or ``named``, report score 0 (target ≤ 3 %);
- false credit: human ``absent``, report score ≥ 50 (target ≤ 5 %);
- shown in use credited: human ``shown``, report score ≥ 70 (target ≥ 90 %);
- seniority agreement: the report's ``candidate.seniority`` level equals the label (only when
  the report has one).

Groups the report marks "not assessed" are left out. Used by ``scripts/evaluate.py``
(``--only groups``); runs alone too::

    .venv/bin/python scripts/evaluate_groups.py [--corpus ../shared/corpus] [--errors]
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

LABELS = Path(__file__).resolve().parent / "labels" / "groups.yaml"
# ../shared/corpus beside the clone (a worktree in /work/wt/<branch> sits one level deeper)
DEFAULT_CORPUS = next((p / "shared" / "corpus" for p in Path(__file__).resolve().parents[2:4]
                       if (p / "shared" / "corpus").is_dir()),
                      Path(__file__).resolve().parents[2] / "shared" / "corpus")

FALSE_GAP_TARGET = 0.03
FALSE_CREDIT_TARGET = 0.05
SHOWN_CREDITED_TARGET = 0.90
SHOWN_CREDIT = 70.0
"""A group shown in use should score at least this (between applied 80 and listed 50)."""
FALSE_CREDIT = 50.0
"""An unsupported group scoring this or more (what a listed skill earns) is false credit."""


@dataclass(frozen=True)
class GroupCase:
    """One labelled (document, group) pair and what the report said."""

    document: str
    group: str
    label: str
    quote: str
    score: float
    explanation: str

    @property
    def false_gap(self) -> bool:
        return self.label in ("shown", "named") and self.score == 0

    @property
    def false_credit(self) -> bool:
        return self.label == "absent" and self.score >= FALSE_CREDIT

    @property
    def shown_uncredited(self) -> bool:
        return self.label == "shown" and self.score < SHOWN_CREDIT


def load_labels(path: Path = LABELS) -> dict[str, dict]:
    """The labels file as ``{"resumes/x.pdf": {"seniority": [level, quote], "groups": {...}}}``."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_holdout(folder: Path = LABELS.parent) -> dict[str, dict]:
    """The held-out labels (``holdout*.yaml`` beside ``groups.yaml``), merged: résumés labelled
    after the rules were written, never used to tune them. Empty when there are none."""
    merged: dict[str, dict] = {}
    for path in sorted(folder.glob("holdout*.yaml")):
        merged.update(load_labels(path))
    return merged


def dotin_text(path: Path) -> str:
    """Plain text of one dotin XML résumé (annotations dropped)."""
    return "".join(ET.parse(path).getroot().itertext())


def report_for(corpus: Path, key: str, taxonomy, matcher):
    """The analyzer's report for one labelled document."""
    from analyzer.report import analyze
    from analyzer.resume import parse_resume, resume_from_text

    path = corpus / (key if key.startswith("resumes/") else key.replace("dotin/", "dotin/train/"))
    resume = parse_resume(path) if path.suffix == ".pdf" else resume_from_text(dotin_text(path))
    return analyze(resume, resume_name=path.name, taxonomy=taxonomy, matcher=matcher)


def _seniority(report) -> str | None:
    """The report's seniority level (``report.experience.seniority``), None when it has none."""
    experience = getattr(report, "experience", None)
    return getattr(experience, "seniority", None)


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def evaluate_groups(corpus: Path, taxonomy, matcher, labels: dict | None = None) -> dict:
    """Figures over every labelled document; see the module docstring.

    Returns ``{"documents", "cases", "false_gap_rate", "false_credit_rate",
    "shown_credited_rate", "per_group": {group: {...}}, "seniority": {...} | None,
    "errors": [GroupCase as dict, ...]}``; rates in [0, 1] (None when nothing to count).
    """
    from analyzer.errors import InputError

    labels = labels if labels is not None else load_labels()
    cases: list[GroupCase] = []
    seniority_pairs: list[tuple[str, str, str | None]] = []
    refused: list[tuple[str, str]] = []
    for key, entry in labels.items():
        try:
            report = report_for(corpus, key, taxonomy, matcher)
        except InputError as exc:  # the tool refuses the file: no report, said apart
            refused.append((key, str(exc)))
            continue
        scores = {g.id: g for g in report.readiness.groups}
        for group, (label, quote) in entry["groups"].items():
            scored = scores[group]
            if not scored.assessed:
                continue
            cases.append(GroupCase(key, group, label, quote, scored.score, scored.explanation))
        if entry.get("seniority"):
            seniority_pairs.append((key, entry["seniority"][0], _seniority(report)))

    def figures(subset: list[GroupCase]) -> dict:
        supported = [c for c in subset if c.label in ("shown", "named")]
        absent = [c for c in subset if c.label == "absent"]
        shown = [c for c in subset if c.label == "shown"]
        return {
            "labels": dict(Counter(c.label for c in subset)),
            "false_gaps": sum(c.false_gap for c in supported), "supported": len(supported),
            "false_credit": sum(c.false_credit for c in absent), "absent": len(absent),
            "shown_credited": sum(not c.shown_uncredited for c in shown), "shown": len(shown),
        }

    overall = figures(cases)
    per_group = {g: figures([c for c in cases if c.group == g])
                 for g in dict.fromkeys(c.group for c in cases)}
    seniority = None
    if any(predicted is not None for *_, predicted in seniority_pairs):
        agree = sum(label == predicted for _, label, predicted in seniority_pairs)
        by_corpus = {}
        for prefix in ("resumes/", "dotin/"):
            pairs = [p for p in seniority_pairs if p[0].startswith(prefix)]
            hits = sum(label == predicted for _, label, predicted in pairs)
            by_corpus[prefix.rstrip("/")] = {"agree": hits, "of": len(pairs)}
        seniority = {"agree": agree, "of": len(seniority_pairs),
                     "rate": _rate(agree, len(seniority_pairs)), "by_corpus": by_corpus,
                     "disagreements": [{"document": k, "label": lab, "report": pred}
                                       for k, lab, pred in seniority_pairs if lab != pred]}
    return {
        "documents": len(labels) - len(refused),
        "refused": refused,
        "cases": len(cases),
        "false_gap_rate": _rate(overall["false_gaps"], overall["supported"]),
        "false_credit_rate": _rate(overall["false_credit"], overall["absent"]),
        "shown_credited_rate": _rate(overall["shown_credited"], overall["shown"]),
        "overall": overall,
        "per_group": per_group,
        "seniority": seniority,
        "errors": [asdict(c) | {"kind": kind} for c in cases
                   for kind, bad in (("false gap", c.false_gap), ("false credit", c.false_credit),
                                     ("shown, under 70", c.shown_uncredited and not c.false_gap))
                   if bad],
    }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f} %"


def render_groups(result: dict, errors: bool = False) -> str:
    """Readable summary of :func:`evaluate_groups` (targets beside the figures)."""
    o = result["overall"]
    out = [
        f"Requirement groups vs human labels ({result['documents']} résumés, {result['cases']} "
        f"group labels: {o['labels']})",
        f"false gaps (human shown/named, report 0): {o['false_gaps']}/{o['supported']} = "
        f"{_pct(result['false_gap_rate'])} (target ≤ {FALSE_GAP_TARGET:.0%})",
        f"false credit (human absent, report ≥ {FALSE_CREDIT:g}): {o['false_credit']}/{o['absent']}"
        f" = {_pct(result['false_credit_rate'])} (target ≤ {FALSE_CREDIT_TARGET:.0%})",
        f"shown in use credited ≥ {SHOWN_CREDIT:g}: {o['shown_credited']}/{o['shown']} = "
        f"{_pct(result['shown_credited_rate'])} (target ≥ {SHOWN_CREDITED_TARGET:.0%})",
    ]
    out += [f"refused by the tool (no report, left out of the figures): {key}: {message}"
            for key, message in result.get("refused", [])]
    s = result["seniority"]
    out.append("seniority agreement: " + (
        f"{s['agree']}/{s['of']} = {_pct(s['rate'])} ("
        + ", ".join(f"{k} {v['agree']}/{v['of']}" for k, v in s["by_corpus"].items()) + ")"
        if s else "the report has no candidate.seniority yet"))
    rows = [f"  {g:<24} gaps {f['false_gaps']}/{f['supported']:<3} credit "
            f"{f['false_credit']}/{f['absent']:<3} shown {f['shown_credited']}/{f['shown']}"
            for g, f in result["per_group"].items()]
    out += ["per group:", *rows]
    if errors:
        out.append("disagreements:")
        out += [f"  [{e['kind']}] {e['document']} {e['group']}: human {e['label']} "
                f"({e['quote'][:60]!r}); report {e['score']:g}: {e['explanation'][:110]}"
                for e in result["errors"]]
        if s:
            out += [f"  [seniority] {d['document']}: human {d['label']}, report {d['report']}"
                    for d in s["disagreements"]]
    return "\n".join(out)


if __name__ == "__main__":
    import typer

    def main(corpus: Path = typer.Option(DEFAULT_CORPUS, help="The shared corpus folder."),
             errors: bool = typer.Option(False, "--errors", help="List every disagreement."),
             holdout: bool = typer.Option(False, "--holdout",
                                          help="Score the held-out labels (holdout*.yaml) instead."),
             labels_files: list[Path] = typer.Option(None, "--labels",
                                                      help="Score these label files instead (repeatable).")):
        """Score readiness groups against the human group labels."""
        from analyzer.skills import SkillMatcher
        from analyzer.taxonomy import load_taxonomy

        if not (corpus / "resumes").is_dir():
            typer.echo(f"Error: {corpus} has no resumes folder: pass --corpus pointing at the "
                       "shared corpus folder.", err=True)
            raise typer.Exit(2)
        taxonomy = load_taxonomy()
        labels = load_holdout() if holdout else None
        if labels_files:
            labels = {}
            for path in labels_files:
                labels.update(load_labels(path))
        if holdout and not labels:
            typer.echo("Error: no scripts/labels/holdout*.yaml file: there are no held-out labels.", err=True)
            raise typer.Exit(2)
        typer.echo(render_groups(evaluate_groups(corpus, taxonomy, SkillMatcher(taxonomy), labels), errors))

    typer.run(main)
