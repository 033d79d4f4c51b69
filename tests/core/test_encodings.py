"""Each encoding a Japanese shop's files arrive in decodes to the exact Unicode."""

from __future__ import annotations

import codecs

import pytest

from engage_desktop.core.errors import ImportRefused
from engage_desktop.core.importing.encodings import decode

# Characters that only CP932 (not plain Shift_JIS) has, and 0x8160 -> U+FF5E.
TRICKY = "①セット ㈱山田 髙橋 﨑 ～ 〜以外"
TRICKY_CP932 = "①セット ㈱山田 髙橋 﨑 ～"


def test_cp932_round_trips_tricky_characters() -> None:
    data = ("注文者,商品\n" + TRICKY_CP932 + ",石鹸\n").encode("cp932")
    assert b"\x81\x60" in data  # the wave dash byte pair Excel writes
    decoded = decode(data)
    assert decoded.encoding == "cp932"
    assert TRICKY_CP932 in decoded.text
    assert "\uff5e" in decoded.text  # FULLWIDTH TILDE, not WAVE DASH U+301C


def test_plain_shift_jis_would_be_wrong() -> None:
    # The reason we never use 'shift_jis': it cannot even read ①.
    data = "①".encode("cp932")
    with pytest.raises(UnicodeDecodeError):
        data.decode("shift_jis")
    assert decode(data).text == "①"


@pytest.mark.parametrize(
    "raw, encoding",
    [
        (codecs.BOM_UTF8 + TRICKY.encode("utf-8"), "utf-8-sig"),
        (TRICKY.encode("utf-8"), "utf-8"),
        (TRICKY.encode("utf-16"), "utf-16"),  # Python writes the BOM
        (codecs.BOM_UTF16_BE + TRICKY.encode("utf-16-be"), "utf-16"),
    ],
)
def test_unicode_encodings_round_trip(raw: bytes, encoding: str) -> None:
    decoded = decode(raw)
    assert decoded.text == TRICKY
    assert decoded.encoding == encoding


def test_undecodable_bytes_are_refused_with_offset() -> None:
    data = b"id,amount\n" + b"\x85\x40abc"  # 0x85 0x40 is in neither encoding
    with pytest.raises(ImportRefused, match=r"byte 10 \(0x85\)"):
        decode(data)


def test_latin1_only_when_asked() -> None:
    data = "café".encode("latin-1")
    # é as latin-1 is 0xE9, which happens to be a CP932 lead byte: auto never picks latin-1.
    assert decode(data, "latin-1").text == "café"
    assert decode(data, "latin-1").encoding == "latin-1"


def test_override_that_does_not_fit_is_refused() -> None:
    with pytest.raises(ImportRefused, match="not valid utf-8"):
        decode("髙".encode("cp932"), "utf-8")
    with pytest.raises(ImportRefused, match='There is no encoding named "klingon"'):
        decode(b"abc", "klingon")


def test_sjis_alias_means_cp932() -> None:
    assert decode("①".encode("cp932"), "shift_jis").text == "①"


def test_binary_junk_is_not_taken_for_cp932() -> None:
    # 0xFF decodes in Python's cp932 (to a private-use character): still refused.
    with pytest.raises(ImportRefused, match="neither UTF-8 nor Shift_JIS"):
        decode(b"order,amount\n1,\xff\xfe\xfd\n")


def test_mixed_utf8_and_cp932_is_refused_at_the_first_cp932_byte() -> None:
    utf8_part = "注文番号,金額\n1001,1000\n".encode("utf-8")
    cp932_part = "1002,髙橋\n".encode("cp932")
    data = utf8_part + cp932_part
    first_bad = len(utf8_part) + len(b"1002,")
    with pytest.raises(ImportRefused, match=rf"byte {first_bad} "):
        decode(data)


def test_characters_and_bad_bytes_across_chunk_boundaries() -> None:
    from engage_desktop.core.importing.encodings import CHUNK

    # A two-byte character split by the chunk boundary, then a bad byte two chunks later.
    head = b"id,name\n" + b"a" * (CHUNK - 9)
    assert len(head) == CHUNK - 1
    text = "髙橋".encode("cp932")  # its first byte ends chunk 1, its second starts chunk 2
    tail = b"b" * (2 * CHUNK)
    assert decode(head + text + tail).text == head.decode() + "髙橋" + tail.decode()
    bad_at = len(head + text + tail)
    with pytest.raises(ImportRefused, match=rf"byte {bad_at} \(0x85\)"):
        decode(head + text + tail + b"\x85\x40")


def test_latin1_letters_read_as_shift_jis_are_warned_about(tmp_shop, tmp_path) -> None:  # noqa: ANN001
    from engage_desktop.core.importing.pipeline import import_file

    text = "注文番号,注文日,お名前,金額\n" + "".join(f"A{n},2025/1/{1 + n},Smith,100\n" for n in range(20))
    text = text.replace("注文番号,注文日,お名前,金額", "Order,Date,Name,Amount") + "A99,2025/1/30,Josée,100\n"
    path = tmp_path / "latin1.csv"
    path.write_bytes(text.encode("latin-1"))
    result = import_file(tmp_shop, path)
    assert result.encoding == "cp932"  # what the bytes allow
    assert any("Latin-1" in note for note in result.notes), result.notes
    japanese = tmp_path / "sjis.csv"
    japanese.write_bytes("注文番号,注文日,お名前,金額\nA1,2025/1/1,髙橋 一郎,100\nA2,2025/1/2,山田 花子,100\n".encode("cp932"))
    assert not any("Latin-1" in note for note in import_file(tmp_shop, japanese).notes)
