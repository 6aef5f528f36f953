"""One person's run through a simulated site, and the practice phone's pictures.

A ``PracticeRun`` is one try at a ``PracticeSite`` (``kiosk.content.practice_sites``):
it holds what is typed in memory only (credential fields as ``Secret``), checks a
page when it is sent, and keeps the *kinds* of mistakes made, never the values,
for the review and the anonymous activity record.

The simulated site speaks French, like the real one; the kiosk explains each
mistake in the person's language (``kiosk.practice.explanations``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from kiosk.content.field_kinds import FieldKind
from kiosk.content.practice_person import PracticePerson
from kiosk.content.practice_sites import (
    CAPTCHA_WRONG,
    CHECKBOX_REQUIRED,
    CODE_WRONG,
    CONFIRMATION_DIFFERENT,
    END_OF_PRACTICE,
    NOT_AS_ON_CARD,
    SESSION_EXPIRED,
    SILENT_ON_SITE,
    UPLOAD_BLURRED,
    PracticeField,
    PracticeKind,
    PracticeLink,
    PracticePage,
    PracticeSite,
    with_months,
)
from kiosk.practice.validators import check, check_upload, normalized
from kiosk.secret import Secret

CAPTCHA_LETTERS = "ABCDEFGHJKMNPRSTUVWXYZ23456789"  # no O/0 or I/1 look-alikes


@dataclass(frozen=True)
class PhonePhoto:
    """A picture in the practice phone's gallery."""

    file_name: str
    size_bytes: int
    sharp: bool
    shows: str  # what it shows, for the drawing: "document" or "face"


PHONE_PHOTOS: tuple[PhonePhoto, ...] = (
    PhonePhoto("photo-justificatif.jpg", 1_400_000, True, "document"),
    PhonePhoto("IMG_2041.HEIC", 2_300_000, True, "document"),
    PhonePhoto("photo-grande.jpg", 9_800_000, True, "document"),
    PhonePhoto("photo-floue.jpg", 1_100_000, False, "document"),
)


@dataclass(frozen=True)
class Mail:
    """A message the simulated site sent: an e-mail to the practice mailbox, or a text to the phone."""

    channel: str
    sender: str
    code: Secret


@dataclass(frozen=True)
class PracticeMistake:
    page_id: str
    field_id: str
    code: str


@dataclass(frozen=True)
class FieldProblem:
    field_id: str
    code: str
    site_message: str  # in French, as the site shows it


@dataclass(frozen=True)
class Sent:
    """What sending a page gave: problems to fix, a caution to hear first, or the next page."""

    problems: tuple[FieldProblem, ...] = ()
    caution: FieldProblem | None = None

    @property
    def accepted(self) -> bool:
        return not self.problems and self.caution is None


SITE_MESSAGES: dict[str, str] = {
    "empty": "Ce champ est obligatoire.",
    CODE_WRONG: "Le code saisi est incorrect.",
    CAPTCHA_WRONG: "Les caractères saisis ne correspondent pas à l'image.",
    CONFIRMATION_DIFFERENT: "Les deux saisies ne sont pas identiques.",
    UPLOAD_BLURRED: "Votre document est illisible. Merci d'envoyer une photo nette.",
    "upload.type": "Format de fichier non accepté.",
    "upload.size": "Le fichier est trop volumineux.",
    "upload.empty": "Le fichier est vide.",
    CHECKBOX_REQUIRED: "Vous devez cocher cette case pour continuer.",
}
DEFAULT_SITE_MESSAGE = "La saisie est incorrecte. Vérifiez ce champ."


def site_message(practice_field: PracticeField, code: str) -> str:
    """The site's own wording of a mistake (French, like the real sites); "" where it would say nothing."""
    if code in SILENT_ON_SITE:
        return ""
    if practice_field.error and code not in {"empty", CONFIRMATION_DIFFERENT}:
        return practice_field.error
    return SITE_MESSAGES.get(code, DEFAULT_SITE_MESSAGE)


def new_captcha(rng: random.Random) -> str:
    return "".join(rng.choice(CAPTCHA_LETTERS) for _ in range(5))


