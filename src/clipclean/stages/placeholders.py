"""Image and media placeholders: the word a scraper prints where a picture or player was.

"Image", "Photo", "Video", "Enlarge this image", "Image 3 of 12": they carry no text of the
article and only mark where an image stood.
"""

from __future__ import annotations

import re
from typing import Final

from ..model import Draft, Image
from ..scan import Joined, heads, pair_code, pair_table, starts_like
from ..shape import ends_like_sentence, word_count
from ..stage import stage

_WORDS: Final = (
    "image|images|photo|photos|photograph|picture|video|audio|graphic|illustration|gallery"
    "|slideshow|media|foto|fotos|bild|bilder|imagen|vidéo|vídeo|video player|play video"
    "|watch video|watch|listen|play|expand|enlarge|enlarge this image|open image in gallery"
    "|view image|view gallery|view slideshow|toggle caption|hide caption|show caption"
    "|close|fullscreen|full screen|zoom|loading|loading\\.{3}|caption|credit|credits|getty"
    "|getty images|photo credit|image credit|file photo"
)
PLACEHOLDER: Final = re.compile(
    r"^\(?(?:"
    + _WORDS
    + r")\)?(?:\s{1,3}\d{1,4}(?:\s{1,3}(?:of|/|von|de|sur)(?:\s{1,3}/)?\s{1,3}\d{1,4})?)?"
    r"[\s.:…]{0,3}$"
    r"|^\(?\d{1,4}\s{0,2}(?:/|of)\s{0,2}\d{1,4}\)?$"
    r"|^\d{1,2}:\d{2}$",
    re.I,
)

#: How a line PLACEHOLDER takes can open, after its "(" (see :func:`_may_be_placeholder`).
_HEADS: Final = heads(*_WORDS.split("|"))


def _may_be_placeholder(text: str) -> bool:
    """Whether PLACEHOLDER can match ``text``, by how it opens: with one of the words (as
    ``re.I`` sees it), a digit or a bracket ("3 of 12", "(1/12)", "2:31"). Most lines are
    ruled out here, by a look at two characters instead of the pattern's hundred branches
    (two ASCII ones in :data:`_PAIRS`, read in place: no string made)."""
    code = pair_code(_PAIRS, text)
    return code == 1 if code >= 0 else _opens_like(text)


def _opens_like(text: str) -> bool:
    """:func:`_may_be_placeholder` for any line: a digit, a bracket or one of the words."""
    first = text[:1]
    return first.isdigit() or first == "(" or starts_like(text, _HEADS)


#: :func:`_opens_like` of each pair of ASCII characters (it looks at no more than two; see
#: :func:`scan.pair_table`).
_PAIRS: Final = pair_table(_opens_like)


#: Markup a page left unrendered: "[button link=… type=”big”] Send us a review[/button]",
#: "[caption id=…]": a shortcode of a blogging system, never text of the article.
SHORTCODE: Final = re.compile(
    r"^\[[a-z_]{2,20}\s[^\[\]=]{1,60}=[^\[\]]{0,300}\](?:[^\[\]]{0,300}\[/[a-z_]{2,20}\])?$"
    r"|^\[[a-z_]{2,20}\][^\[\]]{0,300}\[/[a-z_]{2,20}\]$"
)


#: What text-mode browsers and converters print for a form control or an embed: lynx's
#: "(BUTTON)", "[INS: :INS]", w3m's "[BUTTON]", "[ ]" / "[X]" / "( )" / "(*)" boxes, "____"
#: input fields, "[IMG]"/"[image]".
FORM_MARK: Final = re.compile(
    r"\((?:BUTTON|RADIO|CHECKBOX|SUBMIT)\)|\[(?:BUTTON|SUBMIT|INS:[^\]]{0,60}:INS|DEL:[^\]]{0,60}:DEL"
    r"|IMG|IMAGE|EMBED|IFRAME|OBJECT|VIDEO|AUDIO|image|img|embed|iframe|video)(?:\s[^\]]{0,40})?\]"
    r"|\[[ xX*]?\]|\([ *xX]\)|_{3,}"
)
#: An image the dump named by its file ("[tomas_spahn.jpg]", "[svg%3E]", "[leer.gif]"): one
#: bracketed token with no space, holding a dot, a percent sign, an equals sign or a slash.
FILE_MARK: Final = re.compile(r"\[[^\]\s]{0,200}[.%=/][^\]\s]{0,200}\]")
#: A Markdown image: "![alt](src)".
MD_IMAGE: Final = re.compile(r"!\[([^\]]{0,300})\]\(([^)\s]{1,2000})(?:\s\"[^\"]{0,300}\")?\)")
#: A link reference list's entry: "1. http://…" (lynx's "References"), "[3]: https://…"
#: (Markdown), "[12] https://…".
LINK_REFERENCE: Final = re.compile(
    r"^(?:\d{1,4}\.|\[\d{1,4}\]:?)\s{0,3}(?:https?|ftp|file|mailto):\S+$"
)
#: A link reference list's heading.
REFERENCES_HEAD: Final = re.compile(
    r"^(?:references|referenzen|referencias|visible links|hidden links)\s?:?$",
    re.I,
)
#: lynx's line for an embedded frame: "IFRAME: https://…", "FRAME: name".
_FRAME: Final = re.compile(r"^I?FRAME:\s?\S{0,2000}$")
#: Words that may stand beside form marks on a control's line ("Suche nach: ____ Suche").
LABEL_WORDS: Final = 4


