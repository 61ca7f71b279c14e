"""The Python API, for notebooks and scripts: ``salign.check``, ``salign.prove`` and ``salign.verify``.

Each runs what the command of the same name runs (:mod:`salign.verify.frontend.status` does the work for
both) and returns a typed, frozen result instead of printing a table:

    >>> import salign
    >>> r = salign.check("L1,T1", n=20)          # doctest: +SKIP
    >>> r["T1"].verdict, r["T1"].propositions[0].routes          # doctest: +SKIP
    (<Verdict.PROVED: 'PROVED'>, ('z3', 'cvc5'))

* the claims: built-in ids (``"L1,T1"`` or ``["L1", "T1"]``; default: every claim), the claims of a
  ``claims_file`` (as ``--claims-file``), or :class:`~salign.theory.Claim` objects passed directly (with
  ``oracles=`` for symbols of their own), checked exactly as a claims file's: same validation, same ids rule;
* the options are the command line's, as keyword arguments (``n``, ``seed``, ``dps``, ``jobs``, ``timeout``,
  ``cache``, ``scheduler``, ``coq``, ...), checked before any work: bad input raises a
  :class:`~salign.theory.errors.UserError` subclass whose message names the fix;
* nothing is printed unless ``progress=True`` (then the command line's progress bars);
* the result: one :class:`ClaimReport` per claim (its verdict and, per proposition, a
  :class:`PropositionResult`: verdict, routes, coverage, checks, counterexample), ``ok`` (the command's exit
  status), ``to_json()`` (the text the command's ``--json FILE`` writes), and in Jupyter an HTML table.

In a script (not a notebook), call them under ``if __name__ == "__main__":``: the prover's child processes
may come from a fork server (:mod:`salign.verify.processes`), which imports the main module.

``salign.verify`` is also the name of the numeric layer's package: ``salign/__init__`` makes that package
callable, so ``salign.verify(...)`` runs :func:`verify` and ``salign.verify.prover`` is still the subpackage.
"""

from __future__ import annotations

import atexit
import html
import json
import numbers
import os
import shutil
import tempfile
import threading
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from salign.theory.errors import UserError
from salign.verify.verdict import Verdict


class APIError(UserError):
    """An argument of ``salign.check`` / ``prove`` / ``verify`` that cannot be used; the message names the fix."""


#: what each verdict promises, in words (README, "What a verdict promises")
IN_WORDS = {
    Verdict.PROVED: "proved exactly",
    Verdict.CERTIFIED: "certified by interval arithmetic on the box it names",
    Verdict.SAMPLED: "sampled: no violation in the checks made (not a proof)",
    Verdict.REFUTED: "refuted: a counterexample was found and checked",
    Verdict.VACUOUS: "vacuous: the hypotheses can never all hold",
    Verdict.UNCHECKED: "unchecked: nothing was checked",
    Verdict.UNKNOWN: "undecided",
    Verdict.VERIFY_ONLY: "left to sampling (a statement about an oracle-only observable)",
    Verdict.NOT_RUN: "not run",
    Verdict.ERROR: "error: evaluating it raised",
}


def in_words(verdict: Verdict) -> str:
    """What ``verdict`` promises, as a short phrase."""
    return IN_WORDS.get(verdict, verdict.value.lower())


def _frozen(x):
    """JSON data made read-only: dicts as mapping proxies, lists as tuples."""
    if isinstance(x, dict):
        return MappingProxyType({k: _frozen(v) for k, v in x.items()})
    if isinstance(x, list):
        return tuple(_frozen(v) for v in x)
    return x


def _verdict(v) -> Verdict | None:
    return None if v is None else Verdict(v)


