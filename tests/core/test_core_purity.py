"""core/ never imports qgis (it must run in plain Python, scripts and tests without QGIS)."""
import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "core"


@pytest.mark.parametrize("module", sorted(CORE.rglob("*.py")), ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_does_not_import_qgis(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        assert not any(name.split(".")[0] in ("qgis", "PyQt5", "processing") for name in names), module
