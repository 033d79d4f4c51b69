"""Errors the owner may see. Their text is the message shown, so it says what to do."""

from __future__ import annotations


class EngageError(Exception):
    """An error with a message meant for the shop owner, not a traceback."""


class ShopFileBusy(EngageError):
    """The shop file is open in another program or another Engage Desktop window."""


class ShopFileUnavailable(EngageError):
    """The shop file cannot be opened or created (read-only folder, corrupt file, newer version)."""


class ImportRefused(EngageError):
    """A file was not imported; nothing was written."""


class Cancelled(EngageError):
    """The owner cancelled long work; nothing was written."""

    def __init__(self, message: str = "Cancelled: nothing was changed.") -> None:
        super().__init__(message)
