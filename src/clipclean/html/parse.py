"""Parsing HTML text into one lxml tree: the only place the HTML path parses."""

from __future__ import annotations

import lxml.html


def parse(text: str) -> lxml.html.HtmlElement:
    """Parse a page once; lxml recovers from broken markup."""
    return lxml.html.document_fromstring(text)
