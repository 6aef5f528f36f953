"""Practice runs on simulated sites: walked right to the end, and through each pitfall."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from kiosk.content import practice_sites
from kiosk.content.field_kinds import FieldKind
from kiosk.content.loader import load_catalog
from kiosk.content.practice_person import DETAIL_LABELS, PRACTICE_PERSON, PracticePerson
from kiosk.content.practice_site_reader import KNOWN_MISTAKES, parse_practice_site
from kiosk.content.practice_sites import PracticeKind, PracticeSite
from kiosk.content.yaml_source import read_yaml
from kiosk.errors import ContentError
from kiosk.practice.explanations import EXPLANATIONS, GENERAL_EXPLANATION, explanation, review
from kiosk.practice.run import PHONE_PHOTOS, PhonePhoto, PracticeRun, Sent
from kiosk.practice.validators import check
from kiosk.secret import Secret

CATALOG = load_catalog()
TODAY = date(2026, 11, 23)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def run_of(site: PracticeSite, clock: Clock | None = None) -> PracticeRun:
    return PracticeRun(site, clock or Clock(), today=lambda: TODAY, rng=random.Random(7))


def fill(run: PracticeRun, photo: PhonePhoto = PHONE_PHOTOS[0], **overrides: str) -> None:
    """Type the practice person in every field, or the overrides (field id with _ for -); choose ``photo``."""
    for field in run.page.fields:
        value = overrides.get(field.id.replace("-", "_"))
        if value is None and (field.fill or field.expect):
            value = run.person.detail(field.fill or field.expect)
        if value is None and field.kind == PracticeKind.CHECKBOX and not field.optional:
            value = "yes"
        if value is None and field.kind == PracticeKind.CONFIRMATION_CODE and run.mailbox:
            value = run.mailbox[-1].code.reveal()
        if value is None and field.kind == PracticeKind.CHOICE:
            value = field.options[0]
        if value is None and field.kind == PracticeKind.CAPTCHA:
            value = run.captcha
        if value is None and field.kind == PracticeKind.UPLOAD:
            run.choose_photo(field.id, photo)
            continue
        if value is not None:
            run.type(field.id, value)


def fill_and_send(run: PracticeRun, **overrides: str) -> Sent:
    fill(run, **overrides)
    return run.send()


def walk_to_end(run: PracticeRun) -> None:
    for _ in range(30):
        if run.finished:
            return
        assert fill_and_send(run).accepted, run.page.id
    raise AssertionError("the site never ends")


@pytest.mark.parametrize("procedure_id", sorted(CATALOG.practice))
def test_every_practice_site_can_be_walked_to_the_end_with_the_practice_person(procedure_id: str) -> None:
    run = run_of(CATALOG.practice[procedure_id])
    walk_to_end(run)
    assert run.finished and run.mistakes == []
    assert run.values == {}  # nothing typed outlives the run


def test_the_bundled_pack_has_practice_sites_that_load_without_problems() -> None:
    assert "caf-declaration-trimestrielle" in CATALOG.practice
    assert [p for p in CATALOG.problems if "practice" in p.source] == []


def test_every_detail_of_the_practice_person_passes_the_real_checks() -> None:
    kinds = {
        "birth_date": FieldKind.BIRTH_DATE,
        "nir": FieldKind.NIR,
        "postal_code": FieldKind.POSTAL_CODE,
        "email": FieldKind.EMAIL,
        "mobile": FieldKind.MOBILE_PHONE,
        "iban": FieldKind.IBAN,
        "caf_number": FieldKind.CAF_NUMBER,
        "france_travail_id": FieldKind.FRANCE_TRAVAIL_ID,
        "tax_number": FieldKind.TAX_NUMBER,
        "rsa_amount": FieldKind.AMOUNT,
        "salary_amount": FieldKind.AMOUNT,
        "other_income": FieldKind.AMOUNT,
    }
    for name, kind in kinds.items():
        assert check(kind, PRACTICE_PERSON.detail(name), today=TODAY) is None, name
    assert set(DETAIL_LABELS) == set(PracticePerson.__dataclass_fields__)


CAF = CATALOG.practice["caf-declaration-trimestrielle"]


def test_a_wrong_social_security_key_is_refused_as_the_site_words_it_then_explained() -> None:
    run = run_of(CAF)
    sent = fill_and_send(run, identifiant="2 86 03 75 112 047 03")
    assert not sent.accepted
    (problem,) = sent.problems
    assert (problem.field_id, problem.code) == ("identifiant", "nir.key")
    assert problem.site_message == "Identifiant ou mot de passe incorrect."
    assert "clé" in explanation("nir.key")
    assert run.page.id == "connexion"  # unlimited tries: the same page again
    assert fill_and_send(run).accepted


def test_the_password_is_a_secret_checked_against_the_sites_rules() -> None:
    run = run_of(CAF)
    run.type("mot-de-passe", "motdepasse")
    assert isinstance(run.values["mot-de-passe"], Secret)
    assert "motdepasse" not in repr(run.values)
    sent = fill_and_send(run, mot_de_passe="motdepasse")
    assert [p.code for p in sent.problems] == ["password.needs_upper"]


def test_the_session_expires_after_two_untouched_minutes_and_the_page_starts_again() -> None:
    clock = Clock()
    run = run_of(CAF, clock)
    run.type("identifiant", PRACTICE_PERSON.nir)
    clock.now += 119
    assert not run.session_expired()
    run.touch()
    clock.now += 121
    assert run.session_expired()
    assert run.values == {} and run.page.id == "connexion"
    assert not run.session_expired()  # once: the page starts again with a fresh session
    assert run.mistake_kinds() == [practice_sites.SESSION_EXPIRED]
    assert "pas votre faute" in explanation(practice_sites.SESSION_EXPIRED)


def test_forgot_password_sends_a_code_by_sms_that_must_be_copied() -> None:
    run = run_of(CAF)
    (link,) = run.page.links
    run.follow(link)
    assert run.page.id == "oubli"
    assert fill_and_send(run).accepted
    assert [mail.channel for mail in run.mailbox] == ["sms"]
    sent = fill_and_send(run, code="000000" if run.mailbox[0].code.reveal() != "000000" else "111111")
    assert [p.code for p in sent.problems] == [practice_sites.CODE_WRONG]
    sent = fill_and_send(run, confirmation="Autre-Mot-2026")
    assert [p.code for p in sent.problems] == [practice_sites.CONFIRMATION_DIFFERENT]
    assert fill_and_send(run).accepted
    assert run.page.id == "connexion"


def test_the_rsa_typed_as_a_salary_is_stopped_and_explained() -> None:
    run = run_of(CAF)
    while run.page.id != "autres-ressources":
        assert fill_and_send(run).accepted
    sent = fill_and_send(run, non_salarie=PRACTICE_PERSON.rsa_amount)
    assert [(p.field_id, p.code, p.site_message) for p in sent.problems] == [
        ("non-salarie", practice_sites.RSA_AS_SALARY, "")  # a real site would take it: only the kiosk speaks
    ]
    assert [p.code for p in fill_and_send(run, non_salarie="612.40").problems] == ["amount.decimal_point"]
    assert [p.code for p in fill_and_send(run, non_salarie="150").problems] == [practice_sites.NOT_AS_ON_CARD]
    assert fill_and_send(run).accepted
    sent = fill_and_send(run, certification="")
    assert [p.code for p in sent.problems] == [practice_sites.CHECKBOX_REQUIRED]
    assert fill_and_send(run).accepted and run.finished


def test_the_review_replays_each_kind_of_mistake_and_gives_three_things_to_remember() -> None:
    run = run_of(CAF)
    fill_and_send(run, identifiant="2 86 03 75 112 047")
    walk_to_end(run)
    result = review(run, CATALOG.procedures[CAF.procedure_id])
    assert result.mistakes == (explanation("nir.length"),)
    assert len(result.remember) == 3
    assert "Vitale" in result.remember[0]
    assert f": {run.first_try_fields()}." in result.went_well


SITE_WITH_EVERY_PITFALL = """
procedure: ants-carte-identite-passeport
name: Essai
address: essai.simulation
sender: Essai
pages:
  - id: compte
    heading: Créer un compte
    fields:
      - {id: courriel, label: Adresse électronique, kind: email, fill: email}
      - {id: robot, label: Recopiez les caractères, kind: captcha}
    sends_code: email
    button: Continuer
    next: code
  - id: code
    heading: Code
    fields:
      - {id: code, label: Code reçu par e-mail, kind: confirmation_code}
    button: Valider
    next: photo
  - id: photo
    heading: Justificatif
    fields:
      - {id: justificatif, label: Justificatif de domicile, kind: upload, accept: [jpg, pdf], max_mb: 5}
      - {id: papier, label: Je ne souhaite plus recevoir de courrier papier, kind: checkbox, optional: true,
         caution: caution.paper_mail}
      - {id: genre, label: Vous êtes, kind: choice, options: [Madame, Monsieur]}
    button: Envoyer
    next: end
