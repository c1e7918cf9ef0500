"""Footers, legal lines, cookie and consent text: the site talking about itself.

"© 2019 Reuters. All rights reserved." names the publisher (it becomes ``site_name``) and is
never article text; neither are the links of a footer ("Privacy Policy", "Terms of Use",
"Impressum") nor consent text ("We use cookies…", "I agree to the processing of my personal
data…"). Consent text is recognised by the site addressing the reader ("we", "you", "I agree")
about cookies, data or terms, so an article that reports on a privacy policy keeps its lines;
and a long sentence inside the text needs the consent machinery named outright ("we use
cookies", "by continuing"), not a keyword ("we baked holiday cookies").
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from ..model import Block, Draft, Image
from ..scan import ASCII_FOLDS, Joined, branches, by_first_character
from ..shape import Facts, facts, word_count
from ..stage import stage

COPYRIGHT: Final = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)\s{0,3}(?:©\s{0,3})?(?:(?:19|20)\d{2}(?:\s{0,2}[-–]\s{0,2}"
    r"(?:19|20)\d{2})?)?,?\s{0,3}(?P<owner>[^\W\d_][\w&.'’ -]{1,60}?)?\s{0,3}"
    r"(?:[,.|;]|\s(?:All|Alle|Tous|Todos)\b|$)",
    re.I,
)
#: On the lower-cased line: cheaper than a case-blind pattern.
RIGHTS: Final = re.compile(
    r"all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos "
    r"reservados|tutti i diritti riservati|無断転載|著作権|no part may be reproduced"
)
#: "Citation: Title (2019, November 18) retrieved 20 November 2019 from https://…": how to
#: cite the page, printed under it.
CITATION: Final = re.compile(r"\bretrieved\s(?:on\s)?[\w ,.]{4,40}\sfrom\shttps?://", re.I)
#: The links of a footer; each opens with two literal letters (see :data:`_FOOTER_STARTS`).
FOOTER_WORDS: Final = (
    "privacy(?: policy| notice| statement| settings| center)?",
    "cookies?(?: policy| settings| preferences| notice)?",
    "terms(?: of (?:use|service|sale))?",
    "terms (?:and|&) conditions",
    "your ad choices",
    "ad choices",
    "do not sell my (?:personal )?info(?:rmation)?",
    "contact(?: us)?",
    "about(?: us)?",
    "sitemap",
    "site map",
    "accessibility",
    "careers",
    "advertise(?: with us)?",
    "help",
    "faq",
    "rss",
    "imprint",
    "impressum",
    "datenschutz(?:erklärung)?",
    "agb",
    "kontakt",
    "mentions légales",
    "politique de confidentialité",
    "aviso legal",
    "política de privacidad",
    "contacto",
    "プライバシーポリシー",
    "利用規約",
    "お問い合わせ",
    r"our standards\b.{0,80}",
    r"editorial standards\b.{0,80}",
    "reuse this content",
    "report an error",
    "corrections?",
)
#: A footer link on a line of its own.
FOOTER_LINK: Final = re.compile(rf"^(?:{'|'.join(FOOTER_WORDS)})\s{{0,2}}[|•·]?$", re.I)
#: The first three letters of the footer links. A line can match FOOTER_LINK only if its
#: first three characters, lower-cased, are one of these or not all ASCII (case-blind matching
#: of ASCII is ASCII case folding, and the characters outside ASCII that fold to an ASCII
#: letter stay outside it lower-cased, but for the Kelvin sign: "k"), so most lines are passed
#: over without running the pattern.
_FOOTER_STARTS: Final = frozenset(w[:3] for w in FOOTER_WORDS if w[:3].isascii())
#: What a line that opens outside ASCII must open with to match FOOTER_LINK: the first
#: character of a footer link written outside ASCII, or one that ``re.I`` folds to an ASCII
#: letter.
_FOOTER_FIRSTS: Final = frozenset(w[0] for w in FOOTER_WORDS if not w[0].isascii()) | set(
    ASCII_FOLDS
)
#: The site addressing the reader (on the lower-cased line)...
_ADDRESS: Final = re.compile(
    r"\b(?:we|our|us|you|your|i agree|i accept|i consent|by (?:continuing|using|clicking)"
    r"|wir|ihre?|sie|nous|vous|votre|vos|nosotros|usted|su|noi|tu|nostro|nostra|vostro|voi"
    r"|você|nosso|nossa|seu|sua|utilizziamo|usiamo|utilizamos|usamos|utilisons)\b"
)
#: ...about cookies, personal data or terms (on the lower-cased line).
CONSENT_WORDS: Final = (
    "cookie",
    "personal data",
    "personal information",
    "privacy policy",
    "privacy notice",
    "privacy statement",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "user agreement",
    "consent",
    "gdpr",
    "datenschutz",
    "personenbezogen",
    "données personnelles",
    "confidentialité",
    "datos personales",
    "privacidad",
    "クッキー",
    "個人情報",
)


#: The site's own consent machinery, in so many words: these decide whatever the line's shape.
#: (On the lower-cased line; a keyword with "we" or "you" is not enough: "we baked holiday
#: cookies", "hijacking your personal data" are article sentences.)
CONSENT_PHRASE: Final = re.compile(
    r"\b(?:we|this (?:web)?site|the site|our (?:web)?site)\s(?:also\s)?(?:use|uses|place|set)s?\s"
    r"(?:\w+\s){0,2}cookies"
    r"|\b(?:uses|use of|accept|allow|reject|decline|enable|disable|manage)\s(?:all\s|our\s|the\s)?"
    r"(?:\w+\s)?cookies\b|\bcookies?\s(?:policy|settings|preferences|notice|consent|banner|"
    r"choices|declaration)|\bby (?:continuing|using|clicking|browsing|proceeding|accepting)\b"
    r"|\bi (?:agree|accept|consent|have read)\b|\byou (?:agree|consent|accept) to\b"
    r"|\b(?:manage|update|change|review) (?:your )?(?:cookie|privacy|consent)"
    r"|\bconsent to (?:the |our )?(?:use|processing|storing)|processing of (?:your|my) personal"
    r"|\b(?:our|read the|see the|see our|review our) (?:full |complete )?(?:privacy (?:policy|notice|statement)|"
    r"terms (?:of (?:use|service)|and conditions)|cookie)"
    r"|\bif you continue (?:to use|using|browsing)|\b(?:use of|using|visiting) (?:this|our) (?:web)?site"
    r"|\bacceptance of (?:our|the) |\bcookies (?:on|from) (?:this|our) (?:web)?site"
    r"|\bany cookies that|\bnecessary cookies|\bfor the website to function"
    r"|\byour (?:personal data|e-?mail address) will (?:not|only) be"
    r"|wir (?:verwenden|nutzen|setzen) cookies|verwendet cookies|cookies? (?:akzeptieren|zulassen)"
    r"|werden cookies verwendet|verwendung von cookies|cookies in ihrem browser"
    r"|cookies in ihren browsereinstellungen"
    r"|cookie-einstellungen|datenschutzerklärung|ich (?:stimme|willige|akzeptiere)|stimmen sie"
    r"|nous utilisons (?:des )?cookies|utilise des cookies|accepte[rz]? (?:les |tous les )?cookies"
    r"|paramètres des cookies|politique de confidentialité|en poursuivant|j'accepte|vous acceptez"
    r"|utilizamos cookies|usamos cookies|aceptar (?:las )?cookies|política de privacidad"
    r"|al continuar|utilizziamo (?:i )?cookie|accetta (?:i )?cookie"
)


def _word_openings(pattern: str) -> tuple[re.Pattern[str], ...]:
    """The top-level alternatives of ``pattern`` as patterns that each open with a literal
    character (:func:`clipclean.scan.by_first_character`): one that opens with ``\\b(?:a|b)``
    becomes ``\\ba…`` and ``\\bb…``. A line has a match of ``pattern`` just when it has one of
    any of them; scanned for one letter each, they cost a tenth of the alternation, whose
    ``\\b`` branches the engine tried at every place of the line."""
    words: list[str] = []
    plain: list[str] = []
    for alt in branches(pattern):
        if not alt.startswith("\\b"):
            plain.append(alt)
        elif alt.startswith("\\b(?:"):
            depth, end = 1, 5
            while depth:
                depth += {"(": 1, ")": -1}.get(alt[end], 0)
                end += 1
            words += [word + alt[end:] for word in branches(alt[5 : end - 1])]
        else:
            words.append(alt[2:])
    return by_first_character(words, word=True) + by_first_character(plain)


_CONSENT_PARTS: Final = _word_openings(CONSENT_PHRASE.pattern)


_ADDRESS_PARTS: Final = _word_openings(_ADDRESS.pattern)


def _consent_phrase(low: str) -> bool:
    """``CONSENT_PHRASE.search(low)`` is not None."""
    return any(part.search(low) is not None for part in _CONSENT_PARTS)


def _address(low: str) -> bool:
    """``_ADDRESS.search(low)`` is not None."""
    return any(part.search(low) is not None for part in _ADDRESS_PARTS)


#: Below this many words, or without a sentence's end, a line is not an article's sentence.
SENTENCE_WORDS: Final = 12
#: How many blocks at each end of the input count as its edges.
EDGE: Final = 3


def _consent_line(blocks: list[Block], i: int, f: Facts, low: str, seen: Counter[str]) -> bool:
    """Consent text: the site's consent machinery named outright, or a short line (or mostly
    links) about cookies or data addressed to the reader that stands at an edge of the input,
    repeats, or is links. A long sentence inside the text needs more than a keyword."""
    if _consent_phrase(low):
        return True
    if not _address(low):
        return False
    block = blocks[i]
    links = block.links >= 0.5
    short = f.words < SENTENCE_WORDS or not f.ends
    edge = i < EDGE or i >= len(blocks) - EDGE or seen[block.text] > 1
    return (short or links) and (edge or links)


MAX_LEGAL_WORDS: Final = 80
#: A short "© Publisher" among the last blocks is the site's notice, not a photo credit.
TAIL: Final = 5
#: "© 2019", "Copyright © 2019": the year right after the mark makes it the site's notice.
_DATED: Final = re.compile(r"(?:©|\(c\)|copyright)\s{0,3}(?:©\s{0,3})?(?:19|20)\d{2}(?!\d)", re.I)


def _consent_cue(low: str) -> bool:
    """A piece every consent word holds: ``in`` tests, far cheaper than the pattern's scan."""
    return (
        "cookie" in low
        or "person" in low
        or "priva" in low
        or "terms" in low
        or "agreement" in low
        or "consent" in low
        or "gdpr" in low
        or "datenschutz" in low
        or "données" in low
        or "confidentialité" in low
        or "クッキー" in low
        or "個人情報" in low
    )


