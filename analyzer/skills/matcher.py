"""Skill evidence from résumé lines: spaCy rule-based matching plus disambiguation.

:class:`SkillMatcher` turns the taxonomy's names and aliases (skills and technologies) into a
blank English pipeline with a tuned tokenizer and a :class:`analyzer.skills.terms.TermTable`
(lower-cased token sequences for ordinary terms, as-written ones for case-sensitive ambiguous
terms such as "Go" or "R"), loaded from ``models/skill_terms.json`` when it is in step. Each line of text
gives candidate spans; :class:`analyzer.disambiguation.Disambiguator` keeps the ones a
careful reader would count (its module docstring lists the rules: URLs, veto words,
years, company suffixes, initials, context words, common nouns, neighbours), and the
longest of overlapping spans wins (``spacy.util.filter_spans``). The pipeline also
lemmatizes (spaCy's lookup lemmatizer) so that :mod:`analyzer.skills.signals` can read skills
from what a sentence says ("Led a team of 5" → leadership); a signal counts only for a skill
no taxonomy term of the same line names, and its evidence ``detail`` quotes what was read.
Section headings that name an activity ("Invited Talks") and a GitHub profile link
(version control and portfolio, ``listed``) give evidence too.
:func:`extract_skills` turns the mentions in a parsed résumé into
:class:`SkillFinding` objects, each with one :class:`Evidence` per line naming it::

    taxonomy = load_taxonomy()
    matcher = SkillMatcher(taxonomy)              # ~0.3 s: compile once, reuse
    matcher.mentions("Built REST APIs in Go and PostgreSQL")
    # [Mention("rest", ...), Mention("go", ...), Mention("postgresql", ...)]
    findings = extract_skills(parse_resume("cv.pdf"), taxonomy, matcher)

Evidence strength (see :mod:`analyzer.evidence`): ``listed`` for the skills section,
summary, header, education and other sections, and any non-bullet line that is a list
rather than a sentence (headings give no evidence);
``applied`` for a sentence or bullet in ``work``, ``projects`` or ``volunteer``, and for a
sentence of six words or more in the skills, awards or summary section that opens with a verb
of action in the past tense ("Developed the PL/SQL procedures …": an achievement listed there),
and for a line of the skills, languages, interests or awards section that says what was built
or run within its first words (a text résumé that lost its layout leaves work sentences there);
``quantified`` for such a line that carries a figure (a count, %, $, ×, 2M+ …; years,
dates and version numbers do not count). Skills only implied by found ones
(``Taxonomy.implied``) get a :class:`SkillFinding` with no evidence and ``implied_by``.

Course titles are not skill evidence (the labelling policy of the résumé corpus: a skill that
only appears as a university course title is not claimed): :func:`course_lines` marks the
education lines that list courses, and they give evidence only for education skills
(degrees, bootcamps, online courses) and for bare technology names listed as items of their
own (:func:`bare_technology`: "C, C++, Java" under a course heading is a skills list). Degree
lines and project descriptions in the education section still count. :func:`course_evidence`
returns the course-title mentions separately, so scoring can say "only a course title
mentions it" rather than "nothing does" (``Profile.uncredited``).
"""

from __future__ import annotations

import re
from pathlib import Path
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.attrs import ORTH
from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from analyzer.evidence import Evidence, strength_rank
from analyzer.resume.parse import NOT_WEBSITES
from analyzer.resume.template import template_text
from analyzer.skills.disambiguation import CAPITALS, Disambiguator, is_list_like, is_skills_row
from analyzer.skills.signals import SignalMatcher, add_lemmatizer, heading_skill
from analyzer.skills.terms import TermTable, artifact_path
from analyzer.taxonomy.loader import Taxonomy, load_taxonomy

if TYPE_CHECKING:  # only for annotations: extract_skills reads nothing but resume.lines
    from analyzer.resume.parse import Line, Resume

__all__ = ["Evidence", "Mention", "compile_terms", "SkillFinding", "SkillMatcher", "course_evidence",
           "course_lines", "extract_skills", "related_evidence"]

APPLIED_SECTIONS = frozenset({"work", "projects", "volunteer"})
"""JSON Resume sections whose sentences and bullets show a skill in use."""

ACHIEVEMENT_SECTIONS = frozenset({"skills", "awards", "basics", "languages", "interests",
                                  "education", "references", "certificates"})
"""Sections where a sentence that reports what was done ("Participated in sales presentations…",
"Led the migration of …", "I wrote the backend in PHP …") is a bullet in use, as in a work
section: résumés list achievements under "Skills and achievements", "Key accomplishments" or
the summary, and a text résumé that lost its layout puts project lines under any heading
(Education, even References or Certificates: "Taught one section of 22 students"). Under Education
and Certificates a verb of study ("Completed coursework in Java …", "Studied algorithms …",
"Passed the AWS exam") reports no work (:data:`_STUDIED`)."""
_STUDIED = re.compile(
    r"^\W*(?:Completed|Studied|Graduated|Attended|Learned|Learnt|Passed|Majored|Minored|Earned|"
    r"Received|Awarded|Enrolled|Obtained|Achieved|Secured|Qualified|Scored|Pursued|Specialized|"
    r"Specialised|Focused|Concentrated|Trained)\b")
