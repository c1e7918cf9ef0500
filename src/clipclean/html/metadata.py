"""Metadata fields from markup and from what the page displays, each proposed with its source.

Confidence follows how close a source is to what a reader sees: the displayed headline and
byline beat the JSON-LD, which beats OpenGraph and <meta>, which beat guesses (a <title> suffix,
the host name).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlparse

import lxml.html
from lxml import etree

from ..dates import find_date, parse_iso
from ..model import Draft
from ..shape import is_person_name, split_names, word_count
from ..stages.bylines import parse_byline
from ..stages.dek import not_a_dek
from ..text.blocks import normalise_line
from .blocks import element_text
from .datesearch import searched_date
from .markup import Markup, ld_types, unmangled

_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»/]|::)\s+")
_ACCOUNT = re.compile(
    r"^(?:admin\w*|administrator|editor|webmaster|staff|user\d*|guest|root|www|web|desk|team"
    r"|redaktion|rédaction|redacción|redazione)$",
    re.I,
)
_ORG_WORDS = re.compile(
    r"\b(?:news|staff|desk|bureau|team|agency|press|reuters|associated|afp|media|editors?|wire"
    r"|service|newsroom|redaktion|rédaction|redacción|times|post|daily|online|digital|network"
    r"|magazine|journal|tribune|herald|gazette|group|inc|ltd)\b",
    re.I,
)
#: News agencies: a byline of only these is an organisation, never a person.
AGENCIES = re.compile(
    r"^(?:the\s)?(?:associated press|ap|reuters|afp|agence france-presse|dpa|ani|pti|ians|xinhua"
    r"|bloomberg|efe|ansa|kyodo|yonhap|tass|upi|press association|pa|aap|apa|sda|anp"
    r")(?:\s(?:staff|news|wire))?$",
    re.I,
)
_ROLE = re.compile(
    r"\b(?:contributor|editor|reporter|writer|correspondent|columnist|staff|journalist|author"
    r"|photographer|producer|senior|chief|view|more|articles|posts|profile|follow)\b",
    re.I,
)
_WEEKDAY = re.compile(
    r"\s(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?$", re.I
)
BYLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:byline|by-line|author|authors|author-name|writer|contributor|creditline"
    r"|auteurs?|autor|autoren|autores|autore|autori|verfasser|firma)"
    r"(?:$|[\s_-])",
    re.I,
)
_DEK_CLASS = re.compile(
    r"(?:^|[\s_-])(?:dek|deck|standfirst|subtitle|sub-title|subhead(?:line)?|subheading|summary"
    r"|lede|lead|excerpt|intro|teaser|description|strapline|sapo|chapo|abstract|synopsis)"
    r"(?:$|[\s_-])",
    re.I,
)
#: What opens a byline: "By", "Text von", "Written by", "Autor:", "Über" (an author box's
#: "About X"), in several languages.
_BY = re.compile(
    r"^(?:(?:(?:text|texte|written|posted|geschrieben|escrito|scritto|écrit)\s+)?"
    r"(?:by|von|par|por|di|da|door|av|af)(?:\s+|(?-i:(?=[A-ZÀ-ÖØ-Þ][a-zß-ÿ])))"
    r"|(?:author|autor|auteur|autore|verfasser|text|texte)\s*:\s*"
    r"|(?:über|about|à propos de|sobre)\s+(?=\w))",
    re.I,
)


_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, str | int | float):
        return unmangled(normalise_line(str(value))) or None
    return None


# -- people -------------------------------------------------------------------------------
#: An author box's link after the name: "Alle Artikel", "All posts", "Voir tous ses articles".
_MORE_LINK = re.compile(
    r"\s+(?:alle (?:artikel|beiträge)|all (?:posts|articles|stories)|view all(?: posts)?"
    r"|voir (?:tous )?(?:ses |les )?articles|todos los artículos|tutti gli articoli)$",
    re.I,
)


def _clean_name(raw: str) -> str:
    name = _MORE_LINK.sub("", _BY.sub("", normalise_line(raw))).strip(" ,;|")
    return name.title() if name.isupper() and len(name) > 3 else name


def classify_names(raw: list[str], orgs: set[str]) -> tuple[list[str], str | None]:
    """Split byline strings into person names and an organisation (agency, desk, the site)."""
    people: list[str] = []
    org = None
    for item in raw:
        name = _WEEKDAY.sub("", _clean_name(item))
        if not name or _ACCOUNT.match(name) or "@" in name or name.startswith("http"):
            continue
        if AGENCIES.match(name):
            org = org or name
            continue
        if _ROLE.search(name) or _mixed_caps(name):
            continue
        parsed = split_names(name) or ([name] if is_person_name(name) else [])
        if parsed and _norm(name) not in orgs and not _ORG_WORDS.search(name):
            people.extend(p for p in parsed if p not in people)
        elif not parsed and word_count(name) <= 6:
            org = org or name
    return people, org


_INITIALS = re.compile(r"^(?:[A-Z]\.-?)+$")


def _mixed_caps(name: str) -> bool:
    """ "Kevin McCoy USA TODAY": capitals-only words after normal ones are an organisation."""
    tokens = name.split()
    # A word in capitals has two letters or more: "L." in "Troy L. Smith" and "R.C." in
    # "R.C. Baker" are initials.
    caps = [
        sum(c.isalpha() for c in t) > 1 and t.isupper() and not _INITIALS.match(t) for t in tokens
    ]
    return any(caps) and not all(caps)


def _ld_people(obj: dict[str, Any], ids: dict[str, dict[str, Any]]) -> tuple[list[str], list[str]]:
    """(person names, organisation names) of a JSON-LD ``author``; ``{"@id": …}`` references
    are looked up in ``ids``. A name typed Person may be a single word ("Regan")."""
    value = obj.get("author") or obj.get("creator")
    items = value if isinstance(value, list) else [value]
    people: list[str] = []
    orgs: list[str] = []
    for item in items:
        if isinstance(item, dict) and "name" not in item and item.get("@id") in ids:
            item = ids[item["@id"]]
        if isinstance(item, dict):
            name = _text(item.get("name"))
            if not name:
                continue
            (orgs if "Organization" in ld_types(item) else people).append(name)
        elif isinstance(item, str) and item.strip():
            people.extend(p.strip() for p in re.split(r"\s*(?:,|;|\band\b)\s*", item) if p.strip())
    return people, orgs


_BYLINE_END = re.compile(r"\s(?:Published|Updated|Posted|Last updated|on)\b.*$|\s[|•·]\s.*$")


def byline_people(text: str, orgs: set[str]) -> list[str]:
    """Person names of a displayed byline ("By X and Y, Agency · Nov 19, 2019")."""
    date = find_date(text)
    if date is not None and date.start > 0:
        text = text[: date.start]
    elif date is not None:  # "11.12.2019 - Name"
        text = text[date.end :]
    text = _BYLINE_END.sub("", text).strip(" ,|-–—·•")
    parsed = parse_byline(text)
    if parsed is None and _BY.match(text):  # an opener parse_byline does not know
        text = _BY.sub("", text)
        parsed = parse_byline(text)
    if parsed is not None:
        return classify_names(parsed[0], orgs)[0] if parsed[0] else []
    return (
        classify_names(re.split(r"\s*(?:,|;|&|\band\b)\s*", text), orgs)[0]
        if is_names(text)
        else []
    )


def is_names(text: str) -> bool:
    return bool(split_names(text)) or is_person_name(text)


# -- title and site -----------------------------------------------------------------------
def strip_site(title: str, site: str | None) -> str:
    """'Headline - Site' / 'Site | Headline' -> 'Headline' (the longest segment)."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        rest = [p for p in parts if _norm(p) != _norm(site)]
        if rest and len(rest) < len(parts):
            return " - ".join(rest) if len(rest) > 1 else rest[0]
    if word_count(parts[-1]) <= 4 and word_count(parts[0]) > word_count(parts[-1]):
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»/")
    if word_count(parts[0]) <= 3 and word_count(parts[-1]) > 3:
        return title[len(parts[0]) :].lstrip(" |-–—:·•»/")
    return title


