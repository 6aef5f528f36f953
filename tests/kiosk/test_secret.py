"""A Secret never shows itself, never serialises, and can be wiped."""

from __future__ import annotations

import copy
import json
import logging
import pickle

import pytest

from kiosk.secret import MASK, CredentialRefused, Secret, looks_like_credential, refuse_credentials


def test_a_secret_is_masked_wherever_it_is_shown(caplog: pytest.LogCaptureFixture) -> None:
    secret = Secret("hunter2-CANARY")
    assert "CANARY" not in repr(secret) and "CANARY" not in str(secret) and "CANARY" not in f"{secret}"
    assert "CANARY" not in f"{secret!r:>40}" and str([secret]).count(MASK) == 1
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("typed %s / %r", secret, secret)
    assert "CANARY" not in caplog.text
    assert secret.reveal() == "hunter2-CANARY"


@pytest.mark.parametrize(
    "attempt",
    [
        lambda s: json.dumps({"password": s}),
        lambda s: pickle.dumps(s),
        lambda s: copy.deepcopy(s),
        lambda s: copy.copy(s),
        lambda s: {s: 1},
    ],
    ids=["json", "pickle", "deepcopy", "copy", "dict-key"],
)
def test_a_secret_refuses_to_be_serialised_or_copied(attempt: object) -> None:
    with pytest.raises(TypeError):
        attempt(Secret("1234"))  # type: ignore[operator]


def test_a_wiped_secret_holds_nothing() -> None:
    secret = Secret("482193")
    buffer = secret._value
    secret.wipe()
    assert secret.wiped and secret.reveal() == "" and bytes(buffer) == b"\0" * 6


def test_secrets_compare_by_value() -> None:
    assert Secret("abc") == Secret("abc") and Secret("abc") != Secret("abd") and Secret("abc") != "abc"


@pytest.mark.parametrize(
    "value",
    [
        Secret("x"),
        {"password": "x"},
        {"nested": [{"PIN": "1234"}]},
        ["ok", {"steps": (Secret("y"),)}],
        {"Mot_de_passe": "x"},
    ],
)
def test_credentials_are_refused(value: object) -> None:
    with pytest.raises(CredentialRefused):
        refuse_credentials(value)


def test_ordinary_values_pass() -> None:
    refuse_credentials({"language": "ar", "steps": ["a", "b"], "codes_postaux": 2})


@pytest.mark.parametrize(
    "note",
    [
        "mdp : soleil",
        "Mot de passe Azerty12",
        "son code 482193",
        "Exercice-2026",
        "Soleil!Bleu",
        "identifiant ameli noté ici",
        "PIN 0000",
    ],
)
def test_notes_holding_a_password_or_a_code_are_noticed(note: str) -> None:
    assert looks_like_credential(note)


@pytest.mark.parametrize(
    "note",
    [
        "Revenir avec l'avis d'imposition",
        "Rappeler au 06 39 98 12 34",
        "Orientée vers le CCAS de Guéret, rendez-vous pris",
        "Justificatif de domicile à apporter (facture EDF).",
        "écrire à dossier.caf@exemple.fr",
        "Rdv le 12/12 à 14h",
    ],
)
def test_ordinary_notes_pass_without_a_warning(note: str) -> None:
    assert not looks_like_credential(note)
