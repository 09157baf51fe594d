"""Score skill extraction against the two labelled corpora in ../shared/corpus.

1. ``resumes/*.pdf`` against ``resumes/labels.yaml``, under the policy in that file's
   header: label names are canonical skill names, every AWS service counts as AWS,
   and predictions are restricted to the categories the labels include (no
   frontend-only, ML-library, soft-skill, mobile or editor skills) and to mentions
   outside course titles (the ``education`` section). False R, C and Go are listed
   on their own line because they are the classic single-word errors.
2. ``dotin/train/*.xml`` (310 résumé texts) against their ``Tech Tools`` labels that
   resolve to a taxonomy skill, per document, micro-averaged over all documents.
3. Requirement groups against the human group labels (``scripts/labels/groups.yaml``, policy in
   ``docs/labelling.md``): false gaps, false credit, areas shown in use credited ≥ 70 and
   seniority agreement (:mod:`evaluate_groups`); then the same figures on the held-out labels
   (``scripts/labels/holdout*.yaml``: résumés labelled after the rules were written).
4. A false-positive audit of what (1) cannot score: every mention in the résumé PDFs of
   a skill the labelling policy leaves out (soft skills, concepts, career, generic nouns
   such as "cloud" or "cache"), printed with its line for a human to read, plus a count
   of the readings a reviewer already judged false (``FALSE_READINGS``) that are still
   found. F1 1.0 on (1) says nothing about these, yet they move readiness scores.

Usage::

    .venv/bin/python scripts/evaluate.py                  # readable tables
    .venv/bin/python scripts/evaluate.py --json > eval.json
    .venv/bin/python scripts/evaluate.py --corpus /path/to/shared/corpus --only resumes
    .venv/bin/python scripts/evaluate.py --only resumes --benchmark   # + timings
    .venv/bin/python scripts/evaluate.py --only groups --errors       # group figures + every disagreement

The labelled corpora are measurement data, not test fixtures: nothing here runs in CI.
"""

from __future__ import annotations

import json
import re
import sys
import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import typer
import yaml

from analyzer.errors import JobreadyError
from analyzer.resume.parse import parse_resume, resume_from_text
from analyzer.skills.matcher import SkillFinding, SkillMatcher, extract_skills
from analyzer.skills.terms import artifact_path
from analyzer.taxonomy.loader import Taxonomy, load_taxonomy

sys.path.insert(0, str(Path(__file__).resolve().parent))  # evaluate_groups beside this file
from evaluate_groups import DEFAULT_CORPUS, evaluate_groups, load_holdout, render_groups  # noqa: E402

EXCLUDED_CATEGORIES = frozenset({"frontend", "soft_skills", "certifications", "education",
                                 "portfolio", "career", "concepts",
                                 # technologies.yaml categories the policy leaves out: ML
                                 # libraries, mobile platforms, office/design tools, editors
                                 "machine_learning", "mobile", "business_software", "design_tools",
                                 "collaboration", "editors", "hardware_embedded", "data_formats"})
"""Taxonomy categories the labelling policy leaves out (labels.yaml header: frontend-only,
soft skills, certifications, course titles; our education/portfolio/career/concepts
categories hold degrees, habits and CS concepts, none of them a technology)."""

GENERIC_SKILLS = frozenset({
    "orm", "database_management", "relational_databases", "database_design",
    "query_optimization", "transactions", "stored_procedures", "api_development", "http",
    "json", "webhooks", "rate_limiting", "payment_integration", "authentication",
    "authorization", "encryption", "web_security", "information_security", "sql_injection", "xss", "csrf",
    "secure_coding", "password_hashing", "server_management", "web_servers", "hosting",
    "networking_basics", "load_balancing", "performance_optimization", "scalability",
    "software_architecture", "system_design", "monolith", "design_patterns",
    "cloud_computing", "cloud_hosting", "testing", "debugging", "unit_testing",
    "integration_testing", "code_coverage", "version_control", "code_review", "automation",
    "deployment", "containers", "message_queues", "caching", "logging", "monitoring", "tracing",
    "xml",
})
"""Skills in included categories that the policy calls generic nouns ("API",
"authentication", "database", "testing", "cache") or data formats (JSON/XML/YAML)."""

