"""Imports flow one way, input → model → view → template → .docx → PDF (docs/ARCHITECTURE.md).

Three checks over every module of ``ita_docs``: each imports alone, in a fresh interpreter
(so no module works only because another was imported first); no module imports a module
of a later layer (``LAYERS``, the table of docs/ARCHITECTURE.md); and the graph of imports
has no cycle, imports inside functions included (they must not be a way round one).
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ita_docs"

#: The layers, lowest first: a module may import its own layer and the layers before it.
#: ``name.*`` is a package and everything in it; a bare name is that module only.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("ita_docs.errors", "ita_docs.thai.*", "ita_docs.resources", "ita_docs.archive", "ita_docs.output")),
    ("model", ("ita_docs.model.*", "ita_docs.framework.*", "ita_docs.presets.*", "ita_docs.scoring",
               "ita_docs.computed")),
    ("input", ("ita_docs.io.*",)),
    ("view", ("ita_docs.rendering.views.*", "ita_docs.rendering.tables", "ita_docs.rendering.widths",
              "ita_docs.rendering.measure", "ita_docs.rendering.linebreak", "ita_docs.rendering.formats",
              "ita_docs.rendering.oxml")),
    ("check", ("ita_docs.consistency", "ita_docs.cycle")),
    ("template", ("ita_docs.rendering.environment", "ita_docs.rendering.templates",
                  "ita_docs.rendering.template_rules", "ita_docs.rendering.patched_sources",
                  "ita_docs.rendering.compiled",
                  "ita_docs.rendering.template_check", "ita_docs.rendering.postprocess",
                  "ita_docs.rendering.package")),
    ("docx", ("ita_docs.rendering", "ita_docs.rendering.document", "ita_docs.rendering.output")),
    ("pdf", ("ita_docs.rendering.pdf", "ita_docs.rendering.pdf_text", "ita_docs.rendering.paged_tables",
             "ita_docs.rendering.pdfa_check", "ita_docs.rendering.libreoffice.*")),
    ("batch", ("ita_docs.batch",)),
    # -- a Word file back into data: it renders what it read to check that nothing was lost --
    ("import", ("ita_docs.importing.*",)),
    ("interface", ("ita_docs", "ita_docs.__main__", "ita_docs.cli", "ita_docs.web.*")),
)


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def layer_of(module: str) -> int:
    """The index in ``LAYERS`` of *module*: an exact entry, else the longest ``name.*`` holding it."""
    best: tuple[int, int] | None = None
    for index, (_, names) in enumerate(LAYERS):
        for name in names:
            if name == module:
                return index
            prefix = name.removesuffix(".*")
            if name.endswith(".*") and (module == prefix or module.startswith(prefix + ".")):
                if best is None or len(prefix) > best[0]:
                    best = (len(prefix), index)
    if best is None:
        raise LookupError(f"{module} is in no layer of tests/test_imports.py LAYERS (and docs/ARCHITECTURE.md)")
    return best[1]


def _is_type_checking(test: ast.expr) -> bool:
    return "TYPE_CHECKING" in ast.unparse(test) and "not" not in ast.unparse(test)


def imports(module: str) -> Iterator[tuple[str, int, bool]]:
    """(imported ita_docs module, line, inside a function) for each import *module* runs."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    def visit(node: ast.AST, in_function: bool) -> Iterator[tuple[str, int, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                yield from (i for c in child.orelse for i in visit_one(c, in_function))
                continue
            yield from visit_one(child, in_function)

    def visit_one(child: ast.AST, in_function: bool) -> Iterator[tuple[str, int, bool]]:
        if isinstance(child, ast.ImportFrom):
            base = child.module or ""
            if child.level:
                anchor = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            if base.startswith("ita_docs"):
                subs = [f"{base}.{a.name}" for a in child.names if f"{base}.{a.name}" in MODULES]
                yield from ((target, child.lineno, in_function) for target in subs or [base])
        elif isinstance(child, ast.Import):
            yield from ((a.name, child.lineno, in_function) for a in child.names if a.name.startswith("ita_docs"))
        if not isinstance(child, ast.ImportFrom | ast.Import):
            yield from visit(child, in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef))

    yield from visit(ast.parse(path.read_text(encoding="utf-8")), False)


def _ancestors(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def import_graph() -> dict[str, set[str]]:
    """Who imports whom when imported, the packages a submodule's import runs included.

    A package that is an ancestor of the importer is left out: it has run before the importer
    starts, so importing it again runs nothing.
    """
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        edges: set[str] = set()
        for target, _, _ in imports(module):
            edges |= {t for t in {target, *_ancestors(target)} if t in MODULES}
        graph[module] = edges - _ancestors(module) - {module}
    return graph


def test_every_module_is_in_a_layer() -> None:
    for module in MODULES:
        layer_of(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_layers(module: str) -> None:
    """A module imports only from its own layer and those before it, inside functions too."""
    mine = layer_of(module)
    upward = [f"{MODULES[module].relative_to(PACKAGE.parent)}:{line} imports {target} "
              f"({LAYERS[layer_of(target)][0]}, above {LAYERS[mine][0]})"
              for target, line, _ in imports(module) if layer_of(target) > mine]
    assert not upward, "\n".join(upward)


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of *graph*, or None (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target):], target]
            if target not in state and (found := walk(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := walk(node)):
            return found
    return None


def test_no_import_cycle() -> None:
    cycle = _cycle(import_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_cycle_search_finds_a_cycle() -> None:
    """The search above can fail: a two-module loop and a loop through a package are found."""
    assert _cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
    assert _cycle({"p.x": {"p"}, "p": {"q"}, "q": {"p.x"}}) is not None
    assert _cycle({"a": {"b"}, "b": set()}) is None


_ALONE = """
import importlib, json, sys, traceback
failed = {}
for name in json.loads(sys.argv[1]):
    for loaded in [m for m in sys.modules if m == "ita_docs" or m.startswith("ita_docs.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception:
        failed[name] = traceback.format_exc(limit=-3)
print(json.dumps(failed))
"""

BATCHES = 4


@pytest.mark.parametrize("batch", range(BATCHES))
def test_each_module_imports_alone(batch: int) -> None:
    """Each module imports first, in a fresh interpreter (one interpreter per batch, and every
    ``ita_docs`` module forgotten before the next, so each starts from nothing of ours)."""
    names = sorted(MODULES)[batch::BATCHES]
    names = names[::-1] if batch % 2 else names  # -- and in both orders --
    done = subprocess.run([sys.executable, "-c", _ALONE, json.dumps(names)], capture_output=True, text=True,
                          timeout=300, check=False, cwd=PACKAGE.parent)
    assert done.returncode == 0, done.stderr
    failed = json.loads(done.stdout.strip().splitlines()[-1])
    assert not failed, "\n".join(f"{name}:\n{error}" for name, error in failed.items())


def test_a_module_with_an_upward_import_is_caught() -> None:
    """The direction check can fail: a model module importing rendering would be reported."""
    assert layer_of("ita_docs.rendering.document") > layer_of("ita_docs.model.base")
    assert layer_of("ita_docs.io.readers") > layer_of("ita_docs.model")
    with pytest.raises(LookupError):
        layer_of("elsewhere.module")
