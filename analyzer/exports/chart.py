"""The readiness chart of an export: one bar per requirement group, drawn by matplotlib.

:func:`readiness_chart_svg` returns SVG text; the HTML export embeds it as a data URI so
the file stays one self-contained document (mail it, open it offline, print it).
"""

from __future__ import annotations

import base64
import io
import textwrap
from collections.abc import Mapping, Sequence

# Score bands for the bar colours: the cut-offs of the report's levels
# (analyzer.scoring.projects.candidate_level: beginner < 40 ≤ intermediate < 70 ≤ advanced).
BANDS = ((70.0, "#2e7d32"), (40.0, "#f9a825"), (0.0, "#c62828"))
NOT_ASSESSED = "#b0bec5"


def _colour(score: float) -> str:
    return next(colour for floor, colour in BANDS if score >= floor)


def readiness_chart_svg(groups: Sequence[Mapping], overall: float | None = None) -> str:
    """SVG of horizontal bars, one per group, score 0–100 on the x axis.

    Args:
        groups: ``report["readiness"]["groups"]`` (``name``, ``score`` in [0, 100],
            ``assessed``); a group not assessed gets a grey bar marked "not assessed".
        overall: the overall score in [0, 100], drawn as a dashed line when given.

    Returns:
        A standalone SVG document (text kept as text, DejaVu Sans), about 16 cm wide.
    """
    import matplotlib

    matplotlib.use("Agg", force=False)  # no display; a no-op when already set
    from matplotlib.figure import Figure

    names = ["\n".join(textwrap.wrap(str(g["name"]), 34)) or "?" for g in groups]
    height = 0.75 + 0.24 * max(len(groups), 1) + 0.1 * sum(n.count("\n") for n in names)
    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans",
                                "font.size": 8, "svg.hashsalt": "jobready"}):
        fig = Figure(figsize=(6.4, height))
        ax = fig.add_subplot()
        rows = range(len(groups))[::-1]  # first group at the top
        for y, g, label in zip(rows, groups, names):
            assessed = g.get("assessed", True)
            score = float(g.get("score") or 0.0)
            ax.barh(y, score if assessed else 100.0, height=0.66,
                    color=_colour(score) if assessed else NOT_ASSESSED,
                    hatch=None if assessed else "//", edgecolor="white" if assessed else "#90a4ae",
                    linewidth=0.0 if assessed else 0.5)
            if not assessed:
                ax.text(50, y, "not assessed", va="center", ha="center", fontsize=7, color="#263238")
            elif score >= 88:  # no room right of the bar: write inside it
                ax.text(score - 1.5, y, f"{score:g}", va="center", ha="right", fontsize=7, color="white")
            else:
                ax.text(score + 1.5, y, f"{score:g}", va="center", ha="left", fontsize=7, color="#263238")
        ax.set_yticks(list(rows), names)
        ax.set_xlim(0, 100)
        ax.set_ylim(-0.6, len(groups) - 0.1 if overall is not None else len(groups) - 0.4)
        ax.set_xticks(range(0, 101, 20))
        ax.set_xlabel("score (0–100)")
        if overall is not None:
            ax.axvline(overall, color="#37474f", linestyle="--", linewidth=1)
            ax.text(overall, len(groups) - 0.5, f" overall {overall:g}", fontsize=7,
                    color="#37474f", va="bottom", ha="left" if overall < 75 else "right")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(axis="x", color="#eceff1", linewidth=0.8)
        ax.set_axisbelow(True)
        fig.tight_layout(pad=0.4)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def data_uri(svg: str) -> str:
    """``data:image/svg+xml;base64,…`` for an ``<img src>``."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
