"""Errors the owner may see. Their text is the message shown, so it says what to do."""

from __future__ import annotations

from engage_desktop.core.messages import t


class EngageError(Exception):
    """An error with a message meant for the shop owner, not a traceback."""


class ShopFileBusy(EngageError):
    """The shop file is open in another program or another Engage Desktop window."""


class ShopFileUnavailable(EngageError):
    """The shop file cannot be opened or created (read-only folder, corrupt file, newer version)."""


class NeedsUpgrade(ShopFileUnavailable):
    """The shop file was written by an earlier version and must be opened for writing once."""


class ImportRefused(EngageError):
    """A file was not imported; nothing was written."""


class Cancelled(EngageError):
    """The owner cancelled long work; nothing was written."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or t("Cancelled: nothing was changed."))


class ShopFileDamaged(ShopFileUnavailable):
    """Part of the shop file cannot be read (DuckDB's block checksums failed): a backup can replace it."""


class DiskFull(EngageError):
    """The disk of the shop file (or of the import's work folder) has no room left."""


def explain_database_error(exc: BaseException, shop_name: str) -> EngageError | None:
    """The owner's message for a database error that is about the shop file or its disk (None: not one).
    Such errors are never described as a problem with the file being imported."""
    text = str(exc)
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    if "corrupt" in text.lower() or "checksum" in text.lower():
        return ShopFileDamaged(t(
            "{shop} is damaged: part of it cannot be read ({error}). Nothing was changed. Restore the latest "
            "backup (File ▸ Backups…, or: engage-desktop backups --restore latest).", shop=shop_name, error=first))
    lower = text.lower()
    # DuckDB spills what does not fit in memory beside the shop file: "failed to offload" is that disk full.
    if any(words in lower for words in ("no space left", "disk is full", "not enough space", "failed to offload")):
        return DiskFull(t("The disk is full ({error}). Nothing was changed. Free some space on the disk of "
                          "{shop}, then try again.", error=first, shop=shop_name))
    if "out of memory" in lower:
        return DiskFull(t("This work needs more memory than the computer could give it ({error}). Nothing was "
                          "changed. Close other programs and try again, or split the file into smaller exports.",
                          error=first))
    return None
