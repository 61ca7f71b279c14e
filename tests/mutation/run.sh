#!/usr/bin/env bash
# Mutation testing (outside CI, about an hour): cosmic-ray on a fixed-seed sample of the mutants of the symbolic
# layer, the translator and prover, and the oracles and engine, each against its semantic tests (never the
# byte-identical derivations test). Run from the repository root in an environment where salign is installed in
# editable mode (pip install -e '.[test]' cosmic-ray): cosmic-ray mutates the files in place, one at a time, and
# restores them. Usage: [MUTATION_GROUPS="prover verifier"] tests/mutation/run.sh [SAMPLE_PER_GROUP]  (default 60, all groups)
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-60}"
OUT="${MUTATION_OUT:-mutation-out}"
mkdir -p "$OUT"
for group in ${MUTATION_GROUPS:-theory prover verifier}; do
    cfg="tests/mutation/$group.toml"
    db="$OUT/$group.sqlite"
    rm -f "$db"
    cosmic-ray init "$cfg" "$db"
    cr-filter-operators "$db" "$cfg"
    python tests/mutation/sample.py "$db" "$N" 0
    cosmic-ray exec "$cfg" "$db"
    python tests/mutation/survivors.py "$db" | tee "$OUT/$group-survivors.txt"
done
