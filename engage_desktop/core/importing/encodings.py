"""Decode export files the way Japanese shops write them.

Order (../shared/formats.md): UTF-8 with BOM, strict UTF-8, CP932, UTF-16 with
BOM, else refuse naming the byte offset. CP932, never ``shift_jis``: CP932 has
① ㈱ 髙 﨑 and maps 0x8160 to U+FF5E (～). Latin-1 only when the owner asks.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import itertools
import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, BinaryIO, Callable

from engage_desktop.core.errors import ImportRefused
from engage_desktop.core.messages import quoted, t

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
# Five plain searches are ten times faster than one character-class regex.
_CP932_JUNK = "\x80\uf8f0\uf8f1\uf8f2\uf8f3"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # what we report: utf-8-sig, utf-8, cp932, utf-16, latin-1


CHUNK = 4 * 1024 * 1024  # decoding one chunk holds the GIL ~15 ms: big enough to cost few calls, short for the GUI
_NON_ASCII = re.compile("[^\\x00-\\x7f]")


@dataclass(frozen=True)
class Transcoded:
    encoding: str
    head: str  # the first characters, for delimiter and header detection
    sha256: str  # of the original bytes (computed on the way: no second read of a big file)
    size: int
    newlines: int  # line breaks in the text: more than its records when cells hold line breaks
    odd_letters: str = ""  # CP932 text whose only non-ASCII letters are rare kanji: Latin-1 read as CP932?


class _Failed(Exception):
    def __init__(self, offset: int, byte: int, non_ascii_before: int) -> None:
        super().__init__(offset)
        self.offset, self.byte, self.non_ascii_before = offset, byte, non_ascii_before


def decode(data: bytes, override: str | None = None) -> Decoded:
    """Decode a whole byte string (small files, tests); see ``transcode`` for the rules."""
    out = io.BytesIO()
    result = transcode(io.BytesIO(data), out, override)
    return Decoded(out.getvalue().decode("utf-8"), result.encoding)


def transcode(src: BinaryIO, dst: BinaryIO, override: str | None = None, head_chars: int = 256 * 1024,
              on_chunk: Callable[[int], None] | None = None) -> Transcoded:
    """Decode ``src`` chunk by chunk into UTF-8 in ``dst``; raise ``ImportRefused`` naming the first bad byte.

    Streaming keeps a 150 MB export from occupying 600 MB of Python strings.
    Both streams must be seekable: a second encoding is tried from the start.
    ``on_chunk(bytes read)`` is called after each chunk (every 4 MB, ~15 ms): progress, and the
    place a Cancel stops the decoding (it may raise)."""
    start = src.read(4)
    if override:
        candidates = [_codec(override)]
    elif start.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp932"]
    # The encoding that read furthest is the file's: its bad byte is the one to name
    # (a CP932 file damaged near the end must not be reported at its first Japanese letter).
    furthest: _Failed | None = None
    for codec in candidates:
        src.seek(0)
        dst.seek(0)
        dst.truncate()
        try:
            hasher = hashlib.sha256()
            head, newlines, letters = _stream(src, dst, codec, head_chars, hasher, on_chunk)
            odd = "".join(sorted(letters)) if codec == "cp932" and letters and all(map(_rare_in_cp932, letters)) else ""
            return Transcoded(codec, head, hasher.hexdigest(), src.tell(), newlines, odd)
        except _Failed as failed:
            furthest = failed if furthest is None or failed.offset > furthest.offset else furthest
            # UTF-8 text before the first bad byte means a file that mixes encodings
            # (rows pasted from another export); CP932 would turn that part into mojibake.
            if codec == "utf-8" and failed.non_ascii_before >= 3:
                break
    assert furthest is not None
    byte = f"0x{furthest.byte:02X}"
    if override:
        raise ImportRefused(t(
            "The file is not valid {encoding}: byte {offset} ({byte}) cannot be read. Let the encoding be detected "
            "automatically, or save the file again as UTF-8.", encoding=override, offset=furthest.offset, byte=byte))
    if candidates[0] in ("utf-8-sig", "utf-16"):
        raise ImportRefused(t(
            "The file starts like {encoding}, but byte {offset} cannot be read. Save it again from the shop system "
            "or Excel, and import the saved file.", encoding=candidates[0].upper(), offset=furthest.offset))
    raise ImportRefused(t(
        "Cannot read the file's text: byte {offset} ({byte}) is neither UTF-8 nor Shift_JIS (CP932). The file may be "
        "damaged or mix encodings. Save it again from the shop system or Excel as \"CSV UTF-8\", or choose the "
        "encoding by hand.", offset=furthest.offset, byte=byte))


def _codec(override: str) -> str:
    codec = KNOWN.get(override.lower().replace("_", "-"), override)
    try:
        codecs.lookup(codec)
    except LookupError as exc:
        raise ImportRefused(t("There is no encoding named {encoding}. Choose utf-8, cp932, utf-16 or latin-1.",
                              encoding=quoted(override))) from exc
    return codec


def _rare_in_cp932(ch: str) -> bool:
    """A character Japanese text seldom has: a second-level kanji (lead byte E0-EF) or a user-defined
    one (F0-F9). A Latin-1 é before a letter reads as such a kanji (José -> Jos饌); real Japanese
    text has kana, first-level kanji or full-width forms among its letters."""
    try:
        lead = ch.encode("cp932")[0]
    except UnicodeEncodeError:
        return False
    return 0xE0 <= lead <= 0xF9


def _stream(src: BinaryIO, dst: BinaryIO, codec: str, head_chars: int, hasher: Any,
            on_chunk: Callable[[int], None] | None = None) -> tuple[str, int, set[str]]:
    # Hashing and writing release the GIL, so a helper thread does them for one chunk
    # while this thread decodes the next (a 150 MB export: about 0.5 s less). At most
    # one chunk waits, so memory stays at a few MB.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="transcode") as helper:
        pending: Future[None] | None = None

        def hand_over(raw: bytes, utf8: bytes) -> None:
            nonlocal pending
            if pending is not None:
                pending.result()  # raises the helper's error (disk full…) here
            pending = helper.submit(_hash_and_write, hasher, raw, dst, utf8)

        try:
            return _decode_chunks(src, codec, head_chars, hand_over, on_chunk)
        finally:
            if pending is not None:
                pending.result()


def _hash_and_write(hasher: Any, raw: bytes, dst: BinaryIO, utf8: bytes) -> None:
    hasher.update(raw)
    dst.write(utf8)


def _decode_chunks(src: BinaryIO, codec: str, head_chars: int, hand_over: Callable[[bytes, bytes], None],
                   on_chunk: Callable[[int], None] | None = None) -> tuple[str, int, set[str]]:
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    consumed = 0  # bytes of src before the current chunk
    non_ascii = 0
    head: list[str] = []
    head_len = 0
    newlines = 0
    letters: set[str] = set()
    first = True
    while True:
        chunk = src.read(CHUNK)
        final = not chunk
        try:
            text = decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            pending = len(exc.object) - len(chunk)  # bytes the decoder kept from the previous chunk
            offset = consumed - pending + exc.start
            bad = exc.object[exc.start] if exc.start < len(exc.object) else 0
            raise _Failed(offset, bad, non_ascii) from exc
        if first and text.startswith("\ufeff"):
            text = text[1:]  # a BOM the codec did not strip (UTF-8 chosen by hand)
        first = False
        if codec == "cp932" and any(ch in text for ch in _CP932_JUNK):
            at = min(i for i in (text.find(ch) for ch in _CP932_JUNK) if i >= 0)
            before = len(text[:at].encode("cp932"))
            raise _Failed(consumed + before, text[at].encode("cp932", "replace")[0], non_ascii)
        if non_ascii < 3:
            non_ascii += sum(1 for _ in itertools.islice(_NON_ASCII.finditer(text), 3))
        if len(letters) < 20:  # the first distinct non-ASCII letters: a Japanese file has 20 in its first lines
            letters.update(m.group() for m in itertools.islice(_NON_ASCII.finditer(text), 2000))
        if head_len < head_chars:
            head.append(text[: head_chars - head_len])
            head_len += len(head[-1])
        newlines += text.count("\n")
        hand_over(chunk, text.encode("utf-8"))
        consumed += len(chunk)
        if on_chunk is not None:
            on_chunk(consumed)
        if final:
            return "".join(head), newlines, letters
