"""Each layer of ``bot`` imports only the layers its package docstring allows."""

from __future__ import annotations

import ast
import importlib
import re

import pytest

from tests.support.paths import ROOT

PACKAGE = ROOT / "bot"
LAYERS = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())


def allowed(layer: str) -> set[str]:
    """The ``May import:`` line of a layer's docstring, as package names."""
    doc = importlib.import_module(f"bot.{layer}").__doc__ or ""
    match = re.search(r"May import:(.*?)(?:\n\n|$)", doc, re.S)
    assert match, f"bot.{layer} does not say what it may import"
    return set(re.findall(r"bot\.\w+", match.group(1)))


def imported(layer: str) -> dict[str, str]:
    """Every other bot package a layer imports, with one module that does."""
    found: dict[str, str] = {}
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        if "migrations" in path.parts:
            continue  # Alembic's scripts run with the whole package importable
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bot."):
                target = ".".join(node.module.split(".")[:2])
                if target != f"bot.{layer}":
                    found.setdefault(target, str(path.relative_to(ROOT)))
    return found


def test_every_layer_is_a_package_with_a_rule() -> None:
    assert {"domain", "nlu", "content", "store", "services", "rasa", "telegram", "app"} <= set(
        LAYERS
    )


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_imports_only_what_its_docstring_allows(layer: str) -> None:
    rule = allowed(layer)
    wrong = {pkg: where for pkg, where in imported(layer).items() if pkg not in rule}
    assert not wrong, f"bot.{layer} may import {sorted(rule) or 'nothing'}, but: {wrong}"


def test_the_domain_is_pure() -> None:
    """No framework, database or network in the programme's rules."""
    heavy = ("rasa", "rasa_sdk", "telegram", "sqlalchemy", "spacy", "httpx", "matplotlib")
    for path in (PACKAGE / "domain").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            )
            for name in names:
                assert name.split(".")[0] not in heavy, f"{path.name} imports {name}"
