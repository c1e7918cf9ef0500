"""A closing author bio: "Lily Kuo is a China correspondent for The Times, based in Taipei."

Only near the end, and only when it names an author or says what the person does for a
living, so a closing sentence about someone in the story stays. A heading that announces the
bio ("About the author", "Über Jane Doe", "Sobre Jane Doe") makes the paragraph under it the
bio whatever it says.
"""

from __future__ import annotations

import re
from typing import Final

from ..model import Block, Draft
from ..shape import facts, is_person_name, word_count
from ..stage import stage

#: How many blocks from the end a bio may stand.
TAIL: Final = 3
MAX_BIO_WORDS: Final = 80
#: A bio found by the byline's name alone: a paragraph of its own after some of the article.
MIN_NAMED_BIO_WORDS: Final = 12
AFTER: Final = 2
#: A bio under its own heading may be longer: the heading already says what it is.
MAX_HEADED_BIO_WORDS: Final = 150
#: How far after the name the role must stand ("Lily Kuo is a China correspondent …"); a
#: sentence about someone in the story names a "chief of staff" much later, if at all.
ROLE_REACH: Final = 60
BIO: Final = re.compile(
    r"^(?:About the author:?\s)?(?P<name>[^\W\d_][\w'’.\- ]{2,60}?)"
    r"(?:\s\([^()\s]{1,60}\))?"  # "Jane Doe (jane@example.com) is …"
    r"\s(?:is|was|has been|covers|writes|reports|joined)\s.{5,600}$"
)
#: What :data:`BIO` needs before its last ``.{5,600}``: a verb between spaces, ending within
#: BIO_REACH characters (an "About the author: " of 18, a name of 61, a "(…)" of 63, a space,
#: "has been" and a space).
_BIO_VERBS: Final = (" is ", " was ", " has been ", " covers ", " writes ", " reports ", " joined ")
BIO_REACH: Final = 18 + 61 + 63 + 1 + 8 + 1


def bio_match(text: str) -> re.Match[str] | None:
    r"""``BIO.match(text)``, the pattern run only on a line whose head holds one of its verbs
    between spaces (a few ``in`` tests, far cheaper than the pattern's lazy name, which tries
    the verbs after every character). A head with whitespace other than spaces (``\s``) is not
    printable: that one is left to the pattern."""
    head = text[:BIO_REACH]
    for verb in _BIO_VERBS:
        if verb in head:
            return BIO.match(text)
    return BIO.match(text) if not head.isprintable() else None


ROLE: Final = re.compile(
    r"\b(?:correspondent|reporter|writer|editor|columnist|journalist|contributor|author|"
    r"producer|critic|analyst|bureau chief|staff|covers|based in|freelance)\b",
    re.I,
)
#: A heading over the bio: "About the author", "About Jane Doe", "Über Jane Doe", "Sobre …".
BIO_HEADING: Final = re.compile(
    r"^(?:about|über|sobre|à propos de|a proposito di|acerca de|over)\s(?P<who>[^\W\d_][\w'’.\- ]{2,60}?)"
    r"\s?:?(?P<count>\s\d{1,6}\s\w{3,12})?$",  # "Über Steffi 1009 Artikel": the author box's count
    re.I,
)
#: A heading that says "author" in the author box ("Author", "Autorin", "incurvy Autorin",
#: "À propos de l'auteur"): the box's last word names the role, in several languages.
ROLE_HEADING: Final = re.compile(
    r"^(?:\S+\s){0,2}(?:author|authors|autor|autorin|autoren|auteur|auteure|autrice|autore"
    r"|autora|auteurs|skribent|författare|tekijä|autorka|yazar|writer)\s?:?$",
    re.I,
)
#: The author box's paragraph opens with the person: "Jake is …", "Ich bin Steffi, …",
#: "I'm Jane …", "Je suis …", "Soy …" (first words only; the name must agree).
FIRST_PERSON: Final = (
    "i'm ",
    "i am ",
    "ich bin ",
    "je suis ",
    "soy ",
    "sono ",
    "eu sou ",
    "ik ben ",
)
_HEADING_STARTS: Final = (
    "about ",
    "über ",
    "sobre ",
    "à propos ",
    "a proposito ",
    "acerca ",
    "over ",
)
#: "About …" naming the author by role rather than by name.
THE_AUTHOR: Final = frozenset(
    "the author|the writer|l'auteur|l’auteur|den autor|die autorin|el autor|la autora|o autor"
    "|a autora|l'autore|l’autore|de auteur".split("|")
)


def _names(draft: Draft) -> tuple[set[str], set[str]]:
    """The byline's authors, whole and by first name (a bio may say "Jane joined …")."""
    whole = {a.casefold() for c in draft.candidates.get("authors", []) for a in c.value}
    return whole, {a.split()[0] for a in whole if " " in a}