def _site(m: Markup, page_url: str | None, draft: Draft) -> str | None:
    found = m.first("og:site_name", "application-name", "apple-mobile-web-app-title")
    publisher = m.article.get("publisher") if m.article else None
    pub_name = _text(publisher) if isinstance(publisher, dict | list) else None
    sources = [
        (found[0] if found and found[1] == "og:site_name" else None, 0.8, "og:site_name"),
        (pub_name, 0.75, "json-ld publisher"),
        (found[0] if found and found[1] != "og:site_name" else None, 0.6, found and found[1]),
    ]
    for value, conf, src in sources:
        if value and not value.startswith("http") and len(value) <= 80:
            value = _TITLE_SEPARATORS.split(value)[0]  # "Name | Tagline" -> "Name"
            draft.propose("site_name", value, conf if src != "application-name" else 0.5, str(src))
    if m.title_tag:
        parts = _TITLE_SEPARATORS.split(m.title_tag)
        if len(parts) >= 2 and word_count(parts[-1]) <= 4:
            draft.propose("site_name", parts[-1], 0.55, "<title> suffix")
    host = urlparse(page_url or "").hostname
    if host:
        _named_like_host(m, host, draft)
        draft.propose("site_name", host.removeprefix("www."), 0.2, "host name")
    return draft.best("site_name")


_SEGMENTS = re.compile(r"\s+(?:[|\-–—:·•»/]|::)\s+|:\s+")


def _letters(text: str) -> str:
    return "".join(re.findall(r"[^\W_]+", text.casefold()))


def _named_like_host(m: Markup, host: str, draft: Draft) -> None:
    """When no name found so far spells the host (og:site_name holds a tagline such as
    "Expert advice for riders" on example-ridermag.com), a <title> segment that does
    ("Example Rider") is the publication's name."""
    labels = [x for x in host.casefold().split(".") if x not in ("www", "m", "amp", "news")]
    label = max(labels[:-1] or labels, key=len, default="")
    if len(label) < 5:
        return

    def like(name: str) -> bool:
        key = _letters(name)
        return len(key) >= 5 and (key in label or (label in key and len(key) <= len(label) + 4))

    if any(like(str(c.value)) for c in draft.candidates.get("site_name", ())):
        return
    for part in _SEGMENTS.split(m.title_tag or ""):
        if like(part) and word_count(part) <= 5:
            draft.propose("site_name", part.strip(), 0.85, "<title> segment spelling the host")
            return


