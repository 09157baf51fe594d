"""Stage 1b, skill mentions: a :class:`~analyzer.resume.Resume` + the taxonomy → skills with evidence.

Takes résumé lines; gives :class:`SkillFinding` per skill, each with its
:class:`~analyzer.evidence.Evidence` (section, page, line, strength). Matching is spaCy's
``blank("en")`` with two ``SpanRuler`` components compiled from the taxonomy's aliases; a
careful reader's rules decide which candidate ``Span`` counts (:mod:`analyzer.skills.disambiguation`);
a lookup lemmatizer and ``Matcher`` rules read skills from what a sentence says
(:mod:`analyzer.skills.signals`: "reduced p99 latency by 40%" → performance optimization).

- :mod:`analyzer.skills.matcher`: :class:`SkillMatcher`, :func:`extract_skills`, :func:`shared_matcher`;
- :mod:`analyzer.skills.disambiguation`: homonyms, context words, skills rows and lists;
- :mod:`analyzer.skills.signals`: the meaning rules (``SIGNALS``) and the lemmatizer.
"""

from analyzer.skills.matcher import (
    Mention,
    SkillFinding,
    SkillMatcher,
    extract_skills,
    related_evidence,
    shared_matcher,
)

__all__ = ["Mention", "SkillFinding", "SkillMatcher", "extract_skills", "related_evidence", "shared_matcher"]
