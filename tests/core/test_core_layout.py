"""The layout of core/: one room per workflow step, no module at the top, no import loop."""
import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "core"


def module_name(path):
    parts = list(path.relative_to(CORE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path, known):
    """Plugin modules imported by ``path`` (top-level and function-level imports alike)."""
    name = module_name(path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        base = package[:len(package) - node.level + 1]
        target = ".".join(base + ([node.module] if node.module else []))
        for alias in node.names:  # "from .pkg import module" imports the module itself
            if f"{target}.{alias.name}" in known:
                found.add(f"{target}.{alias.name}")
        if target in known:
            found.add(target)
    return found - {name}


def import_graph():
    files = sorted(CORE.rglob("*.py"))
    known = {module_name(path) for path in files}
    return {module_name(path): imported_modules(path, known) for path in files}


def test_core_top_level_holds_only_packages():
    loose = [p.name for p in CORE.iterdir() if p.suffix == ".py" and p.name != "__init__.py"]
    assert loose == []
    rooms = {p.name for p in CORE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert {"runtime", "io", "sources", "resistance", "corridors", "tools"} <= rooms
    assert all((CORE / room / "__init__.py").exists() for room in rooms)


def test_no_two_core_modules_import_each_other_directly_or_in_a_loop():
    graph = import_graph()
    state, stack, loops = {}, [], []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                loops.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert loops == []


def test_the_graph_sees_function_level_imports():
    graph = import_graph()
    assert "core.corridors.circuit.multigrid" in graph["core.corridors.circuit.solvers"]  # imported lazily
    assert "core.runtime.errors" in graph["core.io.raster"]


def test_shared_rooms_never_import_the_workflow_rooms():
    below = {"runtime": set(), "io": {"runtime"}, "tools": {"runtime", "io"}}
    for module, targets in import_graph().items():
        room = module.split(".")[1] if "." in module else None
        if room in below:
            used = {target.split(".")[1] for target in targets} - {room}
            assert used <= below[room], (module, used)
