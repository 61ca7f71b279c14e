"""Numeric layer of suspicious-alignment: sampling, oracles, proofs, simulation, the CLI."""
