"""``kiosk content check [PATH]``: everything a mediator can get wrong in a content pack.

Errors (the procedure would be skipped or would break a path): what the installed
kiosk's own pack lacks (its practice sites, a language's catalogs), bad keys and types,
links to steps, procedures, glossary words or pictograms that do not exist,
unreachable steps, loops with no way out, non-https addresses, files refused
because they lead outside the pack or are not regular files, drawings refused for
the same reasons, a step's page on a host the procedure's browser may not open or
that could never match. Warnings: sentences too long for easy reading, missing
translations for the languages the pack claims, a procedure, practice site,
glossary word or browser list that replaces one read earlier (naming both files),
two steps describing the same page, a fact that can cost money or rights (an amount,
a phone number, a deadline, a password rule, a postal address) with no source beside it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.config import BUNDLED_PACK
from kiosk.content.browser_hosts import covered, procedure_hosts
from kiosk.content.loader import Catalog, load_catalog
from kiosk.content.pictogram_names import exists as pictogram_exists
from kiosk.content.procedures import END, PagePattern, Procedure, Source, Step
from kiosk.content.walkthrough import cannot_finish, reachable
from kiosk.i18n.translation import SOURCE_LANGUAGE, Translator

EASY_READ_MAX_WORDS = 20
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_COUNT = r"(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|trente)"
# Facts that cost a person money or rights when they are wrong; each needs a source beside the
# text that says it (docs/CONTENT.md, "Sources"). Patterns, not understanding: a fact written
# otherwise (« deux mille euros », a number split by a line) is not seen.
COSTLY_FACTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an amount", re.compile(r"\b\d+(?:[ \u202f.,]\d+)*\s*(?:€|euros?\b)", re.IGNORECASE)),
    # 10 digits from 0 however grouped (0 809 401 401), a 4-digit service number (36 46), 33 700
    ("a phone number", re.compile(r"(?<!\d)(?<!\d[,.])(?:0(?:[ .]?\d){9}|33 ?700|3\d ?\d\d)(?!\d|[,.]\d)")),
    (
        "a deadline",
        re.compile(
            rf"\b{_COUNT}\s+(?:jours?|semaines?|mois|ans?|heures?|minutes?)\b|\bdélai|\bau plus tard\b",
            re.IGNORECASE,
        ),
    ),
    ("a password rule", re.compile(r"\b\d+\s*caractères\b", re.IGNORECASE)),
    ("a postal address", re.compile(r"\b\d{5} [A-ZÉÈ]")),
)


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" or "warning"
    source: str  # the file (or pack folder) it is about
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"


def _where(procedure: Procedure, step: Step | None, field: str) -> str:
    line = f":{step.line}" if step is not None and step.line else ""
    prefix = f"steps[{procedure.step_index(step.id)}]." if step is not None else ""
    return f"{procedure.source_file}{line}: {prefix}{field}"


def _procedure_findings(procedure: Procedure, catalog: Catalog) -> Iterator[Finding]:
    def error(step: Step | None, field: str, problem: str) -> Finding:
        return Finding("error", procedure.source_file, f"{_where(procedure, step, field)}: {problem}")

    pictograms: list[tuple[Step | None, str, str]] = [(None, "pictogram", procedure.pictogram)]
    pictograms += [
        (None, f"before_you_start[{i}].pictogram", c.pictogram)
        for i, c in enumerate(procedure.before_you_start)
    ]
    for term_id in procedure.glossary:
        if term_id not in catalog.glossary:
            yield error(None, "glossary", f"no glossary word {term_id!r}")
    step_ids = {step.id for step in procedure.steps}
    for step in procedure.steps:
        pictograms.append((step, "pictogram", step.pictogram))
        if step.next and step.next != END and step.next not in step_ids:
            yield error(step, "next", f"no step {step.next!r} in this procedure")
        for term_id in step.glossary:
            if term_id not in catalog.glossary:
                yield error(step, "glossary", f"no glossary word {term_id!r}")
        for link in step.links:
            if link not in catalog.procedures:
                yield error(step, "links", f"no procedure {link!r}")
        for index, answer in enumerate(step.question.answers if step.question else ()):
            field = f"question.answers[{index}]"
            pictograms.append((step, f"{field}.pictogram", answer.pictogram))
            if answer.next and answer.next != END and answer.next not in step_ids:
                yield error(step, f"{field}.next", f"no step {answer.next!r} in this procedure")
            if answer.detour:
                detour = catalog.procedures.get(answer.detour)
                if detour is None:
                    yield error(step, f"{field}.detour", f"no procedure {answer.detour!r}")
                elif any(a.detour for s in detour.steps for a in (s.question.answers if s.question else ())):
                    yield error(
                        step, f"{field}.detour", f"{answer.detour!r} has detours itself; only one level"
                    )
    for where, field, name in pictograms:
        if not pictogram_exists(name):
            yield error(where, field, f"no pictogram {name!r} (names look like mdi6.home-outline)")
    reached, stuck = reachable(procedure), cannot_finish(procedure)
    for step in procedure.steps:
        if step.id not in reached:
            yield error(step, "id", f"step {step.id!r} cannot be reached from the first step")
        elif step.id in stuck:
            yield error(
                step, "id", f"from step {step.id!r} the end can never be reached (a loop with no way out)"
            )


def _page_findings(procedure: Procedure, catalog: Catalog) -> Iterator[Finding]:
    """A step's page must be one the procedure's browser may open, and one page belongs to one step."""
    allowed = procedure_hosts(procedure, catalog.browser_hosts)
    first_with: dict[PagePattern, Step] = {}
    for step in procedure.steps:
        page = step.page
        if page is None:
            continue
        where = _where(procedure, step, "page")
        if not page.host:
            yield Finding(
                "error", procedure.source_file, f"{where}.host: empty, so it can never match a page"
            )
        elif not covered(page.host, allowed):
            yield Finding(
                "error",
                procedure.source_file,
                f"{where}.host: {page.host!r} is not a host this procedure's browser may open "
                "(add its site to urls or allow)",
            )
        if not page.path.startswith("/"):
            yield Finding(
                "error",
                procedure.source_file,
                f"{where}.path: {page.path!r} never matches: it must start with /",
            )
        earlier = first_with.setdefault(page, step)
        if earlier is not step:
            yield Finding(
                "warning",
                procedure.source_file,
                f"{where}: the same page as step {earlier.id!r}; the guide only ever moves to the first",
            )


def _text_findings(procedure: Procedure, translators: list[Translator]) -> Iterator[Finding]:
    for text in procedure.texts():
        for sentence in _SENTENCE_END.split(text):
            words = len(sentence.split())
            if words > EASY_READ_MAX_WORDS:
                yield Finding(
                    "warning",
                    procedure.source_file,
                    f"{procedure.source_file}: sentence of {words} words (easy reading: "
                    f"{EASY_READ_MAX_WORDS} at most): {sentence[:60]}…",
                )
        for translator in translators:
            if not translator.has(text, "procedures"):
                yield Finding(
                    "warning",
                    procedure.source_file,
                    f"{procedure.source_file}: no {translator.code} translation: {text[:60]}",
                )


def costly_facts(text: str) -> list[tuple[str, str]]:
    """The facts of ``text`` that can cost money or rights: (what kind of fact, the words that say it)."""
    return [(kind, found.group()) for kind, pattern in COSTLY_FACTS for found in pattern.finditer(text)]


def _source_findings(procedure: Procedure) -> Iterator[Finding]:
    """A costly fact needs a source on the step that says it (or, outside the steps, on the procedure)."""
    texts: list[tuple[Step | None, str, str, tuple[Source, ...]]] = [
        (None, "title", procedure.title, procedure.sources),
        (None, "summary", procedure.summary, procedure.sources),
        (None, "after", procedure.after, procedure.sources),
    ]
    texts += [
        (None, f"before_you_start[{i}].text", item.text, procedure.sources)
        for i, item in enumerate(procedure.before_you_start)
    ]
    texts += [
        (None, f"channels[{i}].text", channel.text, procedure.sources)
        for i, channel in enumerate(procedure.channels)
    ]
    for step in procedure.steps:
        fields = [("title", step.title), ("instruction", step.instruction)]
        fields += [("explain_more", step.explain_more), ("warning", step.warning)]
        if step.question is not None:
            fields.append(("question.text", step.question.text))
            fields += [(f"question.answers[{i}].label", a.label) for i, a in enumerate(step.question.answers)]
        texts += [(step, field, text, step.sources) for field, text in fields]
    for where, field, text, sources in texts:
        if sources:
            continue
        owner = "the step" if where else "the procedure"
        for kind, words in costly_facts(text):
            yield Finding(
                "warning",
                procedure.source_file,
                f"{_where(procedure, where, field)}: « {words} » is {kind}, a fact that can cost money "
                f"or rights: add the page it was checked on under {owner}'s sources (url and date)",
            )


def check(catalog: Catalog, only_under: Path | None = None) -> list[Finding]:
    """All findings for the catalog (or only for files under ``only_under``)."""
    findings = [
        Finding("error", problem.source, str(problem))
        for problem in (*catalog.missing, *catalog.problems, *catalog.degraded)
    ]
    languages = sorted({code for pack in catalog.packs for code in pack.languages} - {SOURCE_LANGUAGE})
    pack_dirs = tuple(pack.path for pack in catalog.packs)
    translators = [Translator(code, pack_dirs=pack_dirs) for code in languages]
    for procedure in catalog.procedures.values():
        findings += _procedure_findings(procedure, catalog)
        findings += _page_findings(procedure, catalog)
        findings += _text_findings(procedure, translators)
        findings += _source_findings(procedure)
    findings += [
        Finding("warning", r.source, f"{r.source}: {r.kind} {r.id!r} replaces the one in {r.replaced}")
        for r in catalog.replacements
    ]
    if only_under is not None:
        # Where the file is in the pack, not where a link leads: resolving would drop the
        # findings of a link that leads out of the pack, the very ones to report.
        root = only_under.absolute()
        findings = [f for f in findings if Path(f.source).absolute().is_relative_to(root)]
    return findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk content", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate the bundled pack, or the pack at PATH")
    check_parser.add_argument("path", nargs="?", type=Path, help="a content pack folder (has pack.yaml)")
    args = parser.parse_args(argv)
    if args.path is None:
        packs = [BUNDLED_PACK]
    elif args.path.resolve() == BUNDLED_PACK.resolve():  # else each procedure would replace itself
        packs = [args.path]
    else:
        packs = [BUNDLED_PACK, args.path]
    catalog = load_catalog(packs)
    findings = check(catalog, args.path)
    for finding in findings:
        print(finding)
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    print(f"{len(catalog.procedures)} procedures, {len(catalog.glossary)} glossary words: ", end="")
    print(f"{errors} errors, {warnings} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
