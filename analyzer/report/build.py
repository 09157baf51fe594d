"""The report: one analysis of one candidate, as data, JSON and Markdown.

:func:`analyze` runs the whole pipeline — résumé → skills → (repositories) → profile →
readiness → gaps → projects → checks — and returns a :class:`Report`.
``Report.to_dict()`` follows ``analyzer/report/report.schema.json`` (``SCHEMA_VERSION``);
``Report.to_markdown()`` is the same content for people.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer.errors import InputError
from analyzer.evidence import Check, Evidence
from analyzer.resume.checks import check_resume
from analyzer.resume.parse import SCHOOLING, Resume, parse_resume
from analyzer.resume.template import template_text
from analyzer.scoring.advice import (InterviewPrompt, ResourcePick, interview_prompts,
                                     resources_for_gap)
from analyzer.scoring.experience import (COURSE_TITLE, GENERIC_WORK_SKILLS, MAX_TITLE_WORDS,
                                         SOFTWARE_CATEGORIES, Experience, Role, advice_level,
                                         phrase_gaps, readiness_level, software_experience,
                                         undated_software_title)
from analyzer.scoring.gaps import ClaimGaps, Gap, claim_gaps, find_gaps
from analyzer.scoring.profile import Profile, build_profile, candidate_stack
from analyzer.scoring.projects import Suggestion, suggest_projects
from analyzer.scoring.readiness import Readiness, score_readiness
from analyzer.skills.matcher import SkillMatcher, course_evidence, extract_skills, related_evidence
from analyzer.taxonomy.loader import Taxonomy, load_taxonomy

if TYPE_CHECKING:  # only types here: runs without code or a posting need not import those stages
    from analyzer.code.sources import RepositorySummary
    from analyzer.postings.match import Match
    from analyzer.postings.parse import Posting

SCHEMA_VERSION = "1.1"
"""1.1 adds software months, seniority and the level reason, resources per gap and
interview prompts (all additive: a 1.0 report still validates)."""


def report_schema() -> dict:
    """The published JSON Schema of ``Report.to_dict()`` (draft 2020-12)."""
    text = resources.files("analyzer.report").joinpath("report.schema.json").read_text("utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class Report:
    """Everything jobready found about one candidate; see the module docstring."""

    taxonomy: Taxonomy
    resume: Resume | None
    profile: Profile
    readiness: Readiness
    gaps: tuple[Gap, ...]
    claims: ClaimGaps
    projects: tuple[Suggestion, ...]
    checks: tuple[Check, ...]
    repositories: tuple[RepositorySummary, ...] = ()
    github_user: str | None = None
    github_usage: dict | None = None
    warnings: tuple[str, ...] = ()
    resume_name: str | None = None
    generated_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    match: Match | None = None  # with a posting only (``analyze(posting=...)``)
    experience: Experience | None = None
    level: str | None = None
    level_reason: str | None = None
    resources: dict[str, tuple[ResourcePick, ...]] = field(default_factory=dict)
    prompts: tuple[InterviewPrompt, ...] = ()

    def _other_technology(self, skill_id: str) -> bool:
        """A technology of ``technologies.yaml`` that credits no requirement group (Apache
        Spark, Excel): reported apart from the skills, under ``other_technologies``."""
        entry = self.taxonomy.skill(skill_id)
        return entry.is_technology and not self.taxonomy.groups_crediting(skill_id)

    # -- JSON ---------------------------------------------------------------
    def to_dict(self) -> dict:
        """Plain JSON-ready dict following ``report.schema.json``."""
        basics = self.resume.basics if self.resume else None
        tax = self.taxonomy
        exp = self.experience
        return {
            "schema_version": SCHEMA_VERSION,
            "generated_at": self.generated_at.isoformat(timespec="seconds"),
            "taxonomy": {"version": tax.version, "sha256": tax.sha256},
            "input": {
                "resume": None if self.resume is None else {
                    "file": self.resume_name,
                    "pages": self.resume.pages,
                    "layout": self.resume.layout,
                    "sections": list(self.resume.sections),
                },
                "github": self.github_user,
                "repos": [r.name for r in self.repositories if r.source == "repo"],
            },
            "candidate": {
                "name": basics.name if basics else None,
                "email": basics.email if basics else None,
                "phone": basics.phone if basics else None,
                "links": list(basics.links) if basics else [],
                "github": (basics.github if basics else None) or self.github_user,
                "linkedin": basics.linkedin if basics else None,
                "website": basics.website if basics else None,
                "experience_months": self.resume.experience_months if self.resume else None,
                "software_months": exp.software_months if exp else None,
                "seniority": exp.seniority if exp else None,
                "seniority_reason": exp.reason if exp else None,
                "as_of": {"date": exp.as_of.isoformat(), "source": exp.as_of_source} if exp else None,
                "work": self._work(),
            },
            "skills": [
                {
                    "id": s.id,
                    "name": s.name,
                    "category": s.category,
                    "status": s.status,
                    "strength": s.strength,
                    "factor": s.factor,
                    "weight": round(s.weight, 3),
                    "implied_by": list(s.implied_by),
                    "evidence": [e.to_dict() for e in s.evidence],
                }
                for s in self.profile.skills if not self._other_technology(s.id)
            ],
            "other_technologies": [
                {"id": s.id, "name": s.name, "category": s.category, "status": s.status,
                 "strength": s.strength, "evidence": [e.to_dict() for e in s.evidence]}
                for s in self.profile.skills if self._other_technology(s.id) and s.evidence
            ],
            "readiness": {
                "score": self.readiness.score,
                "level": self.level or readiness_level(self.readiness.score),
                "level_reason": self.level_reason or (
                    f"an overall readiness of {self.readiness.score:g}"),
                "formula": self.readiness.formula,
                "groups": [
                    {
                        "id": g.id,
                        "name": g.name,
                        "score": g.score,
                        "weight": round(g.weight, 3),
                        "met_by": list(g.met_by),
                        "explanation": g.explanation,
                        "assessed": g.assessed,
                    }
                    for g in self.readiness.groups
                ],
            },
            "gaps": [
                {
                    "id": g.id,
                    "name": g.name,
                    "kind": g.kind,
                    "importance": g.importance,
                    "score": g.score,
                    "reason": g.reason,
                    "suggestions": list(g.suggestions),
                    "resources": [r.to_dict() for r in self.resources.get(g.id, ())],
                }
                for g in self.gaps
            ],
            "claims": {
                "claimed_only": list(self.claims.claimed_only),
                "demonstrated_only": list(self.claims.demonstrated_only),
                "verified": list(self.claims.verified),
            },
            "projects": [
                {
                    "id": p.id,
                    "title": p.title,
                    "difficulty": p.difficulty,
                    "brief": p.brief,
                    "stack": list(p.stack),
                    "closes": list(p.closes),
                    "upgrades": list(p.upgrades),
                    "why": p.why,
                }
                for p in self.projects
            ],
            "checks": [c.to_dict() for c in self.checks],
            "repositories": [
                {
                    "source": r.source,
                    "name": r.name,
                    "url": r.url,
                    "description": r.description,
                    "stack": list(r.stack),
                    "evidence": [{"skill": sid, **e.to_dict()} for sid, e in r.evidence],
                    "checks": [c.to_dict() for c in r.checks],
                    "warnings": list(r.warnings),
                }
                for r in self.repositories
            ],
            "interview_prompts": [p.to_dict() for p in self.prompts],
            "github_usage": self.github_usage,
            "warnings": list(self.warnings),
        } | ({"match": self.match.to_dict()} if self.match else {})

    def _work(self) -> list[dict]:
        """Work entries with, when experience was read, whether each counts as software work."""
        roles = self.experience.roles if self.experience else ()
        out = []
        for i, w in enumerate(self.resume.work if self.resume else ()):
            item = {
                "title": w.title,
                "organization": w.organization,
                "start": w.start.isoformat() if w.start else None,
                "end": w.end.isoformat() if w.end else None,
                "months": w.months,
            }
            if i < len(roles):
                item |= {"software": roles[i].software, "counted_because": roles[i].why}
            out.append(item)
        return out

    def to_json(self, indent: int = 2) -> str:
        """``to_dict()`` as JSON text (UTF-8, non-ASCII kept)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_markdown(self) -> str:
        """The report as Markdown for people (see :mod:`analyzer.report.markdown`)."""
        from analyzer.report.markdown import render_markdown

        return render_markdown(self.to_dict(), self.taxonomy.categories)


