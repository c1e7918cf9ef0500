"""Image and media placeholders: the word a scraper prints where a picture or player was.

"Image", "Photo", "Video", "Enlarge this image", "Image 3 of 12": they carry no text of the
article and only mark where an image stood.
"""

from __future__ import annotations

import re

from ..model import Draft
from ..scan import heads, starts_like
from ..stage import stage

_WORDS = (
    "image|images|photo|photos|photograph|picture|video|audio|graphic|illustration|gallery"
    "|slideshow|media|foto|fotos|bild|bilder|imagen|vidéo|vídeo|video player|play video"
    "|watch video|watch|listen|play|expand|enlarge|enlarge this image|open image in gallery"
    "|view image|view gallery|view slideshow|toggle caption|hide caption|show caption"
    "|close|fullscreen|full screen|zoom|loading|loading\\.{3}|caption|credit|credits|getty"
    "|getty images|photo credit|image credit|file photo"
)
PLACEHOLDER = re.compile(
    r"^\(?(?:"
    + _WORDS
    + r")\)?(?:\s{1,3}\d{1,4}(?:\s{1,3}(?:of|/|von|de|sur)(?:\s{1,3}/)?\s{1,3}\d{1,4})?)?"
    r"[\s.:…]{0,3}$"
    r"|^\(?\d{1,4}\s{0,2}(?:/|of)\s{0,2}\d{1,4}\)?$"
    r"|^\d{1,2}:\d{2}$",
    re.I,
)

#: How a line PLACEHOLDER takes can open, after its "(" (see :func:`_may_be_placeholder`).
_HEADS = heads(*_WORDS.split("|"))


def _may_be_placeholder(text: str) -> bool:
    """Whether PLACEHOLDER can match ``text``, by how it opens: with one of the words (as
    ``re.I`` sees it), a digit or a bracket ("3 of 12", "(1/12)", "2:31"). Most lines are
    ruled out here, by a look at two characters instead of the pattern's hundred branches."""
    first = text[:1]
    return first.isdigit() or first == "(" or starts_like(text, _HEADS)


#: Markup a page left unrendered: "[button link=… type=”big”] Send us a review[/button]",
#: "[caption id=…]": a shortcode of a blogging system, never text of the article.
SHORTCODE = re.compile(
    r"^\[[a-z_]{2,20}\s[^\[\]=]{1,60}=[^\[\]]{0,300}\](?:[^\[\]]{0,300}\[/[a-z_]{2,20}\])?$"
    r"|^\[[a-z_]{2,20}\][^\[\]]{0,300}\[/[a-z_]{2,20}\]$"
)


@stage("image_placeholders")
def image_placeholders(draft: Draft) -> None:
    """Lines that only name a medium ("Image", "Video", "Image 3 of 12", "1/12", "2:31")."""
    drops = []
    for block in draft.blocks:
        text = block.text
        if len(text) <= 40 and _may_be_placeholder(text) and PLACEHOLDER.match(text):
            drops.append((block, "media placeholder"))
        elif text[:1] == "[" and len(text) <= 700 and SHORTCODE.match(text):
            drops.append((block, "unrendered shortcode"))
    draft.remove_many(drops)