def _dump_marker(text: str) -> str:
    """Why a line is only a text dump's rendering of a control, an image or a link list, or ""."""
    if (text[:1].isdigit() or text[:1] == "[") and LINK_REFERENCE.match(text):
        return "link reference list"
    if text[:7] in ("IFRAME:", "FRAME: ") and _FRAME.match(text):
        return "form control or image marker of a text dump"
    if "[" not in text and "(" not in text and "_" not in text:
        return ""
    form = FORM_MARK.search(text) is not None
    # (a pattern that found no mark changes nothing: its replacement is not run)
    rest = FORM_MARK.sub(" ", text) if form else text
    rest = FILE_MARK.sub(" ", rest) if "[" in rest else rest
    if form or rest != text:
        left = rest.strip(" .:|-–•»")
        if not left or (form and word_count(left) <= LABEL_WORDS and not ends_like_sentence(left)):
            return "form control or image marker of a text dump"
    return ""


#: Where a dump's marker may stand: a bracket, a form control's "(…)", an input field, a
#: frame's line (literal words, each found with ``str.find`` of its first character: see
#: :meth:`Joined.literal_starts`), the start of a numbered link ("\n12. https:", a pattern).
#: One scan of the document for each finds these lines.
_DUMP_WORDS: Final = (
    "[",
    *(f"({mark})" for mark in ("BUTTON", "RADIO", "CHECKBOX", "SUBMIT", " ", "*", "x", "X")),
    "___",
    "FRAME:",
)
_DUMP_CUE: Final = re.compile(r"\n\d{1,4}\.\s")


def _numbered(texts: list[str]) -> set[int]:
    """The lines :data:`_DUMP_CUE` finds in the lines joined (as :meth:`Joined.hits` does),
    tried only on a line that opens with a digit or holds a line break: a look at its first
    character costs less than the pattern's stop at every line of the document."""
    search = _DUMP_CUE.search
    return {
        i
        for i, text in enumerate(texts)
        if (text[:1].isdigit() or "\n" in text) and search(f"\n{text}\n") is not None
    }


@stage("image_placeholders")
def image_placeholders(draft: Draft) -> None:
    """Lines that only name a medium ("Image", "Video", "Image 3 of 12", "1/12", "2:31"), and a
    text dump's markers: form controls ("(BUTTON)", "[INS: :INS]", "____"), images ("[logo.png]",
    "![alt](src)", kept as image records) and link reference lists ("1. https://…")."""
    drops = []
    blocks = draft.blocks
    for block in blocks:
        text = block.text
        if len(text) <= 40 and _may_be_placeholder(text) and PLACEHOLDER.match(text):
            drops.append((block, "media placeholder"))
        elif text[:1] == "[" and len(text) <= 700 and SHORTCODE.match(text):
            drops.append((block, "unrendered shortcode"))
    taken = {id(b) for b, _ in drops}
    texts = [b.text for b in blocks]
    # (one scan of the document for each cue costs less than ``in`` tests to skip it)
    for k in sorted(Joined(texts).literal_hits(_DUMP_WORDS) | _numbered(texts)):
        block = blocks[k]
        text = block.text
        if id(block) in taken or len(text) > 300:
            continue
        if why := _dump_marker(text):
            drops.append((block, why))
            head = blocks[k - 1] if k and why == "link reference list" else None
            if head is not None and id(head) not in taken and REFERENCES_HEAD.match(head.text):
                drops.append((head, why))
                taken.add(id(head))
        elif text[:2] == "![" and (m := MD_IMAGE.fullmatch(text)) is not None:
            draft.add_image(Image(src=m.group(2), alt=m.group(1) or None), block)
            drops.append((block, "image of a Markdown dump"))
        taken.add(id(block))
    draft.remove_many(drops)
