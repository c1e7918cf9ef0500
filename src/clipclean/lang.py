"""Language of a text from its most frequent function words, for pages that do not declare one.

A few dozen stop words per language tell the common languages of news apart reliably on a
paragraph or more; scripts with their own alphabet are told by their characters. This is small
and dependency-free, and it says ``None`` rather than guess on short or unfamiliar text.
"""

from __future__ import annotations

import re
from typing import Final

_STOPWORDS: Final[dict[str, frozenset[str]]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the and of to in is that for it with was on as are by this be at from have has "
        "not but they his her which an were their been would will said there who",
        "de": "der die und das ist nicht ein eine zu den mit von sich des auf für im dem auch "
        "es an werden aus er hat dass sie nach wird bei einer um noch wie",
        "fr": "le la les et des est un une du en que qui dans pour pas sur au par il ne se ce "
        "plus avec sont aux été cette mais ou nous elle leur",
        "es": "el la de que y los en las del se por un una para con no es al lo como más pero "
        "sus le ya fue este ha también entre cuando muy sin sobre",
        "it": "il di che la e per un una non sono del della le in si da al dei gli con anche "
        "ma è come più alla nel delle questo ha essere stato",
        "pt": "de que não uma os do da em para com um no na por se mais as dos como mas ao ele "
        "das seu sua ou quando muito nos já está também pelo pela são",
        "nl": "de het een en van ik te dat die in is niet zijn op aan met voor er maar om ook "
        "als dan bij nog wel naar kan werd wordt heeft hebben deze",
        "sv": "och att det som en på är av för med till den har inte om ett han var jag men "
        "de vi så kan hon sig eller från när",
        "pl": "i w nie na się to że z do jest jak o po co tak ale za od czy przez już dla jego "
        "są oraz może tylko było",
        "id": "yang dan di itu dengan untuk tidak ini dari dalam akan pada juga ke karena "
        "tersebut bisa ada mereka oleh adalah sudah saat",
        "tr": "ve bir bu da de için ile çok daha olarak gibi olan sonra kadar ama değil her "
        "en ancak",
    }.items()
}
#: The languages told by their script, each by its block of characters (first to last), in
#: the order they are tried.
_SCRIPT_BLOCKS: Final = (
    ("ja", 0x3040, 0x30FF),
    ("ko", 0xAC00, 0xD7AF),
    ("zh", 0x4E00, 0x9FFF),
    ("ru", 0x0400, 0x04FF),
    ("ar", 0x0600, 0x06FF),
    ("el", 0x0370, 0x03FF),
    ("he", 0x0590, 0x05FF),
    ("hi", 0x0900, 0x097F),
    ("th", 0x0E00, 0x0E7F),
)
_SCRIPT_FIRST: Final = tuple(first for _, first, _ in _SCRIPT_BLOCKS)
_SCRIPT_LAST: Final = tuple(last for _, _, last in _SCRIPT_BLOCKS)
_BELOW_SCRIPTS: Final = min(_SCRIPT_FIRST)
#: The same as patterns.
_SCRIPTS: Final = tuple(
    (code, re.compile(f"[{chr(first)}-{chr(last)}]")) for code, first, last in _SCRIPT_BLOCKS
)
#: All the scripts above at once: when few letters are in any of them, none can win.
_ANY_SCRIPT: Final = re.compile("[" + "".join(p.pattern.strip("[]") for _, p in _SCRIPTS) + "]")
#: The first bytes in UTF-8 of the characters of ``_SCRIPTS`` (U+0370-U+06FF: CD-DB, U+0900-U+0E7F:
#: E0, U+3040-U+D7AF: E3-ED): a text whose UTF-8 has none has no letter in any of them.
_SCRIPT_LEADS: Final = bytes(range(0xCD, 0xDC)) + b"\xe0" + bytes(range(0xE3, 0xEE))
_WORD: Final = re.compile(r"[^\W\d_]+")
#: Fewer stop-word hits than this is too little evidence to name a language.
MIN_HITS: Final = 8
_ALL_STOPWORDS: Final = frozenset().union(*_STOPWORDS.values())
_CODES: Final = tuple(_STOPWORDS)
#: Each stop word -> the positions in ``_CODES`` of the languages that have it.
_LANGUAGES_OF: Final[dict[str, tuple[int, ...]]] = {
    word: tuple(i for i, code in enumerate(_CODES) if word in _STOPWORDS[code])
    for word in _ALL_STOPWORDS
}
#: The longest stop word's length.
_LONGEST: Final = max(map(len, _ALL_STOPWORDS))
KNOWN: Final = frozenset(_STOPWORDS) | {code for code, _ in _SCRIPTS}


