r"""Read the exported LaTeX of a proposition back into SymPy, and check that it says what was checked.

:func:`roundtrip` prints a proposition as :func:`salign.theory.latex.prop_tex` does, reads the display back with
:func:`parse_statement` and compares the result with ``hypotheses => conclusion`` (:func:`compare`).  It runs on the
fully written-out form (``named={}``): a named result such as ``\eta^*`` is a name for the reader, not an expression
it could expand, and the named form differs from the written-out one only by putting names in place of whole
subexpressions.

The reader is this module's own, over SymPy: it takes the LaTeX that :class:`~salign.theory.latex.PaperPrinter`
writes (and the usual spellings of the same things) by the usual conventions of mathematics, and refuses what would
need another convention to be read (a chain ``a \Leftrightarrow b \Leftrightarrow c``, a power of ``\log{(x)}``, two
relations in a row, a symbol it does not know).  SymPy's ``parse_latex`` misreads that LaTeX with both of its back
ends in SymPy 1.14: the ANTLR one reads ``b \left(x + 1\right)`` as the function ``b`` applied to ``x + 1``,
``\log{\left(x\right)} y`` as ``log(x y)``, cannot read ``\left|x\right|`` and silently drops a trailing factor
(``x \left|y\right|`` is ``x``); the Lark one cannot read ``x^{2} y`` and lexes ``\left`` as ``\le`` + ``ft``.

Symbols: every project symbol (and each symbol passed in ``symbols``) is recognised by the LaTeX the printer writes
for it (``\eta_{D,\mathrm{root}}``, ``\Delta L_D``, ``(\bar\chi' - \chi)``, ``\mathbb{E}[G_D(x')]``, ...), the
longest spelling first, as a lexer would; two symbols written the same are refused as ambiguous where they occur.

Connectives, from the tightest: ``\neg``; ``\wedge``; ``\vee``; ``\Rightarrow`` / ``\Longrightarrow`` (between
two operands); ``\Leftrightarrow`` (between two).  Relations ``= \neq < > \le \leq \ge \geq``.  Terms: numbers,
``+ -``, juxtaposition, ``\cdot``, ``\times``, ``\frac{}{}``, powers ``^{}``, ``\sqrt{}``, ``\sqrt[n]{}``,
``\left|..\right|``, ``\max``, ``\min``, ``\log``, ``\ln``, ``\exp``, ``e^{..}``, ``\pi``.
"""

from __future__ import annotations

import math
import random
import re
from functools import lru_cache

from sympy import (
    Abs,
    Add,
    Catalan,
    Dummy,
    E,
    Eq,
    EulerGamma,
    Ge,
    GoldenRatio,
    Gt,
    Integer,
    Le,
    Lt,
    Max,
    Min,
    Mul,
    Ne,
    Pow,
    Rational,
    TribonacciConstant,
    cancel,
    count_ops,
    exp,
    expand,
    log,
    pi,
    simplify,
)
from sympy.core.relational import Relational
from sympy.logic.boolalg import And, BooleanFalse, BooleanTrue, Equivalent, Implies, Not, Or, Xor
from sympy.logic.inference import satisfiable

from .latex import CONNECTIVES, PaperPrinter, prop_tex


class LatexReadError(ValueError):
    """LaTeX that cannot be read back (unknown, ambiguous or malformed); the message says where."""


# --- tokens --------------------------------------------------------------------------------------

#: a command whose argument is a name, not mathematics (one token with its argument)
_NAMED = r"\\(?:mathrm|mathit|mathbb|mathbf|mathcal|mathsf|text|operatorname)\s*\{[^{}]*\}"
_TOKEN = re.compile(rf"{_NAMED}|\\(?:left|right)\s*(?:\\[{{}}|]|[()\[\]|.])|\\[A-Za-z]+|\\.|\d+(?:\.\d+)?|\S")
#: tokens that only space or lay out a display
_LAYOUT = {r"\;", r"\,", r"\:", r"\!", "\\ ", r"\quad", r"\qquad", r"\displaystyle", r"\textstyle", r"\nonumber",
           "&", "\\\\", r"\[", r"\]", "$"}


