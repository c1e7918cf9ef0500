"""The text path's article run keeps what a page put between the parts of its article: a lead
cut off from the body by a box of products or job ads."""

from __future__ import annotations

import clipclean

LEAD = [
    "Electric toys keep a cat busy while its owners are at work. We tested nine electric cat "
    "toys over a month. Which electric toy suits your cat depends on its temper and its age.",
]
BODY = [
    "An electric toy moves by itself: a ball that rolls, a mouse that runs, a feather that "
    "turns on a rod. Most electric toys run on batteries, a few charge over a USB cable.",
    "Cats that are alone for long hours profit most. A toy with a timer starts on its own "
    "while the cat is alone and stops before the battery runs flat, so its temper stays calm.",
    "Cats that are old or heavy need a slow toy: a fast ball frightens them. Which toy suits "
    "your cat, then, is best found by watching it play with a string for a few minutes.",
]


def box(k: int) -> list[str]:
    """A box of products: name, fields, a price and a button, again and again."""
    out = []
    for i in range(k):
        out += [f"Product {i}", "Material", "Plush, cotton", "Size", f"{10 + i} cm", "Buy now"]
    return out


def body(lines: list[str]) -> str:
    return clipclean.clean("\n".join(lines) + "\n", kind="text").body


def test_a_lead_cut_off_by_a_box_of_products_stays_and_the_box_goes() -> None:
    menu = ["Home", "Cats", "Dogs", "Toys", "Food", "Health", "Shop", "Offers", "Help", "About"]
    got = body([*menu, "Electric toys for cats", *LEAD, *box(8), *BODY, "Imprint"])
    assert LEAD[0] in got and BODY[0] in got
    assert "Buy now" not in got and "Plush, cotton" not in got


def test_what_stands_between_lead_and_body_in_the_articles_words_is_the_article() -> None:
    # the toys compared, one by one: the lines use the article's words, no box of something else
    compared = []
    for name in ("Rolling ball", "Running mouse", "Feather rod"):
        compared += [name, "electric, battery", f"{name}: suits an older cat with a calm temper"]
    menu = ["Home", "Cats", "Dogs", "Toys", "Food", "Health", "Shop", "Offers", "Help", "About"]
    got = body([*menu, "Electric toys for cats", *LEAD, *compared * 3, *BODY, "Imprint"])
    assert LEAD[0] in got and BODY[0] in got
    assert "Feather rod: suits an older cat with a calm temper" in got


def test_a_blurb_on_another_topic_before_a_menu_is_not_a_lead() -> None:
    blurb = (
        "Our newsletter brings the week's offers to your inbox every Friday morning. "
        "Subscribe today and never miss a discount on garden furniture again."
    )
    menu = ["Home", "Cats", "Dogs", "Toys", "Contact", "Offers", "Shop", "Help", "Account"]
    got = body([*menu, blurb, *box(8), "Electric toys for cats", *BODY, "Imprint"])
    assert BODY[0] in got and "newsletter" not in got


STORY = [
    "Once in a while I cook without meat, and this stir fry of flat rice noodles is the dish I "
    "come back to. The tofu takes the longest, so fry it first and let it drain well.",
    "The sauce is sweet and salty at once, and the noodles soak it up in a minute. Serve it "
    "hot, with chillies on the side for those who like it sharp and a lime to squeeze.",
]


def test_a_recipe_card_after_the_story_stays() -> None:
    card = [
        "Servings", "2", "Prep time", "10", "minutes",
        "Ingredients",
        "1/2 block of tofu, diced", "120 g flat rice noodles", "1 tbsp minced garlic",
        "Some beansprouts", "2 tsp dark soya sauce", "1 tsp sugar",
        "Directions",
        "Dice the tofu and fry it until golden.",
        "Fry the garlic in the oil left in the wok until fragrant.",
        "Add the noodles and the sauce.",
        "Stir to mix well and serve hot.",
    ]  # fmt: skip
    menu = ["Home", "Recipes", "Travel", "Reviews", "About", "Contact", "Shop", "Search"]
    got = body([*menu, "Vegan stir fried noodles", *STORY, *card, "Related", "Leave a comment"])
    assert STORY[0] in got
    assert "120 g flat rice noodles" in got and "Fry the garlic in the oil left in the wok" in got


