"""Line facts read the same in the pure and the compiled build (the suite runs on both)."""

from __future__ import annotations

import pytest

from clipclean.shape import Facts, is_person_name, lower


@pytest.mark.parametrize(
    "text", ["ΟΔΟΣ ΚΑΙ ΝΟΜΟΣ", "Ο ΚΟΣΜΟΣ, ΣΗΜΕΡΑ", "İSTANBUL", "Straße ẞ", "plain ascii", "ΣΑΣ"]
)
def test_lower_is_cpythons_lowercasing(text: str) -> None:
    # mypyc's own ``str.lower`` gives "οδοσ" for "ΟΔΟΣ": the word-final sigma rule is lost.
    assert lower(text) == str.lower(text)


def test_a_lines_lowercase_keeps_the_final_sigma() -> None:
    assert Facts("ΟΔΟΣ ΚΑΙ").low == "οδος και"


def test_a_word_longer_than_any_names_part_makes_no_persons_name() -> None:
    assert not is_person_name("FINA Weltmeisterschaften VERSCHOBEN")
    assert is_person_name("Arian Schlichenmayer")  # 14 letters: a name's part can be long
    assert is_person_name("Sabine Leutheusser-Schnarrenberger")  # each part under the limit