FALSE_READINGS = (
    ("bruce_wayne.pdf", "communication", "RESTful services for communication between frontend"),
    ("bruce_wayne.pdf", "communication", "RESTful APIs for communication between different"),
    ("bruce_wayne.pdf", "ui_ux", "and UX designers"),
    ("bruce_wayne.pdf", "ui_ux", "enhance user experience"),
    ("bruce_wayne.pdf", "data_structures_algorithms", "machine learning algorithms"),
    ("bruce_wayne.pdf", "data_structures_algorithms", "recommendation algorithms"),
    ("deedy_synth.pdf", "online_courses", "COURSERA |"),
    ("deedy_synth.pdf", "automation", "Unix Tools and Scripting"),
    ("deedy_synth.pdf", "caching", "Cache Race Bot Tournament"),
    ("openresume_builder.pdf", "ui_ux", "enhance user experience"),
    ("rendercv_eng.pdf", "communication", "emergent communication protocols"),
    ("rendercv_eng.pdf", "communication", "with Emergent Communication"),
    ("rendercv_eng.pdf", "data_structures_algorithms", "reinforcement learning algorithms"),
    ("rendercv_eng.pdf", "scalability", "Scaling Laws for Efficient Inference"),
    ("rendercv_eng.pdf", "deployment", "Resource-Constrained Deployment"),
    ("rendercv_eng.pdf", "json", "written in a YAML file"),
)
"""(document, skill id, fragment of the line) of audited mentions a reviewer read as false:
an organisation, course, paper or award name, software talking to software, or a stock
phrase. Reviewed by hand from the audit's output; extend it when a new audit finds more."""

NOT_TECHNOLOGY = frozenset(phrase.strip() for phrase in """
english, hindi, german, kannada, telugu, french, spanish, tamil, marathi, urdu, bengali, arabic,
chinese, japanese, italian, russian, portuguese, internet, used, pc, computer, computers, apple,
microsoft, sun, facebook, twitter, instagram, youtube, linkedin, google, amazon, ads,
facebook ads, inbound marketing, trucking, hvac tech, exposure, designer, integrity, black box,
central station, introspect, radar, data structure, design pattern, design patterns, singleton,
session facade, dto, dao, compilers, debuggers, emulators, assemblers, test utility,
microsoft packages, ms programs, cat tools, abernathy systems, accountcom, printshop,
persuasion, clarisworks, quicktake, fetch, terminal, source tool suite, metadata ui, icheck,
dnet, inria, lip, lextranet, pacer, crimson hexagon, doors, flow-brix, dvs, cst, cis, eds, dtp,
navicosoft, microolap, sdk, erp, bi, udfs, web services, webservices, amazon tools,
computer/dos-windows, smartboard, used, c+, pl, integrator, mesb, ait, qc, mainframe
""".replace("\n", " ").split(","))
"""Dotin ``Tech Tools`` spans (casefolded, whole span) that name no technology: human languages,
companies and social networks, generic words ("Internet", "PC", "SDK"), design-pattern names and
one-off phrases of the annotators. Read by hand from the spans no taxonomy entry resolves; a span
names a technology when it is not listed here (see :func:`names_technology`)."""

SIGNAL_IDS = ("r", "c", "go")
"""Skills whose false positives are reported by name (single-letter / verb names)."""

_VERSION = re.compile(r"(?:\s+|(?<=[A-Za-z]))(?:v?\d[\w.]*|\d+(?:\.\d+)*[a-z]?)$", re.I)