#: Characters that are never part of a word. They become spaces before the text is split at
#: whitespace, so that nearly every token is a whole word: a non-letter between two words, or
#: at the end of one, changes no run of letters. (Digits and the commoner marks too: a text
#: whose tokens are then all letters has no token to search for the words in it.)
_NOT_LETTERS: Final = ",.\"’”“()-:'—–?!/0123456789|‘@&$©>…+[]£»«%;<•"
#: Those outside ASCII, as a tuple (compiled, no string made a character): in the tokens
#: :func:`_other_hits` reads, the ASCII ones are gone already.
_OTHER_MARKS: Final = tuple(c for c in _NOT_LETTERS if not c.isascii())
#: Each byte to itself lower-cased if an ASCII letter, to a space if another ASCII byte; the
#: bytes outside ASCII (the UTF-8 of the other characters) are kept.
_ASCII_WORDS: Final = bytes(
    b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 or b >= 128 else 32 for b in range(256)
)
#: :data:`_LANGUAGES_OF` by the stop words' UTF-8, and the longest of that.
_LANGUAGES_OF_UTF8: Final = {word.encode(): codes for word, codes in _LANGUAGES_OF.items()}
_LONGEST_UTF8: Final = max(map(len, _LANGUAGES_OF_UTF8))


def _stopword_hits(text: str) -> list[int]:
    """How many of ``text``'s words (runs of ``_WORD`` letters, lower-cased) are stop words of
    each language, by position in ``_CODES``.

    Its UTF-8 is split in C: one translation lower-cases the ASCII letters and makes every
    other ASCII byte a space (none is a letter, so a token of ASCII letters is a whole word),
    and the tokens are looked up by their bytes. A token with bytes outside ASCII (a letter
    such as "é" or "Ä", a curly quote inside a word) that is not a stop word is read as text
    by :func:`_other_hits`; the ASCII tokens not found are words that are no stop word. (The
    lower-casing of the text, and a replacement of each mark, was half of :func:`detect`'s
    time; a pattern that tests each character for being a letter was most of it before.)
    """
    scores = [0] * len(_CODES)
    data = text.encode("utf-8", "surrogatepass")
    tokens = data.translate(_ASCII_WORDS).split()
    if len(data) == len(text):  # (ASCII: its UTF-8 is a byte a character)
        _count_utf8(tokens, scores, None)
        return scores
    other: list[bytes] = []
    _count_utf8(tokens, scores, other)
    if other:
        _other_hits(b" ".join(other).decode("utf-8", "surrogatepass"), scores)
    return scores


def _count_utf8(tokens: list[bytes], scores: list[int], other: list[bytes] | None) -> None:
    """:func:`_count` of the tokens' UTF-8; to ``other``, when given, the tokens not found
    that have a byte outside ASCII."""
    for token in tokens:
        languages = _LANGUAGES_OF_UTF8.get(token) if len(token) <= _LONGEST_UTF8 else None
        if languages:
            for i in languages:
                scores[i] += 1
        elif other is not None and _not_ascii(token):
            other.append(token)


def _not_ascii(token: bytes) -> bool:
    """Has ``token`` a byte outside ASCII? (Compiled, ``any`` of a generator is a loop: a read
    of each byte costs less than a call of ``bytes.isascii``, looked up by name each time.)"""
    return any(token[i] > 127 for i in range(len(token)))


