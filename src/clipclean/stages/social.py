"""Share and social rows: "Facebook", "Share Tweet", "197 Shares", "Follow us", "Copied!".

A line made only of network names, share verbs and counters is a row of buttons, in any
language the vocabulary covers; so is a lone @handle or e-mail address. A sentence that names
Facebook has other words in it and stays.
"""

from __future__ import annotations

import re

from ..model import Draft
from ..pipeline import stage

#: Words a share or follow row is made of; at least one must be in ``CORE``.
CORE = frozenset(
    "facebook twitter x linkedin reddit pinterest pin whatsapp telegram email e-mail mail print "
    "share shares shared sharing tweet tweets copy copied flipboard buffer tumblr instagram "
    "youtube vk vkontakte odnoklassniki messenger sms google+ google stumbleupon pocket digg "
    "weibo wechat line viber skype snapchat tiktok threads bluesky mastodon rss feed follow "
    "subscribe like likes comment comments save saved bookmark teilen partager compartir "
    "condividi compartilhar compartilhe pint baixar imprimir drucken imprimer "
    "シェア ツイート".split()
)
FILLER = frozenset(
    "on us this article story post page link the via with to our in auf sur en no me it is "
    "caring more sharing options read later and or share: now click opens new window friend a "
    "tab".split()
)
MAX_ROW_WORDS = 14
_TOKEN = re.compile(r"[^\W\d_][\w+\-]{0,30}|\d{1,9}[km]?", re.I)
HANDLE_OR_MAIL = re.compile(r"^@\w{1,40}$|^[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,4}$")


def is_share_row(text: str) -> bool:
    """Only share/follow words, network names and counters, with at least one of them."""
    if len(text) > 120:
        return False
    first = _TOKEN.match(text)
    lead = first.group().lower() if first else ""
    if not (lead in CORE or lead == "click" or lead[:1].isdigit()):
        return False  # a row starts with a network, a share word or a counter
    tokens = [t.lower().split("-")[0] or t.lower() for t in _TOKEN.findall(text)]
    if not tokens or len(tokens) > MAX_ROW_WORDS:
        return False
    core = False
    for t in tokens:
        if t in CORE:
            core = True
        elif t not in FILLER and not t[0].isdigit():
            return False
    return core


@stage("share_rows")
def share_rows(draft: Draft) -> None:
    """Rows of share/follow buttons and counters; lone @handles and e-mail addresses."""
    drops = []
    for block in draft.blocks:
        text = block.text
        if len(text) <= 120 and (is_share_row(text) or HANDLE_OR_MAIL.match(text)):
            drops.append((block, "share or social row"))
    draft.remove_many(drops)
