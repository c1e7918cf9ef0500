"""Each shortcut taken for speed gives what its general definition gives: the shortcut is
checked against that definition on generated lines, on the bench's lines where they are at
hand, and (for the look at a line's first characters) on every short string over an alphabet
of the cases that matter."""

from __future__ import annotations

import re
from importlib import import_module

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clipclean import shape
from conftest import FIXTURES, bench_dir

# (the modules, not the stage functions ``clipclean.stages`` exports under the same names)
bio, bylines, contributors = (
    import_module(f"clipclean.stages.{name}") for name in ("bio", "bylines", "contributors")
)

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))


def _bench_lines() -> list[str]:
    """The lines of the bundled text fixtures and of the bench's texts where it is at hand."""
    paths = sorted((FIXTURES / "text").glob("*.txt"))
    if bench_dir().is_dir():
        paths += sorted(bench_dir().rglob("*.txt"))[:400]
    out: list[str] = []
    for path in paths:
        out += [line.strip() for line in path.read_text("utf-8", "replace").splitlines()]
    return [line for line in out if line]


LINES = _bench_lines()


def _old_units(text: str) -> int:
    """:func:`shape.units` as first written: a replacement a CJK character."""
    cjk = re.compile(shape._CJK_CLASS)
    if text.isascii() or cjk.search(text) is None:
        return shape.word_count(text)
    spaced, n = cjk.subn(" ", text)
    return len(spaced.split()) + n // 2


_UNIT_TEXT = st.text(alphabet="ab .\t世界中文タイ\u0e01\u1000\u1780\uac00ÉΣ’", max_size=20)


@SETTINGS
@given(st.text(alphabet="a .\t世タ\u0e01\uac00É\xa0\u3000\u2028\x85\x1c\u303f\uff66", max_size=20))
def test_cjk_units_split_at_all_whitespace(text: str) -> None:
    """With CJK text in it, the words are the pieces ``str.split`` makes of the rest."""
    text += "世"
    spaced = re.sub(shape._CJK_CLASS, " ", text)
    expected = len(spaced.split()) + (len(text) - len(re.sub(shape._CJK_CLASS, "", text))) // 2
    assert shape._cjk_units(text, -1) == expected


def test_units_classify_every_character_as_the_pattern_and_split_do() -> None:
    cjk = re.compile(shape._CJK_CLASS)
    for code in range(128, 0x110000):
        c = chr(code)
        assert shape._is_cjk_code(code) == (cjk.match(c) is not None), hex(code)
        if not shape._is_cjk_code(code):
            assert shape._is_other_space_code(code) == c.isspace(), hex(code)
    for code in range(128):
        assert shape._cjk_units(f"世{chr(code)}a", -1) == _old_units(f"世{chr(code)}a"), code


@SETTINGS
@given(_UNIT_TEXT)
def test_units_count_cjk_runs_as_their_characters(text: str) -> None:
    assert shape.units(text) == _old_units(text)
    assert shape.Facts(text).units == _old_units(text)
    normal = " ".join(text.split())
    assert shape.Facts(normal, True).units == _old_units(normal)


def test_units_on_bench_lines() -> None:
    for line in LINES:
        assert shape.units(line) == _old_units(line), line
        assert shape.Facts(line).units == _old_units(line), line


