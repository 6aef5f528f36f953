"""What mediators tell the publisher about a guide: checked today on the real site, or the site changed.

A report is about a guide, never about a person: the day (no time, which would point
at a visit), the guide, the pack version it came from, the verdict, the step that
differs and a short note of what differs. Exported as CSV or JSON for the publisher,
so that the correction comes back in the next signed pack (docs/CONTENT.md).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

VERIFIED = "verified"
SITE_CHANGED = "site-changed"
VERDICTS = (VERIFIED, SITE_CHANGED)
MAX_NOTE_CHARS = 280  # a short note: which button, which word; not an account of a visit
REPORT_FIELDS = ("day", "procedure_id", "pack_version", "verdict", "step_id", "note")


@dataclass(frozen=True)
class GuideReport:
    day: str
    procedure_id: str
    pack_version: str
    verdict: str
    step_id: str = ""
    note: str = ""

    @classmethod
    def made(
        cls, procedure_id: str, pack_version: str, verdict: str, step_id: str = "", note: str = "",
        today: date | None = None,
    ) -> GuideReport:  # fmt: skip
        """A report checked as it is made; ValueError says what is wrong."""
        if verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {verdict!r}")
        note = " ".join(note.split())
        if len(note) > MAX_NOTE_CHARS:
            raise ValueError(f"the note has {len(note)} characters; {MAX_NOTE_CHARS} at most")
        if verdict == SITE_CHANGED and not (step_id or note):
            raise ValueError("say which step differs, or what differs")
        return cls(
            (today or datetime.now().astimezone().date()).isoformat(),
            procedure_id,
            pack_version,
            verdict,
            step_id,
            note,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def to_csv(reports: list[GuideReport]) -> str:
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=REPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for report in reports:
        writer.writerow(report.to_dict())
    return output.getvalue()


def to_json(reports: list[GuideReport]) -> str:
    return json.dumps({"guide_reports": [r.to_dict() for r in reports]}, ensure_ascii=False, indent=1)
