"""``python -m orgkg``: the same as the ``orgkg`` command."""

from orgkg.cli import main

main()
