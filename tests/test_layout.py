"""The layout keeps the pipeline's parts apart, read from the source with ast (nothing imported):
the model knows nothing of ours; readers and writers know nothing of each other; writers know
neither the CLI nor the package root; text/ knows neither readers nor writers; the batch uses the
core, not the public face.  Imports inside functions count as much as those at the top."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsconv"
ROOT = "newsconv"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imported(module: str) -> set[str]:
    """Every newsconv module ``module`` imports; a name taken from the package root itself
    (``from newsconv import render``) counts as importing ``newsconv``, the public face."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    return {name for name in found if name == ROOT or name.startswith(ROOT + ".")}


def in_part(module: str, part: str) -> bool:
    return module == part or module.startswith(part + ".")


def modules_of(part: str) -> list[str]:
    return sorted(name for name in MODULES if in_part(name, part))


def test_the_resolver_sees_relative_and_lazy_imports():
    assert "newsconv.model" in imported("newsconv.reading.html")
    assert "newsconv.reading" in imported("newsconv.core")  # imported inside parse()
    assert "newsconv.fonts" in imported("newsconv.writers._pdf.styles")  # from ... import fonts


def test_the_model_imports_nothing_of_ours():
    assert imported("newsconv.model") == set()


@pytest.mark.parametrize("module", modules_of("newsconv.reading"))
def test_readers_never_import_writers_or_the_cli(module):
    assert not {name for name in imported(module) if in_part(name, "newsconv.writers") or name == "newsconv.cli"
                or name in (ROOT, "newsconv.core", "newsconv.batch", "newsconv.convert")}


@pytest.mark.parametrize("module", modules_of("newsconv.writers"))
def test_writers_never_import_readers_the_cli_or_the_package_root(module):
    assert not {name for name in imported(module) if in_part(name, "newsconv.reading") or name in (
        ROOT, "newsconv.cli", "newsconv.core", "newsconv.batch", "newsconv.convert")}


@pytest.mark.parametrize("module", modules_of("newsconv.text"))
def test_text_imports_neither_readers_nor_writers(module):
    assert not {name for name in imported(module) if in_part(name, "newsconv.reading")
                or in_part(name, "newsconv.writers") or name in (ROOT, "newsconv.cli")}


@pytest.mark.parametrize("module", ["newsconv.batch", "newsconv.convert", "newsconv.core"])
def test_the_library_behind_the_cli_uses_the_core_not_the_public_face(module):
    assert ROOT not in imported(module) and "newsconv.cli" not in imported(module)


def test_the_batch_uses_a_core_module():
    assert imported("newsconv.batch") & {"newsconv.core", "newsconv.convert"}


def test_only_the_entry_points_import_the_cli():
    importers = {name for name in MODULES if "newsconv.cli" in imported(name)}
    assert importers <= {"newsconv.__main__"}
