"""Render dates, numbers, amounts and lists for a language with Babel.

Templates may use computed slots such as ``{followup_date}``; their text comes
from here, always with the bank's locale passed explicitly, so "25 November",
"25. marraskuuta", "25. nóvember" and "25. november" each read natively.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

# Day-and-month without the year reads naturally in a reply; CLDR's skeleton
# "MMMMd" gives each locale's own order and case ("25. marraskuuta").
_DAY_MONTH = "MMMMd"


def business_days_after(start: _dt.date, days: int) -> _dt.date:
    """The date ``days`` working days (Mon-Fri) after ``start``."""
    current = start
    while days > 0:
        current += _dt.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def date_text(day: _dt.date, locale: str) -> str:
    """A day and month, e.g. '25 November' (en_GB) or '25. marraskuuta' (fi)."""
    skeleton = Locale.parse(locale).datetime_skeletons.get(_DAY_MONTH)
    return format_date(day, format=skeleton or "long", locale=locale)


def weekday_text(day: _dt.date, locale: str) -> str:
    """The weekday name as it stands alone, e.g. 'Tuesday', 'tiistai'."""
    return format_date(day, format="cccc", locale=locale)


def number_text(value: float | Decimal | int, locale: str) -> str:
    return format_decimal(value, locale=locale)


def amount_text(value: float | Decimal | int, currency: str, locale: str) -> str:
    return format_currency(value, currency, locale=locale)


def alternatives_text(items: Sequence[str], locale: str) -> str:
    """'red, blue or green' in the locale's own words for 'or'."""
    return format_list(list(items), style="or", locale=locale)


def computed_slots(locale: str, today: _dt.date, follow_up_days: int) -> dict[str, str]:
    """Values of the computed template slots (see banks.loader.COMPUTED_SLOTS)."""
    followup = business_days_after(today, follow_up_days)
    return {"followup_date": date_text(followup, locale), "followup_day": weekday_text(followup, locale)}