_EMPLOYER_PROJECT = re.compile(
    r"(?i)^\W*(?:(?:client|customer|employer)\b(?!\s*-?\s*(?:side|website|web|app|application|portal|"
    r"facing|server|code|login|area)\b)|(?:organi[sz]ation|company|team\s+size|duration|"
    r"role|environment|(?:roles?\s+(?:and|&)\s+)?responsibilities)\b\s*(?:[:\-–—]|$))")
"""A projects-section line that makes it a list of employer projects ("Client: Ericsson",
"Client Apple"; not "Client website: …", the front end of the candidate's own app),
"Team size: 6", "-Role:Team member", "Roles and Responsibilities"): docs/labelling.md counts client projects done
for an employer as work, not as a portfolio."""


_IT_TITLE = re.compile(
    r"(?i)\b(?:IT|ICT|(?<!sales\s)(?<!marketing\s)(?<!mechanical\s)(?<!civil\s)(?<!chemical\s)"
    r"(?<!structural\s)(?<!project\s)(?<!sales\s&\s)(?<!marketing\s&\s)engineer(?:ing)?|technical|"
    r"(?:computer|it|network|desktop|pc|help\s?desk|support|systems?|hardware|electronics?)\s+"
    r"(?:technician|tech)|tech\s+support|"
    r"(?:desktop|user|application|production|"
    r"customer\s+technical|l[123])\s+support|support\s+(?:engineer|analyst|technician|specialist)|"
    r"(?<!television\s)(?<!tv\s)(?<!radio\s)(?<!broadcasting\s)(?<!news\s)(?<!social\s)(?<!business\s)"
    r"network(?:s|ing)?|systems?|"
    r"computers?|computing|(?:sys|system|systems|network|database|db|it|linux|unix|windows|server|web|"
    r"sharepoint|salesforce|sap|lan|cloud)\s*(?:administrator|admin)|(?:help|service)\s?desk|"
    r"data(?:base)?|web|"
    r"software|developer|"
    r"programmer|tester|test\s+(?:analyst|manager|lead|specialist|coordinator)|QA|informatics?|"
    r"(?-i:SAP|ERP)|"
    r"technology\s+(?:lead|analyst|consultant|specialist|associate|architect|support|assistant|"
    r"coordinator|officer|manager)|"
    r"digital(?!\s+(?:marketing|media|content|communications?|sales|strategy|campaigns?))|"
    r"information(?:\s+(?:technology|systems?|security|services|management))?"
    r"(?!\s+(?:cent(?:er|re)|officer|desk)))\b")
