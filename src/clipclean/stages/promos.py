"""Calls to action and ad markers: links that invite a click but are not the article.

Matched as whole lines only, so a sentence that merely contains "read more" stays.
"""

from __future__ import annotations

import re

from ..model import Draft
from ..pipeline import stage

_PHRASES = (
    "read entire article|read the entire article|read full article|read the full article"
    "|read later|like this|like loading|loading|share this|permalink|back to top"
    "|read full story|read the full story|read more|read on|read next|read this next"
    "|continue reading|continue reading the main story|continue reading below"
    "|keep reading|click here|click here to read more|see more|show more|load more|view more"
    "|more stories|view comments|show comments|comments|leave a comment|add a comment"
    "|advertisement|advertisements|skip advertisement|ad|ads|sponsored|sponsored content"
    "|supported by|story continues below|story continues below advertisement"
    "|article continues below|article continues below advertisement|scroll to continue"
    "|share|share this|share this article|share this story|share on facebook|share on twitter"
    "|tweet|email|print|copy link|link copied|save|save article|bookmark|follow"
    "|subscribe|subscribe now|sign up|sign in|log in|register|back to top|top"
    "|weiterlesen|mehr lesen|lire la suite|lire plus|leer más|seguir leyendo|continua a leggere"
    "|続きを読む|もっと見る|anzeige|publicité|publicidad|pubblicità|publicidade|werbung"
    "|advert|advertising|iklan|reklama|реклама|広告|menu|back to gallery|back to article"
    "|next|previous|prev|next article|previous article|next story|previous story"
    "|view pdf/print mode|print mode|scroll down|scroll to top|go to top|jump to comments"
)
CALL_TO_ACTION = re.compile(r"^[\s>»›→▶]{0,3}(?:" + _PHRASES + r")[\s.:!…»›→▶+]{0,4}$", re.I)


#: The phrases, and what a line may have around one: ``\s`` (every character it matches)
#: and the marks of the pattern's two ends.
_PHRASE_SET = frozenset(_PHRASES.split("|"))
_LONGEST = max(map(len, _PHRASE_SET))
_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_MARKS = _SPACES + ">»›→▶.:!…+"


def _may_call(text: str) -> bool:
    """Whether :data:`CALL_TO_ACTION` can match ``text``, without the pattern's walk through a
    hundred phrases. No phrase starts or ends with a mark, so the stripped line is the phrase
    itself, in some case: when ASCII, it is the phrase once lower-cased (under ``re.I`` an
    ASCII letter matches only its other case); else it is no longer than the longest phrase."""
    key = text.strip(_MARKS)
    if key.isascii():
        return key.lower() in _PHRASE_SET
    return len(key) <= _LONGEST


@stage("calls_to_action")
def calls_to_action(draft: Draft) -> None:
    """Whole-line prompts: "Read Entire Article", "Read more", "Continue reading", "Advertisement"."""
    match = CALL_TO_ACTION.match
    drops = [
        (block, "call to action")
        for block in draft.blocks
        if len(block.text) <= 60 and _may_call(block.text) and match(block.text)
    ]
    draft.remove_many(drops)
