"""`python -m cafe` runs the command line."""

from cafe.cli import main

raise SystemExit(main())