"""Words of a job in software or IT ("Technical Support Engineer", "L1 Network Engineer", "Desktop
Support"), which docs/labelling.md counts as practical experience even without software bullets;
read in the job's title; its employer counts only by :data:`_IT_EMPLOYER` words ("Baltimore Public
School System", "Legal Information Center" are no IT employers);
"support" alone is not one ("Disability Support Services"), nor is a sales, marketing or
mechanical engineer, nor an administrator or a technician of anything but computers and systems
("Education Administrator", "Aircraft Technician")."""

_IT_EMPLOYER = re.compile(
    r"(?i)\b(?:(?-i:IT|ICT|SAP|ERP)|software|informatics|information\s+technology|(?:help|service)\s?desk|"
    r"tech(?:nical)?\s+support)\b")
"""Words of an employer in software or IT, for a role whose title says nothing ("Analyst, IT
Services Division")."""


def _it_job(role: Role) -> bool:
    """Whether a role's title, or its employer, names software or IT work (:data:`_IT_TITLE`); a
    sentence read as the title (more than ``MAX_TITLE_WORDS`` words: "FIDIC Seminar on the Role
    of the Consultant Engineer in Developing") is no title, nor is a degree (``SCHOOLING``)."""
    if SCHOOLING.search(role.title):  # "B.S in Computer Science (Pursuing)" is a degree
        return False
    return bool(len(role.title.split()) <= MAX_TITLE_WORDS and _IT_TITLE.search(role.title)
                or _IT_EMPLOYER.search(role.organization or ""))


