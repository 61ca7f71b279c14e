"""The main job works wherever ``salign`` is installed: the package carries the derivations ``derive --check``
compares with, and a check says which derivations it used (the repository's inside it, the package's elsewhere)."""

import subprocess
import sys
import zipfile

import pytest

from salign.verify.frontend import derive, status
from salign.verify.frontend.cli import main

from .conftest import ROOT, build_wheel


def test_the_installed_package_carries_the_committed_derivations():
    """What the package compares with outside the repository (an editable install: the source tree's folder)."""
    shipped = derive.packaged()
    assert shipped is not None and (shipped / "L1.md").is_file()
    for f in (ROOT / "derivations").iterdir():  # the same files, not a second copy kept by hand
        assert (shipped / f.name).read_text(encoding="utf-8") == f.read_text(encoding="utf-8"), f.name


def test_inside_the_repository_the_check_uses_its_committed_folder(monkeypatch, capsys):
    monkeypatch.chdir(ROOT / "tests")  # any folder of the repository
    ref = derive.reference()
    assert ref.kind == "repository" and ref.path == ROOT / "derivations"
    assert main(["derive", "--check"]) == 0
    assert "against the repository's committed derivations/" in capsys.readouterr().out


def test_outside_the_repository_the_check_uses_the_packaged_copy_and_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert derive.repository_root() is None
    ref = derive.reference()
    assert ref.kind == "package"
    assert main(["derive", "--check"]) == 0, capsys.readouterr().out
    assert "against the derivations shipped in the installed package" in capsys.readouterr().out
    # salign check's JSON says the same (the verifier and the prover are not what is tested here)
    monkeypatch.setattr(status, "run_verify", lambda *a, **k: ({}, None))
    monkeypatch.setattr(status, "select", lambda *a, **k: status.Selection([]))
    doc = status.collect_status(None, 1, 0, 50, 1, 8.0, False, None)
    assert doc["derivations"] == "up to date" and doc["derivations_reference"]["kind"] == "package"
    assert not (tmp_path / "derivations").exists()  # nothing was written where the check ran


def test_a_folder_given_is_what_is_checked(tmp_path, capsys):
    assert main(["derive", "--check", "--out", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"of the folder {tmp_path}" in out and f"{tmp_path / 'L1.md'} (missing)" in out


@pytest.mark.slow
def test_the_wheel_ships_the_committed_derivations(tmp_path):
    """``pip install .`` carries derivations/ as salign/derivations/, byte for byte, where importlib finds them."""
    r = build_wheel(ROOT, tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    (wheel,) = tmp_path.glob("*.whl")
    z = zipfile.ZipFile(wheel)
    committed = sorted(f.name for f in (ROOT / "derivations").iterdir() if f.is_file())
    shipped = sorted(n.split("/")[-1] for n in z.namelist() if n.startswith("salign/derivations/"))
    assert shipped == committed
    for name in committed:
        assert z.read(f"salign/derivations/{name}") == (ROOT / "derivations" / name).read_bytes(), name
    site = tmp_path / "site"  # a pure-Python wheel unpacked is installed; -S: nothing else on the path
    z.extractall(site)
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); import importlib.resources as r; "
             "print(r.files('salign.derivations').joinpath('L1.md').is_file())")
    r = subprocess.run([sys.executable, "-S", "-c", probe, str(site)], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "True", r.stdout + r.stderr
