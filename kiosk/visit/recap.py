"""The recap a person takes home: what was done, what comes next, what to bring, who else can help.

Built in the person's language from the procedure and the structure's settings
(its name and address, its directory of local help places). Nothing personal is
in it, so it can be printed, saved as PDF or carried in a QR code as is. The one
exception is the person's choice: the aids « Quelles aides pour moi ? » estimated,
with their amounts (``rights_recap``), never the answers (incomes) they came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.content.procedures import ChannelKind, Procedure
from kiosk.i18n.translation import _, content, format_date, format_number
from kiosk.rights.aids import AidKind, Estimate, Estimates
from kiosk.visit.session import Session

STRUCTURE_NAME = "structure_name"
STRUCTURE_ADDRESS = "structure_address"
HELP_PLACES = "help_places"
QR_MAX_CHARACTERS = 150  # beyond this a QR code is too dense to scan from a screen


@dataclass(frozen=True)
class HelpPlace:
    """A place nearby that helps with procedures (from the structure's directory)."""

    name: str
    address: str = ""
    hours: str = ""
    helps_with: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HelpPlace:
        return cls(
            str(data.get("name", "")),
            str(data.get("address", "")),
            str(data.get("hours", "")),
            str(data.get("helps_with", "")),
        )

    def line(self) -> str:
        return " — ".join(part for part in (self.name, self.address, self.hours, self.helps_with) if part)


@dataclass(frozen=True)
class Recap:
    title: str
    day: str
    structure: str
    done: tuple[str, ...]
    next_steps: str
    documents: tuple[str, ...]
    sites: tuple[str, ...]
    channels: tuple[str, ...]
    phones: tuple[str, ...]
    help_places: tuple[HelpPlace, ...]
    aids: tuple[str, ...] = ()  # the aids estimated and their amounts, when the person chose to take them

    def sections(self) -> list[tuple[str, list[str]]]:
        """Headed sections in reading order; empty ones left out."""
        sections = [
            (_("Les aides que vous pourriez avoir"), list(self.aids)),
            (_("Ce que vous avez fait"), list(self.done)),
            (_("Et après ?"), [self.next_steps] if self.next_steps else []),
            (_("Les papiers à avoir avec vous"), list(self.documents)),
            (_("Le vrai site"), list(self.sites)),
            (_("Autres façons de faire"), list(self.channels)),
            (_("Qui peut vous aider près d'ici"), [place.line() for place in self.help_places]),
        ]
        return [(heading, lines) for heading, lines in sections if lines]

    def qr_text(self) -> str:
        """A short plain text for a phone: the title, the site, the phone numbers (the rest is on paper)."""
        parts = [self.title, *(site.strip("\u2066\u2069") for site in self.sites), *self.phones]
        text = "\n".join(part for part in parts if part)
        return text if len(text) <= QR_MAX_CHARACTERS else text[: QR_MAX_CHARACTERS - 1] + "…"


def build_recap(
    procedure: Procedure, session: Session, settings: dict[str, Any], today: dt.date | None = None
) -> Recap:
    reached = set(session.steps_reached.get(procedure.id, []))
    channel_lines = []
    for channel in procedure.channels:
        line = content(channel.text)
        if channel.kind is ChannelKind.PHONE and channel.phone and channel.phone not in line:
            line = f"{line} \u2066{channel.phone}\u2069"
        channel_lines.append(line)
    name = str(settings.get(STRUCTURE_NAME) or "France Services")
    address = str(settings.get(STRUCTURE_ADDRESS) or "")
    return Recap(
        title=content(procedure.title),
        day=format_date((today or dt.date.today()).isoformat()),  # noqa: DTZ011 - the person's local day
        structure=f"{name}, {address}" if address else name,
        done=tuple(content(step.title) for step in procedure.steps if step.id in reached),
        next_steps=content(procedure.after),
        documents=tuple(content(item.text) for item in procedure.before_you_start),
        sites=tuple(f"\u2066{url}\u2069" for url in procedure.urls),
        channels=tuple(channel_lines),
        phones=tuple(channel.phone for channel in procedure.channels if channel.phone),
        help_places=tuple(HelpPlace.from_dict(place) for place in settings.get(HELP_PLACES) or []),
    )


def estimate_amount(estimate: Estimate) -> str:
    """What an aid brings, in the active language: « Environ 582 € par mois »."""
    if estimate.aid.kind is AidKind.FREE_COVER:
        return _("Vos soins sans rien payer")
    amount = format_number(estimate.monthly_euros)
    if estimate.aid.kind is AidKind.PAID_COVER:
        return _("Vous payez au plus {amount} € par mois").format(amount=amount)
    return _("Environ {amount} € par mois").format(amount=amount)


def rules_of(estimates: Estimates) -> tuple[str, str]:
    """The rules' release (« openfisca-france 176.1.8 ») and their date in the active language (the
    first day of the month simulated); a ``rules_date`` not written « release, YYYY-MM » is the date."""
    release, _comma, month = estimates.rules_date.rpartition(", ")
    day = f"{month}-01"
    shown = format_date(day)
    if not release or shown == day:  # not a month: format_date gave it back as it was
        return "", estimates.rules_date
    return release, shown


def estimate_notice(estimates: Estimates) -> str:
    """What is always said with the amounts: an estimate, not a decision, and the date of the rules."""
    return _("C'est une estimation, pas une décision. L'organisme décide. Règles du {date}.").format(
        date=rules_of(estimates)[1]
    )


def rules_release(estimates: Estimates) -> str:
    """Which release of the rules computed, said on paper (« … avec openfisca-france 176.1.8. »)."""
    release = rules_of(estimates)[0]
    if not release:
        return ""
    return _("Calcul fait sur l'ordinateur de l'accueil avec {rules}.").format(rules=release)


def rights_recap(
    estimates: Estimates,
    procedures: Mapping[str, Procedure],
    settings: dict[str, Any],
    today: dt.date | None = None,
) -> Recap:
    """The recap of « Quelles aides pour moi ? »: each aid and its amount, the notice, and the real
    sites where the aids are asked for (those of the walkthroughs « Faire la demande » opens)."""
    asked_on = [procedures.get(e.aid.procedure_id or "") for e in estimates.items]
    urls = dict.fromkeys(url for procedure in asked_on if procedure is not None for url in procedure.urls)
    name = str(settings.get(STRUCTURE_NAME) or "France Services")
    address = str(settings.get(STRUCTURE_ADDRESS) or "")
    return Recap(
        title=_("Quelles aides pour moi ?"),
        day=format_date((today or dt.date.today()).isoformat()),  # noqa: DTZ011 - the person's local day
        structure=f"{name}, {address}" if address else name,
        done=(),
        next_steps=" ".join(part for part in (estimate_notice(estimates), rules_release(estimates)) if part),
        documents=(),
        sites=tuple(f"\u2066{url}\u2069" for url in urls),
        channels=(),
        phones=(),
        help_places=tuple(HelpPlace.from_dict(place) for place in settings.get(HELP_PLACES) or []),
        aids=tuple(f"{_(e.aid.label)} — {estimate_amount(e)}" for e in estimates.items),
    )
