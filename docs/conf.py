"""Sphinx configuration of the salign documentation (MyST Markdown).

Build: ``python -m sphinx -W --keep-going -b html docs docs/_build/html``.  The pages about the model and the
claims are generated at build time from the registry by ``_ext/salign_docs.py`` into ``docs/_generated/``
(git-ignored); math is rendered by a local MathJax (Debian's ``libjs-mathjax``), copied into the build, so the
site needs no network.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

project = "suspicious-alignment (salign)"
author = "the salign authors"
copyright = "the salign authors, MIT licence"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.mathjax",
    "salign_docs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
# _generated/include/: fragments the pages include (model.md, claims.md, api.md), not pages of their own
exclude_patterns = ["_build", "_generated/include", "Thumbs.db", ".DS_Store"]

# --- MyST: $...$ and $$...$$ math (the derivations are written with it), anchors for links to headings
myst_enable_extensions = ["dollarmath", "colon_fence", "deflist"]
myst_heading_anchors = 3
myst_dmath_double_inline = True
# the MathJax here is version 2 (below): MyST's own MathJax 3 settings do not apply
myst_update_mathjax = False

# --- math, offline: the MathJax 2 of Debian's libjs-mathjax, copied into _static/mathjax by salign_docs
mathjax_path = "mathjax/MathJax.js"
mathjax2_config = {
    "extensions": ["tex2jax.js"],
    "jax": ["input/TeX", "output/SVG"],
    "TeX": {"extensions": ["AMSmath.js", "AMSsymbols.js"]},
    # only what Sphinx marks as math: \( \) inline, \[ \] displayed; a dollar sign in prose stays a dollar sign
    "tex2jax": {"inlineMath": [["\\(", "\\)"]], "displayMath": [["\\[", "\\]"]], "processEscapes": False},
    "SVG": {"font": "TeX"},
    "showMathMenu": False,
    "messageStyle": "none",
}

# --- API reference from the docstrings
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
napoleon_google_docstring = True
napoleon_numpy_docstring = True

# --- HTML
html_theme = "furo"
html_title = "salign"
html_static_path = ["_static"]
# marks on <html> whether the images loaded and MathJax finished: what the browser test reads
html_js_files = ["salign-rendered.js"]
html_last_updated_fmt = None