def _unwrap(tex: str) -> str:
    """The mathematics of a display: environments, labels and ``\\resizebox{w}{h}{$...$}`` taken off."""
    tex = re.sub(r"\\(?:begin|end)\{[A-Za-z*]+\}|\\label\{[^{}]*\}", " ", tex)
    while (i := tex.find(r"\resizebox")) >= 0:
        j = i + len(r"\resizebox")
        groups = []
        for _ in range(3):
            while j < len(tex) and tex[j].isspace():
                j += 1
            if j >= len(tex) or tex[j] != "{":
                raise LatexReadError(r"a \resizebox without its three arguments")
            depth, k = 0, j
            while k < len(tex):
                depth += {"{": 1, "}": -1}.get(tex[k], 0) if tex[k - 1] != "\\" else 0
                if depth == 0:
                    break
                k += 1
            groups.append(tex[j + 1:k])
            j = k + 1
        tex = tex[:i] + " " + groups[2] + " " + tex[j:]
    return tex


def _tokens(tex: str) -> list[str]:
    """LaTeX as tokens, layout dropped, a one-token sub- or superscript braced (``x_i`` as ``x_{i}``)."""
    raw = [re.sub(r"\s+", "", t) if t.startswith((r"\left", r"\right")) else re.sub(r"\s+(?=\{)", "", t)
           for t in _TOKEN.findall(tex)]
    raw = [t for t in raw if t not in _LAYOUT]
    out, i = [], 0
    while i < len(raw):
        t = raw[i]
        out.append(t)
        if t in ("_", "^") and i + 1 < len(raw) and raw[i + 1] != "{":
            nxt = raw[i + 1]
            if re.fullmatch(r"\d\d+", nxt):  # x^23 is x^{2} 3
                out += ["{", nxt[0], "}"]
                raw[i + 1] = nxt[1:]
                i += 1
                continue
            out += ["{", nxt, "}"]
            i += 2
            continue
        i += 1
    return out


# --- symbols by their spelling ---------------------------------------------------------------------


class _Sym:
    """A symbol found in the token stream (or an ambiguous spelling, ``sym`` None)."""

    __slots__ = ("sym", "text", "choices")

    def __init__(self, sym, text: str, choices=()):
        self.sym, self.text, self.choices = sym, text, choices

    def __repr__(self):
        return self.text


def _spelling(sym) -> tuple[str, ...]:
    return tuple(_tokens(PaperPrinter().doprint(sym)))


@lru_cache(maxsize=None)
def _project_spellings() -> dict:
    from .observables import project_symbols

    return _spellings_of(frozenset(project_symbols()))


def _spellings_of(symbols) -> dict:
    out: dict[tuple, list] = {}
    for s in sorted(symbols, key=lambda x: x.name):
        sp = _spelling(s)
        if s not in out.setdefault(sp, []):
            out[sp].append(s)
    return out


def spellings(symbols=()) -> dict[tuple, list]:
    """Each spelling (as tokens) with the symbols that print as it: the project's and ``symbols``."""
    out = {k: list(v) for k, v in _project_spellings().items()}
    for sp, syms in _spellings_of(frozenset(symbols)).items():
        for s in syms:
            if s not in out.setdefault(sp, []):
                out[sp].append(s)
    return out


def _find_symbols(tokens: list[str], spell: dict) -> list:
    """Tokens with each symbol's spelling replaced by one :class:`_Sym`, the longest spelling first at each place
    (a spelling followed by ``_`` or ``'`` is part of a longer name, not the symbol)."""
    by_first: dict[str, list] = {}
    for sp in sorted(spell, key=len, reverse=True):
        if sp:
            by_first.setdefault(sp[0], []).append(sp)
    out, i = [], 0
    while i < len(tokens):
        for sp in by_first.get(tokens[i], ()):
            n = len(sp)
            if tuple(tokens[i:i + n]) == sp and (i + n >= len(tokens) or tokens[i + n] not in ("_", "'")):
                syms = spell[sp]
                text = " ".join(sp)
                out.append(_Sym(syms[0], text) if len(syms) == 1 else _Sym(None, text, tuple(syms)))
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


