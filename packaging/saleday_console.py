"""Entry point of the frozen app: the same `main` as the installed `saleday-console` command."""

from console.cli import main

raise SystemExit(main())
