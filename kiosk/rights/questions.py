"""The questions of « Quelles aides pour moi ? », in the order they are asked, and which ones to skip.

One question per screen, spoken, answered by touch: a big choice, or a number on the
kiosk's keypad (a count, euros a month, a postal code); « Je ne sais pas » (``DONT_KNOW``) is
an answer every question accepts. A question the earlier answers make pointless is skipped
(no children: no ages; not a tenant: no rent). Texts are French, marked with ``N_`` and
translated when shown. docs/RIGHTS.md says which OpenFisca variable each answer feeds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from kiosk.i18n.translation import N_
from kiosk.rights.answers import Answers
from kiosk.rights.housing_zone import departement_of, zones_of

DONT_KNOW = "dont-know"  # « Je ne sais pas »: accepted by every question; docs/RIGHTS.md says what is assumed


class AnswerKind(StrEnum):
    CHOICE = "choice"  # one of the question's choices (its id)
    COUNT = "count"  # a whole number on the keypad: an age, a number of children
    AMOUNT = "amount"  # euros a month, a whole number on the keypad
    POSTAL_CODE = "postal_code"  # 5 digits on the keypad


@dataclass(frozen=True)
class Choice:
    id: str
    label: str  # French, marked with N_
    pictogram: str  # mdi6.<name>


@dataclass(frozen=True)
class Question:
    id: str
    text: str  # French, marked with N_
    kind: AnswerKind
    choices: tuple[Choice, ...] = ()
    hint: str = ""  # French, marked with N_; said after the question
    minimum: int = 0  # for COUNT and AMOUNT: the smallest number accepted...
    maximum: int = 99_999  # ...and the largest (the keypad needs no more digits than this has)

    def accepts(self, value: str | int) -> bool:
        """Whether ``value`` answers this question: a choice's id, a number in range, a postal code
        of a département, or « Je ne sais pas »."""
        if value == DONT_KNOW:
            return True
        if self.kind is AnswerKind.CHOICE:
            return isinstance(value, str) and any(choice.id == value for choice in self.choices)
        if self.kind is AnswerKind.POSTAL_CODE:
            return isinstance(value, str) and departement_of(value) is not None
        whole = isinstance(value, int) and not isinstance(value, bool)
        return whole and self.minimum <= int(value) <= self.maximum

    def choice(self, choice_id: str) -> Choice:
        for choice in self.choices:
            if choice.id == choice_id:
                return choice
        raise KeyError(choice_id)


# Choice ids other modules read (the situation, the tests).
ALONE, COUPLE = "alone", "couple"
WORK, JOB_SEEKER, RETIRED, OTHER = "work", "job_seeker", "retired", "other"
TENANT_SOCIAL, TENANT_PRIVATE, TENANT_FURNISHED = "tenant_social", "tenant_private", "tenant_furnished"
OWNER, HOSTED, HOMELESS = "owner", "hosted", "homeless"
TENANT_CHOICES = frozenset({TENANT_SOCIAL, TENANT_PRIVATE, TENANT_FURNISHED})
YES, NO = "yes", "no"
DISABILITY_NONE, DISABILITY_80, DISABILITY_50 = "no", "rate_80", "rate_50_79"

MAX_CHILD_AGES = 6  # ages asked for the first six children; docs/RIGHTS.md says what is assumed beyond
_ORDINALS = (
    N_("Quel âge a le premier enfant ?"),
    N_("Quel âge a le deuxième enfant ?"),
    N_("Quel âge a le troisième enfant ?"),
    N_("Quel âge a le quatrième enfant ?"),
    N_("Quel âge a le cinquième enfant ?"),
    N_("Quel âge a le sixième enfant ?"),
)
CHILD_AGE_IDS = tuple(f"child_age_{number}" for number in range(1, MAX_CHILD_AGES + 1))

_MONTHLY_NET = N_("En moyenne sur les 3 derniers mois. Tapez 0 si rien.")

QUESTIONS: tuple[Question, ...] = (
    Question(
        "age",
        N_("Quel âge avez-vous ?"),
        AnswerKind.COUNT,
        hint=N_("Votre âge, en années."),
        minimum=15,
        maximum=120,
    ),
    Question(
        "couple",
        N_("Vivez-vous seul ou en couple ?"),
        AnswerKind.CHOICE,
        (
            Choice(ALONE, N_("Seul ou seule"), "mdi6.account-outline"),
            Choice(COUPLE, N_("En couple"), "mdi6.account-multiple-outline"),
        ),
        hint=N_("En couple : marié, pacsé ou en union libre."),
    ),
    Question(
        "children",
        N_("Combien d'enfants vivent avec vous ?"),
        AnswerKind.COUNT,
        hint=N_("Les enfants de moins de 25 ans que vous élevez. Tapez 0 si aucun."),
        maximum=15,
    ),
    *(
        Question(
            question_id,
            text,
            AnswerKind.COUNT,
            hint=N_("En années. Tapez 0 pour un bébé de moins d'un an."),
            maximum=24,
        )
        for question_id, text in zip(CHILD_AGE_IDS, _ORDINALS, strict=True)
    ),
    Question(
        "activity",
        N_("Que faites-vous en ce moment ?"),
        AnswerKind.CHOICE,
        (
            Choice(WORK, N_("Je travaille"), "mdi6.briefcase-outline"),
            Choice(JOB_SEEKER, N_("Je cherche du travail"), "mdi6.account-search-outline"),
            Choice(RETIRED, N_("Je suis à la retraite"), "mdi6.human-cane"),
            Choice(OTHER, N_("Autre : études, maladie, au foyer"), "mdi6.home-outline"),
        ),
        hint=N_("Si vous travaillez, même un peu, touchez « Je travaille »."),
    ),
    Question(
        "salary",
        N_("Combien gagnez-vous par mois ?"),
        AnswerKind.AMOUNT,
        hint=N_("Le salaire net, en moyenne sur les 3 derniers mois."),
    ),
    Question(
        "unemployment_benefit",
        N_("Combien recevez-vous de France Travail par mois ?"),
        AnswerKind.AMOUNT,
        hint=_MONTHLY_NET,
    ),
    Question(
        "pension",
        N_("Combien recevez-vous de retraite par mois ?"),
        AnswerKind.AMOUNT,
        hint=N_("Toutes vos retraites ensemble, ce que vous recevez sur votre compte."),
    ),
    Question(
        "partner_activity",
        N_("Que fait votre conjoint en ce moment ?"),
        AnswerKind.CHOICE,
        (
            Choice(WORK, N_("Il ou elle travaille"), "mdi6.briefcase-outline"),
            Choice(JOB_SEEKER, N_("Il ou elle cherche du travail"), "mdi6.account-search-outline"),
            Choice(RETIRED, N_("Il ou elle est à la retraite"), "mdi6.human-cane"),
            Choice(OTHER, N_("Autre : études, maladie, au foyer"), "mdi6.home-outline"),
        ),
        hint=N_("Votre conjoint : la personne avec qui vous vivez en couple."),
    ),
    Question(
        "partner_salary",
        N_("Combien gagne votre conjoint par mois ?"),
        AnswerKind.AMOUNT,
        hint=N_("Le salaire net, en moyenne sur les 3 derniers mois."),
    ),
    Question(
        "partner_unemployment_benefit",
        N_("Combien votre conjoint reçoit-il de France Travail par mois ?"),
        AnswerKind.AMOUNT,
        hint=_MONTHLY_NET,
    ),
    Question(
        "partner_pension",
        N_("Combien votre conjoint reçoit-il de retraite par mois ?"),
        AnswerKind.AMOUNT,
        hint=N_("Toutes ses retraites ensemble, ce qu'il ou elle reçoit."),
    ),
    Question(
        "other_income",
        N_("Recevez-vous d'autre argent chaque mois ? Combien ?"),
        AnswerKind.AMOUNT,
        hint=N_("Par exemple une pension alimentaire. Pas les aides de la CAF. Tapez 0 si rien."),
    ),
    Question(
        "housing",
        N_("Où habitez-vous ?"),
        AnswerKind.CHOICE,
        (
            Choice(TENANT_SOCIAL, N_("Je loue un logement social (HLM)"), "mdi6.office-building-outline"),
            Choice(TENANT_PRIVATE, N_("Je loue à un propriétaire ou à une agence"), "mdi6.home-city-outline"),
            Choice(TENANT_FURNISHED, N_("Je loue un meublé, une chambre ou un foyer"), "mdi6.bed-outline"),
            Choice(OWNER, N_("Je suis propriétaire"), "mdi6.home-account"),
            Choice(HOSTED, N_("Je suis hébergé par la famille ou des amis"), "mdi6.home-heart"),
            Choice(HOMELESS, N_("Je n'ai pas de logement stable"), "mdi6.bag-suitcase-outline"),
        ),
    ),
    Question(
        "rent",
        N_("Combien payez-vous de loyer par mois ?"),
        AnswerKind.AMOUNT,
        hint=N_("Sans les charges, si vous le savez. Avant l'aide au logement."),
    ),
    Question(
        "postal_code",
        N_("Quel est votre code postal ?"),
        AnswerKind.POSTAL_CODE,
        hint=N_("Les 5 chiffres de votre adresse, par exemple 59000."),
    ),
    Question(
        "zone_paris",
        N_("Habitez-vous dans l'agglomération de Paris ?"),
        AnswerKind.CHOICE,
        (
            Choice(YES, N_("Oui, près de Paris"), "mdi6.city"),
            Choice(NO, N_("Non, plus loin, vers la campagne"), "mdi6.pine-tree"),
        ),
        hint=N_("Paris et les villes autour, sans campagne entre elles."),
    ),
    Question(
        "zone_city",
        N_("Habitez-vous dans une grande ville, ou juste à côté ?"),
        AnswerKind.CHOICE,
        (
            Choice(YES, N_("Oui, une grande ville ou sa banlieue"), "mdi6.city-variant-outline"),
            Choice(NO, N_("Non, une petite ville ou la campagne"), "mdi6.pine-tree"),
        ),
        hint=N_("Une grande ville : plus de 100 000 habitants avec les villes autour."),
    ),
    Question(
        "disability",
        N_("Avez-vous un handicap reconnu par la MDPH ?"),
        AnswerKind.CHOICE,
        (
            Choice(DISABILITY_NONE, N_("Non"), "mdi6.close-circle-outline"),
            Choice(DISABILITY_80, N_("Oui, taux de 80 % ou plus"), "mdi6.wheelchair-accessibility"),
            Choice(DISABILITY_50, N_("Oui, taux de 50 à 79 %"), "mdi6.wheelchair-accessibility"),
        ),
        hint=N_("Le taux est écrit sur la décision de la MDPH."),
    ),
)
_BY_ID = {question.id: question for question in QUESTIONS}
_ORDER = {question.id: index for index, question in enumerate(QUESTIONS)}


def question(question_id: str) -> Question:
    """The question with this id (KeyError for an unknown one)."""
    return _BY_ID[question_id]


def known(answers: Answers, question_id: str) -> str | int | None:
    """The answer to a question, or None when it was not answered or the answer is « Je ne sais pas »."""
    value = answers.get(question_id)
    return None if value == DONT_KNOW else value


def children_count(answers: Answers) -> int:
    """How many children the person said live with them (0 when not said)."""
    value = known(answers, "children")
    return value if isinstance(value, int) else 0


def in_couple(answers: Answers) -> bool:
    return answers.get("couple") == COUPLE


def tenant(answers: Answers) -> bool:
    return answers.get("housing") in TENANT_CHOICES


def postal_zones(answers: Answers) -> frozenset[int]:
    """The housing-aid zones of the département of the postal code given (empty when none was given)."""
    postal_code = known(answers, "postal_code")
    departement = departement_of(postal_code) if isinstance(postal_code, str) else None
    return zones_of(departement) if departement else frozenset()


def _child_age_asked(number: int) -> Callable[[Answers], bool]:
    return lambda answers: children_count(answers) >= number


# When a question is worth asking; a question not named here always is. Each rule reads only
# answers to questions asked before it.
_ASKED_WHEN: dict[str, Callable[[Answers], bool]] = {
    **{question_id: _child_age_asked(number) for number, question_id in enumerate(CHILD_AGE_IDS, 1)},
    "salary": lambda answers: answers.get("activity") == WORK,
    "unemployment_benefit": lambda answers: answers.get("activity") == JOB_SEEKER,
    "pension": lambda answers: answers.get("activity") == RETIRED,
    "partner_activity": in_couple,
    "partner_salary": lambda answers: in_couple(answers) and answers.get("partner_activity") == WORK,
    "partner_unemployment_benefit": lambda answers: (
        in_couple(answers) and answers.get("partner_activity") == JOB_SEEKER
    ),
    "partner_pension": lambda answers: in_couple(answers) and answers.get("partner_activity") == RETIRED,
    "rent": tenant,
    # The zone decides the rent ceiling of the housing aid: asked only of a tenant whose département
    # has communes in two zones (docs/RIGHTS.md): 1 and 2 around Paris, 2 and 3 elsewhere (the table has
    # no other mix; a département it does not list gets the cautious zone, unasked).
    "zone_paris": lambda answers: tenant(answers) and postal_zones(answers) == {1, 2},
    "zone_city": lambda answers: tenant(answers) and postal_zones(answers) == {2, 3},
}


def is_asked(answers: Answers, question_id: str) -> bool:
    """Whether the answers so far make ``question_id`` worth asking."""
    rule = _ASKED_WHEN.get(question_id)
    return rule is None or rule(answers)


def next_question(answers: Answers, current: str | None) -> Question | None:
    """The question after ``current`` (the first one when None) that is worth asking; None after the last."""
    start = 0 if current is None else _ORDER[current] + 1
    for candidate in QUESTIONS[start:]:
        if is_asked(answers, candidate.id):
            return candidate
    return None


def previous_question(answers: Answers, current: str) -> str | None:
    """The id of the question asked before ``current``; None for the first."""
    for candidate in reversed(QUESTIONS[: _ORDER[current]]):
        if is_asked(answers, candidate.id):
            return candidate.id
    return None


def asked(answers: Answers) -> tuple[Question, ...]:
    """The questions these answers make worth asking, in order: the ones whose answers count."""
    return tuple(candidate for candidate in QUESTIONS if is_asked(answers, candidate.id))