@dataclass
class DocScore:
    """Predicted and expected skill ids of one document, and the errors."""

    name: str
    expected: list[str]
    predicted: list[str]
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.false_positives = sorted(set(self.predicted) - set(self.expected))
        self.false_negatives = sorted(set(self.expected) - set(self.predicted))

    @property
    def true_positives(self) -> int:
        return len(set(self.predicted) & set(self.expected))


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 in [0, 1]; an empty side counts as perfect (1.0)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def total(scores: list[DocScore]) -> dict:
    tp = sum(s.true_positives for s in scores)
    fp = sum(len(s.false_positives) for s in scores)
    fn = sum(len(s.false_negatives) for s in scores)
    return {"tp": tp, "fp": fp, "fn": fn, **prf(tp, fp, fn)}


def scored_id(skill_id: str, taxonomy: Taxonomy) -> str:
    """The id a skill is scored as: every AWS service (a skill implying ``aws``) is AWS."""
    if "aws" in taxonomy.skills and "aws" in taxonomy.implied([skill_id]):
        return "aws"
    return skill_id


def counted(skill_id: str, taxonomy: Taxonomy) -> bool:
    """Whether the labelling policy counts this skill at all."""
    return (taxonomy.skill(skill_id).category not in EXCLUDED_CATEGORIES
            and skill_id not in GENERIC_SKILLS)


def policy_predictions(findings: tuple[SkillFinding, ...], taxonomy: Taxonomy,
                       skip_courses: bool = True) -> list[str]:
    """Directly evidenced skill ids the labelling policy would count.

    ``skip_courses``: ignore mentions in the education section, where labels.yaml does
    not count course titles; the dotin annotators labelled terms there too.
    """
    ids = set()
    for finding in findings:
        if not counted(finding.id, taxonomy):
            continue
        if any(e.section != "education" or not skip_courses for e in finding.evidence):
            ids.add(scored_id(finding.id, taxonomy))
    return sorted(ids)


def resolve_label(label: str, taxonomy: Taxonomy, matcher: SkillMatcher) -> str | None:
    """The taxonomy skill a label names, or None.

    Exact name/alias first, then without a version ("PHP5", "Oracle 8i"), then a
    single mention that covers the whole label ("Shell Scripting" when that is an alias).
    """
    text = " ".join(label.split())
    for candidate in (text, _VERSION.sub("", text)):
        skill = taxonomy.lookup(candidate) if candidate else None
        if skill is not None:
            return scored_id(skill.id, taxonomy)
    mentions = matcher.mentions(text, section="skills")
    if len(mentions) == 1 and mentions[0].end_char - mentions[0].start_char == len(text):
        return scored_id(mentions[0].skill_id, taxonomy)
    return None


def evaluate_resumes(corpus: Path, taxonomy: Taxonomy, matcher: SkillMatcher) -> dict:
    folder = corpus / "resumes"
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    scores, unknown, seconds = [], {}, []
    for name, names in labels.items():
        expected, missing = [], []
        for label in names or []:
            skill = taxonomy.lookup(label)
            (expected if skill else missing).append(scored_id(skill.id, taxonomy)
                                                    if skill else label)
        if missing:
            unknown[name] = missing
        resume = parse_resume(folder / name)
        started = time.perf_counter()
        findings = extract_skills(resume, taxonomy, matcher)
        seconds.append(time.perf_counter() - started)
        # labels the taxonomy cannot name stay expected: they are misses we cannot fix here
        scores.append(DocScore(name, sorted(set(expected) | {f"?{m}" for m in missing}),
                               policy_predictions(findings, taxonomy)))
    signal = {s.name: [i for i in s.false_positives if i in SIGNAL_IDS] for s in scores}
    return {
        "documents": [asdict(s) | prf(s.true_positives, len(s.false_positives),
                                      len(s.false_negatives)) for s in scores],
        "overall": total(scores),
        # the same without the labels no taxonomy skill can name (CUDA, OCaml ...)
        "overall_named": total([DocScore(s.name, [i for i in s.expected if i[0] != "?"],
                                         s.predicted) for s in scores]),
        "labels_unknown_to_taxonomy": unknown,
        "false_r_c_go": {k: v for k, v in signal.items() if v},
        "seconds_per_resume": round(sum(seconds) / max(len(seconds), 1), 4),
    }


