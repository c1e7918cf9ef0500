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
_SCRIPTS: Final = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
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


def _stopword_hits(text: str) -> list[int]:
    """How many of ``text``'s words (runs of ``_WORD`` letters, lower-cased) are stop words of
    each language, by position in ``_CODES``.

    The words are found by splitting the lower-cased text at whitespace: a pattern that tests
    each character for being a letter was most of :func:`detect`'s time. A token that is not
    all letters ("x2", "l'été") is not a stop word (they are all letters), but the words in it
    are counted: digits and the commoner marks become spaces first, which leaves few such
    tokens or none, and those among the tokens not found are searched at once. Lower-casing keeps each character a letter or a non-letter, and
    one character long but for "İ" (two): a text with such a character takes the slow way.
    Each word is looked up once, with no count of the words first: that was most of the rest.
    """
    scores = [0] * len(_CODES)
    low = text.lower()
    if len(low) != len(text):
        _count(list(map(str.lower, _WORD.findall(text))), scores, None)
        return scores
    for mark in _NOT_LETTERS:
        if mark in low:
            low = low.replace(mark, " ")
    missed: list[str] = []
    _count(low.split(), scores, missed)
    # the tokens not found that are not all letters (most texts have none left: one test of
    # them all says so), and the words in them, found with one search of them all
    if missed and not "".join(missed).isalpha():
        odd = [token for token in missed if not _IS_ALPHA(token)]
        _count(_WORD.findall(" ".join(odd)), scores, None)
    return scores


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


def _detect(text: str) -> str | None:
    """:func:`detect` on the whole of ``text``."""
    if not text.isascii() and _may_have_script(text) and _ANY_SCRIPT.search(text) is not None:
        # The share of letters in a script decides; only then is the count of letters needed
        # (with none of those characters the scripts lose, and no letters means no stop words).
        letters = sum(map(len, _WORD.findall(text)))
        if not letters:
            return None
        if len(_ANY_SCRIPT.findall(text)) > 0.1 * letters:
            for code, script in _SCRIPTS:
                if len(script.findall(text)) > (0.1 if code == "ja" else 0.3) * letters:
                    return code
    scores = _stopword_hits(text)
    ranked = sorted(scores, reverse=True)
    if ranked[0] < MIN_HITS or ranked[0] < 1.5 * ranked[1]:
        return None
    return _CODES[scores.index(ranked[0])]  # (the first language with the most, as before)
