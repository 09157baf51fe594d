"""Which candidate skill spans a careful reader would count: the disambiguation rules.

The SpanRulers of :class:`analyzer.skills.SkillMatcher` put every taxonomy term they
find into ``doc.spans[SPANS_KEY]``; :class:`Disambiguator` keeps the spans that name a
skill and drops the ones that name a company, a place, a person or an ordinary word.
The data lives in the taxonomy's ``ambiguity`` entries (:class:`analyzer.taxonomy.Ambiguity`),
the mechanics here::

    rules = Disambiguator(taxonomy)
    rules.accepted(nlp("Engineer at Oracle, wrote services in Go"), section="work")
    # [Go]: one Span; "at Oracle" names the employer

The rules, in the order they apply:

- never inside a URL, an e-mail address or an @handle (``github.com/u/python-app``),
  unless the whole match is itself a taxonomy term;
- an ambiguous term (``Ambiguity.terms``, else the name and every alias) is vetoed by
  its ``reject_before`` / ``reject_after`` words ("American Express", "Shell Oil"),
  by a following year ("Spring 2017"), a company suffix within three words
  ("Oracle India Pvt Ltd"), "at" or "@" before it ("at Oracle"), a Title-Case name after a job
  title in a work header ("Backend Developer, Lumen Parcel"), a US state after it
  ("Spring, TX") and, for one letter, by an initial's shape ("John C. Smith",
  "Tolman, R. (2007)") or a letter-spaced heading ("E D U C AT IO N");
- with ``needs_context`` it must also have context: the skills section, a tech label
  row ("Languages: …"), a list-like line holding another skill, a recognised skill
  as its neighbour ("PHP and Shell"), a context word within three words, or a
  governing word right before it ("in Go", "using Play");
- a case-sensitive term written in capitals ("ORACLE") counts only in a skills list;
- a *common noun* (``needs_context`` without ``case_sensitive``: "cloud", "cache",
  "deployment", "communication") needs stricter context: only its own
  ``context_words`` count (not the shared CONTEXT_WORDS, not a governing word), a
  neighbour must be a technical skill or one of its own category ("teamwork and
  communication"), and written with a capital inside a Title-Case name it is vetoed
  outside the skills section ("Acme Cloud", "CS 3410 Cache Race Bot Tournament",
  "Scaling Laws for Efficient Inference") unless the word next to it in the name is
  a technical skill ("Redis Cache", "AWS Cloud") or the name is a lead-in ("Cloud
  Migration: …"); see :func:`_in_title_name`;
- of overlapping accepted spans the longest wins (``spacy.util.filter_spans``).

:func:`is_skills_row` and :func:`is_list_like` also tell :mod:`analyzer.skills.matcher` which
lines are lists rather than sentences (evidence strength). This module reads spaCy
``Doc`` objects and the taxonomy only; it never imports :mod:`analyzer.skills.matcher`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from analyzer.taxonomy.loader import Skill, Taxonomy

__all__ = ["CAPITALS", "SPANS_KEY", "Disambiguator", "is_list_like", "is_skills_row"]

SPANS_KEY = "skill_candidates"
"""``Doc.spans`` key where both SpanRulers put their candidate spans."""

CAPITALS = "capitals"
"""Pattern id of the all-capitals form of a case-sensitive term ("ORACLE" for "Oracle")."""

CONTEXT_WORDS = frozenset({
    "programming", "language", "languages", "developer", "developers", "code", "coding",
    "coded", "written", "framework", "frameworks", "scripting",
})
"""Words that make any ambiguous term a skill when within three words ("Go
programming", "Rust developer"); added to each skill's own ``context_words``. Kept
short on purpose: "development" or "services" also sit next to cities and companies."""

GOVERNING_WORDS = frozenset({"in", "with", "using", "via", "through", "on", "use", "uses", "e.g.", "eg"})
"""Words that make an ambiguous term a skill when right before it ("in Go",
"using Play", "NoSQL databases (e.g. Cassandra)": what follows "e.g." is an example of the
thing just named); kept apart from CONTEXT_WORDS because "go through" must not count."""

LABEL_WORDS = frozenset(
    "language skill tech technology technologie tool framework stack database programming "
    "environment platform library librarie software cloud infrastructure devops devop "
    "backend web scripting os operating technical expertise proficient familiar knowledge "
    "server testing messaging competencie toolkit data storage ide system".split())
"""Words (singular, lower case) whose presence in a "Label:" makes the row a skills row."""

NON_TECHNICAL_CATEGORIES = frozenset({
    "soft_skills", "education", "career", "portfolio", "certifications",
})
"""Taxonomy categories whose skills do not make a neighbouring ambiguous term a skill
("BS in Computer Engineering – Istanbul" is a degree and a city, not a test tool)."""

COMPANY_WORDS = frozenset({
    "pvt", "ltd", "limited", "inc", "corp", "corporation", "llc", "llp", "gmbh", "plc",
    "company", "co", "group", "holdings", "s.a.", "ag",
})
"""Company-name suffixes: "Oracle India Pvt Ltd" and "Shell Oil Company" are employers."""

EMPLOYER_MARKS = frozenset({"at", "@"})
"""Words right before an employer's name: "Engineer at Oracle", "Developer @ Acme"."""

TITLE_WORDS = frozenset({
    "developer", "engineer", "intern", "programmer", "architect", "manager", "analyst",
    "consultant", "lead", "scientist", "administrator", "designer", "specialist", "assistant",
    "researcher", "officer", "director", "founder", "co-founder", "contractor", "freelancer",
    "cto", "ceo", "sre", "devops", "tester", "trainee", "apprentice", "associate",
})
"""Last words of a job title. In a work header "Backend Developer, Lumen Parcel" (or with
"|", "–", "-" between) the Title-Case name after the title is the employer: "Lumen" and
"Parcel" there are not the PHP framework and the bundler."""
TITLE_SEPARATORS = frozenset({",", "|", "–", "—", "-", "·"})
"""Marks between a job title and the employer's name in a work header."""

NAME_JOINERS = frozenset({"of", "and", "for", "the", "&", "-", "'s", "’s"})
"""Lower-case words and marks inside a Title-Case name ("Unix Tools and Scripting",
"Resource-Constrained Deployment"). "with", "to" or "on" are left out: "Communication
with Product and Design" is a sentence, not a name."""

SENTENCE_MARKS = frozenset({".", "!", "?", ":", ";", "|", "•", "·", "▪", "●", "◦", "*", "–",
                            "—", "(", '"', "“"})
"""Marks after which a capital starts a sentence or an item, so it says nothing about a name."""

US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split())
"""US state codes: "Spring, TX" and "Phoenix, NY" are places (USPS abbreviations)."""

