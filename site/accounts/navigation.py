"""The links each signed-in person sees in the site header, by what they came for.

An app registers a group of links (a job seeker's, an employer's) in its
AppConfig.ready(); the header shows every group that applies to the person, in
the order registered, so someone who both looks for work and hires sees both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .models import User


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Group:
    title: str
    links: Callable[[User], list[Link]]
    applies: Callable[[User], bool]


_groups: list[Group] = []


def register_group(
    *, title: str, links: Callable[[User], list[Link]], applies: Callable[[User], bool]
) -> None:
    """Show the `links` under `title` to everyone `applies` is true for."""
    group = Group(title=title, links=links, applies=applies)
    if group not in _groups:
        _groups.append(group)


def groups_for(user: User) -> list[dict]:
    """The person's groups of links: each its title and its links."""
    if not user.is_authenticated:
        return []
    return [
        {"title": group.title, "links": group.links(user)}
        for group in _groups
        if group.applies(user)
    ]
