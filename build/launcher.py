"""Entry script of the frozen app. Absolute imports only: frozen apps break relative ones."""

import sys

from engage_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
