"""The apps import one way: config <- beneficiaries <- meals, workshops <- tasks <- demo.

``config`` (the base) imports no domain app, no domain app imports ``tasks``, and ``meals`` and
``workshops`` do not import each other. Migrations are history and are not checked.
"""

import ast
from pathlib import Path

import pytest

from tests.support import ROOT

LAYER = {"config": 0, "beneficiaries": 1, "meals": 2, "workshops": 2, "tasks": 3, "demo": 4}


def imported_apps(path: Path) -> set[tuple[int, str]]:
    """(line, app) for every project app a module imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found |= {(node.lineno, name.split(".")[0]) for name in names if name.split(".")[0] in LAYER}
    return found


def modules_of(app: str) -> list[Path]:
    return [path for path in sorted((ROOT / app).rglob("*.py")) if "migrations" not in path.parts]


@pytest.mark.parametrize("app", LAYER)
def test_an_app_imports_only_the_layers_below_it(app):
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {other}"
        for path in modules_of(app)
        for line, other in imported_apps(path)
        if other != app and LAYER[other] >= LAYER[app]
    ]
    assert wrong == []


def test_the_check_sees_a_wrong_import(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("def f():\n    from tasks.retention import data_subject_export\n")
    assert imported_apps(module) == {(2, "tasks")}
