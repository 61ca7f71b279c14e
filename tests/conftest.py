import os
import tempfile
from pathlib import Path

import mpmath
import pytest
from hypothesis import HealthCheck, settings

# the tests' own cache (registry, proofs): never the user's, shared by the whole session
os.environ.setdefault("SALIGN_CACHE_DIR", tempfile.mkdtemp(prefix="salign-test-cache-"))
# no compiled JAX programs into the user's cache either (salign nn and the report run the network in-process)
os.environ["SALIGN_JAX_CACHE"] = "off"

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

settings.register_profile("ci", max_examples=40, derandomize=True, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("SALIGN_PROFILE", "ci"))


@pytest.fixture
def dps50():
    """Scoped 50-digit precision (never set mp.dps globally in a test)."""
    with mpmath.workdps(50):
        yield



def cli_error(argv, capsys) -> tuple[int, list[str]]:
    """``salign ARGV``'s exit code and the lines it wrote to stderr (argparse's own errors end in SystemExit)."""
    from salign.verify.frontend.cli import main

    try:
        rc = main(argv)
    except SystemExit as e:
        rc = e.code
    return rc, capsys.readouterr().err.strip().splitlines()


def tiny_checkpoint(directory: Path, **config) -> Path:
    """A checkpoint of a tiny network (784-3-10 on 100 images, k = 2) at its initial weights, written into
    ``directory`` as a run would (``config``: other NNConfig fields)."""
    from dataclasses import asdict

    import numpy as np

    from salign.verify.experiments import nn_checkpoint as C
    from salign.verify.experiments.nn import NNConfig, _Streams
    from salign.verify.experiments.nn_data import load
    from salign.verify.experiments.nn_hessian import top_k
    from salign.verify.experiments.nn_model import Objective, init

    cfg = NNConfig(**{**dict(samples=100, width=3, batch=10, k=2, eta=0.05), **config})
    X, Y = load("mnist5k", 100)
    obj = Objective(X, Y, cfg.sizes)
    w = init(cfg.sizes, 0)
    sub = top_k(lambda v: obj.hvp(w, v), obj.d, 2, v0=np.ones(obj.d), hvp_many=lambda V: obj.hvp_many(w, V))
    ck = C.Checkpoint(asdict(cfg), "test", "phase1", 0, 0, False, w, sub, 0.0, False, C.rng_state(_Streams(0)))
    path = directory / ck.name
    path.write_bytes(C.to_bytes(ck))
    return path



def build_wheel(root: Path, dest: Path):
    """``pip wheel`` of the project at ``root`` into ``dest``: the ``CompletedProcess``.  setuptools builds in
    ``root/build``, which two test workers building at once share (``File exists: ...dist-info``), so one
    build at a time, under a lock beside the source."""
    import fcntl
    import subprocess
    import sys

    with open(Path(tempfile.gettempdir()) / "salign-wheel-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                               "-w", str(dest), str(root)], capture_output=True, text=True, timeout=300)