# --- the reader --------------------------------------------------------------------------------------

_RELATIONS = {"=": Eq, r"\neq": Ne, r"\ne": Ne, "<": Lt, ">": Gt, r"\le": Le, r"\leq": Le, r"\leqslant": Le,
              r"\ge": Ge, r"\geq": Ge, r"\geqslant": Ge}
_AND, _OR, _NOT = {r"\wedge", r"\land"}, {r"\vee", r"\lor"}, {r"\neg", r"\lnot"}
_IMPLIES = {r"\Rightarrow", r"\Longrightarrow", r"\implies"}
_IFF = {r"\Leftrightarrow", r"\Longleftrightarrow", r"\iff"}
_CONNECTIVE_TOKENS = _AND | _OR | _NOT | _IMPLIES | _IFF
_OPEN = {r"\left(": r"\right)", "(": ")", "{": "}", r"\left[": r"\right]", "[": "]", r"\left|": r"\right|",
         r"\left\{": r"\right\}"}
_CLOSE = set(_OPEN.values())
_FRAC = {r"\frac", r"\dfrac", r"\tfrac"}
_CONSTANTS = {r"\pi": pi, "e": E, r"\mathrm{Catalan}": Catalan, r"\gamma": EulerGamma, r"\phi": GoldenRatio,
              r"\text{TribonacciConstant}": TribonacciConstant}
_FUNCTIONS = {r"\log": log, r"\ln": log, r"\exp": exp}
_EXTREMA = {r"\max": Max, r"\min": Min}
_STARTS_FACTOR = ({r"\left(", "(", "{", r"\left[", r"\left|", r"\sqrt"} | _FRAC | set(_CONSTANTS) | set(_FUNCTIONS)
                  | set(_EXTREMA))


def _boolean_symbols() -> frozenset:
    """The symbols that are statements, not numbers (the only one a statement may use: the spectral gap)."""
    from .observables import spectral_gap

    return frozenset({spectral_gap})


