"""Page text taken out of the HTML tree before it becomes blocks, recorded in the draft's trace.

Page furniture, chrome boxes, hidden elements and what readability passes over never reach the
block stages, so they would leave no trace of their own. Each subtree taken out is one row of
the same :class:`~clipclean.model.Draft` trace the stages write (:meth:`Draft.dropped`): its
text (one XPath call in C), its element path, the step that took it and a reason
a person understands.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from ..model import Draft
from .blocks import BLOCK_KINDS, BREAKS

#: Trace stage names of the HTML steps (they run before the pipeline's stages).
FURNITURE = "html_furniture"
HIDDEN = "html_hidden"
CHROME = "html_chrome"
OUTSIDE = "html_outside_content"
STATED = "html_stated_body"
FIGURES = "html_figures"


#: The text nodes under an element, as plain strings (not lxml's "smart" ones: cheaper).
_TEXTS = etree.XPath(".//text()", smart_strings=False)


def subtree_text(el: lxml.html.HtmlElement) -> str:
    """The words of ``el``'s subtree (not its tail), a space at every element edge: its text
    nodes listed by one XPath call in C (a page's chrome is most of its elements: walking it
    in Python, as the blocks read their text, cost a tenth of the HTML path). A word split by
    inline markup ("<b>W</b>ord") shows as two; none is glued to the next."""
    return " ".join(" ".join(_TEXTS(el)).split())


def where(el: lxml.html.HtmlElement) -> str:
    """The element's source line and path, for a person to find it in the page."""
    path = el.getroottree().getpath(el)
    return f"line {el.sourceline} {path}" if el.sourceline else path


def top(el: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The root of the tree ``el`` is in: the page's, or that of a subtree dropped from it
    (lxml's ``getroottree`` answers the page's root for both)."""
    ancestors = list(el.iterancestors())
    return ancestors[-1] if ancestors else el


class Sieve:
    """Drops subtrees of one tree and records each in ``draft``'s trace (none when ``draft``
    is None: the spare tree of a retry is traced only if it is used, see :meth:`restart`)."""

    def __init__(self, draft: Draft | None) -> None:
        self.draft = draft
        self.start = len(draft.trace) if draft is not None else 0

    def restart(self) -> None:
        """Forget the rows recorded so far (the tree they came from was given up)."""
        if self.draft is not None:
            del self.draft.trace[self.start :]

    def note(self, el: lxml.html.HtmlElement, stage: str, reason: str) -> None:
        """Record ``el``'s subtree as dropped (its text, if any) without removing it."""
        if self.draft is None:
            return
        text = subtree_text(el)
        if text:
            self.draft.dropped(stage, reason, text, where(el))

    def drop(self, el: lxml.html.HtmlElement, stage: str, reason: str) -> bool:
        """Take ``el`` out (its tail stays) and record it; False for the root or an element
        already out."""
        if el.tag in ("html", "body") or el.getparent() is None:
            return False
        self.note(el, stage, reason)
        if el.tail and (el.tag in BREAKS or el.tag in BLOCK_KINDS):
            el.tail = " " + el.tail  # (a block parted the words on each side: they stay apart)
        el.drop_tree()
        return True
