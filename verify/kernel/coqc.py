"""Running ``coqc``: each compilation in a process group of its own, ended whole at its limit.

``psatz`` starts ``csdp``; a ``coqc`` stopped on its own would leave it running, so the whole group is killed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

#: seconds one tactic may take when a script is tried (Coq's ``Timeout``)
TACTIC_S = 20
#: seconds one ``coqc`` may take before its process group is ended
COMPILE_S = 60


class CoqMissing(RuntimeError):
    """``coqc`` is not installed."""


def coqc() -> str:
    path = shutil.which("coqc")
    if not path:
        raise CoqMissing("coqc was not found: install Coq (Debian: apt-get install coq coinor-csdp) to check proofs "
                         "with the Coq kernel")
    return path


def version() -> str:
    out = subprocess.run([coqc(), "--version"], capture_output=True, text=True, timeout=30).stdout
    return out.split("\n")[0].strip()


@dataclass
class Compiled:
    ok: bool
    seconds: float
    output: str


def compile_file(path: Path, limit_s: float = COMPILE_S) -> Compiled:
    """``coqc -Q DIR "" FILE`` in the file's folder (where ``Model.vo`` is), its whole process group ended at
    ``limit_s``."""
    path = Path(path)
    t0 = time.perf_counter()
    proc = subprocess.Popen([coqc(), "-q", "-Q", ".", "", path.name], cwd=path.parent, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=limit_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        return Compiled(False, time.perf_counter() - t0, (out or "") + f"\n(coqc ended after {limit_s:.0f} s)")
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # what the group left behind (a csdp)
        except ProcessLookupError:
            pass
    return Compiled(proc.returncode == 0, time.perf_counter() - t0, out or "")


def model_source() -> str:
    return resources.files("salign.verify.kernel").joinpath("Model.v").read_text(encoding="utf-8")


def prepare(directory: Path) -> Compiled:
    """Write ``Model.v`` into ``directory`` and compile it (every proof file requires it)."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "Model.v").write_text(model_source(), encoding="utf-8")
    res = compile_file(directory / "Model.v")
    if not res.ok:
        raise RuntimeError(f"Model.v does not compile: {res.output}")
    return res


__all__ = ["COMPILE_S", "TACTIC_S", "CoqMissing", "compile_file", "coqc", "model_source", "prepare", "version"]
