"""Datelines in several languages -> ISO 8601, with real zone offsets."""

from __future__ import annotations

import pytest

from clipclean.dates import find_date, time_only


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Sept. 19, 2025, 2:15 a.m. ET", "2025-09-19T02:15:00-04:00"),
        ("Updated 3:42 PM EST, March 4, 2024", "2024-03-04T15:42:00-05:00"),
        ("Tue 19 Nov 2019 06.00 GMT", "2019-11-19T06:00:00+00:00"),
        ("19. November 2019, 14:30 Uhr", "2019-11-19T14:30:00"),
        ("Publié le 3 mars 2024 à 10h15", "2024-03-03T10:15:00"),
        ("Madrid, 12 de enero de 2024", "2024-01-12"),
        ("2024年3月4日 10時15分", "2024-03-04T10:15:00"),
        ("Nov. 12, 2023 9:05 a.m. PT", "2023-11-12T09:05:00-08:00"),
        # inflected month names (genitive, partitive) and year-first orders
        ("16 marca 2021", "2021-03-16"),
        ("12 października 2020, 10:15", "2020-10-12T10:15:00"),
        ("3. maaliskuuta 2021", "2021-03-03"),
        ("2021. március 3.", "2021-03-03"),
        ("2021 m. kovo 16 d.", "2021-03-16"),
        ("16 марта 2021 г.", "2021-03-16"),
        ("7. listopadu 2019", "2019-11-07"),
        ("3 Μαΐου 2019", "2019-05-03"),
        ("5 Ağustos 2020", "2020-08-05"),
    ],
)
def test_find_date(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found.iso == iso


def test_lines_without_a_year_have_no_date() -> None:
    assert find_date("The 77-18 vote capped a week of talks.") is None
    assert time_only("Updated 3:42 PM EST")
    assert not time_only("Updated 3:42 PM EST, March 4, 2024")


def test_a_two_digit_year_glued_to_a_clock_time_is_no_year() -> None:
    # "28.09.19" and "12:44" in two spans read as one text: not 28 September 1912
    assert find_date("28.09.1912:44") is None
    assert find_date("28.09.2019: Treffen").iso == "2019-09-28"


def test_each_added_month_table_has_twelve_months_and_no_name_two_numbers() -> None:
    from clipclean.dates import _MORE_MONTHS, MONTHS

    for table in _MORE_MONTHS:
        months = table.split("|")
        assert len(months) == 12, table[:40]
        for n, forms in enumerate(months, start=1):
            assert all(MONTHS[name] == n for name in forms.split()), forms


def test_a_year_and_a_count_are_no_year_first_date() -> None:
    assert find_date("In 2020 the team won 3 games") is None
