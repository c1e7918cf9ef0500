"""What the site prints after the article's last paragraph, inside the article run.

The run ends on prose, so a box of teasers that carries a sentence or two ("Diese Artikel
könnten dich auch interessieren:" and three headlines, a headline with its one-line teaser)
stays in it, as the short lines after the last prose do not. Here the body as the stages left
it is read once more from its end: a heading that announces other articles, standing after
most of the article's prose with only teasers under it, closes the article.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Final

from ..model import Block, Draft
from ..scan import Joined, branches, by_first_character
from ..shape import Facts, facts
from ..stage import stage
from .legal import FOOTER_WORDS
from .span import RESUMES, _base_score, _scores, _teasers_only, best_run

#: A heading over other articles: "more"/"further"/"related"/"also"/"interesting" words with
#: what they announce, in several languages. Searched in a short line, so it may carry a
#: site's name or a verb around it ("Mehr zum Thema auf example.de:", "Diese Artikel könnten
#: dich ebenfalls interessieren:").
_CLOSING_PHRASES: Final = (
    # en
    r"more (?:stories|articles|news|posts|from|on|in|about|like this|to read)|related"
    r"|you (?:may|might) also|also read|read (?:more|next|also)|further reading|recommended for you"
    r"|most (?:read|popular|viewed|shared)|popular (?:stories|articles|posts)|trending"
    r"|latest (?:news|stories|articles|posts)|other (?:stories|articles|news|posts)"
    r"|similar (?:articles|posts|stories)|what to read next|don'?t miss"
    # de
    r"|weitere (?:artikel|beiträge|themen|nachrichten|meldungen|news|berichte|infos"
    r"|interessante|pressemitteilungen|informationen|links|tipps|rezepte|videos)"
    r"|mehr (?:zum thema|zu diesem thema|infos|artikel|beiträge|nachrichten|news|aus|von|über)"
    r"|noch mehr|lesen sie (?:auch|mehr|weiter)|auch interessant|interessieren"
    r"|ähnliche (?:artikel|beiträge|themen)|verwandte (?:artikel|themen)|passende"
    r"|am beliebtesten|meistgelesen|aktuelle (?:berichte|artikel|beiträge"
    r"|nachrichten|news)|neueste (?:artikel|beiträge)|zum weiterlesen"
    # fr
    r"|à lire (?:aussi|également)|lire aussi|voir aussi|sur le même sujet|pour approfondir"
    r"|à suivre|les plus lus|articles? (?:liés|similaires|associés)|dans la même rubrique"
    r"|vous aimerez aussi|autres articles|vous pourriez aimer"
    # es, pt
    r"|le puede interesar|te puede interesar|puede interesarte|más (?:noticias|artículos|sobre)"
    r"|otras noticias|lee también|noticias relacionadas|relacionad[oa]s|lo más leído"
    r"|te recomendamos|veja também|leia também|mais lidas"
    # it
    r"|leggi anche|potrebbe interessarti|ti potrebbe|articoli correlati|altri articoli|più letti"
    # pl, nl
    r"|polecamy|czytaj (?:też|także|również)|zobacz (?:też|także|również)|najpopularniejsze"
    r"|podobne (?:artykuły|wpisy)|przeczytaj (?:też|także|również)|inne artykuły"
    r"|lees ook|meer (?:nieuws|artikelen)|gerelateerd"
)
CLOSING_HEAD: Final = re.compile(rf"\b(?:{_CLOSING_PHRASES})\b")
#: ``CLOSING_HEAD`` as one pattern per first letter of its phrases, each checked to open a
#: word behind that letter: the lines' scan for the heading (its ``\b`` first made the engine
#: try every phrase at every place) skips in C to that one letter.
_HEAD_PARTS: Final = by_first_character(branches(_CLOSING_PHRASES), True, r"\b")
#: The site's legal and service pages (the legal stage's footer links), two of them in one
#: short row of links that is no sentence ("Impressum | Datenschutz"): the site's footer.
FOOTER_ROW: Final = re.compile(rf"\b(?:{'|'.join(FOOTER_WORDS)})\b")
_ROW_MARKS: Final = ("|", "•", "·")
FOOTER_LINKS: Final = 2
FOOTER_SIZE: Final = 150
#: A teaser is a sentence or two: a longer block under the heading is a text of its own (a
#: review, a summary the article gives).
TEASER_UNITS: Final = 60
#: A heading is short and no sentence.
HEAD_UNITS: Final = 10
HEAD_SIZE: Final = 90
#: The second look at the run (see :func:`_sparse_tail`): what a short line costs, times its
#: price in the first; how small the text after the run must be against the text before it;
#: how many short lines it must hold.
GAP_WEIGHT: Final = 4.0
SPARSE_SHARE: Final = 0.15
SPARSE_SHORT: Final = 3
#: What the lines under the heading may be worth, against the article's prose before it: a
#: list of teasers is little; below TINY it may hold two sentences in a row (a two-line blurb).
TINY: Final = 0.1


def _closing_head(f: Facts) -> bool:
    """A short line, no sentence, announcing other articles."""
    return (
        f.units <= HEAD_UNITS
        and f.size <= HEAD_SIZE
        and not f.text.endswith((".", "!"))
        and CLOSING_HEAD.search(f.low) is not None
    )


def _footer_row(f: Facts) -> bool:
    """A short row of links, no sentence, naming two of the site's legal or service pages."""
    if f.size > FOOTER_SIZE or f.ends:
        return False
    if not any(m in f.text for m in _ROW_MARKS):
        return False
    return len({m.group() for m in FOOTER_ROW.finditer(f.low)}) >= FOOTER_LINKS


