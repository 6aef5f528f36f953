"""Load content packs (a manifest and one YAML file per procedure) into Procedures.

A broken procedure file never stops the kiosk: it is skipped and its problem is
kept, naming the file and the field, for mediator mode and ``kiosk content check``.
A second pack (a structure's own, or an update from a USB stick) overrides or adds
procedures by id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kiosk.errors import ContentError
from kiosk.procedures import ChecklistItem, Procedure, Step
from kiosk.themes import THEME_IDS

BUNDLED_PACK = Path(__file__).resolve().parent / "bundled_pack"
MANIFEST_NAME = "pack.yaml"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

_PROCEDURE_KEYS = {
    "id": True, "title": True, "summary": True, "theme": True, "organisation": True,
    "pictogram": True, "urls": True, "estimated_minutes": True, "before_you_start": True,
    "steps": True, "after": True, "last_checked": False,
}  # fmt: skip
_STEP_KEYS = {
    "id": True, "title": True, "instruction": True, "pictogram": True,
    "explain_more": False, "warning": False,
}  # fmt: skip
_CHECKLIST_KEYS = {"text": True, "pictogram": True}
_MANIFEST_KEYS = {"id": True, "version": True, "date": True, "languages": True}
# The fields people read: extracted into procedures.pot and translated when shown.
TRANSLATABLE_KEYS = frozenset({"title", "summary", "instruction", "explain_more", "warning", "text", "after"})


@dataclass(frozen=True)
class PackManifest:
    id: str
    version: str
    date: str
    languages: tuple[str, ...]


@dataclass
class Catalog:
    """Every procedure that loaded, by id, and the problems of those that did not."""

    procedures: dict[str, Procedure] = field(default_factory=dict)
    problems: list[ContentError] = field(default_factory=list)
    packs: list[PackManifest] = field(default_factory=list)

    def in_theme(self, theme_id: str) -> list[Procedure]:
        return [p for p in self.procedures.values() if p.theme == theme_id]

    def themes_with_procedures(self) -> set[str]:
        return {p.theme for p in self.procedures.values()}


class _Reader:
    """Checks one mapping against its declared keys and reads typed values from it."""

    def __init__(self, source: str, data: object, keys: Mapping[str, bool], where: str) -> None:
        self.source = source
        self.where = where
        if not isinstance(data, dict):
            raise ContentError(source, f"expected a mapping, found {_kind(data)}", where or None)
        self.data: dict[str, Any] = data
        for key in data:
            if key not in keys:
                raise ContentError(source, f"unknown key (allowed: {', '.join(keys)})", self._at(key))
        for key, required in keys.items():
            if required and key not in data:
                raise ContentError(source, "missing", self._at(key))

    def _at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else str(key)

    def text(self, key: str) -> str:
        value = self.data.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise ContentError(self.source, f"expected text, found {_kind(value)}", self._at(key))
        return value.strip()

    def required_text(self, key: str) -> str:
        value = self.text(key)
        if not value:
            raise ContentError(self.source, "must not be empty", self._at(key))
        return value

    def identifier(self, key: str) -> str:
        value = self.required_text(key)
        if not _ID.match(value):
            raise ContentError(self.source, f"{value!r} must use only a-z, 0-9 and dashes", self._at(key))
        return value

    def positive_int(self, key: str) -> int:
        value = self.data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ContentError(
                self.source, f"expected a whole number above 0, found {value!r}", self._at(key)
            )
        return value

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key)
        if not isinstance(value, list) or not value:
            raise ContentError(self.source, "expected a non-empty list", self._at(key))
        return value


def _kind(value: object) -> str:
    return {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}.get(
        type(value), type(value).__name__
    )


def parse_procedure(data: object, source: str) -> Procedure:
    """Build a Procedure from parsed YAML, or raise ContentError naming the field."""
    reader = _Reader(source, data, _PROCEDURE_KEYS, "")
    theme_id = reader.required_text("theme")
    if theme_id not in THEME_IDS:
        raise ContentError(source, f"unknown theme {theme_id!r} (one of {sorted(THEME_IDS)})", "theme")
    urls = tuple(str(url) for url in reader.items("urls"))
    for index, url in enumerate(urls):
        if not url.startswith("https://"):
            raise ContentError(source, f"{url!r} must start with https://", f"urls[{index}]")
    checklist = []
    for index, item in enumerate(reader.items("before_you_start")):
        item_reader = _Reader(source, item, _CHECKLIST_KEYS, f"before_you_start[{index}]")
        checklist.append(
            ChecklistItem(item_reader.required_text("text"), item_reader.required_text("pictogram"))
        )
    steps = []
    for index, raw_step in enumerate(reader.items("steps")):
        step_reader = _Reader(source, raw_step, _STEP_KEYS, f"steps[{index}]")
        steps.append(
            Step(
                id=step_reader.identifier("id"),
                title=step_reader.required_text("title"),
                instruction=step_reader.required_text("instruction"),
                pictogram=step_reader.required_text("pictogram"),
                explain_more=step_reader.text("explain_more"),
                warning=step_reader.text("warning"),
            )
        )
    seen: set[str] = set()
    for index, step in enumerate(steps):
        if step.id in seen:
            raise ContentError(source, f"step id {step.id!r} is used twice", f"steps[{index}].id")
        seen.add(step.id)
    last_checked = reader.data.get("last_checked")
    return Procedure(
        id=reader.identifier("id"),
        title=reader.required_text("title"),
        summary=reader.required_text("summary"),
        theme=theme_id,
        organisation=reader.required_text("organisation"),
        pictogram=reader.required_text("pictogram"),
        urls=urls,
        estimated_minutes=reader.positive_int("estimated_minutes"),
        before_you_start=tuple(checklist),
        steps=tuple(steps),
        after=reader.required_text("after"),
        last_checked="" if last_checked is None else str(last_checked),
    )


def _read_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise ContentError(str(path), f"{line}not valid YAML ({getattr(error, 'problem', error)})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(str(path), f"cannot be read ({error})") from None


def load_manifest(pack_dir: Path) -> PackManifest:
    path = pack_dir / MANIFEST_NAME
    if not path.is_file():
        raise ContentError(str(pack_dir), f"not a content pack: {MANIFEST_NAME} is missing")
    reader = _Reader(str(path), _read_yaml(path), _MANIFEST_KEYS, "")
    return PackManifest(
        id=reader.identifier("id"),
        version=str(reader.data["version"]),
        date=str(reader.data["date"]),
        languages=tuple(str(code) for code in reader.items("languages")),
    )


def load_catalog(pack_dirs: Iterable[Path] = (BUNDLED_PACK,)) -> Catalog:
    """Load packs in order; a later pack's procedure replaces an earlier one with the same id."""
    catalog = Catalog()
    for pack_dir in pack_dirs:
        try:
            catalog.packs.append(load_manifest(pack_dir))
        except ContentError as problem:
            catalog.problems.append(problem)
            continue
        for path in sorted((pack_dir / "procedures").glob("*.yaml")):
            try:
                procedure = parse_procedure(_read_yaml(path), str(path))
            except ContentError as problem:
                catalog.problems.append(problem)
                continue
            catalog.procedures[procedure.id] = procedure
    return catalog
