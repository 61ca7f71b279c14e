"""Grids of runs: ``--grid eta=0.01,0.02 --grid seed=0,1`` runs every combination, here or on a cluster.

Each grid point is one run with some options changed; the points run through
:func:`salign.verify.parallel.runner` (this process, ``--jobs`` local processes or a Dask
cluster at ``--scheduler``), and their results come back in grid order whoever finished
first, so the same grid gives the same ``grid.json`` on any backend.  A run is a pure
function of its point: workers on other machines write nothing; the client writes.
"""

from __future__ import annotations

import itertools

from salign.theory.errors import UserError


class GridError(UserError):
    """A ``--grid`` option that cannot be read; the message shows the form it takes."""


def parse(specs: list[str] | None, types: dict[str, type]) -> list[dict]:
    """``["eta=0.01,0.02", "seed=0,1"]`` -> the 4 points of the product, in order; ``[{}]`` without a grid."""
    if not specs:
        return [{}]
    axes = []
    for spec in specs:
        name, sep, values = spec.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or not values.strip():
            raise GridError(f"--grid {spec!r}: write NAME=V1,V2,... (e.g. --grid eta=0.01,0.02)")
        if name not in types:
            raise GridError(f"--grid {spec!r}: {name!r} cannot vary; one of {', '.join(sorted(types))}")
        try:
            axes.append([(name, types[name](v.strip())) for v in values.split(",") if v.strip()])
        except ValueError:
            raise GridError(f"--grid {spec!r}: every value of {name} must be a {types[name].__name__}") from None
    names = [a[0][0] for a in axes]
    if len(set(names)) != len(names):
        raise GridError(f"--grid names {', '.join(names)}: give each option once (list its values after '=')")
    return [dict(p) for p in itertools.product(*axes)]


def run(fn, points: list[dict], base, jobs: int = 1, scheduler: str | None = None, progress=None) -> list:
    """``[fn(point, base) for point in points]``, spread over the backend, in grid order."""
    from salign.verify.parallel import runner

    done = {}
    with runner(jobs, scheduler) as go:
        for (i, point), result in go(_indexed, list(enumerate(points)), fn, base):
            done[i] = result
            if progress:
                progress(point)
    return [done[i] for i in range(len(points))]


def _indexed(item, fn, base):
    _, point = item
    return fn(point, base)