def audit_generic(corpus: Path, taxonomy: Taxonomy, matcher: SkillMatcher) -> dict:
    """Every mention in the résumé PDFs of a skill the labelling policy does not score.

    Returns ``{"mentions": [{document, skill, category, strength, section, text}, ...],
    "false_readings": {"found": [...], "of": len(FALSE_READINGS)}}``; ``found`` lists the
    ``FALSE_READINGS`` entries the matcher still produces (0 is the goal).
    """
    mentions = []
    for path in sorted((corpus / "resumes").glob("*.pdf")):
        for finding in extract_skills(parse_resume(path), taxonomy, matcher):
            if counted(finding.id, taxonomy):
                continue
            mentions += [{"document": path.name, "skill": finding.id,
                          "category": finding.category, "strength": e.strength,
                          "section": e.section, "text": e.text} for e in finding.evidence]
    found = [list(reading) for reading in FALSE_READINGS
             if any((m["document"], m["skill"]) == reading[:2] and reading[2] in m["text"]
                    for m in mentions)]
    return {"mentions": mentions, "false_readings": {"found": found, "of": len(FALSE_READINGS)}}


def dotin_document(path: Path) -> tuple[str, list[str]]:
    """The plain text of one dotin XML file and its ``Tech Tools`` label texts."""
    root = ET.parse(path).getroot()
    tools = ["".join(e.itertext()) for e in root.iter("label") if e.get("type") == "Tech Tools"]
    return "".join(root.itertext()), tools


def names_technology(label: str) -> bool:
    """Whether a dotin ``Tech Tools`` span names a technology: it is not one of the
    :data:`NOT_TECHNOLOGY` phrases, nor made only of their words and figures."""
    text = " ".join(label.split()).casefold().strip(" .,;:")
    if not text or text in _NOT_TECH_PHRASES:
        return False
    words = re.findall(r"[^\W\d_][\w+#.-]*", text)
    return not words or not all(w in _NOT_TECH_WORDS for w in words)


_NOT_TECH_PHRASES = frozenset(w for w in NOT_TECHNOLOGY if w)
_NOT_TECH_WORDS = frozenset(w for w in _NOT_TECH_PHRASES if " " not in w)


def evaluate_dotin(corpus: Path, taxonomy: Taxonomy, matcher: SkillMatcher,
                   limit: int | None = None) -> dict:
    """Per-document P/R/F1 on counted labels, and the share of ``Tech Tools`` spans mapped:
    a span is mapped when :func:`resolve_label` names a taxonomy entry (skill or technology),
    whatever its category; the share is given over all spans and over the spans that name a
    technology (:func:`names_technology`)."""
    files = sorted((corpus / "dotin" / "train").glob("*.xml"), key=lambda p: int(p.stem))
    scores, unresolved, fp_terms, fn_terms = [], Counter(), Counter(), Counter()
    spans = {"all": 0, "mapped": 0, "technology": 0, "technology_mapped": 0}
    started = time.perf_counter()
    for path in files[:limit]:
        text, tools = dotin_document(path)
        expected = set()
        for label in tools:
            skill_id = resolve_label(label, taxonomy, matcher)
            tech = names_technology(label)
            spans["all"] += 1
            spans["technology"] += tech
            spans["mapped"] += skill_id is not None
            spans["technology_mapped"] += tech and skill_id is not None
            if skill_id is None:
                if tech:
                    unresolved[label.strip()] += 1
            elif counted(skill_id, taxonomy):
                expected.add(skill_id)
        findings = extract_skills(resume_from_text(text), taxonomy, matcher)
        score = DocScore(path.name, sorted(expected),
                         policy_predictions(findings, taxonomy, skip_courses=False))
        scores.append(score)
        fp_terms.update(score.false_positives)
        fn_terms.update(score.false_negatives)
    elapsed = time.perf_counter() - started
    curated = [DocScore(s.name, [i for i in s.expected if not taxonomy.skill(i).is_technology],
                        [i for i in s.predicted if not taxonomy.skill(i).is_technology])
               for s in scores]
    return {
        "documents": len(scores),
        "overall": total(scores),
        # the same on the curated skills of skill_taxonomy.yaml alone: the figure to compare
        # with runs before technologies.yaml existed
        "overall_curated": total(curated),
        "top_false_positives": fp_terms.most_common(15),
        "top_false_negatives": fn_terms.most_common(15),
        "top_unresolved_labels": unresolved.most_common(25),
        "spans": spans,
        "spans_mapped_share": round(spans["mapped"] / max(spans["all"], 1), 4),
        "technology_spans_mapped_share": round(spans["technology_mapped"]
                                               / max(spans["technology"], 1), 4),
        "seconds_per_document": round(elapsed / max(len(scores), 1), 4),
    }


