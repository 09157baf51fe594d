"""Skills read from what a sentence says, not from a fixed phrase: the signal rules.

A taxonomy alias finds "Leadership" or "Performance tuning"; a résumé more often says
"Led a team of 5 engineers" or "reduced p99 latency by 40%". Each :class:`Signal` is a
spaCy ``Matcher`` rule over lemmas (verb + object, numbers with units) that credits one
taxonomy skill, so the requirement group holding that skill is credited by meaning::

    nlp = spacy.blank("en"); add_lemmatizer(nlp)
    signals = SignalMatcher(nlp.vocab, taxonomy)
    signals.find(nlp("Mentored four junior engineers"))
    # [SignalMatch(skill_id="mentoring", signal="mentor_people", span=Mentored four junior engineers)]

Lemmas come from spaCy's lookup lemmatizer (``spacy-lookups-data``, offline) plus
:func:`lower_lemma`, which lemmatizes the lower-case form of capitalised words (résumé
bullets start with "Led", "Reduced", which the case-sensitive lookup table leaves alone).

The rules are data (:data:`SIGNALS`): an id, the skill it credits, token patterns and a
note saying what it reads. Every rule has good and bad cases in
``tests/skills/test_signals.py``; traps that must stay unmatched ("performance review",
"team sports", "led to a 10% increase", "trained a model") are among the bad ones. The
evidence strength is the line's (``applied`` / ``quantified`` in a work or project
bullet, ``listed`` elsewhere; see :func:`analyzer.skills.matcher.line_strength`).

:data:`HEADING_SIGNALS` read section headings ("Invited Talks", "Conference Talks"): the
lines under such a heading show the skill in use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from analyzer.taxonomy.loader import Taxonomy

__all__ = ["HEADING_SIGNALS", "SIGNALS", "Signal", "SignalMatch", "SignalMatcher", "add_lemmatizer", "lemma_table",
           "signal_lemmas"]


@dataclass(frozen=True)
class Signal:
    """One meaning rule.

    Attributes:
        id: short name, unique (``lead_team``).
        skill: taxonomy skill id it credits (``leadership``).
        patterns: spaCy ``Matcher`` token patterns (any matches).
        note: what the rule reads, in words, for the evidence detail and the docs.
        context: when set, the line must also match this pattern (years of experience
            count only in a line about software work).
        strength: when set, the evidence strength whatever the section (a dated software job
            is ``applied`` work experience even in a header line); else the line's.
        applied_in: sections where the reading is ``applied`` whatever the line's form ("Paper
            presented to the 2014 annual conference" under Publications is a talk given).
    """

    id: str
    skill: str
    patterns: tuple[list[dict], ...]
    note: str
    context: re.Pattern | None = None
    strength: str | None = None
    applied_in: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SignalMatch:
    """One signal found in a ``Doc``: the skill it credits, the rule and the matched span."""

    skill_id: str
    signal: str
    span: Span


# ------------------------------------------------------------------ vocabulary
# Small closed word lists the rules share; each is what a reviewer reads as that kind of word.

_FILLER = {"LOWER": {"NOT_IN": ["with", "by", "from", "to", "on", "in", "at", "for", "that",
                                "which", "and/or", ".", ";", ":", ",", "(", ")", "!", "?",
                                "•", "|"]}}
"""Any word (or hyphen) between a verb and its object, except prepositions that start another
phrase ("trained with consultants", "led to an increase") and sentence punctuation."""

PEOPLE = ["team", "teams", "engineer", "developer", "programmer", "member", "staff", "hire",
          "intern", "student", "junior", "colleague", "people", "analyst", "tester", "designer",
          "newcomer", "employee", "report", "contributor", "volunteer", "squad", "group"]
"""Lemmas of the people a candidate leads, mentors or works with."""

TEAM = ["team", "teams", "squad", "group", "department", "division", "organization",
        "organisation", "committee", "chapter"]
LEAD_VERBS = ["lead", "led", "manage", "supervise", "head", "direct", "oversee", "run"]
"""Lemmas ("led" too: the lookup table lemmatizes the past tense only in lower case)."""
LED_FORMS = ["led", "leading", "managed", "managing", "headed", "heading", "spearheaded",
             "spearheading", "drove", "driving", "owned", "owning", "directed", "directing"]
"""Verb forms that cannot be a job title ("Lead Engineer", "Manager" are titles)."""
EFFORTS = ["development", "design", "project", "projects", "migration", "implementation",
           "creation", "launch", "rollout", "redesign", "rewrite", "initiative", "initiatives",
           "effort", "efforts", "adoption", "transition", "delivery", "architecture", "revamp",
           "integration", "build", "campaign", "event", "events", "drive", "fundraiser",
           "fundraising", "programme", "program"]
MENTOR_VERBS = ["mentor", "coach", "train", "tutor", "teach", "onboard", "guide", "taught",
                "instruct"]
MENTEES = ["newcomer", "fresher", "joiner", "trainee", "child", "children", "kid", "pupil",
           "learner", "apprentice", "hire"]
"""Lemmas of people one mentors or teaches, besides :data:`PEOPLE`."""
TALK_NOUNS = ["talk", "talks", "presentation", "presentations", "keynote", "keynotes",
              "demonstration", "demonstrations",
              "lecture", "lectures", "webinar", "webinars", "demo", "demos", "session",
              "sessions", "workshop", "workshops", "tutorial", "tutorials", "seminar"]
AUDIENCE = ["client", "customer", "stakeholder", "stakeholders", "vendor", "management",
            "manager", "executive", "leadership", "user", "partner", "business", "faculty",
            "audience", "board", "senior", "non-technical", "nontechnical", "sponsor", "director",
            "producer", "editor", "supplier", "contractor", "parent", "patient", "family", "dean",
            "principal", "investor", "regulator", "agency"]
DOC_NOUNS = ["documentation", "doc", "docs", "document", "documents", "spec", "specs",
             "specification", "specifications", "runbook", "runbooks", "wiki", "readme",
             "readmes", "tutorial", "tutorials", "guide", "guides", "manual", "manuals",
             "rfc", "rfcs", "playbook", "handbook", "article", "articles", "blog", "blogs",
             "post", "posts", "report", "reports", "proposal", "proposals", "dld", "hld",
             "adr", "adrs"]
WRITE_VERBS = ["write", "wrote", "written", "author", "co-author", "draft", "prepare", "produce",
               "create", "maintain", "publish", "contribute", "compile", "document"]
PERF_NOUNS = ["latency", "latencies", "p99", "p95", "p90", "p50", "runtime", "run-time",
              "memory", "footprint", "cpu", "load", "response", "throughput", "size", "startup",
              "start-up", "cold-start", "overhead", "bandwidth", "utilization", "utilisation",
              "usage", "speed", "performance", "bottleneck", "bottlenecks", "lag", "jitter",
              "turnaround"]
"""What performance work makes smaller or better (not "cost", "effort", "churn"); a time only
as a program's (:data:`TIMED`)."""
TIMED = ["build", "response", "load", "loading", "query", "processing", "run", "execution", "page",
         "startup", "boot", "compile", "compilation", "deploy", "deployment", "test", "round-trip",
         "turnaround", "wait", "waiting", "render", "rendering", "cpu", "batch", "job", "import",
         "export", "download", "upload", "sync", "indexing", "release", "ci", "pipeline",
         "computation", "training", "inference", "api", "server", "transaction", "backup",
         "recovery", "restore", "migration", "search", "lookup", "access", "retrieval",
         "generation"]