_H1 = etree.XPath("//h1")


_HEADINGS = etree.XPath("//h2 | //h3")


def _title(tree: lxml.html.HtmlElement, m: Markup, site: str | None, draft: Draft):
    """The headline: a visible h1 that the markup's title names (the markup's wording when
    the h1 adds a kicker to it), never an h1 that only names the site (a logo); returns the
    heading element the header fields are read after."""
    refs = [
        _text(m.article.get("headline")) if m.article else None,
        (m.first("og:title") or (None,))[0],
        (m.first("twitter:title") or (None,))[0],
        m.title_tag,
        (m.first("dc.title", "headline") or (None,))[0],
    ]
    stripped = [strip_site(r, site) for r in refs if r]
    refs_n = [_norm(r) for r in stripped]
    # what only names the site: its name, and the <title> segments strip_site removed
    site_n = {_norm(p) for p in _TITLE_SEPARATORS.split(m.title_tag or "")} - set(refs_n)
    if site:
        site_n.add(_norm(site))
    h1s = [(h, element_text(h)) for h in _H1(tree)]
    h1s = [(h, t) for h, t in h1s if t and word_count(t) <= 40 and _norm(t) not in site_n]
    whole_n = [_norm(r) for r in refs if r] + refs_n  # with and without the site stripped
    for h, text in h1s:
        n = _norm(text)
        if n and any(n == r or (n in r and len(n) >= 0.6 * len(r)) for r in whole_n):
            draft.propose("title", text, 0.95, "h1 (matches markup)")
            return h
    for h, text in h1s:  # an h1 that adds a kicker or a label to the markup's headline
        n = _norm(text)
        for ref, r in zip(stripped, refs_n, strict=True):
            if n and r and r in n and word_count(ref) >= 3:
                draft.propose("title", ref, 0.95, "markup headline within the h1")
                return h
    # A displayed headline reworded from the markup's still shares many of its words.
    # (against the whole title where stripping the "site" left a word or two of it)
    whole = [r for r in refs if r]
    like = [r if len(r.split()) > 2 else _norm(w) for w, r in zip(whole, refs_n, strict=True)]
    scored = [(max((_overlap(t, r) for r in like), default=0.0), h, t) for h, t in h1s]
    best = max(scored, key=lambda s: s[0], default=None)
    if best is not None and best[0] >= 0.3:
        draft.propose("title", best[2], 0.9, "h1 (like markup)")
        return best[1]
    for value, src in zip(
        refs, ("json-ld headline", "og:title", "twitter:title", "<title>", "meta"), strict=True
    ):
        if value:
            draft.propose("title", strip_site(value, site), 0.85, src)
            break
    if h1s:
        draft.propose("title", h1s[0][1], 0.7, "h1")
        return h1s[0][0]
    # no usable h1: the heading that shows the markup's title anchors the header fields
    return next((h for h in _HEADINGS(tree) if _norm(element_text(h)) in whole_n), None)


def _overlap(text: str, ref: str) -> float:
    a, b = set(_norm(text).split()), set(ref.split())
    return len(a & b) / max(len(a | b), 1)


# -- dek ----------------------------------------------------------------------------------
def _dek(h1: lxml.html.HtmlElement | None, m: Markup, draft: Draft) -> None:
    """The displayed standfirst after the headline: a dek-classed element, or the meta
    description when the page shows it; never the meta description alone."""
    if h1 is None:
        return
    descs = [d for d in (m.all("og:description", "description", "twitter:description")) if d]
    if m.article and _text(m.article.get("description")):
        descs.append(_text(m.article.get("description")) or "")
    descs_n = {_norm(d) for d in descs if d}
    seen = 0
    for el in _following(h1):
        seen += 1
        if seen > 60:
            break
        tag = el.tag
        if tag in ("script", "style", "time", "img", "figure"):
            continue
        # element_text only adds spaces to text_content, so more words here means more there:
        # too long for a dek, and, for a paragraph, the body has started. Saves walking big
        # containers in Python.
        words = len(el.text_content().split(None, 81))  # (stops counting past 81)
        if words > 80:
            if tag == "p":
                return
            continue
        if not words:
            continue
        text = _without_dateline(element_text(el))
        if not text:
            continue
        n = _norm(text) if descs_n else ""
        classy = _DEK_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}") is not None
        if (n in descs_n or classy) and 4 <= word_count(text) <= 80 and tag not in ("a", "li"):
            if BYLINE_CLASS.search(f"{el.get('class', '')}") or not _dek_like(text):
                continue
            if tag == "p" and _starts_run(el) and not _DEK_CLASS.search(el.get("class", "")):
                return  # the meta description copies the article's first paragraph
            draft.propose("subtitle", text, 0.9 if n in descs_n else 0.8, "displayed dek")
            return
        if tag == "p" and word_count(text) > 25:
            return  # the article body has started