class PracticeRun:
    """One try at a simulated site: the page shown, what is typed on it, the mailbox and the mistakes."""

    def __init__(
        self,
        site: PracticeSite,
        clock: Callable[[], float],
        today: Callable[[], date] = date.today,
        rng: random.Random | None = None,
        person: PracticePerson | None = None,
    ) -> None:
        self.site = site
        self.person = person or site.person()  # the practice person, as this site changes them
        self._clock = clock
        self._today = today
        self._rng = rng or random.SystemRandom()
        self.page = self._dated(site.pages[0])
        self.values: dict[str, str | Secret] = {}
        self.photos: dict[str, PhonePhoto] = {}
        self.mailbox: list[Mail] = []
        self.mistakes: list[PracticeMistake] = []
        self.pages_done: list[str] = []
        self.captcha = new_captcha(self._rng)
        self.finished = False
        self._heard_cautions: set[str] = set()
        self._last_touch = clock()

    # What the person does ---------------------------------------------------------------
    def touch(self) -> None:
        """Any touch on the simulated site keeps its session alive."""
        self._last_touch = self._clock()

    def type(self, field_id: str, value: str | Secret) -> None:
        practice_field = self.page.field(field_id)
        if practice_field.credential and not isinstance(value, Secret):
            value = Secret(value)
        self.values[field_id] = value
        self.touch()

    def choose_photo(self, field_id: str, photo: PhonePhoto) -> None:
        self.page.field(field_id)
        self.photos[field_id] = photo
        self.touch()

    def follow(self, link: PracticeLink) -> None:
        self._open(link.to)

    def session_expired(self) -> bool:
        """True, once, when the page was left untouched longer than its site allows: it starts again."""
        limit = self.page.expires_after_s
        if not limit or self._clock() - self._last_touch < limit:
            return False
        self.mistakes.append(PracticeMistake(self.page.id, "", SESSION_EXPIRED))
        self._open(self.page.id)
        return True

    def send(self) -> Sent:
        """Check the page as the site would; on success, go to the next page (or finish)."""
        self.touch()
        problems = tuple(p for p in (self._problem(f) for f in self.page.fields) if p is not None)
        if problems:
            self.mistakes.extend(PracticeMistake(self.page.id, p.field_id, p.code) for p in problems)
            if any(p.code == CAPTCHA_WRONG for p in problems):
                self.captcha = new_captcha(self._rng)
            return Sent(problems=problems)
        caution = self._caution()
        if caution is not None:
            self.mistakes.append(PracticeMistake(self.page.id, caution.field_id, caution.code))
            return Sent(caution=caution)
        if self.page.sends_code:
            self._send_a_code(self.page.sends_code)
        self.pages_done.append(self.page.id)
        if self.page.next == END_OF_PRACTICE:
            self.finished = True
            self.forget_typing()
        else:
            self._open(self.page.next)
        return Sent()

    def forget(self) -> None:
        """Wipe everything the run holds: what was typed, the photos chosen, the codes received."""
        self.forget_typing()
        for mail in self.mailbox:
            mail.code.wipe()

    def forget_typing(self) -> None:
        """Wipe everything typed (on every page change, and at the end)."""
        for value in self.values.values():
            if isinstance(value, Secret):
                value.wipe()
        self.values.clear()
        self.photos.clear()

    # What is checked ---------------------------------------------------------------------
    def _text(self, field_id: str) -> str:
        value = self.values.get(field_id, "")
        return value.reveal() if isinstance(value, Secret) else value

    def _problem(self, practice_field: PracticeField) -> FieldProblem | None:
        code = self._mistake(practice_field)
        if code is None:
            return None
        return FieldProblem(practice_field.id, code, site_message(practice_field, code))

    def _mistake(self, practice_field: PracticeField) -> str | None:
        kind = practice_field.kind
        if kind == PracticeKind.UPLOAD:
            return self._photo_mistake(practice_field)
        value = self._text(practice_field.id).strip()
        if kind == PracticeKind.CHECKBOX:
            return None if practice_field.optional or value == "yes" else CHECKBOX_REQUIRED
        if not value:
            return None if practice_field.optional else "empty"
        if kind == PracticeKind.CHOICE:
            return None if value in practice_field.options else "empty"
        if kind == PracticeKind.CONFIRMATION_CODE:
            sent = self.mailbox[-1].code.reveal() if self.mailbox else None
            return None if sent is not None and value.replace(" ", "") == sent else CODE_WRONG
        if kind == PracticeKind.CAPTCHA:
            return None if value.replace(" ", "").upper() == self.captcha else CAPTCHA_WRONG
        field_kind = FieldKind(kind)
        code = check(field_kind, value, today=self._today(), password_rules=self.site.password_rules)
        if code is not None:
            return code
        if practice_field.confirms and value != self._text(practice_field.confirms).strip():
            return CONFIRMATION_DIFFERENT
        typed = normalized(field_kind, value)
        for detail, trap in practice_field.traps:
            if typed == normalized(field_kind, self.person.detail(detail)):
                return trap
        if practice_field.expect and typed != normalized(
            field_kind, self.person.detail(practice_field.expect)
        ):
            return NOT_AS_ON_CARD
        return None

    def _photo_mistake(self, practice_field: PracticeField) -> str | None:
        photo = self.photos.get(practice_field.id)
        if photo is None:
            return None if practice_field.optional else "empty"
        code = check_upload(
            photo.file_name, photo.size_bytes, practice_field.accept, practice_field.max_bytes
        )
        if code is None and not photo.sharp:
            return UPLOAD_BLURRED
        return code

    def _caution(self) -> FieldProblem | None:
        """A ticked box whose consequence the person should hear about once before sending."""
        for practice_field in self.page.fields:
            if (
                practice_field.caution
                and self._text(practice_field.id) == "yes"
                and practice_field.id not in self._heard_cautions
            ):
                self._heard_cautions.add(practice_field.id)
                return FieldProblem(practice_field.id, practice_field.caution, "")
        return None

    # Moving ---------------------------------------------------------------------------------
    def _open(self, page_id: str) -> None:
        self.forget_typing()
        self.page = self._dated(self.site.page(page_id))
        self.captcha = new_captcha(self._rng)
        self.touch()

    def _dated(self, page: PracticePage) -> PracticePage:
        """The page as the site shows it today: each ``{mois-N}`` is the month it names."""
        today = self._today()
        fields = tuple(replace(f, label=with_months(f.label, today)) for f in page.fields)
        return replace(
            page, heading=with_months(page.heading, today), text=with_months(page.text, today), fields=fields
        )

    def _send_a_code(self, channel: str) -> None:
        code = "".join(str(self._rng.randrange(10)) for _ in range(6))
        self.mailbox.append(Mail(channel, self.site.sender or self.site.name, Secret(code)))

    # After -------------------------------------------------------------------------------------
    def mistake_kinds(self) -> list[str]:
        """The kinds of mistakes made, in order, each once: what the activity record may keep."""
        return list(dict.fromkeys(mistake.code for mistake in self.mistakes))

    def first_try_fields(self) -> int:
        """How many fields were right the first time they were sent."""
        wrong = {(m.page_id, m.field_id) for m in self.mistakes}
        done = [self.site.page(page_id) for page_id in dict.fromkeys(self.pages_done)]
        return sum(1 for page in done for f in page.fields if (page.id, f.id) not in wrong)