def _other_hits(text: str, scores: list[int]) -> None:
    """Add to ``scores`` the stop words among the words of ``text``: tokens with characters
    outside ASCII, split at spaces (and ASCII letters lower-cased already). They are split
    again at whitespace, lower-cased, the marks outside ASCII made spaces first; the words in
    the tokens then not all letters are found with one search of them all. Lower-casing keeps
    each character a letter or a non-letter, and one character long but for "İ" (two): text
    with such a character is searched as it is, each word lower-cased."""
    low = text.lower()
    if len(low) != len(text):
        _count(list(map(str.lower, _WORD.findall(text))), scores, None)
        return
    for mark in _OTHER_MARKS:
        if mark in low:
            low = low.replace(mark, " ")
    missed: list[str] = []
    _count(low.split(), scores, missed)
    if missed and not "".join(missed).isalpha():
        odd = [token for token in missed if not _IS_ALPHA(token)]
        _count(_WORD.findall(" ".join(odd)), scores, None)


#: ``str.isalpha`` called as a function: compiled, a direct call of it (``token.isalpha()``
#: looks the method up by name each time).
_IS_ALPHA: Final = str.isalpha


def _count(tokens: list[str], scores: list[int], missed: list[str] | None) -> None:
    """Add the stop words among ``tokens`` to ``scores``; to ``missed``, when given, the
    tokens not found. (A loop, not ``filter(None, map(…))``: compiled, no call a token; a
    token longer than any stop word is not looked up.)"""
    for token in tokens:
        languages = _LANGUAGES_OF.get(token) if len(token) <= _LONGEST else None
        if languages:
            for i in languages:
                scores[i] += 1
        elif missed is not None:
            missed.append(token)


#: Characters read first: a paragraph settles most texts. Only when it leaves the question
#: open (too few stop words, two languages close) is the longer sample read. (Over the dev
#: container bodies, 1,397 windows taken every 300 characters, a first look of even 300
#: characters never named another language than the 3,000-character sample.)
FIRST_SAMPLE: Final = 400


#: Characters of a text that detection reads at most.
SAMPLE: Final = 3000


def detect(text: str, sample: int = SAMPLE) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the evidence is thin."""
    if len(text) > FIRST_SAMPLE < sample:
        found = _detect(text[:FIRST_SAMPLE])
        if found is not None:
            return found
    return _detect(text[:sample])


def _may_have_script(text: str) -> bool:
    """False when ``text`` has no letter of ``_SCRIPTS``: its UTF-8 has none of their first
    bytes (looked for in C: many times faster than the pattern's scan of a Latin text). On a
    sample this short, one pass deleting them costs less than a ``memchr`` for each."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data.translate(None, _SCRIPT_LEADS)) != len(data)


def _script_counts(text: str) -> list[int]:
    """How many of ``text``'s characters are in each block of :data:`_SCRIPT_BLOCKS`: what
    ``len(script.findall(text))`` gives for each of ``_SCRIPTS``, in one pass. (A loop over the
    characters' codes: compiled, no string is made a character, where each pattern's list of
    matches made one a character of its script, most of a script text's time.)"""
    counts = [0] * len(_SCRIPT_BLOCKS)
    for i in range(len(text)):
        c = ord(text[i])
        if c < _BELOW_SCRIPTS:  # (the Latin letters, the marks, the spaces: most of a text)
            continue
        for k in range(len(_SCRIPT_FIRST)):
            if _SCRIPT_FIRST[k] <= c <= _SCRIPT_LAST[k]:
                counts[k] += 1
                break
    return counts


def _detect(text: str) -> str | None:
    """:func:`detect` on the whole of ``text``."""
    if not text.isascii() and _may_have_script(text) and _ANY_SCRIPT.search(text) is not None:
        # The share of letters in a script decides; only then is the count of letters needed
        # (with none of those characters the scripts lose, and no letters means no stop words).
        letters = sum(map(len, _WORD.findall(text)))
        if not letters:
            return None
        counts = _script_counts(text)
        if sum(counts) > 0.1 * letters:
            for k, (code, _, _) in enumerate(_SCRIPT_BLOCKS):
                if counts[k] > (0.1 if code == "ja" else 0.3) * letters:
                    return code
    scores = _stopword_hits(text)
    ranked = sorted(scores, reverse=True)
    if ranked[0] < MIN_HITS or ranked[0] < 1.5 * ranked[1]:
        return None
    return _CODES[scores.index(ranked[0])]  # (the first language with the most, as before)
