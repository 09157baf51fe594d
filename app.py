"""The jobready dashboard (Streamlit): analyse résumés, follow candidates and cohorts.

Run it with::

    streamlit run app.py --server.address 127.0.0.1 --browser.gatherUsageStats false

(``.streamlit/config.toml`` sets the same, so plain ``streamlit run app.py`` behaves.)

This file only registers the pages; each lives in the :mod:`dashboard` package
(Analyze, Candidates, Cohorts, Postings, Taxonomy). Nothing heavy is imported here, so a
fresh server paints the page before spaCy is loaded.
"""

import streamlit as st

from dashboard.navigation import pages

# no page_icon: Streamlit fetches Material-icon favicons from a font CDN; this tool stays offline
st.set_page_config(page_title="jobready", layout="wide")
st.navigation(pages()).run()
