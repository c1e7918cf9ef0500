"""Comment widgets: counters, the comment form and its notices.

"12 Comments", "Leave a Reply", "Your email address will not be published.", "Name (required)",
"Comments are closed.": the page's comment machinery, not the article. Only short lines whose
whole shape is one of these.
"""

from __future__ import annotations

import re
from typing import Final

from ..model import Block, Draft
from ..scan import Joined, pair_code, pair_table
from ..shape import Facts, facts
from ..stage import stage

#: Whole-line shapes, matched at the start of the lower-cased line.
COMMENT_WIDGET: Final = re.compile(
    r"(?:\d{1,6}\s{0,2})?(?:comments?|responses?|replies|reactions|kommentare?|commentaires?"
    r"|comentarios?|comentários|コメント)\s{0,2}(?:\(\d{1,6}\)|\d{1,6})?\s{0,2}[:.]?$"
    r"|(?:post|leave|write|add|submit|view|show|hide|load|read)\s(?:a\s|your\s|all\s|more\s)?"
    r"(?:comments?|reply|replies|response)\b.{0,30}$"
    r"|(?:_{3,}\s?)?(?:name|email|e-mail|mail|website|webseite|site web|sitio web|url|uri|comment|kommentar"
    r"|nama|nome|nombre|nom)\s{0,2}\*?\s{0,2}(?:\([^()]{1,40}\))?\s{0,2}[*:]?$"
    r"|(?:comment|kommentar|commentaire|comentario|commento) (?:by|von|de|di)(?:\s.{1,60})?$"
    r"|no (?:responses?|comments?|replies) (?:so far|yet)\b.{0,30}$"
    # The form's heading in several languages: "Hinterlassen Sie eine Antwort", "Deja un
    # comentario", "Laisser un commentaire", "Lascia un commento", "Deixe uma resposta".
    r"|(?:hinterlass\w*|schreib\w*|verfass\w*)(?:\s(?:sie|jetzt|du))*\s(?:einen|eine)\s"
    r"(?:kommentar|antwort)\b.{0,30}$"
    r"|kommentar\s(?:hinterlassen|schreiben|verfassen|erstellen|abgeben)\b.{0,30}$"
    r"|(?:laisse[rz]?|d[ée]pose[rz]?|écrire|ecrire)\sun\s(?:commentaire|avis)\b.{0,30}$"
    r"|(?:deja|dejar|deje|escribe|escribir)\s(?:un|una)\s(?:comentario|respuesta)\b.{0,30}$"
    r"|(?:lascia|lasciare|scrivi)\s(?:un|una)\s(?:commento|risposta)\b.{0,30}$"
    r"|(?:deixe|deixar|escreva)\s(?:um|uma)\s(?:comentário|comentario|resposta)\b.{0,30}$"
    r"|be the first to comment|there are no comments|no comments yet"
    r"|(?:atenção|atención|achtung|attention)\s?:\s?coment"
    r"|(?:report|reply|like|dislike|flag)(?:\s(?:abuse|comment))?$"
)
#: The literal words COMMENT_WIDGET's branches open with (after an optional "___"), by their
#: first two characters: a line that opens with none of them is none of its lines.
_WIDGET_OPENINGS: Final[dict[str, tuple[str, ...]]] = {}
for _word in (
    *("comment", "respons", "replies", "reaction", "kommentar", "comentar", "comentár", "コメント"),
    *("post", "leave", "write", "add", "submit", "view", "show", "hide", "load", "read", "___"),
    *("name", "email", "e-mail", "mail", "website", "webseite", "site web", "sitio web"),
    *("url", "uri", "nama", "nome", "nombre", "nom", "no ", "hinterlass", "schreib", "verfass"),
    *("laisse", "dépose", "depose", "écrire", "ecrire", "deja", "deje", "escrib", "lascia"),
    *("scrivi", "deix", "escreva", "be the first to comment", "there are no comments"),
    *("no comments yet", "atenção", "atención", "achtung", "attention", "report", "reply"),
    *("like", "dislike", "flag"),
):
    _WIDGET_OPENINGS[_word[:2]] = (*_WIDGET_OPENINGS.get(_word[:2], ()), _word)
