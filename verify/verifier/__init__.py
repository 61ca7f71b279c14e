"""The sampling verifier: random instances, oracles from the model's definition, the checking engine."""
