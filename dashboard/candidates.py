"""Candidates page (being written)."""

from __future__ import annotations

import streamlit as st


def main() -> None:
    """The page."""
    st.title("Candidates")
