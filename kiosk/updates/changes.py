"""What an update changes, as a mediator wants to read it: new, changed and removed guides, by language.

A guide is changed when anything a person reads or follows differs (a sentence, a
step, an address, the date it was checked); it is changed in a language when what
that language shows differs, a new translation included. Kept with the installed
pack (``shelf.SourceState.changes``) for mediator mode.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kiosk.content.loader import Catalog
from kiosk.content.procedures import Procedure
from kiosk.i18n.translation import SOURCE_LANGUAGE, Translator


def _what_it_says(procedure: Procedure) -> tuple[object, ...]:
    steps = tuple(
        (
            s.id,
            s.next,
            s.page,
            s.links,
            s.sources,
            s.glossary,
            s.question and tuple((a.label, a.next, a.detour) for a in s.question.answers),
        )
        for s in procedure.steps
    )
    return (
        tuple(procedure.texts()), steps, procedure.urls, procedure.last_checked, procedure.sources,
        procedure.allow, procedure.channels, procedure.theme, procedure.estimated_minutes,
    )  # fmt: skip


def _shown(procedure: Procedure, translator: Translator) -> list[str]:
    return [translator.translate(text, "procedures") for text in procedure.texts()]


def compare(
    before: Catalog, after: Catalog, languages: Iterable[str], before_packs: tuple[Path, ...],
    after_packs: tuple[Path, ...],
) -> dict[str, Any]:  # fmt: skip
    """``{"new": [...], "changed": [...], "removed": [...]}``, each guide as {id, title, languages}."""
    codes = [code for code in languages if code != SOURCE_LANGUAGE]
    old_translators = {code: Translator(code, pack_dirs=before_packs) for code in codes}
    new_translators = {code: Translator(code, pack_dirs=after_packs) for code in codes}
    new, changed, removed = [], [], []
    for procedure_id, procedure in sorted(after.procedures.items()):
        earlier = before.procedures.get(procedure_id)
        if earlier is None:
            new.append({"id": procedure_id, "title": procedure.title, "languages": []})
            continue
        in_languages = [SOURCE_LANGUAGE] if _what_it_says(earlier) != _what_it_says(procedure) else []
        in_languages += [
            code
            for code in codes
            if _shown(earlier, old_translators[code]) != _shown(procedure, new_translators[code])
        ]
        if in_languages:
            changed.append({"id": procedure_id, "title": procedure.title, "languages": in_languages})
    for procedure_id, procedure in sorted(before.procedures.items()):
        if procedure_id not in after.procedures:
            removed.append({"id": procedure_id, "title": procedure.title, "languages": []})
    return {"new": new, "changed": changed, "removed": removed}


def summary(changes: dict[str, Any]) -> list[str]:
    """The changes in French sentences, for mediator mode and ``kiosk pack status``."""
    if "rolled_back_from" in changes:
        return [
            f"Retour à la version précédente (la version {changes['rolled_back_from']} est mise de côté)."
        ]
    lines = [f"Nouveau guide : {g['title']}" for g in changes.get("new", [])]
    for guide in changes.get("changed", []):
        languages = ", ".join(guide["languages"])
        lines.append(f"Guide modifié : {guide['title']} ({languages})")
    lines += [f"Guide retiré : {g['title']}" for g in changes.get("removed", [])]
    return lines or ["Aucun guide n'a changé."]