"""What a reduced time belongs to when it is a program's ("build time", "query time"); "reduced
time and cost of application design" is a business's."""
REDUCE_VERBS = ["reduce", "cut", "decrease", "lower", "shrink", "trim", "halve", "minimize",
                "minimise", "shave", "slash", "drop", "bring"]
IMPROVE_VERBS = ["improve", "increase", "boost", "optimize", "optimise", "speed", "accelerate",
                 "enhance", "ensure", "maximize", "maximise", "double", "triple", "tune",
                 "profile", "fix", "resolve", "troubleshoot", "debug", "diagnose", "raise"]
IMPROVED_NOUNS = ["performance", "throughput", "latency", "speed", "responsiveness",
                  "scalability", "load", "qps", "rps", "tps", "concurrency"]
"""What performance work raises or fixes ("efficiency" has a signal of its own)."""
LOAD_UNITS = ["request", "requests", "req", "rps", "qps", "tps", "user", "users", "customer",
              "customers", "transaction", "transactions", "event", "events", "message",
              "messages", "query", "queries", "call", "calls", "record", "records", "row", "rows",
              "tb", "pb", "gb", "connection", "connections", "visitor", "visitors", "device",
              "devices", "job", "jobs", "document", "documents", "order", "orders", "hit", "hits",
              "session", "sessions", "download", "downloads", "subscriber", "subscribers",
              "mau", "dau", "tenant", "tenants", "node", "nodes", "server", "servers",
              "pageview", "pageviews", "payment", "payments"]
SERVE_VERBS = ["serve", "handle", "process", "support", "sustain", "ingest", "scale", "grow",
               "power", "stream", "absorb", "manage", "run", "accommodate"]
SYSTEMS = ["system", "systems", "service", "services", "application", "applications", "app",
           "apps", "api", "apis", "platform", "infrastructure", "database", "databases",
           "cluster", "clusters", "backend", "back-end", "pipeline", "pipelines", "server",
           "servers", "architecture", "product", "site", "website", "microservice",
           "microservices", "cache", "queue", "workload", "workloads", "deployment"]
BIG_NUMBER = {"TEXT": {"REGEX": r"^(?:\d[\d,.]*\s?(?:[kKmMbB]|[mM]n|bn)?\+?|\d+\+?)$"}}
"""A count: "10k", "2M", "1.5B", "500+", "10" (the tokenizer splits "2,200" at the comma:
see :data:`NUMBER`)."""
MAGNITUDE = {"LOWER": {"IN": ["thousand", "thousands", "million", "millions", "billion",
                              "billions", "hundreds", "k", "m", "b", "mn", "bn", "+"]}}
NUMBER = [BIG_NUMBER, {"ORTH": ",", "OP": "?"}, {"TEXT": {"REGEX": r"^\d{3}(?:\.\d+)?\+?$"},
                                                "OP": "?"}]
"""A count written with thousands separators ("8,500", "2,200+"), as token patterns."""
YEARLESS_COUNT = {"TEXT": {"REGEX": BIG_NUMBER["TEXT"]["REGEX"],
                           "NOT_IN": [str(year) for year in range(1950, 2051)]}}
"""A count of :data:`BIG_NUMBER` that is no year ("Nov 2009 Contributor and On Editorial Board"
is a date before a title, not a count of contributors)."""
MULTIPLIER = {"TEXT": {"REGEX": r"^\d+(?:\.\d+)?\s?[x×X]$"}}
PERCENT = [{"LIKE_NUM": True}, {"ORTH": "%"}]


def _any(*forms: str) -> dict:
    return {"LOWER": {"IN": list(forms)}}


def _lemma(*lemmas: str) -> dict:
    return {"LEMMA": {"IN": list(lemmas)}}


def _filler(n: int) -> dict:
    return {**_FILLER, "OP": f"{{0,{n}}}"}


NOT_SOFTWARE = ["network", "marketing", "sales", "campaign", "campaigns", "business", "financial",
                "academic", "employee", "employees", "team", "staff", "student", "students",
                "individual", "job", "personal", "store", "branch", "agent", "agents", "vendor"]
"""Words whose "performance" is not a program's ("network performance", "sales performance")."""
_PERF_FILLER = {"LOWER": {"NOT_IN": [*_FILLER["LOWER"]["NOT_IN"], *NOT_SOFTWARE]}, "OP": "{0,4}"}


