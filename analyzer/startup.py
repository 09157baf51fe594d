"""Start-up of a process that analyses: load once, then keep what was loaded out of the way.

:func:`loading` wraps the loading of the pipeline (importing spaCy and pdfplumber, loading the
taxonomy, compiling the matcher) in the CLI, the batch workers and the dashboard.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["loading"]


@contextmanager
def loading() -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector off, then keep what it built out of
    later collections (``gc.freeze``) and turn the collector back on, however the block ends.

    Loading creates about a million long-lived objects and no garbage cycles worth collecting:
    the collector's passes over them were about 0.3 s of a 1.5 s cold ``jobready analyze``, and
    every later full collection walked them again, about 10 % of each analysis
    (``scripts/benchmark.py``).
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