#: How the lines COMMENT_WIDGET takes open (lower-cased: two characters, or a digit): a set
#: lookup rules out most lines before the pattern's branches are tried. (The openings' first
#: two characters: one list, so a head cannot disagree with its words.)
_WIDGET_HEADS: Final = frozenset(_WIDGET_OPENINGS)


def _opens_like_widget(low: str) -> bool:
    """Whether the lower-cased line opens as COMMENT_WIDGET's lines do: two characters among
    :data:`_WIDGET_HEADS`, or a digit."""
    return low[:2] in _WIDGET_HEADS or low[:1].isdigit()


#: :func:`_opens_like_widget` of each pair of ASCII characters (:func:`scan.pair_table`).
_WIDGET_PAIRS: Final = pair_table(_opens_like_widget)


def _may_be_widget(low: str) -> bool:
    """:func:`_opens_like_widget` (looked up in :data:`_WIDGET_PAIRS` for two ASCII ones),
    then the line's opening words (most lines that open so, "the …", "port…", a date, are
    none of the pattern's: a ``startswith`` costs less than its try of each branch)."""
    code = pair_code(_WIDGET_PAIRS, low)
    if code == 0 or (code < 0 and not _opens_like_widget(low)):
        return False
    if low[:1].isdigit():
        # (only a counter opens with digits: short, and it names what it counts)
        return len(low) <= _COUNTER_CHARS and any(w in low for w in _COUNTED)
    opens = _WIDGET_OPENINGS.get(low[:2])
    return opens is None or low.startswith(opens)


#: A counter ("12 comments", "3 responses (4)"): its longest (six digits, the longest word,
#: a bracketed count, the spaces, a stop and a "\n" before ``$``), and the words it counts in.
_COUNTER_CHARS: Final = 36
_COUNTED: Final = ("comment", "coment", "respons", "replies", "reaction", "kommentar", "コメント")


#: Notices of the comment form anywhere in the line; only tried when a cue word is present.
COMMENT_NOTICE: Final = re.compile(
    r"you must be (?:logged|signed) in to (?:post|leave) a comment"
    r"|your email address will not be published|required fields are marked"
    r"|comments? (?:are|is) (?:closed|moderated|disabled)|comments? policy"
    r"|you are commenting using|log in using one of these methods|notify me of"
    r"|type your comment here|enter your comment here|please enter your (?:comment|name)"
    # The same notices in other languages (German, French, Spanish, Italian, Portuguese).
    r"|e-?mail-?\s?adresse wird nicht veröffentlicht|pflichtfelder sind mit"
    r"|(?:die )?kommentarfunktion (?:ist|wird)|view the discussion thread"
    r"|benachrichtige mich|adresse (?:e-?mail|de messagerie) ne sera pas publiée"
    r"|champs obligatoires sont indiqués|correo electrónico no será publicad"
    r"|campos obligatorios están marcados|email non sarà pubblicato|campi obbligatori sono"
    r"|e-?mail não será publicado|campos obrigatórios são marcados"
    # "Save my name, email, and website in this browser …", logging in to comment, cancelling a
    # reply: en, de, fr, es, it, pt
    r"|save my name, e-?mail|meinen namen, (?:meine )?e-?mail|mon nom, (?:mon )?e-?mail"
    r"|il mio nome, e-?mail|meu nome, e-?mail"
    r"|(?:müssen|musst) (?:sie |du )?(?:sich |dich )?(?:angemeldet|eingeloggt|einloggen)"
    r"|devi effettuare il login|você precisa fazer o login"
    r"|cancel reply|antworten abbrechen|annuler la réponse|cancelar (?:la )?respuesta"
    r"|annulla (?:la )?risposta|cancelar resposta"
)
MAX_WIDGET_CHARS: Final = 160
#: A piece of every COMMENT_NOTICE phrase: a line without any of them holds no notice. A
#: search for a piece is far cheaper than the pattern's, which tries each phrase at every
#: place of the line (tests/test_prefilters.py checks that a line the pattern takes holds one).
NOTICE_PIECES: Final = (
    *("comment", "required", "mail", "notify me", "pflicht", "benachrichtig", "obligat"),
    *("obbligat", "obrigat", "kommentarf", "discussion", "logg", "login", "log in", "cancel"),
    *("abbrechen", "annul", "angemeld", "enter your", "publicad", "publiée"),
)


