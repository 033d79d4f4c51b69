"""Decode export files the way Japanese shops write them.

Order (../shared/formats.md): UTF-8 with BOM, strict UTF-8, CP932, UTF-16 with
BOM, else refuse naming the byte offset. CP932, never ``shift_jis``: CP932 has
① ㈱ 髙 﨑 and maps 0x8160 to U+FF5E (～). Latin-1 only when the owner asks.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from engage_desktop.core.errors import ImportRefused

AUTO_ORDER = ("utf-8-sig", "utf-8", "cp932", "utf-16")

# Names the owner (or CLI) may pass; mapped to Python codec names.
KNOWN = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "cp932": "cp932",
    "shift_jis": "cp932",  # what people call it; CP932 is what Windows writes
    "sjis": "cp932",
    "windows-31j": "cp932",
    "utf-16": "utf-16",
    "latin-1": "latin-1",
    "latin1": "latin-1",
    "iso-8859-1": "latin-1",
}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # what we report: utf-8-sig, utf-8, cp932, utf-16, latin-1


def decode(data: bytes, override: str | None = None) -> Decoded:
    """Decode ``data`` or raise ``ImportRefused`` naming the first bad byte."""
    if override:
        codec = KNOWN.get(override.lower().replace("_", "-"), override)
        try:
            codecs.lookup(codec)
        except LookupError as exc:
            raise ImportRefused(f"Unknown encoding {override!r}. Use utf-8, cp932, utf-16 or latin-1.") from exc
        try:
            return Decoded(_strip_bom(data.decode(codec)), codec)
        except UnicodeDecodeError as exc:
            raise ImportRefused(
                f"The file is not valid {override}: byte {exc.start} (0x{data[exc.start]:02X}) cannot be read. "
                "Try automatic detection, or save the file again as UTF-8."
            ) from exc

    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    first_error: UnicodeDecodeError | None = None
    for codec in ("utf-8", "cp932"):
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError as exc:
            # Report where UTF-8 failed if CP932 fails too: for a mixed file
            # that is the first place that is not UTF-8.
            first_error = first_error or exc
    assert first_error is not None
    offset = first_error.start
    raise ImportRefused(
        f"Cannot read the file's text: byte {offset} (0x{data[offset]:02X}) is neither UTF-8 nor Shift_JIS (CP932). "
        "The file may be damaged or mix encodings. Save it again from the shop system or Excel "
        "as 'CSV UTF-8', or choose the encoding by hand."
    )


def _strict(data: bytes, codec: str) -> Decoded:
    try:
        return Decoded(_strip_bom(data.decode(codec)), codec)
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            f"The file starts like {codec.upper()} but byte {exc.start} cannot be read. "
            "Save it again from the shop system or Excel."
        ) from exc


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text