SEPARATOR_TOKENS = frozenset({
    ",", "/", "|", "•", "·", ";", "&", "and", "or", "+", "(", ")", "[", "]", ":", "-",
    "–", "—", "▪", "●", "◦", "*", "",
})
"""Tokens skipped when looking for a neighbouring skill ("PHP and Shell", "C, C++")."""

_LIST_SEPARATORS = re.compile(r"\s*[,|•·;▪●◦]\s*|\s+/\s+")
_PARENTHESES = re.compile(r"\([^()]*\)")
_LABEL = re.compile(r"^\W*([A-Za-z][A-Za-z /&+-]{0,40}?)\s*:\s*(\S.*)$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$|^['’]\d{2}$")
_URL = re.compile(
    r"""(?ix)
      \b[a-z][a-z0-9+.-]*://\S*                     # scheme://…, also "Github:// user"
    | \bwww\.\S+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                 # e-mail address
    | (?<![\w@])@\w[\w.-]*                          # @handle
    | \b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|edu|gov|co|ai|me|app|info|us|uk|in|de|
        ly|gg|tech|xyz|site|page|so|sh|cc)\b(?:/\S*)?   # bare domain, optional path
    """
)
_MULTI = re.compile(r"[\s/-]")  # a context word the tokenizer splits ("on-prem", "CI/CD")