def _without_dateline(text: str) -> str:
    """A standfirst without the dateline a child element adds at its end ("… its recovery?
    Monday, 6 January 2020")."""
    found = find_date(text)
    if found is None or found.start < 40 or len(text) - found.end > 12:
        return text
    dek = _LAST_WEEKDAY.sub("", text[: found.start].rstrip(" ,|·•–—-")).rstrip(" ,|·•–—-")
    return dek if dek[-1:] in '.!?…"”»' else text  # a sentence, not "Letters for <date>"


#: A weekday ending a line, before a date cut off after it (several languages).
_LAST_WEEKDAY = re.compile(
    r"(?<![^\W\d_])(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?$"
    r"|(?<![^\W\d_])(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi"
    r"|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado"
    r"|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica),?$",
    re.I,
)


def _starts_run(el: lxml.html.HtmlElement) -> bool:
    """A paragraph followed by another paragraph of the same parent (past empty boxes such
    as ad slots): the body's lead."""
    for nxt in el.itersiblings():
        if not isinstance(nxt.tag, str):
            continue
        if nxt.tag == "p":
            return word_count(nxt.text_content()) >= 8
        if "".join(_VISIBLE_TEXT(nxt)).strip():
            return False
    return False


_VISIBLE_TEXT = etree.XPath(
    "descendant-or-self::text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
)


def _dek_like(text: str) -> bool:
    """Not a byline, a dateline, a caption or a call to action that happens to sit under the
    headline."""
    return not (_BY.match(text) or find_date(text) or not_a_dek(text))


def _following(el: lxml.html.HtmlElement):
    """Elements after ``el`` in document order (not its descendants)."""
    node = el
    while node is not None:
        for sib in node.itersiblings():
            if isinstance(sib.tag, str):
                yield sib
                yield from sib.iterdescendants(etree.Element)
        node = node.getparent()


# -- bylines ------------------------------------------------------------------------------
#: Candidates for a byline: elements with attributes a byline is marked by. Each test on
#: them is one regex in Python; a preselection with contains() in XPath cost more.
_ATTRIBUTED = etree.XPath("//*[@class or @id or @rel or @itemprop]")


def _visible_byline(
    tree: lxml.html.HtmlElement, marked: list[lxml.html.HtmlElement] | None = None
) -> list[str]:
    """Texts of byline-looking elements (class, rel=author, itemprop=author) outside comment
    threads, in document order; ``marked``: those elements, if already found."""
    found: list[str] = []
    for el in _ATTRIBUTED(tree) if marked is None else marked:
        attrs = f"{el.get('class', '')} {el.get('id', '')}"
        if (
            el.get("rel") == "author"
            or el.get("itemprop") == "author"
            or (len(attrs) > 2 and BYLINE_CLASS.search(attrs))
        ):
            text = element_text(el)
            if text and len(text) <= 200 and not _in_comments(el):
                found.append(text)
        if len(found) >= 12:
            break
    return found


#: A label that stands before the author's name in its own element ("Autor:", "By").
_BY_LABEL = re.compile(
    r"^(?:by|von|par|por|author|autor|autorin|auteur|autore|verfasser|text|texte)\s*:?$", re.I
)


def _headline_byline(h1: lxml.html.HtmlElement | None, orgs: set[str]) -> list[str]:
    """People named by a byline line near the headline that no class marks: "By <a>Name</a>",
    "Text von Name", "11.12.2019 - Name", or a label element ("Autor:") and the name after it."""
    if h1 is None:
        return []
    for seen, el in enumerate(_following(h1)):
        if seen > 40:
            break
        if el.tag in ("script", "style", "figure", "img", "a"):
            continue
        full = el.text_content()
        if len(full) > 120:
            if el.tag == "p" and len(full) > 300:
                break  # the article body has started
            continue
        text = normalise_line(" ".join(full.split()))
        if _BY_LABEL.match(text):
            after = " ".join(normalise_line(el.tail or "").split())
            nxt = el.getnext()
            if not after and nxt is not None:
                after = " ".join(nxt.text_content().split())
            people = byline_people(after, orgs) if after else []
        elif _BY.match(text) or (find_date(text) is not None and " - " in text):
            people = byline_people(text, orgs)
        else:
            continue
        if people:
            return people
    return []


def _agency(text: str) -> str | None:
    """The agency a byline names alone ("Associated Press · Nov 19, 2019"), or None."""
    date = find_date(text)
    if date is not None and date.start > 0:
        text = text[: date.start]
    text = _BY.sub("", text.strip(" ,|-–—·•"))
    text = text.strip(" ,|-–—·•")
    return text if AGENCIES.match(text) else None


def _in_comments(el: lxml.html.HtmlElement) -> bool:
    for box in el.iterancestors():
        for name in (box.get("class"), box.get("id")):
            if name and "comment" in name.lower():
                return True
    return False


