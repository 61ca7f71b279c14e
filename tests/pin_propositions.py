"""Write tests/data/propositions.json: every built-in proposition as stated (run after a deliberate change).

    python tests/pin_propositions.py
"""

import json
from pathlib import Path

from sympy import sstr

from salign.theory import registry

PINNED = Path(__file__).parent / "data" / "propositions.json"


def statements() -> dict:
    """``{proposition: {"model", "conclusion", "hypotheses"}}`` in SymPy's plain text, for every built-in claim."""
    return {p.name: {"model": p.model, "conclusion": sstr(p.conclusion, order="lex"),
                     "hypotheses": [sstr(h, order="lex") for h in p.hypotheses]}
            for c in registry().values() for p in c.props}


if __name__ == "__main__":
    PINNED.write_text(json.dumps(statements(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {PINNED}")
