"""The front end: the ``salign`` command line, ``derivations/`` and the HTML report."""
