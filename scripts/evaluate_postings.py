"""Score posting reading against ../shared/corpus/postings (measurement, not a CI test).

1. ``labels.yaml``: the hand-labelled postings, under the policy in that file's header.
   Scored: presence precision / recall / F1 over the primary labels (``required`` +
   ``nice_to_have``), and F1 over (skill, required | nice_to_have) pairs, micro-averaged.
   Under the policy, predictions are left out of the score (neither right nor wrong) when the
   skill is of a category the labels do not score (frontend, concepts, soft skills, degrees,
   certifications, portfolio, career), one of the policy's umbrella "concepts" (header rule
   4: API development, HTTP, DevOps, Scalability …), or on the posting's own side lists
   (``frontend``, ``concepts``, ``unknown_to_taxonomy``).
2. ``skillspan_train/spans.json``: the dataset's own knowledge spans of 80 postings. Each span
   is read with the project's matcher; the share of spans that name a taxonomy skill
   ("mapped"), and how many of those skills the posting reader finds ("span recall"), plus
   how many found skills no span names (a ceiling on noise: the spans are not complete).

Usage::

    .venv/bin/python scripts/evaluate_postings.py                 # tables
    .venv/bin/python scripts/evaluate_postings.py --details       # + per-posting errors
    .venv/bin/python scripts/evaluate_postings.py --json
    .venv/bin/python scripts/evaluate_postings.py --corpus /path/to/shared/corpus/postings
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from analyzer.postings import parse_posting, read_posting
from analyzer.skills import SkillMatcher
from analyzer.taxonomy import load_taxonomy

_HERE = Path(__file__).resolve()
CANDIDATES = (_HERE.parents[1].parent / "shared" / "corpus" / "postings",
              _HERE.parents[2] / "shared" / "corpus" / "postings",
              Path("/work/shared/corpus/postings"))

UNSCORED_CATEGORIES = frozenset({"frontend", "concepts", "soft_skills", "certifications",
                                 "education", "portfolio", "career"})
POLICY_CONCEPTS = frozenset("""API development|HTTP|XML|Web security|Encryption|Secure coding|Debugging|
Version control|Cloud computing|Cloud hosting|DevOps|Deployment|Automation|Database management|
Database design|Server management|Web servers|Networking fundamentals|Performance optimization|
Scalability|Software architecture|System design|Design patterns|Domain-driven design|Concurrency|
Data structures and algorithms|Object-oriented programming|Functional programming|
Programming fundamentals|Software development lifecycle|Agile|Code review|Technical documentation""".replace("\n", "").split("|"))
"""The umbrella nouns of labels.yaml header rule 4 ("concepts"), recorded, never scored."""


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def score_labels(root: Path, taxonomy, matcher) -> dict:
    data = yaml.safe_load((root / "labels.yaml").read_text("utf-8"))
    totals = {"presence": [0, 0, 0], "pairs": [0, 0, 0]}
    details = []
    for entry in data["postings"]:
        posting = parse_posting(read_posting(root / entry["file"]), taxonomy, matcher)
        side = set(entry.get("frontend") or []) | set(entry.get("concepts") or []) | set(
            entry.get("unknown_to_taxonomy") or [])
        gold = {n: "required" for n in entry.get("required") or []}
        gold.update({n: "nice_to_have" for n in entry.get("nice_to_have") or []})
        predicted = {}
        for skill in posting.skills:
            if skill.category in UNSCORED_CATEGORIES or skill.name in POLICY_CONCEPTS:
                continue
            if skill.name in side and skill.name not in gold:
                continue
            predicted[skill.name] = skill.requirement
        tp = len(gold.keys() & predicted.keys())
        presence = (tp, len(predicted.keys() - gold.keys()), len(gold.keys() - predicted.keys()))
        gold_pairs, pred_pairs = set(gold.items()), set(predicted.items())
        pairs = (len(gold_pairs & pred_pairs), len(pred_pairs - gold_pairs), len(gold_pairs - pred_pairs))
        for key, value in (("presence", presence), ("pairs", pairs)):
            totals[key] = [a + b for a, b in zip(totals[key], value)]
        details.append({
            "id": entry["id"], "file": entry["file"], "title": posting.title,
            "missed": sorted(gold.keys() - predicted.keys()),
            "extra": sorted(predicted.keys() - gold.keys()),
            "wrong_requirement": sorted(f"{n} (said {predicted[n]}, label {gold[n]})"
                                        for n in gold.keys() & predicted.keys() if gold[n] != predicted[n]),
        })
    return {"postings": len(details), "presence": prf(*totals["presence"]), "pairs": prf(*totals["pairs"]),
            "details": details}


def score_spans(root: Path, taxonomy, matcher) -> dict:
    entries = json.loads((root / "skillspan_train" / "spans.json").read_text("utf-8"))
    spans = mapped = 0
    found_total = span_total = both = 0
    for entry in entries:
        posting = parse_posting(read_posting(root / "skillspan_train" / entry["file"]), taxonomy, matcher)
        found = {s.id for s in posting.skills}
        span_skills: set[str] = set()
        texts = entry.get("knowledge_spans") or []
        for mentions in matcher.mentions_in((t, "skills") for t in texts):
            spans += 1
            ids = {m.skill_id for m in mentions
                   if taxonomy.skill(m.skill_id).category not in ("soft_skills", "career", "portfolio")}
            mapped += bool(ids)
            span_skills |= ids
        found_total += len(found)
        span_total += len(span_skills)
        both += len(found & span_skills)
    return {
        "postings": len(entries), "knowledge_spans": spans, "mapped_spans": mapped,
        "mapped_share": round(mapped / spans, 3) if spans else 0.0,
        "span_skills": span_total, "found_skills": found_total, "found_and_spanned": both,
        "span_recall": round(both / span_total, 3) if span_total else 1.0,
        "found_also_spanned": round(both / found_total, 3) if found_total else 1.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="the postings folder of the shared corpus")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--details", action="store_true", help="print per-posting errors")
    args = parser.parse_args(argv)
    root = args.corpus or next((c for c in CANDIDATES if (c / "labels.yaml").is_file()), None)
    if root is None or not (root / "labels.yaml").is_file():
        print("Error: the postings corpus was not found: pass --corpus PATH/TO/shared/corpus/postings.",
              file=sys.stderr)
        return 2
    taxonomy = load_taxonomy()
    matcher = SkillMatcher(taxonomy)
    result = {"taxonomy_skills": len(taxonomy.skills), "labels": score_labels(root, taxonomy, matcher),
              "spans": score_spans(root, taxonomy, matcher)}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    labels, spans = result["labels"], result["spans"]
    print(f"taxonomy: {result['taxonomy_skills']} skills")
    print(f"labels.yaml ({labels['postings']} postings)   P      R      F1   (tp/fp/fn)")
    for key in ("presence", "pairs"):
        m = labels[key]
        print(f"  {key:<28} {m['precision']:.3f}  {m['recall']:.3f}  {m['f1']:.3f}  ({m['tp']}/{m['fp']}/{m['fn']})")
    print(f"skillspan spans ({spans['postings']} postings): {spans['mapped_spans']}/{spans['knowledge_spans']} "
          f"knowledge spans name a taxonomy skill ({spans['mapped_share']:.1%}); the reader finds "
          f"{spans['found_and_spanned']}/{spans['span_skills']} of their skills (span recall "
          f"{spans['span_recall']:.1%}); {spans['found_also_spanned']:.1%} of the {spans['found_skills']} "
          "skills it finds are also spanned")
    if args.details:
        for d in labels["details"]:
            print(f"\n{d['id']} {d['file']} — {d['title']}")
            for key in ("missed", "extra", "wrong_requirement"):
                if d[key]:
                    print(f"  {key}: {', '.join(d[key])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