# --- the results --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PropositionResult:
    """One proposition: its verdict and the evidence for it.

    ``verdict`` is the combined one (check), or the one side's (verify, prove).  ``verify`` is the verifier's
    verdict, ``prove`` the prover's label (``PROVED``, ``PROVED (z3 only)``, ``REFUTED``, ...), each None when that
    side did not run.  ``exact_counterexample``: the prover's, exact rationals by symbol name;
    ``sampled_counterexample``: the verifier's smallest violating instance (its step size and eigenvalue levels).
    """

    name: str
    verdict: Verdict
    verify: Verdict | None = None
    prove: str | None = None
    routes: tuple[str, ...] = ()
    coverage: str = ""
    checked: int | None = None
    violations: int = 0
    exact_counterexample: Mapping | None = None
    sampled_counterexample: Mapping | None = None
    expected: bool = True
    note: str = ""

    @property
    def counterexample(self) -> Mapping | None:
        """The exact counterexample if the prover found one, else the verifier's."""
        return self.exact_counterexample or self.sampled_counterexample

    @property
    def in_words(self) -> str:
        return in_words(self.verdict)


@dataclass(frozen=True)
class ClaimReport:
    """One claim: its verdict (never more than its weakest formal proposition's) and its propositions.

    ``partial`` names what a PROVED claim does not cover (``T1.root sampled, not proved``); ``instances`` and
    ``checks`` are the verifier's counts (None when it did not run); ``user``: a claim of the user's."""

    id: str
    title: str
    verdict: Verdict
    propositions: tuple[PropositionResult, ...]
    partial: str = ""
    instances: int | None = None
    checks: int | None = None
    user: bool = False

    @property
    def in_words(self) -> str:
        return in_words(self.verdict)

    def proposition(self, name: str) -> PropositionResult:
        for p in self.propositions:
            if p.name == name:
                return p
        raise KeyError(f"{self.id} has no proposition {name!r}; it has {', '.join(p.name for p in self.propositions)}")

    def summary(self) -> str:
        """The evidence in one line: ``4/4 proved (4 by two routes); any spectrum``, ``3 refuted``, ..."""
        formal = [p for p in self.propositions if p.prove and not p.prove.startswith(Verdict.VERIFY_ONLY.value)]
        proved = [p for p in formal if p.prove.startswith(Verdict.PROVED.value)]  # the prover's side, as the CLI
        parts = []
        if formal:
            double = sum(len(p.routes) >= 2 for p in proved)
            covers = "; ".join(sorted({p.coverage for p in proved if p.coverage}))
            parts.append(f"{len(proved)}/{len(formal)} proved" + (f" ({double} by two routes)" if proved else "")
                         + (f"; {covers}" if covers else ""))
        others = {}
        for p in self.propositions:
            if p.verdict != Verdict.PROVED:
                others[p.verdict] = others.get(p.verdict, 0) + 1
        parts += [f"{k} {v.value.lower()}" for v, k in others.items()]
        return "; ".join(parts)

    def counts(self) -> str:
        """The verifier's counts: ``20 instances, 56 checks, 2 violations``."""
        if self.checks is None:
            return ""
        violations = sum(p.violations for p in self.propositions if p.expected)
        return f"{self.instances} instances, {self.checks} checks" + (f", {violations} violations" if violations else "")