def matches(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Single-line strings the pattern matches from their start."""
    return st.from_regex(pattern).filter(lambda s: "\n" not in s and pattern.match(s) is not None)


_LINE = st.text(alphabet="aeiswrtbyIS .,:()\t\xa0'’\u0130\u212a-", max_size=80)


def _same_bio(text: str) -> None:
    want = bio.BIO.match(text)
    got = bio.bio_match(text)
    assert (got and got.span("name")) == (want and want.span("name")), text


@SETTINGS
@given(matches(bio.BIO) | _LINE)
def test_bio_pre_check_agrees_with_the_pattern(text: str) -> None:
    _same_bio(text)
    _same_bio(text.replace(" ", "\t", 1))
    _same_bio(text.replace(" ", "\xa0"))


def test_bio_pre_check_on_bench_lines() -> None:
    for line in LINES:
        _same_bio(line)


def _same_role(text: str) -> None:
    assert bylines.role_line(text) == (bylines.ROLE_LINE.match(text) is not None), text


@SETTINGS
@given(
    matches(bylines.ROLE_LINE)
    | st.builds(str.upper, matches(bylines.ROLE_LINE))
    | st.text(alphabet="sStaffWRITEReditor ,|\u0130\u0131\u017f\u212aé", max_size=40)
)
def test_role_line_agrees_with_the_pattern(text: str) -> None:
    _same_role(text)


def test_role_line_on_bench_lines() -> None:
    for line in LINES:
        _same_role(line)


def _old_may_credit(text: str) -> bool:
    return len(text) <= contributors.MAX_CREDIT_CHARS and bool(
        text[:2] in contributors._OPENERS
        or text[:1] in contributors._MARKS
        or "ontribu" in text
        or (not text[:1].isascii() and ("：" in text or ":" in text))
    )


@SETTINGS
@given(
    st.text(alphabet="wWiRmMcontribu(-：:編 é\u0130\u0131", max_size=12)
    | st.text(min_size=395, max_size=405)
)
def test_credit_filter_agrees_with_its_tests(text: str) -> None:
    assert contributors._may_credit(text) == _old_may_credit(text)


def test_credit_filter_on_bench_lines() -> None:
    for line in LINES:
        assert contributors._may_credit(line) == _old_may_credit(line), line


timestamps = import_module("clipclean.stages.timestamps")


def _old_shape(text: str) -> str | None:
    """The timestamps stage's look at a line as first written: the case-blind pattern."""
    if not (timestamps._may_match(text) and timestamps._worth_matching(text)):
        return None
    m = timestamps._ANY.match(text)
    return None if m is None else m.lastgroup or ""


_STAMP_PATTERNS = (
    timestamps.RELATIVE,
    timestamps.BARE_TIME,
    timestamps.DATE_LABEL,
    timestamps.READING_TIME,
    timestamps._TIME_PREFIX,
)


@SETTINGS
@given(
    st.one_of(*(matches(p) for p in _STAMP_PATTERNS)).flatmap(
        lambda s: st.sampled_from([s, s.upper(), s.title(), s.swapcase()])
    )
)
def test_timestamp_shape_agrees_with_the_case_blind_pattern(text: str) -> None:
    assert timestamps.any_shape(text) == _old_shape(text), text


def test_timestamp_shape_on_bench_lines() -> None:
    for line in LINES:
        if len(line) <= 80:
            assert timestamps.any_shape(line) == _old_shape(line), line
    for line in ("12:30 PM EST", "12:30 pm est", "2 HOURS AGO", "Word count: 120", "Updated"):
        assert timestamps.any_shape(line) == _old_shape(line) is not None, line


@SETTINGS
@given(st.text(alphabet="a1 9.²٣\t\xa0Σ", max_size=12))
def test_has_digit_is_any_character_a_digit(text: str) -> None:
    assert shape.has_digit(text) == any(c.isdigit() for c in text)


def test_has_digit_and_words_on_bench_lines() -> None:
    for line in LINES:
        assert shape.has_digit(line) == any(c.isdigit() for c in line), line
        # (bio reads a line's word count off its facts where the line is not padded)
        assert shape.Facts(line).words == shape.word_count(line), line
        normal = " ".join(line.split())
        assert shape.Facts(normal, True).words == shape.word_count(normal), line


@SETTINGS
@given(st.text(alphabet="ab \t\n\xa0\u2003", max_size=12))
def test_facts_words_are_word_count_of_an_unpadded_line(text: str) -> None:
    if not (text[:1].isspace() or text[-1:].isspace()):
        assert shape.Facts(text).words == shape.word_count(text)


#: Every character of ``SEPARATOR``'s class and its neighbours in the code tables, letters,
#: spaces, a lone surrogate and a character outside the BMP.
_SEPARATOR_ALPHABET = "|•·/\\-–—_=*~>»«:" + ",.+{}<?‒―‣¶¸ªë¢é \u2022\u2023a1\ud800😀›→"


@SETTINGS
@given(st.text(alphabet=_SEPARATOR_ALPHABET, max_size=16))
def test_separator_count_is_the_patterns_count(text: str) -> None:
    assert shape.separator_count(text) == len(shape.SEPARATOR.findall(text))


def test_separator_count_of_every_character() -> None:
    for code in range(0x110000):
        c = chr(code)
        assert shape.separator_count(c) == len(shape.SEPARATOR.findall(c)), hex(code)


def test_separator_count_and_crumb_marks_on_bench_lines() -> None:
    separators = import_module("clipclean.stages.separators")
    for line in LINES:
        assert shape.separator_count(line) == len(shape.SEPARATOR.findall(line)), line
        if not separators._has_crumb_mark(line):
            assert separators._CRUMB.split(line) == [line], line


@SETTINGS
@given(st.text(alphabet=" \t\xa0/>»›→<«a|", max_size=12))
def test_a_line_without_a_crumb_mark_is_one_crumb(text: str) -> None:
    separators = import_module("clipclean.stages.separators")
    if not separators._has_crumb_mark(text):
        assert separators._CRUMB.split(text) == [text]


_OLD_NAME_SEPARATOR = re.compile(r",|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b")


@SETTINGS
@given(st.text(alphabet="aundetyY,;& .é_1", max_size=20))
def test_name_separator_splits_as_the_word_bounded_pattern(text: str) -> None:
    assert shape._NAME_SEPARATOR.split(text) == _OLD_NAME_SEPARATOR.split(text)


def test_name_separator_on_bench_lines() -> None:
    for line in LINES:
        assert shape._NAME_SEPARATOR.split(line) == _OLD_NAME_SEPARATOR.split(line), line


def test_the_written_out_inits_take_and_set_every_dataclass_field() -> None:
    # Article and Source spell out their __init__ (compiled, a direct store a field): a field
    # added to the class and not to it would be missing from every result.
    import dataclasses
    import inspect

    import clipclean

    article = clipclean.clean("A headline here\n\nThe first paragraph of the article.\n")
    for made in (article, article.source):
        cls = type(made)
        fields = dataclasses.fields(cls)
        again = dataclasses.replace(made)  # (every field passed to __init__ by name)
        assert all(getattr(again, f.name) == getattr(made, f.name) for f in fields), cls
        if clipclean.COMPILED:
            continue  # (a compiled __init__ shows no signature: the pure run reads it)
        assert {f.name for f in fields} <= set(vars(again)), cls  # (each set, not a default)
        params = list(inspect.signature(cls.__init__).parameters.values())[1:]
        assert [p.name for p in params] == [f.name for f in fields], cls
        for p, f in zip(params, fields, strict=True):
            default = inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
            assert p.default == default, (cls, f.name)


def _title_tests_by_definition(text: str) -> tuple[bool, bool, bool]:
    """The title stage's line tests as first written (a split of the line, a count of each
    crumb mark)."""
    title = import_module("clipclean.stages.title")
    words = title.FUNCTION_WORDS
    return (
        text.split(" ", 1)[0] in words,
        text.endswith(title._OPEN_MARKS) or text.rsplit(" ", 1)[-1] in words,
        sum(text.count(m) for m in title._CRUMB_MARKS) >= 2,
    )


def _title_tests(text: str) -> tuple[bool, bool, bool]:
    title = import_module("clipclean.stages.title")
    return title._lower_start(text), title._open_end(text), title._crumbs(text)


@SETTINGS
@given(st.text(alphabet=" und der a>»›→ (-", max_size=16))
def test_title_line_tests_agree_with_their_definitions(text: str) -> None:
    assert _title_tests(text) == _title_tests_by_definition(text)


def test_title_line_tests_on_bench_lines() -> None:
    for line in LINES:
        assert _title_tests(line) == _title_tests_by_definition(line), line


def _headline_by_definition(text: str) -> bool:
    """:func:`shape.is_headline_like` as its docstring says: a few words, no full stop at the
    end, three letters (``str.isalpha``) in five of its characters but spaces."""
    if len(text) > 250 or not 2 <= shape.units(text) <= 30:
        return False
    stripped = text.rstrip()
    if stripped.endswith((".", ":", ",", ";")) and not stripped.endswith(("...", "…")):
        return False
    return sum(c.isalpha() for c in text) >= 0.6 * (len(text) - text.count(" "))


@SETTINGS
@given(st.text(alphabet="ab Éé日本1.…:;,- \t\xa0²’", max_size=20))
def test_headline_like_is_its_definition(text: str) -> None:
    assert shape.is_headline_like(text) == _headline_by_definition(text)


def test_headline_like_on_bench_lines() -> None:
    for line in LINES:
        assert shape.is_headline_like(line) == _headline_by_definition(line), line


def test_ends_sentence_reads_the_last_character_as_the_set_does() -> None:
    assert not shape._ends_sentence("")
    for code in range(0x110000):
        c = chr(code)
        assert shape._ends_sentence(f"a{c}") == (c in shape._END_PUNCT), hex(code)


@SETTINGS
@given(st.text(alphabet="(a) b,.A", max_size=12))
def test_an_aside_opens_with_its_bracket(text: str) -> None:
    blocks = import_module("clipclean.text.blocks")
    if text[:1] != "(":
        assert blocks._ASIDE.match(text) is None


def _old_is_dateline(text: str) -> bool:
    """:func:`bylines.is_dateline` as first written: the date looked for first, then every
    word that is no date word listed."""
    if (
        len(text) > bylines.MAX_DATELINE_CHARS
        or text.count(" ") >= bylines.MAX_DATELINE_WORDS
        or bylines.find_date(text) is None
    ):
        return False
    leftover = [
        w for w in bylines._ALPHA.findall(text) if w.lower().rstrip(".") not in bylines._DATE_WORDS
    ]
    return len(leftover) <= 2


def _old_words(text: str) -> list[str]:
    return [
        w.lower()
        for w in bylines._ALPHA.findall(text)
        if w.lower().rstrip(".") not in bylines._DATE_WORDS
    ]


_DATELINE_TEXT = st.text(
    alphabet="Ab Ma.m.pPMUpdated 12,:2019-0\u0130\u0131\u017f\u212aéÉ.", max_size=40
) | st.sampled_from(
    [
        "Updated 3:42 PM EST, March 3, 2021",
        "Published A.M. Nov 18, 2019 at 4:07 PM",
        "İstanbul 12 Mart 2021",
        "Sept. 19, 2025, 2:15 a.m. ET",
        "By Jane Doe, March 3 2021",
        "MÄRZ 3 2021 UHR",
    ]
)


@SETTINGS
@given(_DATELINE_TEXT)
def test_dateline_counts_its_words_as_first_written(text: str) -> None:
    datelines = import_module("clipclean.stages.datelines")
    assert bylines.is_dateline(text) == _old_is_dateline(text)
    assert datelines._words(text) == _old_words(text)
    n = len(_old_words(text))
    assert bylines._undated_words(text, 2) == min(n, 3)


def test_dateline_on_bench_lines() -> None:
    datelines = import_module("clipclean.stages.datelines")
    for line in LINES:
        assert bylines.is_dateline(line) == _old_is_dateline(line), line
        assert datelines._words(line) == _old_words(line), line


@SETTINGS
@given(st.text(alphabet="bByYaAuUtThor :\u017f\u212a\u0130é", max_size=14))
def test_lone_by_tries_the_pattern_only_where_it_can_match(text: str) -> None:
    title = import_module("clipclean.stages.title")
    old = len(text) <= 12 and bylines.BY_PREFIX.match(f"{text} X") is not None
    assert title._lone_by(text) == old


def _old_dated_lines(texts: list[str]) -> list[int]:
    """:func:`dates.dated_lines` as first written: the line breaks counted before the scan."""
    dates = import_module("clipclean.dates")
    marks = "\n".join(texts).encode("utf-8", "surrogatepass").translate(dates._DIGITISH)
    if marks.count(b"\n") != len(texts) - 1:
        return list(range(len(texts)))
    out = []
    line = last = 0
    pos = marks.find(b"dddd")
    while pos >= 0:
        line += marks.count(b"\n", last, pos)
        out.append(line)
        last = marks.find(b"\n", pos) + 1
        if not last:
            break
        line += 1
        pos = marks.find(b"dddd", last)
    return out


@SETTINGS
@given(st.lists(st.text(alphabet="12 a\n\u0661é", max_size=10), max_size=8))
def test_dated_lines_counts_the_breaks_as_first_written(texts: list[str]) -> None:
    dates = import_module("clipclean.dates")
    assert dates.dated_lines(texts) == _old_dated_lines(texts)
    found = set(dates.dated_lines(texts))
    assert all(i in found for i, t in enumerate(texts) if dates.find_date(t) is not None)


def test_dated_lines_on_bench_lines() -> None:
    dates = import_module("clipclean.dates")
    for k in range(0, len(LINES), 50):
        texts = LINES[k : k + 50]
        assert dates.dated_lines(texts) == _old_dated_lines(texts)


placeholders = import_module("clipclean.stages.placeholders")


def _old_dump_marker(text: str) -> str:
    """``placeholders._dump_marker`` as written before its replacements ran only on a mark."""
    p = placeholders
    if (text[:1].isdigit() or text[:1] == "[") and p.LINK_REFERENCE.match(text):
        return "link reference list"
    if text[:7] in ("IFRAME:", "FRAME: ") and p._FRAME.match(text):
        return "form control or image marker of a text dump"
    if "[" not in text and "(" not in text and "_" not in text:
        return ""
    form = p.FORM_MARK.search(text) is not None
    rest = p.FILE_MARK.sub(" ", p.FORM_MARK.sub(" ", text)) if form or "[" in text else text
    if form or rest != text:
        left = rest.strip(" .:|-–•»")
        if not left or (
            form and shape.word_count(left) <= p.LABEL_WORDS and not shape.ends_like_sentence(left)
        ):
            return "form control or image marker of a text dump"
    return ""


@SETTINGS
@given(
    st.lists(
        st.sampled_from(("[", "]", "(", ")", "_", "___", "[IMG]", "(BUTTON)", "a.png", "x", " ")),
        max_size=10,
    ).map("".join)
    | st.text(alphabet="[]()_ xX*./%=ab\n", max_size=30)
)
def test_dump_marker_agrees_with_running_both_replacements(text: str) -> None:
    assert placeholders._dump_marker(text) == _old_dump_marker(text)


def test_dump_marker_on_bench_lines() -> None:
    for text in LINES:
        if len(text) <= 300:
            assert placeholders._dump_marker(text) == _old_dump_marker(text), text