JOB_SKILLS = ("work_experience", "freelancing", "internships", "volunteering")
"""Skills of "practical experience" that a job gives; docs/labelling.md counts a job outside
software and IT only when its bullets show software work."""


def _without_jobs_outside_software(
    evidence: list[tuple[str, Evidence]], experience: Experience | None, taxonomy: Taxonomy,
) -> tuple[list[tuple[str, Evidence]], list[tuple[str, Evidence]]]:
    """Split off the work-section evidence of :data:`JOB_SKILLS` when the résumé lists jobs and
    none of them is software or IT work (a paralegal, a translator; :data:`_IT_TITLE`): returns (the evidence kept,
    ``("practical_experience", evidence)`` pairs for ``Profile.related``), so the area reads
    "Found only "Paralegal" …" instead of crediting the jobs. Nothing is split off when the work
    section names a language, framework or other :data:`SOFTWARE_CATEGORIES` skill: then the
    roles were read badly, not held outside software. When no job was read at all, only
    volunteering outside software is split off (:func:`_without_volunteering_outside_software`)."""
    if experience is None:
        return evidence, []
    if not experience.roles:
        return _without_volunteering_outside_software(evidence, taxonomy)
    if any(r.software or _it_job(r) for r in experience.roles):
        return evidence, []
    if any(item.section in ("work", "volunteer") and taxonomy.skill(sid).category in SOFTWARE_CATEGORIES
           and sid not in GENERIC_WORK_SKILLS for sid, item in evidence):
        return evidence, []  # roles read badly from a flattened text, but the work names code
    code_lines = {item.text for sid, item in evidence
                  if taxonomy.skill(sid).category in SOFTWARE_CATEGORIES}
    kept, outside = [], []
    for skill_id, item in evidence:
        # a job named outside the work section too ("Counseling Practicum and Internship"), but
        # not a stated total of software work (a signal) nor a line that names code
        elsewhere = item.section != "work" and item.detail is None and item.text not in code_lines
        if skill_id in JOB_SKILLS and item.source == "resume" and (item.section == "work" or elsewhere):
            role = next((r for r in experience.roles if r.title and r.title in item.text), None)
            title = role.title if role else item.text
            outside.append(("practical_experience", replace(
                item, strength="listed", detail=f'a job outside software ("{title}")')))
        else:
            kept.append((skill_id, item))
    return kept, outside