def _authors(
    tree: lxml.html.HtmlElement,
    h1: lxml.html.HtmlElement | None,
    m: Markup,
    site: str | None,
    draft: Draft,
    marked: list[lxml.html.HtmlElement] | None,
) -> None:
    orgs = {_norm(site)} if site else set()
    shown = _visible_byline(tree, marked)
    # Whole-name bylines first, the one naming most people (and longest) first among those.
    ranked = sorted(
        ((byline_people(t, orgs), t) for t in shown[:3]),
        key=lambda pt: (not is_names(_BY.sub("", pt[1])), -len(pt[0]), -len(" ".join(pt[0]))),
    )
    people = next((p for p, _ in ranked if p), None)
    agency = next((a for a in map(_agency, shown) if a), None)
    if not people:
        # Further down, a person's byline counts only when no agency byline came first:
        # after the story's "Associated Press", a name is a related story's.
        for t in shown[3:]:
            if _agency(t):
                break
            people = byline_people(t, orgs) or None
            if people:
                break
    if not people:
        people = _headline_byline(h1, orgs) or None
    shown_people = bool(people)
    if people:
        draft.propose("authors", people, 0.9, "visible byline")
    elif agency:
        draft.propose("byline_org", agency, 0.9, "visible byline")
        return
    if m.article:
        ids = {o["@id"]: o for o in m.ld if isinstance(o.get("@id"), str)}
        ld_people, ld_orgs = _ld_people(m.article, ids)
        people, org = classify_names(ld_people, orgs)
        single = [
            n
            for n in ld_people
            if n not in people and re.fullmatch(r"[A-Z][a-z]{2,20}", n) and not AGENCIES.match(n)
        ]
        people += [n for n in single if not _ACCOUNT.match(n)]
        if people:
            draft.propose("authors", people, 0.85, "json-ld author")
        elif (ld_orgs or org) and not shown_people:
            draft.propose("byline_org", ld_orgs[0] if ld_orgs else org, 0.6, "json-ld author")
    found = m.first("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
    if found:
        people, org = classify_names(re.split(r"\s*(?:,|;|\band\b)\s*", found[0]), orgs)
        if people:
            draft.propose("authors", people, 0.7, f"meta {found[1]}")
        elif org and not found[0].startswith("http") and not shown_people:
            draft.propose("byline_org", org, 0.5, f"meta {found[1]}")
    if not draft.has("authors") and not draft.has("byline_org"):
        handle = _handle(tree)
        draft.propose("authors", [handle] if handle else None, 0.5, "rel=author link")


_AUTHOR_LINK = etree.XPath("//a[@rel='author']")
#: A CMS account rather than a person's name ("jdadmin", "webteam", "user123").
_ACCOUNT_WORD = re.compile(
    r"admin|editor|webmaster|user|guest|staff|team|desk|redaktion|rédaction|redacción|redazione"
    r"|author|autor|auteur",
    re.I,
)


def _handle(tree: lxml.html.HtmlElement) -> str | None:
    """A blog's one-word author name ("Tobi", "flerche"): the text of its rel=author link, when
    that is the only name the page gives and not an account word ("admin")."""
    for el in _AUTHOR_LINK(tree)[:3]:
        text = _BY.sub("", " ".join(el.text_content().split()))
        if (
            re.fullmatch(r"[^\W\d_][\w.-]{1,30}", text)
            and not _ACCOUNT_WORD.search(text)
            and not AGENCIES.match(text)
            and not _in_comments(el)
        ):
            return text
    return None


# -- dates, language, url, tags -----------------------------------------------------------
_DATE_KEYS = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
_TIME_XPATH = etree.XPath("//time[@datetime]")
#: A teaser card: a heading that links to another page.
_LINKED_HEADING = etree.XPath("descendant::*[self::h2 or self::h3 or self::h4 or self::h5][.//a]")


def _in_teaser(el: lxml.html.HtmlElement) -> bool:
    """``el`` sits in a card of another story (a linked heading beside it, within a few levels,
    with no h1 of the page in that card)."""
    for depth, box in enumerate(el.iterancestors()):
        if depth >= 4 or box.tag in ("body", "main", "article"):
            return False
        if _LINKED_HEADING(box):
            return next(box.iter("h1"), None) is None
    return False


def _in_site_header(el: lxml.html.HtmlElement, headline: lxml.html.HtmlElement | None) -> bool:
    """``el`` sits in the site's header or navigation (a <header> or <nav> outside any
    <article> or <main> that does not hold the headline, when that is known): the date there
    is today's, not the article's."""
    if headline is None:
        return False
    box = None
    for up in el.iterancestors():
        if up.tag in ("article", "main"):
            return False
        if box is None and up.tag in ("header", "nav"):
            box = up
    return box is not None and not any(h is headline for h in box.iter(headline.tag))


#: What says a date is the last change, not the publication ("Updated", "Aktualisiert am",
#: "Mis à jour le"), in several languages.
_UPDATED = re.compile(
    r"\b(?:updated|modified|edited|revised|aktualisiert|geändert|bearbeitet|mis à jour|modifié"
    r"|actualizado|modificado|aggiornat[oa]|modificato|bijgewerkt|gewijzigd|uppdaterad"
    r"|oppdatert|opdateret|zaktualizowano|päivitetty)\b",
    re.I,
)
_YEAR = re.compile(r"\d{4}")
#: A timestamp written for machines (a hidden rich-snippet field), not as a reader is shown one.
_MACHINE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
#: Class words of an element holding the last-modified date (hAtom's "updated").
_UPDATED_CLASS = re.compile(r"updated|modified", re.I)


def _shown_date(
    marked: Sequence[lxml.html.HtmlElement], headline: lxml.html.HtmlElement | None
) -> str | None:
    """The date a date-marked element shows (class words such as "publish-date", or
    itemprop=datePublished): the first that is not an "Updated" line, nor in the site's
    header or another story's card."""
    for el in marked[:20]:
        full = el.text_content()
        if _long(full):
            continue  # a container, not the date line
        found = _date_line(el, full)
        if found is not None and not _in_site_header(el, headline) and not _in_teaser(el):
            return found
    return None


def _long(text: str) -> bool:
    """More than 200 characters of text (about 170 not blank), not counting the template's
    indentation: too long for a date line."""
    if len(text) <= 200:
        return False
    if len(text) > 4000:
        return True  # (a container: not worth counting)
    # (counted in C, with no copy of the text)
    blank = text.count(" ") + text.count("\n") + text.count("\t") + text.count("\r")
    return len(text) - blank > 170


def _date_line(el: lxml.html.HtmlElement, full: str | None = None) -> str | None:
    """The publication date a short element prints, as ISO 8601: not a date an update word
    stands before ("by Last updated 4 Jun 2020, originally created 17 Jun 2019" gives the
    second), nor a machine timestamp, nor one in an element classed as the modified date or
    hidden from the reader."""
    if not _YEAR.search(el.text_content() if full is None else full):
        return None  # (every date find_date reads has a four-digit year: no text walk)
    text = element_text(el)
    for _ in range(3):
        found = find_date(text) if text else None
        if found is None:
            return None
        if not _UPDATED.search(text[: found.start]) and not _MACHINE_TIME.match(text, found.start):
            break
        text = text[found.end :]
    else:
        return None
    if _UPDATED_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}") or _hidden(el):
        return None
    if found.start == 0 and _UPDATED.search(_text_before(el)[-40:]):
        return None  # "Updated <time>…</time>": the label is the parent's
    return found.iso


