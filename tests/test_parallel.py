"""Same seed, same results, whatever runs the work: this process, local processes or a Dask cluster."""

import os
import sys

import cloudpickle
import pytest

from salign.theory.userclaims import load
from salign.verify.parallel import ClusterError, WorkerDied, runner
from salign.verify.verifier.report import result_json
from salign.verify.verifier.run import verify_claims

from .conftest import ROOT
from .variants import variant_claim

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers do not import the tests


def local_cluster(n_workers: int):
    """A Dask cluster of ``n_workers`` single-threaded worker processes, each under a nanny that restarts it."""
    distributed = pytest.importorskip("dask.distributed")
    return distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                    dashboard_address=":0", silence_logs=50)


@pytest.fixture(scope="module")
def cluster():
    with local_cluster(2) as c:
        yield c


def canonical(results):
    out = {cid: result_json(r) for cid, r in results.items()}
    for r in out.values():
        r.pop("seconds")
    return out


def test_verify_gives_identical_results_on_one_process_two_processes_and_a_cluster(cluster):
    user, oracles = load(ROOT / "examples" / "my_claims.py")  # user oracles are lambdas: they travel by value
    claims = [variant_claim("T1"), *user]
    one = verify_claims(claims, 50, 7, jobs=1, oracles=oracles)
    two = verify_claims(claims, 50, 7, jobs=2, oracles=oracles)
    dask = verify_claims(claims, 50, 7, oracles=oracles, scheduler=cluster.scheduler_address)
    assert canonical(one) == canonical(two) == canonical(dask)
    assert one["T1"].verdict.value == "REFUTED" and one["U2"].verdict.value == "REFUTED"


def _dies_once(item, marker_dir):
    """Kill the worker the first time item 3 runs (a machine that goes away mid-run)."""
    marker = os.path.join(marker_dir, "died")
    if item == 3 and not os.path.exists(marker):
        open(marker, "w").close()
        os._exit(1)
    return item * item


def test_a_worker_that_dies_loses_no_work_and_nothing_is_counted_twice(cluster, tmp_path):
    with runner(scheduler=cluster.scheduler_address) as run:
        results = list(run(_dies_once, range(8), str(tmp_path)))
    assert (tmp_path / "died").exists()
    assert sorted(results) == [(i, i * i) for i in range(8)]


def test_work_goes_on_when_the_only_worker_holding_the_shared_arguments_dies(tmp_path):
    """One worker, and it dies mid-run: the nanny starts a new one, which has none of the shared
    arguments.  They must be rebuilt there, not lost (scattered data was lost, and CI saw the work
    cancelled when the worker that died held the only copy)."""
    with local_cluster(1) as one:
        with runner(scheduler=one.scheduler_address) as run:
            results = list(run(_dies_once, range(8), str(tmp_path)))
    assert (tmp_path / "died").exists()
    assert sorted(results) == [(i, i * i) for i in range(8)]


def _always_dies(item, marker_dir):
    if item == 1:
        os._exit(1)
    return item


def test_work_that_kills_every_worker_is_a_one_line_cluster_error():
    """After ``allowed-failures`` dead workers the scheduler gives the task up: the user hears which item, in one
    line, instead of a ``KilledWorker`` traceback."""
    with local_cluster(1) as one:
        with pytest.raises(ClusterError, match="killed every worker") as e:
            with runner(scheduler=one.scheduler_address) as run:
                list(run(_always_dies, range(3), ""))
    assert "\n" not in str(e.value) and "1" in str(e.value)


def _raises(item, log):
    with open(log, "a") as f:
        f.write(f"{item}\n")
    if item == 2:
        raise ValueError("item 2 is wrong")
    return item


def test_a_task_that_raises_is_not_run_again_and_its_error_arrives(cluster, tmp_path):
    """The work is deterministic: a task that raises would raise again, so it runs once and its error surfaces."""
    log = tmp_path / "calls"
    with pytest.raises(ValueError, match="item 2 is wrong"):
        with runner(scheduler=cluster.scheduler_address) as run:
            list(run(_raises, [2], str(log)))
    assert log.read_text().splitlines() == ["2"]


