"""Decode export files the way Japanese shops write them.

Order (../shared/formats.md): UTF-8 with BOM, strict UTF-8, CP932, UTF-16 with
BOM, else refuse naming the byte offset. CP932, never ``shift_jis``: CP932 has
① ㈱ 髙 﨑 and maps 0x8160 to U+FF5E (～). Latin-1 only when the owner asks.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from engage_desktop.core.errors import ImportRefused

AUTO_ORDER = ("utf-8-sig", "utf-8", "cp932", "utf-16")

# Names the owner (or CLI) may pass; mapped to Python codec names.
KNOWN = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "cp932": "cp932",
    "shift-jis": "cp932",  # what people call it; CP932 is what Windows writes
    "sjis": "cp932",
    "windows-31j": "cp932",
    "utf-16": "utf-16",
    "latin-1": "latin-1",
    "latin1": "latin-1",
    "iso-8859-1": "latin-1",
}


# Python's cp932 maps the single bytes 0x80, 0xA0, 0xFD-0xFF to U+0080 and
# private-use U+F8F0-F8F3. No Japanese export contains them; binary junk does.
_CP932_JUNK = re.compile("[\x80\uf8f0-\uf8f3]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # what we report: utf-8-sig, utf-8, cp932, utf-16, latin-1


def decode(data: bytes, override: str | None = None) -> Decoded:
    """Decode ``data`` or raise ``ImportRefused`` naming the first bad byte."""
    if override:
        codec = KNOWN.get(override.lower().replace("_", "-"), KNOWN.get(override.lower(), override))
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
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        # Report where UTF-8 failed if CP932 fails too: for a mixed file
        # that is the first place that is not UTF-8.
        first_error = exc
    if not _mixed(data, first_error.start):
        try:
            text = data.decode("cp932")
        except UnicodeDecodeError:
            pass
        else:
            if _CP932_JUNK.search(text) is None:
                return Decoded(text, "cp932")
    offset = first_error.start
    raise ImportRefused(
        f"Cannot read the file's text: byte {offset} (0x{data[offset]:02X}) is neither UTF-8 nor Shift_JIS (CP932). "
        "The file may be damaged or mix encodings. Save it again from the shop system or Excel "
        "as 'CSV UTF-8', or choose the encoding by hand."
    )


def _mixed(data: bytes, utf8_error_at: int) -> bool:
    """True when the part before the first non-UTF-8 byte already holds Japanese UTF-8 text.

    CP932 text almost never forms three valid multi-byte UTF-8 characters by
    chance, so such a prefix means a file that mixes encodings (for example
    rows pasted from another export); decoding it all as CP932 would turn the
    UTF-8 part into mojibake without any error.
    """
    prefix = data[:utf8_error_at].decode("utf-8")
    return sum(1 for ch in prefix if ord(ch) > 0x7F) >= 3


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
