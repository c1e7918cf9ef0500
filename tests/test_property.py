"""Property: random and mutated HTML and text never crash the pipeline; the result is valid
output in every format, or a clean :class:`InputError`."""

from __future__ import annotations

import json
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clipclean
from clipclean import emit
from clipclean.read import InputError

SEED_HTML = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>A title here</title>"
    "<meta property='og:title' content='OG title'></head><body><header>Home | News</header>"
    "<article><h1>Council approves the budget</h1><p>By Jane Doe | Sept. 19, 2025</p>"
    "<p>The council voted on Tuesday to approve the new budget for the coming year.</p>"
    "<figure><img src='a.jpg' alt='x'><figcaption>Photo: John Roe/AFP</figcaption></figure>"
    "<p>Jane Doe is a reporter for The Paper.</p></article></body></html>"
)
TOKENS = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<h1>",
    "<br>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "&amp;",
    "&#27;",
    "&#0;",
    "&lol;",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE x [",
    "]>",
    "\x00",
    "\x1b[31m",
    "\u2028",
    "\ufeff",
    "\u200b",
    "Credit...",
    "By ",
    "| ",
    "\n\n",
    "é",
    "日本",
    "\r\n",
    "<",
    ">",
]
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _check(data: bytes | str) -> None:
    try:
        article = clipclean.clean(data)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for fmt in emit.FORMATS:
        out = emit.render(article, fmt, explain=True)
        assert not FORBIDDEN.search(out), fmt
        out.encode("utf-8")  # never a lone surrogate
        if fmt in ("json", "jsonl"):
            json.loads(out)


@st.composite
def mutated_html(draw: st.DrawFn) -> str:
    text = SEED_HTML
    for _ in range(draw(st.integers(0, 8))):
        pos = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if op == "insert":
            text = text[:pos] + draw(st.sampled_from(TOKENS) | st.text(max_size=8)) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 20)) :]
        else:
            text = text[:pos] + text[pos : pos + 40] * draw(st.integers(2, 5)) + text[pos:]
    return text


#: More examples for a long hunt: CLIPCLEAN_PROPERTY_EXAMPLES=2000 pytest tests/test_property.py
SETTINGS = settings(
    max_examples=int(os.environ.get("CLIPCLEAN_PROPERTY_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    _check(data)


@SETTINGS
@given(st.text(max_size=2000))
def test_random_text(data: str) -> None:
    _check(data)


@SETTINGS
@given(mutated_html(), st.sampled_from(["utf-8", "utf-16", "cp1252", "gb18030", "str"]))
def test_mutated_html(html: str, codec: str) -> None:
    _check(html if codec == "str" else html.encode(codec, "replace"))


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=30), max_size=60))
def test_token_soup(parts: list[str]) -> None:
    _check("".join(parts))
