"""The take-home recap: its sections, the structure's directory, and a QR text short enough to scan."""

from __future__ import annotations

import datetime as dt

import qrcode

from kiosk.content.loader import Catalog
from kiosk.i18n import translation
from kiosk.rights.aids import Estimate, Estimates, aid
from kiosk.visit.recap import (
    HELP_PLACES,
    QR_MAX_CHARACTERS,
    STRUCTURE_ADDRESS,
    STRUCTURE_NAME,
    build_recap,
    estimate_amount,
    estimate_notice,
    rights_recap,
    rules_of,
)
from kiosk.visit.session import Session

SETTINGS = {
    STRUCTURE_NAME: "France Services de Guéret",
    STRUCTURE_ADDRESS: "1 place Bonnyaud",
    HELP_PLACES: [{"name": "CCAS", "address": "2 rue de la Mairie", "hours": "9h-12h", "helps_with": "RSA"}],
}


def test_the_recap_has_what_was_done_next_steps_papers_channels_and_help_nearby(
    bundled_catalog: Catalog,
) -> None:
    procedure = bundled_catalog.procedures["caf-prime-activite"]
    session = Session("fr")
    session.steps_reached[procedure.id] = [procedure.steps[0].id, procedure.steps[1].id]
    recap = build_recap(procedure, session, SETTINGS, dt.date(2026, 11, 23))
    headings = [heading for heading, _lines in recap.sections()]
    assert headings == [
        "Ce que vous avez fait",
        "Et après ?",
        "Les papiers à avoir avec vous",
        "Le vrai site",
        "Autres façons de faire",
        "Qui peut vous aider près d'ici",
    ]
    assert recap.done == (procedure.steps[0].title, procedure.steps[1].title)
    assert (
        recap.structure == "France Services de Guéret, 1 place Bonnyaud" and recap.day == "23 novembre 2026"
    )
    assert recap.help_places[0].line() == "CCAS — 2 rue de la Mairie — 9h-12h — RSA"


def test_without_a_directory_or_progress_empty_sections_are_left_out(bundled_catalog: Catalog) -> None:
    recap = build_recap(bundled_catalog.procedures["caf-prime-activite"], Session("fr"), {})
    headings = [heading for heading, _lines in recap.sections()]
    assert "Ce que vous avez fait" not in headings and "Qui peut vous aider près d'ici" not in headings
    assert recap.structure == "France Services"


def test_every_qr_text_is_short_enough_to_scan_from_the_screen(bundled_catalog: Catalog) -> None:
    for language in [language.code for language in translation.offered_languages()]:
        translation.set_language(language)
        for procedure in bundled_catalog.procedures.values():
            text = build_recap(procedure, Session(language), SETTINGS).qr_text()
            assert len(text) <= QR_MAX_CHARACTERS and procedure.urls[0] in text
            code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
            code.add_data(text)
            code.make(fit=True)
            assert code.version <= 10, f"{procedure.id} in {language}: version {code.version}"
    translation.set_language(translation.SOURCE_LANGUAGE)


# « Quelles aides pour moi ? »: the aids and their amounts, when the person chooses to take them home

ESTIMATES = Estimates(
    (Estimate(aid("ppa"), 1234), Estimate(aid("css"), 0), Estimate(aid("css_participation"), 31)),
    "openfisca-france 176.1.8, 2026-12",
)


def test_each_kind_of_aid_says_what_it_brings() -> None:
    ppa, free_cover, paid_cover = ESTIMATES.items
    assert estimate_amount(ppa) == "Environ 1\u202f234 € par mois"
    assert estimate_amount(free_cover) == "Vos soins sans rien payer"
    assert estimate_amount(paid_cover) == "Vous payez au plus 31 € par mois"


def test_the_notice_says_the_rules_date_and_a_rules_date_of_another_form_is_said_whole() -> None:
    assert rules_of(ESTIMATES) == ("openfisca-france 176.1.8", "1 décembre 2026")
    assert estimate_notice(ESTIMATES) == (
        "C'est une estimation, pas une décision. L'organisme décide. Règles du 1 décembre 2026."
    )
    assert rules_of(Estimates((), "juin 2026")) == ("", "juin 2026")
    translation.set_language("en")
    try:
        assert "2026" in rules_of(ESTIMATES)[1] and "décembre" not in rules_of(ESTIMATES)[1]
    finally:
        translation.set_language(translation.SOURCE_LANGUAGE)


def test_the_rights_recap_lists_the_aids_their_amounts_and_where_to_ask(bundled_catalog: Catalog) -> None:
    recap = rights_recap(ESTIMATES, bundled_catalog.procedures, SETTINGS, dt.date(2026, 12, 5))
    assert recap.sections()[0] == (
        "Les aides que vous pourriez avoir",
        [
            "Prime d'activité — Environ 1\u202f234 € par mois",
            "Complémentaire santé solidaire, gratuite — Vos soins sans rien payer",
            "Complémentaire santé solidaire, avec une petite participation"
            " — Vous payez au plus 31 € par mois",
        ],
    )
    assert (
        recap.next_steps.startswith(estimate_notice(ESTIMATES))
        and "openfisca-france 176.1.8" in recap.next_steps
    )
    sites = {site.strip("\u2066\u2069") for site in recap.sites}
    expected = bundled_catalog.procedures["caf-prime-activite"].urls
    assert set(expected) <= sites and len(recap.sites) == len(sites), "each site once"
    assert recap.day == "5 décembre 2026" and recap.help_places[0].name == "CCAS"
    assert len(recap.qr_text()) <= QR_MAX_CHARACTERS
