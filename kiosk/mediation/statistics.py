"""The structure's activity, from the anonymous records: totals, breakdowns, CSV and JSON exports.

One record per visit (see kiosk.store.records): the day, the procedures and their
themes, the language, the outcome, the autonomy level a mediator recorded, the
duration bracket, the number of help requests, and whether « Quelles aides pour
moi ? » made an estimate and which aids it suggested. docs/STATISTICS.md maps each
field to the categories of the mediation activity reports.

The exports list the records day by day, in a random order within each day: the
store keeps them in the order visits ended, and that order, read beside anything
timed (a log, a camera, the appointment book), could point at one person.
"""

from __future__ import annotations

import csv
import io
import json
import secrets
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# The anonymous activity record, field by field (docs/STATISTICS.md explains each one); the store
# keeps one per visit in a table of these columns.
ACTIVITY_FIELDS = (
    "day",
    "language",
    "mode",
    "procedures",
    "themes",
    "outcome",
    "autonomy",
    "duration_bracket",
    "help_requests",
    "referral",
    "practice_mistakes",
    "rights_simulated",
    "aids_suggested",
)


@dataclass
class Summary:
    visits: int = 0
    completed: int = 0
    with_help: int = 0
    help_requests: int = 0
    per_day: Counter[str] = field(default_factory=Counter)
    per_procedure: Counter[str] = field(default_factory=Counter)
    per_theme: Counter[str] = field(default_factory=Counter)
    per_language: Counter[str] = field(default_factory=Counter)
    per_autonomy: Counter[str] = field(default_factory=Counter)
    per_duration: Counter[str] = field(default_factory=Counter)
    per_mode: Counter[str] = field(default_factory=Counter)
    per_practice_mistake: Counter[str] = field(default_factory=Counter)
    rights_simulations: int = 0  # visits where « Quelles aides pour moi ? » made an estimate
    per_aid_suggested: Counter[str] = field(default_factory=Counter)

    @property
    def completion_percent(self) -> int:
        return round(100 * self.completed / self.visits) if self.visits else 0


def summarize(records: list[dict[str, Any]]) -> Summary:
    summary = Summary()
    for record in records:
        summary.visits += 1
        summary.completed += record["outcome"] == "completed"
        summary.help_requests += int(record["help_requests"])
        summary.with_help += int(record["help_requests"]) > 0
        summary.per_day[record["day"]] += 1
        summary.per_language[record["language"]] += 1
        summary.per_autonomy[record.get("autonomy") or "not_recorded"] += 1
        summary.per_duration[record["duration_bracket"]] += 1
        for procedure in record["procedures"] or ["none"]:
            summary.per_procedure[procedure] += 1
        for theme in record["themes"]:
            summary.per_theme[theme] += 1
        summary.per_mode[record["mode"]] += 1
        for mistake in record.get("practice_mistakes") or []:
            summary.per_practice_mistake[mistake] += 1
        summary.rights_simulations += bool(record.get("rights_simulated"))
        for aid_id in record.get("aids_suggested") or []:
            summary.per_aid_suggested[aid_id] += 1
    return summary


def unordered(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records sorted by day, and shuffled within each day by the system's random source,
    so that their order says nothing of when each visit took place."""
    shuffled = list(records)
    secrets.SystemRandom().shuffle(shuffled)
    return sorted(shuffled, key=lambda record: str(record["day"]))  # a stable sort keeps the shuffle


def by_count(counter: Counter[str]) -> dict[str, int]:
    """Most frequent first, ties by name: not by which came first, which would tell the order of visits."""
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def to_csv(records: list[dict[str, Any]]) -> str:
    """One line per visit, day by day in a random order within a day; lists joined with "|"."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=ACTIVITY_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in unordered(records):
        row = {key: record.get(key) for key in ACTIVITY_FIELDS}
        row["procedures"] = "|".join(record["procedures"])
        row["themes"] = "|".join(record["themes"])
        row["practice_mistakes"] = "|".join(record.get("practice_mistakes") or [])
        row["rights_simulated"] = int(bool(record.get("rights_simulated")))
        row["aids_suggested"] = "|".join(record.get("aids_suggested") or [])
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return output.getvalue()


def to_json(records: list[dict[str, Any]]) -> str:
    """The totals and breakdowns, then every record, day by day in a random order within a day."""
    summary = summarize(records)
    return json.dumps(
        {
            "visits": summary.visits,
            "completed": summary.completed,
            "help_requests": summary.help_requests,
            "per_day": dict(sorted(summary.per_day.items())),
            "per_procedure": by_count(summary.per_procedure),
            "per_theme": by_count(summary.per_theme),
            "per_language": by_count(summary.per_language),
            "per_autonomy": by_count(summary.per_autonomy),
            "per_duration": by_count(summary.per_duration),
            "per_mode": by_count(summary.per_mode),
            "per_practice_mistake": by_count(summary.per_practice_mistake),
            "rights_simulations": summary.rights_simulations,
            "per_aid_suggested": by_count(summary.per_aid_suggested),
            "records": [{key: record.get(key) for key in ACTIVITY_FIELDS} for record in unordered(records)],
        },
        ensure_ascii=False,
        indent=2,
    )