@dataclass(frozen=True)
class Results:
    """What one run found: a :class:`ClaimReport` per claim, in order, and whether the run passes (``ok``, the
    command's exit status 0).  ``r["T1"]`` is one claim, ``list(r)`` all of them, ``r.to_json()`` the text the
    command's ``--json`` writes, ``r.meta`` the run's arguments.  ``c1``: the concentration measurement, if run;
    ``derivations`` (check only): ``up to date`` or ``STALE: ...``."""

    command: str
    claims: tuple[ClaimReport, ...]
    ok: bool
    meta: Mapping
    json_text: str = field(repr=False, compare=False)
    c1: Mapping | None = None
    derivations: str | None = None

    def __getitem__(self, claim_id: str) -> ClaimReport:
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise KeyError(f"no claim {claim_id!r} in these results; they hold {', '.join(self.ids) or 'none'}")

    def __iter__(self):
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.claims)

    @property
    def verdicts(self) -> dict[str, Verdict]:
        """Each claim's verdict, by id."""
        return {c.id: c.verdict for c in self.claims}

    @property
    def failed(self) -> tuple[str, ...]:
        """The claims whose verdict fails the run (REFUTED, VACUOUS, UNCHECKED, ERROR)."""
        return tuple(c.id for c in self.claims if c.verdict.fails)

    def to_json(self) -> str:
        """The JSON text that the command's ``--json FILE`` writes for the same arguments."""
        return self.json_text

    def as_dict(self) -> dict:
        """:meth:`to_json`, parsed (a fresh, mutable copy)."""
        return json.loads(self.json_text)

    # --- rendering --------------------------------------------------------------------------------------
    def caption(self) -> str:
        m = self.meta
        args = [f"{k} = {m[k]}" for k in ("n", "seed", "dps", "timeout") if k in m]
        if self.ok:
            state = "passes"
        elif self.failed:
            state = "fails: " + ", ".join(f"{cid} {self[cid].verdict.value}" for cid in self.failed)
        else:
            state = "fails"
        if self.derivations and self.derivations != "up to date":
            state += f"; derivations {self.derivations}"
        return f"salign {self.command}: {len(self.claims)} claim(s), the run {state}" + (
            f" ({', '.join(args)})" if args else "")

    def rows(self) -> list[tuple[str, str, str, str]]:
        """The table: (claim or proposition, verdict, evidence, checks), a claim's propositions after it."""
        out = []
        for c in self.claims:
            label = c.verdict.value + (" *" if c.partial else "")
            out.append((c.id + (" (user)" if c.user else ""), label, c.summary(), c.counts()))
            for p in c.propositions:
                out.append((f"  {p.name}", p.prove if self.command == "prove" and p.prove else p.verdict.value,
                            _evidence(p), _checks(p)))
        return out

    def notes(self) -> list[str]:
        """What the table cannot hold: what a starred verdict leaves out, counterexamples, the C1 measurement."""
        out = [f"* {c.id}: {c.partial}" for c in self.claims if c.partial]
        out += [f"{p.name}: {p.verdict.value}, {_evidence(p, counterexample=True)}"
                for c in self.claims for p in c.propositions if p.counterexample]
        if self.c1 and "rate_exponent" in self.c1:
            out.append(f"C1: MEASURED, the mean-field gap shrinks like k^{float(self.c1['rate_exponent']):.2f}")
        return out

    def __str__(self) -> str:
        header = ("claim / proposition", "verdict", "evidence", "checks")
        rows = [header, *self.rows()]
        widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
        lines = [self.caption()]
        for j, r in enumerate(rows):
            lines.append("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())
            if j == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines + self.notes())

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        """Jupyter's rendering: one row per claim, then its propositions; every text escaped."""
        e = html.escape

        def row(cells, first: str, style: str = "", top: bool = False) -> str:
            """A table row: ``first`` is markup already; each of ``cells`` is text, escaped here."""
            cell = "<td style='text-align:left;{}'>{}</td>"
            return (("<tr style='border-top:1px solid #999'>" if top else "<tr>") + cell.format("", first)
                    + cell.format(f"white-space:nowrap;{style}", e(cells[0]))
                    + "".join(cell.format("", e(c)) for c in cells[1:]) + "</tr>")

        head = "".join(f"<th style='text-align:left'>{e(h)}</th>"
                       for h in ("claim / proposition", "verdict", "in words", "evidence", "checks"))
        body = []
        for c in self.claims:
            style = "color:#a00;font-weight:bold" if c.verdict.fails else \
                ("color:#070;font-weight:bold" if c.verdict.decided_true else "font-weight:bold")
            title = f"<b>{e(c.id)}</b>" + (" (user)" if c.user else "") + f"<br><small>{e(c.title)}</small>"
            label = c.verdict.value + (" *" if c.partial else "")
            body.append(row((label, c.in_words, c.summary(), c.counts()), title, style, top=True))
            for p in c.propositions:
                verdict = p.prove if self.command == "prove" and p.prove else p.verdict.value
                body.append(row((verdict, p.in_words, _evidence(p, counterexample=True), _checks(p)),
                                f"<code style='padding-left:1.5em'>{e(p.name)}</code>"))
        shown = tuple(f"{p.name}: " for c in self.claims for p in c.propositions if p.counterexample)  # in the table
        notes = "".join(f"<li>{e(n)}</li>" for n in self.notes() if not n.startswith(shown))
        return (f"<div class='salign-results'><table><caption style='text-align:left'>{e(self.caption())}</caption>"
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
                + (f"<ul>{notes}</ul>" if notes else "") + "</div>")


