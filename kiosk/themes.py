"""The ten themes mediators already use to classify a procedure (life situations)."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.i18n import N_


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    pictogram: str


THEMES: tuple[Theme, ...] = (
    Theme("papers", N_("Papers and identity"), "mdi6.card-account-details-outline"),
    Theme("family", N_("Family"), "mdi6.human-male-female-child"),
    Theme("health", N_("Social help and health"), "mdi6.medical-bag"),
    Theme("work", N_("Work and job search"), "mdi6.briefcase-outline"),
    Theme("housing", N_("Housing"), "mdi6.home-outline"),
    Theme("transport", N_("Transport"), "mdi6.bus"),
    Theme("money", N_("Money and taxes"), "mdi6.cash-multiple"),
    Theme("justice", N_("Justice"), "mdi6.scale-balance"),
    Theme("foreigners", N_("Foreigners' rights"), "mdi6.passport"),
    Theme("leisure", N_("Leisure"), "mdi6.palette-outline"),
)
THEME_IDS = frozenset(theme.id for theme in THEMES)


def theme(theme_id: str) -> Theme:
    for candidate in THEMES:
        if candidate.id == theme_id:
            return candidate
    raise ValueError(f"unknown theme: {theme_id!r}")