"""


def site_from(text: str, tmp_path: Path) -> PracticeSite:
    path = tmp_path / "site.yaml"
    path.write_text(text, encoding="utf-8")
    return parse_practice_site(read_yaml(path), str(path), CATALOG.procedures)


def test_captcha_mailbox_photo_and_paper_mail_pitfalls(tmp_path: Path) -> None:
    run = run_of(site_from(SITE_WITH_EVERY_PITFALL, tmp_path))
    first_captcha = run.captcha
    sent = fill_and_send(run, robot="XXXXX", courriel="camille.martin@gmial.com")
    assert [p.code for p in sent.problems] == ["email.domain_typo", practice_sites.CAPTCHA_WRONG]
    assert run.captcha != first_captcha  # a wrong try draws a new one
    assert fill_and_send(run, robot=run.captcha.lower()).accepted
    assert [mail.channel for mail in run.mailbox] == ["email"]
    assert fill_and_send(run).accepted

    gallery = {photo.file_name: photo for photo in PHONE_PHOTOS}
    for name, code in [
        ("IMG_2041.HEIC", "upload.type"),
        ("photo-grande.jpg", "upload.size"),
        ("photo-floue.jpg", practice_sites.UPLOAD_BLURRED),
    ]:
        run.choose_photo("justificatif", gallery[name])
        run.type("genre", "Madame")
        assert [p.code for p in run.send().problems] == [code]
    run.choose_photo("justificatif", gallery["photo-justificatif.jpg"])
    run.type("genre", "Madame")
    run.type("papier", "yes")
    sent = run.send()
    assert sent.caution is not None and sent.caution.code == practice_sites.PAPER_MAIL
    run.type("genre", "Madame")
    run.type("papier", "yes")
    assert run.send().accepted and run.finished  # heard once, then the person decides
    assert set(run.mistake_kinds()) >= {
        "upload.type",
        "upload.size",
        practice_sites.UPLOAD_BLURRED,
        practice_sites.PAPER_MAIL,
    }


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("address: essai.simulation", "address: www.essai.fr"),
        ("next: photo", "next: nulle-part"),
        ("kind: captcha", "kind: telepathie"),
        ("fill: email", "fill: shoe_size"),
        ("sends_code: email", "sends_code: pigeon"),
        ("    sends_code: email\n", ""),
        ("next: end", "next: compte"),
        ("procedure: ants-carte-identite-passeport", "procedure: inconnue"),
        ("max_mb: 5", "max_mb: 0"),
    ],
)
def test_a_broken_practice_file_names_the_problem(old: str, new: str, tmp_path: Path) -> None:
    broken = SITE_WITH_EVERY_PITFALL.replace(old, new)
    assert broken != SITE_WITH_EVERY_PITFALL
    with pytest.raises(ContentError) as raised:
        site_from(broken, tmp_path)
    assert raised.value.line > 0


def test_a_broken_practice_file_is_skipped_and_reported_while_the_procedure_still_works(
    tmp_path: Path,
) -> None:
    pack = tmp_path / "pack"
    (pack / "practice").mkdir(parents=True)
    (pack / "pack.yaml").write_text('id: essai\nversion: "1"\ndate: "2026-11-23"\nlanguages: [fr]\n')
    (pack / "practice" / "ants.yaml").write_text(SITE_WITH_EVERY_PITFALL.replace("next: photo", "next: x"))
    catalog = load_catalog([Path(CATALOG.packs[0].path), pack])
    assert "ants-carte-identite-passeport" in catalog.procedures
    bundled = load_catalog([Path(CATALOG.packs[0].path)])
    ants = "ants-carte-identite-passeport"
    assert catalog.practice.get(ants) == bundled.practice.get(ants)  # the broken site replaced nothing
    assert any("ants.yaml" in problem.source for problem in catalog.problems)


def test_every_mistake_has_its_own_explanation_or_its_kinds() -> None:
    for code in KNOWN_MISTAKES | {"empty"}:
        kind = code.split(".", 1)[0]
        assert code in EXPLANATIONS or f"{kind}.*" in EXPLANATIONS, code
    assert explanation("nothing.known") == GENERAL_EXPLANATION


WRONG_BY_KIND = {
    "text": "",
    "nir": "2 86 03 75 112 047 03",
    "tax_number": "123",
    "caf_number": "12345678901",
    "france_travail_id": "12",
    "iban": "FR76 1234",
    "email": "camille@gmial",
    "mobile_phone": "12345",
    "phone": "12",
    "postal_code": "7500",
    "date": "31/02/2026",
    "birth_date": "31/02/1986",
    "amount": "abc",
    "password": "a",
    "confirmation_code": "xx",
    "captcha": "!!",
    "checkbox": "",
    "choice": "",
}


@pytest.mark.parametrize("procedure_id", sorted(CATALOG.practice))
def test_every_field_of_every_page_refuses_a_wrong_value_with_words_to_explain_it(procedure_id: str) -> None:
    """Along the way to the end, each required field alone is made wrong: the site refuses that field,
    and the kiosk has an explanation of its own for the mistake (not the general fallback)."""
    run = run_of(CATALOG.practice[procedure_id])
    for _ in range(30):
        if run.finished:
            return
        page = run.page
        for wrong in [f for f in page.fields if not f.optional]:
            if wrong.kind == PracticeKind.UPLOAD:
                fill(run)
                run.choose_photo(wrong.id, PHONE_PHOTOS[1])  # a HEIC photo
            else:
                fill(run, **{wrong.id.replace("-", "_"): WRONG_BY_KIND[wrong.kind]})
            sent = run.send()
            where = (procedure_id, page.id, wrong.id)
            assert run.page is page, where
            assert wrong.id in {problem.field_id for problem in sent.problems}, where
            for problem in sent.problems:
                assert explanation(problem.code) != GENERAL_EXPLANATION, problem.code
        while not run.finished and run.page is page:
            fill_and_send(run)
    assert run.finished, procedure_id


SITE_WITH_MONTHS = """
procedure: caf-declaration-trimestrielle
name: Essai
address: essai.simulation
pages:
  - id: montants
    heading: "Vos ressources de {mois-4} à {mois-2}"
    text: "Salaires de {mois-3} : 0,00 €"
    fields:
      - {id: pension, label: "Pension reçue en {mois-2}", kind: amount, expect: other_income}
    button: Continuer
    next: end