class _Reader:
    def __init__(self, tokens: list):
        self.t, self.i = tokens, 0

    # helpers
    def peek(self, k: int = 0):
        j = self.i + k
        return self.t[j] if j < len(self.t) else None

    def take(self):
        tok = self.peek()
        if tok is None:
            raise LatexReadError("the LaTeX ends too early")
        self.i += 1
        return tok

    def expect(self, tok: str):
        got = self.take()
        if got != tok:
            raise LatexReadError(f"expected {tok} at token {self.i}, found {got}")

    def where(self) -> str:
        return " ".join(str(x) for x in self.t[max(0, self.i - 3):self.i + 4])

    def closing(self, j: int) -> int:
        """The index of the token closing the bracket opened at ``j``."""
        close, depth = _OPEN[self.t[j]], 0
        for k in range(j, len(self.t)):
            tok = self.t[k]
            if isinstance(tok, str) and tok in _OPEN:
                depth += 1
            elif isinstance(tok, str) and tok in _CLOSE:
                depth -= 1
                if depth == 0:
                    if tok != close:
                        raise LatexReadError(f"{self.t[j]} closed by {tok}")
                    return k
        raise LatexReadError(f"{self.t[j]} never closed")

    def _says_statement(self, lo: int, hi: int) -> bool:
        """Is there a connective or a relation at the top level of tokens ``lo:hi``?"""
        depth = 0
        for tok in self.t[lo:hi]:
            if not isinstance(tok, str):
                continue
            if tok in _OPEN:
                depth += 1
            elif tok in _CLOSE:
                depth -= 1
            elif depth == 0 and (tok in _CONNECTIVE_TOKENS or tok in _RELATIONS):
                return True
        return False

    # statements
    def statement(self):
        left = self.implication()
        if self.peek() in _IFF:
            self.take()
            right = self.implication()
            if self.peek() in _IFF:
                raise LatexReadError(r"a chain of \Leftrightarrow is ambiguous: group it")
            return Equivalent(left, right)
        return left

    def implication(self):
        left = self.disjunction()
        if self.peek() in _IMPLIES:
            self.take()
            right = self.disjunction()
            if self.peek() in _IMPLIES:
                raise LatexReadError(r"a chain of \Rightarrow is ambiguous: group it")
            return Implies(left, right)
        return left

    def disjunction(self):
        args = [self.conjunction()]
        while self.peek() in _OR:
            self.take()
            args.append(self.conjunction())
        return _unevaluated(Or, args)

    def conjunction(self):
        args = [self.negation()]
        while self.peek() in _AND:
            self.take()
            args.append(self.negation())
        return _unevaluated(And, args)

    def negation(self):
        if self.peek() in _NOT:
            self.take()
            return Not(self.negation(), evaluate=False)  # as written: Not(b_inf > 0) is not b_inf <= 0
        tok = self.peek()
        if tok in (r"\left(", "("):
            k = self.closing(self.i)
            if self._says_statement(self.i + 1, k):
                self.take()
                b = self.statement()
                self.expect(_OPEN[tok])
                return b
        return self.relation()

    def relation(self):
        tok = self.peek()
        if isinstance(tok, _Sym) and tok.sym is not None and tok.sym in _boolean_symbols():
            self.take()
            return tok.sym  # a boolean atom (the spectral gap)
        lhs = self.expr()
        op = self.peek()
        if isinstance(op, str) and op in _RELATIONS:
            self.take()
            rhs = self.expr()
            nxt = self.peek()
            if isinstance(nxt, str) and nxt in _RELATIONS:
                raise LatexReadError(f"two relations in a row near: {self.where()}")
            return _RELATIONS[op](lhs, rhs)
        raise LatexReadError(f"a term where a statement was expected near: {self.where()}")

    # terms
    def expr(self):
        negative = self.peek() in ("+", "-") and self.take() == "-"
        first = self.term()
        terms = [-first if negative else first]
        while self.peek() in ("+", "-"):
            sign = -1 if self.take() == "-" else 1
            t = self.term()
            terms.append(-t if sign == -1 else t)
        return Add(*terms)

    def _starts_factor(self, tok) -> bool:
        return isinstance(tok, _Sym) or (isinstance(tok, str) and (tok in _STARTS_FACTOR or tok[0].isdigit()))

    def term(self):
        factors = [self.power()]
        last_number = isinstance(self.t[self.i - 1], str) and self.t[self.i - 1][0].isdigit()
        while True:
            tok = self.peek()
            if tok in (r"\cdot", r"\times"):
                self.take()
                factors.append(self.power())
            elif self._starts_factor(tok):
                if last_number and isinstance(tok, str) and tok[0].isdigit():
                    raise LatexReadError(f"two numbers side by side near: {self.where()}")
                factors.append(self.power())
            else:
                break
            last_number = isinstance(self.t[self.i - 1], str) and self.t[self.i - 1][0].isdigit()
        return Mul(*factors)

    def power(self):
        applied = self.peek() in _FUNCTIONS  # \log{(x)} itself, not (\log{(x)})
        base = self.atom()
        if self.peek() == "^":
            if applied:
                raise LatexReadError(r"\log{(x)}^{n} is ambiguous (the log of x^n, or (log x)^n): group it")
            self.take()
            exponent = self.group()
            if self.peek() == "^":
                raise LatexReadError(f"a double superscript near: {self.where()}")
            return Pow(base, exponent)
        return base

    def group(self):
        """``{ expr }``."""
        self.expect("{")
        e = self.expr()
        self.expect("}")
        return e

    def argument(self):
        """The argument of ``\\log`` or ``\\exp``: a braced or bracketed group."""
        tok = self.peek()
        if tok == "{":
            return self.group()
        if tok in (r"\left(", "("):
            self.take()
            e = self.expr()
            self.expect(_OPEN[tok])
            return e
        raise LatexReadError(f"a function's argument must be grouped near: {self.where()}")

    def atom(self):
        tok = self.take()
        if isinstance(tok, _Sym):
            if tok.sym is None:
                raise LatexReadError(f"{tok.text} is the spelling of {', '.join(s.name for s in tok.choices)}: "
                                     "ambiguous")
            if tok.sym in _boolean_symbols():
                raise LatexReadError(f"{tok.text} is a statement, used as a number")
            return tok.sym
        if re.fullmatch(r"\d+", tok):
            return Integer(tok)
        if re.fullmatch(r"\d+\.\d+", tok):
            return Rational(tok)
        if tok in (r"\left(", "(", r"\left[", "{"):
            e = self.expr()
            self.expect(_OPEN[tok])
            return e
        if tok == r"\left|":
            e = self.expr()
            self.expect(r"\right|")
            return Abs(e)
        if tok in _FRAC:
            num = self.group()
            den = self.group()
            return num / den
        if tok == r"\sqrt":
            n = Integer(2)
            if self.peek() == "[":
                self.take()
                n = self.expr()
                self.expect("]")
            return Pow(self.group(), Integer(1) / n)
        if tok in _FUNCTIONS:
            return _FUNCTIONS[tok](self.argument())
        if tok in _EXTREMA:
            opener = self.take()
            if opener not in (r"\left(", "("):
                raise LatexReadError(f"{tok} without its arguments in brackets")
            args = [self.expr()]
            while self.peek() == ",":
                self.take()
                args.append(self.expr())
            self.expect(_OPEN[opener])
            return _EXTREMA[tok](*args)
        if tok in _CONSTANTS:
            return _CONSTANTS[tok]
        raise LatexReadError(f"cannot read {tok!r} near: {self.where()} (an unknown symbol or command?)")


