"""The last resort for a publication date: htmldate's search of the whole page.

Used only when neither the markup, the URL nor a dateline near the headline gives a date (on
the trafilatura-eval dev pages that is about one page in seven). htmldate is imported on first
use (it costs ~0.4 s to import) and searches a copy of the tree, as it changes the one it gets.
"""

from __future__ import annotations

import copy

import lxml.html


def searched_date(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    """The day htmldate finds for the page (``YYYY-MM-DD``), or None."""
    try:
        from htmldate import find_date
    except ImportError:  # an optional extra: without it there is no search
        return None
    try:
        found = find_date(
            copy.deepcopy(tree),
            url=url,
            extensive_search=True,
            original_date=True,
            outputformat="%Y-%m-%d",
        )
    except Exception:  # a page it cannot read is a page without a date, not a failure
        return None
    if not isinstance(found, str) or found.endswith("-01-01"):
        return None  # the first of January is what it answers when it found only a year
    return found