def _without_volunteering_outside_software(
    evidence: list[tuple[str, Evidence]], taxonomy: Taxonomy,
) -> tuple[list[tuple[str, Evidence]], list[tuple[str, Evidence]]]:
    """With no job read at all, split off volunteering on lines that name neither code nor IT
    work ("Camp Host/Volunteer", "SPCA animal shelter volunteer"): docs/labelling.md counts
    volunteering outside software and IT as no practical experience. Same return as
    :func:`_without_jobs_outside_software`."""
    code_lines = {item.text for sid, item in evidence
                  if taxonomy.skill(sid).category in SOFTWARE_CATEGORIES and sid not in GENERIC_WORK_SKILLS}
    kept, outside = [], []
    for skill_id, item in evidence:
        if (skill_id == "volunteering" and item.source == "resume" and item.text not in code_lines
                and not _IT_TITLE.search(item.text)):
            outside.append(("practical_experience", replace(
                item, strength="listed", detail="volunteering outside software")))
        else:
            kept.append((skill_id, item))
    return kept, outside


_WISH = re.compile(
    r"(?i)\b(?:seek(?:ing)?|looking\s+for|search(?:ing)?\s+for|in\s+search\s+of|aspir(?:e|ing)\s+to|"
    r"apply(?:ing)?\s+for|hop(?:e|ing)\s+to|want(?:ing)?\s+to|wish(?:ing)?\s+to|eager\s+to|open\s+to)\b"
    r"[^.;]*?\b(?:intern(?:ship)?s?|freelanc\w*|volunteer\w*|experience|positions?|roles?|jobs?|"
    r"opportunit(?:y|ies))\b")
"""A line that wishes for work ("Actively seeking software engineering internship roles",
"looking for an opportunity to gain hands-on experience", "Open to internships"): no job of
its own."""
_CLAIMED = re.compile(r"(?i)\b(?:hands[-\s]?on|practical|real[-\s]world)\s+experience\b")
"""A claim of experience in a summary or a certificate ("Cybersecurity enthusiast with hands-on
experience in …"): with no job read, it names no work done for anyone."""


def _without_wishes_and_claims(
    evidence: list[tuple[str, Evidence]], experience: Experience | None,
) -> tuple[list[tuple[str, Evidence]], list[tuple[str, Evidence]]]:
    """Split off :data:`JOB_SKILLS` evidence that is a wish (:data:`_WISH`), and, when no role
    and no stated total was read, a claim of hands-on experience outside the work section
    (:data:`_CLAIMED`): docs/labelling.md counts neither as practical experience. Same return
    as :func:`_without_jobs_outside_software`."""
    no_job = experience is not None and not experience.roles and not experience.stated
    kept, outside = [], []
    for skill_id, item in evidence:
        found = None
        if skill_id in JOB_SKILLS and item.source == "resume" and item.detail is None:
            found = _WISH.search(item.text) or (
                _CLAIMED.search(item.text) if no_job and item.section != "work" else None)
        if found:
            outside.append(("practical_experience", replace(
                item, strength="listed", detail=f'a wish or a claim, not a job ("{found.group(0)}")')))
        else:
            kept.append((skill_id, item))
    return kept, outside


def stated_experience_evidence(
    resume: Resume | None, experience: Experience | None, evidence: list[tuple[str, Evidence]],
    taxonomy: Taxonomy,
) -> list[tuple[str, Evidence]]:
    """``work_experience`` evidence from the résumé's own total when seniority rests on it.

    A work section whose job has no dates ("Technical support engineer" / "Years of Experience:
    2 Years and 4 Months") gives no dated entry, so without this the report would give the
    candidate months of work for seniority and, in the same page, say no hands-on experience is
    listed. Returns ``[("work_experience", Evidence)]`` (``applied``, the line holding the
    stated words) when ``experience.stated`` is set and no job skill has evidence yet, else ``[]``.
    """
    if (resume is None or experience is None or not experience.stated
            or "work_experience" not in taxonomy.skills
            or any(sid in JOB_SKILLS for sid, _ in evidence)):
        return []
    words = experience.stated.split()
    # a total wrapped over two lines is found by its longest opening on one
    line = next((ln for k in range(len(words), min(2, len(words)) - 1, -1)
                 for ln in resume.lines if " ".join(words[:k]) in " ".join(ln.text.split())), None)
    if line is None:
        return []
    return [("work_experience", Evidence("resume", "applied", line.text.strip(), section=line.section,
                                         page=line.page, detail="the résumé's stated total of work"))]


