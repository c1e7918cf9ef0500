"""A closing author bio: "Lily Kuo is a China correspondent for The Times, based in Taipei."

Only near the end, and only when it names an author or says what the person does for a
living, so a closing sentence about someone in the story stays.
"""

from __future__ import annotations

import re

from ..model import Draft
from ..pipeline import stage
from ..shape import is_person_name, word_count

#: How many blocks from the end a bio may stand.
TAIL = 3
MAX_BIO_WORDS = 80
#: How far after the name the role must stand ("Lily Kuo is a China correspondent …"); a
#: sentence about someone in the story names a "chief of staff" much later, if at all.
ROLE_REACH = 60
BIO = re.compile(
    r"^(?:About the author:?\s)?(?P<name>[^\W\d_][\w'’.\- ]{2,60}?)\s"
    r"(?:is|was|has been|covers|writes|reports)\s.{5,600}$"
)
ROLE = re.compile(
    r"\b(?:correspondent|reporter|writer|editor|columnist|journalist|contributor|author|"
    r"producer|critic|analyst|bureau chief|staff|covers|based in|freelance)\b",
    re.I,
)


@stage("author_bio")
def author_bio(draft: Draft) -> None:
    """Lift a closing "X is a … correspondent …" line to author_bio."""
    authors = {a.casefold() for c in draft.candidates.get("authors", []) for a in c.value}
    for block in draft.blocks[-TAIL:]:
        m = BIO.match(block.text)
        if not m or word_count(block.text) > MAX_BIO_WORDS:
            continue
        name = m.group("name").strip()
        said = block.text[m.end("name") : m.end("name") + ROLE_REACH]  # "is a … correspondent"
        if name.casefold() in authors or (is_person_name(name) and ROLE.search(said)):
            draft.lift(block, "author_bio", confidence=0.7)
            return
