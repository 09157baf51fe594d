"""The jobready dashboard: Streamlit pages over the :mod:`analyzer` library.

``app.py`` registers the pages with ``st.navigation``; each page is a module here with a
``main()`` and small ``*_ui()`` functions that turn widgets into values and return them:

- :mod:`dashboard.analyze`     upload a résumé (and a GitHub user), read the report, save it;
- :mod:`dashboard.candidates`  search candidates and tags, history chart, compare two reports,
                               notes, exports;
- :mod:`dashboard.cohorts`     most common gaps, candidate × requirement-group heat map, the
                               cohort against its target postings, groups of similar candidates;
- :mod:`dashboard.postings`    target postings per cohort;
- :mod:`dashboard.taxonomy`    skills with the article phrases they come from, requirement
                               groups and the project catalog.

Shared parts: :mod:`dashboard.resources` (``st.cache_resource`` / ``st.cache_data`` for the
taxonomy, the spaCy matcher, the workspace database) and :mod:`dashboard.report_view` (a
report dict drawn as tabs, used by Analyze and Candidates).

First paint: modules here import only Streamlit at load time; the analyzer's heavy parts
(spaCy, pdfplumber, SQLAlchemy) are imported inside functions, after the page has drawn its
title and inputs, so a fresh server shows the page at once and loads spaCy after.

The library never imports this package (or Streamlit).
"""