_DONE = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*|[a-z][.)]\s+)?(?!(?:Experienced|Skilled|Motivated|Dedicated|Talented|Seasoned|Certified|Qualified|"
    r"Interested|Accomplished|Detailed|Focused|Organi[sz]ed|Speciali[sz]ed|Advanced|Versed|"
    r"Committed|Determined|Educated|Trained|Licensed|Based|Located|Proven|Respected|Renowned|"
    r"Disciplined|Balanced|Sophisticated|Gifted|Recognized|Recognised)\b)"
    r"(?:(?:I|We)\s+(?:[a-z]+ed|led|built|wrote|ran|made|won|taught|grew|cut|sold|drove|gave|held|"
    r"brought|took|set up|spoke|began|kept|sent|met)\b|[A-Z][a-z]+ed|Led|Built|Wrote|Ran|Made|Won|Taught|Grew|Cut|Sold|Drove|Gave|Held|"
    r"Brought|Took|Set up|Spoke|Began|Kept|Sent|Met)\b(?:\s+\S+){5,}")
"""A line opening with a past-tense verb of action (alone or after "I" / "We", after a list
number such as "1." too) and holding at least six words; the -ed words that open a
self-description ("Experienced engineer …", "Certified …") are not actions."""
DISPLACED_SECTIONS = frozenset({"skills", "languages", "interests", "awards"})
"""Sections where a text résumé that lost its layout leaves work sentences ("My
responsibilities also included managing a LAMP system …"): a line there that says what was
built or run (:data:`_DID`) shows use. The summary (``basics``) is left out: "Over 10 years of
experience developing applications in Java" is a claim, not a bullet."""
_DID = re.compile(
    r"^(?:\S+\s+){0,7}?(?:developed|designed|implemented|built|wrote|written|created|managed|"
    r"maintained|deployed|configured|administered|administering|migrated|refactored|optimi[sz]ed|"
    r"automated|integrated|installed|upgraded|troubleshot|architected|coded|programmed|launched|"
    r"improved|reduced|managing|developing|building|maintaining|responsibilities\s+(?:also\s+)?included|"
    r"monitoring|troubleshooting|configuring|installing|implementing|deploying|migrating|tuning|"
    r"administration\s+(?:of|on|using)|tested)"
    r"\b(?:\s+\S+){3,}|\bwritten\s+in\s+\w", re.IGNORECASE)
"""A verb of building or running software within a line's first eight words, with more words
after it ("… and refactored the entire PHP backend", "managing a LAMP system of 5 servers",
"Monitoring HANA DB and troubleshooting …", "… system written in Python and fully unit tested").
A line that is a list of short items ("Configuring: Ansible, Puppet, Chef") is still listed."""
_DOING = re.compile(
    r"^[\s•·*▪◦●■\-–—>]*(?!(?:Outstanding|Cutting|Shopping|Hearing|Willing|Interesting|"
    r"Upcoming|Exciting|Amazing|Working|Having|Being|Understanding|Programming|Networking|Operating|Scripting|"
    r"Testing|Computing|Engineering|Learning|Training|Reading|Writing|Listening|Speaking|"
    r"Accounting|Marketing|Banking|Publishing|Modeling|Modelling|Drawing|Painting|Singing|"
    r"Dancing|Cooking|Swimming|Running|Cycling|Gaming|Trekking|Hiking|Travelling|Traveling|"
    r"Playing|Surfing|Browsing|Blogging|Reporting|Parsing|Debugging|Indexing|Messaging|Billing|"
    r"Warehousing|Mining|Processing|Manufacturing|Tracking|Logging|Caching|Routing|Building|"
    r"Packaging|Shipping|Costing|Pricing|Sourcing|Consulting|Outsourcing)\b)"
    r"[A-Z][a-z]{2,}ing\b(?![^:]{0,30}:)(?:\s+\S+){5,}")
"""A line of a displaced section that opens with a verb's -ing form and holds at least six
words ("Coordinating with onsite folks and leading and mentoring the offshore team"): a
responsibility left there by flattened text. The -ing words that name a field, a pastime or a
kind of software ("Working knowledge of …", "Networking …", "Reading and travelling"), an
adjective ("Outstanding Student …") and a label ("Teaching & Mentoring Areas: …") do not open one;
under Interests such a line is a pastime or a wish ("Contributing to open-source projects")."""
_FIGURE = re.compile(r"[$€£¥×%]|\d")
_NOT_FIGURES = re.compile(
    r"""(?ix)
      \b(?:19|20)\d{2}\s*[–—-]\s*(?:(?:19|20)?\d{2}\b|present|now)   # year ranges
    | \b\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*(?:19|20)\d{2}\b            # 2/1/2012
    | \b\d{1,2}\s*/\s*(?:19|20)?\d{2}\b                              # 05/2019
    | \b(?:19|20)\d{2}\b                                              # years
    | \bv?\d+(?:\.\d+)+\b(?!%)                                         # versions 3.11
    | \b\d{1,2}\s?[gc]\b                                               # Oracle 11g, 12c
    | ^\W*\d{1,2}[.)](?=\s)                                            # a list number "1."
    """
)
# Version numbers written right after a skill ("Python 3", "Java 8", "Java 1.8").
_VERSION_AFTER = re.compile(r"^\s*v?\d+(?:\.\d+)*(?:\+|\b)")
# "C#.NET" is one chunk to the tokenizer; these split it into the two skills it names.
_JOINED_SPECIAL_CASES = ("C#.NET", "C#.Net", "c#.net")
# "Coursework:", "Relevant courses", "COURSEWORK" (a heading), "Modules taken:" …
_COURSE_LABEL = re.compile(
    r"(?i)^\W*(?:(?:relevant|selected|key|core|major|graduate|undergraduate|completed)\s+)*"
    r"(?:course\s*work|courses?|modules?|classes|subjects)(?:\s+(?:taken|completed|include[sd]?))?\s*(?:[:\-–—]|$)")
# Lines in a course list that are not course titles: degrees, theses and projects, sentences of work done.
_NOT_COURSES = re.compile(
    r"(?i)\b(projects?|thesis|dissertation|capstone|built|developed|implemented|designed|created|wrote"
    r"|bachelor|master|b\.?sc?|m\.?sc?|b\.?eng|m\.?eng|ph\.?d|mba|degree|diploma|gpa)\b")
_MINOR_WORDS = frozenset({"and", "of", "in", "for", "the", "to", "with", "on", "an", "at", "via"})
_ITEM_SEPARATORS = re.compile(r"[,;•·|/]")
_PARENTHESES = re.compile(r"\([^)]*\)?")  # "(A-)", "(Intel x86)"
SUBJECT_CATEGORIES = frozenset({"concepts", "architecture", "soft_skills", "career", "portfolio"})
"""Taxonomy categories whose names are also course subjects ("Concurrency", "OOP"): in a course
list even a bare name of these is a course title."""


@dataclass(frozen=True)
class Mention:
    """One accepted skill mention in a line: ``text[start_char:end_char] == surface``.

    ``signal`` is the id of the :mod:`analyzer.skills.signals` rule that read the skill from
    the sentence's meaning ("led a team of 5" → leadership), None for a taxonomy term.
    """

    skill_id: str
    start_char: int
    end_char: int
    surface: str
    signal: str | None = None


@dataclass(frozen=True)
class SkillFinding:
    """A skill found in a résumé, with every place it was seen.

    Attributes:
        id, name, category: from the taxonomy.
        evidence: one :class:`Evidence` per résumé line that mentions the skill,
            strongest first; empty when the skill is only implied.
        implied_by: ids of found skills that imply this one (``Taxonomy.implied``);
            may be set on a skill that also has evidence of its own.
    """

    id: str
    name: str
    category: str
    evidence: tuple[Evidence, ...]
    implied_by: tuple[str, ...] = ()

    @property
    def strength(self) -> str:
        """The strongest evidence's strength, or ``"implied"`` when there is none."""
        return self.evidence[0].strength if self.evidence else "implied"


class SkillMatcher:
    """The taxonomy compiled into a spaCy pipeline; build once, reuse for every résumé.

    Args:
        taxonomy: the loaded taxonomy (default: :func:`load_taxonomy`).
        compiled: load the compiled term table from ``models/skill_terms.json`` when it is in
            step with the taxonomy (same sha256); False always compiles in memory.

    Attributes:
        nlp: the ``spacy.blank("en")`` pipeline (tuned tokenizer and the lookup lemmatizer).
        terms: the :class:`analyzer.skills.terms.TermTable` that finds candidate spans.
        signals: the :class:`~analyzer.skills.signals.SignalMatcher` (meaning rules).
        loaded_artifact: whether ``terms`` came from the compiled file.
        compile_seconds: wall time the construction took.
    """

    def __init__(self, taxonomy: Taxonomy | None = None, *, compiled: bool = True):
        started = time.perf_counter()
        self.taxonomy = taxonomy or load_taxonomy()
        self._disambiguator = Disambiguator(self.taxonomy)
        self.nlp = _blank_pipeline(self.taxonomy)
        table = TermTable.load(artifact_path(self.taxonomy.path), self.taxonomy.sha256) \
            if compiled else None
        self.loaded_artifact = table is not None
        self.terms = table or TermTable.compile(_patterns(self.taxonomy), self.nlp.make_doc)
        add_lemmatizer(self.nlp)  # after the table: its patterns need the tokenizer only
        self.signals = SignalMatcher(self.nlp.vocab, self.taxonomy)
        self._related: tuple[PhraseMatcher, dict[str, re.Pattern]] | None = None
        self.compile_seconds = time.perf_counter() - started

    def mentions(self, text: str, section: str | None = None) -> list[Mention]:
        """Accepted mentions in one line of text, in reading order.

        ``section`` (a JSON Resume section name, optional) lets a line of the
        ``skills`` section count as context for ambiguous terms.
        """
        return self.mentions_in(((text, section),))[0]

    def mentions_in(self, lines: Iterable[tuple[str, str | None]]) -> list[list[Mention]]:
        """:meth:`mentions` for many ``(text, section)`` pairs at once (``nlp.pipe``)."""
        pairs = list(lines)
        docs = self.terms.pipe(self.nlp.pipe(text for text, _ in pairs))
        return [self._line_mentions(doc, section) for doc, (_, section) in zip(docs, pairs)]

    def related_in(self, texts: Iterable[str]) -> list[list[tuple[str, str]]]:
        """For each text, the ``(group id, surface)`` of every word that touches a requirement
        group without meeting it (``RequirementGroup.related_words``: "tested", "passwords"),
        in reading order, the first (longest) per group; a line holding one of the group's
        ``related_veto`` phrases ("performance review") gives none for that group.

        Matched as whole tokens in any case (spaCy ``PhraseMatcher`` on ``LOWER``); the
        matcher is built on first use (about 0.01 s).
        """
        if self._related is None:
            phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            vetoes = {}
            for group in self.taxonomy.groups:
                if group.related_words:
                    phrases.add(group.id, [self.nlp.make_doc(w) for w in group.related_words])
                if group.related_veto:
                    vetoes[group.id] = re.compile(
                        r"(?i)\b(?:" + "|".join(map(re.escape, group.related_veto)) + r")\b")
            self._related = (phrases, vetoes)
        phrases, vetoes = self._related
        found = []
        for doc in self.nlp.tokenizer.pipe(texts):
            groups: dict[str, str] = {}
            text = doc.text  # rebuilt from every token on each access: once per line
            for label, start, end in sorted(phrases(doc), key=lambda m: (m[1], -m[2])):
                group_id = self.nlp.vocab.strings[label]
                veto = vetoes.get(group_id)
                if group_id not in groups and not (veto and veto.search(text)):
                    groups[group_id] = doc[start:end].text
            found.append(list(groups.items()))
        return found

    def _line_mentions(self, doc, section: str | None) -> list[Mention]:
        """Taxonomy terms the disambiguation rules accept, then signals for other skills."""
        found = [Mention(s.label_, s.start_char, s.end_char, s.text)
                 for s in self._disambiguator.accepted(doc, section)]
        named = {m.skill_id for m in found}
        found += [Mention(m.skill_id, m.span.start_char, m.span.end_char, m.span.text, m.signal)
                  for m in self.signals.find(doc) if m.skill_id not in named]
        return found


def compile_terms(taxonomy: Taxonomy) -> Path:
    """Compile the term table of ``taxonomy`` into ``models/skill_terms.json`` beside it.

    The table is what :class:`SkillMatcher` loads instead of tokenizing every pattern; it is
    stamped with ``taxonomy.sha256``. Returns the file written (replaced whole, never
    half-written). Raises ``OSError`` when the folder is not writable.
    """
    matcher = SkillMatcher(taxonomy, compiled=False)
    target = artifact_path(taxonomy.path)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_text(matcher.terms.to_json(taxonomy.sha256), "utf-8")
    partial.replace(target)
    return target


# ------------------------------------------------------------------ compilation


def _blank_pipeline(taxonomy: Taxonomy):
    """``spacy.blank("en")`` with a tokenizer tuned for technology names.

    - URLs are found on the raw text (:mod:`analyzer.skills.disambiguation`), so spaCy's
      ``url_match`` is off and "Vue.js/React.js" splits at the slash;
    - the infix that splits "Node.JS" at a lower-case "." upper-case boundary is gone;
    - "(", ")", "," and ";" split inside a chunk ("AWS(EC2,S3)");
    - a version number after a name becomes its own token ("Python3", "Java8",
      "C++17"), so "Python" still matches;
    - one-letter abbreviations ("C.", "R.") are not kept whole, so "written in R."
      finds R; initials are told apart in :mod:`analyzer.skills.disambiguation`;
    - terms with "#" ("C#", "F#") stay one token in every casing.
    """
    # English(create_tokenizer=...) builds the one tokenizer we use; spacy.blank("en") would
    # build spaCy's default one first and load its ~1,300 special cases for nothing.
    return English(create_tokenizer=lambda nlp: _tokenizer(nlp, taxonomy))


def _tokenizer(nlp, taxonomy: Taxonomy) -> Tokenizer:
    """The tuned tokenizer of :func:`_blank_pipeline`, on ``nlp.vocab``."""
    defaults = nlp.Defaults
    rules = {k: v for k, v in defaults.tokenizer_exceptions.items()
             if not re.fullmatch(r"[A-Za-z]\.", k)}
    for skill in taxonomy.skills.values():
        for term in skill.terms:
            if "#" in term and " " not in term:
                rules.update({v: [{ORTH: v}] for v in (term, term.lower(), term.upper())})
    rules.update({j: [{ORTH: j[:2]}, {ORTH: j[2:]}] for j in _JOINED_SPECIAL_CASES})
    infixes = [p for p in defaults.infixes if r"\.(?=[A-Z" not in p] + [r"[(),;/\[\]{}]"]
    suffixes = [*defaults.suffixes, r"(?<=^[A-Za-z])\.",
                r"(?<=[A-Za-z]{2})\d+(?:\.\d+)*", r"(?<=\+\+)\d+"]
    # One Tokenizer built with everything: each setter on an existing one reloads all
    # ~1,300 special cases, which tripled the compile time.
    return Tokenizer(
        nlp.vocab, rules=rules,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=defaults.token_match, url_match=None)


def _patterns(taxonomy: Taxonomy) -> tuple[list[dict], list[dict]]:
    """SpanRuler phrase patterns: (LOWER patterns, ORTH patterns), label = skill id.

    A case-sensitive ambiguous term matches as written ("Go", never "go"); its capitals
    ("ORACLE", "GO") are a separate pattern with id ``CAPITALS`` that counts only in a
    skills list ("SWIFT" is also a bank network, "SOLID" a word in a heading). Every
    other term matches in any case.
    """
    lower, cased = [], []
    for skill in taxonomy.skills.values():
        amb = skill.ambiguity
        sensitive = {t.casefold() for t in (amb.terms or skill.terms)} \
            if amb is not None and amb.case_sensitive else set()
        for term in skill.terms:
            if term.casefold() in sensitive:
                cased.append({"label": skill.id, "pattern": term})
                if term[:1].isupper() and term.upper() != term:
                    cased.append({"label": skill.id, "pattern": term.upper(), "id": CAPITALS})
            else:  # LOWER ignores case; the tokenizer splits every casing alike
                lower.append({"label": skill.id, "pattern": term})
    return lower, cased


# ------------------------------------------------------------------ evidence


def _reports_work(line: Line) -> bool:
    """Whether a line outside the work, projects and volunteer sections says what was done:
    a past-tense action (:data:`_DONE`, not a verb of study under Education), or a verb of
    building or running software, or an -ing responsibility, in a section flattened text
    leaves such lines in (:data:`_DID`, :data:`_DOING`; not under Interests)."""
    text, section = line.text, line.section
    if section in ACHIEVEMENT_SECTIONS and _DONE.match(text) and not (
            section in ("education", "certificates") and _STUDIED.match(text)):
        return True
    return section in DISPLACED_SECTIONS and not is_list_like(text) and bool(
        _DID.search(text) or section != "interests" and _DOING.match(text))


def line_strength(line: Line, mentions: Sequence[Mention]) -> str:
    """``listed``, ``applied`` or ``quantified`` for a résumé line (see module doc)."""
    if line.is_heading or line.section not in APPLIED_SECTIONS and not _reports_work(line):
        return "listed"
    # a line that opens in lower case continues the sentence above ("… developed the portal's
    # integration in Visual Studio, C#, SQL Server and SOAP."): its commas are not a list
    continues = line.text[:1].islower() and line.section in APPLIED_SECTIONS
    # nor are those of a sentence that says what was done ("Developed a full-stack system using
    # HTML, CSS, JavaScript, PHP, and MySQL", "Platform was built using JavaScript, EJS, NodeJS")
    if not line.bullet and (is_list_like(line.text) and not continues
                            and not (_DONE.match(line.text) or _DID.search(line.text))
                            or is_skills_row(line.text, None)):
        return "listed"
    # a signal's own number counts ("team of 5", "by 40%"); a term's version does not
    return "quantified" if _has_figure(line.text, [m for m in mentions if m.signal is None]) \
        else "applied"


def _has_figure(text: str, mentions: Sequence[Mention]) -> bool:
    """Whether a line carries a figure other than a year, a date or a version."""
    chars = list(text)
    for m in mentions:  # blank the skill and a version right after it ("Java 8")
        end = m.end_char
        version = _VERSION_AFTER.match(text[end:])
        if version:
            end += version.end()
        chars[m.start_char:end] = " " * (end - m.start_char)
    rest = _NOT_FIGURES.sub(" ", "".join(chars))
    return bool(_FIGURE.search(rest))


def _title_case(text: str) -> bool:
    """Whether a line reads like course names: at least 80 % of its words of two letters or
    more (minor words aside) are capitalised ("Cloud Computing", "Introduction to Databases (A-)")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'+#.-]+", text) if w.lower() not in _MINOR_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def bare_technology(text: str, mention: Mention, category: str) -> bool:
    """Whether ``mention`` is a list item by itself, one word long, and not of a
    :data:`SUBJECT_CATEGORIES` category: "Java" or "C++" in "C, C++, Java, Assembly (Intel x86)".

    Such a line under a course heading is a list of technologies, not of course titles
    (a course is named "Unix Tools and Scripting", not "Unix"); grades and notes in
    parentheses and a course label ("Coursework:") are not part of the item.
    """
    label = _COURSE_LABEL.match(text)
    start = max(label.end() if label else 0,
                max((m.end() for m in _ITEM_SEPARATORS.finditer(text, 0, mention.start_char)), default=0))
    end = next((m.start() for m in _ITEM_SEPARATORS.finditer(text, mention.end_char)), len(text))
    item = _PARENTHESES.sub(" ", text[start:end]).strip(" \t-–—:.")
    return (category not in SUBJECT_CATEGORIES and " " not in mention.surface.strip()
            and item.casefold() == mention.surface.casefold())


def course_lines(lines: Sequence[Line]) -> list[bool]:
    """For each line (in reading order), whether it lists university courses.

    A course list is opened in the ``education`` section by a course heading ("COURSEWORK",
    "Relevant Courses") until the next heading, or by a course label line ("Coursework: …",
    "Relevant courses") over the lines that continue it without a new bullet. In a list, a line
    is a course line when it reads like course titles (:func:`_title_case`) and names no
    degree, thesis or project (those still count as evidence); a label line always is one.
    """
    flags: list[bool] = []
    opened_by: str | None = None  # "heading" or "label" while a course list is open
    for line in lines:
        text = line.text.strip()
        label = bool(_COURSE_LABEL.match(text))
        if line.section != "education" or line.is_heading:
            opened_by = "heading" if line.section == "education" and line.is_heading and label else None
            flags.append(False)
        elif label:
            opened_by = opened_by or "label"
            flags.append(True)
        elif opened_by == "label" and line.bullet:
            opened_by = None  # a new item of the education entry
            flags.append(False)
        elif opened_by and _title_case(text) and not _NOT_COURSES.search(text):
            flags.append(True)
        else:
            opened_by = None if opened_by == "label" else opened_by
            flags.append(False)
    return flags


def heading_evidence(lines: Sequence[Line]) -> list[tuple[str, Evidence]]:
    """Evidence from section headings that name an activity ("Invited Talks"): the first
    line under the heading, ``applied`` (a talk given is the skill in use); see
    :data:`analyzer.skills.signals.HEADING_SIGNALS`."""
    found = []
    for i, line in enumerate(lines):
        skill_id = heading_skill(line.text) if line.is_heading else None
        if skill_id is None:
            continue
        first = next((ln for ln in lines[i + 1:] if ln.text.strip()), None)
        if first is not None and not first.is_heading:
            found.append((skill_id, Evidence(
                source="resume", strength="applied", text=first.text.strip(),
                section=first.section, page=first.page,
                detail=f'under the heading "{line.text.strip()}"')))
    return found


def course_evidence(resume: Resume, taxonomy: Taxonomy,
                    matcher: SkillMatcher | None = None) -> list[tuple[str, Evidence]]:
    """Skills named only in course titles, as (skill id, ``listed`` evidence) pairs.

    :func:`extract_skills` gives course titles no credit (a course is not use); these pairs
    let readiness and gaps say "Cloud computing appears only as a course title" instead of
    "nothing mentions cloud". Skills with evidence elsewhere are left out by the caller.
    """
    if matcher is None:
        matcher = shared_matcher(taxonomy)
    courses = [line for line, course in zip(resume.lines, course_lines(resume.lines))
               if course and line.text.strip() and not line.is_heading]
    found = []
    for line, mentions in zip(courses, matcher.mentions_in((ln.text, ln.section) for ln in courses)):
        for mention in mentions:
            category = taxonomy.skill(mention.skill_id).category
            if category != "education" and not bare_technology(line.text, mention, category):
                found.append((mention.skill_id, Evidence(
                    source="resume", strength="listed", text=line.text.strip(),
                    section=line.section, page=line.page,
                    detail=f'a course title ("{mention.surface}")')))
    return found


_EXAMPLE_HOSTS = ("homepage.", "example.", "yourwebsite.", "yoursite.", "mywebsite.", "website.")
_SAMPLE = re.compile(r"(?i)\b(?:resume|cv)\s+(?:sample|template)s?\b|\bsample\s+(?:resume|cv)\b")
"""A link on a line like "SOFTWARE ENGINEER Resume Sample www.…" is the template site's, not the candidate's."""

_SITE_LINE = re.compile(r"^\W*((?:https?://)?(?:www\.)[\w.-]+\.[a-z]{2,}(?:/\S*)?)\s*$", re.IGNORECASE)


def _site_line(resume: Resume) -> str | None:
    """A "www." link alone on a line anywhere (a page footer): the candidate's own site, unless
    it is a profile or job board (``NOT_WEBSITES``)."""
    for line in resume.lines:
        m = _SITE_LINE.match(line.text)
        if m:
            host = re.sub(r"^(?:https?://)?www\.", "", m.group(1).lower()).split("/")[0]
            if host not in NOT_WEBSITES and not host.endswith(".linkedin.com"):
                return m.group(1)
    return None


RELATED_PER_GROUP = 3
"""At most this many lines of related words are kept per requirement group (readiness and gaps
quote the first; a bound, so a long résumé full of "test" keeps three, not hundreds)."""


def related_evidence(resume: Resume, taxonomy: Taxonomy,
                     matcher: SkillMatcher | None = None) -> list[tuple[str, Evidence]]:
    """Words that touch a requirement group without meeting it, as (group id, ``listed``
    evidence) pairs: "system test" for testing, "passwords" for security (the group's
    ``related.words`` in ``skill_taxonomy.yaml``), and a personal website link for the
    portfolio. They earn no skill; readiness uses them so that a gap says what was found
    ("Found only "system test" …") instead of "nothing mentions it". At most
    :data:`RELATED_PER_GROUP` per group, in reading order; headings are skipped.
    """
    if matcher is None:
        matcher = shared_matcher(taxonomy)
    lines = [ln for ln in resume.lines if ln.text.strip() and not ln.is_heading]
    found: list[tuple[str, Evidence]] = []
    count: dict[str, int] = {}
    for line, hits in zip(lines, matcher.related_in(ln.text for ln in lines)):
        for group_id, surface in hits:
            if count.get(group_id, 0) < RELATED_PER_GROUP:
                count[group_id] = count.get(group_id, 0) + 1
                found.append((group_id, Evidence(
                    source="resume", strength="listed", text=line.text.strip(), section=line.section,
                    page=line.page, detail=f'a related word ("{surface}")')))
    site = getattr(resume.basics, "website", None) or _site_line(resume)
    host = site.split("//")[-1].lower() if site else ""
    holder = next((ln for ln in resume.lines if host and host in ln.text.lower()), None)
    if site and count.get("portfolio", 0) < RELATED_PER_GROUP and not host.startswith(_EXAMPLE_HOSTS) \
            and not (holder and (template_text(holder.text) or _SAMPLE.search(holder.text))):
        found.append(("portfolio", Evidence(
            source="resume", strength="listed", text=holder.text.strip() if holder else site,
            section=holder.section if holder else "basics", page=holder.page if holder else 1,
            detail=f'a personal website link ("{site}")')))
    return found


PROFILE_LINK_SKILLS = ("version_control", "portfolio")
"""Skills a GitHub profile link names (``listed``): the candidate keeps code on GitHub, where
work can be looked at; it shows neither in use (that takes a repository or a bullet)."""


def profile_link_evidence(resume: Resume) -> list[tuple[str, Evidence]]:
    """``listed`` evidence of :data:`PROFILE_LINK_SKILLS` from the résumé's GitHub profile link
    (``resume.basics.github``), citing the line that holds it (else the link itself)."""
    user = getattr(resume.basics, "github", None)
    if not user:
        return []
    holder = next((ln for ln in resume.lines if "github" in ln.text.lower()
                   and user.lower() in ln.text.lower()), None)
    text = holder.text.strip() if holder else f"github.com/{user}"
    return [(skill_id, Evidence(source="resume", strength="listed", text=text,
                                section=holder.section if holder else "basics",
                                page=holder.page if holder else 1,
                                detail=f"a GitHub profile link (github.com/{user})"))
            for skill_id in PROFILE_LINK_SKILLS]


_MATCHERS: dict[str, SkillMatcher] = {}


def shared_matcher(taxonomy: Taxonomy) -> SkillMatcher:
    """The :class:`SkillMatcher` this process keeps for ``taxonomy``, compiled on first use.

    Keyed by ``taxonomy.sha256``, so an edited taxonomy file gets a new one. The first call
    costs about 0.15 s (tokenizer, term table, lemmatizer, signal rules); later calls are free.
    """
    matcher = _MATCHERS.get(taxonomy.sha256)
    if matcher is None:
        matcher = _MATCHERS.setdefault(taxonomy.sha256, SkillMatcher(taxonomy))
    return matcher


PRODUCT_CATEGORIES = frozenset({
    "runtimes", "frameworks", "orm", "databases", "servers_hosting", "cloud", "version_control",
    "devops", "messaging", "caching", "observability", "tools", "infrastructure", "data_engineering",
    "business_software", "operating_systems", "machine_learning", "collaboration", "libraries",
    "design_tools", "editors", "build_tools", "mobile", "hardware_embedded"})
"""Categories of products a company can share its name with (MongoDB, Oracle, Red Hat, Atlassian):
a language, a practice or a concept is not an employer's name, so a misread header ("SAP ABAP"
or "Testing" read as the organization) keeps its mention."""


_EMPLOYER_LINE = re.compile(
    r"^\s*(?P<org>[^-–—|,]{2,40}?)\s+[-–—|]\s+[A-Z][\w .']+,\s*[A-Z][\w .']+(?:\s*[-–—|])?\s*$")
"""A job's organization line with its place: "MongoDB -  Gurgaon, Haryana -", "Red Hat - Pune, MH"."""
_EMPLOYER_LINE_CHARS = 100
"""Longer lines are not an organization with its place (and the pattern, whose place words and
trailing spaces overlap, is kept off long hostile lines)."""


