"""Sampled results kept between runs (:mod:`salign.verify.frontend.sample_cache`): a rerun with nothing changed
samples nothing, and a change of any part of the key (the statement, the oracles, the verifier's code, the
seed, ``n``, the digits) samples again.  A corrupt or foreign entry is ignored, never trusted."""

from __future__ import annotations

import io
import json
import warnings

import mpmath
import pytest
from rich.console import Console

from salign.theory.cache import CacheWarning
from salign.verify.frontend import sample_cache as sc
from salign.verify.frontend.cli import main
from salign.verify.frontend.status import run_verify, select
from salign.verify.verifier.report import result_json

N, SEED, DPS = 4, 0, 30

CLAIMS_FILE = """
from sympy import Symbol
from salign.theory import Claim, Prop
from salign.theory import symbols as S

w = Symbol("w", positive=True)
ORACLES = {{w: lambda inst: {value}}}
CLAIMS = [Claim(id="MINE", title="mine", statement="mine", hypotheses="none", defines={{}},
                props=(Prop("MINE.p", {conclusion}),))]
"""


def _file(tmp_path, value="2", conclusion="w * S.eta > S.eta", name="mine.py"):
    path = tmp_path / name
    path.write_text(CLAIMS_FILE.format(value=value, conclusion=conclusion))
    return str(path)


def _run(sel, cache, n=N, seed=SEED, dps=DPS):
    results, _ = run_verify(sel, n, seed, dps, 1, Console(file=io.StringIO()), quiet=True, cache=cache)
    return results


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.delenv("SALIGN_NO_CACHE", raising=False)
    return sc.SampleCache(tmp_path / "samples")


def _fresh(cache):
    """A new cache object on the same folder (a new run): its counters start at zero."""
    return sc.SampleCache(cache.directory)


def test_a_rerun_with_nothing_changed_samples_nothing(cache, monkeypatch):
    sel = select("L1")
    first = _run(sel, cache)
    assert cache.reused == [] and list(cache.directory.rglob("*.json"))

    def no_sampling(*a, **k):
        raise AssertionError("sampled again although nothing changed")

    monkeypatch.setattr("salign.verify.verifier.run.verify_claims", no_sampling)
    again = _fresh(cache)
    second = _run(sel, again)
    assert again.reused == ["L1"]
    assert result_json(second["L1"]) == result_json(first["L1"])  # the very result, margins to the last bit


@pytest.mark.parametrize("change", [{"n": N + 1}, {"seed": SEED + 1}, {"dps": DPS + 5}])
def test_another_argument_misses(cache, change):
    sel = select("L1")
    _run(sel, cache)
    again = _fresh(cache)
    _run(sel, again, **change)
    assert again.reused == []


def test_another_statement_misses(cache, tmp_path):
    _run(select(None, _file(tmp_path)), cache)
    same = _fresh(cache)
    _run(select(None, _file(tmp_path)), same)
    assert "MINE" in same.reused
    changed = _fresh(cache)
    _run(select(None, _file(tmp_path, conclusion="w * S.eta >= S.eta")), changed)
    assert "MINE" not in changed.reused


def test_another_claim_id_misses(cache):
    claim = select("L1").claims[0]
    key = cache.claim_key(claim, N, SEED, DPS)
    from dataclasses import replace

    assert cache.claim_key(replace(claim, id="L1B"), N, SEED, DPS) != key


def test_another_oracle_misses_for_the_users_claim_only(cache, tmp_path):
    sel = select("L1,MINE", _file(tmp_path, value="2"))
    _run(sel, cache)
    changed = _fresh(cache)
    _run(select("L1,MINE", _file(tmp_path, value="3")), changed)
    # the built-in claim never reads the user's symbol w: it is reused; the user's claim is sampled again
    assert changed.reused == ["L1"]


def test_an_oracle_for_a_model_symbol_reaches_the_built_in_claims(tmp_path):
    from salign.theory import observables as O

    sel = select("L1")
    assert not sc.depends_on_oracles(sel.claims[0], (), {})
    assert sc.depends_on_oracles(sel.claims[0], (), {O.dL_D: lambda inst: 0})


