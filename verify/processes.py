"""How child processes start: a fork of this process while that is safe, else a fork server.

A fork copies only the calling thread.  While no other thread runs (no JAX runtime, no
Dask client, no Python thread) that is the fastest start and shares everything already
built; once one does, a lock it held would stay locked forever in the child, so children
come from a fork server instead: a clean single-threaded process started once, with the
named modules imported, whose forks receive their arguments pickled.
"""

from __future__ import annotations

import multiprocessing as mp
import sys
import threading
from functools import cache


def fork_is_safe() -> bool:
    """No thread but this one that a fork could catch holding a lock (JAX starts its own at import)."""
    return "jax" not in sys.modules and threading.active_count() == 1


def context(preload: tuple[str, ...] = ()):
    """The multiprocessing context to start children with (see the module docstring)."""
    return mp.get_context("fork") if fork_is_safe() else _fork_server(preload)


@cache
def _fork_server(preload: tuple[str, ...]):
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(list(preload))
    return ctx