def evaluate_postings(corpus: Path, taxonomy: Taxonomy, matcher: SkillMatcher) -> dict:
    """How many SkillSpan ``knowledge_spans`` the vocabulary maps.

    ``mapped``: the whole span names one taxonomy entry (:func:`resolve_label`);
    ``with_mention``: the span, read as a skills-list line, holds at least one accepted
    mention ("Java Spring Boot" holds two). Knowledge spans also name degrees and fields
    ("Business to Business"), so neither share can reach 100 %.
    """
    data = json.loads((corpus / "postings" / "skillspan_train" / "spans.json").read_text("utf-8"))
    total_spans = mapped = with_mention = 0
    unmapped: Counter = Counter()
    for posting in data:
        for span in posting.get("knowledge_spans", []):
            total_spans += 1
            if resolve_label(span, taxonomy, matcher) is not None:
                mapped += 1
                with_mention += 1
            elif matcher.mentions(span, section="skills"):
                with_mention += 1
            else:
                unmapped[" ".join(span.split())] += 1
    return {"postings": len(data), "spans": total_spans, "mapped": mapped,
            "mapped_share": round(mapped / max(total_spans, 1), 4),
            "with_mention": with_mention,
            "with_mention_share": round(with_mention / max(total_spans, 1), 4),
            "top_unmapped": unmapped.most_common(20)}


def benchmark(corpus: Path, taxonomy: Taxonomy, repeats: int = 5) -> dict:
    """Medians over ``repeats`` runs, in seconds, on this machine.

    ``compile``: SkillMatcher(taxonomy, compiled=False), tokenizing every pattern;
    ``load_from_disk``: SkillMatcher(taxonomy) reading ``models/skill_terms.json`` (None when
    that artifact is missing or stale); ``extract_per_resume``: extract_skills on each corpus
    PDF, parsing excluded; ``lines_per_second``: the same, counted in résumé lines.
    """
    compile_times, load_times = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        SkillMatcher(taxonomy, compiled=False)
        compile_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        matcher = SkillMatcher(taxonomy)
        load_times.append(time.perf_counter() - started)
    artifact = artifact_path(taxonomy.path)
    resumes = [parse_resume(p) for p in sorted((corpus / "resumes").glob("*.pdf"))]
    extract_times, lines = [], sum(len(r.lines) for r in resumes)
    for _ in range(repeats):
        started = time.perf_counter()
        for resume in resumes:
            extract_skills(resume, taxonomy, matcher)
        extract_times.append(time.perf_counter() - started)
    per_pass = statistics.median(extract_times)
    return {
        "compile": round(statistics.median(compile_times), 4),
        "load_from_disk": round(statistics.median(load_times), 4) if matcher.loaded_artifact else None,
        "artifact_kib": round(artifact.stat().st_size / 1024) if artifact.is_file() else None,
        "extract_per_resume": round(per_pass / max(len(resumes), 1), 4),
        "lines_per_second": round(lines / per_pass) if per_pass else None,
    }


