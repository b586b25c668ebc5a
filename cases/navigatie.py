"""Navigation and "Mijn werk" panels, registered by each app in its `<app>/registraties.py`, which
its AppConfig.ready() imports.

The shell stays ignorant of the apps: cases/, tlv/, zorgplicht/ and verzuim/ add their menu items
and home-page panels here instead of editing the base template."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

from cases.scope import Scope, scope_for


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    rollen: frozenset[str] | None  # None: every logged-in user
    volgorde: int = 50


@dataclass
class Paneel:
    """A block on "Mijn werk": a template fragment with its context and an attention count."""

    titel: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    volgorde: int = 50
    aantal: int | None = None  # shown as a badge: how many things need attention


_NAV: list[NavItem] = []
_PANELEN: list[Callable[[Any, Scope], Paneel | None]] = []


def registreer_nav(
    label: str, url_name: str, *, rollen: Iterable[str] | None = None, volgorde: int = 50
) -> None:
    item = NavItem(label, url_name, frozenset(rollen) if rollen is not None else None, volgorde)
    if item not in _NAV:
        _NAV.append(item)


def paneel(func: Callable[[Any, Scope], Paneel | None]) -> Callable[[Any, Scope], Paneel | None]:
    """Decorator: register a function (user, scope) -> Paneel | None for the home page."""
    if func not in _PANELEN:
        _PANELEN.append(func)
    return func


def nav_voor(user) -> list[tuple[str, str, str]]:
    scope = scope_for(user)
    items = sorted(
        (i for i in _NAV if i.rollen is None or scope.heeft(*i.rollen)), key=lambda i: (i.volgorde, i.label)
    )
    return [(i.label, reverse(i.url_name), i.url_name) for i in items]


def panelen_voor(user) -> list[Paneel]:
    scope = scope_for(user)
    gevonden = [p for p in (f(user, scope) for f in _PANELEN) if p is not None]
    return sorted(gevonden, key=lambda p: p.volgorde)