def may_hold_notice(low: str) -> bool:
    """Whether COMMENT_NOTICE may find a notice in the lower-cased line (see NOTICE_PIECES)."""
    return any(piece in low for piece in NOTICE_PIECES)


#: From this many words a line that ends like a sentence is one: a notice's words in it ("the
#: mayor said comments are closed until …") need its place to agree (an edge of the text).
SENTENCE_WORDS: Final = 12
EDGE: Final = 3


def _notice_shaped(f: Facts, i: int, n: int) -> bool:
    """A notice of the comment form: short, or not a sentence, or at an edge of the text."""
    return f.words < SENTENCE_WORDS or not f.ends or i < EDGE or i >= n - EDGE


@stage("comments")
def comments(draft: Draft) -> None:
    """Comment counters, comment-form fields and comment-policy notices (short lines)."""
    widget = COMMENT_WIDGET.match
    notice = COMMENT_NOTICE.search
    blocks = draft.blocks
    fs = [facts(b) for b in blocks]  # (made once per line for all stages)
    lows = [f.low if f.size <= MAX_WIDGET_CHARS else "" for f in fs]
    # The notice is searched for only in the lines that hold one of NOTICE_PIECES, found with
    # one C search of the short lines for each (an ``in`` test of each a line cost more than
    # the rest of the stage); a sentence inside the text holds no notice (_notice_shaped), so
    # its characters, about half of them, are not searched.
    n = len(blocks)
    shaped = [_notice_shaped(f, i, n) for i, f in enumerate(fs)]
    cued = Joined([low if shaped[i] else "" for i, low in enumerate(lows)]).word_hits(NOTICE_PIECES)
    drops = []
    for i, block in enumerate(blocks):
        if fs[i].size > MAX_WIDGET_CHARS:
            continue
        low = lows[i]
        if (_may_be_widget(low) and widget(low)) or (i in cued and shaped[i] and notice(low)):
            drops.append((block, "comment widget"))
    drops += _form_run(draft, {id(b) for b, _ in drops})
    drops += _closing_invitation(draft, {id(b) for b, _ in drops})
    draft.remove_many(drops)


#: The comment form's other lines ("Say your words", "Please enter your name here", "Spam-
#: Schutz: 2 + 8") are short and not sentences; after a widget line in the last third of the
#: text, a run of them is the form too.
FORM_LINE_WORDS = 6


def _form_run(draft: Draft, dropped: set[int]) -> list[tuple[Block, str]]:
    """The short non-sentence lines right after a comment widget near the end."""
    blocks = draft.blocks
    n = len(blocks)
    out: list[tuple[Block, str]] = []
    i = n - n // 3
    while i < n:
        if id(blocks[i]) not in dropped:
            i += 1
            continue
        i += 1
        while i < n and id(blocks[i]) not in dropped:
            f = facts(blocks[i])
            if f.words > FORM_LINE_WORDS or f.ends:
                break
            out.append((blocks[i], "comment form"))
            i += 1
    return out


#: "Tell us in the comments", "Verraten Sie gerne in den Kommentaren:": the closing call to
#: the comment section, in several languages.
IN_THE_COMMENTS = re.compile(
    r"\b(?:in the comments|(?:below|unten) in den kommentaren|in den kommentaren"
    r"|dans les commentaires|en (?:los|la sección de) comentarios|nei commenti"
    r"|nos comentários|in de reacties|w komentarzach)\b"
)
#: Only after the last prose line, and only a short one: a long closing paragraph that
#: mentions the comments ("readers said in the comments that …") is the article.
INVITATION_WORDS = 30
#: A line this long that ends like a sentence is prose: the invitation is not before it.
PROSE_WORDS = 15


def _closing_invitation(draft: Draft, dropped: set[int]) -> list[tuple[Block, str]]:
    """A short question or call ("…?", "…:", "…!") inviting comments after the last prose."""
    out: list[tuple[Block, str]] = []
    for block in reversed(draft.blocks):
        f = facts(block)
        low = f.low
        if (
            f.words <= INVITATION_WORDS
            and id(block) not in dropped
            and ("komment" in low or "comment" in low or "reacties" in low)
            and ("?" in low or low.endswith((":", "!")))
            and IN_THE_COMMENTS.search(low)
        ):
            out.append((block, "comment invitation"))
        elif f.words >= PROSE_WORDS and f.ends:
            break
    return out
