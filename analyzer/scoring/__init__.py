"""Stage 2, scoring: evidence from the résumé and code → profile → readiness, gaps and projects.

Takes skill evidence (:class:`~analyzer.evidence.Evidence` per skill id) and the taxonomy; gives
a :class:`Profile` (each skill's strongest evidence, implied skills, the candidate's stack),
:class:`Readiness` (a 0–100 score per requirement group and overall, with the formula), ranked
:class:`Gap` items with their reasons, claimed-vs-shown skills, and suggested projects.

- :mod:`analyzer.scoring.profile`: merge sources, implied skills, :func:`candidate_stack`;
- :mod:`analyzer.scoring.readiness`: group and overall scores (weights from the seed articles);
- :mod:`analyzer.scoring.gaps`: gaps and claim gaps; :mod:`analyzer.scoring.projects`: suggestions;
- :mod:`analyzer.scoring.experience`: software months, seniority and the level advice follows;
- :mod:`analyzer.scoring.advice`: learning resources per gap and interview prompts for the coach.
"""

from analyzer.scoring.advice import InterviewPrompt, ResourcePick, interview_prompts, resources_for_gap
from analyzer.scoring.experience import Experience, advice_level, software_experience
from analyzer.scoring.gaps import ClaimGaps, Gap, claim_gaps, find_gaps
from analyzer.scoring.profile import CandidateStack, Profile, ProfileSkill, build_profile, candidate_stack
from analyzer.scoring.projects import Suggestion, candidate_level, suggest_projects
from analyzer.scoring.readiness import GroupScore, Readiness, score_readiness

__all__ = ["CandidateStack", "ClaimGaps", "Experience", "Gap", "GroupScore", "InterviewPrompt", "Profile",
           "ProfileSkill", "Readiness", "ResourcePick", "Suggestion", "advice_level", "build_profile",
           "candidate_level", "candidate_stack", "claim_gaps", "find_gaps", "interview_prompts",
           "resources_for_gap", "score_readiness", "software_experience", "suggest_projects"]