class CheckResult(Results):
    """What :func:`check` found: both checkers, combined per proposition (as ``salign check``)."""


class VerifyResult(Results):
    """What :func:`verify` found: the sampling checker alone (as ``salign verify``)."""


class ProveResult(Results):
    """What :func:`prove` found: the exact prover alone (as ``salign prove``)."""


def _evidence(p: PropositionResult, counterexample: bool = False) -> str:
    """A proposition's evidence in words: its routes and coverage, or (``counterexample``) the counterexample."""
    if counterexample and p.counterexample:
        kind = "exact counterexample" if p.exact_counterexample else "smallest sampled counterexample"
        return f"{kind}: {counterexample_text(p.counterexample)}"
    if p.prove and p.prove.startswith(Verdict.VERIFY_ONLY.value):
        return "oracle-only: checked by sampling"
    return ", ".join(p.routes) + (f"; {p.coverage}" if p.coverage and p.routes else p.coverage)


def _checks(p: PropositionResult) -> str:
    return "" if p.checked is None else f"{p.checked} checks" + (f", {p.violations} violations" if p.violations else "")


def counterexample_text(ce: Mapping) -> str:
    """A counterexample in one line: ``a=1, b=1, eta=1, ...`` (exact), or the step size and each block's levels
    (``eta=1.8e-6; D: lambda=5e6 x=2 sigma=0, ...; B: ...``) for a sampled instance."""
    scalars = ", ".join(f"{k}={v}" for k, v in ce.items() if k != "levels")
    levels = ce.get("levels") or {}
    blocks = "; ".join(f"{b}: " + ", ".join(" ".join(f"{k}={v}" for k, v in lv.items() if not (k == "mult" and v == 1))
                                            for lv in lvs) for b, lvs in levels.items())
    return "; ".join(x for x in (scalars, blocks) if x)


# --- reading the commands' JSON -----------------------------------------------------------------------------

def _prover_props(prove_doc: Mapping) -> dict:
    return {p.get("prop"): p for p in prove_doc.get("propositions", [])}


def _from_check(doc: dict, text: str) -> CheckResult:
    claims = []
    for cid, c in doc["claims"].items():
        if cid == "C1":
            continue
        proved, sampled = _prover_props(c["prove"]), c["verify"].get("propositions", {})
        props = []
        for row in c["propositions"]:
            pr, vr = proved.get(row["name"], {}), sampled.get(row["name"], {})
            props.append(PropositionResult(
                row["name"], Verdict(row["verdict"]), _verdict(row["verify"]), row["prove"], tuple(row["routes"]),
                row["coverage"], vr.get("checked"), vr.get("violations", 0), _frozen(pr.get("counterexample")),
                _frozen((vr.get("counterexample") or {}).get("instance")), row["expected_true"],
                pr.get("note") or vr.get("reason", "")))
        v = c["verify"]
        claims.append(ClaimReport(cid, c["title"], Verdict(c["verdict"]), tuple(props), c.get("partial", ""),
                                  v.get("instances"), v.get("checks"), bool(c.get("user"))))
    return CheckResult("check", tuple(claims), bool(doc["ok"]), _frozen(doc["meta"]), text,
                       _frozen(doc["claims"].get("C1")), doc["derivations"])


