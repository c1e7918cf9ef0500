"""Where the article is in a scraped text: the densest run of prose, found with context.

A whole-page dump or a rough container holds the article as one run of long, sentence-like
lines, with menus, link lists, share rows and footers around it made of short lines. Each block
gets a score (prose earns its length, a short or link-like line costs a little) and the run with
the highest total is the article: one maximum-sum segment, so a subhead, a one-line quote or a
caption inside the article is bridged while a link list of any length outside it is not.

``article_span`` only marks the run (``body_start``/``body_end``) so the header stages know
where to look for the title, byline and dek; ``outside_article`` drops what is left around it
once they have taken what they need.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, pairwise
from typing import Final

from ..model import Block, Draft
from ..scan import heads, pair_code, pair_table, starts_like
from ..shape import Facts, facts, units
from ..stage import stage
from .code_listings import code_listings
from .comments import COMMENT_NOTICE, COMMENT_WIDGET, may_hold_notice
from .legal import MAX_LEGAL_WORDS
from .listing import is_field_row, is_label_cloud
from .tags import _HEADS as _TAG_HEADS
from .tags import TAGS_HEAD, TAGS_INLINE
from .wrapped_start import wrapped_start

#: Units (words) from which a line ending in sentence punctuation counts as prose.
PROSE_UNITS: Final = 8
#: Units from which a line counts as prose even without sentence punctuation.
LONG_UNITS: Final = 25
#: What a line that is not prose costs the run that crosses it.
SHORT_COST: Final = 3.0
#: A headline-like line (a link in a list) costs more: runs of them are link lists.
LINK_COST: Final = 4.0
#: Junk lines in a row that cost their plain price; beyond that each costs more and more.
GAP_FREE: Final = 4
GAP_GROWTH: Final = 4.0
#: Short lines in a row inside the run that make a link list rather than subheads.
LINK_RUN: Final = 4
#: Endings of a truncated teaser (as ``(?:\.\.|…)$`` finds them: also before a final newline).
_TRUNCATED: Final[tuple[str, ...]] = ("..", "…", "..\n", "…\n")
#: How many blocks after the run credits (contributors, a bio) may stand.
TAIL_REACH: Final = 6
#: How many blocks before the run the header (title, byline, dateline, dek) may reach.
HEADER_REACH: Final = 15


#: Most units of a piece (a link's text) that an inline element cut out of a sentence.
PIECE_UNITS: Final = 4
#: Marks that close a sentence (a quote may follow them).
_FULL_STOPS: Final = frozenset(".!?…。！？")
#: What opens a piece that goes on with the sentence before it, besides a lower-case letter.
_GOES_ON: Final = frozenset(",;)]")


def _goes_on(text: str) -> bool:
    """The line goes on with a sentence: it opens in lower case or with a comma or a closing
    bracket (a line of a script without case never does)."""
    first = text[:1]
    return first.islower() or first in _GOES_ON


def _full_stop(text: str) -> bool:
    """The line closes a sentence: a full stop, question or exclamation mark, maybe quoted."""
    t = text.rstrip("\"”’»)'")
    return t[-1:] in _FULL_STOPS


#: After a line that introduces a list ("Here are the highlights:"), this many short lines are
#: list items, not links.
LIST_REACH: Final = 30
#: A run of this many lines with several numbers each is a table (standings, a timetable).
TABLE_RUN: Final = 4
#: A number: 1-9 digits not after a letter, digit or dot, with up to three more groups
#: ("12:30", "1,250.5"). It opens with the digit and looks back after it (the same matches as
#: a look-behind first), so the engine skips from digit to digit instead of trying every place.
_NUMBER: Final = re.compile(r"\d(?<![\w.]\d)\d{0,8}(?:[.,:]\d{1,9}){0,3}(?!\w)")
#: Lines that open what follows the article: comments, "related" lists, post navigation. A
#: run that crosses one of these after most of its prose ends there.
END_MARKER: Final = re.compile(
    r"^(?:\d{1,5}\s{1,3})?(?:comments?|responses?|replies|reactions|thoughts? on\b.{0,200}"
    r"|(?:comments?|responses?|replies|thoughts?) (?:to|on) .{1,200}"
    r"|leave a (?:reply|comment)|post a comment|add a comment|join the (?:conversation|discussion)"
    r"|comments are closed|show comments|view comments|previous post|next post|older post"
    r"|newer post|related(?: articles?| posts?| stories| content| coverage| news| tags)?"
    r"|more\s[\w.&'’ -]{1,40}|recommended(?: for you| stories)?"
    r"|(?:top(?: rated)?|best|latest|featured|reader) (?:comments?|replies)"
    r"|you (?:may|might) also like|read (?:more|next|also)|most (?:popular|read|viewed|shared)"
    r"|trending(?: now)?|popular(?: posts| stories| now)?|recent posts|latest (?:news|stories|posts)"
    r"|kommentare?|commentaires?|comentarios?|ähnliche artikel|mehr zum thema|lesen sie auch"
    r"|à lire aussi|sur le même sujet|noticias relacionadas|te puede interesar|関連記事|コメント"
    r"|você (?:também )?pode gostar|veja também|leia também|vous aimerez aussi"
    r"|también te puede interesar|das könnte sie auch interessieren|weitere artikel"
    # the blog software's own strings, in several languages: post navigation, likes, sharing,
    # similar posts, the comment form
    r"|post navigation|beitrags-?navigation|navigation des articles|navegación de entradas"
    r"|navigazione articoli|berichtnavigatie|nawigacja wpisu|like this|gefällt mir|j'aime"
    r"|me gusta|mi piace|share this|teilen mit|partager|compartir esto|condividi"
    r"|similar posts|ähnliche beiträge|articles similaires|entradas relacionadas|articoli simili"
    r"|podobne wpisy|zobacz (?:też|również)|powiązane|lue (?:myös|seuraavaksi|lisää)"
    r"|läs (?:mer|också)|lees ook|leggi anche|articoli correlati|kommentar verfassen"
    r"|schreibe einen kommentar|laisser un commentaire|deja una respuesta|lascia un commento"
    r"|laat een reactie achter|dodaj komentarz|komentarze|kommentit|commenti|reacties"
    # a comment count over the thread ("5 Gedanken zu „…“") and "related" boxes, more languages
    r"|(?:gedanken|antworten|kommentare) (?:zu|auf) .{1,200}|réponses? (?:à|a) .{1,200}"
    r"|respuestas? a .{1,200}|risposte a .{1,200}|reacties op .{1,200}"
    r"|(?:artikel und videos|beliebte beiträge|weitere beiträge|weitere artikel|mehr) zum thema"
    r"|themen in diesem artikel|auch interessant|verwandte artikel|mehr themen"
    r"|ähnliche (?:artikel|themen)|more on this (?:story|topic)|you may also be interested in"
    r"|à lire également|dans la même rubrique|lo más leído|más noticias|czytaj (?:też|także)"
    r"|leggi (?:anche|pure)|potrebbe interessarti|ook interessant|articles en relation"
    r"|kommentieren(?: sie(?: hier)?)?|siste saker|les også|relaterte saker|läs även"
    r"|relaterade artiklar|podobne artykuły|relacionad[oa]s|articles? liés|artigos relacionados)"
    r"\s{0,3}(?:\(\d{1,5}\))?(?:[:.!…]|\.{3})?$",
    re.I,
)
#: Markers that open a comment section (not an inline "related" box): they always end the run.
COMMENTS_HEADING: Final = re.compile(
    r"^(?:\d{1,5}\s{1,3})?(?:comments?|responses?|replies|reactions|thoughts? on\b|leave a"
    r"|post a comment|add a comment|join the|comments are|show comments|view comments"
    r"|kommentar|commentaire|comentario|コメント|schreibe einen|laisser un|deja una|lascia un"
    r"|laat een|dodaj komentarz|komentarze|kommentit|commenti|reacties"
    r"|(?:gedanken|antworten) (?:zu|auf) |réponses? (?:à|a) |respuestas? a |risposte a )",
    re.I,
)
#: How a line END_MARKER takes opens (past a count: a digit lets any line through): the first
#: two characters of its alternatives, for :func:`starts_like` (a test derives them from the
#: pattern: an alternative with new ones fails it). The pattern's many branches cost ~10 µs a
#: line; most short lines are passed over without it.
_END_HEADS: Final = heads(
    *"ad an ar au be co cz da de do en fe ge j' jo ko la le li lo lu lä me mi mo má na ne"
    " no ol oo pa po pr re ri ré sc sh si su ta te th to tr ve vi vo we yo zo à äh コメ 関連".split()
)
#: The same with three characters, of the alternatives that open with three ASCII ones (the
#: test derives them from the pattern too): of the short lines that open like a marker by two
#: ("Share on …", "Menu", "Features"), half do not by three.
_END_HEADS3: Final = frozenset(
    (
        "add|ant|art|auc|bei|bel|ber|bes|com|con|czy|dan|das|dej|dod|ent|fea|ged|gef|j'a|joi"
        "|kom|laa|lai|las|lat|lea|lee|leg|lei|les|lik|lo |lue|me |meh|mi |mor|mos|nav|naw|new"
        "|nex|not|old|ook|par|pod|pop|pos|pot|pow|pre|rea|rec|rel|rep|res|ris|sch|sha|sho|sim"
        "|sis|sur|tam|te |tei|the|tho|top|tre|vej|ver|vie|voc|vou|wei|you|zob"
    ).split("|")
)
#: Their first two characters.
_END_PAIRS3: Final = frozenset(h[:2] for h in _END_HEADS3)


def _may_open_end(pair: str) -> bool:
    """What :func:`_may_end` can say of a line that opens with these two ASCII characters: a
    digit opens it, they open one of _END_HEADS3 (a third ASCII character), or they are one
    of _END_HEADS (a third outside ASCII)."""
    return pair[0].isdigit() or pair.lower() in _END_PAIRS3 or pair in _END_HEADS


#: :func:`_may_open_end` of each pair of ASCII characters (:func:`scan.pair_table`): most
#: short lines are passed over by a look-up in place, no string made.
_END_PAIRS: Final = pair_table(_may_open_end)


def _may_end(text: str) -> bool:
    """Whether END_MARKER may take the line: a count opens it, or its first three characters
    are how an alternative opens (an ASCII letter matches only its other case under ``re.I``,
    and no alternative opens with a character outside ASCII that one matches); a line that
    opens outside ASCII gets the look at two (:func:`starts_like`)."""
    if pair_code(_END_PAIRS, text) == 0:
        return False
    if text[:1].isdigit():
        return True
    head = text[:3]
    if head.isascii():
        return head.lower() in _END_HEADS3
    return starts_like(text, _END_HEADS)


#: Prose after a "related" marker that shows the article goes on (an inline box).
RESUMES: Final = 0.25
#: "Name on March 3, 2019 at 4:47 pm said:" opens a comment thread.
_COMMENT_HEAD: Final = re.compile(
    r"^.{1,80}\s(?:said|says|wrote|replied|sagt|schreibt|meint|dit|écrit|dice|dijo|escribió"
    r"|scrive|zegt|schreef|pisze|napisał)\s?:?$",
    re.I,
)
#: Share of the run's prose that must stand before an end marker for it to end the run.
END_AFTER: Final = 0.4


def _is_list_intro(text: str) -> bool:
    return text.endswith(":") and units(text) >= 3


#: The bytes of ASCII digits (what ``\\d`` takes of ASCII).
_DIGITS: Final = b"0123456789"


def _has_numbers(text: str) -> bool:
    """Three numbers or more: a row of a table (a short line only). An ASCII line with fewer
    than three digits has not (counted in C, several times faster than the pattern)."""
    if len(text) >= 300:
        return False
    if text.isascii() and len(text) - len(text.encode().translate(None, _DIGITS)) < 3:
        return False
    return len(_NUMBER.findall(text)) >= 3


def block_score(text: str) -> float:
    """Prose earns its length; short and headline-like lines cost."""
    return _score(Facts(text))


#: A teaser the page cut short: "… temper long-term hopes …" (a space before the mark).
_CUT_SHORT: Final[tuple[str, ...]] = (" …", " ...", " ..")


def _score(f: Facts) -> float:
    x = _base_score(f)
    return -LINK_COST if x == -SHORT_COST and f.headline else x


def _base_score(f: Facts) -> float:
    """:func:`_score` without the headline check: -SHORT_COST where the line may cost
    LINK_COST instead (both only a cost: where only the sign counts the check is spared)."""
    if not f.scored:
        _score_once(f)
    return f.base


#: Sentence marks before a full-width bracket that closes a line (see :func:`_ends_late`).
_STOPS: Final = frozenset('.!?…。！？"”」')


def _ends_late(text: str) -> bool:
    """A sentence the line goes on past: closed by an emoji ("… das gefällt mir 😉") or by a
    credit in full-width brackets after its mark ("…英雄的城！（评论员 罗博）"). (ASCII ")" is a
    sentence end already.)"""
    last = text.rstrip("\ufe0f")[-1:]
    if not last or last.isascii():
        return False
    code = ord(last)
    if code >= 0x1F000 or 0x2600 <= code < 0x2800:
        return True
    if last != "）":
        return False
    cut = text.rfind("（")
    return cut > 0 and text[:cut].rstrip()[-1:] in _STOPS


def _is_listing(f: Facts) -> bool:
    """A long line that is a list (a tag cloud, a row of fields), not prose: it costs."""
    return (not f.ends and is_label_cloud(f.text)) or is_field_row(f.text)


_QUOTES: Final = frozenset("\"”“»«'’")


def _quote_ends(text: str) -> bool:
    """A closing quote right after a word, no mark inside: a headline quoting someone
    ('Minister: "A lot left to do"'), not a sentence."""
    return text[-1:] in _QUOTES and len(text) > 1 and text[-2].isalnum()


def best_run(scores: list[float]) -> tuple[int, int] | None:
    """Indices ``(start, end)`` (inclusive) of the maximum-sum segment, or None if all ≤ 0."""
    best, low, high = 0.0, -1, -1  # (no pair is made until the end)
    total, start = 0.0, 0
    i = -1
    for s in scores:
        i += 1
        if total <= 0:
            total, start = s, i
        else:
            total += s
        if total > best:
            best, low, high = total, start, i
    return None if low < 0 else (low, high)


def scores(blocks: list[Block]) -> list[float]:
    """Each block's score, with context: list items after an introducing line and table rows
    are part of the text around them, not links.

    Tables, rows of one shape and long gaps all need four or more lines in a row that score
    nothing: only those runs are read line by line (in a whole-page dump most lines are not)."""
    return _scores([facts(b) for b in blocks])


def _scores(fs: list[Facts], exact: bool = True) -> list[float]:
    """:func:`scores` of the blocks with these facts; with ``exact`` false, only the sign of
    each score is sure (a line that costs may cost SHORT_COST where it costs LINK_COST).

    Exact, the headline check (the dearest part of a score) is made only between the first
    and the last line that scores above zero: the best run (see :func:`best_run`) never
    reads the cost of a line outside them."""
    out, intros = _base_scores(fs)
    _list_items(fs, out, intros)
    _inner_lists(fs, out)
    runs = _runs(["1" if x <= 0 else "0" for x in out], TABLE_RUN)
    for i, j in runs:
        _tables(fs, out, i, j)
        _rows(fs, out, i, j)
        if _between_prose(out, i, j):
            _cells(fs, out, i, j)
            _figure_table(fs, out, i, j)
    if not exact:
        return out
    _link_costs(fs, out)
    for i, j in runs:
        if j - i > GAP_FREE:
            _gaps(out, i, j)
    return out


def _between_prose(out: list[float], i: int, j: int) -> bool:
    """Prose stands right before and right after the run ``i:j`` of lines that score nothing.

    :func:`_cells` and :func:`_figure_table` lift lines only where :func:`_prose_near` finds
    prose on both sides of them; inside the run every line scores nothing or was lifted below
    PROSE_UNITS (which stops that search), so it can find prose only on the lines around the
    run. Most runs (a menu at the page's top or bottom) have none there: spared the reading."""
    return i > 0 and j < len(out) and out[i - 1] >= PROSE_UNITS and out[j] >= PROSE_UNITS


def _base_scores(fs: list[Facts]) -> tuple[list[float], list[int]]:
    """``list(map(_base_score, fs))``, and the indices of the lines that may introduce a list
    (three units or more, ending with a colon), in one pass without a call per line: two
    passes and a call per line were a quarter of :func:`_scores`. Each line's answer is kept
    on its facts (``base``, ``intro``): article_span, outside_article and article_tail score
    the same lines."""
    out: list[float] = []
    intros: list[int] = []
    k = -1
    for f in fs:
        k += 1
        if not f.scored:
            _score_once(f)
        out.append(f.base)  # (compiled, a direct append; a bound method kept is a call)
        if f.intro:
            intros.append(k)
    return out, intros


def _score_once(f: Facts) -> None:
    """Set ``f.base`` to :func:`_base_score` of ``f`` and ``f.intro`` to whether the line may
    introduce a list (see :func:`_base_scores`)."""
    f.scored = True
    cost = -SHORT_COST
    n = f.units
    if not f.ends and not (n >= PROSE_UNITS and _ends_late(f.text)):
        f.base = 0.7 * n if n >= LONG_UNITS and not _is_listing(f) else cost
        return
    text = f.text
    if text.endswith(_CUT_SHORT) or _quote_ends(text):
        f.base = 0.7 * n if n >= LONG_UNITS and not _is_listing(f) else cost
        return
    last = text[-1]
    if n >= PROSE_UNITS:
        f.base = cost if _is_listing(f) else float(n)
    elif n >= 4:
        # a question is as often a headline as a line of the article
        f.base = 0.0 if last in "?!" else 1.0
    else:
        f.base = cost
    f.intro = last == ":"


def _link_costs(fs: list[Facts], out: list[float]) -> None:
    """LINK_COST for the headline-like lines that cost (still -SHORT_COST: only list items,
    table rows and rows of one shape were lifted so far, all above zero) between the first
    and the last line that scores above zero."""
    first, last = 0, len(out) - 1
    while first <= last and out[first] <= 0:
        first += 1
    while last > first and out[last] <= 0:
        last -= 1
    cost = -SHORT_COST
    for i in range(first + 1, last):
        if out[i] == cost and fs[i].headline:
            out[i] = -LINK_COST


#: A short label ending with a colon ("Description:", "Zutaten:") opens a list of short lines
#: (see :func:`_list_items`) when prose stands within this many short lines before it and
#: after the list.
LABEL_GAP: Final = 1


def _split_sentences(fs: list[Facts], first: int = 0, stop: int = -1) -> list[tuple[int, int]]:
    """The first and last line of each sentence the text broke into several lines. A
    soup-style dump breaks a sentence at each inline link ("… der sollte mal bei Dragontown
    Corsets," / "Meschantes Corsetry" / "oder Slacks Fashion vorbeischauen."), a hard-wrapped
    one may leave a paragraph's lines apart. A piece goes on with an open line (no sentence
    mark at its end) when it opens in lower case or with a comma, or past a short piece
    between them (a link's text); the chain counts when it closes a sentence and makes a line
    of prose.

    ``first``, ``stop``: only the chains that start in ``first..stop-1`` (all when ``stop`` is
    negative); ``first`` must be where the whole page's chains would restart (see
    :func:`_restart`), so they are the same chains."""
    out: list[tuple[int, int]] = []
    n = len(fs)
    last = n - 1 if stop < 0 else min(stop, n - 1)
    done = first  # the first line no chain holds yet
    # (only the open lines can start a chain: most lines of prose are passed over in one scan)
    for i in [k for k in range(first, last) if not fs[k].ends]:
        if i < done:
            continue
        j = i
        while j + 1 < n and not fs[j].ends:
            if _goes_on(fs[j + 1].text):
                j += 1
            elif (
                j + 2 < n
                and fs[j + 1].units <= PIECE_UNITS
                and not fs[j + 1].ends
                and _goes_on(fs[j + 2].text)
            ):
                j += 2
            else:
                break
        if (
            j > i
            and _full_stop(fs[j].text)
            and sum([f.units for f in fs[i : j + 1]]) >= PROSE_UNITS
        ):
            out.append((i, j))
        done = j + 1
    return out


def _with_split_sentences(fs: list[Facts], start: int, end: int) -> tuple[int, int]:
    """The run, widened over the sentences broken into pieces (see :func:`_split_sentences`)
    that touch it or cross its ends: read alone, each piece is a short line the run stops at.
    Only the chains near the run's ends are worked out (see :func:`_restart`), not the page's:
    one the run takes over may reach the next, so each side goes on while its end moves."""
    while start > 0:
        first = _restart(fs, start - 1)
        moved = start
        for i, j in reversed(_split_sentences(fs, first, start)):
            if i < moved <= j + 1:
                moved = i
        # (a chain ending just before ``first`` touches the run only if it now starts there)
        done = moved == start or moved != first
        start = moved
        if done:
            break
    first = _restart(fs, end + 1)
    while True:
        moved = end
        for i, j in _split_sentences(fs, first, end + 2):
            if i <= moved + 1 and j > moved:
                moved = j
        if moved == end:
            break
        # (the chains so far end at ``moved``: the page's next one starts after it)
        end, first = moved, moved + 1
    return start, end


def _restart(fs: list[Facts], k: int) -> int:
    """The last line at or before ``k`` that follows a closed line (or the first line): every
    line of a chain but its last is open, so no chain crosses from before it, and the page's
    chains from there on are those found starting there."""
    while k > 0 and not fs[k - 1].ends:
        k -= 1
    return k


def _list_items(fs: list[Facts], out: list[float], intros: list[int]) -> None:
    """Short lines after a line that introduces a list ("Here are the highlights:") score 0.5:
    up to LIST_REACH of them, until a line that is not short. A label of a word or two
    ("Description:") introduces one only between two paragraphs (see LABEL_GAP): the features
    of a product described in prose, not a "Share:" row. ``intros``: the lines that may
    introduce one, all ending with a colon (see :func:`_base_scores`)."""
    n = len(out)
    i = 0  # the first line not yet taken as a list item
    for c in intros:
        if c < i:
            continue
        if not _is_list_intro(fs[c].text):
            if not _prose_near(out, c - 1, -1, LABEL_GAP):
                continue
            # a label ("Description:", "Zutaten:") between two paragraphs: the list it opens
            # must lead back to prose (a "Share:" row at the article's end does not)
            z, left = c + 1, LIST_REACH
            while z < n and left > 0 and out[z] < 0:
                left -= 1
                z += 1
            if z == c + 1 or not _prose_near(out, z, 1, LABEL_GAP):
                continue
        i, left = c + 1, LIST_REACH
        while i < n and left > 0 and out[i] < 0:  # (a line scoring below zero is short)
            out[i] = 0.5
            left -= 1
            i += 1


#: Markers that open an item of a bulleted list in a text dump ("* ", "• ", "+ ", "- ").
_BULLETS: Final[tuple[str, ...]] = ("* ", "• ", "+ ", "- ", "– ", "· ")
#: Short lines (a heading, "For 12 pieces") that may stand between a list and its prose.
LIST_GAP: Final = 2


def _inner_lists(fs: list[Facts], out: list[float]) -> None:
    """Items of a bulleted list (two or more short lines in a row) with prose just before and
    just after them (past a heading or two) score 0.5 like list items: the article's list of
    facts, steps or ingredients, which the run crosses. A menu of links is rarely held between
    two paragraphs: its items keep their cost. (Item text reads like a menu's either way:
    "350 g sugar" is as headline-like as "Contact".)"""
    n = len(out)
    i = 0
    while i < n:
        # (every marker is a character and a space: one look at the second character passes
        # over nearly every line before the comparison with each marker)
        text = fs[i].text
        if out[i] > 1 or text[1:2] != " " or not text.startswith(_BULLETS):
            i += 1
            continue
        j = i
        while j < n and out[j] <= 1 and fs[j].text.startswith(_BULLETS):
            j += 1
        if j - i >= 2 and _prose_near(out, i - 1, -1) and _prose_near(out, j, 1):
            for k in range(i, j):
                out[k] = max(out[k], 0.5)
        i = j


def _prose_near(out: list[float], k: int, step: int, gap: int = LIST_GAP) -> bool:
    """A line of prose at ``k`` or up to ``gap`` short lines further in direction ``step``."""
    for _ in range(gap + 1):
        if not 0 <= k < len(out):
            return False
        if out[k] >= PROSE_UNITS:
            return True
        if out[k] > 0:
            return False
        k += step
    return False


def _tables(fs: list[Facts], out: list[float], i: int, j: int) -> None:
    """Rows of a table (several numbers each, TABLE_RUN or more in a row) in the run ``i:j``
    of lines that score nothing score 1.

    Such rows are rare: the search reads the last line of a window of TABLE_RUN lines first and,
    when it has too few numbers, jumps past it, so most lines are never read."""
    p = i
    while p + TABLE_RUN <= j:
        q = p + TABLE_RUN - 1
        while q >= p and _has_numbers(fs[q].text):
            q -= 1
        if q >= p:  # no run of rows holds line q
            p = q + 1
            continue
        z = p + TABLE_RUN
        while z < j and _has_numbers(fs[z].text):
            z += 1
        for k in range(p, z):
            out[k] = max(out[k], 1.0)
        p = z + 1


def _rows(fs: list[Facts], out: list[float], i: int, j: int) -> None:
    """Rows of one list or timetable (TABLE_RUN or more lines in a row with one skeleton, see
    :func:`_skeleton`) in the run ``i:j`` of lines that score nothing score 0.5.

    Like :func:`_tables`, the search reads the last line of a window first and jumps past it
    when it has no skeleton; where two lines differ, no group holds both."""
    p = i
    while p + TABLE_RUN <= j:
        q = p + TABLE_RUN - 1
        shape = _row_shape(fs[q], out[q])
        if len(shape) < 3:
            p = q + 1
            continue
        k = q - 1
        while k >= p and _row_shape(fs[k], out[k]) == shape:
            k -= 1
        if k >= p:  # lines k and k + 1 differ
            p = k + 1
            continue
        z = q + 1
        while z < j and _row_shape(fs[z], out[z]) == shape:
            z += 1
        for k in range(p, z):
            out[k] = max(out[k], 0.5)
        p = z


#: Widths (cells a row) of a table a dump broke into one cell a line, and how many rows make one.
CELL_WIDTHS: Final = range(2, 7)
CELL_ROWS: Final = 3
#: Units from which a line is too long for a label cell.
CELL_UNITS: Final = 4
#: Units of a cell that opens with a figure: the figure and its unit ("50 grams", "2 cups").
CELL_FIGURE_UNITS: Final = 2


def _cells(fs: list[Facts], out: list[float], i: int, j: int) -> None:
    """Cells of a table broken one cell a line ("Alice", "23", "91", "Bob", "31", "87", ...) in
    the run ``i:j`` of lines that score nothing score 0.5 when prose stands on both sides (past
    the header row): a repeating period of k lines, numbers and labels in the same places for
    CELL_ROWS rows or more. A menu has no numbers; a list of dated links has a period of one."""
    kinds = "".join([_cell_kind(f) for f in fs[i:j]])  # (compiled, a direct call a line)
    if kinds.count("d") < CELL_ROWS or "a" not in kinds:
        return
    for k in CELL_WIDTHS:
        # same[t]: line t + k is of line t's kind; a run of them is a period of k lines
        same = ["1" if x == y else "0" for x, y in zip(kinds[k:], kinds, strict=False)]
        for s, e in _runs(same, (CELL_ROWS - 1) * k):
            cycle = kinds[s : s + k]
            if "d" not in cycle or "a" not in cycle or "x" in cycle:
                continue
            if any(cycle == c * (k // len(c)) for c in _short_cycles(cycle)):
                continue  # a shorter period: counted at its own width
            a, b = i + s, i + e + k
            if _prose_near(out, a - 1, -1, k + LIST_GAP) and _prose_near(out, b, 1, k + LIST_GAP):
                for q in range(a, b):
                    out[q] = max(out[q], 0.5)


#: A table a dump broke unevenly (some rows on one line, some a cell a line): this many lines
#: or more, each at most FIGURE_ROW_UNITS units, this share of them with a figure, the others
#: labels of at most CELL_UNITS + 1 units.
FIGURE_LINES: Final = 8
FIGURE_ROW_UNITS: Final = 15
FIGURE_SHARE: Final = 0.6
#: Short lines (captions, a heading, key points) that may stand between the lead and the table.
FIGURE_GAP: Final = 6


def _figure_table(fs: list[Facts], out: list[float], i: int, j: int) -> None:
    """Lines of a table between two paragraphs, broken unevenly ("Cybex Pallas S-Fix", "300 €",
    "ja", "2,1", "Osann Fox 189 € ja 5,5", ...): short lines, most with a figure, the rest
    short labels, prose just before and just after (past a heading or two) score 0.5. A link
    list has headlines without figures; a menu has no figures."""
    a = i
    while a < j:
        b = a
        figures = 0
        while b < j:
            f = fs[b]
            if out[b] > 0 or (f.units > FIGURE_ROW_UNITS and not _has_numbers(f.text)):
                break
            if f.digit:
                figures += 1
            elif f.units > CELL_UNITS + 1:
                break
            b += 1
        if (
            b - a >= FIGURE_LINES
            and figures >= FIGURE_SHARE * (b - a)
            and _prose_near(out, a - 1, -1, FIGURE_GAP)
            and _prose_near(out, b, 1)
        ):
            for q in range(a, b):
                out[q] = max(out[q], 0.5)
        a = b + 1


def _short_cycles(cycle: str) -> list[str]:
    """The proper prefixes of ``cycle`` whose length divides it (a period of ab repeated)."""
    k = len(cycle)
    return [cycle[:d] for d in range(1, k) if k % d == 0]


#: What may stand before a figure in a cell: "$4.99", "-3", "(1.5)".
_SIGNS: Final = "$€£¥+-−–("


def _cell_kind(f: Facts) -> str:
    """Kind of a cell: "d" for one that opens with a figure ("23", "$4.99", "12%", "50 g"), "a" for a short
    label without digits (up to CELL_UNITS units), "x" for anything else (a headline, a line of
    share counts): it breaks a period."""
    text = f.text
    if f.units > CELL_UNITS:
        return "x"
    t = text.lstrip(_SIGNS)
    if t[:1].isdigit():
        return "d" if f.units <= CELL_FIGURE_UNITS else "x"
    return "x" if f.digit else "a"


def _row_shape(f: Facts, score: float) -> str:
    """The skeleton of a line that scores nothing and has three words or more, else ""."""
    return _skeleton(f.text) if score <= 0 and f.units >= 3 else ""


def _gaps(out: list[float], i: int, j: int) -> None:
    """A long gap of junk costs more than its lines: two regions of prose far apart are not
    one article. (Only a run of four or more lines that score nothing holds such a gap.)"""
    gap = 0
    for k in range(i, j):
        x = out[k]
        gap = gap + 1 if x < 0 else 0
        if gap > GAP_FREE:
            out[k] = x * (1 + (gap - GAP_FREE) / GAP_GROWTH)


def _runs(flags: list[str], least: int = 1) -> list[tuple[int, int]]:
    """``(start, stop)`` of each run of at least ``least`` flags ``"1"`` (not ``"0"``). (A
    loop: compiled, a step per flag costs less than joining them for a pattern's scan.)"""
    out: list[tuple[int, int]] = []
    start = -1
    for k in range(len(flags)):
        if flags[k] == "1":
            if start < 0:
                start = k
        elif start >= 0:
            if k - start >= least:
                out.append((start, k))
            start = -1
    if start >= 0 and len(flags) - start >= least:
        out.append((start, len(flags)))
    return out


_MARK: Final = re.compile(r"[^\w\s'’]")
#: The ASCII characters that are not marks for _MARK (word characters, white space, "'").
_NOT_MARKS: Final = bytes(c for c in range(128) if not _MARK.match(chr(c)))


def _skeleton(text: str) -> str:
    """How a line is built: its first two punctuation marks and whether it opens with a digit
    ("June 9 – Tampa, FL @ Arena" -> "a–,"). Rows of one list or timetable share it, headlines
    of a link list rarely do."""
    if len(text) > 200:
        return ""
    if text.isascii():  # the marks are what is left without the other characters (in C)
        marks = text.encode().translate(None, _NOT_MARKS)[:2].decode()
        if not marks:
            return ""
    else:
        first = _MARK.search(text)
        if first is None:
            return ""
        second = _MARK.search(text, first.end())
        marks = first.group() + second.group() if second else first.group()
    return ("d" if text[0].isdigit() else "a") + marks


def cut_at_end_marker(fs: list[Facts], sc: list[float], start: int, end: int) -> int:
    """The run's end, moved before the first end marker that follows most of its prose, or
    before the first comment ("Name on March 3, 2019 at 4:47 pm said:") once any prose stood.

    Both are short lines; the prose that stood before each line is one running sum, so where a
    marker could end the run is a tail of the run, and only its short lines meet the pattern."""
    prose = [s if s > 0 else 0.0 for s in sc[start : end + 1]]
    total = sum(prose)  # (the zeros change no sum)
    # seen[k]: the prose before line start + k (summed in order, as a loop over the lines would)
    seen = list(accumulate(prose, initial=0.0))
    short, said = _short_lines(fs, start + bisect_right(seen, 0.0), end + 1)
    stop = next((i for i in said if _is_comment_head(fs[i].text)), end + 1)
    # a marker ends the run once 2 * PROSE_UNITS of prose stood, and either most of the prose
    # stood before it (see below) or only teasers follow it (past the last two prose blocks
    # and the last paragraph too long for a teaser)
    last_pair = max(_last_prose_pair(sc, start, end), _last_long_prose(sc, start, end))
    most = start + bisect_left(seen, END_AFTER * total)
    tail = max(start + bisect_right(seen, 2 * PROSE_UNITS), min(most, last_pair))
    for i in short[bisect_left(short, tail) :]:
        if i >= stop:
            break
        text = fs[i].text
        if not _may_end(text):
            continue  # (END_MARKER cannot take it)
        late = total - seen[i - start] < RESUMES * total
        if (i >= last_pair or late or COMMENTS_HEADING.match(text)) and END_MARKER.match(text):
            return i - 1
    return stop - 1


#: A teaser list repeats its "Read more" line every few lines (headline, teaser, "Read more").
TEASER_PERIOD: Final[tuple[int, ...]] = (2, 3, 4)
#: How many times the line must stand.
TEASERS: Final = 3


def _repeated_labels(
    fs: list[Facts], sc: list[float], lo: int, hi: int, least: int
) -> dict[str, list[int]]:
    """Where each short label line of ``fs[lo:hi]`` that stands ``least`` times or more stands
    (lower-cased text -> indices, in the order of their first lines): the "Read more" / "News"
    a list of teasers repeats after each record (junk-scored, at most three units, opening
    with a letter, no digit).

    The lines are grouped before the digit is looked for, and only in the few groups large
    enough: the look (the dearest test) is spared on nearly every line."""
    seen: dict[str, list[int]] = {}
    for i in range(lo, hi):
        f = fs[i]
        if sc[i] < 0 and f.units <= 3 and _opens_with_letter(f.text):
            seen.setdefault(f.low, []).append(i)
    groups = []
    for low, at in seen.items():
        if len(at) >= least:
            at = [i for i in at if not fs[i].digit]
            if len(at) >= least:
                groups.append((at[0], low, at))
    return {low: at for _, low, at in sorted(groups)}


def _opens_with_letter(text: str) -> bool:
    """``text[:1].isalpha()``; an ASCII first character is read in place (compiled, the
    method is a generic call: dear on every short line)."""
    if not text:
        return False
    c = ord(text[0])
    if c < 128:
        return 65 <= c <= 90 or 97 <= c <= 122
    return text[0].isalpha()


def cut_at_teasers(fs: list[Facts], sc: list[float], start: int, end: int) -> int:
    """The run's end, moved before a list of teasers that closes it: a short line that stands
    again and again at one spacing ("Les mer", "Weiterlesen" after each headline and teaser),
    the first group opening after most of the run's prose."""
    last = min(len(fs), end + 1 + max(TEASER_PERIOD))  # (the last may trail)
    seen = _repeated_labels(fs, sc, start, last, TEASERS)
    total = sum(s for s in sc[start : end + 1] if s > 0)
    best = end
    for at in seen.values():
        if len(at) < TEASERS:
            continue
        gaps = {b - a for a, b in pairwise(at)}
        if len(gaps) != 1 or (d := gaps.pop()) not in TEASER_PERIOD:
            continue
        cut = at[0] - d
        # each group: a headline (short) and a teaser (prose) before its "Read more"
        if not all(
            max(sc[a - d + 1 : a]) > 0 and min(sc[a - d + 1 : a]) < 0 for a in at if a - d >= start
        ):
            continue
        if cut <= start or sum(s for s in sc[start : cut + 1] if s > 0) < END_AFTER * total:
            continue
        best = min(best, cut)
    return best


#: Records in a row (a headline, a teaser, the same short line) that make a list of teasers.
TEASER_LIST: Final = 6


def _teaser_lists(fs: list[Facts], sc: list[float]) -> None:
    """A list of teasers (a headline, one sentence and the same short line, "News" or "Read
    more", again and again at one spacing) is never the article, however long: its lines
    cost like junk, so the run goes to the article instead of the longest list."""
    seen = _repeated_labels(fs, sc, 0, len(fs), TEASER_LIST)
    for at in seen.values():
        k = 0
        while k + TEASER_LIST <= len(at):
            d = at[k + 1] - at[k]
            z = k + 1
            while z + 1 < len(at) and at[z + 1] - at[z] == d:
                z += 1
            if z - k + 1 >= TEASER_LIST and d in TEASER_PERIOD:
                first = at[k] - d + 1
                if first < 0 or not _is_record(sc[first : at[k]]):
                    first = at[k]  # (the first record may be the article's end)
                if all(_is_record(sc[a - d + 1 : a]) for a in at[k + 1 : z + 1]):
                    for i in range(first, at[z] + 1):
                        sc[i] = min(sc[i], -SHORT_COST)
            k = z


def _is_record(sc: list[float]) -> bool:
    """The lines of a teaser before its "Read more": a headline (short or neutral) and prose."""
    return max(sc) > 1 and min(sc) <= 1


#: A run before the best one that is worth this share of it is the article (see
#: :func:`_earlier_run`) ...
EARLIER: Final = 0.5
#: ... unless it opens in this top share of the page (a banner, a notice, the menus' blurbs).
TOP: Final = 0.1


def _earlier_run(sc: list[float], start: int, end: int) -> tuple[int, int]:
    """The best run, or the best one before it when that is worth EARLIER of it.

    What follows an article is often prose as well (the author's bio, the comment form's
    notices, the site's description, a login or consent dialog) and may outweigh a short
    article; what precedes it rarely is, but for what opens the page (a browser or archive
    notice, the menus' blurbs)."""
    run = best_run(sc[:start])
    if run is None or run[0] < TOP * len(sc):
        return start, end
    if sum(sc[run[0] : run[1] + 1]) >= EARLIER * sum(sc[start : end + 1]):
        return run
    return start, end


#: Short lines before each lone paragraph after the article that make it a teaser (a
#: headline and a date or kicker; a subhead alone is one line).
TEASER_HEAD: Final = 2
#: Lone paragraphs after the article's last two in a row that make a list of teasers.
TEASER_ISLANDS: Final = 2
#: ... and where the article closes on a lone paragraph (an interview's last answer, after
#: the speaker's name), how many must close the run.
TEASER_TAIL: Final = 3


def _cut_at_islands(fs: list[Facts], sc: list[float], start: int, end: int) -> int:
    """The run's end, moved before the lone paragraphs that close it, each after a headline
    and a date or kicker (two short lines or more), worth little of the run: teasers of other
    articles, not its last section (a subhead and a paragraph).

    Read from the end: the article stops at the last line of prose that is no such teaser.
    When that is the second of its last two paragraphs in a row, TEASER_ISLANDS teasers after
    it end the run; when it closes on a lone paragraph (a last answer after a speaker's name,
    a paragraph after a subhead), TEASER_TAIL must."""
    islands, stop = _island_tail(fs, sc, start, end)
    if stop is None or stop <= start:
        return end
    paired = stop - 1 > start and sc[stop - 1] > PROSE_UNITS and sc[stop] > PROSE_UNITS
    if islands < (TEASER_ISLANDS if paired else TEASER_TAIL):
        return end
    total = sum(s for s in sc[start : end + 1] if s > 0)
    tail = sum(s for s in sc[stop + 1 : end + 1] if s > 0)
    return stop if tail < RESUMES * total else end


def _island_tail(fs: list[Facts], sc: list[float], start: int, end: int) -> tuple[int, int | None]:
    """How many teasers (lone sentences after TEASER_HEAD short lines or more) close the run
    ``start .. end``, and the last line of prose before them; None for that line when a list
    item or a table row (0 < score < 1) stands among them: the article goes on."""
    islands, i = 0, end
    while i > start:
        x = sc[i]
        if x <= 0 or x == 1.0:  # (a short sentence is neither a teaser nor its headline)
            i -= 1
            continue
        if x < 1:
            return islands, None
        head = i - 1
        while head >= start and sc[head] <= 0:
            head -= 1
        if i - 1 - head < TEASER_HEAD or not fs[i].ends:
            return islands, i  # (a teaser is a sentence; a long line of names or facts is not)
        islands += 1
        i = head
    return islands, None


def _short_lines(fs: list[Facts], i: int, j: int) -> tuple[list[int], list[int]]:
    """Indices of the short lines in ``i:j`` (where an end marker may stand), and of those
    that end like "… said:" (where a comment may open), in one pass."""
    short: list[int] = []
    said: list[int] = []
    for k in range(i, j):
        f = fs[k]
        if f.size < 120:
            short.append(k)
            # (most lines end with none of these: no stripped copy made of them)
            if f.text[-1:] in _SAID_TAIL:
                said_ = f.text.rstrip(" :")
                if said_[-1:] in _SAID_LAST and said_.endswith(_SAID):
                    said.append(k)
    return short, said


def _is_comment_head(text: str) -> bool:
    """A comment thread opens: "Name on March 3, 2019 at 4:47 pm said:" (a line that ends
    with "said" or the like)."""
    return bool(_COMMENT_HEAD.match(text) and _YEARISH.search(text))


def _last_prose_pair(sc: list[float], start: int, end: int) -> int:
    """The last ``k`` in ``start + 1 .. end - 1`` where two prose blocks stand in a row (``k``
    and ``k + 1``), or ``start``: :func:`_teasers_only` from ``i`` to ``end`` holds just when
    ``i`` is past it. Read from the end, where an article's paragraphs usually are."""
    for k in range(end - 1, start, -1):
        if sc[k] > PROSE_UNITS and sc[k + 1] > PROSE_UNITS:
            return k
    return start


#: Units of a paragraph too long for a teaser: after the article's end marker it is the
#: article going on (an inline box), not a list of headlines with a sentence each.
LONG_PARAGRAPH: Final = 100


def _last_long_prose(sc: list[float], start: int, end: int) -> int:
    """The last line in ``start .. end`` that scores LONG_PARAGRAPH or more, or ``start``."""
    for k in range(end, start, -1):
        if sc[k] >= LONG_PARAGRAPH:
            return k
    return start


def _teasers_only(sc: list[float], start: int, end: int) -> bool:
    """No two prose blocks in a row: headlines with a one-sentence teaser each, not an
    article going on after an inline box."""
    return all(sc[i] <= PROSE_UNITS or sc[i + 1] <= PROSE_UNITS for i in range(start, end))


def _split_at_footer(
    blocks: list[Block], sc: list[float], start: int, end: int, footer: int | None
) -> tuple[int, int]:
    """A copyright notice inside the run splits it: keep the side with more prose."""
    if footer is None or not blocks[start].seq < footer < blocks[end].seq:
        return start, end
    cut = next(i for i in range(start, end + 1) if blocks[i].seq > footer)
    before = sum(s for s in sc[start:cut] if s > 0)
    after = sum(s for s in sc[cut : end + 1] if s > 0)
    if before >= after or (before >= CLOSED_MIN and _teasers_only(sc, cut, end)):
        return start, cut - 1  # (what follows the notice is teasers: no two paragraphs in a row)
    run = best_run(sc[cut : end + 1])
    return (cut + run[0], cut + run[1]) if run else (start, end)


#: What the article before a closer must be worth for a teaser run after it to lose.
CLOSED_MIN: Final = 5.0


def _closers(fs: list[Facts], sc: list[float]) -> list[int]:
    """Indices of the lines that close an article: its tags ("Tags" and the labels under it,
    "Tags: a, b"), the comment form's notices. They cost like junk (a long label list or a
    notice would otherwise count as prose)."""
    out = []
    for i in _closer_candidates(fs, sc):
        text = fs[i].text
        if _may_head_tags(fs[i]) and TAGS_HEAD.match(text):
            out.append(i)
            if i + 1 < len(fs) and "," in fs[i + 1].text:
                sc[i + 1] = min(sc[i + 1], -SHORT_COST)  # the labels
        # ("Tags: a, b" has a colon: the pattern is not tried on prose without one)
        elif (
            sc[i] > 0
            and (":" in text or ("：" in text and "," in text))
            and starts_like(text, _TAG_HEADS)  # (as the tags stage does: its first words)
            and TAGS_INLINE.match(text)
        ):
            out.append(i)
            sc[i] = -SHORT_COST
        elif sc[i] > 0 and len(text) <= 250 and _comment_cue(text):
            low = fs[i].low
            if COMMENT_WIDGET.match(low) or (may_hold_notice(low) and COMMENT_NOTICE.search(low)):
                out.append(i)
                sc[i] = -SHORT_COST
    return out


#: The first two letters of the tag headings TAGS_HEAD takes. A line whose first two characters
#: are ASCII can match it only if they are one of these in lower case (case-blind matching of
#: ASCII is ASCII case folding): most short lines are passed over without the pattern.
_TAG_NAMES: Final = TAGS_HEAD.pattern.removeprefix("^(?:").partition(")")[0].split("|")
_TAG_STARTS: Final = frozenset(w[:2] for w in _TAG_NAMES)
#: Whether two ASCII characters open like a heading, by :data:`_TAG_STARTS` (a look-up in
#: place, see :func:`scan.pair_table`).
_TAG_PAIRS: Final = pair_table(lambda pair: pair.lower() in _TAG_STARTS)
#: The longest line TAGS_HEAD can match: a heading (each character of the pattern takes one
#: of the line), two spaces, a colon and a final newline. Most short lines are longer.
_TAG_SIZE: Final = max(map(len, _TAG_NAMES)) + 4
#: The headings' literal openings ("tags?" opens with "tag"): an ASCII line TAGS_HEAD takes
#: opens with one of them in lower case (no heading holds a character of ASCII_FOLDS).
_TAG_OPENINGS: Final = tuple(w[:-2] if w.endswith("?") else w for w in _TAG_NAMES)


def _may_head_tags(f: Facts) -> bool:
    """Whether TAGS_HEAD may take the line: short enough, and an ASCII one opens with a
    heading's name (most short lines that open like one, "Related coverage", "Pamela
    Wilson", do not), another opens like one (:func:`starts_like`). Spares the pattern (its
    call is dearer than the look) on nearly every short line."""
    if f.size > _TAG_SIZE:
        return False
    if f.text.isascii():
        return pair_code(_TAG_PAIRS, f.text) == 1 and f.low.startswith(_TAG_OPENINGS)
    return starts_like(f.text, _TAG_HEADS)


def _closer_candidates(fs: list[Facts], sc: list[float]) -> list[int]:
    """The lines :func:`_closers` must read: a short one that may be a "Tags" heading (see
    :func:`_may_head_tags`), a line of prose with a colon tags ("Tags: a, b"), one with a comment cue a comment form's
    notice. (Scores only fall while the closers are read: one above zero now is the wider
    test; the lower-cased text holds "omment" or "oment" wherever the cue is.)"""
    return [
        i
        for i, f in enumerate(fs)
        if _may_head_tags(f)
        or (
            sc[i] > 0
            and f.size <= 700
            and (
                ":" in f.text
                or "：" in f.text
                or (
                    f.size <= 250
                    and "ment" in (low := f.low)
                    and ("omment" in low or "oment" in low)
                )
            )
        )
    ]


def _comment_cue(text: str) -> bool:
    return "omment" in text or "oment" in text or "OMMENT" in text or "OMENT" in text


def _before_closer(sc: list[float], start: int, end: int, closer: int) -> tuple[int, int]:
    """A run of teasers (a headline and one sentence each, never two paragraphs in a row) that
    stands after the article's tags or comment form is a sidebar: the article is the best run
    before the first such closer, when there is one (a bare list: a timetable, a calendar)."""
    if closer >= start or not _teasers_only(sc, start, end):
        return start, end
    run = best_run(sc[:closer])
    if run is None or sum(sc[run[0] : run[1] + 1]) < CLOSED_MIN:
        return start, end
    return run


_SAID: Final[tuple[str, ...]] = (
    *("said", "says", "wrote", "replied", "Said", "Says", "Wrote", "Replied", "sagt", "schreibt"),
    *("meint", "dit", "écrit", "dice", "dijo", "escribió", "scrive", "zegt", "schreef", "pisze"),
    "napisał",
)
#: The last letters of _SAID: most lines end with none of them (one look, where ``endswith``
#: tries every word).
_SAID_LAST: Final = frozenset([w[-1] for w in _SAID])
#: The last characters of a line that ends with one of _SAID, maybe before spaces and colons.
_SAID_TAIL: Final = _SAID_LAST | {" ", ":"}
_YEARISH: Final = re.compile(r"\d{4}|\d{1,2}:\d{2}")


#: From this size a line is checked for being prose at all (see :func:`non_prose`).
NON_PROSE_SIZE: Final = 200
#: Bytes that are rare in prose and common in random letters and digits, encoded data and code:
#: capitals, digits, code punctuation. (Counted in C: the line's bytes without them.)
_ODD_BYTES: Final = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789{}[]<>=;+/\\|_$#*^~`"
#: A word of prose, with the quotes and marks around it: letters (capitalised, lower or all
#: capitals, any script), or a number; parts joined by an apostrophe or hyphen.
_WORDLIKE: Final = re.compile(
    r"[\"'“‘«(\[¿¡-]*(?:[A-Z]?[a-z]+|[A-Z]+|[^\W\d_A-Za-z]+|\d[\d.,:/%-]*(?:st|nd|rd|th|s|m|k)?)"
    r"(?:['’.-](?:[A-Za-z]+|[^\W\d_A-Za-z]+|\d+))*[\"'”’»)\],.;:!?…%-]*"
)


def non_prose(f: Facts) -> bool:
    """A long line that is not language: no spaces (a word of 25 characters on average), or
    mostly tokens that are not words (random letters and digits, base64, minified code).
    Only ASCII lines with many capitals, digits or code marks get the word-by-word test."""
    if f.size < NON_PROSE_SIZE:
        return False
    if f.size > 25 * max(f.words, 1):
        return True
    text = f.text
    if not text.isascii():
        return False
    head = text[:3000].encode()
    if len(head) - len(head.translate(None, _ODD_BYTES)) < 0.2 * len(head):
        return False
    tokens = head.decode().split()
    words = sum(1 for t in tokens if _WORDLIKE.fullmatch(t))
    return words < 0.6 * len(tokens)


#: A consent dialog talks about cookies (or trackers: "traceurs", "rastreadores") with the
#: site, browser or reader's choice; a recipe's cookies do not come with these words.
_WEB: Final[tuple[str, ...]] = (
    *("site", "seite", "web", "browser", "navegador", "navigateur", "consent", "zustimm"),
    *("einwillig", "accept", "akzept", "acept", "ablehn", "refus", "rechaz", "aktivier"),
    *("enable", "disable", "setting", "einstellung", "paramètr", "speicher", "tracking"),
    *("dritt", "third", "tiers", "terceros", "partner", "privacy", "datenschutz", "données"),
    *("datos", "daten", "configur", "cliquez", "klicken", "click"),
)
#: Lines about cookies this close together belong to one dialog; it takes this many of them.
DIALOG_GAP: Final = 5
DIALOG_LINES: Final = 3
#: Share of the prose lines of such a cluster that must be about cookies.
DIALOG_SHARE: Final = 0.4


#: Lines of at most this many words are lower-cased already (the legal stage reads them).
_LOWERED_WORDS: Final = MAX_LEGAL_WORDS


def _may_be_cookie_line(text: str) -> bool:
    """Whether the first test of :func:`_is_cookie_line` may take the text, asked without
    lower-casing it (dear outside ASCII): its UTF-8 with the ASCII letters in lower case (in
    C; the other characters' bytes are all above ASCII, so stand in no cue) holds a cue, or it
    holds the one character outside ASCII whose lower case is an ASCII letter (the Kelvin sign;
    "İ" gives "i" and a combining dot, which no cue holds)."""
    letters = text.encode().lower()
    return (
        b"cookie" in letters
        or b"traceur" in letters
        or b"rastreador" in letters
        or "\u212a" in text
        or "クッキー" in text
    )


def _is_cookie_line(low: str) -> bool:
    """About cookies and the site (the first test fails on most lines, in C per cue).

    "クッキー" is looked for only where its "ッ" stands: most pages hold a curly quote or dash,
    so are stored two bytes a character, where the search for the whole word skips seldom (its
    characters share the skip table's slots with "o", "m", "-") but a lone character's find runs
    at memchr speed (20 times faster over the bench's pages)."""
    return (
        "cookie" in low
        or "traceur" in low
        or "rastreador" in low
        or ("ッ" in low and "クッキー" in low)
    ) and any(word in low for word in _WEB)


def _consent_dialogs(fs: list[Facts], sc: list[float]) -> None:
    """A cookie consent dialog (paragraphs on each kind of cookie, the reader's choices) is
    prose the legal stage does not take line by line: where lines about cookies stand close
    together and make a good share of the prose around them, none of that prose is the
    article's (it costs like junk, so the run goes elsewhere)."""
    # (the long lines outside ASCII, dear to lower-case, are lower-cased only if one of them
    # may hold a cookie cue, asked of them all at once: without one no line of them is about
    # cookies, so "" stands for each)
    wide = [f.text for f in fs if f.words > _LOWERED_WORDS and not f.text.isascii()]
    cue = bool(wide) and _may_be_cookie_line("\n".join(wide))
    lows = [f.low if cue or f.words <= _LOWERED_WORDS or f.text.isascii() else "" for f in fs]
    if not _is_cookie_line("\n".join(lows)):
        return  # (no line is about cookies: most pages, told by a few scans of them all)
    hits = [i for i, low in enumerate(lows) if _is_cookie_line(low)]
    k = 0
    while k < len(hits):
        j = k
        while j + 1 < len(hits) and hits[j + 1] - hits[j] <= DIALOG_GAP:
            j += 1
        first, last = hits[k], hits[j]
        prose = sum(1 for i in range(first, last + 1) if sc[i] > 0)
        if j - k + 1 >= DIALOG_LINES and j - k + 1 >= DIALOG_SHARE * prose:
            for i in range(first, last + 1):
                sc[i] = min(sc[i], -SHORT_COST)
        k = j + 1


#: The heading over a recipe's ingredients, in several languages ("Zutaten für 4 Personen").
_INGREDIENTS: Final = re.compile(
    r"^(?:ingredients?|zutaten|ingrédients|ingredientes|ingredienti|składniki|ingrediënten"
    r"|ingredienser|ainekset|ingrediente)\b[^.!?]{0,40}$",
    re.I,
)
#: The heading over its steps.
_METHOD: Final = re.compile(
    r"^(?:instructions?|directions?|method|preparation|steps|zubereitung|anleitung|préparation"
    r"|instructions|preparación|elaboración|modo de preparo|preparazione|procedimento"
    r"|przygotowanie|bereiding(?:swijze)?|valmistus|tillagning|fremgangsmåde|fremgangsmåte)"
    r"\b[^.!?]{0,40}$",
    re.I,
)
#: The first two letters (lower case) of the ingredients' headings.
_CARD_STARTS: Final = frozenset(("in", "zu", "sk", "ai"))
#: Whether two ASCII characters open like one, by :data:`_CARD_STARTS` (see
#: :func:`scan.pair_table`).
_CARD_PAIRS: Final = pair_table(lambda pair: pair.lower() in _CARD_STARTS)
#: Lines from the ingredients' heading within which the steps' heading must stand.
CARD_REACH: Final = 80
#: Lines of the card's header (servings, times) above its ingredients, and their most units.
CARD_META: Final = 20
CARD_META_UNITS: Final = 4


def _may_open_card(f: Facts) -> bool:
    """The line's first two letters in lower case are one of :data:`_CARD_STARTS` (looked up
    in place when they are ASCII; ASCII lower-casing is the line's own there)."""
    code = pair_code(_CARD_PAIRS, f.text)
    return code == 1 if code >= 0 else f.low[:2] in _CARD_STARTS


def _recipe_cards(fs: list[Facts], sc: list[float]) -> None:
    """A recipe card (an "Ingredients" heading, its short lines, a "Method" heading, the steps)
    is the article's, however short its lines: the headings and the lines between them score
    like list items (0.5), the steps' short sentences like short sentences (1), the card's
    header of short fields above them nothing, so the run crosses the card instead of ending
    at it. Both headings are needed: a teaser of another
    recipe shows neither, a sidebar at most one."""
    n = len(fs)
    # (the headings' first letters looked up first: most lines are passed over without the
    # pattern)
    heads = [
        i
        for i, f in enumerate(fs)
        if f.size <= 60 and _may_open_card(f) and f.units <= 8 and _INGREDIENTS.match(f.text)
    ]
    done = -1
    for i in heads:
        if i <= done:
            continue
        j = next(
            (
                k
                for k in range(i + 1, min(n, i + CARD_REACH))
                if fs[k].units <= 8 and fs[k].size <= 60 and _METHOD.match(fs[k].text)
            ),
            None,
        )
        if j is None:
            continue
        # (the heading nearest the steps: a menu may name the ingredients too)
        i = max(h for h in heads if i <= h < j)
        for k in range(i, j + 1):
            sc[k] = max(sc[k], 0.5)
        # the card's own header above (servings, times, "Course:" / "Main"): no cost
        k = i - 1
        while k >= max(0, i - CARD_META) and sc[k] <= 0 and fs[k].units <= CARD_META_UNITS:
            sc[k] = 0.0
            k -= 1
        done = _steps(fs, sc, j + 1)


#: Lines without a step ("Step 2", a photo's caption) between two steps of a recipe.
STEP_GAP: Final = 2


def _steps(fs: list[Facts], sc: list[float], k: int) -> int:
    """Score the steps of a recipe from line ``k`` (see :func:`_recipe_cards`): a short
    sentence 1, the labels and captions between steps nothing, while a step follows within
    STEP_GAP lines. Returns the line after the last step."""
    n = len(fs)
    while k < n:
        if sc[k] <= 0 and fs[k].ends and fs[k].units >= 3:
            sc[k] = 1.0  # a short step ("Add the rice.")
        if sc[k] > 0:
            k += 1
            continue
        nxt = next((q for q in range(k + 1, min(n, k + 1 + STEP_GAP)) if _is_step(fs[q], sc[q])), 0)
        if not nxt:
            return k
        for q in range(k, nxt):
            sc[q] = max(sc[q], 0.0)
        k = nxt
    return k


def _is_step(f: Facts, score: float) -> bool:
    return score > 0 or (f.ends and f.units >= 3)


#: What an article's lead before a box must be worth: more than a caption or a headline.
LEAD_MIN: Final = 3 * PROSE_UNITS
#: Share of the lead's words (five letters or more) that the article must use again.
LEAD_SHARED: Final = 0.3
#: ... and how many such words at least.
LEAD_WORDS: Final = 3
_LONG_WORD: Final = re.compile(r"[^\W\d_]{5,}")


def content_words(fs: list[Facts]) -> set[str]:
    """The words of five letters or more of these lines (lower case)."""
    return {w for f in fs for w in _LONG_WORD.findall(f.low)}


def _letter(c: str) -> bool:
    """A letter as :data:`_LONG_WORD` reads one (a word character, not a digit)."""
    return c.isalnum() and not c.isdecimal()


def says(text: str, word: str) -> bool:
    """``word`` stands in ``text`` as a whole word: found in C, then its ends checked (the
    same as ``word in`` the :func:`content_words` of ``text``, without reading all its words)."""
    size = len(word)
    at = text.find(word)
    while at >= 0:
        end = at + size
        if (at == 0 or not _letter(text[at - 1])) and (end == len(text) or not _letter(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _has_sentence(f: Facts) -> bool:
    """The line ends a sentence, or one ends inside it."""
    return f.ends or any(end in f.text for end in (". ", "! ", "? ", "。"))


def _box_told(fs: list[Facts], first: int, start: int) -> bool:
    """The lines between the lead and the article's run (``first:start``) use the article's
    words as a lead does (LEAD_SHARED of them): a part of the article (a comparison, a list
    of the products tested) rather than a box of something else, which shares few."""
    words = content_words(fs[first:start])
    if len(words) < LEAD_WORDS:
        return False
    told = "\n".join([f.low for f in _opening(fs, start)])
    shared = sum([says(told, w) for w in words])
    return shared >= LEAD_WORDS and shared >= LEAD_SHARED * len(words)


def _lead_before(fs: list[Facts], sc: list[float], start: int) -> tuple[int, int] | None:
    """The article's lead, cut off from its body by a box (products compared, job ads, a
    shop's links, a table of contents): the best run of prose before the article's run, below
    the top of the page, worth LEAD_MIN, whose words the article goes on using (LEAD_SHARED
    of them: a lead announces what the body tells; a site's blurb, a newsletter form or a
    teaser of another article shares few). Returns the lead's first and last line; the box
    between them and the run is not the article (see :func:`outside_article`)."""
    if start < TOP * len(sc) + 2:
        return None  # (no room for a lead below the top and a box after it)
    lo = 0
    body: list[Facts] = []  # the article's opening, read once
    for _ in range(LEAD_TRIES):
        run = best_run(sc[lo:start])
        if run is None:
            return None
        first, last = lo + run[0], lo + run[1]
        if _is_lead(fs, sc, first, last, start, body):
            return first, last
        lo = last + 1  # (the best run failed: the nearer one after it may be the lead)
    return None


#: Runs before the article's tried as its lead, the best first, then the best after it.
LEAD_TRIES: Final = 3
#: How much of the article's opening (characters) the lead's words are looked for in.
LEAD_BODY_CHARS: Final = 10_000


def _is_lead(
    fs: list[Facts],
    sc: list[float],
    first: int,
    last: int,
    start: int,
    body: list[Facts],
) -> bool:
    """See :func:`_lead_before`; ``body`` caches the article's opening."""
    if first < TOP * len(sc):
        return False
    if sum(sc[first : last + 1]) < LEAD_MIN or last >= start - 1:
        return False
    lead = fs[first : last + 1]
    if not any(f.units >= PROSE_UNITS and _has_sentence(f) for f in lead):
        return False  # (a row of headlines, "1 … 2 … 3 …", is long but ends no sentence)
    words = content_words(lead)
    if len(words) < LEAD_WORDS:
        return False
    if not body:  # the article's opening, found once for all the tries
        body += _opening(fs, start)
    # (a line the page repeats in the run, a form printed twice, is no evidence)
    texts = frozenset(f.text for f in lead)
    told = "\n".join([f.low for f in body if f.text not in texts])
    shared = sum([says(told, w) for w in words])
    return shared >= LEAD_WORDS and shared >= LEAD_SHARED * len(words)


def _opening(fs: list[Facts], start: int) -> list[Facts]:
    """The run's first lines, LEAD_BODY_CHARS characters of them: where a lead's words are
    looked for."""
    out = []
    size = 0
    for f in fs[start:]:
        out.append(f)
        size += f.size
        if size >= LEAD_BODY_CHARS:
            break
    return out


def _code_between_prose(fs: list[Facts], sc: list[float]) -> None:
    """A code listing broken into tokens (see :mod:`.code_listings`) with prose just before and
    after it costs nothing: the run crosses it instead of ending at it."""
    for a, b in code_listings(fs, sc, PROSE_UNITS):
        if _prose_near(sc, a - 1, -1) and _prose_near(sc, b, 1):
            for k in range(a, b):
                sc[k] = max(sc[k], 0.0)


@stage("article_span", applies_to="text")
def article_span(draft: Draft) -> None:
    """Mark the densest run of prose as the article (``body_start``/``body_end`` marks)."""
    # Non-prose is never the article, and no gap between its paragraphs either.
    draft.remove_many(
        [
            (b, "not prose: random letters and digits, encoded data or code")
            for b in draft.blocks
            if non_prose(facts(b))
        ]
    )
    fs = [facts(b) for b in draft.blocks]
    sc = _scores(fs)
    closers = _closers(fs, sc)
    _consent_dialogs(fs, sc)
    _teaser_lists(fs, sc)
    _recipe_cards(fs, sc)
    _code_between_prose(fs, sc)
    run = best_run(sc)
    if run is None:
        return
    start, end = _earlier_run(sc, *run)
    if closers:
        start, end = _before_closer(sc, start, end, closers[0])
    start, end = _split_at_footer(draft.blocks, sc, start, end, draft.marks.get("copyright"))
    end = cut_at_end_marker(fs, sc, start, end)
    end = cut_at_teasers(fs, sc, start, end)
    end = _cut_at_islands(fs, sc, start, end)
    start, end = _with_split_sentences(fs, start, end)
    start = wrapped_start(fs, start, draft.blocks)
    blocks = draft.blocks
    lead = _lead_before(fs, sc, start)
    if lead is not None:
        if not _box_told(fs, lead[1] + 1, start):
            draft.marks["box_start"] = blocks[lead[1] + 1].seq
            draft.marks["box_end"] = blocks[start - 1].seq
        start = lead[0]
    draft.marks["body_start"] = blocks[start].seq
    draft.marks["body_end"] = blocks[end].seq
    # what lies beyond the header's and the credits' reach cannot be either: drop it now, so
    # the later stages only read the neighbourhood of the article
    draft.remove_many(
        [(b, "far before the article") for b in blocks[: max(0, start - HEADER_REACH)]]
        + [(b, "far after the article") for b in blocks[end + 1 + TAIL_REACH :]]
    )


def header_zone(draft: Draft, after: int = 3) -> list[Block]:
    """Blocks where the header may stand: just before the article run, or the top."""
    start = draft.marks.get("body_start")
    if start is None:
        return draft.blocks[:HEADER_REACH]
    i = next((k for k, b in enumerate(draft.blocks) if b.seq >= start), len(draft.blocks))
    return draft.blocks[max(0, i - HEADER_REACH) : i + after]


@stage("outside_article", applies_to="text")
def outside_article(draft: Draft) -> None:
    """Drop what is left around the article run, and link lists inside it.

    Inside the run, four or more headline-like lines in a row (capitalised, a few words each)
    near its end, with little prose after them, are a list of links that the run took in (an
    ingredient list or a list inside the article looks different or has its text around it);
    so are two truncated teasers in a row ("…", "..")."""
    start, end = draft.marks.get("body_start"), draft.marks.get("body_end")
    if start is None or end is None:
        return
    start = _with_open_lines(draft, start)
    draft.remove_many(
        [(b, "before the article") for b in draft.blocks if b.seq < start]
        + [(b, "after the article") for b in draft.blocks if b.seq > end]
    )
    _drop_box(draft)
    inside = draft.blocks
    fs = [facts(b) for b in inside]
    sc = _scores(fs, exact=False)  # only the signs are read
    for i, j in _split_sentences(fs):  # (the run may end on one: its pieces are prose)
        for k in range(i, j + 1):
            sc[k] = max(sc[k], 1.0)
    total = sum([s for s in sc if s > 0])
    drops = []
    for i, j in _runs(["1" if s < 0 else "0" for s in sc], 2):
        run = inside[i:j]
        links = j - i >= LINK_RUN and _link_list(run, sc[j:], total)
        if links or all([b.text.endswith(_TRUNCATED) for b in run]):
            drops += [(b, "link list inside the article") for b in run]
    # the run ended on prose; what the stages took from its end may leave short lines behind
    # (a teaser's headline, a label): after the last line of prose, they are not the article
    k = len(sc)
    while k > 0 and sc[k - 1] < 0:
        k -= 1
    k = _before_menu(inside, sc, _before_closing_row(inside, sc, k))
    dropped = {id(b) for b, _ in drops}
    drops += [
        (b, "short lines after the article's last prose")
        for b in inside[k:]
        if id(b) not in dropped
    ]
    draft.remove_many(drops)


def _with_open_lines(draft: Draft, start: int) -> int:
    """The article's start, moved up over the lines right before it that score nothing: a
    question or an exclamation that opens the article ("Wie war das nochmal mit den
    Variablen?"). The run of most prose starts on a line that earns (one worth nothing is
    left out as readily as kept); read once the header stages took the headline (which may
    ask a question as well) and the lines around it."""
    blocks = draft.blocks
    i = next((k for k, b in enumerate(blocks) if b.seq >= start), len(blocks))
    while i > 0 and _base_score(facts(blocks[i - 1])) == 0.0:
        i -= 1
    return blocks[i].seq if i < len(blocks) else start


#: Units from which a line printed twice after the article's last prose makes a menu.
MENU_UNITS: Final = 3


def _before_menu(blocks: list[Block], sc: list[float], k: int) -> int:
    """Where the article's last lines end, before the menu the run closes with: the short
    lines (list items, short sentences) after its last prose, up to ``k``, when one of three
    words or more stands among them twice ("Alle Artikel frei" in each offer of a paywall's
    box, a menu printed for two screens). An article's own closing list names each item once."""
    last = k - 1
    while last >= 0 and sc[last] <= 1:
        last -= 1
    seen: set[str] = set()
    for b in blocks[last + 1 : k]:
        if facts(b).units >= MENU_UNITS:
            low = facts(b).low
            if low in seen:
                return last + 1
            seen.add(low)
    return k


#: Words of each item of a row of buttons under a "Share this:" line.
BUTTON_UNITS: Final = 3


def _before_closing_row(blocks: list[Block], sc: list[float], k: int) -> int:
    """Where the article's last lines end, before a row of buttons the run closes with: a line
    that introduces a list ("Teilen Sie dies mit:") and only one- to three-word items after it
    without digits ("Twitter", "Facebook"), the last lines of the run. (Items after an introducing line score
    as list items, so the short lines after the last prose stopped above them.)"""
    i = k
    while i > 0 and sc[i - 1] == 0.5 and _is_button(facts(blocks[i - 1])):
        i -= 1
    if i == 0 or not _is_list_intro(blocks[i - 1].text) or sc[i - 1] > 1:
        return k
    return i - 1  # (also when no item is left: a line that introduces nothing)


def _is_button(f: Facts) -> bool:
    """A word or three without digits: "Twitter", "Per E-Mail senden" (not "390 kcal")."""
    return f.units <= BUTTON_UNITS and not f.digit


def _link_list(run: list[Block], after: list[float], total: float) -> bool:
    """Headline-like lines (capitalised, four words or more), with little prose after them."""
    if sum([s for s in after if s > 0]) >= RESUMES * total:
        return False
    titles = sum([facts(b).units >= 4 and b.text[0].isupper() for b in run])
    return titles >= 0.75 * len(run)


def _drop_box(draft: Draft) -> None:
    """Drop the box that cut the article's lead off its body (see :func:`_lead_before`), once
    the header stages have read it."""
    first, last = draft.marks.get("box_start"), draft.marks.get("box_end")
    if first is None or last is None:
        return
    draft.remove_many(
        [
            (b, "a box between the article's lead and its body")
            for b in draft.blocks
            if first <= b.seq <= last
        ]
    )
