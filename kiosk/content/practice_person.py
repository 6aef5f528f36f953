"""The practice person: invented details to type on simulated sites instead of one's own.

Every detail is valid for the checks a real site makes (the social security
number's key, the IBAN's key...) so a person can reach the end of a practice
run without typing anything about themselves. The numbers belong to nobody: the
bank code 99999 is not a French bank's, the phone number is in the range ARCEP
keeps for fiction (06 39 98), and the e-mail address is the practice mailbox's.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.i18n.translation import N_


@dataclass(frozen=True)
class PracticePerson:
    first_name: str
    last_name: str
    birth_date: str
    nir: str
    address: str
    postal_code: str
    city: str
    email: str
    mobile: str
    iban: str
    caf_number: str
    france_travail_id: str
    tax_number: str
    password: str
    rsa_amount: str  # what the person received this month: RSA...
    salary_amount: str  # ... and no salary (the RSA-typed-as-salary pitfall)
    other_income: str

    def detail(self, name: str) -> str:
        if name not in DETAIL_LABELS:
            raise KeyError(f"the practice person has no detail {name!r}")
        return str(getattr(self, name))


PRACTICE_PERSON = PracticePerson(
    first_name="Camille",
    last_name="Martin",
    birth_date="14/03/1986",
    nir="2 86 03 75 112 047 02",
    address="12 rue des Lilas",
    postal_code="35000",
    city="Rennes",
    email="camille.martin@exercice.simulation",
    mobile="06 39 98 12 34",
    iban="FR76 9999 9000 0112 3456 7890 152",
    caf_number="1234567",
    france_travail_id="1234567A",
    tax_number="3012345678167",
    password="Exercice-2026",  # noqa: S106 - invented for practice, printed on the practice card
    rsa_amount="612,40",
    salary_amount="0",
    other_income="0",
)

# The practice card's lines, in the person's language (the values stay as a French site wants them).
DETAIL_LABELS: dict[str, str] = {
    "first_name": N_("Prénom"),
    "last_name": N_("Nom"),
    "birth_date": N_("Date de naissance"),
    "nir": N_("Numéro de sécurité sociale"),
    "address": N_("Adresse"),
    "postal_code": N_("Code postal"),
    "city": N_("Ville"),
    "email": N_("Adresse e-mail"),
    "mobile": N_("Téléphone portable"),
    "iban": N_("IBAN (compte en banque)"),
    "caf_number": N_("Numéro d'allocataire CAF"),
    "france_travail_id": N_("Identifiant France Travail"),
    "tax_number": N_("Numéro fiscal"),
    "password": N_("Mot de passe d'exercice"),
    "rsa_amount": N_("RSA reçu ce mois-ci (en euros)"),
    "salary_amount": N_("Salaire reçu ce mois-ci (en euros)"),
    "other_income": N_("Autres revenus ce mois-ci (en euros)"),
}
