"""The take-home recap: its sections, the structure's directory, and a QR text short enough to scan."""

from __future__ import annotations

import datetime as dt

import qrcode

from kiosk.content.loader import Catalog
from kiosk.i18n import translation
from kiosk.visit.recap import HELP_PLACES, QR_MAX_CHARACTERS, STRUCTURE_ADDRESS, STRUCTURE_NAME, build_recap
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
