"""``python -m analyzer.cli``: the same as the ``jobready`` console script."""

from analyzer.cli import main

main()
