"""The cheap pre-checks in front of the stages' patterns never turn away a line the pattern
would take: each is meant to change speed only. Lines are generated from the patterns
themselves (hypothesis ``from_regex``), so a new alternative that the pre-check does not know
fails here rather than silently on some page."""

from __future__ import annotations

import re
from importlib import import_module
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clipclean.scan import ASCII_FOLDS, Joined, branches, by_first_character, starts_like

# (the modules, not the stage functions ``clipclean.stages`` exports under the same names)
bylines, contributors, placeholders, related, span, tags = (
    import_module(f"clipclean.stages.{name}")
    for name in ("bylines", "contributors", "placeholders", "related", "span", "tags")
)

_fast_paths = import_module("test_fast_paths")

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


def matches(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Single-line strings the pattern matches from their start."""
    return st.from_regex(pattern).filter(lambda s: "\n" not in s and pattern.match(s) is not None)


@SETTINGS
@given(matches(related.RELATED_HEAD) | matches(related.LINK_MARKED))
def test_related_pre_check_passes_every_related_line(text: str) -> None:
    assert starts_like(text, related._HEADS) or text[:1] in related._BRACKETS


@SETTINGS
@given(matches(tags.TAGS_HEAD) | matches(tags.TAGS_INLINE))
def test_tags_pre_check_passes_every_tags_line(text: str) -> None:
    assert starts_like(text, tags._HEADS)


@SETTINGS
@given(matches(placeholders.PLACEHOLDER))
def test_placeholder_pre_check_passes_every_placeholder(text: str) -> None:
    assert placeholders._may_be_placeholder(text)


@SETTINGS
@given(matches(bylines.BY_PREFIX))
def test_by_prefix_pre_check_passes_every_byline(text: str) -> None:
    assert bylines.by_prefix(text) is not None


def test_ascii_folds_are_what_re_ignorecase_folds_to_ascii_letters() -> None:
    """``starts_like`` lets a line through when it opens with one of these: that is only
    right while they are exactly the non-ASCII characters ``re.I`` matches to a-z."""
    letter = re.compile(r"[a-z]", re.I).fullmatch
    folded = {chr(c) for c in range(128, 0x110000) if letter(chr(c))}
    assert folded == set(ASCII_FOLDS)


@SETTINGS
@given(
    matches(contributors.REPORTING_BY)
    | matches(contributors.EDITING_BY)
    | matches(contributors.OTHER_CREDIT)
)
def test_contributor_pre_check_passes_every_credit(text: str) -> None:
    assert text[:2] in contributors._OPENERS or text[:1] == "("


def _sre(name: str) -> Any:
    """``re._parser`` / ``re._constants`` (``sre_parse`` / ``sre_constants`` before 3.11)."""
    try:
        return import_module(f"re._{name}")
    except ImportError:
        return import_module(f"sre_{name}")


def _prefixes(items: list[Any], n: int = 2) -> set[str]:
    """The first ``n`` characters (lower-cased) a parsed pattern's match can open with, for
    sequences of literals, groups, branches and classes of literals (ValueError for others)."""
    c = _sre("constants")
    out = {""}
    for op, av in items:
        if all(len(p) >= n for p in out):
            break
        if op is c.AT:
            continue
        if op is c.LITERAL:
            firsts = {chr(av).lower()}
        elif op is c.SUBPATTERN:
            firsts = _prefixes(list(av[3]), n)
        elif op is c.BRANCH:
            firsts = set().union(*(_prefixes(list(b), n) for b in av[1]))
        elif op is c.IN and all(o is c.LITERAL for o, _ in av):
            firsts = {chr(a).lower() for _, a in av}
        else:
            raise ValueError(f"no fixed prefix: {op}")
        out = {(p + q)[:n] if len(p) < n else p for p in out for q in firsts}
    return out


def test_end_marker_heads_are_the_patterns_own() -> None:
    """Every opening of END_MARKER's alternatives (past its optional count) passes the look
    at two characters that spares the pattern (span._END_HEADS)."""
    c = _sre("constants")
    parsed = _sre("parser").parse(span.END_MARKER.pattern, span.END_MARKER.flags)
    # (past the anchor and the optional count: the group of alternatives)
    items = [item for item in parsed if item[0] not in (c.AT, c.MAX_REPEAT)]
    for prefix in _prefixes(items[:1]):
        assert starts_like(prefix + "x", span._END_HEADS), prefix
    for prefix in _prefixes(items[:1], 3):
        assert span._may_end(prefix + "x"), prefix
        assert span._may_end(prefix.upper() + "x"), prefix


@SETTINGS
@given(matches(span.END_MARKER))
def test_end_marker_pre_check_passes_every_marker(text: str) -> None:
    assert text[:1].isdigit() or starts_like(text, span._END_HEADS)
    assert span._may_end(text)


def test_branches_split_at_the_top_level_only() -> None:
    assert branches(r"a|b(?:c|d)|[|]|e\|f|[]|]|[^]|]x") == [
        "a",
        "b(?:c|d)",
        "[|]",
        r"e\|f",
        "[]|]",
        "[^]|]x",
    ]


def test_by_first_character_needs_a_literal_opening() -> None:
    for bad in (r"\bx", "(?:a)", "[ab]c", "a?b", ".x"):
        with pytest.raises(ValueError):
            by_first_character([bad])


comments = import_module("clipclean.stages.comments")
prompts_module, tail = (import_module(f"clipclean.stages.{n}") for n in ("prompts", "tail"))
#: Each split cue and the one pattern it replaces.
SPLITS = (
    (prompts_module._CUE, prompts_module._CUE_PARTS),
    (tail.CLOSING_HEAD, tail._HEAD_PARTS),
)


def _lines_between(pattern: re.Pattern[str]) -> st.SearchStrategy[list[str]]:
    """Lines holding what ``pattern`` finds, amid other text and words around it."""
    words = st.text(alphabet="abcdeilmnoprstuwy @\n.’é", max_size=12)
    found = st.from_regex(pattern).map(lambda s: s.replace("\n", " "))
    line = st.builds(lambda a, b, c: a + b + c, words, found | words, words)
    return st.lists(line.map(lambda s: s.replace("\n", " ")), min_size=1, max_size=6)


#: Fewer examples than :data:`SETTINGS`: drawing from these two big alternations is slow (300
#: examples took 38 s a pass, a tenth of the suite), and each example holds up to six lines.
@settings(SETTINGS, max_examples=100)
@given(st.data())
def test_split_cues_find_the_lines_and_places_the_pattern_finds(data: Any) -> None:
    for whole, parts in SPLITS:
        lines = data.draw(_lines_between(whole))
        assert Joined(lines).hits(parts) == Joined(lines).hits((whole,))


@SETTINGS
@given(st.from_regex(comments.COMMENT_NOTICE))
def test_notice_pieces_are_in_every_notice(text: str) -> None:
    """A line COMMENT_NOTICE finds a notice in holds one of comments.NOTICE_PIECES."""
    assert comments.may_hold_notice(text)


def test_notice_pieces_cover_each_phrase() -> None:
    """Each phrase of COMMENT_NOTICE (a string each alternative takes, optional parts kept) holds a piece:
    a new phrase without one fails here, not only when hypothesis happens to draw it."""
    for alternative in branches(comments.COMMENT_NOTICE.pattern):
        shortest = re.sub(r"\(\?:([^|()]*)(?:\|[^()]*)?\)\??", r"\1", alternative)
        shortest = shortest.replace(r"\s?", "").replace(r"\s", " ").replace("?", "")
        assert comments.COMMENT_NOTICE.search(shortest), shortest  # (a phrase it takes)
        assert comments.may_hold_notice(shortest), alternative


legal_module = import_module("clipclean.stages.legal")


def _cue_hit(low: str) -> bool:
    """What :func:`clipclean.stages.prompts._cued` takes a scanned line for: a :data:`_CUE` in
    it, or a wide cue word (for which it takes every line)."""
    return bool(Joined([low]).hits(prompts_module._CUE_PARTS)) or any(
        w in low for w in prompts_module._CUE_WIDE
    )


@SETTINGS
@given(
    matches(prompts_module.PROMPT)
    | st.from_regex(prompts_module.PROMPT)
    | st.from_regex(prompts_module.WEAK_PROMPT)
    | st.from_regex(prompts_module.CONTACT)
    | st.from_regex(prompts_module.APPEAL)
)
def test_prompt_cue_is_in_every_prompt_and_contact_line(text: str) -> None:
    """The cue scan takes every line PROMPT, WEAK_PROMPT or CONTACT finds a phrase in: a line
    it passes over is checked for a pitch only (``_drop_reason(..., cued=False)``)."""
    low = text.replace("\n", " ")
    taken = (
        prompts_module._prompt(low)
        or prompts_module._weak_prompt(low)
        or prompts_module.CONTACT.search(low) is not None
        or prompts_module._appeal(low)
    )
    assert not taken or _cue_hit(low)


@SETTINGS
@given(
    st.from_regex(prompts_module.APPEAL)
    | st.text(alphabet="donatshpewbilrgucz ", max_size=30)
    | st.sampled_from(["shop", "a shop", "webshop", "workshop", "donate", "london", "online"])
)
def test_appeal_prefilter_agrees_with_the_pattern(text: str) -> None:
    """``_appeal`` (a search of APPEAL only on a line holding a piece of it) is APPEAL's
    search, also with the line ended right after the phrase."""
    low = text.replace("\n", " ")
    assert prompts_module._appeal(low) == (prompts_module.APPEAL.search(low) is not None)


def test_appeal_pieces_cover_each_phrase() -> None:
    """Each ASCII phrase of APPEAL alone on a line is in the cue scan and the prefilter."""
    for alternative in branches(prompts_module.APPEAL.pattern):
        for low in _shortest(alternative):
            if low.isascii():
                assert prompts_module.APPEAL.search(low), low
                assert prompts_module._appeal(low), low
                assert _cue_hit(low), low


def _shortest(alternative: str) -> list[str]:
    """Strings an alternative of APPEAL takes: its ``(?:a|b)`` groups spelled each way."""
    alternative = re.sub(r"\\b|\(\?<!\[a-z\]\)", "", alternative)
    m = re.search(r"\(\?:([^()]*)\)", alternative)
    if m is None:
        return [alternative]
    return [
        s
        for option in m.group(1).split("|")
        for s in _shortest(alternative[: m.start()] + option + alternative[m.end() :])
    ]


#: Words to build lines from: pitch openers, the site's voice, prompt words and others.
_PROMPT_WORDS = st.sampled_from(
    ["get", "join", "sign", "up", "subscribe", "follow", "us", "on", "your", "our", "inbox",
     "newsletter", "the", "app", "tip", "e-mail", "at", "x@y", "click", "here", "listen",
     "live", "alerts", "free", "trial", "the", "mayor", "said", "bridge", ".", "!", "?"]
)  # fmt: skip


@SETTINGS
@given(
    st.lists(_PROMPT_WORDS, min_size=1, max_size=14),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_uncued_line_is_judged_the_same_without_the_prompt_patterns(
    words: list[str], head: bool, tail: bool, edge: bool
) -> None:
    """``cued=False`` (the line was scanned and held no cue) gives what the full check gives."""
    from clipclean.model import Block

    text = " ".join(words)
    text = text[:1].upper() + text[1:]
    if _cue_hit(text.lower()):
        return
    block = Block(text=text)
    drop = prompts_module._drop_reason
    assert drop(block, head, tail, edge, cued=False) == drop(block, head, tail, edge)


@SETTINGS
@given(
    st.lists(
        matches(legal_module.FOOTER_LINK)
        | st.text(alphabet="aAbcCpPrRsStTu iIöÖ|•\u0130\u212a", max_size=70),
        min_size=1,
        max_size=8,
    )
)
def test_footer_lines_are_the_lines_footer_link_takes(lines: list[str]) -> None:
    """The legal loop asks :func:`_footer_lines`' set instead of matching FOOTER_LINK again."""
    from clipclean.shape import Facts

    fs = [Facts(t) for t in lines]
    want = [i for i, f in enumerate(fs) if f.size <= 60 and legal_module.FOOTER_LINK.match(f.text)]
    assert legal_module._footer_lines(fs) == want


@SETTINGS
@given(matches(prompts_module.PITCH))
def test_pitch_heads_pass_every_pitch(text: str) -> None:
    """``_drop_reason`` tries PITCH only on a line that starts like one of its openings."""
    assert starts_like(text, prompts_module._PITCH_HEADS)


captions = import_module("clipclean.stages.captions")


def _edge_lines(cued: Any) -> set[int]:
    """The lines ``captions._EDGE_CUE`` finds in the joined text: its general definition, one
    scan of the document (what ``_Cued._edges`` finds a line at a time)."""
    found: set[int] = set()
    text, search = cued.text, captions._EDGE_CUE.search
    m = search(text)
    while m is not None:
        at = m.start()
        opened = m.group("open") is not None
        if not opened or text.endswith(captions._CLOSES, 0, at):
            found.add(cued.line_at(at - 1))
        if not opened:
            m = search(text, at + 1)
            continue
        opens = cued.line_at(at)
        found.add(opens)
        if opens >= cued.last:
            break
        m = search(text, cued.starts[opens + 1] - 1)
    return found


#: Pieces of caption lines, how they open and close, and what the pattern may run across.
_EDGE_PIECES = st.sampled_from(
    (
        *("A", "An", "A\t", "In", "The", "This", "FILE", "HANDOUT", "photo", "Photo", "(AP)", ")"),
        *("x", "İmage", "ımage", "ſource", "PİCTURE", "Courtesy", "quelle", "ARCHIVO", "image of"),
        *(" ", "\n", "é", "’s", "artist's impression", "file photo", "screenshot", "The big"),
        *("Фото", "“The", "There", "Another", "These", "A\u00a0", "FILE PHOTO:", "rendering"),
    )
)


@settings(SETTINGS, max_examples=500)
@given(
    st.lists(
        st.lists(_EDGE_PIECES, max_size=5).map(" ".join)
        | st.from_regex(captions._OPENS_AT)
        | st.text(alphabet="AIiThnFHpo )\n\tİſé", max_size=8),
        max_size=6,
    )
)
def test_caption_edges_are_the_edge_cue_lines(lines: list[str]) -> None:
    """``_Cued._edges`` (a look at each line's head and end first) finds the lines the scan
    of the joined text with ``_EDGE_CUE`` finds, lines holding a "\n" or none included."""
    cued = captions._Cued(lines)
    assert cued._edges() == _edge_lines(cued)


@SETTINGS
@given(
    matches(captions._OPENS_AT)
    | matches(captions.DESCRIBES_PICTURE)
    | st.lists(_EDGE_PIECES, min_size=1, max_size=8).map(" ".join)
)
def test_caption_opening_pre_check_passes_every_opening(text: str) -> None:
    """``captions._may_open`` (the head, a case-sensitive opening's first word and a medium
    within reach) passes every line ``_OPENS_AT`` or DESCRIBES_PICTURE takes."""
    if captions._OPENS_AT.match(text) or captions.DESCRIBES_PICTURE.match(text):
        assert len(text) > 1 and captions._may_open(text + "\n", 0), text
        assert captions._may_open(text, 0), text


def test_caption_opening_pre_check_on_bench_lines() -> None:
    for text in _fast_paths.LINES:
        if captions._OPENS_AT.match(text) or captions.DESCRIBES_PICTURE.match(text):
            assert captions._may_open(text + "\n", 0) and captions._may_open(text, 0), text


social = import_module("clipclean.stages.social")


def test_share_row_pairs_rule_out_only_lines_the_lead_check_does() -> None:
    """``social._may_lead`` (a table of the first two characters first) agrees with
    ``_leads``, its general definition, on every pair of ASCII characters and what follows."""
    rests = ("", " ", "x", *sorted(social.CORE), "acebook", "witter", "hare", "1 Shares")
    for c1 in range(128):
        for c2 in range(128):
            for rest in rests:
                text = chr(c1) + chr(c2) + rest
                assert social._may_lead(text) == social._leads(text), text


def test_related_pair_table_is_the_head_check() -> None:
    """``related._may_relate`` passes a line exactly when the head check it stands for does
    (``starts_like`` with ``_HEADS``, or a bracket first), on every pair of ASCII characters."""
    for c1 in range(128):
        for c2 in range(128):
            for text in (chr(c1) + chr(c2), chr(c1) + chr(c2) + "x: y", chr(c1), chr(c1) + "é"):
                wide = starts_like(text, related._HEADS) or text[:1] in related._BRACKETS
                assert bool(related._may_relate(text)) == wide, text


@SETTINGS
@given(matches(related.LINK_MARKED))
def test_a_marked_link_without_a_colon_passes_as_one(text: str) -> None:
    """A line LINK_MARKED takes with no ":" in it is one ``_may_relate`` gives 2 (both)."""
    assert ":" in text or related._may_relate(text) == 2


def test_comment_widget_pairs_are_the_head_check() -> None:
    """``comments._may_be_widget`` passes no line the head check it narrows rules out, on
    every pair of ASCII characters (and one with a character outside ASCII)."""
    for c1 in range(128):
        for c2 in range(128):
            for low in (chr(c1) + chr(c2), chr(c1) + chr(c2) + " x", chr(c1), chr(c1) + "é"):
                wide = low[:2] in comments._WIDGET_HEADS or low[:1].isdigit()
                assert wide or not comments._may_be_widget(low), low
    for low in ("コメント", "déposer", "écrire", "٣ comments", ""):
        assert comments._may_be_widget(low) == (
            low[:2] in comments._WIDGET_HEADS or low[:1].isdigit()
        )


def _widget(low: str) -> bool:
    """The stage's general definition: the head check, then COMMENT_WIDGET."""
    return comments._opens_like_widget(low) and comments.COMMENT_WIDGET.match(low) is not None


@SETTINGS
@given(matches(comments.COMMENT_WIDGET))
def test_comment_widget_pre_check_passes_every_widget(low: str) -> None:
    """``comments._may_be_widget`` (the opening words, a counter's length) passes every line
    the head check and COMMENT_WIDGET take."""
    assert comments._may_be_widget(low) or not _widget(low), low


def test_comment_widget_pre_check_on_bench_lines() -> None:
    lines = [line.lower() for line in _fast_paths.LINES]
    lines += [f"{n} {w}" for n in ("1", "123456", "٣") for w in comments._COUNTED]
    for low in lines + [f"{w} x" for ws in comments._WIDGET_OPENINGS.values() for w in ws]:
        assert comments._may_be_widget(low) or not _widget(low), low


def test_placeholder_pairs_are_the_head_check() -> None:
    """``placeholders._may_be_placeholder`` is ``_opens_like``, the check it stands for, on
    every pair of ASCII characters and what may follow them."""
    for c1 in range(128):
        for c2 in range(128):
            for text in (chr(c1) + chr(c2), chr(c1) + chr(c2) + "age 3", chr(c1), chr(c1) + "é"):
                assert placeholders._may_be_placeholder(text) == placeholders._opens_like(text)


def _bracket_credit_pre_checks(text: str) -> None:
    """``captions._split_caption`` tries SLASH_CREDIT only where the last bracket holds a "/"
    and AGENCY_CREDIT only where it holds just an agency's name: each finds nothing else."""
    paren = text.rfind("(") if text.endswith(")") else -1
    if paren < 0:
        return
    start = max(0, paren - 1)
    if captions.SLASH_CREDIT.search(text, start):
        assert text.find("/", paren) >= 0, text
    if captions.AGENCY_CREDIT.search(text, start):
        assert text[paren + 1 : -1] in captions._AGENCIES, text


@SETTINGS
@given(
    st.tuples(
        st.sampled_from(("", "A dog.", "x", "Police in Nogales, Ariz.", "(a) b")),
        st.from_regex(captions.AGENCY_CREDIT) | st.from_regex(captions.SLASH_CREDIT),
    ).map("".join)
)
def test_bracket_credit_pre_checks_pass_every_credit(text: str) -> None:
    _bracket_credit_pre_checks(text)


def test_bracket_credit_pre_checks_on_bench_lines() -> None:
    for name in captions._AGENCIES:
        _bracket_credit_pre_checks(f"In Nogales, Ariz. ({name})")
        assert captions.AGENCY_CREDIT.search(f"In Nogales, Ariz. ({name})"), name
    for text in _fast_paths.LINES:
        _bracket_credit_pre_checks(text)


def _credit_pre_checks(text: str) -> None:
    """``captions._may_credit`` passes every line CREDIT_LINE takes, ``_may_open`` every one
    BARE_CREDIT_LEAD takes."""
    opens = len(text) > 1 and captions._may_open(text, 0)
    if captions.CREDIT_LINE.match(text):
        assert captions._may_credit(text, opens), text
    if captions.BARE_CREDIT_LEAD.match(text):
        assert opens, text


@SETTINGS
@given(matches(captions.CREDIT_LINE) | matches(captions.BARE_CREDIT_LEAD))
def test_credit_line_pre_check_passes_every_credit_line(text: str) -> None:
    _credit_pre_checks(text)


def test_credit_line_pre_check_on_bench_lines() -> None:
    for text in _fast_paths.LINES:
        _credit_pre_checks(text)
    for text in ("İmage by X", "ſource: X", "PHOTO BY X", "Crédits photo : AFP", "写真：共同通信"):
        _credit_pre_checks(text)
        assert captions.CREDIT_LINE.match(text), text
