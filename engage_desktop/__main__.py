"""Entry point: ``engage-desktop`` / ``python -m engage_desktop``.

With a subcommand it runs the command-line tools; without one it starts the app.
"""

from __future__ import annotations

import sys

from engage_desktop.cli import COMMANDS, run_cli


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return run_cli(argv)
    if argv and argv[0] == "--version":
        return run_cli(argv)  # answered without starting Qt
    from engage_desktop.ui.app import run_app  # Qt only when the GUI is wanted

    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
