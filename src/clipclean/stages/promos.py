"""Calls to action and ad markers: links that invite a click but are not the article.

Matched as whole lines only, so a sentence that merely contains "read more" stays.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from ..model import Draft
from ..scan import ASCII_FOLDS
from ..stage import stage

_PHRASES: Final = (
    "read entire article|read the entire article|read full article|read the full article"
    "|read later|like this|like loading|loading|share this|permalink|back to top"
    "|read full story|read the full story|read more|read on|read next|read this next"
    "|continue reading|continue reading the main story|continue reading below"
    "|keep reading|click here|click here to read more|see more|show more|load more|view more"
    "|more stories|view comments|show comments|comments|leave a comment|add a comment"
    "|advertisement|advertisements|skip advertisement|ad|ads|sponsored|sponsored content"
    "|supported by|story continues below|story continues below advertisement"
    "|article continues below|article continues below advertisement|scroll to continue"
    "|share|share this|share this article|share this story|share on facebook|share on twitter"
    "|tweet|email|print|copy link|link copied|save|save article|bookmark|follow"
    "|subscribe|subscribe now|sign up|sign in|log in|register|back to top|top"
    "|weiterlesen|mehr lesen|lire la suite|lire plus|leer más|seguir leyendo|continua a leggere"
    "|続きを読む|もっと見る|anzeige|publicité|publicidad|pubblicità|publicidade|werbung"
    "|advert|advertising|iklan|reklama|реклама|広告|menu|back to gallery|back to article"
    "|next|previous|prev|next article|previous article|next story|previous story"
    "|view pdf/print mode|print mode|scroll down|scroll to top|go to top|jump to comments"
    # sharing, printing and sending the article: de, fr, es, it, pt, nl
    "|teilen|artikel teilen|beitrag teilen|weiterempfehlen|versenden|drucken|partager"
    "|partager cet article|imprimer|compartir|compartir este artículo|imprimir|condividi"
    "|condividi questo articolo|stampa|compartilhar|compartilhe|delen|deel dit artikel"
    "|print recipe|jump to recipe|pdf version"
    # a blog's share and like rows as their headings read in other languages ("Share this:",
    # "Like this:", "Like Loading..."): de, fr, es, it, pt, nl, pl
    "|teilen mit|gefällt mir|gefällt mir wird geladen|wird geladen|partager cet article"
    "|j'aime|j’aime|j'aime chargement|j’aime chargement|chargement|j'aime ceci|j’aime ceci"
    "|compartir esto|me gusta esto|me gusta|me gusta cargando|cargando|mi piace"
    "|mi piace caricamento|caricamento|compartilhe isso|curtir isso|curtir|curtir carregando"
    "|carregando|deel dit|vind ik leuk|vind-ik-leuk|vind-ik-leuk laden|udostępnij to"
    "|udostępnij|podziel się|podoba mi się|lubię to|lubię|lubię wczytywanie|wczytywanie"
    # the reader asked to pass the article on: en, de, fr, es, it, pt, nl, pl
    "|recommend this to your friends|recommend to a friend|empfiehl dies deinen freunden"
    "|artikel empfehlen|recommander à un ami|recomendar a un amigo|consiglia a un amico"
    "|indicar a um amigo|aanbevelen bij een vriend|poleć znajomemu"
    # a shop's empty cart: en, de, fr, es, it, pt, nl, pl
    "|your cart is empty|your basket is empty|ihr warenkorb ist leer|dein warenkorb ist leer"
    "|votre panier est vide|tu carrito está vacío|il tuo carrello è vuoto"
    "|seu carrinho está vazio|o seu carrinho está vazio|je winkelwagen is leeg"
    "|uw winkelwagen is leeg|twój koszyk jest pusty|koszyk jest pusty"
    # a skip link to the page's parts (the first line of many pages' text): en, de, fr, es,
    # it, pt, nl, pl, sv
    "|skip to content|skip to main content|skip to navigation|skip to main navigation"
    "|skip to footer|skip to search|jump to content|jump to navigation|zum inhalt springen"
    "|direkt zum inhalt|zum hauptinhalt springen|zur navigation springen|aller au contenu"
    "|aller au contenu principal|passer au contenu|saltar al contenido"
    "|saltar al contenido principal|ir al contenido|vai al contenuto|salta al contenuto"
    "|pular para o conteúdo|ir para o conteúdo|naar de inhoud|ga naar de inhoud"
    "|przejdź do treści|hoppa till innehållet"
    # rating the article
    "|rate this article|rate this|no ratings yet|noch keine bewertungen|artikel bewerten"
    "|bewerten sie diesen artikel|noter cet article|aucune note|aucun avis|valora este artículo"
    "|sin valoraciones|vota questo articolo|nessuna valutazione|avalie este artigo"
    "|sem avaliações|beoordeel dit artikel|nog geen beoordelingen"
    # back to the site's lists
    "|back to overview|back to list|back to home|back to homepage|zurück zur übersicht"
    "|zurück zur startseite|zurück zum lexikon|zurück zur liste|retour à la liste"
    "|retour à l'accueil|retour au sommaire|volver al listado|volver a la portada"
    "|volver al inicio|torna all'elenco|torna alla home|voltar à lista|voltar ao início"
    "|terug naar overzicht|terug naar home"
    # next, back and read more: de, fr, es, it, pt, nl
    "|weiter|zurück|suivant|retour|siguiente|anterior|avanti|indietro|próximo|voltar|volgende"
    "|vorige|terug|mehr erfahren|en savoir plus|saber más|leggi di più|saiba mais|lees verder"
)
_LINE: Final = r"^[\s>»›→▶(]{{0,3}}(?:{})[\s.:!…»›→▶+)]{{0,4}}$"
CALL_TO_ACTION: Final = re.compile(_LINE.format(_PHRASES), re.I)


#: The phrases, and what a line may have around one: ``\s`` (every character it matches)
#: and the marks of the pattern's two ends.
_PHRASE_SET: Final = frozenset(_PHRASES.split("|"))
_LONGEST: Final = max(map(len, _PHRASE_SET))
#: The phrases' first characters (all letters): under ``re.I`` a line's can match one only when
#: it is one lower-cased or one of the few that fold to an ASCII letter (checked against every
#: code point), so the whole pattern is not tried on a line of another alphabet.
_FIRSTS: Final = frozenset(p[0] for p in _PHRASE_SET)
_SPACES: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_MARKS: Final = _SPACES + ">»›→▶.:!…+()"


def _call_pattern(text: str) -> re.Pattern[str] | None:
    """A pattern that matches ``text`` exactly when :data:`CALL_TO_ACTION` does, or ``None``
    when that cannot match: without the pattern's walk through a hundred phrases. No phrase
    starts or ends with a mark, so the stripped line is the phrase itself, in some case: when
    ASCII, it is the phrase once lower-cased (under ``re.I`` an ASCII letter matches only its
    other case), and the pattern of that one phrase decides; else it is no longer than the
    longest phrase and opens like one, and the whole pattern decides."""
    key = text.strip(_MARKS)
    if key.isascii():
        key = key.lower()
        return _phrase_pattern(key) if key in _PHRASE_SET else None
    first = key[:1]
    may_open = first.lower() in _FIRSTS or first in ASCII_FOLDS
    return CALL_TO_ACTION if len(key) <= _LONGEST and may_open else None


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """:data:`CALL_TO_ACTION` with ``phrase`` as its only phrase."""
    return re.compile(_LINE.format(re.escape(phrase)), re.I)


@stage("calls_to_action")
def calls_to_action(draft: Draft) -> None:
    """Whole-line prompts: "Read Entire Article", "Read more", "Continue reading", "Advertisement"."""
    drops = []
    for block in draft.blocks:
        text = block.text
        if len(text) <= 60:
            pattern = _call_pattern(text)
            if pattern is not None and pattern.match(text):
                drops.append((block, "call to action"))
    draft.remove_many(drops)
