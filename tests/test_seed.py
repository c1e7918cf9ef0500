"""The seed article, cleaned end to end: the foundation's acceptance test."""

from __future__ import annotations

import clipclean
from clipclean import emit
from clipclean.text.blocks import normalise_line

SEED_FIRST = "For years, Chinese officials denounced"
SEED_LAST = "the major indicator will be the forthcoming summit.”"


def test_seed_metadata(seed_bytes: bytes) -> None:
    d = clipclean.clean(seed_bytes).to_dict()
    assert d["title"] == "How Xi Is Using a TikTok Tradeoff to Court Trump"
    assert d["subtitle"].startswith("Agreeing to a deal suggests")
    assert d["authors"] == ["Lily Kuo"]
    assert d["published"] == "2025-09-19T02:15:00-04:00"
    assert d["contributors"] == ["Pei-Lin Wu"]
    assert d["author_bio"] == "Lily Kuo is a China correspondent for The Times, based in Taipei."
    assert d["language"] == "en"


def test_seed_images(seed_bytes: bytes) -> None:
    images = clipclean.clean(seed_bytes).to_dict()["images"]
    assert len(images) == 5
    assert images[0] == {
        "src": None,
        "alt": "Two men in business suits standing in front of U.S. and Chinese flags.",
        "caption": "President Donald Trump reaching out to shake hands with China’s top leader, "
        "Xi Jinping, during the G20 Summit in Osaka, Japan in 2019.",
        "credit": "Erin Schaff/The New York Times",
    }
    assert images[3]["caption"].endswith("in the East Room of the White House, in February")
    assert images[3]["credit"] == "Doug Mills/The New York Times"
    assert all(i["alt"] is None and i["caption"] and i["credit"] for i in images[1:])


def test_seed_body_is_exactly_the_27_paragraphs(seed_bytes: bytes) -> None:
    text = seed_bytes.decode("utf-8")
    d = clipclean.clean(seed_bytes).to_dict()
    blocks = [b["text"] for b in d["blocks"]]
    assert len(blocks) == 27
    assert blocks[0].startswith(SEED_FIRST) and blocks[-1].endswith(SEED_LAST)
    assert all(b["type"] == "paragraph" for b in d["blocks"])
    for block in blocks:  # each exactly as in the input, as a whole paragraph
        assert f"\n\n{block}\n\n" in text
    for junk in ("2 hours ago", "Image", "Credit", "Read Entire Article", "Olahraga"):
        assert junk not in d["body"]
    assert d["body"] == "\n\n".join(blocks)


def test_seed_markdown_and_text_carry_the_same_body(seed_bytes: bytes) -> None:
    article = clipclean.clean(seed_bytes)
    text = emit.render(article, "text")
    assert text == article.body + "\n"
    md = emit.render(article, "markdown")
    assert md.startswith('---\ntitle: "How Xi Is Using a TikTok Tradeoff to Court Trump"\n')
    assert "\n# How Xi Is Using a TikTok Tradeoff to Court Trump\n" in md
    for block in article.blocks:
        assert emit.md_escape(block.text) in md
    assert "*President Donald Trump reaching out" in md and "(Erin Schaff/The New York Times)" in md


def test_seed_trace_names_every_removed_line(seed_bytes: bytes) -> None:
    d = clipclean.clean(seed_bytes).to_dict(explain=True)
    kept = set(b["text"] for b in d["blocks"])
    removed = {r["text"]: r["stage"] for r in d["removed"]}
    for raw in seed_bytes.decode("utf-8").splitlines():
        line = normalise_line(raw)  # no-break spaces fold to spaces
        if line and line not in kept:
            assert line in removed, line
    assert removed["2 hours ago 2"] == "timestamps"
    assert removed["Olahraga Sehat| | | |"] == "separators"
    assert removed["Lily Kuo"] == "bylines"
