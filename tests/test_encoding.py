"""Decoding in the WHATWG order: every case builds its bytes and checks the text and the name
reported in ``source.encoding``."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

import clipclean
from clipclean.encoding import declared_encoding, label_to_encoding
from clipclean.read import read

FRENCH = "L’été à Paris : café, naïve crème brûlée — « déjà vu » pour 5 €."
JAPANESE = "日本語のテキストです。東京都は日本の首都で、人口は約千四百万人です。"
CHINESE = "这是一个中文测试文本。北京是中国的首都，上海是最大的城市。镕"
RUSSIAN = "Москва - столица России, крупнейший по численности населения город страны."


def page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"
    )


def decoded(data: bytes) -> tuple[str, str]:
    source = read(data)
    return source.text, source.encoding


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_bom_wins_over_a_declared_charset(bom: bytes, codec: str, name: str) -> None:
    html = page(FRENCH, '<meta charset="windows-1252">')
    text, encoding = decoded(bom + html.encode(codec))
    assert encoding == name
    assert FRENCH in text and not text.startswith("\ufeff")


def test_utf16_without_bom_is_recognised() -> None:
    text, encoding = decoded(page(FRENCH).encode("utf-16-le"))
    assert encoding == "utf-16-le" and FRENCH in text


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="windows-1251">',
        "<meta charset=windows-1251>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        "<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=cp1251'>",
    ],
)
def test_declared_charset(head: str) -> None:
    text, encoding = decoded(page(RUSSIAN, head).encode("cp1251"))
    assert encoding == "windows-1251" and RUSSIAN in text


def test_xml_declaration() -> None:
    data = f'<?xml version="1.0" encoding="windows-1251"?>{page(RUSSIAN)}'.encode("cp1251")
    text, encoding = decoded(data)
    assert encoding == "windows-1251" and RUSSIAN in text


@pytest.mark.parametrize("label", ["iso-8859-1", "latin1", "ISO_8859-1", "us-ascii", "l1"])
def test_latin1_labels_mean_windows_1252(label: str) -> None:
    body = "Smart “quotes” and a euro € sign"  # bytes 0x93, 0x94, 0x80: not Latin-1
    text, encoding = decoded(page(body, f'<meta charset="{label}">').encode("cp1252"))
    assert encoding == "windows-1252" and body in text


def test_utf16_label_on_ascii_compatible_bytes_means_utf8() -> None:
    text, encoding = decoded(page(FRENCH, '<meta charset="utf-16">').encode("utf-8"))
    assert encoding == "utf-8" and FRENCH in text


def test_utf7_is_refused() -> None:
    # "+AGE-" would be "a" in UTF-7: a page must not be able to smuggle markup that way
    text, encoding = decoded(page("x +ADw-script+AD4- y", '<meta charset="utf-7">').encode())
    assert encoding == "utf-8" and "+ADw-script+AD4-" in text
    assert label_to_encoding("utf-7") is None


@pytest.mark.parametrize("label", ["utf-8, ie=edge", "-->UTF-8", " 'UTF-8' ", "UTF8;"])
def test_malformed_labels(label: str) -> None:
    assert label_to_encoding(label) == "utf-8"
    html = page(FRENCH, f'<meta charset="{label}">').encode("utf-8")
    assert decoded(html) == (read(html).text, "utf-8")
    assert FRENCH in read(html).text


def test_meta_says_utf8_but_bytes_are_cp1252() -> None:
    text, encoding = decoded(page(FRENCH, '<meta charset="utf-8">').encode("cp1252"))
    assert encoding == "windows-1252" and FRENCH in text


def test_utf8_with_a_stray_cp1252_byte_stays_utf8() -> None:
    """A template pastes one windows-1252 byte into a UTF-8 page (a comment, an alt text): the
    page is still read as UTF-8, and the stray byte as windows-1252."""
    data = page(FRENCH * 3, '<meta charset="utf-8">').encode("utf-8")
    data = data.replace(b"<title>t", "<title>M\u00e4scot".encode("cp1252"))
    text, encoding = decoded(data)
    assert encoding == "utf-8" and FRENCH in text and "M\u00e4scot" in text


def test_meta_says_cp1252_but_bytes_are_utf8() -> None:
    text, encoding = decoded(page(FRENCH, '<meta charset="windows-1252">').encode("utf-8"))
    assert encoding == "utf-8" and FRENCH in text


def test_shift_jis_declared_and_undeclared() -> None:
    declared = page(JAPANESE, '<meta charset="Shift_JIS">').encode("shift_jis")
    assert decoded(declared)[1] == "shift_jis" and JAPANESE in decoded(declared)[0]
    bare = page(JAPANESE * 3).encode("shift_jis")
    text, encoding = decoded(bare)
    assert encoding == "shift_jis" and JAPANESE in text


def test_gb18030_undeclared() -> None:
    text, encoding = decoded(page(CHINESE * 3).encode("gb18030"))
    assert encoding == "gb18030" and CHINESE in text


def test_gb2312_label_on_gbk_bytes() -> None:
    # "镕" is in GBK but not in GB2312: a strict GB2312 decoder would fail on it
    text, encoding = decoded(page(CHINESE, '<meta charset="gb2312">').encode("gbk"))
    assert encoding == "gbk" and CHINESE in text


def test_unknown_label_falls_through() -> None:
    text, encoding = decoded(page(FRENCH, '<meta charset="klingon">').encode("utf-8"))
    assert encoding == "utf-8" and FRENCH in text


def test_detection_is_sanity_checked_for_latin_text() -> None:
    """Short Latin text that is not UTF-8: windows-1252, not a detector's exotic guess."""
    text, encoding = decoded("Le café de la gare était fermé.\n".encode("cp1252"))
    assert encoding == "windows-1252" and text.startswith("Le café de la gare était fermé.")


