"""The options of ``salign nn --from FILE --horizons`` and the command (argparse only: no JAX at import).

``--horizons`` runs :mod:`.nn_horizons` at the saved state instead of the η-sweep; the state's
thresholds use the sweep's ``--sweep-moment-draws``, ``--sweep-boots``, ``--sweep-level`` and
``--sweep-seed`` (so they are those of ``thresholds.json``).  Every ``--horizons-*`` option
defaults to None here, so that one given without ``--horizons`` is an error, not ignored.
"""

from __future__ import annotations

#: (name, default, type, help) of the ``--horizons-*`` options; the defaults are nn_horizons'
HORIZON_OPTIONS = (
    ("multiples", "0.5,0.8,1.25,2", str, "step sizes as multiples of each quantity's threshold, comma-separated"),
    ("steps", 300, int, "steps of every continuation"),
    ("seeds", 8, int, "independent minibatch streams per continuation (at least 2)"),
    ("refresh", None, int, "steps between subspace refreshes in the refreshed mode"),
    ("track-seeds", 2, int, "seeds along which the thresholds are recomputed at the refresh points"),
    ("track-draws", 16, int, "minibatches for the noise moments of each recomputed threshold"),
    ("z", 2.0, float, "the mean departs from the predicted sign beyond this many standard errors"),
    ("dense", 20, int, "record every step up to this one"),
    ("every", 10, int, "then every this many steps"),
    ("seed", 0, int, "seed of the continuations' minibatch streams"),
)


def _dest(name: str) -> str:
    """The argparse destination of ``--horizons-NAME``."""
    return f"horizons_{name.replace('-', '_')}"


def add_horizon_options(group) -> None:
    """Add ``--horizons`` and the ``--horizons-*`` options to the argparse ``group``."""
    group.add_argument("--horizons", action="store_true",
                       help="with --from: instead of the eta-sweep, Dom-SGD, Bulk-SGD and SGD continuations at "
                       "multiples of the predicted thresholds over many steps and seeds, with a subspace fixed at "
                       "the state and refreshed; for how many steps the predicted sign holds in the mean (the "
                       "horizon); writes horizons.json, horizons.npz and horizons_*.png into --out")
    for name, default, typ, text in HORIZON_OPTIONS:
        group.add_argument(f"--horizons-{name}", dest=_dest(name), type=typ, default=None,
                           help=f"{text} (default {'the run' + chr(39) + 's --refresh' if default is None else default})")


def check_horizon_args(args) -> None:
    """Raise ``NNError`` for ``--horizons`` without ``--from`` and ``--horizons-*`` without ``--horizons``."""
    from .nn_data import NNError

    given = [f"--horizons-{n}" for n, *_ in HORIZON_OPTIONS if getattr(args, _dest(n), None) is not None]
    if not getattr(args, "horizons", False):
        if given:
            raise NNError(f"{', '.join(given)} only apply to a horizon analysis; add --horizons (and --from FILE)")
        return
    if getattr(args, "from_file", None) is None:
        raise NNError("--horizons analyses a saved state; pass --from OUT/checkpoints/switch-XXXXXX.npz (a run of "
                      "'salign nn' writes it)")


def parse_multiples(text: str) -> tuple[float, ...]:
    """``"0.5,0.8,1.25,2"`` as numbers; raise ``HorizonError`` (one line) on anything else."""
    from .nn_horizons import HorizonError, check_multiples

    try:
        values = [float(x) for x in str(text).split(",")]
    except ValueError:
        raise HorizonError(f"--horizons-multiples {text!r} is not a comma-separated list of numbers; pass e.g. "
                           f"--horizons-multiples 0.5,0.8,1.25,2") from None
    return check_multiples(values)


def command(args) -> int:
    """``salign nn --from FILE --horizons``: the horizon analysis; writes horizons.json and the figures."""
    from pathlib import Path

    from rich.console import Console

    from . import nn_horizons

    opt = {n: getattr(args, _dest(n)) for n, *_ in HORIZON_OPTIONS}
    defaults = {n: d for n, d, *_ in HORIZON_OPTIONS}
    opt = {n: defaults[n] if v is None else v for n, v in opt.items()}
    multiples = parse_multiples(opt["multiples"])
    console = Console()
    summary, arrays = nn_horizons.horizons(
        args.from_file, multiples=multiples, steps=opt["steps"], seeds=opt["seeds"], refresh=opt["refresh"],
        moment_draws=args.sweep_moment_draws, track_draws=opt["track-draws"], track_seeds=opt["track-seeds"],
        z=opt["z"], level=args.sweep_level, boots=args.sweep_boots, sweep_seed=args.sweep_seed,
        horizon_seed=opt["seed"], dense=opt["dense"], every=opt["every"],
        progress=lambda text: console.print(text, soft_wrap=True, markup=False))
    summary = nn_horizons.write(Path(args.out), summary, arrays, figures=not args.no_figures)
    st, o = summary["state"], summary["options"]
    console.print(f"horizons at step {st['step']} ({st['trajectory']}{', the switch' if st['switch'] else ''}): chi "
                  f"{st['chi']:.4f}; {o['seeds']} seeds, {o['steps']} steps, multiples {o['multiples']}; wrote "
                  f"{args.out}/horizons.json, horizons.npz" + ("" if args.no_figures else ", horizons_*.png")
                  + f" in {summary['seconds']:.0f}s", soft_wrap=True, markup=False)
    return 0


__all__ = ["HORIZON_OPTIONS", "add_horizon_options", "check_horizon_args", "command", "parse_multiples"]
