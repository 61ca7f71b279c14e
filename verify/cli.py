"""The ``salign`` command line.

    salign derive [--out DIR] [--check]   regenerate or check derivations/
    salign latex [--out DIR]              standalone LaTeX document of every claim
    salign check                          the main job: every check that exists, one line per claim
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

PROG = "salign"


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error instead of the usage block."""

    def error(self, message):
        sys.stderr.write(f"{self.prog}: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(2)


def _cmd_derive(args) -> int:
    from . import derive

    out = Path(args.out)
    t0 = time.perf_counter()
    if args.check:
        bad = derive.stale(out)
        if bad:
            print(f"{PROG} derive --check: {len(bad)} file(s) differ from a fresh regeneration; "
                  f"run '{PROG} derive':")
            for b in bad:
                print(f"  {b}")
            return 1
        print(f"{PROG} derive --check: {out}/ is up to date ({time.perf_counter() - t0:.1f}s)")
        return 0
    paths = derive.write(out)
    print(f"wrote {len(paths)} files to {out}/ in {time.perf_counter() - t0:.1f}s")
    return 0


def _cmd_latex(args) -> int:
    from theory.atomic import write_atomic
    from theory.latex import document

    path = write_atomic(Path(args.out) / "claims.tex", document())
    print(f"wrote {path} (compile with: pdflatex -output-directory {args.out} {path})")
    return 0


def _cmd_check(args) -> int:
    from theory.registry import CLAIM_IDS, registry

    from . import derive

    out = Path(args.derivations)
    reg = registry()
    bad = derive.stale(out)
    ok = not bad
    print(f"derive --check: {'up to date' if ok else f'{len(bad)} stale file(s): ' + ', '.join(bad)}")
    print(f"{'claim':<6} {'derivation':<12} statement")
    for cid in CLAIM_IDS:
        c = reg[cid]
        print(f"{cid:<6} {'DERIVED' if ok else 'STALE':<12} {c.statement[:90]}")
    return 0 if ok else 1


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Derive, check and export the claims of 'Suspicious "
                "Alignment of SGD' (arXiv 2601.11789).")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    d = sub.add_parser("derive", help="regenerate derivations/ (steps, LaTeX fragments, claims.json)",
                       description="Derive every claim with SymPy and write, per claim, the steps "
                       "(ID.md), a LaTeX fragment (ID.tex) and all named expressions (claims.json).")
    d.add_argument("--out", default="derivations", help="output folder (default: derivations)")
    d.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 naming the files that differ from a fresh regeneration")
    d.set_defaults(func=_cmd_derive)

    lx = sub.add_parser("latex", help="export a standalone LaTeX document of every claim",
                        description="Write DIR/claims.tex: amsmath document, every claim's statement "
                        "and derived expressions, labels by claim id (\\label{T1}, \\label{T1:eta_star}).")
    lx.add_argument("--out", default="latex", help="output folder (default: latex)")
    lx.set_defaults(func=_cmd_latex)

    c = sub.add_parser("check", help="the main job: run every check and print one status line per claim",
                       description="Run derive --check (and, as they exist, the verifier and the "
                       "prover) and print one status line per claim id.")
    c.add_argument("--derivations", default="derivations", help="the derivations folder to check")
    c.set_defaults(func=_cmd_check)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except (ValueError, KeyError, OSError) as e:
        sys.stderr.write(f"{PROG}: error: {e}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