def test_an_oracle_in_another_file_is_part_of_the_key(tmp_path, monkeypatch):
    helper = tmp_path / "helper_oracle.py"
    helper.write_text("def value(inst):\n    return 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    import helper_oracle

    from salign.theory import observables as O

    claims = _file(tmp_path)
    before = sc.oracles_digest(claims, {O.dL_D: helper_oracle.value})
    helper.write_text("def value(inst):\n    return 3\n")
    importlib.reload(helper_oracle)
    assert sc.oracles_digest(claims, {O.dL_D: helper_oracle.value}) != before
    assert sc.oracles_digest(claims, {O.dL_D: len}) is None  # a builtin: no source to hash, so never cached


def test_a_change_of_the_verifiers_code_misses(cache, tmp_path, monkeypatch):
    sel = select("L1")
    extra = tmp_path / "engine_patch.py"
    extra.write_text("# version 1\n")
    sources = sc.verifier_sources()
    monkeypatch.setattr(sc, "verifier_sources", lambda: [*sources, extra])
    sc.code_hash.cache_clear()
    try:
        _run(sel, cache)
        same = _fresh(cache)
        _run(sel, same)
        assert same.reused == ["L1"]
        extra.write_text("# version 2\n")
        sc.code_hash.cache_clear()
        changed = _fresh(cache)
        _run(sel, changed)
        assert changed.reused == []
    finally:
        sc.code_hash.cache_clear()
    names = {p.name for p in sources}
    assert {"engine.py", "oracles.py", "sampling.py", "verdict.py", "sample_cache.py"} <= names


def _entry(cache):
    (path,) = cache.directory.rglob("*.json")
    return path


def test_a_corrupt_entry_is_ignored_and_recomputed(cache):
    sel = select("L1")
    first = _run(sel, cache)
    path = _entry(cache)
    path.write_text("{ not json")
    again = _fresh(cache)
    with pytest.warns(CacheWarning):
        second = _run(sel, again)
    assert again.reused == []
    assert {**result_json(second["L1"]), "seconds": 0} == {**result_json(first["L1"]), "seconds": 0}  # sampled again
    assert json.loads(path.read_text())["key"] == path.stem  # rewritten whole


def test_a_foreign_entry_is_ignored(cache):
    """An entry that records another key (copied, or written for other arguments) is never read as this one."""
    sel = select("L1")
    _run(sel, cache, seed=SEED + 7)
    other = _entry(cache)
    key = cache.claim_key(sel.claims[0], N, SEED, DPS)
    target = cache._path(key)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(other.read_text())
    again = _fresh(cache)
    with pytest.warns(CacheWarning):
        _run(sel, again)
    assert again.reused == []


def test_an_entry_of_another_claim_under_this_key_is_ignored(cache):
    sel_l1, sel_l2 = select("L1"), select("L2")
    _run(sel_l2, cache)
    l2_value = json.loads(_entry(cache).read_text())["value"]
    key = cache.claim_key(sel_l1.claims[0], N, SEED, DPS)
    cache.put(key, l2_value)  # a well-formed entry, but of another claim
    again = _fresh(cache)
    with pytest.warns(CacheWarning):
        assert again.get_claim(key, sel_l1.claims[0]) is None


def test_an_error_is_never_stored(cache):
    from salign.verify.verifier.engine import ClaimResult, PropResult

    r = ClaimResult("L1", 1, {"L1.D": PropResult("L1.D", error="L1/L1.D: RuntimeError: boom (sample 0)")})
    cache.put_claim("0" * 64, r)
    assert not list(cache.directory.rglob("*.json"))


def test_the_stored_form_is_exact():
    from salign.verify.verifier.engine import ClaimResult, PropResult

    with mpmath.workdps(60):
        m = mpmath.mpf(1) / 3
    r = ClaimResult("X", 7, {"X.p": PropResult("X.p", checked=3, worst_margin=m, faces={0: 2, 3: 1},
                                               counterexample={"sample": 2, "instance": {"eta": "0.5"}}),
                             "X.q": PropResult("X.q", checked=1, worst_margin=9.999999999998805e-19)}, 1.25)
    back = sc.decode_result(json.loads(json.dumps(sc.encode_result(r))))
    assert back == r and back.props["X.p"].worst_margin == m  # all 200 bits, not rounded to the working precision
    assert type(back.props["X.q"].worst_margin) is float
    with pytest.raises(TypeError):
        sc.encode_result(ClaimResult("X", 1, {"X.p": PropResult("X.p", worst_margin=object())}))


def test_no_cache_reads_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("SALIGN_NO_CACHE", "1")
    off = sc.SampleCache(tmp_path / "samples")
    _run(select("L1"), off)
    assert not off.enabled and not (tmp_path / "samples").exists()


def test_c1_is_kept_by_its_seed(cache, monkeypatch):
    from salign.verify.experiments.concentration import GapRow

    rows = [GapRow(1, 10, 0.5, 0.51, 0.01, 0.001), GapRow(10, 100, 0.5, 0.501, 0.001, 0.0001)]
    cache.put_c1(3, rows)
    assert _fresh(cache).get_c1(3) == rows and _fresh(cache).get_c1(4) is None


# --- the command line ---------------------------------------------------------------------------------------

def test_check_claims_selects_and_reuses(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SALIGN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SALIGN_NO_CACHE", "0")  # restored afterwards, whatever --no-cache sets
    out = tmp_path / "out.json"
    args = ["check", "--claims", "L1,MINE", "--claims-file", _file(tmp_path), "--no-prove", "-n", "4",
            "--json", str(out)]
    assert main(args) == 0
    first = json.loads(out.read_text())
    assert list(first["claims"]) == ["L1", "MINE"] and first["cached_samples"] == []
    assert "2 sampled (L1, MINE)" in capsys.readouterr().out
    assert main(args) == 0
    second = json.loads(out.read_text())
    assert second["cached_samples"] == ["L1", "MINE"]
    assert second["claims"]["L1"]["verify"] == first["claims"]["L1"]["verify"]
    assert main([*args, "--no-cache"]) == 0
    assert "cached_samples" not in json.loads(out.read_text())


def test_check_claims_unknown_id_is_one_line(tmp_path, capsys):
    assert main(["check", "--claims", "L1,NOPE", "--no-prove"]) == 2
    err = capsys.readouterr().err
    assert "unknown claim id(s) NOPE" in err and "Traceback" not in err
    assert main(["check", "--claims", "MINE", "--no-prove"]) == 2  # a user's id without its file
    assert main(["check", "--claims", ",", "--no-prove"]) == 2


def test_an_unchanged_warning_free_hit(cache):
    """A hit is silent: no warning for a well-formed entry."""
    sel = select("L1")
    _run(sel, cache)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _run(sel, _fresh(cache))


def test_an_entry_anyone_could_have_written_is_ignored(cache):
    """The proof cache's trust model holds for sampled results too: a SAMPLED planted in a folder others can write
    is not read (it would hide a violation)."""
    import stat

    sel = select("L1")
    _run(sel, cache)
    folder = _entry(cache).parent
    folder.chmod(folder.stat().st_mode | stat.S_IWOTH)
    try:
        again = _fresh(cache)
        with pytest.warns(CacheWarning, match="writable by others"):
            _run(sel, again)
        assert again.reused == []
    finally:
        folder.chmod(folder.stat().st_mode & ~stat.S_IWOTH)