def test_a_menu_naming_ingredients_does_not_make_a_card() -> None:
    menu = ["Home", "Ingredients", "Methods", "Travel", "About", "Contact", "Shop", "Search"]
    got = body([*menu, "Vegan stir fried noodles", *STORY, "Related", "Leave a comment"])
    assert STORY[0] in got and "Methods" not in got and "Travel" not in got


def test_a_recipe_card_with_a_long_header_of_fields_stays() -> None:
    header = [
        "Recipe by the author", "Course:", "Main", "Cuisine:", "Chinese", "Difficulty:", "Easy",
        "Servings", "1", "servings", "Prep time", "10", "minutes", "Cooking time", "30",
        "minutes",
    ]  # fmt: skip
    card = [
        "Ingredients", "120 g flat rice noodles", "1 tbsp minced garlic", "Some beansprouts",
        "Directions",
        "Dice the tofu and fry it until golden.",
        "Fry the garlic in the oil left in the wok until fragrant.",
        "Add the noodles and the sauce, stir to mix well and serve hot with the chillies.",
    ]  # fmt: skip
    menu = ["Home", "Recipes", "Travel", "Reviews", "About", "Contact", "Shop", "Search"]
    got = body([*menu, "Vegan stir fried noodles", *STORY, "Pin", "Print", *header, *card,
                "Related", "Leave a comment"])  # fmt: skip
    assert STORY[0] in got and "Fry the garlic in the oil left in the wok" in got


def test_a_lead_after_an_unrelated_blurb_is_still_found() -> None:
    # the best run before the article is the site's blurb; the lead is the nearer one after it
    blurb = (
        "Our newsletter brings the week's offers to your inbox every Friday morning. Subscribe "
        "today and never miss a discount on garden furniture, barbecues and parasols again. "
        "We send no more than one letter a week and you can leave whenever you like."
    )
    menu = ["Home", "Cats", "Dogs", "Toys", "Food", "Health", "Shop", "Offers", "Help", "About"]
    more = ["Contact", "Imprint", "Privacy", "Jobs", "Press", "Login", "Blog", "Shops", "FAQ"]
    more += ["Delivery", "Returns", "Vouchers"]
    rest = [
        "A toy that hides a treat keeps a clever cat busy for longer than one that only moves. "
        "Fill it with dry food, not with fish, and wash it once a week in warm water.",
        "None of the toys replaces an owner who plays. Ten minutes with a string in the "
        "evening tire a young cat more than an hour with the best electric ball on the market.",
    ]
    page = [*menu, blurb, *more, "Electric toys for cats", *LEAD, *box(8), *BODY, *rest]
    got = body([*page, "Imprint"])
    assert LEAD[0] in got and BODY[0] in got and "newsletter" not in got
    assert "Buy now" not in got


def test_recipe_steps_with_labels_and_captions_between_them_stay() -> None:
    card = ["Ingredients", "120 g flat rice noodles", "1 tbsp minced garlic", "Method"]
    steps = []
    for k, step in enumerate(
        [
            "Fry the tofu well.",
            "Fry the garlic until golden.",
            "Add the noodles now.",
            "Serve them very hot.",
        ],
        1,
    ):
        steps += [f"Step {k}", step, f"Vegan stir fried noodles - step {k}"]
    menu = ["Home", "Recipes", "Travel", "Reviews", "About", "Contact", "Shop", "Search"]
    got = body([*menu, "Vegan stir fried noodles", *STORY, *card, *steps, "Related", "Tags"])
    assert (
        STORY[0] in got and "Fry the garlic until golden." in got and "Serve them very hot." in got
    )


