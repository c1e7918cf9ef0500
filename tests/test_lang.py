"""Language detection from function words: a short first look, a longer one when it is open."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clipclean import lang
from clipclean.model import Block, Draft
from clipclean.stages.language import SAMPLE_BLOCKS, language

GERMAN = (
    "Die Regierung hat am Montag beschlossen, dass die neuen Regeln für den Verkehr in der "
    "Stadt ab dem nächsten Jahr gelten sollen. Es ist nicht klar, wie sich das auf die "
    "Pendler auswirken wird, die jeden Tag mit dem Auto in die Innenstadt fahren. "
)


def test_a_clear_paragraph_is_told_from_its_start() -> None:
    assert lang.detect(GERMAN * 3) == "de"


def test_thin_evidence_at_the_start_reads_on() -> None:
    """A first 1,000 characters of names and figures say nothing; the text after them does."""
    table = "Bayern München 3:1 Borussia Dortmund 2019 — Hertha BSC 0:0 RB Leipzig 2019 — " * 14
    assert len(table) > lang.FIRST_SAMPLE
    assert lang.detect(table) is None
    assert lang.detect(table + GERMAN * 3) == "de"


def test_too_little_text_is_not_guessed() -> None:
    assert lang.detect("Die Stadt") is None


def test_lower_casing_keeps_letters_letters_and_one_character_long() -> None:
    """``lang._other_hits`` splits the lower-cased text instead of matching words in the
    original: that holds only while lower-casing maps each character to one character that is
    a letter exactly when the original was (but for "İ", which it sends the slow way)."""
    odd = []
    for code in range(0x110000):
        c = chr(code)
        low = c.lower()
        if low == c:
            continue
        if len(low) != 1 or low.isalpha() != c.isalpha():
            odd.append(c)
    assert odd == ["İ"]


def test_script_lead_bytes_cover_every_script_letter() -> None:
    """The UTF-8 look that spares the script pattern must not miss a letter it would find."""
    leads = set(lang._SCRIPT_LEADS)
    for code in range(0x80, 0x10000):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or lang._ANY_SCRIPT.match(char) is None:
            continue
        assert char.encode()[0] in leads, hex(code)


_SCRIPT_ALPHABET = (
    "".join(
        chr(c) for _, first, last in lang._SCRIPT_BLOCKS for c in (first - 1, first, last, last + 1)
    )
    + "aé日本語кот\u036f\u30fc\ud800😀 "
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_SCRIPT_ALPHABET, max_size=30))
def test_script_counts_are_the_patterns_counts(text: str) -> None:
    assert lang._script_counts(text) == [len(p.findall(text)) for _, p in lang._SCRIPTS]


def test_script_counts_of_every_character() -> None:
    for code in range(0x110000):
        c = chr(code)
        assert lang._script_counts(c) == [len(p.findall(c)) for _, p in lang._SCRIPTS], code


def _hits_by_definition(text: str) -> list[int]:
    scores = [0] * len(lang._CODES)
    for word in map(str.lower, lang._WORD.findall(text)):
        for i in lang._LANGUAGES_OF.get(word, ()):
            scores[i] += 1
    return scores


_HIT_ALPHABET = (
    "the and der die und le la et el de que il di en het och att i w nie ve bir yang dan "
    "THE Der İ i̇ ß ẞ « » 2024 x2 _ - , . ' ’ ” “ ( ) : ? ! / — – # & % ½ ² \t\n\u00a0日本 "
    "für FÜR Für été Été l’été más ΟΔΟΣ \u212a \ud800 \x85 \x1f é"
).split(" ")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_HIT_ALPHABET), max_size=40), st.text(max_size=20))
def test_stopword_hits_count_the_lowercased_letter_runs(pieces: list[str], tail: str) -> None:
    """The split of the text's UTF-8 (and the reading of the tokens not found that are not
    ASCII) counts what a search of the letter runs counts."""
    for sep in (" ", ""):
        text = sep.join(pieces) + tail
        assert lang._stopword_hits(text) == _hits_by_definition(text), text


def test_stopword_hits_on_bench_texts() -> None:
    from conftest import bench_dir

    root = bench_dir() / "scraped-text"
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*.txt"))[:400]:
        text = path.read_text("utf-8", "replace")
        for start in range(0, min(len(text), 12000), 1500):
            window = text[start : start + 3000]
            assert lang._stopword_hits(window) == _hits_by_definition(window), path


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 400), st.booleans()), min_size=1, max_size=60))
def test_the_language_stage_reads_the_first_blocks_as_detect_would(
    blocks: list[tuple[int, bool]],
) -> None:
    """The stage joins only the blocks up to the characters ``detect`` reads: the result is
    that of the whole sample of its first blocks (blocks of names and figures, which name no
    language, and of German, so that where the sample ends decides)."""
    filler = "Bayern München 3:1 Borussia Dortmund 2019 Hertha BSC 0:0 RB Leipzig " * 8
    texts = [(GERMAN * 3 if german else filler)[:n] for n, german in blocks]
    draft = Draft([Block(t) for t in texts])
    language(draft)
    assert draft.best("language") == lang.detect(" ".join(texts[:SAMPLE_BLOCKS]))


def test_the_language_stage_sample_ends_where_detect_stops_reading() -> None:
    """Stop words that start anywhere around the 3,000th character, after names and figures:
    the few characters of them inside the sample decide."""
    filler = "Bayern München 3:1 Borussia Dortmund 2019 Hertha BSC 0:0 RB Leipzig — " * 2
    dense = "die der und das " * 8
    for size in range(2880, 3010, 3):
        texts = [filler[:90]] * (size // 91) + [filler[: size % 91 + 1], dense, dense]
        draft = Draft([Block(t) for t in texts])
        language(draft)
        assert draft.best("language") == lang.detect(" ".join(texts[:SAMPLE_BLOCKS])), size
