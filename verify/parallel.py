"""Where work runs: this process, local worker processes (``--jobs``), or a Dask cluster (``--scheduler``).

One interface for every backend::

    with runner(jobs, scheduler) as run:
        for item, result in run(fn, items, *shared):
            ...

``fn(item, *shared)`` is a module-level function; ``shared`` (claims, oracles,
configurations) reaches every worker once.  Results arrive in completion order and
each item exactly once; callers merge them in their own order, so the outcome does
not depend on the backend.  On a cluster each task is retried if its worker dies
(``RETRIES``), and a task that fails on its own raises here, naming the item.
"""

from __future__ import annotations

import multiprocessing as mp
from contextlib import contextmanager

from salign.theory.errors import UserError

#: attempts on other workers after a worker dies
RETRIES = 3

_SHARED: tuple = ()


class ClusterError(UserError):
    """The Dask scheduler cannot be reached or used; the message names the address and the fix."""


def _call(args):
    fn, item = args
    return item, fn(item, *_SHARED)


def _serial(fn, items, *shared):
    for item in items:
        yield item, fn(item, *shared)


@contextmanager
def _local(jobs: int):
    pools = []

    def run(fn, items, *shared):
        global _SHARED
        _SHARED = shared  # inherited by the forked workers: nothing (no lambda) needs pickling
        pool = mp.get_context("fork").Pool(jobs)
        pools.append(pool)
        yield from pool.imap_unordered(_call, [(fn, it) for it in items])

    try:
        yield run
    finally:
        for p in pools:
            p.terminate()
            p.join()


def _on_worker(item, fn, shared):
    return fn(item, *shared)


@contextmanager
def _dask(address: str):
    try:
        from dask.distributed import Client, as_completed
    except ImportError as e:  # pragma: no cover - dask is a dependency
        raise ClusterError("--scheduler needs dask.distributed (pip install 'dask[distributed]')") from e
    try:
        client = Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {address!r} ({e}); start one with "
                           "'dask scheduler' and workers with 'dask worker ADDRESS'") from None

    def run(fn, items, *shared):
        items = list(items)
        shared_f = client.scatter(shared, broadcast=True, hash=False)
        futures = {client.submit(_on_worker, it, fn, shared_f, retries=RETRIES, pure=False): it for it in items}
        with client.as_current():
            for fut in as_completed(futures):
                yield futures[fut], fut.result()

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