SIGNALS: tuple[Signal, ...] = (
    # ------------------------------------------------------------ leadership
    Signal("lead_team", "leadership", (
        [_lemma(*LEAD_VERBS, "build", "grow", "scale", "form", "assemble", "organize",
                "organise", "mentor"), _filler(4), _lemma(*TEAM)],
        [_lemma(*LEAD_VERBS), _any("a", "an", "the", "my", "our", "his", "her", "their"),
         _filler(3), _lemma("engineer", "developer", "people", "person", "staff", "member",
                            "analyst", "tester", "report")],
        [_lemma(*LEAD_VERBS, "hire"), _filler(1), *NUMBER, _filler(2),
         _lemma("engineer", "developer", "people", "person", "staff", "member", "report",
                "analyst", "tester", "contractor")],
        [_lemma("hire"), _any("and", ","), _lemma("supervise", "manage", "lead", "mentor", "train")],
    ), "leads, builds or manages a team (\"led a team of 5\", \"scaled engineering team from 3 to 28\")"),
    Signal("lead_effort", "leadership", (
        [_any(*LED_FORMS), _any("the", "a", "an", "our", "its", "their"), _filler(2),
         _any(*EFFORTS)],
        [_any(*LED_FORMS), _any(*EFFORTS)],
        [_any("lead", "leads"), _any("the", "a", "an", "our", "its", "their"), _filler(2),
         _any(*EFFORTS)],
        [_any("team", "tech", "technical", "project"), _any("lead", "leader"), _any("for", "of", "on"),
         _filler(3), _any(*EFFORTS)],
        [_any("supervised", "supervising", "oversaw", "overseeing", "coordinated", "coordinating"),
         _filler(3), _any(*EFFORTS, "testing", "operations", "rollout", "release", "releases")],
    ), "leads a piece of work (\"led the development of\", \"managed the migration\", \"Lead the "
       "design of\", \"team lead for development of\", \"supervised the software testing\")"),
    Signal("organise_events", "leadership", (
        [_lemma("organize", "organise", "organizer", "organiser", "organizing", "organising",
                "host", "coordinate", "co-ordinate", "coordinator", "co-ordinator"),
         _filler(4), {"LOWER": {"IN": ["at", "of", "for", "in"]}, "OP": "?"}, _filler(4),
         _lemma("event", "symposium", "hackathon", "meetup", "conference", "fest", "festival",
                "competition", "contest", "camp", "bootcamp", "summit", "fundraiser")],
    ), "organises events (\"Organizer at many college events\", \"organised the annual hackathon\")",
        # an application that organises events is the candidate's software, not their soft skill
        context=re.compile(r"(?is)^(?!.*\b(?:app|apps|application|applications|website|site|platform|"
                           r"system|tool|portal|software|bot)\b.{0,40}\borgani[sz]\w*)")),
    Signal("team_management", "leadership", (
        [_lemma("team", "people", "engineering"), _any("management", "leadership", "leading")],
    ), "names managing people (\"team management skills\")"),
    Signal("head_group", "leadership", (
        [_any("team", "squad", "section", "committee", "club", "society", "chapter", "crew",
              "shift", "group"), _any("leader", "captain", "chair", "chairman", "chairperson",
                                      "chairwoman", "president", "head")],
        [_any("chair", "chairman", "chairperson", "chairwoman", "president", "captain", "head"),
         _any("of"), _filler(2), _lemma("section", "committee", "club", "society", "association",
                                        "team", "department", "board", "council", "chapter",
                                        "union", "group", "squad", "crew", "chamber")],
    ), "holds a role at the head of a group (\"Team Leader for the missions team\", \"Chair of the "
       "Section\", \"Relay for Life Team Captain\")"),
    # ------------------------------------------------------------ mentoring
    Signal("mentor_people", "mentoring", (
        # hyphenated words take three tokens: "train the first - year engineering students"
        [_lemma(*MENTOR_VERBS), _filler(5), _lemma(*PEOPLE, *MENTEES, "class", "cohort")],
        [_lemma("guide", "guided"), _filler(3), _lemma("project", "projects", "thesis", "theses",
                                                       "dissertation", "dissertations")],
        [_lemma(*MENTOR_VERBS), _any("and"), _lemma(*MENTOR_VERBS, "coach")],
        # teaching a subject: "Taught units and daily lesson plans on fitness"
        [_lemma("teach", "taught", "instruct", "tutor", "lecture"), _filler(3),
         _lemma("class", "classes", "course", "courses", "lesson", "lessons", "unit", "units",
                "subject", "subjects", "module", "modules", "curriculum", "coursework")],
        # the role, not a title: "mentor for new joiners", "trainer to the first-year students"
        [_any("mentor", "trainer", "coach", "tutor", "instructor", "buddy"), _any("for", "to"),
         _filler(2), _lemma(*PEOPLE, *MENTEES)],
        [_lemma("engineer", "developer", "employee", "hire", "joiner", "member", "staff", "intern"),
         _any("onboarding", "induction", "mentoring", "mentorship")],
        # a named subject: "Taught Australian Politics and Government …" (not "Taught myself")
        [_any("taught", "teach", "teaches", "teaching"),
         {"IS_TITLE": True, "LOWER": {"NOT_IN": ["myself", "me", "himself", "herself", "i"]}}],
        [_any("instructor", "lecturer", "tutor", "trainer", "teacher"), _any("in", "for", "of", "on"),
         _filler(3), _lemma("seminar", "course", "class", "training", "program", "programme",
                            "workshop", "lesson", "module")],
    ), "mentors, coaches or trains people (\"mentored four junior engineers\", \"mentor for new "
       "joiners\", \"new engineer onboarding\")"),
    Signal("give_training", "mentoring", (
        [_lemma("conduct", "deliver", "provide", "give", "impart", "organize", "organise",
                "coordinate", "co-ordinate", "arrange", "run", "facilitate", "schedule"), _filler(3),
         _any("training", "trainings", "guidance", "mentorship", "mentoring", "coaching")],
    ), "trains or guides others (\"conducted training in several hundred dealerships\", \"provided "
       "technical guidance to client services\")"),
    Signal("knowledge_transfer", "mentoring", (
        [_lemma("knowledge"), _lemma("transfer", "share", "sharing", "transition")],
        [_lemma("share"), _any("knowledge", "expertise", "learnings")],
    ), "passes knowledge on (\"knowledge transfers\", \"sharing knowledge with the team\")"),
    # ------------------------------------------------------------ communication
    Signal("present", "communication", (
        [_any("presented", "presenting", "presents", "present"), _filler(4),
         _any("to", "at", "before")],
        [_any("presented", "presenting"), _filler(3),
         _lemma("finding", "result", "idea", "work", "research", "paper", "poster", "proposal",
                "design", "demo", "roadmap", "update", "option", "solution", "them", "advice",
                "recommendation", "strategy", "plan", "report", "analysis", "briefing", "case")],
        [_lemma("give", "deliver", "host", "run", "lead", "participate", "conduct"), _filler(2),
         {"LOWER": {"IN": ["in", "at"]}, "OP": "?"}, _filler(2), _lemma(*TALK_NOUNS)],
        [_lemma("speak", "spoke", "talk", "present", "lecture"), _any("at", "on", "about")],
        [_any("invited", "conference", "tech", "technical", "keynote", "public", "guest"),
         _lemma("talk", "speaker", "speaking", "lecture")],
    ), "presents or speaks (\"presented findings to a group of 20+\", \"gave invited talks\", \"spoke at\")",
        applied_in=frozenset({"publications"})),  # "Paper presented to the 2014 annual conference"
    Signal("talk_to_people", "communication", (
        [_lemma("liaise", "liaison", "communicate", "interface", "discuss", "consult", "negotiate",
                "explain", "meet", "brief", "report", "advise", "interact", "engage",
                "coordinate", "correspond", "gather", "collect", "consultation", "meeting",
                "discussion", "negotiation"),
         _filler(5), _any("with", "to", "for", "between", "from"), _filler(2),
         _lemma(*AUDIENCE)],
        [_lemma("hold", "run", "lead", "facilitate", "chair", "organize", "organise", "host",
                "arrange", "schedule"),
         _filler(3), _lemma("meeting", "review", "standup", "stand-up", "retrospective",
                            "demo", "conference", "workshop")],
        # the go-between: "Act as a liaison between community services and the company"
        [_lemma("act", "serve"), _any("as"), _any("a", "an", "the", "main", "primary"), _filler(1),
         _any("liaison", "spokesperson", "spokesman", "spokeswoman", "intermediary",
              "point-of-contact", "contact")],
        # conducted meetings with people, not code reviews (that is reviewing code)
        [_lemma("conduct"), _filler(3), _lemma("meeting", "standup", "stand-up", "retrospective",
                                               "demo", "conference", "workshop", "interview")],
        # on air or on stage: "Hosted a weekly radio show"
        [_lemma("host", "present", "anchor", "moderate"), _filler(3),
         _lemma("show", "podcast", "broadcast", "panel", "webinar", "radio")],
        [_lemma("give", "provide", "share"), _filler(1), _any("feedback")],
        # "educated the patients about …", "counselled families on …"
        [_lemma("educate", "inform", "counsel", "counselled", "counseled"), _filler(2),
         _lemma(*AUDIENCE, "public", "community", "visitor", "resident", "member")],
        # "strengthened communications with key clients", "built relationships with vendors"
        [_lemma("strengthen", "improve", "enhance", "foster", "build", "establish", "maintain",
                "develop", "nurture"), _filler(2),
         _lemma("communication", "communications", "relationship", "relationships", "rapport"),
         _any("with", "among"), _filler(2),
         _lemma(*AUDIENCE, *PEOPLE, "account", "vendor", "community", "department", "office")],
        [_lemma("facilitate", "moderate", "chair"), _filler(2),
         _lemma("discussion", "session", "workshop", "meeting", "debate", "forum")],
        [_any("client", "customer"), _any("facing", "-"), _any("facing", "skills", "role")],
        [_any("communicate", "communicated", "communicating", "communicates"), _filler(3),
         _lemma("target", "objective", "requirement", "update", "status", "result", "plan", "goal",
                "finding", "decision", "change", "expectation", "progress", "risk", "issue",
                "idea", "priority", "roadmap", "timeline", "outcome", "recommendation")],
    ), "talks with clients, stakeholders or management (\"liaising with clients\")"),
    # ------------------------------------------------------------ writing
    Signal("write_docs", "documentation", (
        [_lemma(*WRITE_VERBS), _filler(4), _lemma(*DOC_NOUNS)],
        [_any("documented", "documenting")],
        [{"LOWER": "document"}, _filler(3),
         _lemma("requirement", "process", "procedure", "feature", "design", "decision", "api",
                "workflow", "architecture", "change", "finding", "system", "setup", "solution")],
        [{"ORTH": "Document"}, {"LOWER": {"NOT_IN": ["management", "control", "type", "types",
                                                     "verification", "review", "imaging"]}}],
    ), "writes documentation (\"wrote the design docs\", \"documenting features\")"),
    Signal("publish", "communication", (
        [_lemma("publish", "co-author", "author", "coauthor"), _filler(3),
         _lemma("paper", "papers", "article", "research", "book", "chapter", "post", "blog")],
        [_lemma("co", "co-"), _any("-"), _lemma("author", "authored")],
    ), "publishes papers or articles (\"co-authored paper accepted at NeurIPS\")",
        applied_in=frozenset({"publications"})),
    # ------------------------------------------------------------ teamwork
    Signal("collaborate", "teamwork", (
        [_lemma("collaborate", "partner", "cooperate")],
        [_lemma("interact", "interaction", "liaise", "liaison"), _any("with", "between", "among"),
         _filler(3), _lemma("team", "teams", "member", "colleague", "developer", "engineer",
                            "onshore", "offshore", "peer", "group")],
        [_lemma("team"), _any("up", "with")],
        [_lemma("work", "worked"), _any("closely", "together", "alongside", "jointly",
                                        "cross-functionally", "collaboratively", "cooperatively", "in")],
        [_lemma("work", "worked"), _any("with"), _filler(3),
         _lemma(*PEOPLE, "dr", "dr.", "prof", "prof.", "professor", "faculty", "designer", "scientist",
                "manager", "stakeholder", "partner", "department")],
        [_lemma("coordinate", "co-ordinate", "coordinated", "coordinating"),
         _any("with", "between", "across", "among")],
        [_any("cross-functional", "cross-functionally", "multi-disciplinary", "multidisciplinary",
              "cross-team")],
        [_any("cross"), _any("-"), _any("functional", "functionally", "team")],
        [_any("in"), _any("tandem"), _any("with")],
        [_any("part", "member"), _any("of"), _any("a", "the"), _filler(2), _lemma("team")],
        # verb forms only: "Support Engineer" and "Help Desk" are job titles
        [_any("coordinate", "coordinated", "coordinating", "assist", "assisted", "assisting",
              "helped", "helping"), _filler(2),
         _lemma("developer", "engineer", "colleague", "teammate", "team", "teacher", "manager",
                "director", "supervisor", "principal", "professor", "physician", "doctor", "nurse",
                "attorney", "lawyer", "editor", "producer", "chef", "researcher", "scientist")],
    ), "works with others (\"collaborated with\", \"worked closely with the data science team\")"),
    Signal("solve_problems", "problem_solving", (
        [_lemma("solve", "resolve"), _filler(2), _lemma("problem", "challenge")],
    ), "solves problems (\"solved problems regarding web interfaces\")"),
    # ------------------------------------------------------------ performance
    Signal("reduce_cost_of_running", "performance_optimization", (
        [_lemma(*REDUCE_VERBS), _PERF_FILLER, _lemma(*PERF_NOUNS)],
        [_lemma(*REDUCE_VERBS), _PERF_FILLER, _any(*TIMED), _lemma("time", "times", "duration")],
        # any time cut by a measured amount ("Cut report generation time by 40%")
        [_lemma(*REDUCE_VERBS), _PERF_FILLER, _lemma("time", "times", "duration"),
         {"IS_PUNCT": False, "LOWER": {"NOT_IN": ["to", "and"]}, "OP": "{0,6}"},
         _any("by", "from"), {"LIKE_NUM": True}],
        # a noun of reducing ("latency reduction"), not a clause that starts ("shift times reducing
        # employee attrition")
        [_lemma(*PERF_NOUNS), _any("reduction", "reductions", "decrease", "drop")],
    ), "makes software faster or lighter (\"reduced p99 latency by 40%\", \"cut build time from 28 to 6 minutes\")",
        # "Reduced manual reporting time by 70% through automation" saves people's time
        context=re.compile(r"(?is)^(?!.*\bmanual\s+(?:\w+\s+){0,2}(?:time|times|effort|hours?|work)\b)")),
    Signal("improve_performance", "performance_optimization", (
        [_lemma(*IMPROVE_VERBS), _PERF_FILLER, _lemma(*IMPROVED_NOUNS)],
        [_lemma("performance"), _lemma("enhancer", "enhancement", "improvement", "gain",
                                       "boost", "issue", "problem", "bottleneck", "fix",
                                       "profiling", "analysis", "monitoring", "tuning",
                                       "optimization", "optimisation", "critical", "sensitive")],
        [_any("high-performance", "low-latency", "high-throughput", "performant")],
        [_any("high", "low"), _any("-"), _any("performance", "latency", "throughput")],
        [_any("high", "low"), _any("performance", "latency", "throughput"),
         _lemma(*SYSTEMS, "computing", "kernel", "inference", "trading", "library", "code")],
    ), "improves or cares for speed (\"improved the performance of\", \"high-performance\")",
        # "high-performance concrete", "high-performance teams" are not fast software
        context=re.compile(r"(?is)^(?!.*\bhigh[-\s]performance\s+(?:concrete|cement|steel|alloys?|"
                           r"materials?|athletes?|sports?|teams?|culture|organi[sz]ations?|"
                           r"work(?:place|force)?|individuals?|employees?|staff|sales)\b)")),
    Signal("improve_efficiency", "performance_optimization", (
        [_lemma(*IMPROVE_VERBS), _PERF_FILLER, _lemma("efficiency")],
    ), "makes a program more efficient (\"improved the query efficiency by 30%\")",
        # an office's or a business's efficiency is not a program's: "improved work productivity
        # and efficiency", "increase efficiency, customer satisfaction and the bottom line"
        context=re.compile(r"(?is)^(?!.*\b(?:productivity|satisfaction|bottom\s+line|revenue|profits?|"
                           r"sales|morale|workflows?|work\s+process(?:es)?|office|staff|clinic|"
                           r"patients?|recruitment|recruiting|hiring|onboarding|admissions)\b)")),
    Signal("add_cache", "performance_optimization", (
        [_lemma("add", "introduce", "implement", "build", "design", "use", "put", "deploy",
                "configure", "write"), _filler(3), _lemma("cache", "caching")],
        [_any("cached", "memoized", "memoised")],
        [_lemma("cache"), _lemma("layer", "invalidation", "hit", "strategy", "warming", "ttl")],
    ), "adds a cache to make something faster (\"added a Redis cache in front of\")"),
    Signal("speedup", "performance_optimization", (
        [MULTIPLIER, _filler(2), _lemma("speedup", "speed-up", "faster", "improvement",
                                        "reduction", "throughput", "gain", "quicker",
                                        "smaller", "less", "fewer", "lower", "higher")],
        [*PERCENT, _any("faster", "quicker", "speedup", "speed-up", "less", "lower")],
        [{"LIKE_NUM": True}, _any("x", "×", "times"), _any("faster", "speedup", "quicker", "smaller")],
        [_lemma("speedup", "speed-up")],
        [_lemma("execute", "run", "load", "respond", "build", "start", "work"), _filler(3),
         _any("faster", "quicker")],
    ), "a measured speed-up (\"2.8x speedup\", \"40% faster\")"),
    Signal("concurrency", "concurrency", (
        [_any("concurrent", "concurrency", "multithreaded", "multi-threaded", "parallel",
              "asynchronous", "async", "non-blocking"),
         _lemma("model", "processing", "programming", "execution", "worker", "thread",
                "application", "job", "task", "crawling", "crawler", "io", "i/o", "request",
                "pipeline", "computation", "code", "server")],
        [_any("multi"), _any("-"), _any("threaded", "threading"), _lemma("application", "code",
                                                                          "programming", "server")],
    ), "works with concurrency (\"concurrent model in crawling\", \"multithreaded applications\")"),
    # ------------------------------------------------------------ scalability
    Signal("serve_load", "scalability", (
        [_lemma(*SERVE_VERBS), {"LOWER": {"NOT_IN": [*_FILLER["LOWER"]["NOT_IN"], "as"]}, "OP": "{0,4}"},
         *NUMBER, {"OP": "?", **MAGNITUDE},
         {"OP": "{0,2}", "LOWER": {"IN": ["monthly", "daily", "weekly", "concurrent", "active",
                                          "api", "http", "database", "user", "daily-active",
                                          "monthly-active", "of", "per", "a", "an", "/"]}},
         _lemma(*LOAD_UNITS)],
        [_lemma("scale", "grow"), _filler(3), _any("to", "beyond", "past"), *NUMBER,
         {"OP": "?", **MAGNITUDE}, {"OP": "?", "LEMMA": {"IN": LOAD_UNITS}}],
        [{"TEXT": {"REGEX": r"^\d[\d,.]*[kKmM]?$"}}, _any("req", "requests", "rps", "qps", "tps"),
         _any("/", "per"), _any("s", "sec", "second", "min", "minute")],
        [{"TEXT": {"REGEX": r"^\d[\d,.]*\s?(?:TB|PB|GB)$"}}, _filler(3),
         _any("day", "daily", "hour", "hourly", "month")],
    ), "serves or handles a measured load (\"scaled to 2M users\", \"handles 10k requests/s\")"),
    Signal("scale_system", "scalability", (
        [_lemma("scale", "scaled", "scaling"), _filler(2), _lemma(*SYSTEMS)],
        [_any("scalable", "scalability", "horizontally", "autoscaling", "auto-scaling")],
        [_any("high"), _any("-"), _any("traffic", "volume", "load", "availability", "scale")],
        [_any("high-traffic", "high-volume", "high-load", "web-scale", "internet-scale")],
    ), "makes a system grow (\"scaling the API\", \"scalable web applications\", \"high-traffic site\")"),
    # ------------------------------------------------------------ servers and experience
    Signal("deploy_to_servers", "server_management", (
        [_lemma("deploy", "install", "configure", "administer", "maintain", "manage",
                "provision", "patch", "upgrade", "harden", "monitor", "migrate", "set"),
         _filler(3), {"LOWER": {"IN": ["to", "on", "onto", "over", "across"]}, "OP": "?"},
         _filler(2), _lemma("server", "servers", "vm", "vms", "vps", "host", "hosts",
                            "instance", "instances")],
    ), "runs software on servers (\"deploying code over different servers\")",
        # "Managing server side of the websites" is a part of the code, not a machine
        context=re.compile(r"(?is)^(?!.*\b(?:manag|maintain|handl|develop)\w*\s+(?:the\s+)?server[\s-]+side\b)")),
    Signal("years_experience", "work_experience", (
        [*NUMBER, {"OP": "?", "LOWER": {"IN": ["+", ".", "plus"]}},
         {"OP": "?", "TEXT": {"REGEX": r"^\d+$"}}, _any("years", "yrs", "year", "yr"),
         {"OP": "?", "LOWER": {"IN": ["of", "'"]}},
         {"OP": "{0,2}", "LOWER": {"IN": ["professional", "industry", "hands-on", "it",
                                          "software", "work", "working", "relevant", "total",
                                          "development", "commercial"]}},
         _any("experience", "exp")],
    ), "states years of experience in software (\"over 10 years of experience developing\")",
        strength="applied",
        context=re.compile(r"(?i)\b(software|develop\w*|programm\w*|engineer\w*|coding|IT|web|"
                           r"applications?|technolog\w*|devops|automation|testing|QA|java|"
                           r"python|php|\.net|backend|back-end|full.?stack|front.?end)\b")),
    Signal("dated_software_role", "work_experience", (
        [_any("developer", "engineer", "programmer", "architect", "sdet", "tester", "dba",
              "devops", "administrator"), {"OP": "*", "IS_SPACE": True},
         {"OP": "?", "ORTH": {"IN": [",", "-", "–", "|", "(", ":"]}}, {"OP": "*", "IS_SPACE": True},
         {"OP": "?", "LOWER": {"IN": ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                      "sep", "sept", "oct", "nov", "dec", "january", "february",
                                      "march", "april", "june", "july", "august", "september",
                                      "october", "november", "december", "summer", "fall",
                                      "spring", "winter"]}},
         {"TEXT": {"REGEX": r"^\d{1,4}$"}}, {"OP": "?", "ORTH": {"IN": ["/", "."]}},
         {"OP": "?", "TEXT": {"REGEX": r"^\d{2,4}$"}},
         {"LOWER": {"IN": ["-", "–", "—", "to", "until", "till"]}}, _filler(2),
         {"LOWER": {"REGEX": r"^(?:present|current|now|date|today|\d{2,4})$"}}],
    ), "a software job title followed by its dates (\"Software Engineer, 1/09 to Present\")",
        strength="applied"),
    # ------------------------------------------------------------ open source and version control
    Signal("github_stars", "version_control", (
        [*NUMBER, {"OP": "?", **MAGNITUDE}, _any("github", "gh"), _lemma("star", "stars",
                                                                        "stargazer", "fork")],
        [*NUMBER, {"OP": "?", **MAGNITUDE}, _lemma("star", "stars"), _any("on"), _any("github")],
    ), "a project on GitHub with a measured following (\"2,200 GitHub stars\")"),
    Signal("count_commits", "version_control", (
        [YEARLESS_COUNT, *NUMBER[1:], {"OP": "?", **MAGNITUDE}, _any("commits")],
        [YEARLESS_COUNT, *NUMBER[1:], {"OP": "?", **MAGNITUDE}, _any("merged"), _any("prs", "pull")],
    ), "a count of commits or merged pull requests (\"380+ commits\", \"40 merged PRs\")"),
    Signal("own_project", "personal_projects", (
        [_any("personal", "academic", "mini", "capstone", "hobby", "side", "pet", "own", "college",
              "semester", "m.tech", "b.tech", "mtech", "btech", "m.e.", "b.e.", "final-year"),
         _filler(2), _any("project", "projects")],
        [_any("final"), _any("year"), _any("project", "projects")],
    ), "a project of the candidate's own (\"personal web projects\", \"Academic Projects: VoIP "
       "phone\", \"M.Tech Project\")"),
    Signal("maintain_open_source", "open_source", (
        [_lemma("maintainer", "maintain", "creator", "author", "create", "core", "committer",
                "contributor", "contribute"), _filler(4),
         _any("opensource")],
        [_lemma("maintainer", "maintain", "creator", "author", "create", "core", "committer",
                "contributor", "contribute"), _filler(4), _any("open"), {"ORTH": "-", "OP": "?"},
         _any("source")],
        [*NUMBER, {"OP": "?", **MAGNITUDE}, _any("github", "gh"), _lemma("star", "stars")],
        [YEARLESS_COUNT, *NUMBER[1:], {"OP": "?", **MAGNITUDE}, _lemma("contributor", "contributors")],
        [*NUMBER, {"OP": "?", **MAGNITUDE}, _lemma("star", "stars"), _any("on"), _any("github")],
        [_lemma("merge", "land", "upstream", "submit", "contribute"), _filler(2),
         _lemma("pull", "pr", "prs", "patch", "patches")],
    ), "maintains or contributes to an open-source project (\"maintainer of an open-source library\")"),
    # ------------------------------------------------------------ security
    Signal("secure_system", "web_security", (
        [_lemma("protect", "secure", "harden", "defend", "guard", "mitigate", "prevent"),
         _filler(4), {"LOWER": {"IN": ["from", "against"]}, "OP": "?"}, _filler(2), _lemma("attack", "attacks", "dos", "ddos", "vulnerability",
                            "vulnerabilities", "threat", "threats", "injection", "breach",
                            "exploit", "xss", "csrf", "intrusion", "abuse", "fraud", "spam")],
        [_any("security"), _lemma("feature", "fix", "patch", "audit", "review", "hardening",
                                  "consultation", "consulting", "assessment", "testing",
                                  "vulnerability", "vulnerabilities", "scan", "scanning",
                                  "control", "controls", "policy", "policies")],
        [_lemma("firewall", "firewalls", "waf")],
    ), "protects a system from attack (\"protect the system from DOS attack\", \"firewall rules\")",
        # people's abuse is not an attack on software ("Committee to Prevent Child Abuse")
        context=re.compile(r"(?is)^(?!.*\b(?:child|substance|drug|elder|alcohol|sexual|domestic|"
                           r"animal|spousal)\s+abuse\b)")),
    Signal("access_control", "authorization", (
        [_any("iam"), _lemma("role", "roles", "policy", "policies", "user", "users", "permission")],
        [_lemma("provision", "de-provision", "deprovision", "grant", "revoke", "manage", "review"),
         _filler(2), _any("access", "permission", "permissions", "entitlement", "entitlements")],
        [_any("identity"), _any("and"), _any("access"), _any("management")],
    ), "controls who may do what (\"created AWS IAM roles\", \"provisioning access\")"),
)
"""The rules, grouped by the requirement group their skill belongs to."""

