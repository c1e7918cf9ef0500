"""Parsing HTML text into one lxml tree: the only place the HTML path parses.

libxml2's recover mode drops what lies past its limits without raising: a text node over
10 MB, or everything below 256 levels of nesting (2048 with ``huge_tree``). So we parse with
``huge_tree`` (our own cap on input size is :data:`clipclean.read.MAX_BYTES`), re-parse a page
whose nesting is too deep after flattening it (:func:`flatten`), and turn any other
resource-limit error into an :class:`~clipclean.read.InputError` instead of losing text.
The HTML parser never expands DTD entities nor reads external ones (``no_network``).
"""

from __future__ import annotations

import re
import unicodedata
from html import escape
from html.parser import HTMLParser as _Tokenizer

import lxml.html
from lxml import etree

from ..controls import has_controls, strip_controls, utf8_has_controls
from ..read import InputError

#: Deepest element nesting we keep; deeper wrappers are unwrapped (their text is kept). Real
#: pages stay under ~60 levels; 200 leaves libxml2's non-huge limit (256) for any re-parse.
MAX_DEPTH = 200

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


#: lxml.html's own class lookup is a Python method, called for every element proxy made (a
#: page makes thousands); this one runs in C and gives the same classes, bar the form
#: controls' subclasses (FormElement, InputElement…), whose extra methods nothing here uses.
_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def _parser() -> lxml.html.HTMLParser:
    parser = lxml.html.HTMLParser(huge_tree=True, no_network=True, remove_pis=True)
    parser.set_element_class_lookup(_CLASSES)
    return parser


def _limit_errors(parser: lxml.html.HTMLParser) -> list[str]:
    return [
        e.message.strip()
        for e in parser.error_log
        if e.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in e.message
    ]


#: An XML declaration opening the page (XHTML): the text is decoded already, and lxml refuses a
#: ``str`` that declares an encoding, so it goes (it says nothing a reader sees).
_XML_DECLARATION = re.compile(r"\A[\s\ufeff]*<\?xml\b[^>]{0,500}\?>")


def _parse_once(text: str) -> tuple[lxml.html.HtmlElement, list[str]]:
    if text[:600].lstrip("\ufeff \t\r\n").startswith("<?xml"):
        text = _XML_DECLARATION.sub("", text, count=1)
    parser = _parser()
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except etree.ParserError as exc:  # "Document is empty"
        raise InputError(f"no text (the page has no content: {exc})") from None
    return tree, _limit_errors(parser)


def parse(text: str) -> lxml.html.HtmlElement:
    """Parse a page once; lxml recovers from broken markup, and nothing is lost to limits.

    Text in decomposed form (a letter and a combining accent, as some editors save it) is
    composed first (NFC): a reader, a search or a quote of the page sees "ü" either way, and
    only the composed form matches it."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    tree, errors = _parse_once(text)
    if any("depth" in e.lower() for e in errors):
        tree, errors = _parse_once(flatten(text))
    if errors:
        raise InputError(f"page too large to parse ({errors[0]})")
    if "&#" in text and _may_hold_controls(text):
        _strip_tree_controls(tree)
    return tree


def parse_fragment(html: str) -> lxml.html.HtmlElement:
    """Parse an HTML fragment (e.g. readability's summary) as a ``<div>``, with the same
    guarantees; a fragment that is a whole document (with or without a body) is fine too,
    where lxml's ``fragment_fromstring`` raises."""
    try:
        tree = parse(html)
    except InputError as exc:
        if not str(exc).startswith("no text"):
            raise
        tree = lxml.html.document_fromstring("<div></div>")
    body = tree.find("body")
    root = body if body is not None else lxml.html.Element("div")
    root.tag = "div"
    return root


#: A numeric character reference (libxml2 reads one without its ";" too).
_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+))")


def _may_hold_controls(text: str) -> bool:
    """Whether the tree of ``text`` can hold a control character: a character reference
    names one (or a code point that is no character), or the text itself holds one (a
    fragment not read through :mod:`clipclean.read`). Reading the references is much cheaper
    than visiting the tree; a page that has "&#" seldom names a control with it."""
    for ref in _CHARREF.finditer(text):
        hexa, decimal = ref.groups()
        digits = (hexa or decimal).lstrip("0")
        if len(digits) > 7:  # past the last code point (and int() refuses thousands of digits)
            return True
        code = int(digits or "0", 16 if hexa else 10)
        if (
            (code < 0x20 and code not in (0x09, 0x0A, 0x0D))
            or 0x7F <= code <= 0x9F
            or 0xD800 <= code <= 0xDFFF
            or code in (0xFFFE, 0xFFFF)
            or code > 0x10FFFF
        ):
            return True
    try:  # (C passes over the bytes: the pattern's scan of every character costs more)
        return utf8_has_controls(text.encode("utf-8"))
    except UnicodeEncodeError:  # a lone surrogate
        return True


def _strip_tree_controls(tree: etree._Element) -> None:
    for el in tree.iter():
        if el.text and has_controls(el.text):
            el.text = strip_controls(el.text)
        if el.tail and has_controls(el.tail):
            el.tail = strip_controls(el.tail)
        for key, value in el.attrib.items():
            if has_controls(value):
                el.set(key, strip_controls(value))


class _Flattener(_Tokenizer):
    """Re-serialises a page, dropping the tags (never the text) of elements nested deeper than
    ``max_depth``. Python's tokenizer has no depth limit and keeps no tree, so it is linear."""

    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.max_depth = max_depth
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, written)
        self.open: dict[str, int] = {}  # tag -> how many are on the stack (O(1) stray check)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.out.append(self.get_starttag_text() or "")
            return
        written = len(self.stack) < self.max_depth
        self.stack.append((tag, written))
        self.open[tag] = self.open.get(tag, 0) + 1
        if written:
            self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if not self.open.get(tag):
            return  # a stray end tag: nothing to close
        while self.stack:
            open_tag, written = self.stack.pop()
            self.open[open_tag] -= 1
            if written:
                self.out.append(f"</{open_tag}>")
            if open_tag == tag:
                return

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False) if self.cdata_elem is None else data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def flatten(text: str, max_depth: int = MAX_DEPTH) -> str:
    """``text`` with elements nested deeper than ``max_depth`` unwrapped (text kept)."""
    f = _Flattener(max_depth)
    f.feed(text)
    f.close()
    return "".join(f.out)