def _employer_place(text: str) -> str | None:
    """The case-folded organization of an organization-with-place line, else None."""
    if len(text) > _EMPLOYER_LINE_CHARS:
        return None
    m = _EMPLOYER_LINE.match(text)
    return " ".join(m.group("org").split()).casefold() if m else None


def employer_names(resume: Resume) -> frozenset[str]:
    """Organizations the résumé names with a place on a line of their own (see
    :data:`_EMPLOYER_LINE`), case-folded ("mongodb", "red hat")."""
    return frozenset(org for line in resume.lines if line.section in ("work", "basics")
                     for org in [_employer_place(line.text)] if org)


def is_employer(text: str, mention: Mention, employers: frozenset[str]) -> bool:
    """Whether a mention names the candidate's employer rather than a skill.

    The mention must be a whole employer name (:func:`employer_names`) on the line giving it a
    place ("MongoDB -  Gurgaon, Haryana -") or closing a short title line ("Senior Account
    Executive - MongoDB", "Account Manager at Red Hat"). A skills list, or a sentence that uses
    the product ("Migrated the catalogue to MongoDB"), keeps its mention.
    """
    name = " ".join(mention.surface.split()).casefold()
    if name not in employers:
        return False
    place = _employer_place(text)
    if place:
        return place == name
    tail = text[mention.end_char:].strip(" -–—|")
    head = text[:mention.start_char].rstrip()
    return not tail and len(text.split()) <= 8 and bool(re.search(r"(?:[-–—|@]|\bat)$", head))


