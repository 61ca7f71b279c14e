"""Where work runs: this process, local worker processes (``--jobs``), or a Dask cluster (``--scheduler``).

One interface for every backend::

    with runner(jobs, scheduler) as run:
        for item, result in run(fn, items, *shared):
            ...

``fn(item, *shared)`` is a module-level function; ``shared`` (claims, oracles,
configurations) reaches every worker once.  Results arrive in completion order and
each item exactly once; callers merge them in their own order, so the outcome does
not depend on the backend.  A local worker process that dies ends the run with a one-line
:class:`WorkerDied` (nothing is counted).  On a cluster the scheduler runs a task again elsewhere if its
worker dies; a task that has killed ``distributed.scheduler.allowed-failures`` workers (3 by
default) is given up with a one-line :class:`ClusterError`.  A task that raises is not retried
(the work is deterministic: it would raise again) and its exception propagates here.  The shared
arguments reach the cluster as a task, not as scattered data: if every worker holding them
dies, the scheduler rebuilds them from the task instead of cancelling the work that needs them.
"""

from __future__ import annotations

import pickle
from contextlib import contextmanager

from salign.theory.cache import exact_reduction
from salign.theory.errors import UserError

from .processes import context

_SHARED: tuple = ()


class WorkerDied(UserError):
    """A local worker process died mid-run (killed, out of memory, a crash in compiled code); nothing is counted."""


class ClusterError(UserError):
    """The Dask scheduler cannot be reached or used; the message names the address and the fix."""


def _call(args):
    fn, item = args
    return item, fn(item, *_SHARED)


def _pickled(shared) -> bytes:
    """``shared`` for fork-server workers: functions a user defined inline travel by value (cloudpickle),
    SymPy expressions exactly as built (:func:`salign.theory.cache.exact_reduction`)."""
    import io

    import cloudpickle

    class Pickler(cloudpickle.Pickler):
        def reducer_override(self, obj):
            r = exact_reduction(obj)
            return super().reducer_override(obj) if r is NotImplemented else r

    buf = io.BytesIO()
    Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(shared)
    return buf.getvalue()


def _receive(blob: bytes) -> None:
    """A fork-server worker's initializer: the shared arguments, rebuilt exactly once per worker."""
    global _SHARED
    _SHARED = pickle.loads(blob)


def _serial(fn, items, *shared):
    for item in items:
        yield item, fn(item, *shared)


@contextmanager
def _local(jobs: int):
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    executors = []

    def run(fn, items, *shared):
        global _SHARED
        ctx = context(("salign.verify.verifier.run", "salign.verify.experiments.grid"))
        if ctx.get_start_method() == "fork":
            _SHARED = shared  # inherited by the forked workers: nothing (no lambda) needs pickling
            ex = ProcessPoolExecutor(jobs, mp_context=ctx)
        else:  # threads are running here: workers come from a fork server and receive ``shared`` pickled
            ex = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_receive, initargs=(_pickled(shared),))
        executors.append(ex)
        futures = {ex.submit(_call, (fn, it)): it for it in items}
        for fut in as_completed(futures):
            try:
                result = fut.result()
            except BrokenProcessPool:
                raise WorkerDied(f"a worker process died while the run was under way (running {futures[fut]!r} "
                                 "or work beside it): killed, out of memory, or a crash in compiled code; "
                                 "rerun with --jobs 1 to see it in this process") from None
            yield result

    try:
        yield run
    finally:
        for ex in executors:  # stop at once (an interrupted or failed run), as Pool.terminate did
            processes = list((getattr(ex, "_processes", None) or {}).values())
            ex.shutdown(wait=False, cancel_futures=True)
            for p in processes:
                p.terminate()
            for p in processes:
                p.join()


def _on_worker(item, fn, shared):
    return fn(item, *shared)


def _held(shared):
    """The shared arguments as a task's result: lost with a worker, they are computed again."""
    return shared


#: how long a client waits for the Dask scheduler before giving up (Dask retries a refused connection until then)
CONNECT_TIMEOUT = "10s"


@contextmanager
def _dask(address: str):
    try:
        from dask.distributed import Client, as_completed
        from distributed.scheduler import KilledWorker
    except ImportError as e:  # pragma: no cover - dask is a dependency
        raise ClusterError("--scheduler needs dask.distributed (pip install 'dask[distributed]')") from e
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {address!r} ({e}); start one with "
                           "'dask scheduler' and workers with 'dask worker ADDRESS'") from None

    def run(fn, items, *shared):
        items = list(items)
        shared_f = client.submit(_held, shared, pure=False)
        futures = {client.submit(_on_worker, it, fn, shared_f, pure=False): it for it in items}
        with client.as_current():
            for fut in as_completed(futures):
                try:
                    result = fut.result()
                except KilledWorker as e:
                    raise ClusterError(f"the work on {futures[fut]!r} killed every worker that ran it ({e}); "
                                       "the rest of the run was abandoned") from None
                yield futures[fut], result

    try:
        yield run
    finally:
        client.close()


@contextmanager
def runner(jobs: int = 1, scheduler: str | None = None):
    """The backend: a Dask cluster at ``scheduler``, else ``jobs`` local processes, else this process."""
    if scheduler:
        with _dask(scheduler) as run:
            yield run
    elif jobs > 1:
        with _local(jobs) as run:
            yield run
    else:
        yield _serial