def structure_evidence(resume: Resume, taxonomy: Taxonomy) -> list[tuple[str, Evidence]]:
    """Evidence from the résumé's structure rather than its words.

    A dated work entry that is no course (:data:`analyzer.scoring.experience.COURSE_TITLE`) is
    evidence of ``work_experience`` (with none, a short line of the work
    section that is a software title is, as docs/labelling.md counts it); a non-empty ``projects``
    section of ``personal_projects`` (both ``applied``: they describe real use). A projects
    section holding template text ("Project 1", "Details") is a template, not a portfolio,
    and earns nothing; nor does one that lists employer projects (:data:`_EMPLOYER_PROJECT`). Skill ids the taxonomy lacks are skipped.
    """
    found: list[tuple[str, Evidence]] = []
    if "work_experience" in taxonomy.skills:
        found += [("work_experience", Evidence("resume", "applied", w.text, section="work",
                                               page=w.page, detail="a dated work entry"))
                  for w in resume.work if w.start is not None and not COURSE_TITLE.search(w.title)]
        if not found:  # "Software developer" / "Microsoft" under Work experience, with no dates
            title = undated_software_title(resume)
            if title is not None:
                found.append(("work_experience", Evidence(
                    "resume", "applied", title.text.strip(), section="work", page=title.page,
                    detail="a software role without dates")))
    projects = [ln for ln in resume.lines if ln.section == "projects" and not ln.is_heading]
    if projects and "personal_projects" in taxonomy.skills and not any(
            template_text(ln.text) or _EMPLOYER_PROJECT.match(ln.text) for ln in projects):
        first = projects[0]
        found.append(("personal_projects", Evidence("resume", "applied", first.text,
                                                    section="projects", page=first.page,
                                                    detail="a projects section")))
    return found


