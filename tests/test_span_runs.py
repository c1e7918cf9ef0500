"""The text path's article run against the long non-articles that used to outweigh a short
article: a tag cloud, a footer's row of fields, a list of teasers."""

from __future__ import annotations

import clipclean
from clipclean.shape import Facts
from clipclean.stages.listing import is_field_row, is_label_cloud
from clipclean.stages.span import _is_button

SHORT = [
    "Heavy snow on solar panels lowers their output and can bend the frames of older modules.",
    "Owners should not climb onto the roof themselves, the installers' association warned.",
]
TAGS = (
    "Aachen Agfa Vista 400 Australien Berlin Carl Chuck CineStill 800 T Deutschland Eastman "
    "5222 Filmswap Fujifilm Hamburg Ilford Delta 100 Ilford FP4 Karlsruhe Kodak Portra 400 "
    "Kodak Tri-X Nikon FE Oliver PENTAX K1000 PENTAX MX Rollei Redbird Shuji Ultrafine USA Walter"
)
FOOTER = (
    "© Example Media AG | Main Street 31-33 | PO Box | 4450 Sample Town | Phone 061 976 10 10 "
    "| Fax 061 976 10 11 | info@example.ch | Imprint | Privacy | Terms of use | Contact us."
)
TEASERS = [
    "Wind farms change the landscape",
    "The turbines can be seen from far away, and the villages around them argue about it.",
]


def body(lines: list[str]) -> str:
    return clipclean.clean("\n".join(lines) + "\n", kind="text").body


def test_a_tag_cloud_is_not_the_article() -> None:
    got = body(["Snow on solar panels", *SHORT, "Tags", TAGS])
    assert SHORT[0] in got and "Ilford" not in got


def test_a_row_of_fields_is_not_the_article() -> None:
    got = body(["Snow on solar panels", *SHORT, "Subscribe", "Log in", FOOTER])
    assert SHORT[0] in got and "PO Box" not in got


def test_a_list_of_teasers_is_not_the_article_however_long() -> None:
    records = []
    for k in range(8):
        records += [f"{TEASERS[0]} {k}", TEASERS[1], "News"]
    got = body(["Snow on solar panels", *SHORT, "Photo: A. Smith", *records])
    assert SHORT[0] in got and TEASERS[1] not in got


def test_prose_and_credits_are_not_listings() -> None:
    # German prose capitalises its nouns, a credits line separates names with commas
    prose = (
        "Die Lagerung in verschiedenen Fasstypen steht bei der Brennerei im Mittelpunkt und "
        "die Besucher probieren Whiskies aus vielen Regionen der Welt an einem langen Abend"
    )
    credits = (
        "Choreographer Jeong Hye Jin, Director Oh Kyeong Taek, Writer Kim Min Jung, Composer "
        "Park Ji Hoon, Lighting Lee Soo Min, Costumes Han Ye Seul, Props Choi Woo Sik"
    )
    assert not is_label_cloud(prose) and not is_label_cloud(credits)
    assert is_label_cloud(TAGS) and is_field_row(FOOTER)
    assert not is_field_row("Hamburg | Berlin")  # (two pieces: a headline's kicker)


def test_a_bare_list_of_words_is_not_prose() -> None:
    labels = " ".join(["adote um amigo agua alerta ambiente amizade atendimento"] * 6)
    assert is_label_cloud(labels)
    assert not is_label_cloud(labels[:120])  # (a short line without marks is a headline)


def test_prose_after_the_article_loses_to_the_article_before_it() -> None:
    menu = [f"Section {k}" for k in range(12)]
    bio = [
        "Jane Doe has written about energy and climate for this newspaper since 2009, and "
        "before that she reported on farming and rural life for a regional weekly.",
        "She studied physics in Munich and lives with her family and two cats near the coast, "
        "where she grows vegetables and tries, mostly in vain, to keep the snails away.",
    ]
    share = [
        "Share",
        "Facebook",
        "Twitter",
        "Email",
        "Print",
        "Subscribe",
        "Login",
        "Jobs",
        "Archive",
        "Weather",
    ]
    more = "Insurers said most policies cover the damage, but only if the panels were inspected."
    got = body([*menu, "Snow on solar panels", *SHORT, more, *share, "About the author", *bio])
    assert SHORT[0] in got and "snails" not in got


