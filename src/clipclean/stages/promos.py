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


@stage("calls_to_action")
def calls_to_action(draft: Draft) -> None:
    """Whole-line prompts: "Read Entire Article", "Read more", "Continue reading", "Advertisement"."""
    drops = []
    for block in draft.blocks:
        if len(block.text) <= 60 and CALL_TO_ACTION.match(block.text):
            drops.append((block, "call to action"))
    draft.remove_many(drops)
