"""``python -m newsconv``: the same as the ``newsconv`` command."""
from .cli import main

main()