def _opens_with_person(text: str) -> bool:
    """The paragraph starts with a first-person self-introduction ("Ich bin Steffi, …")."""
    low = text[:12].casefold()
    return low.startswith(FIRST_PERSON)


def _role_headed_bio(draft: Draft, tail: list[Block]) -> bool:
    """An "Author" heading, maybe a name line, then the paragraph about that person.

    The paragraph must name the person first ("Jake is the co-founder …" under "Jake
    Goulding") or introduce itself ("Ich bin Eleonore, …"): a closing section of the story
    headed "Authors" says neither.
    """
    for i, head in enumerate(tail[:-1]):
        if facts(head).words > 4 or not ROLE_HEADING.match(head.text):
            continue
        rest = tail[i + 1 :]
        name = rest[0] if len(rest) > 1 and is_person_name(rest[0].text) else None
        block = rest[1] if name is not None else rest[0]
        f = facts(block)
        if f.words > MAX_HEADED_BIO_WORDS or f.words < 8 or not f.ends:
            continue
        first = name.text.split()[0] if name is not None else ""
        if not (_opens_with_person(block.text) or (first and block.text.startswith(first + " "))):
            continue
        draft.remove(head, "author bio heading")
        if name is not None:
            draft.remove(name, "author bio heading")
        draft.lift(block, "author_bio", confidence=0.7)
        return True
    return False


#: The author box's post count on a line of its own under "Über Steffi": "1009 Artikel".
COUNT_LINE = re.compile(r"^\d{1,6}\s[^\W\d_]{3,12}$")


def _headed_bio(draft: Draft, tail: list[Block]) -> bool:
    """Lift the paragraph under a bio heading near the end; True when there was one."""
    for i, head in enumerate(tail[:-1]):
        f = facts(head)
        if f.words > 8 or not f.low.startswith(_HEADING_STARTS):
            continue
        m = BIO_HEADING.match(head.text)
        if m is None:
            continue
        block = tail[i + 1]
        count = COUNT_LINE.match(block.text) is not None and i + 2 < len(tail)
        if count:
            block = tail[i + 2]
        if facts(block).words > MAX_HEADED_BIO_WORDS or not facts(block).ends:
            continue
        who = m.group("who")
        # "Über Steffi 1009 Artikel": a count of posts makes a lone first name enough.
        counted = (m.group("count") is not None or count) and who[:1].isupper()
        if who.lower() in THE_AUTHOR or is_person_name(who) or (counted and len(who.split()) <= 3):
            draft.remove(head, "author bio heading")
            if count:
                draft.remove(tail[i + 1], "author bio heading")
            draft.lift(block, "author_bio", confidence=0.7)
            return True
    return False


def _opens_with_author(text: str, authors: set[str]) -> bool:
    """The paragraph opens with a byline author's whole name and a verb ("TIM ANDERSON has
    done …"): an author named in the third person at the end of their own piece is a bio."""
    low = text[:61].casefold()
    for name in authors:
        after = text[len(name) : len(name) + 2]
        if " " in name and low.startswith(name) and after[:1] == " " and after[1:].islower():
            return True
    return False


@stage("author_bio")
def author_bio(draft: Draft) -> None:
    """Lift a closing "X is a … correspondent …" line (or one under "About X") to author_bio."""
    if _headed_bio(draft, draft.blocks[-TAIL - 1 :]) or _role_headed_bio(
        draft, draft.blocks[-TAIL - 2 :]
    ):
        return
    authors, first_names = _names(draft)
    blocks = draft.blocks
    for k, block in enumerate(blocks[-TAIL:], start=max(0, len(blocks) - TAIL)):
        text = block.text
        # (the line's facts count its words already, as word_count does of a stripped line)
        padded = text[:1].isspace() or text[-1:].isspace()
        words = word_count(text) if padded else facts(block).words
        if words > MAX_HEADED_BIO_WORDS:
            continue
        # After the article (not the whole text), and a paragraph, not a headline; the
        # byline's whole name in front says what it is, as a heading would.
        if (
            k >= AFTER
            and words >= MIN_NAMED_BIO_WORDS
            and facts(block).ends
            and _opens_with_author(block.text, authors)
        ):
            draft.lift(block, "author_bio", confidence=0.7)
            return
        m = bio_match(block.text) if words <= MAX_BIO_WORDS else None  # (a long one is not)
        if not m:
            continue
        name = m.group("name").strip()
        said = block.text[m.end("name") : m.end("name") + ROLE_REACH]  # "is a … correspondent"
        folded = name.casefold()
        if (
            folded in authors
            or folded in first_names
            or (is_person_name(name) and ROLE.search(said))
        ):
            draft.lift(block, "author_bio", confidence=0.7)
            return
