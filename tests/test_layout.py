"""The package's shape: one top-level name, ``salign``, and dependencies that point one way."""

import ast
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, build_wheel

#: which parts of the project each part may import (``shared``: modules directly under verify/)
ALLOWED = {
    "theory": {"theory"},
    "shared": {"theory", "shared"},
    "verifier": {"theory", "shared", "verifier"},
    "prover": {"theory", "shared", "prover"},
    "kernel": {"theory", "shared", "prover", "kernel"},
    "experiments": {"theory", "shared", "verifier", "experiments"},
    "frontend": {"theory", "shared", "verifier", "prover", "kernel", "experiments", "frontend"},
}


def _part(module: str) -> str | None:
    """``salign.verify.prover.prove`` -> ``prover``; ``salign.theory.x`` -> ``theory``; others -> None."""
    parts = module.split(".")
    if parts[:2] == ["salign", "theory"]:
        return "theory"
    if parts[:2] == ["salign", "verify"]:
        if len(parts) >= 4 or (len(parts) == 3 and parts[2] in ALLOWED):
            return parts[2] if parts[2] in ALLOWED else "shared"
        return "shared"
    return None


def _module_of(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    return "salign." + ".".join(p for p in rel.parts if p != "__init__")


def _imports(path: Path):
    me = _module_of(path)
    pkg = me if path.name == "__init__.py" else me.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            names = [f"{mod}.{a.name}" for a in node.names] if not node.module or node.level else [mod]
            yield from names
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names)


def test_dependencies_point_one_way():
    bad = []
    for path in sorted([*(ROOT / "theory").rglob("*.py"), *(ROOT / "verify").rglob("*.py")]):
        me = _part(_module_of(path))
        for target in _imports(path):
            if target.split(".")[0] in ("theory", "verify"):
                bad.append(f"{path.relative_to(ROOT)} imports {target}: import it as salign.{target}")
                continue
            other = _part(target)
            if other is not None and other not in ALLOWED[me]:
                bad.append(f"{path.relative_to(ROOT)} ({me}) imports {target} ({other})")
    assert not bad, "\n".join(bad)


def test_the_layering_rule_can_fail():
    """The checker above would catch a verifier module importing the prover."""
    assert "prover" not in ALLOWED["verifier"] and _part("salign.verify.prover.prove") == "prover"
    assert _part("salign.verify.atomic") == "shared" and _part("salign.verify.verifier.engine") == "verifier"


@pytest.mark.slow
def test_the_wheel_installs_exactly_one_top_level_package(tmp_path):
    """``pip install .`` puts one name into site-packages: ``salign`` (no generic ``theory``/``verify``)."""
    r = build_wheel(ROOT, tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert top == {"salign"}, top
    assert "salign/theory/claim.py" in names and "salign/verify/prover/prove.py" in names
    top_level = [n for n in names if n.endswith("top_level.txt")]
    if top_level:
        assert zipfile.ZipFile(wheel).read(top_level[0]).decode().split() == ["salign"]


def test_nothing_at_the_root_shadows_the_installed_package():
    """Tests run from the repository root, where a folder named ``salign`` would be imported instead of the
    installed package (which maps ``theory/`` and ``verify/`` into it): the top-level package lives in src/."""
    assert not (ROOT / "salign").exists() and (ROOT / "src" / "salign" / "__init__.py").exists()