@dataclass(frozen=True)
class _Rule:
    """The compiled ambiguity rule of one skill."""

    terms: frozenset[str]          # casefolded terms the rule applies to
    needs_context: bool
    common_noun: bool              # needs_context without case_sensitive (module doc)
    category: str                  # the skill's category: neighbours of it vouch too
    context_words: frozenset[str]  # one-token words, lower case
    context_phrases: tuple[str, ...]  # several words ("command line"), lower case
    reject_before: tuple[re.Pattern, ...]
    reject_after: tuple[re.Pattern, ...]


class Disambiguator:
    """The taxonomy's ambiguity rules compiled once; decides which candidate spans count.

    Args:
        taxonomy: the loaded taxonomy; skills with an ``ambiguity`` entry get a rule,
            every other skill is accepted wherever its term appears (outside URLs).
    """

    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy
        skills = taxonomy.skills.values()
        self._terms = frozenset(t.casefold() for s in skills for t in s.terms)
        # compiled on first use: a résumé meets a few dozen of the ~600 rules
        self._rules: dict[str, _Rule | None] = {}
        self._technical = frozenset(s.id for s in skills
                                    if s.category not in NON_TECHNICAL_CATEGORIES)

    def accepted(self, doc: Doc, section: str | None = None) -> list[Span]:
        """The candidate spans in ``doc.spans[SPANS_KEY]`` that name a skill, in reading order.

        Args:
            doc: one line of text run through the skill pipeline (its SpanRulers filled
                ``doc.spans[SPANS_KEY]``; ``span.label_`` is the skill id, ``span.id_``
                is ``CAPITALS`` for the all-capitals form of a case-sensitive term).
            section: the line's JSON Resume section, or None; ``"skills"`` is context
                for every ambiguous term.

        Returns:
            Non-overlapping spans (the longest of overlapping ones), sorted by position.
        """
        text = doc.text  # spaCy rebuilds it from every token on each access: read it once
        blocked = [m.span() for m in _URL.finditer(text)
                   if m.group().casefold().rstrip(".,;)") not in self._terms]
        candidates = [s for s in doc.spans[SPANS_KEY]
                      if not any(s.start_char < end and start < s.end_char
                                 for start, end in blocked) and not self._other_acronym(s)]
        plain, pending = [], []
        for span in candidates:
            rule = self._rule_for(span)
            if rule is None:
                plain.append(span)
            elif not _vetoed(span, rule, text):
                (pending if rule.needs_context or span.id_ == CAPITALS else plain).append(span)
        accepted = list(plain)
        skills_row = is_skills_row(text, section)
        list_like = is_list_like(text)
        changed = True
        # token indices of the accepted technical skills, and of the accepted skills of each
        # category, kept up to date as terms are accepted (not rebuilt for every term)
        technical: set[int] = set()
        by_category: dict[str, set[int]] = {}
        for span in accepted:
            self._note_accepted(span, technical, by_category)
        while pending and changed:  # one accepted ambiguous term can support the next
            changed = False
            for span in list(pending):
                rule = self._rule_for(span)
                support = _Vouching(technical, by_category.get(rule.category, set())
                                    if rule.common_noun else None)
                if rule.common_noun and not skills_row and _in_title_name(span, support):
                    continue                          # "Acme Cloud", "Cache Race Bot"
                in_list = skills_row or list_like and bool(support)
                if in_list or span.id_ != CAPITALS and _has_context(span, rule, support):
                    accepted.append(span)
                    self._note_accepted(span, technical, by_category)
                    pending.remove(span)
                    changed = True
        return sorted(filter_spans(accepted), key=lambda s: s.start)

    def _other_acronym(self, span: Span) -> bool:
        """Whether ``span`` is an acronym the line defines as something else: "(ASP)" after
        "Appalachian Service Project" names that project, not Active Server Pages; "(AWS)"
        after "Amazon Web Services" is still AWS (:func:`acronym_expansion`)."""
        expansion = acronym_expansion(span)
        if expansion is None:
            return False
        return _letters(expansion) not in {_letters(t) for t in self.taxonomy.skill(span.label_).terms}

    def _note_accepted(self, span: Span, technical: set[int],
                       by_category: dict[str, set[int]]) -> None:
        """Record an accepted span's tokens for :class:`_Vouching`."""
        tokens = range(span.start, span.end)
        if span.label_ in self._technical:
            technical.update(tokens)
        by_category.setdefault(self.taxonomy.skill(span.label_).category, set()).update(tokens)

    def _rule_for(self, span: Span) -> _Rule | None:
        if span.label_ not in self._rules:
            skill = self.taxonomy.skill(span.label_)
            self._rules[span.label_] = _compile_rule(skill) if skill.ambiguity else None
        rule = self._rules[span.label_]
        if rule is None or span.text.casefold() not in rule.terms:
            return None
        return rule


