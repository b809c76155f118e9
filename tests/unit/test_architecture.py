"""The house a newcomer reads from its folders: rooms by feature, each importing only rooms
below it, no import cycles (at import or at run time), no module over 400 lines.

See docs/architecture.md. Imports under ``if TYPE_CHECKING:`` are for type checkers only and
do not count; imports inside functions do (they run).
"""

from __future__ import annotations

import ast
from pathlib import Path

import lessonkit

SRC = Path(lessonkit.__file__).parent
# bottom to top; a module may import its own room and the rooms before it
ROOMS = (
    "errors",
    "cache_folder",
    "content",
    "text",
    "style",
    "course",
    "figures",
    "quizzes",
    "widgets",
    "roleplay",
    "teacher",
    "cli",
)
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _runtime_imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(sub)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for sub in ast.walk(node)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only or not isinstance(node, ast.ImportFrom) or node.level:
            continue
        if node.module and node.module.split(".")[0] == "lessonkit":
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                known = full in MODULES or node.module == "lessonkit"
                found.append((node.lineno, full if known else node.module))
    return found


def _room(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


GRAPH = {m: _runtime_imports(p) for m, p in MODULES.items()}


def test_imports_are_absolute():
    relative = [
        f"{m}:{n.lineno}"
        for m, p in MODULES.items()
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(n, ast.ImportFrom) and n.level
    ]
    assert relative == []


def test_every_room_is_known():
    assert {_room(m) for m in MODULES} - {"", "__main__", "sample_course"} <= set(ROOMS)


def test_rooms_import_only_rooms_below_them():
    wrong = []
    for module, imports in GRAPH.items():
        room = _room(module)
        if room in ("", "__main__"):
            continue
        for line, target in imports:
            target_room = _room(target)
            if target_room not in ROOMS:  # the package itself: only its version
                if target != "lessonkit.__version__":
                    wrong.append(f"{module}:{line} imports {target}")
            elif ROOMS.index(target_room) > ROOMS.index(room):
                wrong.append(f"{module}:{line} imports {target} (room {target_room} is above {room})")
    assert wrong == []


def test_no_import_cycles():
    graph = {m: {t for _, t in imports if t in MODULES and t != m} for m, imports in GRAPH.items()}
    cycles, index, low, stack, on_stack = [], {}, {}, [], set()

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in graph:
        if module not in index:
            visit(module)
    assert cycles == []


def test_no_module_over_400_lines():
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
