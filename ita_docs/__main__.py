"""``python -m ita_docs``: the same as the ``ita-docs`` command."""
import sys

from .cli import main

if __name__ == "__main__":  # -- importing the module (as the import test does) runs nothing --
    sys.exit(main())
