"""Keep a fixed-seed random sample of the pending mutants of a cosmic-ray session; skip the rest.

    python tests/mutation/sample.py SESSION.sqlite N [SEED]
"""

import random
import sys

from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import WorkerOutcome, WorkResult


def main(path: str, n: int, seed: int = 0) -> None:
    with use_db(path, WorkDB.Mode.open) as db:
        pending = sorted(db.pending_work_items, key=lambda w: w.job_id)
        keep = set(w.job_id for w in random.Random(seed).sample(pending, min(n, len(pending))))
        for w in pending:
            if w.job_id not in keep:
                db.set_result(w.job_id, WorkResult(output="not in the sample", worker_outcome=WorkerOutcome.SKIPPED))
    print(f"{path}: {len(keep)} of {len(pending)} mutants sampled (seed {seed})")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 0)