def _text_before(el: lxml.html.HtmlElement) -> str:
    """The text just before ``el`` in its parent (the previous sibling's tail, or the parent's
    own text)."""
    prev = el.getprevious()
    if prev is not None:
        return prev.tail or ""
    parent = el.getparent()
    return "" if parent is None else parent.text or ""


def _hidden(el: lxml.html.HtmlElement) -> bool:
    """``el`` or a box around it is hidden (display:none, the hidden attribute): machine-read
    markup, not what the reader sees."""
    for box in (el, *el.iterancestors()):
        style = box.get("style")
        if box.get("hidden") is not None or (
            style and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style)
        ):
            return True
    return False


#: A day in a URL path: /2019/01/01/, /2019-01-01-slug (year 19xx/20xx, month, day).
_URL_DAY = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/.\-_]|$)"
)


def url_day(url: str | None) -> str | None:
    """The day a URL path files the article under, as ``YYYY-MM-DD``, or None."""
    found = _URL_DAY.search(urlparse(url or "").path)
    if found is None:
        return None
    return parse_iso(f"{found[1]}-{int(found[2]):02d}-{int(found[3]):02d}")


def _dateline(h1: lxml.html.HtmlElement | None) -> str | None:
    """The date printed near the headline ("April 15, 2019 6:18am", "jueves, 09 enero 2014 -
    10:21 h"): the first short line with a date among the elements that follow the h1, before
    the body has started."""
    if h1 is None:
        return None
    for seen, el in enumerate(_following(h1)):
        if seen > 40 or el.tag in ("article", "main"):
            return None
        if el.tag in ("script", "style", "figure", "img"):
            continue
        full = el.text_content()
        if _long(full):
            if el.tag == "p":  # the article body has started, maybe with a dateline
                return _opening_date(element_text(el))
            continue
        if (found := _date_line(el, full)) is not None:
            return found
    return None


def _opening_date(text: str) -> str | None:
    """The date a paragraph opens with, set off from what follows ("31. Oktober 2023. Drag
    queens are …", "Nov 3, 2020 — The …"): the lead's dateline."""
    found = find_date(text[:60])
    if found is None or found.start > 0 or not re.match(r"\s*[.:|–—-]\s", text[found.end :]):
        return None
    return found.iso


def _shown_day(
    shown: str | None, source: str, page_url: str | None, tree: lxml.html.HtmlElement, draft: Draft
) -> None:
    """The date the page shows where the markup gives none (else htmldate's search); and where
    the markup's is a UTC time within two hours of midnight and the shown day is the day
    before or after, the shown (local) day."""
    found = draft.best("published")
    if found is None and shown is not None:
        draft.propose("published", shown, 0.5, source)
    elif found is None:
        draft.propose("published", searched_date(tree, page_url), 0.3, "htmldate page search")
    elif shown is not None and shown[:10] != found[:10]:
        gap = (date.fromisoformat(shown[:10]) - date.fromisoformat(found[:10])).days
        hour = int(found[11:13]) if len(found) > 13 else 12
        # a local day differs from the UTC one only for a time near midnight
        if re.search(r"(?:Z|\+00:00)$", found) and (
            (gap == 1 and hour >= 22) or (gap == -1 and hour < 2)
        ):
            draft.propose("published", shown, 0.95, f"{source} (markup gives UTC {found})")
        else:
            _markup_day_shown(shown[:10], found, source, page_url, draft)