def _has_consent_word(low: str) -> bool:
    """Holds ``low`` one of CONSENT_WORDS? A test per word is faster than one alternation of
    them (which the engine tries at every place of a long line)."""
    return any(word in low for word in CONSENT_WORDS)


def _rights_cue(low: str) -> bool:
    return (
        "reserv" in low
        or "reproduced" in low
        or "vorbehalten" in low
        or "riservati" in low
        or "無断" in low
        or "著作権" in low
    )


_COMPANY: Final = re.compile(
    r"(?:,?\s(?:gmbh|inc|llc|ltd|limited|plc|ag|s\.?a|s\.?l|co|corp|corporation|company)\.?)+$",
    re.I,
)


def site_from_copyright(text: str) -> str | None:
    """The owner named by a copyright line ("© 2019 Reuters." -> "Reuters"), if any."""
    m = COPYRIGHT.search(text)
    if not m or not m.group("owner"):
        return None
    owner = _COMPANY.sub("", m.group("owner").strip(" .-")).strip(" .,-")
    return owner if 2 <= len(owner) <= 60 and word_count(owner) <= 6 else None


#: What a line must hold for the copyright, citation, consent or disclosure check to take it,
#: on the lower-cased lines joined with a "\n" before and after each: the "©" or opening
#: "copyright" of a notice, a piece of each RIGHTS phrase, "retrieved", a piece of each consent
#: word, a piece of each AFFILIATE and OPINION_DISCLAIMER phrase (:data:`_DISCLOSURE_CUES`).
#: Each pattern starts with one literal character, so a scan of the whole document skips
#: ahead at C speed (a word is found at a rare letter where it has one: "privac" at its "v";
#: the letters after it are read before a look-behind, which fails most places sooner); a
#: scan costs about the same for each pattern, so the words share as few as cover them
#: ("cookie" and "commission" under "co"), and a word that would need a scan of its own is
#: found by ``str.find`` (:data:`_WORDS`, cheaper than a pattern's scan for one word).
_CUES: Final = tuple(
    map(
        re.compile,
        (
            # reserved, réservés, riservati (not "service", "observe"), retrieved, privacy,
            # privacidad (not "private"), vorbehalten
            r"v(?:ed(?<=retrieved)|ac(?<=privac)|orbehalten|(?<=[eéi]serv))",
            # personal, personen(bezogen), personn(elles) (not "spokesperson"), (re)produced,
            # gdpr, copyright opening the line
            r"p(?:erson(?:al|en|n)|roduced(?<=reproduced)|r(?<=gdpr)|yright(?<=\ncopyright))",
            r"m(?:s(?<=terms)|ent(?<=agreement)|einung)",
            r"co(?:n(?:sent|fidentialité)|okie|mmission|mpensation)",
        ),
    )
)
#: The cues that open with a character outside ASCII, rare in most pages: ``str.find`` of
#: that one character skips through the text several times faster than a pattern's scan.
_RARE_CUES: Final = ("©", "無断", "著作権", "クッキー", "個人情報")
#: The cue words no pattern of :data:`_CUES` takes.
_WORDS: Final = ("datenschutz", "fili", "necessar", "necesar", "engagent")