def _table(title: str, rows: list[list], header: list[str]) -> str:
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    line = lambda row: "  ".join(str(x).ljust(w) for x, w in zip(row, widths))  # noqa: E731
    return "\n".join([title, line(header), line(["-" * w for w in widths]),
                      *map(line, rows)])


def render(result: dict, errors: bool = False) -> str:
    out = [f"taxonomy sha256 {result['taxonomy_sha256'][:12]}, matcher compiled in "
           f"{result['compile_seconds']:.3f} s"]
    if "resumes" in result:
        r = result["resumes"]
        rows = [[d["name"], len(d["expected"]), len(d["predicted"]), d["precision"],
                 d["recall"], d["f1"], " ".join(d["false_positives"]) or "-",
                 " ".join(d["false_negatives"]) or "-"] for d in r["documents"]]
        o = r["overall"]
        rows.append(["OVERALL", o["tp"] + o["fn"], o["tp"] + o["fp"], o["precision"],
                     o["recall"], o["f1"], f"{o['fp']} FP", f"{o['fn']} FN"])
        out += ["", _table("Résumé PDFs vs labels.yaml", rows,
                           ["document", "gold", "pred", "P", "R", "F1", "false +", "false -"])]
        n = r["overall_named"]
        out.append(f"on labels the taxonomy can name: P {n['precision']}  R {n['recall']}  "
                   f"F1 {n['f1']}")
        out.append("false R / C / Go: " + (json.dumps(r["false_r_c_go"]) if r["false_r_c_go"]
                                          else "none"))
        if r["labels_unknown_to_taxonomy"]:
            out.append("labels the taxonomy cannot name: "
                       + json.dumps(r["labels_unknown_to_taxonomy"]))
        out.append(f"extract_skills per résumé (parsing excluded): {r['seconds_per_resume']} s")
    if "generic_audit" in result:
        a = result["generic_audit"]
        rows = [[m["document"].removesuffix(".pdf"), m["skill"], m["strength"], m["section"],
                 m["text"][:90]] for m in a["mentions"]]
        out += ["", _table("Audit: mentions of skills labels.yaml does not score (read them)",
                           rows, ["document", "skill", "strength", "section", "line"])]
        f = a["false_readings"]
        out.append(f"known false readings still found: {len(f['found'])} of {f['of']}"
                   + "".join(f"\n  {d}: {s} in '{t}'" for d, s, t in f["found"]))
    if "groups" in result:
        out += ["", render_groups(result["groups"], errors)]
    if "groups_holdout" in result:
        out += ["", "Held out (labelled after the rules were written; scripts/labels/holdout*.yaml):",
                render_groups(result["groups_holdout"], errors)]
    if "benchmark" in result:
        b = result["benchmark"]
        out += ["", f"benchmark (medians): compile {b['compile']} s, load from disk "
                f"{b['load_from_disk']} s ({b['artifact_kib']} KiB), extract_skills "
                f"{b['extract_per_resume']} s per résumé ({b['lines_per_second']} lines/s)"]
    if "dotin" in result:
        d = result["dotin"]
        o = d["overall"]
        out += ["", f"dotin Tech Tools ({d['documents']} documents, micro-averaged): "
                f"P {o['precision']}  R {o['recall']}  F1 {o['f1']}  "
                f"(TP {o['tp']}, FP {o['fp']}, FN {o['fn']}); "
                f"{d['seconds_per_document']} s per document incl. parsing",
                f"on the curated skills alone: P {d['overall_curated']['precision']}  "
                f"R {d['overall_curated']['recall']}  F1 {d['overall_curated']['f1']}",
                "top false positives: " + ", ".join(f"{k} {n}" for k, n in
                                                   d["top_false_positives"]),
                "top false negatives: " + ", ".join(f"{k} {n}" for k, n in
                                                   d["top_false_negatives"]),
                f"Tech Tools spans mapped to a taxonomy entry: {d['spans']['mapped']} of "
                f"{d['spans']['all']} ({d['spans_mapped_share']:.0%}); of the "
                f"{d['spans']['technology']} spans that name a technology (all but human "
                f"languages, companies and generic words, NOT_TECHNOLOGY): "
                f"{d['spans']['technology_mapped']} ({d['technology_spans_mapped_share']:.0%})",
                "top technology labels with no taxonomy entry: " + ", ".join(
                    f"{k} {n}" for k, n in d["top_unresolved_labels"])]
    if "postings" in result:
        p = result["postings"]
        out += ["", f"SkillSpan postings ({p['postings']}): {p['spans']} knowledge spans; "
                f"{p['mapped']} ({p['mapped_share']:.0%}) name one taxonomy entry as a whole, "
                f"{p['with_mention']} ({p['with_mention_share']:.0%}) contain at least one "
                f"accepted mention",
                "top knowledge spans with no mention: " + ", ".join(
                    f"{k} {n}" for k, n in p["top_unmapped"])]
    return "\n".join(out)


