"""The package's shape: no import cycles among module-level imports, and imports inside
functions only where docs/design.md declares them (the layer contracts themselves are checked by
``lint-imports``, configured in pyproject.toml)."""

from __future__ import annotations

import ast
import fnmatch
import tomllib
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"

# Where an import inside a function is the design, not a way round a cycle:
# - the graph's convenience methods reach the later stages that serve them (to_rdf, query, ...);
# - the CLI imports each command's modules inside the command, so that `kg --help` and a typo
#   answer at once instead of loading spaCy first;
# - optional dependencies are imported where they are used, so kg runs without them.
DECLARED = {
    "kg.graph": {"kg"},
    "kg.cli": {"kg"},
    "*": {"dask", "distributed", "selenium"},
}


def _modules() -> dict[str, ast.Module]:
    out = {}
    for path in sorted(KG.rglob("*.py")):
        parts = path.relative_to(KG.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return out


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING"
    )


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_pkg: bool) -> list[str]:
    """The modules an import statement names (a `from kg.x import y` names kg.x, and kg.x.y
    when that is a module)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    base = node.module or ""
    if node.level:
        pkg = module.split(".") if is_pkg else module.split(".")[:-1]
        pkg = pkg[: len(pkg) - node.level + 1]
        base = ".".join(pkg + ([base] if base else []))
    return [base] + [f"{base}.{a.name}" for a in node.names]


def _imports(tree: ast.Module, module: str, is_pkg: bool) -> tuple[set[str], set[str]]:
    """(modules imported at module level, modules imported inside functions); imports under
    `if TYPE_CHECKING:` load nothing and are left out."""
    top: set[str] = set()
    inner: set[str] = set()

    def walk(nodes: list[ast.stmt], in_function: bool) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and _is_type_checking(node):
                walk(node.orelse, in_function)
                continue
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                (inner if in_function else top).update(_targets(node, module, is_pkg))
            for field in ("body", "orelse", "finalbody", "handlers"):
                children = getattr(node, field, None)
                if isinstance(children, list) and children and isinstance(children[0], ast.AST):
                    deeper = in_function or isinstance(
                        node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
                    )
                    walk(children, deeper)  # type: ignore[arg-type]

    walk(tree.body, False)
    return top, inner


@pytest.fixture(scope="module")
def graph() -> dict[str, tuple[set[str], set[str]]]:
    mods = _modules()
    out = {}
    for name, tree in mods.items():
        is_pkg = (KG.parent / Path(*name.split("."))).is_dir()
        top, inner = _imports(tree, name, is_pkg)
        out[name] = ({m for m in top if m in mods}, inner)
    return out


def _cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(edges.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m) :] + [m]
            if m not in state and (found := visit(m)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(edges):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_no_cycles_among_module_level_imports(graph):
    # a package's __init__ re-exports its modules: the edge package -> module is not a cycle
    # unless a module imports its own package's __init__ back, which the edges below keep
    edges = {n: {m for m in top if not m.startswith(n + ".")} for n, (top, _) in graph.items()}
    assert _cycle(edges) is None, " -> ".join(_cycle(edges) or [])
    assert "kg.run.local" in graph["kg.run"][0] and "kg.extract.mentions" in edges["kg.run.parse"]


def test_imports_inside_functions_are_the_declared_ones(graph):
    stray = {}
    for name, (_, inner) in graph.items():
        allowed = DECLARED.get(name, set()) | DECLARED["*"]
        bad = {m for m in inner if m.split(".")[0] == "kg" and "kg" not in allowed}
        bad |= {m for m in inner if m.split(".")[0] in {"dask", "distributed"} - allowed}
        if bad:
            stray[name] = sorted(bad)
    assert stray == {}
    assert graph["kg.graph"][1] >= {"kg.rdf.write"} or any(
        m.startswith("kg.rdf") for m in graph["kg.graph"][1]
    )


def _ignored_imports() -> list[tuple[str, str]]:
    config = tomllib.loads((KG.parent / "pyproject.toml").read_text(encoding="utf-8"))
    pairs = []
    for contract in config["tool"]["importlinter"]["contracts"]:
        for line in contract.get("ignore_imports", []):
            importer, _, imported = (part.strip() for part in line.partition("->"))
            pairs.append((importer, imported))
    return pairs


def test_the_contracts_exceptions_hold_only_inside_functions(graph):
    """import-linter's ignore_imports cannot tell a method's import from a module's: here a
    declared exception ("kg.graph -> kg.rdf.*") must never be a module-level import."""
    pairs = _ignored_imports()
    assert ("kg.graph", "kg.view.*") in pairs
    for importer, pattern in pairs:
        top, inner = graph[importer]
        assert not [m for m in top if fnmatch.fnmatch(m, pattern)], (importer, pattern)
        assert [m for m in inner if fnmatch.fnmatch(m, pattern)], f"stale: {importer} -> {pattern}"


def test_the_checker_sees_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
