"""Verifier results as a readable table and as JSON."""

from __future__ import annotations

import json

import mpmath

from .engine import ClaimResult


def _num(x, digits=3):
    return None if x is None else mpmath.nstr(x, digits)


def result_json(r: ClaimResult) -> dict:
    return {
        "status": r.status,
        "instances": r.n,
        "checks": r.checked,
        "violations": sum(p.violations for p in r.props.values() if p.expected),
        "worst_margin": _num(r.worst_margin, 6),
        "seconds": round(r.seconds, 3),
        "propositions": {
            name: {"expected_true": p.expected, "checked": p.checked, "vacuous": p.vacuous,
                   "violations": p.violations, "oracle_failures": p.oracle_failures,
                   "worst_margin": _num(p.worst_margin, 6),
                   "status": ("REFUTED" if p.violations else "SAMPLED") + ("" if p.expected else " (conjecture)"),
                   "counterexample": p.counterexample}
            for name, p in r.props.items()},
    }


def verify_json(results: dict[str, ClaimResult], meta: dict, c1=None) -> str:
    doc = {"meta": meta, "claims": {cid: result_json(r) for cid, r in results.items()}}
    if c1 is not None:
        doc["claims"]["C1"] = c1
    return json.dumps(doc, indent=1, default=str) + "\n"


def _instance_line(ce: dict) -> str:
    inst = ce["instance"]
    return ", ".join(f"{k}={v}" for k, v in inst.items() if k != "levels")


def verify_table(results: dict[str, ClaimResult], console, detail: bool = False) -> None:
    from rich.markup import escape
    from rich.table import Table

    t = Table(title="salign verify")
    for col in ("claim", "status", "instances", "checks", "violations", "worst margin", "seconds"):
        t.add_column(col, justify="left" if col in ("claim", "status") else "right")
    notes = []
    for cid, r in results.items():
        viol = [p for p in r.props.values() if p.violations and p.expected]
        style = "red" if r.violated else "green"
        t.add_row(cid, f"[{style}]{r.status}[/]", str(r.n), str(r.checked),
                  str(sum(p.violations for p in viol)), _num(r.worst_margin) or "-", f"{r.seconds:.1f}")
        for p in r.props.values():
            if detail:
                t.add_row(f"  {p.name}", "REFUTED" if p.violations else "SAMPLED", "", str(p.checked),
                          str(p.violations), _num(p.worst_margin) or "-", "")
            if p.violations:
                kind = "VIOLATED" if p.expected else "conjecture refuted, as expected"
                notes.append(f"{p.name}: {kind} in {p.violations} of {p.checked} checks; smallest "
                             f"counterexample: {_instance_line(p.counterexample)}")
    console.print(t)
    for n_ in notes:
        console.print(escape(n_), soft_wrap=True)


def c1_table(rows, slope, console) -> dict:
    from rich.markup import escape
    from rich.table import Table

    t = Table(title=escape("C1: |E[chi(x')] - chi-bar'| for real SGD steps (Gaussian noise)"))
    for col in ("k", "d", "mean-field chi-bar'", "Monte Carlo E[chi(x')]", "gap", "std. error"):
        t.add_column(col)
    for r in rows:
        t.add_row(str(r.k), str(r.d), f"{r.mean_field:.10f}", f"{r.true_mean:.10f}", f"{r.gap:.3e}",
                  f"{r.stderr:.1e}")
    console.print(t)
    console.print(f"C1: the gap shrinks like k^{slope:.2f} (least squares over rows with gap > 3 std. errors)")
    return {"status": "MEASURED", "rate_exponent": slope,
            "rows": [r.__dict__ for r in rows]}