def test_declared_charset_only_in_tags() -> None:
    text = "An article about encodings says charset=koi8-r is old.\n" + FRENCH
    assert declared_encoding(text.encode("utf-8")) is None


def test_encoding_reaches_the_article() -> None:
    article = clipclean.clean(page(RUSSIAN * 3, '<meta charset="koi8-r">').encode("koi8-r"))
    assert article.to_dict()["source"]["encoding"] == "koi8-r"
    assert "Москва" in article.body


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_controls_read_off_utf8_bytes_agree_with_the_text(text: str) -> None:
    from clipclean.controls import has_controls, utf8_has_controls

    assert utf8_has_controls(text.encode("utf-8")) == has_controls(text)


@pytest.mark.parametrize("ch", ["\x00", "\x1b", "\r", "\x7f", "\x85", "\x9f", "\ufffe", "\uffff"])
def test_each_kind_of_control_is_seen_in_the_bytes(ch: str) -> None:
    from clipclean.controls import utf8_has_controls

    assert utf8_has_controls(f"caf\u00e9 {ch} \u00a0\u00a9".encode())
    assert not utf8_has_controls("caf\u00e9 \u00a0\u00a9 \ufffd\t\n".encode())


@pytest.mark.parametrize(
    "data",
    [
        "caf\u00e9 \u201cquoted\u201d\u00a0text\nzweite Zeile",  # kept as it is: its UTF-8 shared
        "\ufeffwith a byte-order mark",
        "a NUL\x00 and an escape \x1b[31m",
        "kÃ¶nnen wir das nicht einfach machen, dachte sie, und Ã¼berlegte",  # repaired
        "a lone surrogate \ud800 here",
    ],
)
def test_read_shares_only_the_exact_utf8_of_the_text(data: str) -> None:
    from clipclean.read import read_utf8
    from clipclean.text import text_to_blocks

    source, utf8 = read_utf8(data, kind="text")
    assert (utf8 is not None) == (source.text == data)  # shared when the text is the input
    if utf8 is not None:
        assert utf8 == source.text.encode("utf-8")
    blocks = text_to_blocks(source.text, None, utf8)
    assert [b.text for b in blocks] == [b.text for b in text_to_blocks(source.text)]