def _compile_rule(skill: Skill) -> _Rule:
    amb = skill.ambiguity
    terms = amb.terms or skill.terms

    # A word must be whole ("Royal" vetoes "Royal Shell", not "Loyal"); punctuation
    # need not be ("-" vetoes "C-level", "&D" vetoes "R&D").
    def before(word: str) -> re.Pattern:
        edge = r"(?<!\w)" if word[0].isalnum() else ""
        return re.compile(edge + re.escape(word) + r"\s*$", re.IGNORECASE)

    def after(word: str) -> re.Pattern:
        edge = r"(?!\w)" if word[-1].isalnum() else ""
        return re.compile(r"^\s*" + re.escape(word) + edge, re.IGNORECASE)

    common_noun = amb.needs_context and not amb.case_sensitive
    return _Rule(
        terms=frozenset(t.casefold() for t in terms),
        needs_context=amb.needs_context,
        common_noun=common_noun,
        category=skill.category,
        # "on-prem", "CI/CD" are several tokens to the tokenizer: match them as phrases
        context_words=frozenset(w.casefold() for w in amb.context_words if not _MULTI.search(w))
        | (frozenset() if common_noun or not amb.shared_context else CONTEXT_WORDS),
        context_phrases=tuple(w.casefold() for w in amb.context_words if _MULTI.search(w)),
        reject_before=tuple(before(w) for w in amb.reject_before),
        reject_after=tuple(after(w) for w in amb.reject_after),
    )


class _Vouching:
    """The token indices of accepted skills that may vouch for a pending term: technical skills
    ("Istanbul" next to a degree is a city) and, for a common noun, skills of its own category
    (``own``). Supports ``index in vouching`` and ``bool(vouching)``."""

    __slots__ = ("technical", "own")

    def __init__(self, technical: set[int], own: set[int] | None):
        self.technical, self.own = technical, own

    def __contains__(self, index: object) -> bool:
        return index in self.technical or self.own is not None and index in self.own

    def __bool__(self) -> bool:
        return bool(self.technical) or bool(self.own)


_ACRONYM_MINOR = frozenset({"of", "and", "the", "for", "&", "in", "on", "to", "a", "an", "-"})


def acronym_expansion(span: Span) -> str | None:
    """The words a parenthesised all-capitals ``span`` abbreviates, or None.

    "Appalachian Service Project (ASP)" → "Appalachian Service Project": the span is two to six
    capitals between "(" and ")", and the words right before the "(" (minor words such as
    "of" and "and" skipped) start with its letters, in order; or the span comes first and the
    words in the parentheses after it spell it ("LAMP (Learning Assessment Model Project)").
    """
    text, doc = span.text, span.doc
    if not (2 <= len(text) <= 6 and text.isalpha() and text.isupper()):
        return None
    if span.end + 1 < len(doc) and doc[span.end].text == "(":
        return _spelled_after(doc, span.end + 1, text.lower())  # "LAMP (Learning Assessment …)"
    if span.start < 2 or doc[span.start - 1].text != "(" or span.end >= len(doc) \
            or doc[span.end].text != ")":
        return None
    letters, i, first = list(text.lower()), span.start - 2, None
    while letters and i >= 0:
        word = doc[i].text
        if word.lower() in _ACRONYM_MINOR:
            i -= 1
            continue
        if not word[:1].isalpha() or word[0].lower() != letters[-1]:
            return None
        letters.pop()
        first = i
        i -= 1
    return None if letters or first is None else doc[first:span.start - 1].text