def extract_skills(resume: Resume, taxonomy: Taxonomy,
                   matcher: SkillMatcher | None = None) -> tuple[SkillFinding, ...]:
    """Every skill in a parsed résumé, with one :class:`Evidence` per line mentioning it.

    Args:
        resume: an :class:`analyzer.resume.Resume` (its ``lines``: text, section, page,
            is_heading, bullet; the organizations of its ``work``; its ``basics`` links).
        taxonomy: the loaded taxonomy.
        matcher: a compiled :class:`SkillMatcher` for ``taxonomy``; when None one is
            compiled and kept for later calls with the same taxonomy file.

    Returns:
        Findings ordered by strongest evidence (quantified > applied > listed >
        implied only), then taxonomy weight (descending), then file order. Each
        finding's evidence is ordered strongest first, then by page and line.
    """
    if matcher is None:
        matcher = shared_matcher(taxonomy)
    lines = [(line, course) for line, course in zip(resume.lines, course_lines(resume.lines))
             if line.text.strip() and not line.is_heading]
    found = matcher.mentions_in((line.text, line.section) for line, _ in lines)
    employers = employer_names(resume)
    evidence: dict[str, list[Evidence]] = {}
    for (line, course), mentions in zip(lines, found):
        strength = line_strength(line, mentions)
        for mention in mentions:
            category = taxonomy.skill(mention.skill_id).category
            if category in PRODUCT_CATEGORIES and is_employer(line.text, mention, employers):
                continue  # "MongoDB - Gurgaon" over a sales job names the employer, not a skill
            if course and category != "education" and not bare_technology(line.text, mention, category):
                continue  # a course title claims no skill
            detail = None if mention.signal is None else f'read from "{mention.surface}"'
            fixed = matcher.signals.strength(mention.signal, line.section) if mention.signal else None
            item = Evidence(source="resume", strength=fixed or strength, text=line.text.strip(),
                            section=line.section, page=line.page, detail=detail)
            bucket = evidence.setdefault(mention.skill_id, [])
            if all(e.text != item.text for e in bucket):
                bucket.append(item)
    for skill_id, item in [*heading_evidence(resume.lines), *profile_link_evidence(resume)]:
        if skill_id in taxonomy.skills and all(e.text != item.text
                                               for e in evidence.get(skill_id, ())):
            evidence.setdefault(skill_id, []).append(item)
    implied = taxonomy.implied(evidence)
    order = {skill_id: i for i, skill_id in enumerate(taxonomy.skills)}
    findings = []
    for skill_id in dict.fromkeys([*evidence, *implied]):
        skill = taxonomy.skill(skill_id)
        items = sorted(evidence.get(skill_id, ()), key=lambda e: -strength_rank(e.strength))
        findings.append(SkillFinding(skill.id, skill.name, skill.category, tuple(items),
                                     implied.get(skill_id, ())))
    findings.sort(key=lambda f: (-(strength_rank(f.strength) if f.evidence else -1),
                                 -taxonomy.skill(f.id).weight, order[f.id]))
    return tuple(findings)