def parse_statement(tex: str, symbols=()) -> object:
    """The SymPy boolean that a display (``\\[ ... \\]`` or ``align*``, as :func:`~salign.theory.latex.prop_tex`
    writes it), or a bare formula, says.  ``symbols``: symbols of the statement besides the project's (a user's
    oracle symbols), recognised by the LaTeX the printer writes for them.  Raises :class:`LatexReadError`."""
    tokens = _find_symbols(_tokens(_unwrap(tex)), spellings(symbols))
    if not tokens:
        raise LatexReadError("no statement")
    reader = _Reader(tokens)
    b = reader.statement()
    if reader.peek() is not None:
        raise LatexReadError(f"unread LaTeX after the statement: {reader.where()}")
    return b


# --- the same statement? ------------------------------------------------------------------------------------


def _unevaluated(op, args):
    """``op(*args)`` as written (one argument: itself).  SymPy's ``And``/``Or`` drop or decide relations it takes
    for complements (``x >= y | x < y`` is ``True``, even with ``evaluate=False``), which holds only where both
    sides have a value: where ``log(log(t))`` has none, neither relation holds."""
    args = tuple(args)
    return args[0] if len(args) == 1 else op._from_args(args)


def statement(prop):
    """What a proposition says: ``And(*hypotheses) => conclusion`` (the conclusion alone without hypotheses)."""
    if not prop.hypotheses:
        return prop.conclusion
    return Implies(_unevaluated(And, prop.hypotheses), prop.conclusion)


def _atoms(b) -> list:
    """The atoms of a statement (relations, boolean symbols), in order of appearance."""
    if isinstance(b, CONNECTIVES):
        out = []
        for a in b.args:
            out += [x for x in _atoms(a) if x not in out]
        return out
    return [] if isinstance(b, (BooleanTrue, BooleanFalse)) else [b]


def _canon(e):
    """``e`` with every power of a sum under an integer exponent of known parity written with the sum's sign
    fixed: ``(b - a)^{2t} = (a - b)^{2t}``, ``(b - a)^{2t+1} = -(a - b)^{2t+1}`` (SymPy does it for numbers)."""
    if not getattr(e, "args", ()):
        return e
    args = [_canon(a) for a in e.args]
    e = e.func(*args) if any(a is not b for a, b in zip(args, e.args)) else e
    if isinstance(e, Pow) and e.exp.is_integer and not e.exp.is_Integer and e.base.could_extract_minus_sign():
        parity = e.exp % 2
        if parity == 0:
            return Pow(-e.base, e.exp)
        if parity == 1:
            return -Pow(-e.base, e.exp)
    return e