def _spelled_after(doc, start: int, acronym: str) -> str | None:
    """The words from ``start`` up to a ")" when their initials spell ``acronym`` (minor words
    skipped), else None."""
    letters, i = list(acronym), start
    while i < len(doc) and doc[i].text != ")":
        word = doc[i].text
        if word.lower() not in _ACRONYM_MINOR:
            if not letters or not word[:1].isalpha() or word[0].lower() != letters[0]:
                return None
            letters.pop(0)
        i += 1
    return doc[start:i].text if not letters and i < len(doc) and i > start else None


def _hyphenated(token) -> bool:
    """Whether a token is glued to a hyphen after it ("MS" of "MS-Excel")."""
    doc = token.doc
    return not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "–")


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


_REJECT_REACH = 100
"""Characters before and after a term that its ``reject_before``/``reject_after`` words are
looked for in (they are the words right next to it); a longer reach only costs time on a long line."""


def _vetoed(span: Span, rule: _Rule, text: str) -> bool:
    """Hard vetoes of an ambiguous term, whatever its context; ``text`` is ``span.doc.text``."""
    doc = span.doc
    before = text[max(0, span.start_char - _REJECT_REACH):span.start_char]
    after = text[span.end_char:span.end_char + _REJECT_REACH]
    if any(p.search(before) for p in rule.reject_before):
        return True
    if any(p.search(after) for p in rule.reject_after):
        return True
    following = [t for t in doc[span.end:span.end + 3] if not t.is_space]
    if following and _YEAR.match(following[0].text):
        return True                                   # "Spring 2017", "Fall '19"
    if any(t.lower_.rstrip(".") in COMPANY_WORDS for t in following):
        return True                                   # "Oracle India Pvt Ltd"
    previous = doc[span.start - 1] if span.start > 0 else None
    if previous is not None and previous.lower_ in EMPLOYER_MARKS:
        return True                                   # "Engineer at Oracle", "@ Acme"
    if len(following) >= 2 and following[0].text == "," and following[1].text in US_STATES \
            and not _hyphenated(following[1]):
        return True                                   # "Spring, TX", "Phoenix, NY" (not "Git, MS-Excel")
    if _in_employer_name(span):
        return True                                   # "Backend Developer, Lumen Parcel"
    return len(span.text) == 1 and (_is_initial(span, previous, following)
                                    or _is_spaced_out(span, previous, following))


def _in_employer_name(span: Span) -> bool:
    """Whether the span is a word of a name of two or more capitalised words that follows a job
    title and a separator: "Backend Developer, Lumen Parcel", "Intern | Spark Labs". A lone
    word after the title stays a skill ("Backend Engineer, Go")."""
    doc = span.doc
    start = span.start
    while start > 0 and _capitalised(doc[start - 1]):
        start -= 1
    end = span.end
    while end < len(doc) and _capitalised(doc[end]):
        end += 1
    if end - start < 2 or start < 2:
        return False
    return doc[start - 1].text in TITLE_SEPARATORS and doc[start - 2].lower_ in TITLE_WORDS