def _markup_day_shown(
    day: str, found: str, source: str, page_url: str | None, draft: Draft
) -> None:
    """Where the markup names several days (a JSON-LD datePublished, a meta date, a modified
    time) and the page shows one of them as its date (not as an "Updated" line), the shown one
    is the day the publisher presents: a re-published or re-dated article."""
    if url_day(page_url) is not None:
        return  # the URL's day settled it
    for name in ("published", "modified"):
        for cand in draft.candidates.get(name, ()):
            if str(cand.value)[:10] == day:
                draft.propose(
                    "published",
                    cand.value,
                    0.95,
                    f"{cand.source}, the day {source} (not {found[:10]})",
                )
                return
    published = draft.candidates.get("published", ())
    if all(c.source in _GENERIC_DATE for c in published):
        # only a page-level date (a CMS's record date): the story's shown date is more specific
        draft.propose("published", day, 0.95, f"{source} (the markup's only date is {found})")


#: <meta> dates of the page as a document (Dublin Core), not of the article it shows.
_GENERIC_DATE = frozenset(("meta date", "meta dc.date", "meta dcterms.created"))


def _dates(
    tree: lxml.html.HtmlElement,
    m: Markup,
    headline: lxml.html.HtmlElement | None,
    draft: Draft,
) -> None:
    if m.article:
        for key, name in (("datePublished", "published"), ("dateModified", "modified")):
            iso = parse_iso(_text(m.article.get(key)) or "")
            if iso:
                draft.propose(name, iso, 0.85, f"json-ld {key}")
    for key in _DATE_KEYS:
        for value in m.meta.get(key, ()):
            iso = parse_iso(value)
            if iso:
                draft.propose("published", iso, 0.75, f"meta {key}")
                break
    for key in ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified"):
        iso = parse_iso((m.first(key) or ("",))[0])
        if iso:
            draft.propose("modified", iso, 0.75, f"meta {key}")
    for el in _TIME_XPATH(tree)[:5]:
        iso = parse_iso(el.get("datetime", ""))
        if iso and not _in_teaser(el) and not _in_site_header(el, headline):
            draft.propose("published", iso, 0.65, "<time datetime>")
            break


def _url_date(page_url: str | None, draft: Draft) -> None:
    """A day in the URL path is the one the site filed the article under: it wins over markup
    naming another day (a re-publication, or a local time written as UTC shifting the day)."""
    day = url_day(page_url)
    if day is None:
        return
    found = draft.best("published")
    if found is None:
        draft.propose("published", day, 0.6, "url path")
    elif found[:10] != day:
        draft.propose("published", day, 0.9, f"url path (markup says {found})")


def _lang_code(value: str | None) -> str | None:
    code = re.split(r"[-_]", (value or "").strip())[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _language(m: Markup, draft: Draft) -> None:
    draft.propose("language", _lang_code(m.lang), 0.9, "html lang")
    found = m.first("content-language", "og:locale", "dc.language", "language")
    if found:
        draft.propose("language", _lang_code(found[0]), 0.8, f"meta {found[1]}")
    if m.article:
        draft.propose("language", _lang_code(_text(m.article.get("inLanguage"))), 0.85, "json-ld")


def _url(m: Markup, url: str | None, draft: Draft) -> str | None:
    found = m.first("og:url")
    for value, conf, src in (
        (m.canonical, 0.9, "link canonical"),
        (found and found[0], 0.8, "og:url"),
    ):
        if value and not value.startswith(("javascript:", "#")):
            draft.propose("url", urljoin(url or "", value), conf, src)
    return url or draft.best("url")


def _tags(m: Markup, draft: Draft) -> None:
    tags = m.all("article:tag")
    if tags:
        draft.propose("tags", tags, 0.8, "meta article:tag")
        return
    kw = m.article.get("keywords") if m.article else None
    if isinstance(kw, str):
        kw = [k for k in re.split(r"\s*,\s*", kw) if k]
    if isinstance(kw, list) and kw:
        draft.propose(
            "tags", [str(k).strip() for k in kw if str(k).strip()], 0.7, "json-ld keywords"
        )
        return
    found = m.first("news_keywords", "keywords")
    if found:
        draft.propose(
            "tags", [k for k in re.split(r"\s*,\s*", found[0]) if k], 0.6, f"meta {found[1]}"
        )


# -- description and lead image ------------------------------------------------------------
_DESCRIPTION_KEYS = ("og:description", "description", "twitter:description", "dc.description")


def _summary(value: str | None, site: str | None) -> str | None:
    """A description as one line of text (some CMSs put HTML in it); None when it only names
    the site, alone or with its tagline (a site-wide default, not this page's summary)."""
    if not value:
        return None
    if "<" in value and ">" in value:
        value = lxml.html.fragment_fromstring(value, create_parent="div").text_content()
    value = " ".join(value.split())
    if _ENTITY.search(value):  # escaped twice in the page ("F&amp;uuml;r"): what it means
        value = " ".join(html.unescape(value).split())
    if not value or (site and _norm(_TITLE_SEPARATORS.split(value)[0]) == _norm(site)):
        return None  # the site's name, or its name and tagline ("Site - the portal for …")
    return value


#: An HTML character reference left in text the parser already decoded.
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}\d?|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});")


