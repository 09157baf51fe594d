"""Job postings: what an employer asks for, and how a candidate measures up to it.

Takes a posting (a .txt, .md, .html or .pdf file, or pasted text) and a candidate's
:class:`analyzer.scoring` profile; gives a :class:`Posting` (title, seniority, skills each
``required`` or ``nice_to_have``, with ``any_of`` groups of alternatives and the deciding
phrase) and a :class:`Match` (per skill: shown in code / used / listed / implied / missing,
with evidence; a match score with its formula; projects that close the missing required
skills; and a TF-IDF text similarity kept apart as a second signal).

The stage in file names: ``read`` (file → text lines) → ``sections`` (headings, clauses) →
``requirements`` (the rules) → ``parse`` (→ Posting) → ``match`` (Posting + profile → Match);
``similarity`` is the fitted TF-IDF model in ``models/``.
"""

from analyzer.postings.parse import Posting, PostingEvidence, PostingSkill, parse_posting
from analyzer.postings.read import MAX_BYTES, MAX_CHARS, PostingError, PostingText, posting_from_text, read_posting

__all__ = ["MAX_BYTES", "MAX_CHARS", "Posting", "PostingError", "PostingEvidence", "PostingSkill",
           "PostingText", "parse_posting", "posting_from_text", "read_posting"]
