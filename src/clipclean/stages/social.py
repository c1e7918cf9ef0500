"""Share and social rows: "Facebook", "Share Tweet", "197 Shares", "Follow us", "Copied!".

A line made only of network names, share verbs and counters is a row of buttons, in any
language the vocabulary covers; so is a lone @handle or e-mail address. A sentence that names
Facebook has other words in it and stays.
"""

from __future__ import annotations

import re
from typing import Final

from ..model import Draft
from ..scan import ASCII_FOLDS, pair_code, pair_table
from ..stage import stage

#: Words a share or follow row is made of; at least one must be in ``CORE``.
CORE: Final = frozenset(
    "facebook twitter x linkedin reddit pinterest pin whatsapp telegram email e-mail mail print "
    "share shares shared sharing tweet tweets copy copied flipboard buffer tumblr instagram "
    "youtube vk vkontakte odnoklassniki messenger sms google+ google stumbleupon pocket digg "
    "weibo wechat line viber skype snapchat tiktok threads bluesky mastodon rss feed follow "
    "subscribe like likes comment comments save saved bookmark teilen partager compartir "
    "condividi compartilhar compartilhe pint baixar imprimir drucken imprimer "
    "シェア ツイート".split()
)
FILLER: Final = frozenset(
    "on us this article story post page link the via with to our in auf sur en no me it is "
    "caring more sharing options read later and or share: now click opens new window friend a "
    "tab".split()
)
MAX_ROW_WORDS: Final = 14
_TOKEN: Final = re.compile(r"[^\W\d_][\w+\-]{0,30}|\d{1,9}[km]?", re.I)
HANDLE_OR_MAIL: Final = re.compile(
    r"^@\w{1,40}$|^[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,4}$"
)


def is_share_row(text: str) -> bool:
    """Only share/follow words, network names and counters, with at least one of them."""
    if len(text) > 120:
        return False
    first = _TOKEN.match(text)
    lead = first.group().lower() if first else ""
    if not (lead in CORE or lead == "click" or lead[:1].isdigit()):
        return False  # a row starts with a network, a share word or a counter
    core = False
    # The words one by one, lower-cased one by one: most lines fail at their second word, and
    # the rest of the line is not read. (The first word is there: ``lead``.)
    for n, m in enumerate(_TOKEN.finditer(text), 1):
        if n > MAX_ROW_WORDS:
            return False
        t = m.group().lower()
        t = t.split("-")[0] or t
        if t in CORE:
            core = True
        elif t not in FILLER and not t[0].isdigit():
            return False
    return core


#: The words a row can start with (see :func:`_may_lead`), by their first two characters.
_STARTS: Final[dict[str, tuple[str, ...]]] = {}
for _word in sorted(CORE | {"click"}):
    _STARTS[_word[:2]] = (*_STARTS.get(_word[:2], ()), _word)
_FIRSTS: Final = frozenset(w[0] for w in CORE if not w.isascii())
_LONGEST: Final = max(map(len, CORE))


def _may_lead(text: str) -> bool:
    """Whether the line can be a row by how it starts (see :func:`_leads`): two ASCII
    characters are looked up in :data:`_LEAD_PAIRS` in place first, which rules out most lines
    without a string made or lower-cased."""
    return pair_code(_LEAD_PAIRS, text) != 0 and _leads(text)


def _leads(text: str) -> bool:
    """Whether the line can be a row by how it starts, before the token pattern and the
    vocabulary: with a network or share word in any case (the word, lower-cased, starts the
    lower-cased line), or with a counter (a digit). A line that starts with a character
    outside ASCII goes on to the pattern unless no word or digit starts so."""
    head = text[:2]
    words = _STARTS.get(head.lower())
    if words is not None:  # (no word starts with a digit)
        return text[: _LONGEST + 1].lower().startswith(words)
    first = head[:1]
    if head.isascii():
        return first.isdigit() or first.lower() in CORE  # a one-letter word ("X")
    return first.isdigit() or first.isascii() or first in _FIRSTS or first in ASCII_FOLDS


def _may_lead_pair(head: str) -> bool:
    """Whether a line :func:`_leads` passes can start with these two ASCII characters: a word of
    ``_STARTS`` starts so (in any case), or the first is a digit or a one-letter word (false:
    :func:`_leads` is false whatever follows)."""
    return head.lower() in _STARTS or head[0].isdigit() or head[0].lower() in CORE


#: :func:`_may_lead_pair` of each pair of ASCII characters (:func:`scan.pair_table`).
_LEAD_PAIRS: Final = pair_table(_may_lead_pair)


@stage("share_rows")
def share_rows(draft: Draft) -> None:
    """Rows of share/follow buttons and counters; lone @handles and e-mail addresses."""
    handle = HANDLE_OR_MAIL.match
    drops = [
        (block, "share or social row")
        for block in draft.blocks
        if len(block.text) <= 120
        and (
            (_may_lead(block.text) and is_share_row(block.text))
            or ("@" in block.text and handle(block.text))
        )
    ]
    draft.remove_many(drops)
