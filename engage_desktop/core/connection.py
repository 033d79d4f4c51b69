"""How every DuckDB connection to a shop file is opened: the limits we promise the owner's laptop."""

from __future__ import annotations

from typing import Any


def connection_config(memory_limit: str, threads: int) -> dict[str, Any]:
    return {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "memory_limit": memory_limit,
        "threads": threads,
        # Imports rely on scans keeping file order (row numbers in rejects).
        "preserve_insertion_order": True,
    }
