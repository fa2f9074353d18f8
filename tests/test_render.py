import datetime as dt

import pytest

from rewriter.render.values import (alternatives_text, amount_text, business_days_after, computed_slots, date_text,
                                    number_text)

DAY = dt.date(2026, 1, 7)


@pytest.mark.parametrize("locale, date, alternatives, amount", [
    ("en_GB", "7 January", "red, blue or green", "€1,249.50"),
    ("fi_FI", "7. tammikuuta", "red, blue tai green", "1\xa0249,50\xa0€"),
    ("is_IS", "7. janúar", "red, blue eða green", "1.249,50\xa0EUR"),
    ("nb_NO", "7. januar", "red, blue eller green", "1\xa0249,50\xa0€"),
])
def test_values_read_natively_in_each_locale(locale, date, alternatives, amount):
    assert date_text(DAY, locale) == date
    assert alternatives_text(["red", "blue", "green"], locale) == alternatives
    assert amount_text(1249.5, "EUR", locale) == amount


def test_numbers_use_the_locale_separator():
    assert number_text(1234.5, "fi_FI") == "1\xa0234,5"
    assert number_text(1234.5, "en_GB") == "1,234.5"


def test_follow_up_skips_weekends():
    friday = dt.date(2026, 1, 9)
    assert business_days_after(friday, 1) == dt.date(2026, 1, 12)
    assert computed_slots("nb_NO", friday, 2) == {"followup_date": "13. januar", "followup_day": "tirsdag"}
