"""Newsletter, subscription, paywall, membership and app prompts.

"Sign up for our newsletter", "Get X delivered to your inbox", "To read the full story,
subscribe", "Support our journalism": the site asking the reader for something. Recognised by
a prompt word together with the site addressing the reader (you, your, our, an imperative at
the start), and only on short lines, so a sentence that reports on a newsletter stays.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import Final

from ..model import Block, Draft
from ..scan import Joined, branches, by_first_character, heads, starts_like
from ..shape import Facts, facts
from ..stage import stage

#: Prompt words, on the lower-cased line: these are about the site whatever the line.
_PROMPT_WORDS: Final = (
    r"newsletter|subscri|inbox|postfach|posteingang|bandeja de entrada|caixa de entrada|"
    r"casella di posta|boîte de réception|paywall|membership|become a member|already a member|"
    r"free trial|support (?:us|our|independent|quality)|donate|unlimited access|abonn|"
    r"suscr|ニュースレター|購読|会員登録|follow (?:us|him|her|me|them) (?:on|@)"
)
_EMAIL_AT: Final = r"e-?mail [\w .'’-]{2,40} at \S{1,60}@"
PROMPT: Final = re.compile(_PROMPT_WORDS + "|^" + _EMAIL_AT)
#: Weaker prompt words (a how-to article says "sign in to your account."): only on a line
#: that is not a sentence.
_WEAK_WORDS: Final = (
    r"sign up|signup|sign in|log in|login|premium|create (?:an|a free) account|"
    r"download (?:the|our) app|get the app|alerts|full story|full article|anmelden|"
    r"registrieren|inscri|regístrate|iniciar sesión|ログイン|click here|"
    r"tell us what you think|let us know|join the (?:conversation|discussion)|"
    r"leave a (?:comment|reply)|post a comment|write a comment|add a comment|"
    r"(?:by|per|par|via|por) e-?mail"
)
#: "app" as a word, not a name in code ("flask run exampleapp:app", "app.py", "/app").
_APP_WORD: Final = r"(?<![:/.])\bapp\b(?![:/(]|\.\w)"
WEAK_PROMPT: Final = re.compile(_WEAK_WORDS + "|" + _APP_WORD)
MAX_PROMPT_WORDS: Final = 30

#: ``PROMPT`` and ``WEAK_PROMPT`` as patterns the scan runs fast: every phrase is entered by a
#: letter that is rare in text, the part before it checked behind (``wsletter(?<=newsletter)``
#: finds what ``newsletter`` finds), so the engine tries few positions; the phrases are grouped
#: by that letter and all ASCII (a ``^``/``\b`` branch, one that opens with a group, or one in
#: another script makes the engine try every branch at every position, three to ten times
#: slower); the phrases in other scripts are plain substrings, looked for only in a line that
#: is not ASCII.
_PROMPT_ASCII: Final = re.compile(
    r"w(?:sletter(?<=newsletter)|all(?<=paywall)|(?<=follow) (?:us|him|her|me|them) (?:on|@))"
    r"|b(?:scri(?<=subscri)|ox(?<=inbox)|ership(?<=membership)|ecome a member|onn(?<=abonn))"
    r"|y a member(?<=already a member)|cr(?<=suscr)"
    r"|pport(?<=support) (?:us|our|independent|quality)"
    r"|d(?:onate| access(?<=unlimited access))|free trial"
    # inbox: de, es, pt, it, fr (at a letter rarer than "s" or "t")
    r"|fach(?<=postfach)|posteingang|ja de entrada(?<=bandeja de entrada)"
    r"|xa de entrada(?<=caixa de entrada)|posta(?<=sella di posta)|éception(?<=boîte de réception)"
)
_PROMPT_WIDE: Final = ("ニュースレター", "購読", "会員登録")
_PROMPT_EMAIL: Final = re.compile(_EMAIL_AT)
_WEAK_ASCII: Final = re.compile(
    r"g(?:n(?<=sign)(?: up|up| in)| in(?<=log in)|in(?<=login)|istrieren(?<=registrieren)"
    r"|ístrate(?<=regístrate))"
    r"|p(?:remium|p(?:(?<=download the app)|(?<=download our app)|(?<=get the app)))"
    r"|c(?:reate (?:an|a free) account|ri(?<=inscri)|iar sesión(?<=iniciar sesión)|lick here"
    r"|omment(?:(?<=post a comment)|(?<=write a comment)|(?<=add a comment)))"
    r"|l(?:erts(?<=alerts)|den(?<=anmelden))|k(?: here(?<=click here)|now(?<=let us know))"
    r"|v(?<=leav)e a (?:comment|reply)|full (?:story|article)"
    r"|what you think(?<=tell us what you think)|join the (?:conversation|discussion)"
    r"|mail(?:(?<=by email)|(?<=by e-mail)|(?<=(?:per|par|via|por) email)"
    r"|(?<=(?:per|par|via|por) e-mail))"  # (entered at "mail", which few lines hold)
)
_APP: Final = re.compile(_APP_WORD)

#: Appeal words: a donation, the site's shop, reading on past a paywall (en, de, fr, es, it, pt,
#: nl, pl). An article names them too ("Sie bat um eine Spende"), so alone they are not enough:
#: the line must also be short and give an order ("Jetzt spenden!", "Besuchen Sie unseren
#: Fan-Shop!") or address the reader without ending like a sentence ("Wählen Sie Ihren Zugang
#: und lesen Sie weiter:"); see :func:`_drop_reason`.
APPEAL: Final = re.compile(
    r"donat|spende|doneer|doneren|donazion|darowizn|wesprzyj|faites un don|faire un don|votre don\b"
    r"|\bdon(?:ar|a ahora|a ora)\b|doe agora|\bdoar\b|donación|doação|wpłać"
    r"|(?<![a-z])shop\b|webshop|onlineshop|webwinkel|boutique en ligne|tienda online"
    r"|negozio online|loja online|sklep internetowy"
    r"|lesen sie weiter|weiterlesen|(?:continue|keep) reading with|to continue reading"
    r"|lire la suite|continuer à lire|(?:seguir|continuar) leyendo|continuare a leggere"
    r"|continuar (?:lendo|a ler)|verder te lezen|czytać dalej"
)


def _appeal(low: str) -> bool:
    """``APPEAL.search(low)`` is not None: tried only on a line holding a piece of one of its
    phrases (a line ending in "shop" has no character after it for the piece's ``\\W``)."""
    return (
        _APPEAL_CUE.search(low) is not None
        or low.endswith("shop")
        or (not low.isascii() and any(w in low for w in _APPEAL_WIDE))
    ) and APPEAL.search(low) is not None


def _prompt(low: str) -> bool:
    """``PROMPT.search(low)`` is not None."""
    return (
        _PROMPT_ASCII.search(low) is not None
        or (low.startswith("e") and _PROMPT_EMAIL.match(low) is not None)
        or (not low.isascii() and any(w in low for w in _PROMPT_WIDE))
    )


def _weak_prompt(low: str) -> bool:
    """``WEAK_PROMPT.search(low)`` is not None."""
    return (
        _WEAK_ASCII.search(low) is not None
        or ("app" in low and _APP.search(low) is not None)
        or ("ログイン" in low)
    )


#: ``ADDRESS`` in three fast parts: its ``^`` branches (for ``match``), its words at the start
#: of the line, and its words after a non-word character (``\b`` before a word is that).
_ADDRESS_OPEN: Final = re.compile(
    r"(?:get|sign|join|subscribe|support|download|click|tap|register|enter|never miss"
    r"|don'?t miss|stay|keep|follow|receive|to read|to continue|want|like|love|enjoy"
    # the same orders in other languages: de, fr, es, it, pt, nl
    r"|(?:bleiben|melden|holen|abonnieren|registrieren|unterstützen) sie|melde dich|hol dir"
    r"|lass dir|verpasse|restez|recevez|abonnez|inscrivez|soutenez|mantente|recibe|apoya"
    r"|suscríbete|resta aggiornat|ricevi|iscriviti|sostieni|fique|receba|inscreva|apoie"
    r"|blijf|ontvang|schrijf je in|steun)\b"
    r"|[^.!?]{0,40}!$"
)
_ADDRESS_WORDS: Final = (
    r"(?:you|your|our|us|we|sie|ihr|ihre|ihnen|unser|unsere|unserem|unseren|unserer|dein|deine"
    r"|deinem|deinen|du|dich|dir|euch|vous|votre|vos|nous|notre|tu|su|nuestro|usted|voi|vostro"
    r"|tuo|tua|você|jij|jouw|uw)\b"
)
_ADDRESS_FIRST: Final = re.compile(_ADDRESS_WORDS)
_ADDRESS_LATER: Final = re.compile(r"\W" + _ADDRESS_WORDS)


#: The site addressing the reader, or an imperative opening the line.
ADDRESS: Final = re.compile(rf"^(?:{_ADDRESS_OPEN.pattern})|\b{_ADDRESS_WORDS}")


def _address(low: str) -> bool:
    """``ADDRESS.search(low)`` is not None."""
    return (
        _ADDRESS_OPEN.match(low) is not None
        or _ADDRESS_FIRST.match(low) is not None
        or _ADDRESS_LATER.search(low) is not None
    )


#: How to reach the author or the newsroom: a prompt whoever it names.
CONTACT: Final = re.compile(
    r"may be reached at|can be reached at|follow (?:him|her|them|me|us) on"
    r"|e-?mail (?:him|her|them|me|us) at|have a (?:news )?tip\?|send (?:us )?(?:a )?(?:news )?tips?\b"
)

#: Words every ``CONTACT`` phrase holds: a line without one is not tried.
_CONTACT_CUES: Final = ("reached", "follow", "mail", "tip")

#: The site's pitch: an imperative to the reader opening the line ("Get X delivered to your
#: door", "Join our forums", "Listen live at …"). Only at the edges of the article run.
PITCH: Final = re.compile(
    r"^(?:get|join|start your|check out|listen (?:to|live|back)|sign up|subscribe|follow|download"
    r"|tap|click|visit|don'?t miss|never miss|stay (?:up|informed|connected|tuned)|find out more"
    r"|learn more|abonnieren sie|folgen sie|inscrivez-vous|suivez|abonnez-vous|suscríbete"
    r"|síguenos|descarga)\b"
)
#: The first two characters of each PITCH opening (:func:`clipclean.scan.starts_like`): most
#: lines are passed over without the pattern's call.
_PITCH_HEADS: Final = heads(*branches(PITCH.pattern.removeprefix("^(?:").removesuffix(")\\b")))
_YOU_OUR: Final = re.compile(
    r"\b(?:you|your|our|us|ihr|ihre|unser|votre|notre|vous|tu|su|nuestro)\b"
)
#: How many blocks at each end of the run a pitch may stand in, and how long it may be.
EDGE: Final = 2
MAX_PITCH_WORDS: Final = 60
_seq: Final = attrgetter("seq")


def _edges(draft: Draft) -> tuple[range, range]:
    """Indices of the first and of the last :data:`EDGE` blocks of the article run (blocks
    stand in ``seq`` order, so the run is the slice between two bisections)."""
    start, end = draft.marks.get("body_start"), draft.marks.get("body_end")
    if start is None or end is None:
        return range(0), range(0)
    blocks = draft.blocks
    i = bisect_left(blocks, start, key=_seq)
    j = max(i, bisect_right(blocks, end, key=_seq))
    return range(i, min(i + EDGE, j)), range(max(i, j - EDGE), j)


#: Pieces of every ``APPEAL`` phrase, by the letter of :data:`_CUE` that enters them (the
#: letters its scan looks for already; each piece opens with a literal character after it: a
#: look behind tried at every "p", "l" or "g" of the text cost a third of the scan; and each
#: letter's pieces stand in its one group, as a group of groups tries each at every place):
#: don(at, ar, a ahora, a ora, azion, eer, eren), un/votre don, doe agora, doar, darowizn;
#: spende, wesprzyj, sklep internetowy, "shop" before a non-word character; webshop, webwinkel,
#: boutique en ligne; onlineshop, tienda/negozio/loja online, lesen sie weiter, weiterlesen,
#: lire la suite, verder te lezen; continue reading, continuar(e) leyendo/lendo/a ler/a
#: leggere; reading with, seguir leyendo.
_APPEAL_PIECES: Final = {
    "d": r"o(?:n(?:a(?:t|r| ahora| ora|zion)|e(?:er|ren)|(?<=un don)|(?<=votre don))|e agora|ar)"
    r"|arowizn",
    "p": r"ende(?<=spende)|rzyj(?<=wesprzyj)| internetowy(?<=sklep internetowy)|\W(?<=shop\W)",
    "b": r"shop|winkel(?<=webwinkel)|outique en ligne",
    "l": r"e(?:sen(?: sie weiter|(?<=weiterlesen))|zen(?<=verder te lezen))"
    r"|i(?:ne(?:shop|(?<=tienda online)|(?<=negozio online)|(?<=loja online))|re la suite)",
    "c": r"ontinu(?:e reading|ar(?:e a leggere| leyendo| lendo| a ler))",
    "g": r" with(?<=reading with)|uir leyendo(?<=seguir leyendo)",
}
#: :data:`_APPEAL_PIECES` as one pattern, to pass over a line without ``APPEAL``'s search
#: (which tries its thirty branches at every place: ~300 instructions a character).
_APPEAL_CUE: Final = re.compile("|".join([f"{c}(?:{rest})" for c, rest in _APPEAL_PIECES.items()]))
#: ``APPEAL``'s phrases outside ASCII (also in :data:`_CUE_WIDE`).
_APPEAL_WIDE: Final = ("donación", "doação", "wpłać", "continuer à lire", "czytać dalej")


#: Pieces of every ``PROMPT``, ``WEAK_PROMPT`` and ``CONTACT`` phrase, to find the lines worth
#: checking in one scan: each phrase holds one of them ("newsletter" holds "letter", "support
#: us" holds "pport us"). Each piece is entered at a letter rarer in text than most, and the pieces
#: are grouped under as few letters as cover them all: a scan of the lines costs about the same
#: for each letter, plus a step at each place the letter stands, so seven letters cost far less
#: than the sixteen rarest (b p c l g d @; the phrases themselves open with common letters:
#: trying them at every position of every line was most of the stage's time). Every branch
#: opens with its literal letter, never a group, so the engine skips in C to the positions that
#: hold one of those letters; a piece is checked forward first and behind after
#: (``er(?<=already a member)``): a look behind tried at each place of the letter costs more
#: than the letter's scan (the few that need one stand last). They are long enough (or checked
#: behind) to pick few lines that are not prompts, as each line picked costs the three checks
#: of :func:`_drop_reason`.
_CUE: Final = re.compile(
    r"b(?:scr|ox(?<=inbox)|ership|ecome a member|onn(?<=abonn)|e reached at"
    r"|er(?<=already a member)|andeja de entrada|oîte de réception|y e-?mail|"
    + _APPEAL_PIECES["b"]
    + r")|p(?:p(?:ort (?:us|our|independent|quality)|\b(?<=\bapp)|(?<=the app)|(?<=our app))"
    r"|remium|osteingang|osta(?<=sella di posta)|ostfach|ly(?<=ve a reply)|aywall"
    # (have a (news) tip?: at the "?", not a look behind at every "p")
    r"|(?:er|ar|or) e-?mail|\?(?:(?<=ve a tip\?)|(?<=ve a news tip\?))|"
    + _APPEAL_PIECES["p"]
    + r")|c(?:r(?<=suscr)|ri(?<=inscri)|reate (?:an|a free) account|iar ses|omment(?<=a comment)"
    r"|lick here|onversation(?<=join the conversation)|ussion(?<=join the discussion)"
    r"|aixa de entrada|count(?<=free account)|"
    + _APPEAL_PIECES["c"]
    # newsletter, alerts, e-mail him at, follow us on, free trial, via e-mail
    + r")|l(?:etter(?<=newsletter)|erts| (?:him|her|them|me|us) at|den(?<=anmelden)|et us know"
    r"|l us what you think"
    r"|low(?<=follow) (?:us|him|her|me|them) (?:on|@)| story(?<=full story)"
    r"| article(?<=full article)|"
    + _APPEAL_PIECES["l"]
    + r"|(?<=free trial|via e-mail)|(?<=via email))"
    r"|g(?:n(?<=sign)(?: up|up| in)| in(?<=log in)|in(?<=login)|istrieren|ístrate|"
    + _APPEAL_PIECES["g"]
    # donate, unlimited access, send (us) (a) (news) tip(s)
    + r")|d(?: access| (?:tip|us (?:a )?(?:news )?tip|a (?:news )?tip|news tip)|"
    + _APPEAL_PIECES["d"]
    + r")|@"
)

#: ``_CUE`` as one pattern per branch (each opens with its own letter): scanned apart, each for
#: its one letter, they take half the time of the one pattern that tests every place of the
#: lines against all seven (see :func:`clipclean.scan.by_first_character`).
_CUE_PARTS: Final = by_first_character(branches(_CUE.pattern))
#: The phrases in other scripts, looked for only in a text that is not all ASCII (in ``_CUE``
#: they would make the scan try every position).
_CUE_WIDE: Final = (
    "ニュースレター",
    "購読",
    "会員登録",
    "ログイン",
    *_APPEAL_WIDE,
)


def _drop_reason(
    block: Block, head: bool, tail: bool, edge: bool = False, cued: bool = True
) -> str | None:
    """Why the line is a prompt (``head``/``tail``: it opens or closes the article run;
    ``edge``: it stands at an edge of the text, or repeats), or ``None``. ``cued`` false: the
    cue scan of :func:`_cued` read the line and found no :data:`_CUE` in it, so it holds no
    ``PROMPT``, ``WEAK_PROMPT`` or ``CONTACT`` phrase (an edge line is checked for a pitch
    only, without trying those patterns)."""
    f = facts(block)
    low = f.low
    if (
        (tail or head)
        and f.words <= MAX_PITCH_WORDS
        and starts_like(low, _PITCH_HEADS)
        and PITCH.match(low)
        # an article may open with "Get ready for …": at the top only the site's own
        # voice ("your", "our") or a prompt word ("alerts", "newsletter") makes it a pitch
        and (
            tail
            or _YOU_OUR.search(low) is not None
            or (cued and (_weak_prompt(low) or _prompt(low)))
        )
    ):
        return "the site's pitch at the article's edge"
    if not cued or f.size > 250 or f.words > MAX_PROMPT_WORDS:
        return None
    if ("reached" in low or "follow" in low or "mail" in low or "tip" in low) and CONTACT.search(
        low
    ):
        return "contact prompt"
    if (
        not sentence(f)  # (the cheap test first: the appeal's search reads the whole line)
        and _appeal(low)
        # (a lead-in's colon, "… lesen Sie weiter:", ends no sentence)
        and (_imperative(low) or ((not f.ends or low.endswith(":")) and _address(low)))
    ):
        return "donation, shop or paywall appeal"
    strong = _prompt(low)
    # (a button's arrow, "Hier anmelden »", does not end a sentence)
    if not strong and ((f.ends and not low.endswith(_ARROWS)) or not _weak_prompt(low)):
        return None
    if f.words <= 4 or (_address(low) and (not sentence(f) or _imperative(low) or edge)):
        return "newsletter, subscription or paywall prompt"
    return None


#: A link's arrow after a space closing a button ("Hier kostenlos anmelden »").
_ARROWS: Final = (" »", " ›")

#: Beside a prompt, the rest of its box: the reader's own voice on a form's check box ("Send me
#: email every new post.", "Benachrichtige mich …") in en, de, fr, es, it, pt, nl, pl.
READER_VOICE: Final = re.compile(
    r"^(?:\[ ?x?\] )?(?:send me|notify me|email me|e-mail me|keep me|sign me up|schick mir"
    r"|sende mir|benachrichtige mich|informiere mich|envoyez-moi|prévenez-moi|avertissez-moi"
    r"|envíame|avísame|notificarme|inviami|avvisami|notificami|envie-me|avise-me|notifique-me"
    r"|stuur me|stuur mij|houd me|powiadom mnie|wyślij mi)\b"
)
#: Longest line taken as a box's blurb without a prompt word of its own.
BLURB_WORDS: Final = 20


def _box_reason(f: Facts, after: bool, cued: bool, anchor: bool = False) -> str | None:
    """Why a short line right beside a dropped prompt (``after``: right after it; ``anchor``:
    and that one is a prompt of a few words holding a prompt or appeal word, not a menu's
    "Newsletter" or a line taken as part of its box) is part of the prompt's box, or
    ``None``. A box is a heading, a blurb, a form: "PC Gamer Newsletter" / "Sign up to get
    the best content of the week …", "Subscribe to journal" / "Immediate online access to all
    issues. Subscription will auto renew annually.", "Jede kleine Spende hilft …" / "Jetzt
    spenden!". A prompt or appeal word of its own, and the reader addressed, an order, or not a
    sentence (a weak word, "app", "sign up": an order, or the reader addressed and not a
    sentence); right after the prompt, a form's check box, and after an anchor a blurb with no such word that
    opens like a pitch or an order, or is short and speaks as the site ("… shaping our
    world.")."""
    if not _scanned(f):
        return None
    low = f.low
    if cued:
        if (_prompt(low) or _appeal(low)) and (_imperative(low) or _not_a_statement(f)):
            return "beside a prompt: part of its box"
        if _weak_prompt(low) and (_imperative(low) or (not sentence(f) and _address(low))):
            return "beside a prompt: part of its box"
    if not after:
        return None
    if READER_VOICE.match(low) is not None:
        return "after a prompt: the reader's check box"
    if not anchor:
        return None
    if (
        f.words <= BLURB_WORDS
        and not f.text[:1].islower()  # (not a wrapped sentence)
        and "|" not in f.text  # (a row of links: "Privacy | Terms | Contact us")
        and (
            (starts_like(low, _PITCH_HEADS) and PITCH.match(low) is not None)
            or _imperative(low)
            or (not sentence(f) and _SITE_VOICE.search(f.text) is not None)
        )
    ):
        return "after a prompt: its blurb"
    return None


def _not_a_statement(f: Facts) -> bool:
    """Not one sentence ending in a full stop or a question, as the article writes them: a
    label with no end, an exclamation, or short sentences ("Immediate online access to all
    issues from 2019. Subscription will auto renew annually.")."""
    if not f.ends or f.text.endswith("!"):
        return True
    parts = _SENTENCE_BREAK.split(f.text)
    return len(parts) > 1 and all(len(p.split()) < SENTENCE_WORDS - 2 for p in parts)


#: The site speaking of itself or to the reader, as written ("US" is a country, not "us"; "ihr"
#: is "her" too, "Ihr" within a line is the reader's).
_SITE_VOICE: Final = re.compile(
    r"\b(?:[Yy]ou|[Yy]our|[Oo]ur|us|[Uu]nser\w*|[Dd]ein\w*|(?<=\s)Ihr\w*|[Vv]otre|[Nn]otre"
    r"|[Vv]ous|[Nn]uestr\w*|[Nn]ostr\w*|[Vv]ostr\w*|[Nn]oss\w*|[Jj]ouw|[Oo]nze|[Nn]asz\w*)\b"
)


#: From this many words a line that ends like a sentence is one: a prompt word in it ("told
#: subscribers in a newsletter that you …") is not enough, the line must also stand where
#: prompts stand (an edge of the text) or speak as one (an imperative opening it).
SENTENCE_WORDS: Final = 12


#: "Please" opening an order, in several languages.
_PLEASE: Final = ("please ", "bitte ", "merci de ", "por favor", "per favore", "gelieve ")

#: Where a line's sentences part.
_SENTENCE_BREAK: Final = re.compile(r"(?<=[.!?])\s")


def _imperative(low: str) -> bool:
    """A sentence of the line opens with an order to the reader ("Subscribe to …", "Please
    activate your subscription …"): the site speaking, not the article reporting."""
    return any(
        _ADDRESS_OPEN.match(part) is not None or part.startswith(_PLEASE)
        for part in _SENTENCE_BREAK.split(low)
    )


def sentence(f: Facts) -> bool:
    """Ended like a sentence, with one sentence of the article's length in it (a prompt is a
    few short ones: "Let our news meet your inbox. Delivered weekday mornings.")."""
    if not f.ends or f.words < SENTENCE_WORDS:
        return False
    return any(len(s.split()) >= SENTENCE_WORDS - 2 for s in _SENTENCE_BREAK.split(f.text))


def _scanned(f: Facts) -> bool:
    """A line short enough to be a prompt: the lines :func:`_cued` scans for a cue."""
    return f.size <= 250 and f.words <= MAX_PROMPT_WORDS


def _cued(blocks: list[Block]) -> tuple[list[int], list[int]]:
    """Indices of the short lines (the only ones a prompt may be) that hold a :data:`_CUE`:
    one scan of those lines joined per part of it, a Python step per hit; and of those that
    name an e-mail address's field (:data:`_FIELD_CUES`, a C search each)."""
    facts_of = [facts(b) for b in blocks]
    at = [i for i, f in enumerate(facts_of) if _scanned(f)]
    joined = Joined([facts_of[i].low for i in at])
    text = joined.text
    # (a wide word's first character looked for first: a search for one character is fast)
    if any("\n" in facts_of[i].text for i in at) or (
        not text.isascii() and any(w[0] in text and w in text for w in _CUE_WIDE)
    ):
        return at, at  # a line with a break of its own, or Japanese: check every line
    return [at[k] for k in sorted(joined.hits(_CUE_PARTS))], [
        at[k] for k in sorted(joined.word_hits(_FIELD_CUES))
    ]


#: The reader asked about the article itself ("Did you like this article?", "War der Artikel
#: nützlich?", "Artikel gefallen? Jetzt teilen!"): a liking, usefulness or sharing word and the
#: article named, in the line's first short question, exclamation or lead-in (":"). en, de, fr,
#: es, it, pt, nl.
_FEEDBACK_VERB: Final = re.compile(
    r"\b(?:like[ds]?|enjoy(?:ed)?|useful|helpful|share|gefallen|gefällt|nützlich|hilfreich"
    r"|teilen|aimé|plu|utile|partage[rz]?|gustado|gusta|útil|compart[ei]r?|piaciuto|condividi"
    r"|gostou|compartilhe|gevallen|nuttig|del(?:en)?)\b"
)
_FEEDBACK_NOUN: Final = re.compile(
    r"artikel|beitrag|article|\bstory|\bpost\b|artículo|articolo|artigo|magazin|\bblog"
)
_FEEDBACK_CUES: Final = (
    "artik",
    "beitrag",
    "article",
    "story",
    "post",
    "artícul",
    "articol",
    "artigo",
    "magazin",
    "blog",
)
#: The first part of a line up to its first question or exclamation mark or colon.
_LEAD_PART: Final = re.compile(r"^([^?!:.…]+)[?!:]")  # (anchored: a search is linear too)
FEEDBACK_WORDS: Final = 8
FEEDBACK_LINE_WORDS: Final = 16


def _feedback(f: Facts) -> bool:
    """The line asks the reader about the article: short (or up to MAX_PITCH_WORDS with a
    prompt word), opening with a short question (not one in quotes: a story may report one)
    that names the article and liking or sharing it."""
    # (the size and marks first, on the line as it stands: a line without one, most lines,
    # has no lead part; a test of one character is cheaper than the cue words' ten, and the
    # long lines are not lower-cased)
    text = f.text
    if f.words > MAX_PITCH_WORDS or not ("?" in text or ":" in text or "!" in text):
        return False
    low = f.low
    if not any(c in low for c in _FEEDBACK_CUES):
        return False
    m = _LEAD_PART.match(low)
    if m is None or m.group(1)[:1] in "\"'“”„«‘’‹»":
        return False
    part = m.group(1)
    return (
        len(part.split()) <= FEEDBACK_WORDS
        and _FEEDBACK_NOUN.search(part) is not None
        and _FEEDBACK_VERB.search(part) is not None
        # (a longer line is the site's appeal only when it also names a paywall, a
        # subscription, a donation: "Gefällt dir unser Magazin? … keine Bezahlschranke
        # (Paywall) …"; tested last, the lead part rules out most lines)
        and (f.words <= FEEDBACK_LINE_WORDS or _prompt(low))
    )


#: A form asking for the reader's e-mail address (to follow the blog, for the newsletter) or
#: telling them it is wrong: "Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen …",
#: "Please enter your email address here", "You have entered an incorrect email address!".
_EMAIL_FIELD: Final = (
    "mail address",
    "mail-address",
    "mailadres",
    "mail-adres",
    "mail-adresse",
    "mailadresse",
    "adresse e-mail",
    "adresse email",
    "adresse mail",
    "correo electrónico",
    "indirizzo e-mail",
    "indirizzo email",
    "endereço de e-mail",
    "endereço de email",
    "adres e-mail",
    "adres email",
)
EMAIL_FORM: Final = re.compile(
    r"\b(?:enter|type|provide|fill in|incorrect|invalid|eingeben|gib|trage|geben sie|ungültig"
    r"|falsch|saisi(?:r|ssez)|entrez|renseignez|invalide|introduce|escribe|ingresa|inválid"
    r"|inserisci|digita|non valid|digite|insira|vul|voer|ongeldig|wpisz|podaj|nieprawidłow)\b"
    r"|\bein(?:geben)?\s?[.!]?$"
)
#: What the address is for, or that it is wrong, or where to type it: the site's own form, not
#: a how-to's step ("Enter your email address and password to log in").
EMAIL_FOR: Final = re.compile(
    r"blog|beiträge|\bposts?\b|articles|artikel|newsletter|notif|benachrichtig|updates|abonn"
    r"|subscri|follow|folgen|suivre|seguir|seguire|volgen|incorrect|invalid|ungültig|falsch"
    r"|inválid|non valid|ongeldig|nieprawidłow|\b(?:here|hier|ici|aquí|qui|aqui)\b"
)
MAX_FORM_WORDS: Final = 30


#: What every :data:`_EMAIL_FIELD` holds.
_FIELD_CUES: Final = ("mail", "correo electr")


def _email_form(blocks: list[Block], at: list[int]) -> list[tuple[Block, str]]:
    """Short lines of a form that asks for the reader's e-mail address, among the lines ``at``
    that hold a :data:`_FIELD_CUES` word."""
    out = []
    for i in at:
        low = facts(blocks[i]).low
        if (
            any(w in low for w in _EMAIL_FIELD)
            and EMAIL_FORM.search(low) is not None
            and EMAIL_FOR.search(low) is not None
        ):
            out.append((blocks[i], "e-mail form"))
    return out


@stage("prompts")
def prompts(draft: Draft) -> None:
    """Newsletter, subscribe, paywall, membership, donation and app prompts (short lines)."""
    head, tail = _edges(draft)
    blocks = draft.blocks
    at, fields = _cued(blocks)
    hit = set(at)
    if head or tail:  # a pitch needs no cue (and may be long): the edges are always checked
        at = sorted({*at, *head, *tail})
    # (the edges' bounds as integers: a comparison is cheaper than ``in`` of a range)
    h0, h1, t0, t1 = head.start, head.stop, tail.start, tail.stop
    drops = []
    n = len(blocks)
    dropped: set[int] = set()
    for i in at:
        in_head, in_tail = h0 <= i < h1, t0 <= i < t1
        edge = i < EDGE or i >= n - EDGE or blocks[i].links >= 0.5
        # (an edge line the cue scan read without a hit: only a pitch is looked for)
        cued = i in hit or not _scanned(facts(blocks[i]))
        why = _drop_reason(blocks[i], in_head, in_tail, edge or in_head or in_tail, cued)
        if why is not None:
            drops.append((blocks[i], why))
            dropped.add(i)
    for block, why in _email_form(blocks, fields):
        if not any(b is block for b, _ in drops):
            drops.append((block, why))
            dropped.add(next(i for i, b in enumerate(blocks) if b is block))
    # the rest of a prompt's box: the lines right before and after it, a chain of them (a
    # line with no prompt word of its own only right after a line holding one)
    for i in sorted(dropped):
        j = i - 1
        if j >= 0 and j not in dropped:
            why = _box_reason(facts(blocks[j]), False, j in hit)
            if why is not None:
                drops.append((blocks[j], why))
                dropped.add(j)
        f = facts(blocks[i])
        anchor = f.words > 1 and (_prompt(f.low) or _appeal(f.low))
        j = i + 1
        while j < n and j not in dropped:
            why = _box_reason(facts(blocks[j]), True, j in hit, anchor)
            if why is None:
                break
            drops.append((blocks[j], why))
            dropped.add(j)
            anchor = False
            j += 1
    # the latter half: where a site asks the reader about what they just read
    for i in range(n // 2, n):
        if i not in dropped and _feedback(facts(blocks[i])):
            drops.append((blocks[i], "the reader asked about the article"))
    draft.remove_many(drops)