HEADING_SIGNALS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"(?i)\b(?:invited |conference |public |keynote )?(?:talks|presentations|speaking"
                r"(?: engagements)?|keynotes|lectures given)\b"), "communication"),
)
"""(heading pattern, skill id): the lines under such a heading show the skill in use."""


# ------------------------------------------------------------------ lemmas


@Language.component("lower_lemma")
def lower_lemma(doc: Doc) -> Doc:
    """Lemmatize capitalised words by their lower-case form ("Led" → "lead", "Mentored" →
    "mentor"); the lookup table is case-sensitive and résumé bullets start with a capital."""
    table = _LEMMAS.get(doc.vocab)
    if table is None:
        return doc
    for token in doc:
        if token.text != token.lower_:
            token.lemma_ = table.get(token.lower_, token.lower_)
        elif token.lemma_ == "":
            token.lemma_ = token.lower_
    return doc


_LEMMAS: dict = {}
_LOOKUPS: list = []  # the English lookup tables, loaded once per process


def signal_lemmas(signals: Iterable[Signal] = SIGNALS) -> frozenset[str]:
    """Every lemma a ``LEMMA`` predicate of ``signals`` names (``IN`` and ``NOT_IN`` lists too)."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "LEMMA" and isinstance(value, str):
                    found.add(value)
                elif key == "LEMMA" and isinstance(value, dict):
                    for listed in value.values():
                        found.update([listed] if isinstance(listed, str) else listed)
                else:
                    walk(value)
        elif isinstance(node, (list, tuple)):
            for item in node:
                walk(item)

    for signal in signals:
        walk(signal.patterns)
    return frozenset(found)


def lemma_table(signals: Iterable[Signal] = SIGNALS) -> dict[str, str]:
    """The part of spaCy's English lemma lookup table (``spacy-lookups-data``) the rules can see.

    An entry is kept when its word or its lemma is a lemma the rules name
    (:func:`signal_lemmas`); every other word lemmatizes to itself. A ``LEMMA`` predicate
    gives the same answer either way: a dropped word's full-table lemma and the word itself
    are both outside the rules' lemmas. 41,582 entries become about 800, which spares
    ~0.15 s of building spaCy's hashed table at start-up.
    """
    from spacy.util import load_language_data, registry

    wanted = signal_lemmas(signals)
    full = load_language_data(registry.lookups.get("en")["lemma_lookup"])
    return {word: lemma for word, lemma in full.items() if word in wanted or lemma in wanted}


def add_lemmatizer(nlp: Language) -> None:
    """Add spaCy's lookup lemmatizer (``spacy-lookups-data``, no download) and
    :func:`lower_lemma` to ``nlp``, as its first components.

    The table is :func:`lemma_table`: what :data:`SIGNALS` can match on. Only the lemmatizer
    is initialised (``nlp.initialize()`` would reset SpanRulers that already hold patterns).
    Costs about 0.03 s once per process.
    """
    from spacy.lookups import Lookups

    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"}, first=True)
    if not _LOOKUPS:
        lookups = Lookups()
        lookups.add_table("lemma_lookup", lemma_table())
        _LOOKUPS.append(lookups)
    lemmatizer.initialize(lookups=_LOOKUPS[0])
    _LEMMAS[nlp.vocab] = lemmatizer.lookups.get_table("lemma_lookup")
    nlp.add_pipe("lower_lemma", after="lemmatizer")


# ------------------------------------------------------------------ matching


class SignalMatcher:
    """:data:`SIGNALS` compiled into spaCy ``Matcher`` objects, one per token pattern.

    The Matcher's set and regex predicates run in Python, so each pattern is tried only on
    lines that hold a word its first and last fixed tokens need (or a number, for numeric
    tokens): most lines hold none and cost a set lookup per token.

    Args:
        vocab: the pipeline's vocabulary (docs passed to :meth:`find` must be lemmatized:
            see :func:`add_lemmatizer`).
        taxonomy: rules whose skill the taxonomy lacks are left out (a custom taxonomy
            may drop soft skills); the shipped taxonomy has them all (a test checks).
        signals: the rules (default :data:`SIGNALS`).
    """

    def __init__(self, vocab: Vocab, taxonomy: Taxonomy, signals: Iterable[Signal] = SIGNALS):
        self.signals = {s.id: s for s in signals if s.skill in taxonomy.skills}
        self._patterns: list[tuple[object, Matcher]] = []   # (last anchor, matcher)
        self._by_word: dict[str, list[int]] = {}            # first-anchor word → pattern indices
        self._numeric: list[int] = []                       # patterns opening on a number
        self._always: list[int] = []                        # patterns with no usable anchor
        for signal in self.signals.values():
            for pattern in signal.patterns:
                matcher = Matcher(vocab)
                matcher.add(signal.id, [pattern])
                fixed = [token for token in pattern if token.get("OP") in (None, "!", "+")]
                index, first = len(self._patterns), _anchor(fixed[0])
                self._patterns.append((_anchor(fixed[-1]), matcher))
                if first is None:
                    self._always.append(index)
                elif first == _NUMERIC:
                    self._numeric.append(index)
                else:
                    for word in first:
                        self._by_word.setdefault(word, []).append(index)

    def strength(self, signal_id: str, section: str | None = None) -> str | None:
        """The fixed strength of a rule in a section (:attr:`Signal.strength`, ``applied`` in
        :attr:`Signal.applied_in`), None when the line decides."""
        signal = self.signals[signal_id]
        return "applied" if section in signal.applied_in else signal.strength

    def find(self, doc: Doc) -> list[SignalMatch]:
        """Signals in one doc, one per (skill, signal), longest match first, in reading order."""
        words = {t.lower_ for t in doc} | {t.lemma_ for t in doc}
        numeric = any(t.text[:1].isdigit() for t in doc)
        candidates = set(self._always)
        if numeric:
            candidates.update(self._numeric)
        for word in words:
            candidates.update(self._by_word.get(word, ()))
        best: dict[str, Span] = {}
        text = doc.text  # built from every token on each access: once per line, not per match
        in_context: dict[str, bool] = {}
        for index in sorted(candidates):
            last, matcher = self._patterns[index]
            if last is not None and not (numeric if last == _NUMERIC else not words.isdisjoint(last)):
                continue
            for match_id, start, end in matcher(doc):
                rule = doc.vocab.strings[match_id]
                context = self.signals[rule].context
                if rule not in in_context:
                    in_context[rule] = context is None or bool(context.search(text))
                if not in_context[rule]:
                    continue
                current = best.get(rule)
                if current is None or end - start > len(current) or (
                        end - start == len(current) and start < current.start):
                    best[rule] = doc[start:end]
        found = [SignalMatch(self.signals[rule].skill, rule, span) for rule, span in best.items()]
        return sorted(found, key=lambda m: m.span.start)


_NUMERIC = "numeric"


def _anchor(token: dict):
    """What a line must hold for a pattern token to match: a set of lower-case words or
    lemmas, :data:`_NUMERIC` (a token starting with a digit), or None (cannot tell)."""
    if "TEXT" in token or "LIKE_NUM" in token:
        return _NUMERIC
    words: set[str] = set()
    for key in ("LEMMA", "LOWER", "ORTH"):
        value = token.get(key)
        if isinstance(value, str):
            words.add(value.lower())
        elif isinstance(value, dict) and "IN" in value:
            words.update(v.lower() for v in value["IN"])
        elif value is not None:
            return None
    return frozenset(words) or None


def heading_skill(text: str) -> str | None:
    """The skill a section heading shows in use (:data:`HEADING_SIGNALS`), or None."""
    return next((skill for pattern, skill in HEADING_SIGNALS if pattern.search(text)), None)
