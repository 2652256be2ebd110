"""Pay in search: the salary bands people filter by, in each currency, the bands a
search in a country offers, and the bands a posting's pay reaches."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from ..models import CURRENCY_SYMBOLS, Currency, JobPosting, SalaryPeriod

# Pay a year, at least: the salary bands people filter by (a posting is in every
# band up to its highest yearly pay, so "30,000 or more" includes 40,000 roles).
SALARY_FLOORS = (20_000, 30_000, 40_000, 60_000)
# The currency of the country being searched: the pay bands the search form offers.
COUNTRY_CURRENCIES = {"US": Currency.USD, "GB": Currency.GBP}


class SalaryBand(NamedTuple):
    key: str
    floor: int
    label: str
    currency: str = ""  # "" for the old bands, which count dollars and pounds alike


# A band in one currency ("usd-20000", "$20,000 or more a year"); the old
# currency-blind keys ("20000") stay in documents and are still accepted, so
# saved alerts and old links keep working, but no form offers them any more.
SALARY_BANDS = [
    *(
        SalaryBand(
            f"{currency.lower()}-{floor}", floor, f"{symbol}{floor:,} or more a year", currency
        )
        for currency, symbol in CURRENCY_SYMBOLS.items()
        for floor in SALARY_FLOORS
    ),
    *(
        SalaryBand(str(floor), floor, f"{floor:,} or more a year ($ or £)")
        for floor in SALARY_FLOORS
    ),
]


def offered_salary_bands(country: str | None) -> dict[str, list[SalaryBand]]:
    """The bands a search in `country` offers, by currency: that country's
    currency's, or every currency's when the country is not known."""
    currency = COUNTRY_CURRENCIES.get(country or "")
    return {
        code: [band for band in SALARY_BANDS if band.currency == code]
        for code in CURRENCY_SYMBOLS
        if currency is None or code == currency
    }


PERIODS_A_YEAR = {
    SalaryPeriod.HOUR: 2080,
    SalaryPeriod.DAY: 260,
    SalaryPeriod.WEEK: 52,
    SalaryPeriod.MONTH: 12,
    SalaryPeriod.YEAR: 1,
}


def yearly_pay(posting: JobPosting) -> float | None:
    """The most the posting pays in a year, for sorting and salary bands."""
    top = posting.salary_max if posting.salary_max is not None else posting.salary_min
    if top is None or not posting.salary_period:
        return None
    return float(Decimal(top) * PERIODS_A_YEAR[SalaryPeriod(posting.salary_period)])


def salary_bands(posting: JobPosting) -> list[str]:
    """The bands the posting's pay reaches: in its own currency, and the old
    currency-blind ones."""
    pay = yearly_pay(posting)
    if pay is None:
        return []
    return [
        band.key
        for band in SALARY_BANDS
        if pay >= band.floor and band.currency in ("", posting.salary_currency)
    ]
