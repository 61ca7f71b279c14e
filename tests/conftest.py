import os
import tempfile
from pathlib import Path

import mpmath
import pytest
from hypothesis import HealthCheck, settings

# the tests' own cache (registry, proofs): never the user's, shared by the whole session
os.environ.setdefault("SALIGN_CACHE_DIR", tempfile.mkdtemp(prefix="salign-test-cache-"))

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
