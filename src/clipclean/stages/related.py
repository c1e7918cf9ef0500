"""Related and recommended links: a "Related" / "More from …" / "Most read" heading and the
run of link titles under it, and link titles marked as such ("» Title", "[Source]").

Only after the article's first paragraph when the article run is known: above it, a menu
heading ("Top Stories") would take the headline and byline with it. The heading alone says what follows is not the article; the run ends at the first line that
reads as prose, so an article that goes on after an inline box keeps its text.
"""

from __future__ import annotations

import re
from typing import Final

from ..model import Block, Draft
from ..scan import heads, pair_code, pair_table, starts_like
from ..shape import units
from ..stage import stage

RELATED_HEAD: Final = re.compile(
    r"^(?:(?:related|more)\s[^.!?]{1,60}:$|related(?:\s[\w ]{1,30})?|more (?:from|on|in|about|stories|news|great|to explore|"
    r"like this)\b.{0,50}|more|see also|also(?: read| see)?|read (?:more|next|also)"
    r"|recommended(?:\s[\w ]{1,20})?|you (?:may|might) (?:also )?(?:like|enjoy)"
    r"|(?:don'?t|do not) miss|most (?:popular|read|viewed|shared|recent)(?:\s[\w ]{1,20})?"
    r"|trending(?:\s[\w ]{1,20})?|popular(?:\s[\w ]{1,20})?|editors?'? picks?"
    r"|top stories(?:\s[\w ]{1,25})?"
    r"|latest(?:\s(?:news|stories|posts|articles|videos))?|further reading|what to read next"
    r"|recent posts|in (?:this|other) news|also on [\w .]{1,40}|on [\w.]{2,40}\.com"
    r"|mehr zum thema|lesen sie auch|auch interessant|das könnte sie interessieren"
    r"|à lire aussi|lire aussi|sur le même sujet|voir aussi|noticias relacionadas"
    r"|[tl]e puede interesar|lee también|lea también|[tl]e recomendamos|más noticias"
    r"|関連記事|あわせて読みたい|おすすめ"
    r"|você (?:também )?pode gostar|veja também|leia também|saiba mais|mais lidas"
    r"|vous aimerez aussi|à voir aussi|les plus lus|también te puede interesar|lo más leído"
    r"|das könnte sie auch interessieren|weitere artikel|meistgelesen|empfehlungen"
    r"|leggi (?:anche|pure)|articoli correlati|potrebbe interessarti|lue (?:myös|aiheesta lisää)"
    r"|läs (?:också|mer)|lees ook|ook interessant|(?:czytaj|zobacz|przeczytaj) (?:też|także|również)"
    r"|weitere beiträge|ähnliche (?:artikel|beiträge)|beliebte beiträge(?: zum thema)?"
    r"|artikel und videos zum thema|verwandte artikel|artículos relacionados"
    r"|articles? (?:liés|similaires)|dans la même rubrique|à lire également)"
    r"\s{0,2}(?:[:»›.…]|\.{3})?\s{0,2}(?:\(\d{1,4}\))?$",
    re.I,
)
#: A line marked as a link ("» Title", "→ Title") or naming a source in brackets ("[CNET]").
LINK_MARKED: Final = re.compile(
    r"^[»›→▸►]\s?\S.{0,150}$|^\[[^\[\]]{1,40}\]$"
    r"|^(?:Prev(?:ious)?|Next)(?:Prev(?:ious)?|Next)?(?=[A-Z0-9‘“'\"]).{1,200}$"
    r"|^\[(?:related|see also|read more|read|more|also|watch|listen)\b[^\[\]]{0,200}\]$"
    r"|^\((?:related|see also|read more|read also|also read|lesen sie auch|lire aussi|voir aussi"
    r"|lee también|leia também|leggi anche(?: su)?)\s?:[^()]{1,200}\)$"
    r"|^(?:related(?:\s(?:posts?|articles?|stories|story|content|coverage|links?|reading))?"
    r"|see also|read more|read also|also read|more|watch|listen|see(?: more)?|"
    r"lesen sie auch|(?:à )?lire aussi|lee también|lea también|leia também|leggi anche"
    r"|[tl]e puede interesar|[tl]e recomendamos)\s?:\s\S"
    r"(?:[^.!?]|[.!?](?=\S)){2,150}$"
    r"|^(?:also on|more on|read more on|see more on)\s[\w.\-]{2,40}\.[a-z]{2,6}\b.{0,200}$",
    re.I,
)
#: How a line that :data:`RELATED_HEAD` or :data:`LINK_MARKED` matches can start (besides
#: "[" and "("): the first words of their alternatives.
_HEADS: Final = heads(
    *"related more most see also read recommended you don't do trending popular editor top"
    " latest further what recent in on mehr meistgelesen lesen lee les auch das à lire sur"
    " voir vous você noticias te más veja leia saiba mais también lo weitere empfehlungen"
    " 関連記事 あわせて おすすめ prev next watch listen leggi » › → ▸ ►"
    " articoli potrebbe lue läs lees ook czytaj zobacz przeczytaj ähnliche beliebte artikel"
    " verwandte artículos articles dans".split()
)