def test_a_local_worker_that_dies_ends_the_run_with_a_one_line_error_not_a_hang(tmp_path, capsys):
    """``multiprocessing.Pool`` waited forever for the work of a worker that died; now the run stops, says so in
    one line and counts nothing."""
    with pytest.raises(WorkerDied, match="--jobs 1"):
        with runner(jobs=2) as run:
            list(run(_always_dies, range(4), ""))
    claims = tmp_path / "crash.py"
    claims.write_text(
        "import os\nfrom sympy import Symbol\nfrom salign.theory import Claim, Prop\n"
        "x = Symbol('x', real=True)\n"
        "ORACLES = {x: lambda inst: os._exit(1)}\n"
        "CLAIMS = [Claim(id='Z9', title='t', statement='s', hypotheses='h', defines={}, props=(Prop('Z9.p', x < 1),))]\n")
    from salign.verify.frontend.cli import main

    assert main(["verify", "--claims-file", str(claims), "--claims", "Z9", "-n", "4", "--jobs", "2"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "worker process died" in err[0], err


def test_a_simulation_grid_is_the_same_on_a_cluster(cluster):
    from salign.verify.experiments import grid
    from salign.verify.experiments import simulate as sim

    base = {"engine": "reduced", "preset": "isotropic", "variants": "sgd,dom", "spectrum": None, "kappa": 10.0,
            "lam_B": 1.0, "k": 10, "d": 100, "chi": 0.5, "G": 1.0, "eta": 0.05, "sigma2": 1e-3, "steps": 10,
            "seeds": 3, "seed": 0}
    points = grid.parse(["eta=0.01,0.05", "seed=0,1"], sim.RUN_PARAMETERS)
    strip = lambda rs: [{k: v for k, v in r.items() if k != "seconds"} for r in rs]
    assert strip(grid.run(sim.grid_point, points, base)) == \
        strip(grid.run(sim.grid_point, points, base, scheduler=cluster.scheduler_address)) == \
        strip(grid.run(sim.grid_point, points, base, jobs=2))


def test_an_unreachable_scheduler_is_a_one_line_error(capsys, monkeypatch):
    import salign.verify.parallel as P
    from salign.verify.frontend.cli import main

    monkeypatch.setattr(P, "CONNECT_TIMEOUT", "2s")  # refused at once; Dask retries until its timeout

    assert main(["verify", "--claims", "L1", "-n", "1", "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot reach the Dask scheduler" in err[0]
    with pytest.raises(ClusterError):
        with runner(scheduler="tcp://127.0.0.1:9"):
            pass


@pytest.mark.parametrize("spec, message", [(["eta"], "NAME=V1"), (["nope=1"], "cannot vary"),
                                           (["eta=x"], "must be a float"), (["eta=1", "eta=2"], "once")])
def test_a_malformed_grid_is_a_one_line_error(spec, message):
    from salign.verify.experiments import grid
    from salign.verify.experiments import simulate as sim

    with pytest.raises(grid.GridError, match=message):
        grid.parse(spec, sim.RUN_PARAMETERS)


def test_workers_started_while_threads_run_come_from_a_fork_server_with_the_same_results(monkeypatch):
    """With threads running (JAX, a Dask client) a fork could copy a held lock: the pool and the solvers then
    start from a fork server, and nothing changes but how they start."""
    import salign.verify.processes as P
    from salign.theory import get
    from salign.verify.prover.prove import prove_prop
    from salign.verify.verdict import Verdict

    user, oracles = load(ROOT / "examples" / "my_claims.py")
    claims = [variant_claim("T1"), *user]
    forked = verify_claims(claims, 30, 7, jobs=2, oracles=oracles)
    monkeypatch.setattr(P, "fork_is_safe", lambda: False)
    assert P.context().get_start_method() == "forkserver"
    served = verify_claims(claims, 30, 7, jobs=2, oracles=oracles)
    assert canonical(forked) == canonical(served)
    from salign.verify.prover import solvers

    monkeypatch.setattr(solvers, "GRACE_MIN_S", float("inf"))  # both solvers get the whole budget: both routes
    r = prove_prop("L2", get("L2").prop("L2.P_positive"), 8.0)
    assert r.verdict == Verdict.PROVED and len(r.routes) >= 2, r.routes
