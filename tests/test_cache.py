"""Nothing changed, nothing redone: the registry and proof caches hit when nothing changed, miss when anything
did, and never trust an entry they cannot read."""

import warnings

import pytest
from sympy import srepr

from salign.theory import cache as store
from salign.theory import expression, get
from salign.theory import symbols as S
from salign.theory.claim import Prop
from salign.theory.registry import CLAIM_IDS, DERIVERS
from salign.theory.render import claim_markdown, claim_tex
from salign.verify.prover import cache as pcache
from salign.verify.prover.prove import prove_prop
from salign.verify.verdict import Verdict


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SALIGN_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_a_cached_registry_is_the_derived_one_exactly(cache_dir):
    fresh = {cid: DERIVERS[cid]() for cid in CLAIM_IDS}
    store.save_registry(fresh)
    back = store.load_registry()
    assert back == fresh
    for cid in CLAIM_IDS:
        assert {n: srepr(e) for n, e in back[cid].defines.items()} == {n: srepr(e) for n, e in fresh[cid].defines.items()}
        assert claim_markdown(back[cid]) == claim_markdown(fresh[cid]) and claim_tex(back[cid]) == claim_tex(fresh[cid])


def test_a_corrupt_registry_entry_is_ignored_with_a_warning(cache_dir):
    store.save_registry({cid: DERIVERS[cid]() for cid in CLAIM_IDS})
    (path,) = (cache_dir / "registry").glob("*.pickle")
    path.write_bytes(b"not a pickle")
    with pytest.warns(store.CacheWarning, match="unreadable"):
        assert store.load_registry() is None


def test_a_changed_source_misses_the_registry_cache(cache_dir, monkeypatch):
    store.save_registry({cid: DERIVERS[cid]() for cid in CLAIM_IDS})
    monkeypatch.setattr(store, "source_hash", lambda: "another-source")
    assert store.load_registry() is None


def test_rendered_derivations_are_cached_and_a_corrupt_entry_is_rerendered(cache_dir):
    from salign.theory.render import derivation_files

    first = derivation_files()
    (path,) = (cache_dir / "registry").glob("*-derivations-*.json")
    path.write_text("{not json", encoding="utf-8")
    with pytest.warns(store.CacheWarning, match="unreadable"):
        assert derivation_files() == first
    assert derivation_files() == first  # rewritten, read back without a warning


PROP = Prop("U.dom", expression("dL_D") > 0, (S.eta > expression("eta_D"),))


def test_a_rerun_takes_every_answer_from_the_proof_cache(tmp_path):
    c = pcache.ProofCache(tmp_path)
    first = prove_prop("U", PROP, 8.0, c)
    again = prove_prop("U", PROP, 8.0, pcache.ProofCache(tmp_path))
    assert first.verdict == again.verdict == Verdict.PROVED and not first.cached and again.cached
    assert again.routes == first.routes and again.coverage == first.coverage


def test_a_changed_proposition_misses_the_cache(tmp_path):
    prove_prop("U", PROP, 8.0, pcache.ProofCache(tmp_path))
    changed = Prop("U.dom", expression("dL_D") > 0, (S.eta > expression("eta_D") * 2,))
    c = pcache.ProofCache(tmp_path)
    r = prove_prop("U", changed, 8.0, c)
    assert r.verdict == Verdict.PROVED and not r.cached and c.misses > 0


def test_a_changed_solver_version_misses_the_cache(tmp_path, monkeypatch):
    prove_prop("U", PROP, 8.0, pcache.ProofCache(tmp_path))
    monkeypatch.setattr(pcache, "solver_versions", lambda: {"z3": "99.0", "cvc5": "1.4.2"})
    c = pcache.ProofCache(tmp_path)
    assert not prove_prop("U", PROP, 8.0, c).cached and c.hits == 0


def test_a_corrupt_proof_entry_is_ignored_with_a_warning_and_recomputed(tmp_path):
    first = prove_prop("U", PROP, 8.0, pcache.ProofCache(tmp_path))
    for f in tmp_path.rglob("*.json"):
        f.write_text('{"key": "something else", "value": {"result": "proved", "routes": ["forged"]}}')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = prove_prop("U", PROP, 8.0, pcache.ProofCache(tmp_path))
    assert any(issubclass(w.category, store.CacheWarning) for w in caught)
    assert not r.cached and "forged" not in r.routes and r.routes == first.routes


def test_no_cache_means_no_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SALIGN_NO_CACHE", "1")
    c = pcache.ProofCache(tmp_path)
    prove_prop("U", PROP, 8.0, c)
    assert not c.enabled and not list(tmp_path.rglob("*.json"))


def test_the_check_reports_cached_verdicts(tmp_path, capsys, monkeypatch):
    from salign.verify.frontend.cli import main

    monkeypatch.setenv("SALIGN_CACHE_DIR", str(tmp_path))
    assert main(["prove", "--claims", "L4"]) == 0
    capsys.readouterr()
    assert main(["prove", "--claims", "L4"]) == 0
    out = capsys.readouterr().out
    assert "(cached)" in out and "0 computed" in out
    assert get("L4")


@pytest.mark.parametrize("others", ["group", "all"])
def test_an_entry_anyone_could_have_written_is_ignored(tmp_path, others):
    """A planted entry in a world-writable cache directory cannot turn a false statement PROVED: the prover
    answers it again (the fifth review planted PROVED for dL_D <= 0, which is false beyond eta_D)."""
    import json
    import stat

    from salign.theory import observables as O
    from salign.theory.cache import CacheWarning
    from salign.theory.claim import Prop
    from salign.verify.prover.cache import ProofCache
    from salign.verify.prover.prove import prove_prop
    from salign.verify.verdict import Verdict

    prop = Prop("U.false", O.dL_D <= 0)
    cache = ProofCache(tmp_path)
    first = prove_prop("U", prop, 4.0, cache=cache)
    assert first.verdict == Verdict.REFUTED
    (entry,) = [p for p in tmp_path.rglob("*.json") if json.loads(p.read_text())["value"].get("prop") == "U.false"]
    doc = json.loads(entry.read_text())
    doc["value"].update(verdict="PROVED", counterexample=None, routes=["z3", "cvc5"])
    entry.write_text(json.dumps(doc))
    entry.parent.chmod(entry.parent.stat().st_mode | (stat.S_IWGRP if others == "group" else stat.S_IWOTH))
    with pytest.warns(CacheWarning, match="writable by others"):
        again = prove_prop("U", prop, 4.0, cache=ProofCache(tmp_path))
    assert again.verdict == Verdict.REFUTED and again.counterexample


def test_entries_salign_writes_stay_trusted_under_a_permissive_umask(tmp_path):
    """With umask 002 files and folders would be group-writable, and so ignored: salign writes its own
    entries writable by their owner only."""
    import os
    import stat

    from salign.theory.cache import CacheWarning
    from salign.verify.prover.cache import ProofCache
    from salign.verify.prover.prove import prove_prop

    old = os.umask(0o002)
    try:
        prop = get("L2").prop("L2.P_positive")
        prove_prop("L2", prop, 4.0, cache=ProofCache(tmp_path))
        with warnings.catch_warnings():
            warnings.simplefilter("error", CacheWarning)
            again = prove_prop("L2", prop, 4.0, cache=ProofCache(tmp_path))
    finally:
        os.umask(old)
    assert again.cached
    assert not any(p.stat().st_mode & (stat.S_IWGRP | stat.S_IWOTH) for p in tmp_path.rglob("*"))
