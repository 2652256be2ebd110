"""The postings' models: job postings, the credentials they ask for and each
posting's history (``postings``), the words postings are described in
(``vocabulary``) and the built documents of the job feed (``feed_builds``).
Applications' models live with applications (``jobs.applications.models``) and
are imported here because Django finds an app's models through its ``models``
module."""

from jobs.applications.models import Application, ApplicationEvent

from .feed_builds import JobFeedBuild
from .postings import Credential, JobPosting, JobPostingQuerySet, PostingEvent, PostingLocation
from .vocabulary import (
    CURRENCY_SYMBOLS,
    DUTIES,
    ENDED,
    ApplicationMethod,
    Category,
    Currency,
    EmploymentType,
    ExperienceLevel,
    OpenToCountry,
    SalaryPeriod,
    Status,
    Workplace,
    open_to_regions,
)

__all__ = [
    "CURRENCY_SYMBOLS",
    "DUTIES",
    "ENDED",
    "Application",
    "ApplicationEvent",
    "ApplicationMethod",
    "Category",
    "Credential",
    "Currency",
    "EmploymentType",
    "ExperienceLevel",
    "JobFeedBuild",
    "JobPosting",
    "JobPostingQuerySet",
    "OpenToCountry",
    "PostingEvent",
    "PostingLocation",
    "SalaryPeriod",
    "Status",
    "Workplace",
    "open_to_regions",
]
