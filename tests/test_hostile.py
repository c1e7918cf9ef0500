"""Hostile inputs through the library: each test builds its input and checks the one behaviour
the issue asks for (a clear error, or the right text with nothing lost)."""

from __future__ import annotations

import dataclasses
import gzip
import json
import random
import re
import zlib

import pytest

import clipclean
from clipclean import emit
from clipclean.html.parse import MAX_DEPTH, flatten, parse
from clipclean.model import Block
from clipclean.read import InputError, read

PROSE = "The council voted on Tuesday to approve the new budget for the coming year."


def _error(data: bytes | str, **kwargs: object) -> str:
    with pytest.raises(InputError) as info:
        clipclean.clean(data, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message
    return message


# -- nothing to clean ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "data",
    [b"", b" \n\t\r\n ", "\u200b\u200c\ufeff\u2060\u00ad \u3164\n".encode(), "\ufeff\u200b"],
)
def test_no_text(data: bytes | str) -> None:
    assert _error(data).startswith("no text")


def test_markup_without_text_is_no_text() -> None:
    assert _error(b"<!-- nothing -->", kind="html").startswith("no text")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"\x7fELF\x02\x01\x01" + bytes(57), "ELF"),
        (b"PK\x03\x04" + bytes(26), "ZIP"),
        (b"\xfd7zXZ\x00" + bytes(20), "xz"),
    ],
)
def test_binary_formats(data: bytes, what: str) -> None:
    message = _error(data)
    assert re.fullmatch(r"binary input \([^()]+\)", message), message
    assert what in message


def test_random_bytes_are_binary() -> None:
    data = random.Random(6).randbytes(8192)
    assert _error(data).startswith("binary input")


# -- gzip -----------------------------------------------------------------------------------
def test_gzip_by_magic_whatever_the_name() -> None:
    article = clipclean.clean(gzip.compress(PROSE.encode()), path="page.html")
    assert article.body == PROSE


def test_gzip_members_and_layers() -> None:
    two = gzip.compress(b"First paragraph here.\n\n") + gzip.compress(PROSE.encode())
    assert read(two).text == "First paragraph here.\n\n" + PROSE  # every member, in order
    assert clipclean.clean(gzip.compress(gzip.compress(PROSE.encode()))).body == PROSE


def test_gzip_bomb_is_refused_without_inflating_it() -> None:
    d = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = bytes(1 << 20)
    bomb = b"".join(d.compress(chunk) for _ in range(200)) + d.flush()  # 200 MB of zeros
    assert len(bomb) < 1 << 20
    assert "decompressed input over 50 MB (see --max-bytes)" in _error(bomb)
    assert "over 1000 bytes" in _error(gzip.compress(PROSE.encode() * 20), max_bytes=1000)


