"""jobready: a job-readiness analyzer for aspiring backend developers.

The public surface, imported lazily so ``jobready taxonomy check`` does not pay for spaCy::

    from analyzer import analyze, load_taxonomy, parse_resume
    report = analyze("resume.pdf")
    print(report.readiness.score)          # 0–100
    print(report.to_json())                # follows analyzer/report/report.schema.json
"""

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "analyze": "analyzer.report",
    "Report": "analyzer.report",
    "load_taxonomy": "analyzer.taxonomy",
    "Taxonomy": "analyzer.taxonomy",
    "parse_resume": "analyzer.resume",
    "Resume": "analyzer.resume",
    "SkillMatcher": "analyzer.skills",
    "extract_skills": "analyzer.skills",
    "JobreadyError": "analyzer.errors",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