def _cued_lines(lows: list[str]) -> set[int]:
    """Indices of the lines that hold a cue of :data:`_CUES`, :data:`_RARE_CUES` or
    :data:`_WORDS`: every line the copyright, citation, consent and disclosure checks can take
    is among them (they decide)."""
    joined = Joined(lows)
    return joined.hits(_CUES).keys() | joined.literal_hits(_RARE_CUES) | joined.word_hits(_WORDS)


#: The site's disclosures: its links pay it a commission (said by the site: see :data:`_SELF`),
#: ... en, de, fr, es, it, pt, pl (on the lower-cased line).
AFFILIATE: Final = re.compile(
    r"affiliate[- ]?links?|liens? (?:d['’]affiliation|affiliés?)"
    r"|enlaces? (?:de )?afiliad|link (?:di affiliazione|affiliati)|links? (?:de )?afiliad"
    r"|linki afiliacyjne|affiliatelinks?"
    r"|\b(?:we|i) (?:may )?(?:earn|receive|get|make) (?:a )?(?:small )?(?:commission|compensation)"
)
#: ... and its authors' opinions are their own (which says it is the site speaking).
OPINION_DISCLAIMER: Final = re.compile(
    r"do not necessarily (?:reflect|represent)|n['’]engagent que (?:leurs?|son|ses) auteurs?"
    r"|geben (?:\w+ ){0,2}(?:die )?meinung (?:des|der) (?:autors?|autorin|verfasser)"
    r"|no reflejan? necesariamente|non riflettono necessariamente|não refletem necessariamente"
)
#: A piece of each AFFILIATE and OPINION_DISCLAIMER phrase (among the cues of
#: :func:`_cued_lines`, and looked for in each line it gives before the two patterns run).
_DISCLOSURE_CUES: Final = (
    "fili", "commission", "compensation", "necessar", "necesar", "engagent", "meinung"
)  # fmt: skip
#: The site speaks of itself or to the reader ("this post", "wenn du …", "we earn"): a report
#: on affiliate marketing does not.
_SELF: Final = re.compile(
    r"\b(?:this|these|our|we|i|you|dies(?:e[rsmn]?)?|du|ihr|wir|ich|es sich um|ce|cet|cette|ces"
    r"|nous|vous|este|esta|estos|nosotros|questo|questa|noi|deze|dit|wij|ten|ta)\b"
)
#: The longest disclosure.
MAX_DISCLOSURE_WORDS: Final = 60


