"""The recap a person takes home: what was done, what comes next, what to bring, who else can help.

Built in the person's language from the procedure and the structure's settings
(its name and address, its directory of local help places). Nothing personal is
in it, so it can be printed, saved as PDF or carried in a QR code as is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kiosk.content.procedures import ChannelKind, Procedure
from kiosk.i18n.translation import _, content, format_date
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

    def sections(self) -> list[tuple[str, list[str]]]:
        """Headed sections in reading order; empty ones left out."""
        sections = [
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
