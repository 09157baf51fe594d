"""Stage 0, the vocabulary: ``skill_taxonomy.yaml`` → a validated, frozen :class:`Taxonomy`.

Takes the YAML file (the project's, ``$JOBREADY_TAXONOMY``, or a path); gives skills with their
aliases, article sources and weights, requirement groups, the project catalog and per-language
stacks. Every stage above reads it; it imports nothing of ours but :mod:`analyzer.errors`.

- :mod:`analyzer.taxonomy.loader`: :func:`load_taxonomy`, :func:`check_taxonomy`, the frozen types;
- :mod:`analyzer.taxonomy.schema`: the pydantic schema the file is validated against.

Raises :class:`analyzer.errors.TaxonomyError` (every problem with its location) on a broken file.
"""

from analyzer.taxonomy.loader import (
                                      Ambiguity,
                                      Article,
                                      Project,
                                      RequirementGroup,
                                      Resource,
                                      Skill,
                                      Source,
                                      Stack,
                                      Taxonomy,
                                      Upgrade,
                                      check_taxonomy,
                                      default_taxonomy_path,
                                      load_taxonomy,
)

__all__ = ["Ambiguity", "Article", "Project", "RequirementGroup", "Resource", "Skill", "Source", "Stack", "Taxonomy", "Upgrade",
           "check_taxonomy", "default_taxonomy_path", "load_taxonomy"]
