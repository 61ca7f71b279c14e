"""The prover: SymPy -> SMT translation, a Z3 + cvc5 portfolio, interval certificates."""
