"""The spreadsheet base in `core` knows no domain app; apps declare the columns that name
their records."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from delegations.models import Delegation
from foreignaffairs.core.spreadsheets.resources import DomainResource

SPREADSHEETS = Path(__file__).resolve().parents[2] / "foreignaffairs" / "core" / "spreadsheets"
ABOVE_CORE = (
    "partners",
    "delegations",
    "agreements",
    "foreignaffairs.reports",
    "foreignaffairs.api",
)


def imported_modules(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(SPREADSHEETS.glob("*.py")), ids=lambda path: path.name)
def test_core_spreadsheets_import_nothing_above_core_and_only_at_the_top(path):
    tree = ast.parse(path.read_text())

    above = {name for name in imported_modules(tree) if name.startswith(ABOVE_CORE)}
    top_level = {node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)}
    nested = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom) and node not in top_level
    ]

    assert above == set()
    assert nested == []


def test_a_foreign_key_column_needs_the_widget_of_the_app_that_owns_its_model():
    with pytest.raises(ImproperlyConfigured, match="partner"):

        class UndeclaredPartner(DomainResource):
            class Meta:
                model = Delegation
                fields = ("title", "partner")