_BRACKETS: Final = ("[", "(")


def _head_code(head: str) -> int:
    """:func:`_may_relate` of two ASCII characters: 1 for a pair :func:`starts_like` passes
    with :data:`_HEADS`; 2 for a bracket first, or where :data:`LINK_MARKED` can take the line
    without a ":" in it ("Prev…", "Next…", "Also on …", "More on …", "Read more on …", "See
    more on …")."""
    if head[0] in _BRACKETS:
        return 2
    if starts_like(head, _HEADS):
        return 1 if head.lower() not in ("pr", "ne", "al", "mo", "re", "se") else 2
    return 0


#: :func:`_head_code` of each pair of ASCII characters (:func:`scan.pair_table`): most lines
#: are ruled out by a look-up in place.
_HEAD_PAIRS: Final = pair_table(_head_code)


def _may_relate(text: str) -> int:
    """What a line's first two characters allow: 0 neither pattern, 1 :data:`RELATED_HEAD`,
    or :data:`LINK_MARKED` only with a ":" in the line, 2 both (any line that does not start
    with two ASCII characters: the patterns decide)."""
    code = pair_code(_HEAD_PAIRS, text)
    if code >= 0:
        return code
    return 2 if starts_like(text, _HEADS) or text[:1] in _BRACKETS else 0


#: Longest run of link titles taken under one heading.
MAX_RUN: Final = 15
#: A link title has no more words than this; a longer line that ends a sentence is prose.
MAX_LINK_UNITS: Final = 25


#: A sentence ends with one of these (before closing quotes): a headline that ends with a
#: quotation ("… despite claiming 'he avoids PDAs'") is still a headline.
_FULL_STOP: Final = (".", "!", "?", "…", "。", "！", "？")


def _is_link_title(text: str) -> bool:
    n = units(text)
    return n <= MAX_LINK_UNITS and not (
        n >= 8 and len(text) > 60 and text.rstrip("'\"’”»)").endswith(_FULL_STOP)
    )


def _run_after(blocks: list[Block], i: int) -> list[Block]:
    run = []
    for b in blocks[i + 1 : i + 1 + MAX_RUN]:
        if not _is_link_title(b.text):
            break
        run.append(b)
    return run


@stage("related_links")
def related_links(draft: Draft) -> None:
    """ "Related"/"More from"/"Most read" headings with the link titles under them."""
    blocks = draft.blocks
    drops: list[tuple[Block, str]] = []
    skip_to = -1
    start = draft.marks.get("body_start", -1)  # before the article, the header may look alike
    for i, block in enumerate(blocks):
        if i <= skip_to or block.seq <= start:
            continue
        text = block.text
        # Only a line that starts like a heading or a marked link can be one.
        may = _may_relate(text) if len(text) <= 250 else 0
        if not may:
            continue
        if (may == 2 or ":" in text) and LINK_MARKED.match(text):
            drops.append((block, "marked link"))
        elif len(text) <= 80 and RELATED_HEAD.match(text):
            run = _run_after(blocks, i)
            drops.append((block, "related-links heading"))
            drops.extend((b, "related link") for b in run)
            skip_to = i + len(run)
    draft.remove_many(drops)
