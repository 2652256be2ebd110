"""Sections other apps add to the account dashboard, without changing its view.

An app registers a template and a function that gives its context, in its
AppConfig.ready(); the dashboard includes each section that applies to the
person, in the order registered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .models import User


@dataclass(frozen=True)
class Section:
    template: str
    context: Callable[[User], dict]
    applies: Callable[[User], bool]


_sections: list[Section] = []


def register_section(
    *,
    template: str,
    context: Callable[[User], dict],
    applies: Callable[[User], bool] = lambda user: True,
) -> None:
    """Show `template` on the dashboard of everyone `applies` is true for."""
    section = Section(template=template, context=context, applies=applies)
    if section not in _sections:
        _sections.append(section)


def sections_for(user: User) -> list[dict]:
    """The sections for this person: each its template and its context."""
    return [
        {"template": section.template, "data": section.context(user)}
        for section in _sections
        if section.applies(user)
    ]