def _from_verify(doc: dict, text: str, titles: dict, user: set) -> VerifyResult:
    claims = []
    for cid, r in doc["claims"].items():
        if cid == "C1":
            continue
        props = tuple(PropositionResult(
            name, Verdict(p["verdict"]), Verdict(p["verdict"]), None, (), "", p["checked"], p["violations"], None,
            _frozen((p.get("counterexample") or {}).get("instance")), p["expected_true"], p.get("reason", ""))
            for name, p in r["propositions"].items())
        claims.append(ClaimReport(cid, titles.get(cid, ""), Verdict(r["verdict"]), props, "", r["instances"],
                                  r["checks"], cid in user))
    ok = not any(c.verdict.fails for c in claims)
    return VerifyResult("verify", tuple(claims), ok, _frozen(doc["meta"]), text, _frozen(doc["claims"].get("C1")))


def _from_prove(doc: dict, text: str, titles: dict, user: set, timeout: float) -> ProveResult:
    claims = []
    for cid, c in doc.items():
        props = tuple(PropositionResult(
            p["prop"], Verdict(p["verdict"]), None, p["label"], tuple(p.get("routes", ())), p.get("coverage", ""),
            None, 0, _frozen(p.get("counterexample")), None, True, p.get("note", ""))
            for p in c["propositions"])
        claims.append(ClaimReport(cid, titles.get(cid, ""), Verdict(c["verdict"]), props, c.get("partial", ""),
                                  user=cid in user))
    ok = not any(c.verdict.fails for c in claims)
    return ProveResult("prove", tuple(claims), ok, _frozen({"timeout": timeout}), text)


# --- the arguments ------------------------------------------------------------------------------------------