def _heads(fs: list[Facts]) -> list[int]:
    """Indices of the lines that may open a closing section: a heading announcing other
    articles, or the footer's row of links. The short lines that are no sentence are joined and
    the heading's pattern scans them once (in C, not a call per line)."""
    short = [
        i
        for i, f in enumerate(fs)
        if f.units <= HEAD_UNITS and f.size <= HEAD_SIZE and not f.text.endswith((".", "!"))
    ]
    found = set(Joined([fs[i].low for i in short]).hits(_HEAD_PARTS)) if short else set()
    heads = {short[k] for k in found}
    rows = [i for i, f in enumerate(fs) if f.size <= FOOTER_SIZE and _footer_row(f)]
    return sorted(heads.union(rows))


def _closing_section(sc: list[float], heads: list[int]) -> int | None:
    """Where a closing section of teasers opens, or None: one of ``heads`` (a heading
    announcing other articles, or the footer's row of legal links) after most of the article's
    prose, with only teasers (or next to nothing) under it."""
    seen = list(accumulate([max(s, 0.0) for s in sc]))
    total = seen[-1]
    for i in heads:
        if seen[i] < (1 - RESUMES) * total or i + 1 >= len(sc) or sc[i] > 1:
            continue
        after = total - seen[i]
        if max(sc[i + 1 :]) > TEASER_UNITS:
            return None
        if after < RESUMES * seen[i] and (
            after < TINY * seen[i] or _teasers_only(sc, i + 1, len(sc) - 1)
        ):
            return i
    return None


def _sparse_tail(fs: list[Facts], sc: list[float]) -> int | None:
    """Where what follows the article opens, or None: the run read once more with each short
    line costing GAP_WEIGHT times its price ends before a stretch of short lines with little
    text after it (a sidebar's labels and teasers, a footer's contact lines and blurbs).

    Once the stages took their lines, what is left short between the article's paragraphs is
    a subhead or two; a sidebar or a footer is made of short lines around lone sentences, and
    the run crossed it for their sake. Only a tail that is small against the text before it
    (SPARSE_SHARE, in characters: a results table or a list of short items is text too) and
    holds SPARSE_SHORT short lines goes."""
    run = best_run([s if s > 0 else GAP_WEIGHT * s for s in sc])
    if run is None or run[1] + 1 >= len(sc):
        return None
    cut = run[1] + 1
    if len([s for s in sc[cut:] if s <= 0]) < SPARSE_SHORT:
        return None
    after = sum([f.size for f in fs[cut : len(sc)]])
    return cut if after < SPARSE_SHARE * sum([f.size for f in fs[:cut]]) else None


def _may_end_sparse(fs: list[Facts]) -> bool:
    """Whether :func:`_sparse_tail` may find a tail, on the lines' own scores (their context
    only raises a score): SPARSE_SHORT short lines among the last lines that are small enough
    against the text before them. Most bodies fail it at their last few lines, sparing the
    scores with context."""
    sizes = [f.size for f in fs]
    most = SPARSE_SHARE / (1 + SPARSE_SHARE) * sum(sizes)
    seen = short = 0
    i = len(fs)
    while i > 0:
        i -= 1
        seen += sizes[i]
        if seen >= most:
            return False
        if _base_score(fs[i]) <= 0:
            short += 1
            if short >= SPARSE_SHORT:
                return True
    return False


def _last_prose(sc: list[float]) -> int:
    """The index after the last block that scores above zero (0 when none does)."""
    k = len(sc)
    while k > 0 and sc[k - 1] <= 0:
        k -= 1
    return k


@stage("article_tail", applies_to="text")
def article_tail(draft: Draft) -> None:
    """A closing section of teasers after the article ("More on this:" and the headlines) or
    the site's footer, and the short lines left after its last prose.

    ``outside_article`` drops the short lines after the run's last prose as the run's scores
    saw them; once the stages took their lines, the body can end on other short lines (a
    headline that asks a question scores nothing, not a cost): read from the body's own end."""
    blocks = draft.blocks
    if len(blocks) < 3:
        return
    fs = [facts(b) for b in blocks]
    heads = _heads(fs)
    if not heads and _base_score(fs[-1]) > 0 and not _may_end_sparse(fs):
        return  # the body ends on prose (context only raises a score) and no section opens
    sc = _scores(fs, exact=False)  # (only signs and prose are read)
    drops: list[tuple[Block, str]] = []
    at = _closing_section(sc, heads)
    if at is not None:
        if _closing_head(facts(blocks[at])):
            drops += [(blocks[at], "closing heading over other articles")]
            drops += [(b, "teaser under a closing heading") for b in blocks[at + 1 :]]
        else:
            drops += [(b, "the site's footer") for b in blocks[at:]]
        sc = sc[:at]
    k = _last_prose(sc)
    if k > 0:
        drops += [(b, "short lines after the article's last prose") for b in blocks[k : len(sc)]]
        sc = sc[:k]
    cut = _sparse_tail(fs, sc)
    if cut is not None:
        drops += [
            (b, "lone lines after the article, across short lines") for b in blocks[cut : len(sc)]
        ]
    draft.remove_many(drops)