"""


@pytest.mark.parametrize(
    ("today", "heading", "label"),
    [
        (date(2026, 6, 10), "Vos ressources de février 2026 à avril 2026", "Pension reçue en avril 2026"),
        (
            date(2027, 1, 31),
            "Vos ressources de septembre 2026 à novembre 2026",
            "Pension reçue en novembre 2026",
        ),
    ],
)
def test_months_on_a_page_are_named_from_the_day_of_the_practice(
    tmp_path: Path, today: date, heading: str, label: str
) -> None:
    """The CAF asks for the 4th, 3rd and 2nd months before the month of the declaration: in June,
    February to April. A month written in the file would be wrong the next quarter."""
    site = site_from(SITE_WITH_MONTHS, tmp_path)
    run = PracticeRun(site, Clock(), today=lambda: today, rng=random.Random(7))
    assert run.page.heading == heading
    assert run.page.fields[0].label == label
    assert "{" not in run.page.text
    assert fill_and_send(run).accepted and run.finished


def test_a_month_the_practice_cannot_name_is_refused_with_its_field(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"fields\[0\]\.label.*\{mois-13\}"):
        site_from(SITE_WITH_MONTHS.replace("en {mois-2}", "en {mois-13}"), tmp_path)


def test_the_quarterly_declaration_rehearses_the_prefilled_form_of_the_right_months() -> None:
    run = PracticeRun(
        CATALOG.practice["caf-declaration-trimestrielle"],
        Clock(),
        today=lambda: date(2026, 6, 2),
        rng=random.Random(7),
    )
    seen = []
    for _ in range(30):
        if run.finished:
            break
        seen.append(f"{run.page.heading} {run.page.text} {' '.join(f.label for f in run.page.fields)}")
        assert fill_and_send(run).accepted, run.page.id
    assert run.finished
    everything = " ".join(seen)
    assert "montant net social" in everything.lower()
    for month in ("février 2026", "mars 2026", "avril 2026"):
        assert month in everything
    assert "mai 2026" not in everything and "janvier 2026" not in everything


@pytest.mark.parametrize(
    "procedure_id",
    [
        "caf-declaration-trimestrielle",
        "caf-prime-activite",
        "caf-aide-logement",
        "css-complementaire-sante-solidaire",
        "impots-declaration-revenus",
        "caf-changement-situation",
        "caf-demande-rsa",
        "ameli-attestation-vitale-medecin",
        "impots-prelevement-source",
    ],
)
def test_logging_in_sends_a_six_digit_code_to_the_practice_mailbox(procedure_id: str) -> None:
    """Since December 2024 the CAF sends a code by e-mail at each login, ameli too, impots.gouv on a
    new device (always, at a kiosk): the practice site rehearses reading the mailbox."""
    run = run_of(CATALOG.practice[procedure_id])
    for _ in range(30):
        if any(f.kind == FieldKind.PASSWORD for f in run.page.fields):
            break
        assert fill_and_send(run).accepted, run.page.id
    login = run.page
    assert fill_and_send(run).accepted
    assert [mail.channel for mail in run.mailbox] == ["email"], login.id
    code = run.mailbox[-1].code.reveal()
    assert len(code) == 6 and code.isdigit()
    assert [f.kind for f in run.page.fields] == [PracticeKind.CONFIRMATION_CODE], run.page.id
    wrong = "000000" if code != "000000" else "111111"
    sent = fill_and_send(run, **{run.page.fields[0].id.replace("-", "_"): wrong})
    assert [p.code for p in sent.problems] == [practice_sites.CODE_WRONG]
    assert fill_and_send(run).accepted


def test_the_retirement_practice_person_is_of_retirement_age_with_a_matching_number() -> None:
    site = CATALOG.practice["retraite-demande"]
    run = run_of(site)
    day, month, year = (int(part) for part in run.person.birth_date.split("/"))
    born = date(year, month, day)
    assert TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day)) >= 64
    digits = run.person.nir.replace(" ", "")
    assert (digits[1:3], digits[3:5]) == (f"{born.year % 100:02d}", f"{born.month:02d}")
    assert run.person.first_name == PRACTICE_PERSON.first_name  # the rest of the card is unchanged
    texts = " ".join(page.text for page in site.pages)
    assert run.person.birth_date in texts and PRACTICE_PERSON.birth_date not in texts
    walk_to_end(run)


@pytest.mark.parametrize("procedure_id", sorted(CATALOG.practice))
def test_the_practice_person_of_every_site_passes_the_real_checks(procedure_id: str) -> None:
    person = CATALOG.practice[procedure_id].person()
    for name, kind in [("birth_date", FieldKind.BIRTH_DATE), ("nir", FieldKind.NIR)]:
        assert check(kind, person.detail(name), today=TODAY) is None, name


def test_a_site_may_change_only_details_the_practice_person_has(tmp_path: Path) -> None:
    text = SITE_WITH_MONTHS.replace("pages:", "person: {shoe_size: '42'}\npages:", 1)
    with pytest.raises(ContentError, match=r"person\.shoe_size: unknown key"):
        site_from(text, tmp_path)
