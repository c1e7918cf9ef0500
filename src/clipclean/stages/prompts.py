"""Newsletter, subscription, paywall, membership and app prompts.

"Sign up for our newsletter", "Get X delivered to your inbox", "To read the full story,
subscribe", "Support our journalism": the site asking the reader for something. Recognised by
a prompt word together with the site addressing the reader (you, your, our, an imperative at
the start), and only on short lines, so a sentence that reports on a newsletter stays.
"""

from __future__ import annotations

import re

from ..model import Draft
from ..pipeline import stage
from ..shape import facts

#: Prompt words, on the lower-cased line: these are about the site whatever the line.
_PROMPT_WORDS = (
    r"newsletter|subscri|inbox|paywall|membership|become a member|already a member|"
    r"free trial|support (?:us|our|independent|quality)|donate|unlimited access|abonn|"
    r"suscr|ニュースレター|購読|会員登録|follow (?:us|him|her|me|them) (?:on|@)"
)
_EMAIL_AT = r"e-?mail [\w .'’-]{2,40} at \S{1,60}@"
PROMPT = re.compile(_PROMPT_WORDS + "|^" + _EMAIL_AT)
#: Weaker prompt words (a how-to article says "sign in to your account."): only on a line
#: that is not a sentence.
_WEAK_WORDS = (
    r"sign up|signup|sign in|log in|login|premium|create (?:an|a free) account|"
    r"download (?:the|our) app|get the app|alerts|full story|full article|anmelden|"
    r"registrieren|inscri|regístrate|iniciar sesión|ログイン|click here|"
    r"tell us what you think|let us know|join the (?:conversation|discussion)|"
    r"leave a (?:comment|reply)|post a comment|write a comment|add a comment"
)
WEAK_PROMPT = re.compile(_WEAK_WORDS + r"|\bapp\b")
#: The site addressing the reader, or an imperative opening the line.
ADDRESS = re.compile(
    r"\b(?:you|your|our|us|we)\b|^(?:get|sign|join|subscribe|support|download|click|tap|"
    r"register|enter|never miss|don'?t miss|stay|keep|follow|receive|to read|to continue|"
    r"want|like|love|enjoy)\b|\b(?:sie|ihr|ihre|unser|vous|votre|nous|notre|tu|su|nuestro)\b"
    r"|^[^.!?]{0,40}!$"
)
MAX_PROMPT_WORDS = 30

#: ``PROMPT`` and ``WEAK_PROMPT`` without their anchored or ``\b`` branch: every other branch
#: opens with a literal, so the scan skips ahead to where one could start (the ``^``/``\b``
#: branch made the whole pattern try every position). Same matches, about twice as fast.
_PROMPT_LITERAL = re.compile(_PROMPT_WORDS)
_PROMPT_EMAIL = re.compile(_EMAIL_AT)
_WEAK_LITERAL = re.compile(_WEAK_WORDS)
_APP = re.compile(r"\bapp\b")


def _prompt(low: str) -> bool:
    """``PROMPT.search(low)`` is not None."""
    return _PROMPT_LITERAL.search(low) is not None or (
        low.startswith("e") and _PROMPT_EMAIL.match(low) is not None
    )


def _weak_prompt(low: str) -> bool:
    """``WEAK_PROMPT.search(low)`` is not None."""
    return _WEAK_LITERAL.search(low) is not None or ("app" in low and _APP.search(low) is not None)


#: How to reach the author or the newsroom: a prompt whoever it names.
CONTACT = re.compile(
    r"(?:may|can) be reached at|follow (?:him|her|them|me|us) on|e-?mail (?:him|her|them|me|us)"
    r" at|have a (?:news )?tip\?|send (?:us )?(?:a )?(?:news )?tips?\b"
)

#: Words every ``CONTACT`` phrase holds: a line without one is not tried.
_CONTACT_CUES = ("reached", "follow", "mail", "tip")

#: The site's pitch: an imperative to the reader opening the line ("Get X delivered to your
#: door", "Join our forums", "Listen live at …"). Only at the edges of the article run.
PITCH = re.compile(
    r"^(?:get|join|start your|check out|listen (?:to|live|back)|sign up|subscribe|follow|download"
    r"|tap|click|visit|don'?t miss|never miss|stay (?:up|informed|connected|tuned)|find out more"
    r"|learn more|abonnieren sie|folgen sie|inscrivez-vous|suivez|abonnez-vous|suscríbete"
    r"|síguenos|descarga)\b"
)
_YOU_OUR = re.compile(r"\b(?:you|your|our|us|ihr|ihre|unser|votre|notre|vous|tu|su|nuestro)\b")
#: How many blocks at each end of the run a pitch may stand in, and how long it may be.
EDGE = 2
MAX_PITCH_WORDS = 60


def _edges(draft: Draft) -> tuple[set[int], set[int]]:
    """``id`` of the first and of the last :data:`EDGE` blocks of the article run."""
    start, end = draft.marks.get("body_start"), draft.marks.get("body_end")
    if start is None or end is None:
        return set(), set()
    run = [b for b in draft.blocks if start <= b.seq <= end]
    return {id(b) for b in run[:EDGE]}, {id(b) for b in run[-EDGE:]}


@stage("prompts")
def prompts(draft: Draft) -> None:
    """Newsletter, subscribe, paywall, membership, donation and app prompts (short lines)."""
    drops = []
    head, tail = _edges(draft)
    for block in draft.blocks:
        f = facts(block)
        if (
            (id(block) in tail or id(block) in head)
            and f.words <= MAX_PITCH_WORDS
            and PITCH.match(f.low)
            # an article may open with "Get ready for …": at the top only the site's own
            # voice ("your", "our") or a prompt word ("alerts", "newsletter") makes it a pitch
            and (
                id(block) in tail
                or _YOU_OUR.search(f.low) is not None
                or _weak_prompt(f.low)
                or _prompt(f.low)
            )
        ):
            drops.append((block, "the site's pitch at the article's edge"))
            continue
        if f.size > 250 or f.words > MAX_PROMPT_WORDS:
            continue
        low = f.low
        if any(c in low for c in _CONTACT_CUES) and CONTACT.search(low):
            drops.append((block, "contact prompt"))
            continue
        strong = _prompt(low)
        if not strong and (f.ends or not _weak_prompt(low)):
            continue
        if f.words <= 4 or ADDRESS.search(low):
            drops.append((block, "newsletter, subscription or paywall prompt"))
    draft.remove_many(drops)
