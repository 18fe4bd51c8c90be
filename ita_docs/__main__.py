"""``python -m ita_docs``: the same as the ``ita-docs`` command."""
from .cli import run

if __name__ == "__main__":  # -- importing the module (as the import test does) runs nothing --
    run()