def analyze(
    resume: str | Path | bytes | Resume | None = None,
    *,
    resume_name: str | None = None,
    password: str | None = None,
    taxonomy: Taxonomy | None = None,
    matcher: SkillMatcher | None = None,
    repositories: Iterable[RepositorySummary] = (),
    github_user: str | None = None,
    github_usage: dict | None = None,
    extra_warnings: Iterable[str] = (),
    today: date | None = None,
    posting: Posting | None = None,
) -> Report:
    """Analyse a résumé and/or repository evidence into a :class:`Report`.

    Args:
        resume: a PDF path or its bytes, an already parsed :class:`Resume` (so a caller
            that read its GitHub link first does not parse twice), or None when only code
            is analysed.
        resume_name: the name to use in messages and the report (default: the path's name).
        password: for password-protected PDFs.
        taxonomy: defaults to :func:`analyzer.taxonomy.load_taxonomy`.
        matcher: a compiled :class:`SkillMatcher`; by default the one
            :func:`analyzer.skills.extract_skills` keeps per taxonomy (compiled once, ~0.25 s).
        repositories: repository summaries already read (GitHub or local folders).
        github_user, github_usage: recorded in the report when GitHub was read.
        extra_warnings: warnings from earlier stages (a partial GitHub read …).
        today: reference date for "present" in work dates (default: today).
        posting: a parsed job posting (:func:`analyzer.postings.parse_posting`); when given,
            the report's ``match`` says where the candidate stands on each of its skills.

    Raises:
        InputError: nothing to analyse, or a résumé that cannot be read (a ResumeError).
        TaxonomyError: the taxonomy file is invalid.
    """
    repositories = tuple(repositories)
    if resume is None and not repositories and github_user is None:
        raise InputError(
            "Nothing to analyse: give a résumé PDF, a GitHub user (--github) or a "
            "repository folder (--repo)."
        )
    taxonomy = taxonomy or load_taxonomy()
    warnings = list(extra_warnings)
    evidence: list[tuple[str, Evidence]] = []
    parsed: Resume | None = None
    if isinstance(resume, Resume):
        parsed = resume
    elif resume is not None:
        if resume_name is None:
            resume_name = Path(resume).name if not isinstance(resume, bytes) else "resume.pdf"
        parsed = parse_resume(resume, password=password, name=resume_name, today=today)
    if parsed is not None:
        warnings.extend(parsed.warnings)
        # with matcher None, extract_skills reuses the one it compiled for this taxonomy
        for finding in extract_skills(parsed, taxonomy, matcher):
            evidence.extend((finding.id, e) for e in finding.evidence)
        # template text ("Project 1", "github.com/your_id") is never evidence of anything
        evidence = [(sid, e) for sid, e in evidence if not template_text(e.text)]
        seen = {(sid, e.text) for sid, e in evidence}
        evidence.extend(item for item in structure_evidence(parsed, taxonomy)
                        if (item[0], item[1].text) not in seen)
    for repo in repositories:
        evidence.extend(repo.evidence)
        warnings.extend(w if w.startswith(f"{repo.name}:") else f"{repo.name}: {w}"
                        for w in repo.warnings)

    code_examined = bool(repositories)
    experience = (software_experience(parsed, evidence, taxonomy) if parsed is not None else None)
    evidence += stated_experience_evidence(parsed, experience, evidence, taxonomy)
    evidence, outside = _without_jobs_outside_software(evidence, experience, taxonomy)
    evidence, wished = _without_wishes_and_claims(evidence, experience)
    outside += wished
    credited = {sid for sid, _ in evidence}
    profile = build_profile(evidence, taxonomy, code_examined=code_examined,
                            resume_examined=parsed is not None,
                            uncredited=[item for item in (course_evidence(parsed, taxonomy, matcher)
                                                          if parsed is not None else ())
                                        if item[0] not in credited],
                            related=[*(related_evidence(parsed, taxonomy, matcher) if parsed is not None
                                       else ()), *outside])
    readiness = score_readiness(profile, taxonomy)
    stack = candidate_stack(profile, taxonomy)
    level = advice_level(readiness.score, experience.seniority if experience else None)
    level_reason = _level_reason(readiness.score, level, experience)
    gaps = phrase_gaps(find_gaps(readiness, profile, taxonomy, stack), experience)
    if posting is not None:  # the postings stage loads only when a posting is given
        from analyzer.postings.match import match_candidate
    return Report(
        taxonomy=taxonomy,
        resume=parsed,
        profile=profile,
        readiness=readiness,
        gaps=gaps,
        claims=claim_gaps(profile),
        projects=suggest_projects(gaps, stack, taxonomy, readiness.score, level=level,
                                  level_reason=level_reason),
        checks=check_resume(parsed) if parsed else (),
        repositories=repositories,
        github_user=github_user,
        github_usage=github_usage,
        warnings=tuple(dict.fromkeys(warnings)),
        resume_name=resume_name,
        match=None if posting is None else match_candidate(
            posting, profile, taxonomy, "\n".join(ln.text for ln in parsed.lines) if parsed else None, level=level),
        experience=experience,
        level=level,
        level_reason=level_reason,
        resources={g.id: resources_for_gap(g, profile, stack, taxonomy, level) for g in gaps},
        prompts=interview_prompts(profile, taxonomy, stack=stack),
    )


def _level_reason(score: float, level: str, experience: Experience | None) -> str:
    """How the advice level was reached, as a phrase ("a senior engineer (134 months …)")."""
    by_readiness = readiness_level(score)
    if experience is None or level == by_readiness:
        return f"an overall readiness of {score:g}"
    years = experience.software_months / 12
    return (f"a {experience.seniority} engineer with {years:.0f} years of software work, "
            f"where readiness {score:g} alone would say {by_readiness}")
