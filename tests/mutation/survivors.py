"""Print each surviving mutant of a cosmic-ray session as a readable diff, and the kill rate.

    python tests/mutation/survivors.py SESSION.sqlite
"""

import sys

from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome, WorkerOutcome


def main(path: str) -> None:
    killed = survived = incompetent = 0
    with use_db(path, WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            if result.worker_outcome == WorkerOutcome.SKIPPED:
                continue
            if result.worker_outcome != WorkerOutcome.NORMAL:
                incompetent += 1
                continue
            if result.test_outcome == TestOutcome.SURVIVED:
                survived += 1
                m = item.mutations[0]
                print(f"SURVIVED {m.module_path}:{m.start_pos[0]} {m.operator_name} #{m.occurrence}")
                print("    " + (result.diff or "").replace("\n", "\n    "))
            elif result.test_outcome == TestOutcome.KILLED:
                killed += 1
            else:
                incompetent += 1
    total = killed + survived
    print(f"{path}: killed {killed} of {total} ({100 * killed / max(total, 1):.1f}%), {incompetent} incompetent "
          "(the mutant could not run: excluded from the rate)")


if __name__ == "__main__":
    main(sys.argv[1])
