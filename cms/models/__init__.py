"""The site's Wagtail page types and snippets, one module per kind of page."""

from .base import SitePage
from .careers import CareerPathIndexPage, CareerPathPage
from .credentials import CredentialIndexPage, CredentialPage
from .directory import EmployerDirectoryPage
from .guides import GuideIndexPage, GuidePage, GuidePageTag
from .home import HomePage
from .insights import InsightsPage
from .navigation import Menu, MenuLink, MenuLocation
from .standard import StandardPage

__all__ = [
    "CareerPathIndexPage",
    "CareerPathPage",
    "CredentialIndexPage",
    "CredentialPage",
    "EmployerDirectoryPage",
    "GuideIndexPage",
    "GuidePage",
    "GuidePageTag",
    "HomePage",
    "InsightsPage",
    "Menu",
    "MenuLink",
    "MenuLocation",
    "SitePage",
    "StandardPage",
]