def test_corrupt_and_truncated_gzip() -> None:
    packed = gzip.compress(PROSE.encode() * 50)
    assert "gzip" in _error(packed[: len(packed) // 2])
    assert "gzip" in _error(packed[:10] + b"\xff" * 40 + packed[50:])


def test_uncompressed_size_cap() -> None:
    assert "input over 100 bytes" in _error(PROSE.encode() * 3, max_bytes=100)


# -- control characters -----------------------------------------------------------------
def test_nul_and_control_characters_are_removed_and_the_rest_kept() -> None:
    line = (
        "The \x00council\x00 voted \x1b[1;31mon\x1b[0m Tuesday\x07 to approve\x7f the \x85budget."
    )
    article = clipclean.clean(line.encode())
    assert article.body == "The council voted on Tuesday to approve the budget."


def test_control_characters_from_character_references_are_removed() -> None:
    html = (
        "<html><head><title>Vote &#27;]0;pwned&#7;</title></head><body><article>"
        f"<p>{PROSE} &#27;[2J&#x1b;[31mRed &#0;&#x9b;</p></article></body></html>"
    )
    article = clipclean.clean(html)
    for fmt in emit.FORMATS:
        out = emit.render(article, fmt, explain=True)
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out), fmt
    assert PROSE in article.body and "Red" in article.body


@pytest.mark.parametrize(
    "ref",
    ["&#27;", "&#x1B;", "&#0000027;", "&#x9b", "&#128;", "&#xD800;", "&#65535;", "&#99999999;"],
)
def test_every_control_reference_is_seen_among_harmless_ones(ref: str) -> None:
    # (only a page whose references may name a control is walked for them)
    html = f"<p title='a{ref}b'>It&#8217;s &amp; x{ref}y &#233;t&#xE9;</p>"
    tree = parse(html)
    for text in (tree.text_content(), tree.find(".//p").get("title")):
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", text), ref


def test_raw_controls_in_a_fragment_with_references_are_removed() -> None:
    tree = parse("<p>It&#8217;s a\x07 b\x1b[31m c</p>")
    assert tree.text_content() == "It\u2019s a b c"


# -- size and structure (small versions; the full sizes are in bench/hostile_bench.py) ---------
def test_deep_nesting_loses_no_text() -> None:
    depth = 5000  # past libxml2's 2048 even with huge_tree, which drops everything below
    html = (
        "<html><body>" + "<div>" * depth + f"<p>{PROSE}</p>" + "</div>" * depth + "</body></html>"
    )
    assert PROSE in clipclean.clean(html).body


def test_flatten_keeps_text_and_caps_depth() -> None:
    html = "".join(f"<div class='d{i}'>t{i} &amp; " for i in range(1000)) + "</div>" * 1000
    flat = flatten(html, max_depth=50)
    assert flat.count("<div") == 50 and flat.count("</div>") == 50
    tree = parse(flat)
    assert len(re.findall(r"t\d+ &", tree.text_content())) == 1000


def test_huge_text_node_is_kept_whole() -> None:
    words = "lorem ipsum dolor sit amet " * (11_000_000 // 27)  # past libxml2's 10 MB node limit
    tree = parse(f"<html><body><p>{words}</p></body></html>")
    assert len(tree.text_content()) == len(words)


def test_many_paragraphs() -> None:
    n = 2000
    body = "".join(
        f"<p>Paragraph {i} is ordinary prose about the budget vote.</p>" for i in range(n)
    )
    article = clipclean.clean(f"<html><body><article>{body}</article></body></html>")
    assert len(article.blocks) == n


def test_long_line_is_split_never_cut() -> None:
    words = " ".join(f"The council met on day {i}." for i in range(55_000))  # ~1.6M characters
    article = clipclean.clean(words)
    assert " ".join(b.text for b in article.blocks) == words
    assert max(len(b.text) for b in article.blocks) <= 10_000
    # a line that is not prose goes, to the trace, whole
    tokens = " ".join(f"w{i}" for i in range(250_000))
    article = clipclean.clean(tokens)
    assert " ".join(r.text for r in article.removed) == tokens


def test_many_empty_lines() -> None:
    article = clipclean.clean("First line of prose.\n" + "\n" * 500_000 + PROSE + "\n")
    assert article.body == "First line of prose.\n\n" + PROSE


# -- entities -------------------------------------------------------------------------------
def test_billion_laughs_is_not_expanded() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    html = f"<!DOCTYPE html [{entities}]><html><body><p>{PROSE} &lol9;</p></body></html>"
    article = clipclean.clean(html)
    assert len(article.body) < 1000 and "lollollol" not in article.body


def test_external_entity_is_never_read() -> None:
    html = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f"<html><body><p>{PROSE} &xxe;</p></body></html>"
    )
    article = clipclean.clean(html)
    assert "root:" not in json.dumps(article.to_dict())
    assert PROSE in article.body


# -- output safety --------------------------------------------------------------------------
def test_output_stays_valid_with_injection_attempts() -> None:
    nasty = (
        'Quote " backslash \\ <script>alert(1)</script> [x](javascript:y) '
        "**bold** `code` | a | b | &amp; ~~struck~~"
    )
    nasty = f"{PROSE[:-1]}, said {nasty} in a statement on the budget for next year."
    lines = f"{PROSE}\n\n# Not a heading\n\n---\n\n{nasty}\n\n1. not a list\n"
    article = clipclean.clean(lines)
    doc = json.loads(emit.render(article, "json"))
    assert nasty in doc["body"]
    jsonl = emit.render(article, "jsonl")
    assert jsonl.count("\n") == 1 and len(jsonl.splitlines()) == 1
    assert json.loads(jsonl)["body"] == doc["body"]
    md = emit.render(article, "markdown")
    body = md.split("\n---\n", 1)[1]
    assert "<script>" not in body and "\\<script\\>" in body
    assert "\\[x\\](javascript" in body and "\n# Not" not in body and "\n1. not" not in body
    assert "\n---\n" not in body


def test_multiline_block_cannot_inject_markdown() -> None:
    html = (
        "<html><body><article><p>Line one of a paragraph\n# heading?\n---\n"
        f"- list?</p><p>{PROSE}</p></article></body></html>"
    )
    md = emit.render(clipclean.clean(html), "markdown")
    assert not re.search(r"^(# heading|---$|- list)", md.split("\n---\n", 1)[1], re.M)


def test_line_separators_stay_inside_one_json_line() -> None:
    html = (
        "<html><body><h1>Budget vote news today</h1><article>"
        f"<p>{PROSE} one\u2028two\u2029three\u0085</p></article></body></html>"
    )
    article = clipclean.clean(html)
    assert re.search(r"one\s+two\s+three", article.body)  # HTML folds them as white space
    block = Block(text=f"{PROSE} one\u2028two\u2029three\u0085")
    article = dataclasses.replace(article, blocks=(block,))  # a block that still holds them
    for fmt in ("json", "jsonl"):
        out = emit.render(article, fmt)
        assert "\u2028" not in out and "\u2029" not in out
        assert json.loads(out)["body"] == article.body
    front = emit.render(article, "markdown").split("\n---\n", 1)[0]
    assert all(line.count('"') % 2 == 0 for line in front.splitlines()[1:])


def test_image_src_cannot_break_its_link() -> None:
    assert emit.md_url("a b)c\n<d>") == "a%20b%29c%0A%3Cd%3E"


def test_depth_constant_is_below_libxml2_limit() -> None:
    assert MAX_DEPTH < 256
