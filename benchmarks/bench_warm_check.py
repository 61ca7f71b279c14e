"""A warm ``salign check`` (nothing changed) against a cold one (empty caches), measured in the same run.

Each run is a fresh process (``python -m salign.verify.frontend.cli check``) with ``SALIGN_CACHE_DIR`` pointing
at a new temporary folder: the first run fills it (cold: derive the registry, sample every claim, prove
every proposition), the next ones find everything there (warm).  Prints the wall-clock seconds of each, the
ratio warm/cold and the machine; the goal of issue 20 is a ratio under 5 %.

    python benchmarks/bench_warm_check.py                 # every claim (a few minutes: the cold run)
    python benchmarks/bench_warm_check.py --claims L1,T1  # a quicker look
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time


def machine() -> str:
    """CPU model and how many cores this process may use (the machine a time belongs to)."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            model = next(line.split(":", 1)[1].strip() for line in fh if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"{model}, {cores} cores, load average {load}, Python {platform.python_version()}"


def check(cache_dir: str, extra: list[str]) -> float:
    """Seconds of one ``salign check`` in a fresh process with the given cache folder; fails loudly on exit 2/3."""
    env = {**os.environ, "SALIGN_CACHE_DIR": cache_dir}
    env.pop("SALIGN_NO_CACHE", None)
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "salign.verify.frontend.cli", "check", *extra], env=env,
                       capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if p.returncode not in (0, 1):  # 1: a claim failed, which is the checker's business, not the benchmark's
        sys.exit(f"salign check exited {p.returncode}:\n{p.stderr[-2000:]}")
    return seconds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", help="claim ids to check (default: every claim, and C1)")
    ap.add_argument("--warm", type=int, default=3, help="warm runs after the cold one (default 3; the median counts)")
    args = ap.parse_args(argv)
    extra = ["--claims", args.claims] if args.claims else []
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="salign-bench-cache-") as d:
        cold = check(d, extra)
        print(f"cold (empty caches): {cold:.2f} s")
        warm = sorted(check(d, extra) for _ in range(args.warm))
        print("warm (nothing changed): " + ", ".join(f"{w:.2f} s" for w in warm))
    median = warm[len(warm) // 2]
    print(f"warm / cold = {median / cold:.2%} (median warm run; goal: under 5%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