def _footer_lines(fs: list[Facts]) -> list[int]:
    """Indices of the lines FOOTER_LINK takes, tried on the short lines that open like a
    footer link (see :data:`_FOOTER_STARTS`). (Only the short lines are lower-cased: the long
    paragraphs hold most of a page's characters.)"""
    opens, firsts, match = _FOOTER_STARTS, _FOOTER_FIRSTS, FOOTER_LINK.match
    return [
        i
        for i, f in enumerate(fs)
        if f.size <= 60
        and (
            (three := f.low[:3]) in opens
            or (not three.isascii() and ((t := f.text[:1]).isascii() or t in firsts))
        )
        and match(f.text)
    ]


@stage("legal")
def legal(draft: Draft) -> None:
    """Copyright lines (-> site_name), footer links, cookie and consent text."""
    drops = []
    blocks = draft.blocks
    tail = {id(b) for b in blocks[-TAIL:]}
    fs = [facts(b) for b in blocks]
    # (the long paragraphs the loop below passes over are not scanned)
    cued = _cued_lines([f.low if f.size <= 1000 and f.words <= MAX_LEGAL_WORDS else "" for f in fs])
    # (the lines FOOTER_LINK takes, each matched once: the loop asks the set)
    footers = set(_footer_lines(fs))
    seen: Counter[str] | None = None  # (how often each text stands: only when needed)
    for i in sorted(cued.union(footers)):
        block, f = blocks[i], fs[i]
        if f.size > 1000 or f.words > MAX_LEGAL_WORDS:
            continue  # a long paragraph is the article's, whatever it talks about
        text, low = block.text, f.low
        if i in footers:
            drops.append((block, "footer link"))
        elif i not in cued:
            continue  # the checks below need a cue
        elif (
            "©" in text
            or low.startswith("copyright")
            or (f.size < 300 and _rights_cue(low) and RIGHTS.search(low))
        ) and f.words <= 30:
            at_end = id(block) in tail and f.words <= 6
            if not _DATED.search(text) and not RIGHTS.search(low) and not at_end:
                # "© Jane Doe A nurse gives a flu shot…": a photo credit, not the site's
                draft.add_image(Image(credit=text.replace("©", "").strip()), block)
                drops.append((block, "photo credit"))
                continue
            owner = site_from_copyright(text)
            if owner:
                draft.propose("site_name", owner, 0.4)
            draft.marks.setdefault("copyright", block.seq)  # the article run ends before it
            drops.append((block, "copyright line"))
        elif "retrieved" in low and CITATION.search(low):
            drops.append((block, "how to cite the page"))
        elif _consent_cue(low) and _has_consent_word(low):
            if seen is None:
                seen = Counter(b.text for b in blocks)
            if _consent_line(blocks, i, f, low, seen):
                drops.append((block, "cookie or consent text"))
            elif f.words <= 30 and "privacy" in low and "terms" in low:
                drops.append((block, "footer links"))  # "… Privacy Policy | Terms of Service"
    disclosed = [i for i in sorted(cued) if any(w in fs[i].low for w in _DISCLOSURE_CUES)]
    if disclosed:
        gone = {id(b) for b, _ in drops}
        for i in disclosed:
            block, f = blocks[i], fs[i]
            if id(block) in gone or f.words > MAX_DISCLOSURE_WORDS:
                continue
            if OPINION_DISCLAIMER.search(f.low) is not None:
                drops.append((block, "the site's disclaimer"))
                continue
            if AFFILIATE.search(f.low) is None:
                continue
            if seen is None:
                seen = Counter(b.text for b in blocks)
            if seen[block.text] > 1 or _SELF.search(f.low) is not None:
                drops.append((block, "the site's disclosure of affiliate links"))
    draft.remove_many(drops)