def _capitalised(token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _is_initial(span: Span, previous, following) -> bool:
    """A one-letter term written as an initial: "John C. Smith", "Tolman, R. (2007)".

    A letter and a full stop with more text after it is an initial unless a governing
    word comes before it ("in R. Then ..."); at the end of a line it ends a sentence.
    """
    if len(following) < 2 or following[0].text != "." or span.end_char != following[0].idx:
        return False
    return previous is None or previous.lower_ not in GOVERNING_WORDS


_CANDIDATE_TOKENS = "jobready.candidate_tokens"


def _is_spaced_out(span: Span, previous, following) -> bool:
    """A letter of a letter-spaced heading: "E D U C AT IO N", "E XPER IENCE C ONTINUED"."""
    candidates = span.doc.user_data.get(_CANDIDATE_TOKENS)
    if candidates is None:  # once per line, not per letter
        candidates = {i for s in span.doc.spans[SPANS_KEY] for i in range(s.start, s.end)}
        span.doc.user_data[_CANDIDATE_TOKENS] = candidates
    neighbours = [t for t in (previous, following[0] if following else None) if t is not None]
    return bool(neighbours) and all(t.is_alpha and t.is_upper and t.i not in candidates
                                    for t in neighbours)


def _has_context(span: Span, rule: _Rule, taken: _Vouching) -> bool:
    """Whether an ambiguous term has a neighbouring skill (``taken``: token indices of the
    skills that may vouch for it) or a context word."""
    doc = span.doc
    for index in (_neighbour(doc, span.start - 1, -1), _neighbour(doc, span.end, 1)):
        if index is not None and index in taken:
            return True
    if not rule.common_noun and span.start > 0 and doc[span.start - 1].lower_ in GOVERNING_WORDS:
        return True                                   # "in Go"; "in cloud" says nothing
    # three tokens either side; a common noun skips stop words and punctuation, so
    # "deployed to the cloud" and "migrated on-prem services to the cloud" reach the verb
    start, end = (_reach(doc, span.start, -1), _reach(doc, span.end - 1, 1)) \
        if rule.common_noun else (max(0, span.start - 3), span.end + 3)
    window = doc[start:end]
    if any(t.lower_.rstrip(".") in rule.context_words  # "SaaS." is one token
           for t in window if not span.start <= t.i < span.end):
        return True
    nearby = window.text.lower()
    return any(phrase in nearby for phrase in rule.context_phrases)


def _reach(doc: Doc, index: int, step: int, words: int = 3) -> int:
    """The slice bound ``words`` content words (not stop words, not punctuation) away."""
    while words and 0 <= index + step < len(doc):
        index += step
        words -= not (doc[index].is_stop or doc[index].is_punct or doc[index].is_space)
    return index if step < 0 else index + 1


def _in_title_name(span: Span, taken: _Vouching) -> bool:
    """Whether a capitalised common noun is a word of a Title-Case name.

    The name is the run of capitalised words around the span, joined by NAME_JOINERS
    and numbers ("CS 3410 Cache Race Bot Tournament", "Unix Tools and Scripting"). It
    counts as a name when it holds another capitalised word that does not start a
    sentence or an item (a capital after SENTENCE_MARKS, a number or the line start
    says nothing), unless the nearest word of the run on either side is a supporting
    skill ("Redis Cache", "AWS Cloud") or the run is an item's lead-in ("Cloud
    Migration: moved …"; "Backend Engineer, Acme Cloud: …" stays a name).
    """
    doc = span.doc
    if not span.text[:1].isupper():
        return False
    others, first = 0, span.start
    for index, step in ((span.start - 1, -1), (span.end, 1)):
        nearest = None
        while 0 <= index < len(doc):
            token = doc[index]
            if token.text[:1].isupper():
                nearest = index if nearest is None else nearest
                others += not _starts_item(doc, index)
                first = min(first, index)
            elif not (token.is_space or token.like_num or token.lower_ in NAME_JOINERS):
                break
            index += step
        if nearest in taken:
            return False
    # the right-hand walk stopped at ``index``: a ":" there closes a lead-in
    lead_in = index < len(doc) and doc[index].text == ":" and _starts_item(doc, first)
    return others > 0 and not lead_in


def _starts_item(doc: Doc, index: int) -> bool:
    """Whether the token at ``index`` starts the line, a sentence or an item."""
    index -= 1
    while index >= 0 and doc[index].is_space:
        index -= 1
    return index < 0 or doc[index].text in SENTENCE_MARKS or doc[index].like_num


def _neighbour(doc: Doc, index: int, step: int) -> int | None:
    while 0 <= index < len(doc):
        if doc[index].lower_ not in SEPARATOR_TOKENS and not doc[index].is_space:
            return index
        index += step
    return None


def is_skills_row(text: str, section: str | None) -> bool:
    """Whether the line is in the skills section or is a tech label row ("Languages: …")."""
    if section == "skills":
        return True
    label = _LABEL.match(text)
    return bool(label) and any(w.rstrip("s") in LABEL_WORDS
                               for w in re.split(r"[\s/&+-]+", label.group(1).lower()))


def is_list_like(text: str) -> bool:
    """A line of short items split by commas, pipes, bullets or semicolons."""
    label = _LABEL.match(text)
    body = _PARENTHESES.sub(" ", label.group(2) if label else text)  # "Java (5 years)"
    items = [i for i in _LIST_SEPARATORS.split(body.strip(" .")) if i.strip()]
    return len(items) >= 3 and sum(len(i.split()) for i in items) / len(items) <= 2.5

