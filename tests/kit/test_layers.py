"""The package's layers are real: data flows one way, from the bottom floor up.

links → files → matching → checks → views → templating → render → integration → the package's
entry points → hooks. A module may import from its own floor or below, never above; no render
module imports another; no import cycle. Read from the code's own imports (ast), not trusted."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "macros"
FLOORS = ["links", "files", "matching", "checks", "views", "templating", "render", "integration", "__init__", "__main__", "hooks"]


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _floor(module: str) -> int:
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else "__init__"
    return FLOORS.index(name)


def imports() -> dict[str, set[str]]:
    """Each module of the package, and the modules of the package it imports."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        module = _module(path)
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                names = [f"{target}.{a.name}" for a in node.names]
                candidates = [n for n in names if (ROOT / Path(*n.split("."))).with_suffix(".py").exists()] or [target]
                found.update(c for c in candidates if c == "macros" or c.startswith("macros."))
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("macros"))
        graph[module] = {f for f in found if f != module}
    return graph


def test_no_module_imports_from_a_floor_above_its_own():
    back = [
        f"{module} (floor {FLOORS[_floor(module)]}) imports {target} (floor {FLOORS[_floor(target)]})"
        for module, targets in imports().items()
        for target in targets
        if target != "macros" and _floor(target) > _floor(module)
    ]
    assert not back, "\n".join(back)


def test_no_render_module_imports_another():
    render = {m: t for m, t in imports().items() if m.startswith("macros.render.")}
    crossing = [f"{m} imports {t}" for m, targets in render.items() for t in targets if t.startswith("macros.render.")]
    assert not crossing, crossing
    assert len(render) >= 6


def test_no_import_cycle():
    graph = imports()
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for target in graph.get(node, ()):
            if state.get(target) == 1:
                return path + [node, target]
            if target in graph and not state.get(target):
                cycle = visit(target, path + [node])
                if cycle:
                    return cycle
        state[node] = 2
        return None

    for node in graph:
        if not state.get(node):
            cycle = visit(node, [])
            assert cycle is None, " -> ".join(cycle)


def test_the_graph_is_read():
    """A negative control for the tests above: the reader finds real edges."""
    graph = imports()
    assert "macros.views.map_geometry" in graph["macros.render.map"]
    assert "macros.views.edition" in graph["macros.views.map_geometry"]
    assert "macros.links" in graph["macros.templating.environment"]
    assert len(graph) > 40
