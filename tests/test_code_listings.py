"""A code listing that a soup-style dump broke into one token a line is part of the article
around it: the run crosses it instead of ending at it (a menu between two texts is not one)."""

from __future__ import annotations

import clipclean
from clipclean.shape import Facts
from clipclean.stages.code_listings import is_code_token

BEFORE = [
    "I had the opportunity to give a talk about testing during which I met a nightmare: a test "
    "that passed on its own and failed in the suite, in front of the whole audience.",
    "It was my second talk and I chose the same format as before. I started with a few slides "
    "and then ran the tests of a small project live, one after the other, without trouble.",
    "When I ran the whole suite at the end, one test failed. The test was simple enough; here "
    "is what it looked like, with the settings it changed for the occasion.",
]
AFTER = [
    "It seemed pretty isolated to me. The test gets its own browser and there is no file system "
    "work at all, so the failure had to come from something shared between the tests.",
    "The cause was a cache of the file finders that lived across the tests: once the first test "
    "had filled it, the changed setting of the second one was never read again.",
]
#: The listing as a soup-style dump prints it: every highlighted token on its own line.
LISTING = (
    "import|os|from|django.conf|import|settings|from|django.test.utils|import|override_settings"
    "|@override_settings|(|STATIC_DIRS|= ( os.|path.|join ( os.|path.|dirname|(__file__), 'static'))"
    "|class|QunitTests|(LiveServerTestCase):|def|setUp (self):|self.|browser = webdriver.|Firefox"
    "|()|super ().|setUp|()|def|test_qunit (self):|self.|browser.|get ( self.|live_server_url)"
    "|results|=|self.|browser.|find_element|( 'results').|text|self.|assertTrue|( results)"
).split("|")


def body(lines: list[str]) -> str:
    return clipclean.clean("\n".join(lines) + "\n", kind="text").body


def test_a_listing_broken_into_tokens_does_not_split_the_article() -> None:
    menu = ["Home", "Blog", "Services", "About us", "Contact"]
    got = body(
        [*menu, "A test that failed only in the suite", *BEFORE, *LISTING, *AFTER, "Imprint"]
    )
    assert BEFORE[0] in got and AFTER[-1] in got
    assert "Services" not in got


def test_a_menu_between_two_texts_still_ends_the_run() -> None:
    menu = [
        "Home", "Blog", "Services", "Our Work", "Case Studies", "Careers", "Events", "Talks",
        "Ebooks", "Press", "Newsletter", "Contact Us", "Privacy Policy", "Terms of Use",
        "Sitemap", "Follow Us", "Twitter", "Github", "Facebook", "LinkedIn",
    ]  # fmt: skip
    got = body(["A test that failed only in the suite", *BEFORE, *menu, AFTER[0]])
    assert BEFORE[0] in got and AFTER[0] not in got


def test_code_tokens_are_told_from_labels_urls_and_rules() -> None:
    for text in ("import", "django.conf", "self.", "(__file__),", "@classmethod", "x = 1"):
        assert is_code_token(Facts(text)), text
    for text in ("Home", "Contact Us", "https://example.org/a.b", "________", "2019", "Post date"):
        assert not is_code_token(Facts(text)), text
