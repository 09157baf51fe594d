"""Homonym precision: a common word is never a technology without context.

Table-driven good and bad cases for every homonym rule the issue names (Beam, Spark, Consul,
Packer, Chef, Puppet, Salt, Make, Ant, Flux, Swift, Julia, Go, R), then a generated pair for
every homonym of technologies.yaml: the word at the start of an ordinary sentence is not a
technology; the same word in a skills list is.
"""

from __future__ import annotations

import pytest

from analyzer.skills.matcher import SkillMatcher


@pytest.fixture(scope="module")
def matcher(taxonomy):
    return SkillMatcher(taxonomy)


def found(matcher, text: str, section: str | None = "work") -> set[str]:
    return {m.skill_id for m in matcher.mentions(text, section)}


CASES = [
    # (skill id, text, section, expected)
    ("apache_beam", "Built batch and streaming pipelines with Apache Beam on Dataflow", "work", True),
    ("apache_beam", "Beam pipelines in Python feeding BigQuery", "work", True),
    ("apache_beam", "Designed the support beam layout for the warehouse floor", "work", False),
    ("apache_beam", "Beam me up: a talk on teleportation in science fiction", "work", False),
    ("apache_spark", "Tools: Spark, Hadoop, Hive, Kafka", None, True),
    ("apache_spark", "Processed 2 TB per day with Spark jobs on a YARN cluster", "work", True),
    ("apache_spark", "Helped spark interest in engineering among students", "work", False),
    ("apache_spark", "Spark joy: organised the office move", "work", False),
    ("hashicorp_consul", "Service discovery with Consul and Vault on Nomad", "work", True),
    ("hashicorp_consul", "Served as honorary consul for the embassy", "work", False),
    ("hashicorp_consul", "Consul General of Canada, 2015 – 2017", "work", False),
    ("hashicorp_packer", "Baked AMIs with Packer and Terraform", "work", True),
    ("hashicorp_packer", "Worked as a packer in a food warehouse", "work", False),
    ("hashicorp_packer", "Packer and forklift operator", "work", False),
    ("ansible", "Configuration management: Chef, Puppet", None, True),
    ("ansible", "Worked as a sous chef in a busy kitchen", "work", False),
    ("ansible", "Puppet theatre volunteer for a children's festival", "work", False),
    ("salt", "Managed 300 minions with Salt states and SaltStack", "work", True),
    ("salt", "Reduced salt use in the cafeteria menu by 20%", "work", False),
    ("salt", "Salt Lake City, UT", "basics", False),
    ("make", "Automated builds with Make and CMake for C++ services", "work", True),
    ("make", "Make sure every release has notes", "work", False),
    ("apache_ant", "Build tools: Ant, Maven, Gradle", None, True),
    ("apache_ant", "Wrote Ant build scripts for the Java services", "work", True),
    ("apache_ant", "Ant colony optimisation for route planning", "projects", False),
    ("fluxcd", "GitOps on Kubernetes with Flux and Helm", "work", True),
    ("fluxcd", "The team was in a state of flux during the merger", "work", False),
    ("fluxcd", "Flux of new customers doubled after the launch", "work", False),
    ("swift", "Built iOS apps in Swift and SwiftUI", "work", True),
    ("swift", "Handled SWIFT payments and swift transfers for the bank", "work", False),
    ("julia", "Numerical code in Julia and Python", "work", True),
    ("julia", "Julia Roberts, Office Manager", "basics", False),
    ("go", "Backend services written in Go and PostgreSQL", "work", True),
    ("go", "Go to market plan for the new product", "work", False),
    ("go", "Ready to go the extra mile", "summary", False),
    ("r", "Statistical models in R and Python", "work", True),
    ("r", "Led R&D for the new product line", "work", False),
    ("r", "John R. Smith", "basics", False),
    ("c", "Languages: C, C++, Java", None, True),
    ("c", "Achieved C1 Advanced English certificate", "education", False),
    ("microsoft_excel", "Reporting in Excel, Word and PowerPoint", "work", True),
    ("microsoft_excel", "Excel at building rapport with customers", "summary", False),
    ("hcl", "Wrote Terraform modules in HCL", "work", True),
    ("hcl", "HCL Technologies, Software Developer", "work", False),
]


@pytest.mark.parametrize("skill_id, text, section, expected", CASES)
def test_homonym_rule(matcher, skill_id, text, section, expected):
    assert (skill_id in found(matcher, text, section)) is expected, text


def _homonyms(taxonomy):
    return [(t.id, term) for t in taxonomy.technologies if t.ambiguity
            for term in (t.ambiguity.terms or t.terms) if " " not in term]


def test_every_technology_homonym_needs_context(taxonomy, matcher):
    wrong = []
    for skill_id, term in _homonyms(taxonomy):
        if skill_id in found(matcher, f"{term} was on the agenda of the weekly meeting.", "summary"):
            wrong.append(f"{skill_id}: {term}")
    assert not wrong


def test_every_technology_homonym_counts_in_a_skills_list(taxonomy, matcher):
    missed = []
    for skill_id, term in _homonyms(taxonomy):
        if skill_id not in found(matcher, f"{term}, PostgreSQL, Docker", "skills"):
            missed.append(f"{skill_id}: {term}")
    assert not missed
