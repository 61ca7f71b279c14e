"""``python -m salign``: the same as the ``salign`` command."""

from salign.verify.frontend.cli import main

raise SystemExit(main())
