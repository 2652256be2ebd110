"""The words postings are described in: categories, types of work, where the work
happens, pay periods and currencies, experience, how to apply, what a job can
involve, and a posting's statuses."""

from django.db import models

from fairsite.places import regions_of


class Category(models.TextChoices):
    PROBATION = "probation-parole", "Probation and parole"
    CORRECTIONAL_TREATMENT = "correctional-treatment", "Correctional treatment"
    CASE_MANAGEMENT = "case-management", "Reentry case management"
    PEER_SUPPORT = "peer-support", "Peer support"
    MENTAL_HEALTH = "mental-health", "Reentry mental health"
    OUTREACH = "outreach-advocacy", "Community outreach and advocacy"
    WAREHOUSE = "warehouse-logistics", "Warehouse and logistics"
    CONSTRUCTION = "construction-trades", "Construction and trades"
    MANUFACTURING = "manufacturing", "Manufacturing"
    HOSPITALITY = "hospitality-food", "Hospitality and food"
    RETAIL = "retail-customer-service", "Retail and customer service"
    DRIVING = "driving-delivery", "Driving and delivery"
    CLEANING = "cleaning-facilities", "Cleaning and facilities"
    CARE = "care-support", "Care and support work"
    OFFICE = "office-admin", "Office and admin"
    TECHNOLOGY = "technology", "Technology"
    OTHER = "other", "Other"


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", "Full time"
    PART_TIME = "part_time", "Part time"
    CONTRACT = "contract", "Contract"
    TEMPORARY = "temporary", "Temporary"
    APPRENTICESHIP = "apprenticeship", "Apprenticeship"
    INTERNSHIP = "internship", "Internship"


class Workplace(models.TextChoices):
    ON_SITE = "on_site", "On site"
    HYBRID = "hybrid", "Hybrid (some days at home)"
    REMOTE = "remote", "Remote (work from home)"


class OpenToCountry(models.TextChoices):
    US = "US", "United States"
    GB = "GB", "United Kingdom"


def open_to_regions(country: str) -> dict[str, str]:
    """A country's states or nations a remote job can be limited to: code -> name."""
    return dict(regions_of(country)) if country in OpenToCountry.values else {}


class SalaryPeriod(models.TextChoices):
    HOUR = "hour", "an hour"
    DAY = "day", "a day"
    WEEK = "week", "a week"
    MONTH = "month", "a month"
    YEAR = "year", "a year"


class Currency(models.TextChoices):
    USD = "USD", "US dollars ($)"
    GBP = "GBP", "Pounds sterling (£)"


CURRENCY_SYMBOLS = {Currency.USD: "$", Currency.GBP: "£"}


class ExperienceLevel(models.TextChoices):
    NONE = "none", "No experience needed"
    SOME = "some", "Some experience (1 to 2 years)"
    EXPERIENCED = "experienced", "Experienced (3 years or more)"
    SENIOR = "senior", "Senior or manager"


class ApplicationMethod(models.TextChoices):
    ON_SITE = "on_site", "Apply on this site"
    EXTERNAL_URL = "external_url", "Apply on our website"
    EMAIL = "email", "Apply by email"


# What a job can involve (the keys of employers.models.RoleType), in words for a job advert.
DUTIES = {
    "driving": "Driving",
    "children": "Working with children",
    "vulnerable_adults": "Working with vulnerable adults",
    "cash": "Handling cash or payments",
    "security": "Security work",
    "health_care": "Health care",
}


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PENDING_REVIEW = "pending_review", "Waiting for review"
    PUBLISHED = "published", "Live"
    PAUSED = "paused", "Paused"
    FILLED = "filled", "Filled"
    EXPIRED = "expired", "Expired"
    CLOSED = "closed", "Closed"
    REJECTED = "rejected", "Not approved"


# The statuses of a posting that was live and has ended.
ENDED = (Status.CLOSED, Status.FILLED, Status.EXPIRED)
