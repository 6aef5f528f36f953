"""The ten themes mediators already use to classify a procedure (life situations)."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.i18n.translation import N_


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    pictogram: str


THEMES: tuple[Theme, ...] = (
    Theme("papers", N_("Papiers et identité"), "mdi6.card-account-details-outline"),
    Theme("family", N_("Famille"), "mdi6.human-male-female-child"),
    Theme("health", N_("Aides sociales et santé"), "mdi6.medical-bag"),
    Theme("work", N_("Travail et emploi"), "mdi6.briefcase-outline"),
    Theme("housing", N_("Logement"), "mdi6.home-outline"),
    Theme("transport", N_("Transports"), "mdi6.bus"),
    Theme("money", N_("Argent et impôts"), "mdi6.cash-multiple"),
    Theme("justice", N_("Justice"), "mdi6.scale-balance"),
    Theme("foreigners", N_("Droits des étrangers"), "mdi6.passport"),
    Theme("leisure", N_("Loisirs"), "mdi6.palette-outline"),
)
THEME_IDS = frozenset(theme.id for theme in THEMES)


def theme(theme_id: str) -> Theme:
    for candidate in THEMES:
        if candidate.id == theme_id:
            return candidate
    raise ValueError(f"unknown theme: {theme_id!r}")