def _whole(name: str, value, minimum: int | None = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise APIError(f"{name} must be a whole number, got {value!r}")
    if minimum is not None and value < minimum:
        raise APIError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def _options(n=None, seed=None, dps=None, jobs=None, timeout=None) -> None:
    """Refuse bad options before any work, with the command line's limits."""
    from salign.verify.verifier.evaluate import GUARD_DIGITS, MIN_DPS

    from .cli import MAX_TIMEOUT

    if n is not None:
        _whole("n (instances per claim)", n)
    if seed is not None:
        _whole("seed", seed, minimum=None)
    if jobs is not None:
        _whole("jobs (worker processes)", jobs)
    if dps is not None and _whole("dps (decimal digits)", dps) < MIN_DPS:
        raise APIError(f"dps={dps} decides nothing (the tolerance would be 10^{GUARD_DIGITS - dps}); use dps={MIN_DPS} "
                       "or more (default 50)")
    if timeout is not None:
        if isinstance(timeout, bool) or not isinstance(timeout, numbers.Real):
            raise APIError(f"timeout must be a number of seconds, got {timeout!r}")
        if not 0 < timeout <= MAX_TIMEOUT:
            raise APIError(f"timeout must be between 0 and {MAX_TIMEOUT:g} seconds, got {timeout}")


def _ids(claims) -> tuple[str | None, list]:
    """``claims`` as the command line's ``--claims`` text, and the :class:`Claim` objects among them that the
    registry does not hold (a built-in claim passed as an object counts as its id)."""
    from salign.theory.claim import Claim
    from salign.theory.registry import CLAIM_IDS, get

    if claims is None or isinstance(claims, str):
        return claims, []
    items = [claims] if isinstance(claims, Claim) else claims
    if not isinstance(items, Iterable) or isinstance(items, Mapping):
        raise APIError(f"claims must be ids ('L1,T1' or ['L1', 'T1']), salign.theory.Claim objects or None (every "
                       f"claim), got a {type(claims).__name__}")
    ids, objects = [], []
    for i, c in enumerate(items):
        if isinstance(c, str):
            ids.append(c)
        elif isinstance(c, Claim):
            ids.append(c.id)
            if not (c.id in CLAIM_IDS and c == get(c.id)):
                objects.append(c)
        else:
            raise APIError(f"claims[{i}] is a {type(c).__name__}, not a claim id (str) or a salign.theory.Claim")
    if not ids:
        raise APIError("claims=[] names no claim; give ids such as ['T1', 'L3'], Claim objects, or None for every claim")
    return ",".join(ids), objects


# --- claims passed as objects: handed to the claims-file loader, so that they are checked as a file's --------

_HANDOFF = threading.local()
_LOCK = threading.RLock()
_SHIM = {"path": None}
_SHIM_TEXT = ('"""Claims handed to salign.check / prove / verify as objects (written by salign.verify.frontend.api)."""\n'
              "from salign.verify.frontend.api import _handed\n\nCLAIMS, ORACLES = _handed()\n")


def _handed():
    """What the shim claims file defines: the claims and oracles of the call in progress (in this thread)."""
    return getattr(_HANDOFF, "value", ([], {}))


def _shim() -> Path:
    """The shim claims file: one per process, in a private temporary folder removed at exit."""
    if _SHIM["path"] is None:
        folder = tempfile.mkdtemp(prefix="salign-api-")
        atexit.register(shutil.rmtree, folder, True)
        path = Path(folder) / "claims.py"
        path.write_text(_SHIM_TEXT)
        _SHIM["path"] = path
    return _SHIM["path"]


@contextmanager
def _source(claims, claims_file, oracles):
    """Yield ``(spec, claims_file)`` for :func:`salign.verify.frontend.status.select`: the user's file as it is,
    or, when Claim objects are passed, the shim file that hands them (and the file's claims) to the loader."""
    spec, objects = _ids(claims)
    if oracles is not None and not isinstance(oracles, Mapping):
        raise APIError(f"oracles must map SymPy symbols to functions instance -> number, got a {type(oracles).__name__}")
    if not objects:
        if oracles:
            raise APIError("oracles= gives values to the symbols of Claim objects passed in claims=; a claims file "
                           "defines its own ORACLES")
        yield spec, str(claims_file) if claims_file is not None else None
        return
    listed, defined = [], {}
    if claims_file is not None:
        from salign.theory.userclaims import load

        listed, defined = load(claims_file)
    with _LOCK:
        shim = _shim()
        _HANDOFF.value = ([*listed, *objects], {**defined, **(oracles or {})})
        try:
            yield spec, str(shim)
        except UserError as e:  # the loader names the file: the shim means the claims given
            if str(shim) not in str(e):
                raise
            raise type(e)(str(e).replace(f"{shim}: ", "the claims given: ").replace(str(shim), "the claims given")) \
                from None
        finally:
            del _HANDOFF.value


@contextmanager
def _caches(on: bool):
    """``cache=False`` is ``--no-cache``: every cache off (the registry's too), for this call only."""
    from salign.verify.prover.cache import ProofCache

    if not isinstance(on, bool):
        raise APIError(f"cache must be True or False, got {on!r}")
    old = os.environ.get("SALIGN_NO_CACHE")
    if not on:
        os.environ["SALIGN_NO_CACHE"] = "1"
    try:
        yield ProofCache(enabled=on)
    finally:
        if not on:
            if old is None:
                os.environ.pop("SALIGN_NO_CACHE", None)
            else:
                os.environ["SALIGN_NO_CACHE"] = old


def _console(progress: bool):
    from rich.console import Console

    return Console() if progress else Console(quiet=True)


def _dumps(doc) -> str:
    """JSON text exactly as the command line writes it."""
    return json.dumps(doc, indent=1, default=str) + "\n"


# --- the three commands ---------------------------------------------------------------------------------------

def check(claims=None, *, claims_file=None, oracles=None, n: int = 100, seed: int = 0, dps: int = 50, jobs: int = 1,
          timeout: float = 8.0, prove: bool = True, cache: bool = True, scheduler: str | None = None,
          coq: str | None = None, derivations: str | None = None, progress: bool = False) -> CheckResult:
    """``salign check``: derive --check, sample (``n`` instances per claim) and prove; one verdict per claim.

    ``claims``: ids (``"L1,T1"``, ``["T1", "C1"]``), Claim objects, or None for every claim and C1.
    ``claims_file``: a Python file defining ``CLAIMS`` (and ``ORACLES``), as ``--claims-file``.  ``oracles``:
    values for the symbols of Claim objects passed in ``claims``.  ``prove=False`` is ``--no-prove``,
    ``cache=False`` is ``--no-cache``; the other options are the command's."""
    from .status import collect_status

    _options(n=n, seed=seed, dps=dps, jobs=jobs, timeout=timeout)
    with _source(claims, claims_file, oracles) as (spec, file), _caches(cache) as proof_cache:
        doc = collect_status(derivations, n, seed, dps, jobs, float(timeout), bool(prove), _console(progress),
                             claims_file=file, cache=proof_cache, scheduler=scheduler, coq=coq, claims=spec,
                             quiet=not progress)
    doc["meta"]["claims_file"] = str(claims_file) if claims_file is not None else None
    text = _dumps(doc)
    return _from_check(json.loads(text), text)


def verify(claims=None, *, claims_file=None, oracles=None, n: int = 200, seed: int = 0, dps: int = 50, jobs: int = 1,
           scheduler: str | None = None, progress: bool = False) -> VerifyResult:
    """``salign verify``: sample ``n`` random instances per claim at ``dps`` digits and check every proposition
    against oracles from the model's definition (no cache, as the command).  ``claims`` as for :func:`check`
    (every claim by default; name ``C1`` to measure it)."""
    from salign.verify.verifier.report import c1_table, resolution, verify_json

    from .status import run_verify, select

    _options(n=n, seed=seed, dps=dps, jobs=jobs)
    with _source(claims, claims_file, oracles) as (spec, file):
        sel = select(spec, file)
        results, c1 = run_verify(sel, n, seed, dps, jobs, _console(progress), quiet=not progress, scheduler=scheduler)
    c1_doc = c1_table(*c1, _console(False)) if c1 else None
    meta = {"n": n, "seed": seed, "dps": dps, "resolution": resolution(dps)}
    text = verify_json(results, meta, c1_doc)
    return _from_verify(json.loads(text), text, {c.id: c.title for c in sel.claims}, set(sel.user_ids))


def prove(claims=None, *, claims_file=None, oracles=None, timeout: float = 8.0, cache: bool = True,
          coq: str | None = None, progress: bool = False) -> ProveResult:
    """``salign prove``: exact proofs (Z3, cvc5, SymPy certificates) of every formal proposition, or checked
    counterexamples; ``coq=DIR`` re-checks every PROVED one with the Coq kernel.  ``claims`` as for :func:`check`
    (every built-in claim by default)."""
    from .status import prove_json, run_prove, select

    _options(timeout=timeout)
    with _source(claims, claims_file, oracles) as (spec, file), _caches(cache) as proof_cache:
        sel = select(spec, file, allow_c1=False)
        res = run_prove(sel, float(timeout), _console(progress), quiet=not progress, cache=proof_cache, coq=coq)
    text = _dumps(prove_json(res))
    return _from_prove(json.loads(text), text, {c.id: c.title for c in sel.claims}, set(sel.user_ids), float(timeout))


__all__ = ["APIError", "CheckResult", "ClaimReport", "PropositionResult", "ProveResult", "Results", "VerifyResult",
           "check", "counterexample_text", "in_words", "prove", "verify"]
