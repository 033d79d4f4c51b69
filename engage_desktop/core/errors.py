"""Errors the owner may see. Their text is the message shown, so it says what to do."""

from __future__ import annotations

import errno
import logging

from engage_desktop.core.messages import N_, t

log = logging.getLogger(__name__)


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
        log.warning("%s is damaged: %s", shop_name, first)
        return ShopFileDamaged(t(
            "{shop} is damaged: part of it cannot be read. Nothing was changed. Restore the latest backup "
            "(File ▸ Backups…).", shop=shop_name))
    lower = text.lower()
    # DuckDB spills what does not fit in memory beside the shop file: "failed to offload" is that disk full.
    if any(words in lower for words in ("no space left", "disk is full", "not enough space", "failed to offload")):
        log.warning("disk full: %s", first)
        return DiskFull(t("The disk is full. Nothing was changed. Free some space on the disk of {shop}, then try "
                          "again.", shop=shop_name))
    if "out of memory" in lower:
        log.warning("out of memory: %s", first)
        return DiskFull(t("This work needs more memory than the computer could give it. Nothing was changed. "
                          "Close other programs and try again, or split the file into smaller exports."))
    return None


# What went wrong with a file, in the owner's words: the system says it in English ("Permission denied").
_OS_REASONS = {
    errno.EACCES: N_("no permission, or another program has it open"),
    errno.EPERM: N_("no permission, or another program has it open"),
    errno.ENOSPC: N_("the disk is full"),
    errno.ENOENT: N_("it does not exist"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EBUSY: N_("another program is using it"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENAMETOOLONG: N_("the name is too long"),
}


def os_reason(exc: OSError) -> str:
    """Why a file could not be read or written, in the owner's language (the system's words are logged)."""
    log.info("%s", exc)
    reason = _OS_REASONS.get(exc.errno or -1)
    return t(reason) if reason else t("system error {code}", code=exc.errno)
