"""Which way imports flow (ARCHITECTURE.md): read from the source, every import statement of
every module — function-local ones too, which is where a cycle hides.

- models/ imports nothing from ui/ and no Qt;
- models/storage/db.py, the bottom layer, imports nothing else from models;
- models/rules/ is pure: no peewee, nothing from models outside rules/;
- the import graph of models/ has no cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, anywhere in it (the `from x import y` module, and x.y when
    y is itself a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


MODULES = {module_name(p): p for p in sorted((ROOT / "models").rglob("*.py"))}
GRAPH = {name: {m for m in imports_of(path) if m in MODULES and m != name}
         for name, path in MODULES.items()}
PACKAGES = {name for name, path in MODULES.items() if path.name == "__init__.py"}


def test_models_import_no_ui_and_no_qt():
    for name, path in MODULES.items():
        bad = {m for m in imports_of(path) if m.split(".")[0] in ("ui", "PySide6", "pyqtgraph")}
        assert not bad, f"{name} imports {sorted(bad)}"


def test_the_bottom_layer_imports_nothing_else_from_models():
    assert GRAPH["models.storage.db"] - PACKAGES == set()


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("models.rules.")))
def test_rules_are_pure(name):
    outside = {m for m in imports_of(MODULES[name])
               if m.split(".")[0] in ("peewee", "sqlite3")
               or (m.startswith("models.") and not m.startswith("models.rules"))}
    assert not outside, f"{name} imports {sorted(outside)}"


def test_the_import_graph_of_models_has_no_cycle():
    edges = {name: targets - PACKAGES for name, targets in GRAPH.items()}
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(name: str) -> None:
        state[name] = "open"
        path.append(name)
        for target in sorted(edges[name]):
            if state.get(target) == "open":
                cycle = [*path[path.index(target):], target]
                pytest.fail("import cycle: " + " → ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[name] = "done"

    for name in sorted(edges):
        if name not in state:
            visit(name)


def test_the_command_line_reaches_into_ui_only_where_it_must():
    """main.py imports from ui/ only the window (ui.app), the instance lock of the commands
    that write, and the printing room of `print`, the one command that draws (ARCHITECTURE.md)."""
    ui_imports = {m for m in imports_of(ROOT / "main.py") if m.split(".")[0] == "ui"}
    allowed = {"ui.app", "ui.instance_lock", "ui.printing.sheet_pages"}
    assert {m for m in ui_imports if m.rsplit(".", 1)[0] not in allowed and m not in allowed} \
        == set()
    assert "ui.printing.sheet_pages" in ui_imports
