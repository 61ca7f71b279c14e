"""Verifier results as a readable table and as JSON."""

from __future__ import annotations

import json

import mpmath

from salign.verify.verdict import Verdict

from .engine import ClaimResult, PropResult


def _num(x, digits=3):
    return None if x is None else mpmath.nstr(x, digits)


def resolution(dps: int) -> dict:
    """What the verifier can tell apart at ``dps`` digits (reported with every run)."""
    from .evaluate import tolerance
    from .sampling import smallest_offset

    with mpmath.workdps(dps):
        return {"dps": dps, "relative_tolerance": mpmath.nstr(tolerance(dps), 3),
                "smallest_boundary_offset": mpmath.nstr(smallest_offset(), 3),
                "escalation": "violations are re-checked at 2x and 4x the digits with the same tolerance: only "
                              "discrepancies that shrink as the digits grow (rounding) are forgiven"}


def prop_json(p: PropResult) -> dict:
    out = {"verdict": p.verdict.value, "expected_true": p.expected, "oracle_only": not p.formal,
           "applicable": p.applicable, "checked": p.checked, "vacuous": p.vacuous, "violations": p.violations,
           "oracle_failures": p.oracle_failures, "worst_margin": _num(p.worst_margin, 6),
           "faces_checked": {str(k): v for k, v in sorted(p.faces.items())},
           "faces_never_at_equality": [i for i in range(p.hypotheses) if i not in p.faces]}
    if p.reason:
        out["reason"] = p.reason
    if p.counterexample:
        out["counterexample"] = p.counterexample
    if not p.expected and p.violations:
        out["note"] = "an exploratory conjecture, refuted: a finding, not a failure"
    return out


def result_json(r: ClaimResult) -> dict:
    return {
        "verdict": r.verdict.value,
        "instances": r.n,
        "checks": r.checked,
        "violations": sum(p.violations for p in r.props.values() if p.expected),
        "worst_margin": _num(r.worst_margin, 6),
        "seconds": round(r.seconds, 3),
        "propositions": {name: prop_json(p) for name, p in r.props.items()},
    }


def verify_json(results: dict[str, ClaimResult], meta: dict, c1=None) -> str:
    doc = {"meta": meta, "claims": {cid: result_json(r) for cid, r in results.items()}}
    if c1 is not None:
        doc["claims"]["C1"] = c1
    return json.dumps(doc, indent=1, default=str) + "\n"


def _instance_line(ce: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in ce["instance"].items() if k != "levels")


STYLE = {Verdict.SAMPLED: "green", Verdict.REFUTED: "red", Verdict.UNCHECKED: "red", Verdict.ERROR: "red"}


def verify_table(results: dict[str, ClaimResult], console, detail: bool = False, dps: int | None = None) -> None:
    from rich.markup import escape
    from rich.table import Table

    t = Table(title="salign verify")
    for col in ("claim", "verdict", "instances", "checks", "violations", "worst margin", "seconds"):
        t.add_column(col, justify="left" if col in ("claim", "verdict") else "right")
    notes = []
    for cid, r in results.items():
        v = r.verdict
        t.add_row(cid, f"[{STYLE.get(v, 'yellow')}]{v}[/]", str(r.n), str(r.checked),
                  str(sum(p.violations for p in r.props.values() if p.expected)), _num(r.worst_margin) or "-",
                  f"{r.seconds:.1f}")
        for p in r.props.values():
            pv = p.verdict
            if detail:
                t.add_row(f"  {p.name}", str(pv) + ("" if p.expected else " (conjecture)"), "", str(p.checked),
                          str(p.violations), _num(p.worst_margin) or "-", "")
            if p.violations:
                kind = "VIOLATED" if p.expected else "conjecture refuted, as expected"
                notes.append(f"{p.name}: {kind} in {p.violations} of {p.checked} checks; smallest "
                             f"counterexample: {_instance_line(p.counterexample)}")
            elif pv in (Verdict.UNCHECKED, Verdict.ERROR) and p.expected:
                notes.append(f"{p.name}: {pv}: {p.reason}")
    console.print(t)
    if dps is not None:
        res = resolution(dps)
        console.print(f"resolution at {dps} digits: relative tolerance {res['relative_tolerance']}, boundary offsets "
                      f"down to {res['smallest_boundary_offset']}")
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
    return {"verdict": "MEASURED", "rate_exponent": slope, "rows": [r.__dict__ for r in rows]}
