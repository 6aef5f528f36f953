"""Finding the hard words of a text, so each can be explained where it appears."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from kiosk.content.procedures import GlossaryTerm, Step


def _plain(text: str) -> str:
    """Typographic apostrophes as plain ones, so "d’activité" and "d'activité" match alike."""
    return text.replace("\u2019", "'")


@cache
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    unique = sorted({_plain(form) for form in forms}, key=len, reverse=True)
    alternatives = "|".join(re.escape(form) for form in unique)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def mentions(term: GlossaryTerm, text: str) -> bool:
    return bool(_pattern((term.term, *term.forms)).search(_plain(text)))


def terms_of_step(
    step: Step, glossary: Mapping[str, GlossaryTerm], extra: Iterable[str] = ()
) -> list[GlossaryTerm]:
    """The words of the step to explain: those it names, then those its French text contains."""
    parts = (step.title, step.instruction, step.explain_more, step.warning)
    text = " ".join((*parts, step.question.text if step.question else ""))
    chosen = [glossary[term_id] for term_id in (*step.glossary, *extra) if term_id in glossary]
    for term in glossary.values():
        if term not in chosen and mentions(term, text):
            chosen.append(term)
    return chosen