def test_lone_teasers_after_the_article_end_it() -> None:
    paras = [
        *SHORT,
        "Insurers said most policies cover the damage, but only if the panels were inspected.",
        *(p.replace("Heavy", "Wet").replace("Owners", "Tenants") for p in SHORT * 3),
    ]
    teasers = []
    for k, topic in enumerate(("heat pumps", "wind farms", "grid fees")):
        teasers += [
            f"New rules for {topic}",
            f"0{k + 1}.09.2021",
            f"The government wants to change how {topic} are funded, the opposition said.",
        ]
    got = body(["Snow on solar panels", *paras, "Share", "Print", *teasers])
    assert paras[-1] in got and "opposition" not in got


def test_lone_teasers_after_an_interview_s_last_answer_end_it() -> None:
    # the article closes on a lone paragraph (the last answer, after the speaker's name): the
    # teasers after it still go, three of them; two might be the article's last sections
    paras = [
        *SHORT,
        "Insurers said most policies cover the damage, but only if the panels were inspected.",
        *(p.replace("Heavy", "Wet").replace("Owners", "Tenants") for p in SHORT * 6),
        "Jane Doe",
        "We tell every owner to wait until the sun has melted the snow off the panels again.",
    ]
    teasers = []
    for k, topic in enumerate(("heat pumps", "wind farms", "grid fees", "meters")):
        teasers += [
            f"New rules for {topic}",
            f"0{k + 1}.09.2021",
            f"The government wants to change how {topic} are funded, the opposition said.",
        ]
    got = body(["Snow on solar panels", *paras, *teasers])
    assert paras[-1] in got and "opposition" not in got
    # two such sections closing an article stay: a subhead and a credit before each
    sections = teasers[: 2 * 3]
    got = body(["Snow on solar panels", *paras, *sections])
    assert "opposition" in got


def test_a_last_section_after_a_subhead_stays() -> None:
    paras = [*SHORT, "A subhead", SHORT[0].replace("Heavy", "Wet"), "Another", SHORT[1]]
    got = body(["Snow on solar panels", *paras])
    assert "Wet snow" in got and got.endswith(SHORT[1])


def test_a_row_of_buttons_closing_the_article_goes() -> None:
    for row in (["Pass it on to your friends:", "Mastodon", "Bluesky"], ["Teilen Sie dies mit:"]):
        assert body(["Snow on solar panels", *SHORT, *row]).endswith(SHORT[1])
    # (a recipe's closing facts are no buttons)
    assert _is_button(Facts("Per E-Mail senden")) and not _is_button(Facts("390 kcal"))


def test_a_menu_printed_twice_closing_the_article_goes() -> None:
    # a paywall's offers after the article's last prose: the same items for each offer
    offers = ["Choose your access and read on:"]
    for name in ("Digital access", "Print and digital"):
        offers += [name, "Every article on the site", "The paper as an app and e-paper"]
    assert body(["Snow on solar panels", *SHORT, *offers]).endswith(SHORT[1])
    # an article's own closing list names each item once: it stays
    items = ["What we liked about it:", "The bright display in the sun", "The long battery life"]
    items += ["The low price for a panel"]
    assert body(["Snow on solar panels", *SHORT, *items]).endswith("The low price for a panel")


def test_headlines_ending_in_a_quotation_are_not_prose() -> None:
    names = ("Minister", "Farmers", "Mayor", "Union")
    quoted = [
        f'{n} in the big interview: "There is still a great deal left for us to do"' for n in names
    ]
    share = ["Share", "Facebook", "Twitter", "Email", "Print", "Jobs", "Archive", "Weather"]
    got = body(["Snow on solar panels", *SHORT, *share, "Most discussed", *quoted])
    assert SHORT[0] in got and "interview" not in got