#: a difference is cancelled only up to this many operations, simplified (the last resort) only up to DEEP_OPS:
#: either can take minutes on a big expression
CANCEL_OPS = 400
DEEP_OPS = 120
#: points at which two expressions are evaluated (30 digits) before and instead of heavier algebra
PROBES = 4


def _point(symbols, rng) -> dict:
    """Random values for ``symbols`` that keep their assumptions (an integer symbol an integer, a positive one
    positive)."""
    out = {}
    for s in symbols:
        if s.is_integer:
            out[s] = Integer(rng.randint(0 if s.is_nonnegative else -4, 6) or 1)
        elif s.is_nonnegative:
            out[s] = Rational(rng.randint(1, 3 * 10**6), 10**6)
        else:
            out[s] = Rational(rng.randint(-3 * 10**6, 3 * 10**6), 10**6)
    return out


def _probe(x, y) -> bool | None:
    """Do ``x`` and ``y`` agree at :data:`PROBES` random points (False: they differ at one; None: no point where
    both are defined was found)?"""
    syms = sorted(x.free_symbols | y.free_symbols, key=lambda s: s.name)
    rng = random.Random(1)
    agree = 0
    for _ in range(3 * PROBES):
        sub = _point(syms, rng)
        try:
            vx, vy = complex(x.xreplace(sub).evalf(30)), complex(y.xreplace(sub).evalf(30))
        except (TypeError, ValueError, ZeroDivisionError, OverflowError):
            continue
        if not all(math.isfinite(v.real) and math.isfinite(v.imag) for v in (vx, vy)):
            continue
        if abs(vx - vy) > 1e-12 * max(1.0, abs(vx), abs(vy)):
            return False
        agree += 1
        if agree >= PROBES:
            return True
    return None


def _equal(x, y, deep: bool = False) -> bool:
    """Are ``x`` and ``y`` the same expression (where defined)?  Equal once expanded; else not if they differ at
    a random point; else equal if ``x - y`` cancels (or, ``deep``, simplifies) to 0, or, when it is too big for
    that, if they agree at every random point tried."""
    d = x - y
    if d == 0:
        return True
    d = _canon(d)
    try:
        if expand(d) == 0:
            return True
    except Exception:  # an expansion SymPy cannot do: the other tests decide
        pass
    probe = _probe(x, y)
    if probe is False:
        return False
    ops = count_ops(d)
    steps = ((lambda e: cancel(expand(e))) if ops <= CANCEL_OPS else None,
             simplify if deep and ops <= DEEP_OPS else None)
    for step in steps:
        try:
            if step is not None and step(d) == 0:
                return True
        except Exception:  # a step SymPy cannot take: try the next
            continue
    return probe is True and ops > CANCEL_OPS


def _same_atom(a, b, deep: bool = False) -> bool:
    """Do atoms ``a`` (read from the LaTeX) and ``b`` (the statement's) say the same thing?"""
    if a == b:
        return True
    if not (isinstance(a, Relational) and isinstance(b, Relational)):
        return False
    if a.reversed == b:
        return True
    if a.free_symbols != b.free_symbols or type(b) not in (type(a), type(a.reversed)):
        return False
    pairs = [(type(a), a.lhs, a.rhs)]
    ra = a.reversed
    pairs.append((type(ra), ra.lhs, ra.rhs))
    for cls, lhs, rhs in pairs:
        if cls is type(b) and _equal(lhs, b.lhs, deep) and _equal(rhs, b.rhs, deep):
            return True
    for cls, lhs, rhs in pairs:
        if cls is type(b) and _equal(lhs - rhs, b.lhs - b.rhs, deep):
            return True
    return False


def _short(x, n: int = 160) -> str:
    s = " ".join(str(x).split())
    return s if len(s) <= n else s[: n - 3] + "..."


def _total(rel) -> bool:
    """Has ``rel`` a value everywhere (no denominator, log, root or partial symbol that may be undefined)?  Only
    then is its negation its complement: where ``b_inf`` has no value, ``b_inf > 0`` and ``b_inf <= 0`` are both
    false, and ``Not(b_inf > 0)`` is true."""
    from .claim import definedness

    return not (definedness(rel.lhs) + definedness(rel.rhs))


