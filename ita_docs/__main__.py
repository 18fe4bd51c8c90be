"""``python -m ita_docs``: the same as the ``ita-docs`` command."""
import sys

from .cli import main

sys.exit(main())