def evaluate(corpus: Path, taxonomy: Taxonomy, only: str | None = None,
             limit: int | None = None, timing: bool = False) -> dict:
    """All evaluations (or ``only`` one of ``resumes`` / ``dotin`` / ``groups``) as one dict;
    ``timing`` adds :func:`benchmark`."""
    matcher = SkillMatcher(taxonomy)
    result: dict = {"taxonomy_sha256": taxonomy.sha256,
                    "compile_seconds": round(matcher.compile_seconds, 4)}
    if only in (None, "resumes"):
        result["resumes"] = evaluate_resumes(corpus, taxonomy, matcher)
        result["generic_audit"] = audit_generic(corpus, taxonomy, matcher)
    if only in (None, "dotin"):
        result["dotin"] = evaluate_dotin(corpus, taxonomy, matcher, limit)
    if only in (None, "groups"):
        result["groups"] = evaluate_groups(corpus, taxonomy, matcher)
        holdout = load_holdout()
        if holdout:
            result["groups_holdout"] = evaluate_groups(corpus, taxonomy, matcher, holdout)
    if only in (None, "postings") and (corpus / "postings" / "skillspan_train").is_dir():
        result["postings"] = evaluate_postings(corpus, taxonomy, matcher)
    if timing:
        result["benchmark"] = benchmark(corpus, taxonomy)
    return result


def main(
    corpus: Path = typer.Option(DEFAULT_CORPUS, help="The shared corpus folder."),
    taxonomy: Path = typer.Option(None, help="skill_taxonomy.yaml (default: the repo's)."),
    only: str = typer.Option(None, help="Run only 'resumes', 'dotin', 'groups' or 'postings'."),
    limit: int = typer.Option(None, help="Score only the first N dotin documents."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
    timing: bool = typer.Option(False, "--benchmark", help="Also time compile, load, extract."),
    errors: bool = typer.Option(False, "--errors", help="List every group disagreement."),
) -> None:
    """Score skill extraction on the labelled résumé corpora."""
    if only not in (None, "resumes", "dotin", "groups", "postings"):
        raise typer.BadParameter(
            f"--only must be 'resumes', 'dotin', 'groups' or 'postings', not {only!r}")
    needed = [corpus / "resumes" / "labels.yaml", corpus / "dotin" / "train"]
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        typer.echo(f"Error: {', '.join(missing)} not found: pass --corpus pointing at the "
                   f"shared corpus folder.", err=True)
        raise typer.Exit(2)
    try:
        result = evaluate(corpus, load_taxonomy(taxonomy), only, limit, timing)
    except JobreadyError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(json.dumps(result, indent=2) if as_json else render(result, errors))


if __name__ == "__main__":
    typer.run(main)
