"""The dek (standfirst): the sentence(s) printed between the headline and the byline.

Only the sentences that open that slot are a dek (labels and names after them are not); only
text in that slot is a dek: with no byline or dateline to close the slot, the first
paragraph cannot be told from a dek, and it stays in the body.
"""

from __future__ import annotations

import re
from typing import Final

from ..dates import find_date
from ..model import Block, Draft
from ..scan import ASCII_FOLDS
from ..shape import is_sentence_like, units, word_count
from ..stage import stage

MAX_DEK_WORDS: Final = 80
#: A picture credit: "Photo by", "PHOTOGRAPH COURTESY OF", "Foto:", "©", in several languages.
_CREDIT: Final = re.compile(
    r"\b(?:Photo(?:graph)?|Image|Picture|Credit|Foto|Bild|Fotografía|Photographie)s?"
    r"\s?(?:by|von|de|:|courtesy)|\bcourtesy of\b|©|\(c\)\s",
    re.I,
)
#: A call to action under the headline: "Save this story for later.", a newsletter pitch.
_PITCH: Final = re.compile(
    r"\b(?:save (?:this|the) (?:story|article)|for later|sign up|subscribe|newsletter|abonnieren"
    r"|abonnez|inscrivez|suscr[ií]b|iscriviti)\b",
    re.I,
)


#: A piece of every ``_CREDIT`` and ``_PITCH`` phrase, lower-cased: a line without one (and
#: without a character ``re.I`` folds to an ASCII letter) cannot match, and ``in`` tests cost
#: far less than the two case-blind patterns' scans (a step per character and branch).
_CUES: Final = (
    "photo",
    "image",
    "picture",
    "credit",
    "foto",
    "bild",
    "courtesy of",
    "©",
    "(c)",
    "save th",
    "for later",
    "sign up",
    "subscribe",
    "newsletter",
    "abonn",
    "inscrivez",
    "suscr",
    "iscriviti",
)


def not_a_dek(text: str) -> bool:
    """A picture credit or a call to action: header furniture, never the standfirst."""
    low = text.lower()
    if not any(c in low for c in _CUES) and not any(c in text for c in ASCII_FOLDS):
        return False
    return _CREDIT.search(text) is not None or _PITCH.search(text) is not None


#: How a paragraph of the article ends: a sentence's mark, or a closing quote after one.
_LEAD_ENDS: Final = (".", "!", "?", '."', ".”", ".«", ".»", '!"', "!”", '?"', "?”")
#: A teaser the page cut short ("…", ".."): a list of teasers, not the lead.
_CUT: Final = ("..", "…")


def _reads_as_lead(block: Block) -> bool:
    """A whole sentence (not a teaser cut short, not a caption ending in its credit)."""
    text = block.text
    return text.endswith(_LEAD_ENDS) and not text.endswith(_CUT)


#: A line with a date and at most this many words, not a sentence, is a byline or dateline.
DATED_LABEL_WORDS: Final = 12


def _dated_label(text: str) -> bool:
    """A short line with a date that is no sentence: "Published on 13 March 2019 by Jane Doe",
    "Veröffentlicht am 13. März 2019 von …": the slot's end, whatever the dateline stage saw."""
    return (
        not text.endswith(_LEAD_ENDS)
        and word_count(text) <= DATED_LABEL_WORDS
        and find_date(text) is not None
    )


#: A line this long reads as a dek even without a full stop (many standfirsts have none).
DEK_UNITS: Final = 8


@stage("dek")
def dek(draft: Draft) -> None:
    """Lift the sentences between the title and the byline/dateline to the subtitle."""
    start, end = draft.marks.get("title"), draft.marks.get("header_end")
    if start is None or end is None or draft.has("subtitle"):
        return
    slot = []
    for b in draft.blocks:
        if start < b.seq < end:
            if not (is_sentence_like(b.text, min_words=4) or units(b.text) >= DEK_UNITS):
                break  # a label or a name: the dek, if any, has ended
            if not_a_dek(b.text) or _dated_label(b.text):
                break
            slot.append(b)
    if not slot or sum(word_count(b.text) for b in slot) > MAX_DEK_WORDS:
        return
    if draft.kind == "text" and all(map(_reads_as_lead, slot[1:])):
        slot = slot[:1]  # the dek, then the lead paragraph(s): those stay in the body
    draft.propose("subtitle", " ".join(b.text for b in slot), 0.6)
    draft.remove_many([(b, "lifted to subtitle") for b in slot])