def _description(m: Markup, site: str | None, draft: Draft) -> None:
    """The page's own summary: what it gives for sharing (OpenGraph), its meta description, its
    Twitter card, Dublin Core, the JSON-LD article's description, in that order; when they
    differ, the text most of them agree on; but the meta description where the sharing text is
    another text about the same story, and of two the markup gives for one key, the one the
    page shows as its dek."""
    found: list[tuple[str, str]] = []
    for key in _DESCRIPTION_KEYS:
        summary = next(filter(None, (_summary(v, site) for v in m.all(key))), None)
        if summary:
            found.append((summary, f"meta {key}"))
    if m.article:
        summary = _summary(_text(m.article.get("description")), site)
        if summary:
            found.append((summary, "json-ld description"))
    votes = [sum(_norm(v) == _norm(w) for w, _ in found) for v, _ in found]
    for i, (summary, source) in enumerate(found):
        agreed = f" (as {votes[i]} sources say)" if votes[i] > 1 else ""
        draft.propose("description", summary, 0.6 + 0.05 * votes[i] - 0.01 * i, source + agreed)
    dek = draft.best("subtitle")
    every = _all_summaries(m, site) if dek else []
    shown = next((v for v in every if _norm(v) == _norm(dek)), None)
    if shown and len(every) > len(found):
        # a page carrying two meta descriptions (or two og:description): its own is the one
        # it shows under the headline
        draft.propose("description", shown, 0.95, "markup description shown as the dek")
        return
    shared = next((v for v, src in found if src == "meta og:description"), None)
    meta = next((v for v, src in found if src == "meta description"), None)
    if shared and meta and not _same_text(shared, meta) and _about(meta, shared):
        # Two texts: the search summary describes the page; the sharing one is often a hook
        # (a quote, the dek, a byline, the body's first lines).
        draft.propose("description", meta, 0.9, "meta description (og:description says another)")


def _all_summaries(m: Markup, site: str | None) -> list[str]:
    """Every description the markup gives (a page may carry two meta descriptions)."""
    found = [_summary(v, site) for v in m.all(*_DESCRIPTION_KEYS)]
    return [v for v in found if v]


_CUT = re.compile(r"\s*(?:…|\.\.\.|\[…\]|\(\.\.\.\))\s*$")


def _about(text: str, other: str) -> bool:
    """``text`` shares two words of four letters or more with ``other`` (the other summary):
    not the site's default description ("Online portal for news in …")."""
    words = {w for w in _norm(other).split() if len(w) >= 4}
    return len(words.intersection(_norm(text).split())) >= 2


_LINK = re.compile(r"\bhttps?://\S+")


def _same_text(a: str, b: str) -> bool:
    """One text cut shorter from the other (its words, the last maybe broken off, open it;
    links left out)."""
    wa = _norm(_CUT.sub("", _LINK.sub("", a))).split()
    wb = _norm(_CUT.sub("", _LINK.sub("", b))).split()
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return short[:-1] == long[: len(short) - 1] and (
        not short or long[len(short) - 1].startswith(short[-1])
    )


_IMAGE_KEYS = (
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
    "image",
    "thumbnailurl",
)


def _ld_image(value: Any) -> str | None:
    """A JSON-LD ``image``: a URL, an ImageObject (``url``/``contentUrl``) or a list of those."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _image(m: Markup, page_url: str | None, draft: Draft) -> None:
    """The lead image the page names for sharing (the article's first figure is the fallback,
    see assemble.py)."""
    found = m.first(*_IMAGE_KEYS)
    ld = _ld_image(m.article.get("image")) if m.article else None
    for value, conf, src in ((found and found[0], 0.8, f"meta {found and found[1]}"),
                             (ld, 0.7, "json-ld image")):  # fmt: skip
        if value and not value.startswith("data:"):
            draft.propose("image", urljoin(page_url or "", value), conf, src)


def read_metadata(
    tree: lxml.html.HtmlElement,
    m: Markup,
    url: str | None,
    draft: Draft,
    bylines: list[lxml.html.HtmlElement] | None = None,
    dates: Sequence[lxml.html.HtmlElement] = (),
) -> str | None:
    """Propose every metadata field the page's markup and header show; return the page URL.
    ``bylines``: the byline-marked elements, if already found (see marks.py); ``dates``: the
    date-marked ones, read when the markup gives no publication date."""
    page_url = _url(m, url, draft)
    site = _site(m, page_url, draft)
    h1 = _title(tree, m, site, draft)
    _dek(h1, m, draft)
    _description(m, site, draft)
    _image(m, page_url, draft)
    _authors(tree, h1, m, site, draft, bylines)
    _dates(tree, m, h1, draft)
    _url_date(page_url, draft)
    near = _dateline(h1)
    marked = _shown_date(dates, h1) if near is None or len(near) <= 10 else None
    if near is not None and not (marked and marked[:10] == near[:10] and len(marked) > len(near)):
        _shown_day(near, "dateline near the headline", page_url, tree, draft)
    else:  # (also when it prints the dateline's day with the time)
        _shown_day(marked, "date shown on the page", page_url, tree, draft)
    _language(m, draft)
    _tags(m, draft)
    return page_url
