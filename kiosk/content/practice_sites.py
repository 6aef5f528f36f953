"""What a simulated site is made of: its pages, fields, links and the mistakes it can name.

A ``PracticeSite`` is content (``practice/*.yaml`` in a pack, see docs/CONTENT.md),
read by ``kiosk.content.practice_site_reader``: pages of fields, each field with a
kind that ``kiosk.practice.validators`` checks, and the pitfalls people really meet
(an expiring session, a code sent to a mailbox, a captcha, a photo that is too big
or blurred, an amount in the wrong box, the "no more paper mail" box). Running one
is ``kiosk.practice.run``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from kiosk.content.field_kinds import FieldKind, PasswordRules
from kiosk.content.practice_person import PRACTICE_PERSON, PracticePerson

END_OF_PRACTICE = "end"


class PracticeKind(StrEnum):
    """Field kinds that exist only on simulated sites (the others are ``FieldKind``)."""

    CONFIRMATION_CODE = "confirmation_code"  # the code the site sent to the practice mailbox
    CAPTCHA = "captcha"  # copy the characters drawn on the page
    UPLOAD = "upload"  # a photo chosen from the practice phone
    CHECKBOX = "checkbox"  # a box to tick; with ``caution``, ticking it deserves a word first
    CHOICE = "choice"  # one answer among ``options``


FIELD_KINDS: frozenset[str] = frozenset({*FieldKind, *PracticeKind})
CREDENTIAL_KINDS = frozenset({FieldKind.PASSWORD.value, PracticeKind.CONFIRMATION_CODE.value})

# Mistakes only a simulated site can see (the validators name the others).
CODE_WRONG = "confirmation_code.wrong"
CAPTCHA_WRONG = "captcha.wrong"
CONFIRMATION_DIFFERENT = "confirmation.different"
SESSION_EXPIRED = "session.expired"
UPLOAD_BLURRED = "upload.blurred"
NOT_AS_ON_CARD = "scenario.different"  # the value differs from the practice card
RSA_AS_SALARY = "trap.rsa_as_salary"  # a benefit typed in the salary box
CHECKBOX_REQUIRED = "checkbox.required"  # a box the site wants ticked (a sworn statement)
SILENT_ON_SITE = frozenset({RSA_AS_SALARY, NOT_AS_ON_CARD})  # a real site would take these: the kiosk speaks
PAPER_MAIL = "caution.paper_mail"
CAUTIONS = frozenset({PAPER_MAIL})
SITE_MISTAKES = frozenset(
    {
        CODE_WRONG,
        CAPTCHA_WRONG,
        CONFIRMATION_DIFFERENT,
        SESSION_EXPIRED,
        UPLOAD_BLURRED,
        NOT_AS_ON_CARD,
        RSA_AS_SALARY,
        CHECKBOX_REQUIRED,
    }
)


@dataclass(frozen=True)
class PracticeField:
    id: str
    label: str
    kind: str  # a FieldKind or PracticeKind value
    fill: str = ""  # the practice person's detail this field takes (see PracticePerson)
    example: str = ""  # shown by "show me"; by default the practice person's value
    error: str = ""  # how the site words its error; by default a usual wording
    confirms: str = ""  # another field of the page this one must repeat (a password typed twice)
    expect: str = ""  # a practice person's detail the value must equal (an amount on the card)
    traps: tuple[tuple[str, str], ...] = ()  # (detail, mistake): typing that detail here is that mistake
    caution: str = ""  # a box whose ticking the kiosk explains before the page goes
    options: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()  # file extensions, for an upload
    max_bytes: int = 0
    optional: bool = False

    @property
    def credential(self) -> bool:
        return self.kind in CREDENTIAL_KINDS


@dataclass(frozen=True)
class PracticeLink:
    label: str
    to: str  # a page id


@dataclass(frozen=True)
class PracticePage:
    id: str
    heading: str
    button: str
    next: str  # a page id, or END_OF_PRACTICE
    step: str = ""  # the walkthrough step this page rehearses
    text: str = ""
    fields: tuple[PracticeField, ...] = ()
    links: tuple[PracticeLink, ...] = ()
    sends_code: str = ""  # sending the page sends a confirmation code: "email" (mailbox) or "sms" (phone)
    expires_after_s: int = 0  # the site's session ends after this long without a touch (0: never)

    def field(self, field_id: str) -> PracticeField:
        for candidate in self.fields:
            if candidate.id == field_id:
                return candidate
        raise KeyError(field_id)


@dataclass(frozen=True)
class PracticeSite:
    procedure_id: str
    name: str  # the simulated site's name in its header
    address: str  # the fake address in the browser bar, always ending in ".simulation"
    pages: tuple[PracticePage, ...]
    sender: str = ""  # who the confirmation mails come from
    password_rules: PasswordRules | None = None
    # Details of the practice person this site changes: a retirement request needs someone of
    # retirement age, not the 40-year-old of the other sites.
    person_changes: tuple[tuple[str, str], ...] = ()

    def person(self) -> PracticePerson:
        """The practice person as this site sees them."""
        return replace(PRACTICE_PERSON, **dict(self.person_changes))

    def page(self, page_id: str) -> PracticePage:
        for candidate in self.pages:
            if candidate.id == page_id:
                return candidate
        raise KeyError(page_id)


CODE_CHANNELS = ("email", "sms")

# ``{mois-N}`` in a page's heading, text or a field's label: the month N months before the month
# of the practice, as the real site names it (« février 2026 »). The CAF's quarterly declaration
# asks for the 4th, 3rd and 2nd months before the month it is made in: a fixed month in the file
# would be wrong the next quarter.
MONTH_BEFORE = re.compile(r"\{mois-(\d+)\}")
MONTHS_BEFORE_MAX = 12
FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def month_before(today: date, count: int) -> str:
    """« février 2026 »: the month ``count`` months before the month of ``today``."""
    index = today.year * 12 + today.month - 1 - count
    return f"{FRENCH_MONTHS[index % 12]} {index // 12}"


def with_months(text: str, today: date) -> str:
    """``text`` with each ``{mois-N}`` replaced by the month it names, seen from ``today``."""
    return MONTH_BEFORE.sub(lambda found: month_before(today, int(found.group(1))), text)
