"""Where the facts the person reads were checked, for the mediator: the page and the day of each source.

A fact that can cost money or rights (an amount, a deadline, a phone number...) carries its source in
the content (docs/CONTENT.md, "Sources"). The mediator sees, beside the person's session, the sources
of the step on screen and of the procedure, in French like the rest of mediator mode, to check a fact
before the person relies on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.content.procedures import Source

if TYPE_CHECKING:
    from kiosk.visit.visit import Visit


def sources_in_view(visit: Visit) -> tuple[Source, ...]:
    """The sources of what the person is reading: the step's first, then the procedure's."""
    procedure = visit.procedure()
    if procedure is None:
        return ()
    step = visit.step()
    return (*(step.sources if step is not None else ()), *procedure.sources)


def source_line(source: Source) -> str:
    """« Passeport : 86 € — https://… (page lue le 04/12/2026) »."""
    year, month, day = source.date.split("-")
    what = f"{source.fact} — " if source.fact else ""
    return f"{what}{source.url} (page lue le {day}/{month}/{year})"


def sources_text(visit: Visit) -> str:
    """What the session page shows: one line per source, or nothing when the screen has none."""
    lines = [f"• {source_line(source)}" for source in sources_in_view(visit)]
    return "Sources de ce que la personne lit :\n" + "\n".join(lines) if lines else ""