def test_a_table_with_two_rows_on_one_long_line_does_not_split_the_article() -> None:
    table = [
        "Alpha Seat Plus 370 € yes 1,7", "Beta Seat 210 € no 4,9", "Gamma Fix", "500 €", "yes",
        "2,1", "Delta Seat Isofix 139 €", "yes", "2,7",
        # two rows the page printed on one line: longer than a row, but full of figures
        "Epsilon Seat with its own base 350 € no 4,9 Zeta Seat Isofix 189 € yes 5,5 1 to 4 years",
        "Eta Seat", "300 €", "yes", "2,1", "Theta Seat", "190 €", "yes", "1,7",
    ]  # fmt: skip
    menu = ["Home", "Cars", "Travel", "Tests", "About", "Contact", "Shop", "Search"]
    got = body([*menu, "Child seats tested", *LEAD, *table, *BODY, "Imprint"])
    assert LEAD[0] in got and BODY[-1] in got and "Gamma Fix" in got


def test_a_copyright_line_closing_the_article_does_not_hand_the_run_to_teasers() -> None:
    notice = "Copyright 2023 Example Media Inc. All rights reserved. Do not republish."
    teasers = []
    for k in range(6):
        teasers += [
            f"Best deals of the week number {k}",
            f"Holiday / {k + 10} mins ago",
            "We have gathered some of the best deals on electronics, toys and kitchen gear "
            "from this week's sales, so that you do not have to look for them yourself again.",
        ]
    menu = ["Home", "Cats", "Dogs", "Toys", "Food", "Health", "Shop", "Offers", "Help", "About"]
    got = body([*menu, "Electric toys for cats", *LEAD, *BODY, notice, "Read next", *teasers])
    assert LEAD[0] in got and BODY[-1] in got and "best deals" not in got


MENU = ["Home", "Cats", "Dogs", "Toys", "Food", "Health", "Shop", "Offers", "Help", "About"]
FOOTER = ["Related", "Imprint", "Privacy", "Contact", "Jobs", "Press"]


def test_a_question_opening_the_article_stays() -> None:
    # a question of a few words scores nothing: the run of most prose starts after it
    got = body([*MENU, "Electric toys for cats", "Which toy suits which cat?", *BODY, *FOOTER])
    assert "Which toy suits which cat?" in got and BODY[0] in got


def test_a_headline_that_asks_a_question_is_still_the_title() -> None:
    # the question before the article is the headline when nothing else is: it is lifted
    # before the lines left before the article are read
    question = "Which toy suits which cat?"
    got = clipclean.clean("\n".join([*MENU, question, *BODY, *FOOTER]) + "\n", kind="text")
    assert got.title == question and question not in got.body and BODY[0] in got.body


def test_a_sentence_broken_at_its_links_after_the_last_paragraph_stays() -> None:
    # soup style: each link's text on its own line ("Whoever finds" / "balls" / ...); joined
    # as far as the text can tell, three pieces are left, short but for the first
    pieces = ["Whoever finds", "balls", "too dull for their cat should have a look at the toys of"]
    pieces += ["Acme Pets", ",", "Happy Paws", "or", "Birdie", "in the shop instead."]
    got = body([*MENU, "Electric toys for cats", *LEAD, *BODY, *pieces, *FOOTER])
    assert "have a look at the toys of Acme Pets" in got and "Happy Paws" in got
    assert "or Birdie in the shop instead." in got and BODY[-1] in got and "Imprint" not in got


def test_a_sentence_broken_before_the_first_paragraph_stays() -> None:
    pieces = ["In this article, I explain how to", "choose an electric toy for a cat that lives"]
    pieces += ["in", "Berlin", "."]
    got = body([*MENU, "Electric toys for cats", *pieces, *BODY, *FOOTER])
    assert "how to choose an electric toy" in got and "in Berlin." in got and BODY[0] in got


def test_short_lines_after_the_article_that_close_no_sentence_still_go() -> None:
    after = ["Read the test of", "Acme Pets", "and of", "Birdie"]  # (no sentence closes)
    got = body([*MENU, "Electric toys for cats", *LEAD, *BODY, *after, *FOOTER])
    assert BODY[-1] in got and "Read the test of" not in got
