"""Verifier throughput on a Dask cluster with 1 and with 2 local workers (and local processes), in one run.

    python benchmarks/bench_parallel.py [-n N]

Each configuration checks every claim of the register on the same ``N`` samples per claim
(the results are identical, which the script asserts); it prints samples per second and the
ratio of 2 workers to 1.  The machine is shared and noisy: only ratios from one run mean anything.
"""

from __future__ import annotations

import argparse
import logging
import time

from distributed import LocalCluster

from salign.theory import registry
from salign.verify.verifier.report import result_json
from salign.verify.verifier.run import verify_claims


def canonical(results):
    out = {cid: result_json(r) for cid, r in results.items()}
    for r in out.values():
        r.pop("seconds")
    return out


def timed(**kw):
    claims = list(registry().values())
    t0 = time.perf_counter()
    res = verify_claims(claims, kw.pop("n"), 0, **kw)
    return time.perf_counter() - t0, res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=200, help="samples per claim (default 200)")
    args = ap.parse_args()
    logging.getLogger("distributed").setLevel(logging.ERROR)
    total = args.n * len(registry())
    rows, reference = {}, None
    for label, kw in (("local, 1 process", {"jobs": 1}), ("local, 2 processes", {"jobs": 2})):
        secs, res = timed(n=args.n, **kw)
        rows[label] = secs
        reference = reference or canonical(res)
        assert canonical(res) == reference, label
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster:
            verify_claims(list(registry().values()), 25, 1, scheduler=cluster.scheduler_address)  # warm the workers
            secs, res = timed(n=args.n, scheduler=cluster.scheduler_address)
        rows[f"Dask, {workers} worker{'s' if workers > 1 else ''}"] = secs
        assert canonical(res) == reference, workers
    print(f"{total} samples ({args.n} per claim, {len(registry())} claims); identical results everywhere")
    for label, secs in rows.items():
        print(f"  {label:20s} {secs:7.2f} s  {total / secs:8.1f} samples/s")
    print(f"ratio Dask 2 workers / 1 worker: {rows['Dask, 1 worker'] / rows['Dask, 2 workers']:.2f}x; "
          f"local 2 / 1 processes: {rows['local, 1 process'] / rows['local, 2 processes']:.2f}x")


if __name__ == "__main__":
    main()