def _match(a, atoms: list, names: dict):
    """The propositional variable of the statement's atom that ``a`` says (or its negation, for a relation that has
    a value everywhere), or None."""
    for b in atoms:  # the statement's own atom first: two of its atoms may say the same up to algebra
        if a == b or (isinstance(a, Relational) and a.reversed == b):
            return names[b]
    for deep in (False, True):
        for b in atoms:
            if _same_atom(a, b, deep):
                return names[b]
            if isinstance(b, Relational) and _total(b) and _same_atom(a, b.negated, deep):
                return Not(names[b])
    return None


def _complements(atoms: list, names: dict):
    """What the statement's relations say of one another: ``x < y`` is ``y > x`` and the negation of ``x >= y``;
    two relations with a value everywhere that are the same up to algebra are the same proposition."""
    facts = []
    for i, a in enumerate(atoms):
        for b in atoms[i + 1:]:
            if isinstance(a, Relational) and isinstance(b, Relational):
                if b == a.reversed:
                    facts.append(Equivalent(names[a], names[b]))
                elif b in (a.negated, a.reversed.negated) and _total(a):
                    facts.append(Equivalent(names[a], Not(names[b])))
                elif _total(a) and _total(b) and _same_atom(a, b):  # G_D < eta and G_D + eta < 2 eta
                    facts.append(Equivalent(names[a], names[b]))
    return And(*facts)


def compare(expected, parsed) -> str | None:
    """None when ``parsed`` says what ``expected`` says, else why not (one line).  Equal after SymPy's
    canonicalisation, or: every relation read matches one of the statement's (the same sides up to
    simplification, or the same ``lhs - rhs`` up to simplification, possibly with the sides flipped), and the two
    booleans are equivalent over those relations taken as propositional atoms (independent, but for a relation
    and its negation among the statement's: ``x < y`` and ``x >= y`` never hold together; a relation read may be
    the negation of one of the statement's)."""
    if parsed == expected:
        return None
    exp_atoms, got_atoms = _atoms(expected), _atoms(parsed)
    names = {a: Dummy(f"A{i + 1}") for i, a in enumerate(exp_atoms)}
    rename = {}
    for a in got_atoms:
        match = _match(a, exp_atoms, names)
        if match is None:
            return f"the LaTeX says {_short(a)}, which is no relation of the statement"
        rename[a] = match
    e1, e2 = expected.xreplace(names), parsed.xreplace(rename)
    if satisfiable(And(_complements(exp_atoms, names), Xor(e1, e2))) is False:
        return None
    legend = "; ".join(f"{names[a]}: {_short(a, 60)}" for a in exp_atoms)
    return _short(f"the LaTeX reads {e2}, the statement is {e1} ({legend})", 400)


def same_statement(prop, parsed) -> bool:
    """Does ``parsed`` (a SymPy boolean read from LaTeX) say what ``prop`` (a Prop, or a boolean) says?"""
    expected = statement(prop) if hasattr(prop, "conclusion") else prop
    return compare(expected, parsed) is None


def roundtrip(prop) -> tuple[bool, str]:
    """Export ``prop`` as :func:`~salign.theory.latex.prop_tex` does (written out: ``named={}``), read it back and
    compare with ``hypotheses => conclusion``: ``(True, "")``, or ``(False, reason)`` in one line.  Never raises for
    a statement the claim checker accepts: an error on the way is the reason."""
    try:
        tex = prop_tex(prop, {})
    except Exception as e:  # a reason, never an exception
        return False, _short(f"the exporter failed: {type(e).__name__}: {e}", 400)
    try:
        parsed = parse_statement(tex, prop.free_symbols())
    except Exception as e:  # a reason, never an exception
        return False, _short(f"cannot read the LaTeX back: {type(e).__name__}: {e}", 400)
    try:
        reason = compare(statement(prop), parsed)
    except Exception as e:  # a reason, never an exception
        return False, _short(f"cannot compare: {type(e).__name__}: {e}", 400)
    return (True, "") if reason is None else (False, reason)


__all__ = ["LatexReadError", "compare", "parse_statement", "roundtrip", "same_statement", "spellings", "statement"]
