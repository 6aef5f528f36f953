"""Finding the hard words of a text, so each can be explained where it appears."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from kiosk.procedures import GlossaryTerm, Step


@cache
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def mentions(term: GlossaryTerm, text: str) -> bool:
    return bool(_pattern((term.term, *term.forms)).search(text))


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
