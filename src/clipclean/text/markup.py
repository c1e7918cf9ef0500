"""Text converters' own markup, read back to plain text: html2text's Markdown and lynx's link
numbers.

A page converted to Markdown (Python's html2text, pandoc) prints a link as ``[text](url)``,
emphasis as ``_text_`` or ``**text**``, a heading as ``# text`` and escapes a leading ``-``
as ``\\-``; ``lynx -dump`` without ``-nolist`` numbers every link in the text (``[7]Maria``)
and lists the targets under "References" at the end. Read as they are, the URLs and marks
are words of the article. Each is recognised from the text itself (several links in the one
syntax; a references list whose numbers the text uses) and only then taken out.
"""

from __future__ import annotations

import re

#: A Markdown link (not an image): "[text](url)" or "[text](url "title")".
_LINK = re.compile(
    r"(?<!!)\[([^\[\]]{0,300})\]\(([^()\s]{0,2000}(?:\([^()\s]{0,200}\))?)(?:\s\"[^\"]{0,300}\")?\)"
)
#: A Markdown image inside a line of text.
_IMAGE = re.compile(r"!\[[^\[\]]{0,300}\]\([^()\s]{0,2000}(?:\s\"[^\"]{0,300}\")?\)")
#: Strong and emphasis: "**text**", "__text__", "_text_", "*text*" (not inside a word).
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([_*])(?=[^\s_*])([^_*\n]{1,300}?)(?<=[^\s_*])\1(?![\w*])")
#: Markdown's backslash escapes.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
#: An ATX heading: "## Text".
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(\S.*?)(?:\s+#+)?\s*$")
#: The start of a heading line, for counting them in one scan.
_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}\s+\S", re.M)
#: Links, images or headings a text needs to be read as Markdown.
MIN_MARKS = 3
#: lynx's "References" list and its entries.
_REFERENCES = re.compile(r"^(?:References|Visible links|Hidden links):?\s*$", re.M)
_REFERENCE = re.compile(r"^\s{0,4}(\d{1,5})\.\s(?:\S+:\S*)$", re.M)
_LINK_NUMBER = re.compile(r"\[(\d{1,5})\]")


def is_markdown(text: str) -> bool:
    """Several Markdown links or images, or headings with a link: a converter's Markdown."""
    if "]" not in text or "](" not in text:  # (one character is looked for with memchr)
        return False
    links = len(_LINK.findall(text, 0, 200_000)) + text.count("![") if "](" in text else 0
    headings = len(_HEADING_LINE.findall(text, 0, 200_000)) if "#" in text else 0
    return links >= MIN_MARKS or (headings >= 1 and links + headings >= MIN_MARKS)


def plain_markdown(line: str) -> str:
    """A Markdown line's text: links become their text, inline images and emphasis marks
    go, escapes are undone (a line that is only an image is kept for the image stage)."""
    if "](" in line:
        if not (line.lstrip().startswith("![") and _IMAGE.fullmatch(line.strip())):
            line = _IMAGE.sub("", line)
        line = _LINK.sub(r"\1", line)
    if "*" in line or "_" in line:
        line = _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", line))
    if "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    return line


def link_numbers(text: str) -> int:
    """The highest link number of a lynx "References" list at the end of the text, or 0."""
    found = _REFERENCES.search(text)
    if found is None:
        return 0
    numbers = [int(n) for n in _REFERENCE.findall(text, found.end())]
    return max(numbers) if len(numbers) >= 2 else 0


def drop_link_numbers(line: str, highest: int) -> str:
    """A line without lynx's "[7]" link numbers (those up to ``highest``)."""
    if "[" not in line:
        return line
    return _LINK_NUMBER.sub(lambda m: "" if int(m.group(1)) <= highest else m.group(0), line)
