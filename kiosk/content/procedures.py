"""What a procedure walkthrough is made of: checklist, steps, questions, warnings, what comes after.

Plain immutable data, built by the content loader from a procedure file. Every
human-readable field holds the French source text; it is translated when shown
(``kiosk.i18n.translation.content``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

END = "end"  # a step's or an answer's ``next`` that leads to the end of the procedure


class ChannelKind(StrEnum):
    PHONE = "phone"
    IN_PERSON = "in_person"
    PAPER = "paper"
    APP = "app"


@dataclass(frozen=True)
class Channel:
    """Another way to do the procedure: by phone, in person, on paper, with an app."""

    kind: ChannelKind
    text: str
    phone: str = ""
    cerfa: str = ""


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    pictogram: str


@dataclass(frozen=True)
class Answer:
    label: str
    pictogram: str
    next: str = ""  # a step id, END, or "" for the step that follows in the file
    detour: str = ""  # a procedure to go through first, then come back to ``next``


@dataclass(frozen=True)
class Question:
    text: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class PagePattern:
    """The page of the real site a step describes, so the guide can follow the person there.

    ``host`` is one exact host, lower-case and in its ASCII form (``www.caf.fr``, not
    ``caf.fr``: each host of a site is a different page of it). ``path`` is a pattern of
    the address's path where ``*`` stands for any characters, ``/`` included; the query
    and the fragment are never looked at. Every word of ``title_words`` must appear in
    the page's title, whatever the case and the accents.
    """

    host: str
    path: str = "/*"
    title_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """Where a fact that can cost a person money or rights was checked: the page, and the day it said so.

    Mediators see it beside the step (docs/CONTENT.md, "Sources"); it is never translated.
    """

    url: str
    date: str  # YYYY-MM-DD, the day the page was read
    fact: str = ""  # which fact of the text it supports, in French, for the mediator


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    instruction: str
    pictogram: str
    explain_more: str = ""
    warning: str = ""
    next: str = ""  # a step id, END, or "" for the step that follows in the file
    question: Question | None = None
    glossary: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    illustration: str = ""  # absolute path of an SVG mock-up of the real page
    page: PagePattern | None = None  # the real site's page this step describes, when it is known
    sources: tuple[Source, ...] = ()  # where the step's costly facts were checked
    line: int = field(default=0, compare=False)  # where the step starts in its file


@dataclass(frozen=True)
class LastChecked:
    date: str
    source: str
    verified_on_site: bool


@dataclass(frozen=True)
class Procedure:
    id: str
    title: str
    summary: str
    theme: str
    organisation: str
    pictogram: str
    urls: tuple[str, ...]
    estimated_minutes: int
    before_you_start: tuple[ChecklistItem, ...]
    steps: tuple[Step, ...]
    after: str
    last_checked: LastChecked
    channels: tuple[Channel, ...] = ()
    glossary: tuple[str, ...] = ()
    source_file: str = ""
    # Hosts the kiosk's browser may open for this procedure besides those of ``urls``
    # (each allows its subdomains too): a login or a service on another domain.
    allow: tuple[str, ...] = ()
    # Where the costly facts of the procedure's own texts (checklist, channels, after) were checked.
    sources: tuple[Source, ...] = ()

    def texts(self) -> list[str]:
        """Every text a person reads in this procedure, in order (what translators translate)."""
        texts = [self.title, self.summary, *(item.text for item in self.before_you_start)]
        for step in self.steps:
            texts += [step.title, step.instruction, step.explain_more, step.warning]
            if step.question is not None:
                texts += [step.question.text, *(answer.label for answer in step.question.answers)]
        texts += [self.after, *(channel.text for channel in self.channels)]
        return [text for text in texts if text]

    def step_index(self, step_id: str) -> int:
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index
        raise KeyError(step_id)


@dataclass(frozen=True)
class GlossaryTerm:
    """A hard word, explained in one or two plain sentences."""

    id: str
    term: str
    definition: str
    forms: tuple[str, ...] = ()  # other ways the word is written in steps (plural, short form)