def test_a_bulleted_list_between_paragraphs_stays_in_the_article() -> None:
    """A list of ingredients under a heading, with prose before and after it, is the article's:
    the run crosses it (its items are short and capitalised like a menu's)."""
    intro = "The cake is a layer of sponge, cherries and a cream that sets overnight in the fridge."
    steps = [
        "Beat the eggs with the sugar until pale, then fold in the flour and the cocoa powder.",
        "Bake for forty minutes, let it cool completely and spread the cream over the cherries.",
    ]
    items = [f"* {x}" for x in ("1 pack custard powder", "350 g Sugar", "Salt", "5 Eggs")]
    items += [f"* {x}" for x in ("200 g Cream", "Cling Film", "Butter", "Flour", "Cocoa")]
    got = body(["Snow White cake", intro, "Ingredients", *items, "Method", *steps])
    assert intro in got and steps[1] in got
    assert "* Cling Film" in got and "* 350 g Sugar" in got


def test_a_menu_at_the_top_is_not_taken_in() -> None:
    menu = [f"* {x}" for x in ("Home", "News", "Sport", "Weather", "Contact", "Log in")]
    got = body(["Example Daily", *menu, "Snow on solar panels", *SHORT, *SHORT])
    assert SHORT[0] in got and "* Weather" not in got


LEAD = [
    "The league table after the tenth round shows the champions well clear of the chasing pack.",
]
BODY = [
    "The champions have not lost since August and the coach said the squad was in good shape.",
    "Their next match is away at the newly promoted side, who have won four games in a row.",
    "The club expects a full stadium and has asked supporters to arrive early on Saturday.",
]


def test_a_table_broken_one_cell_a_line_does_not_split_the_article() -> None:
    # a dump puts each cell of a table on its own line: team, played, points, ...
    cells = ["Team", "Played", "Points"]
    for name, played, points in [
        ("Rovers", 10, 25),
        ("United", 10, 21),
        ("City", 10, 18),
        ("Athletic", 10, 15),
        ("Wanderers", 10, 12),
    ]:
        cells += [name, str(played), str(points)]
    got = body(["Rovers stay top", *LEAD, *cells, *BODY])
    assert LEAD[0] in got and BODY[-1] in got and "Wanderers" in got


def test_a_menu_between_paragraphs_is_not_a_table() -> None:
    menu = ["Home", "News", "Sport", "Weather", "Video", "Contact", "Newsletter", "Login"]
    got = body(["Rovers stay top", *LEAD, *menu, *BODY])
    assert BODY[-1] in got and "Newsletter" not in got


def test_a_table_broken_unevenly_does_not_split_the_article() -> None:
    # some rows on one line, some a cell a line, a group label between them
    table = [
        "Up to 4 years",
        "Alpha Seat Plus 370 € yes 1,7",
        "Beta Seat 210 € no 4,9",
        "Gamma Fix",
        "500 €",
        "yes",
        "2,1",
        "Up to 12 years",
        "Delta Seat Isofix 139 €",
        "yes",
        "2,7",
    ]
    got = body(["Seats tested", *LEAD, *table, *BODY])
    assert LEAD[0] in got and BODY[-1] in got and "Gamma Fix" in got


def test_headlines_with_share_counts_are_not_a_table() -> None:
    teasers = []
    for k in range(4):
        teasers += [f"Council approves the new budget for roads {k}", f"{k + 12}98 shares"]
    got = body(["Rovers stay top", *LEAD, *BODY, *teasers, *BODY[:1]])
    assert LEAD[0] in got and "shares" not in got


def test_a_broken_table_after_captions_and_key_points_still_joins_the_lead() -> None:
    table = [
        "Alpha Seat Plus 370 € yes 1,7",
        "Beta Seat 210 € no 4,9",
        "Gamma Fix",
        "500 €",
        "yes",
        "2,1",
        "Delta Seat Isofix 139 €",
        "yes",
        "2,7",
        "Epsilon Seat 189 € yes 5,5",
        "Zeta Seat i-Size 450 € yes 3,0",
        "Eta Seat 350 € no 4,9",
        "Theta Seat + Base 220 € yes 2,1",
    ]
    between = [
        "Test overview from above",
        "* Eleven seats are good",
        "* Four fail because of harmful substances",
        "Results",
    ]
    got = body(["Seats tested", *LEAD, *between, *table, *BODY])
    assert LEAD[0] in got and BODY[-1] in got
