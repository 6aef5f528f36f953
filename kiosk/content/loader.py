"""Load content packs (manifest, glossary, the browser's hosts, procedures, simulated sites) into a Catalog.

A broken procedure file never stops the kiosk: it is skipped and its problem is
kept, naming the file, the line and the field, for mediator mode and
``kiosk content check``. A later pack (a structure's own, or an update from a USB
stick) overrides or adds procedures and glossary words by id, and its
``browser.yaml`` replaces the earlier one whole; each override is kept for the
check to warn about. What the pack installed with the kiosk must carry and does not
(its procedures or practice folder, the compiled catalogs of a language it claims) is
kept apart, in ``Catalog.missing``: an incomplete installation, not a content
mistake. A pack may be hostile: every file is read through ``pack_files`` (regular
files inside the pack, of bounded size) and ``yaml_source`` (no aliases, bounded
nesting and numbers).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.config import BUNDLED_PACK
from kiosk.content.browser_hosts import (
    BROWSER_FILE,
    BrowserHosts,
    address_problem,
    host_entry_problem,
    normal_host,
    parse_browser_hosts,
    parse_host_list,
)
from kiosk.content.pack_files import PackFolder, PackTooBig
from kiosk.content.practice_site_reader import parse_practice_site
from kiosk.content.practice_sites import PracticeSite
from kiosk.content.procedures import (
    END,
    Answer,
    Channel,
    ChannelKind,
    ChecklistItem,
    GlossaryTerm,
    LastChecked,
    PagePattern,
    Procedure,
    Question,
    Source,
    Step,
)
from kiosk.content.reader import IDENTIFIER, ContentReader
from kiosk.content.themes import THEME_IDS
from kiosk.content.yaml_source import LineDict, YamlError, read_yaml
from kiosk.errors import ContentError
from kiosk.i18n import translation

MANIFEST_NAME = "pack.yaml"
GLOSSARY_NAME = "glossary.yaml"
PROCEDURES_DIR = "procedures"
PRACTICE_DIR = "practice"
INSTALLED_FOLDERS = (PROCEDURES_DIR, PRACTICE_DIR)  # the bundled pack without them is a broken install
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MIN_ANSWERS = 2  # a question with one answer is not a question

# Which keys each kind of mapping accepts, and whether each is required.
_PROCEDURE_KEYS = {
    "id": True, "title": True, "summary": True, "theme": True, "organisation": True,
    "pictogram": True, "urls": True, "estimated_minutes": True, "before_you_start": True,
    "steps": True, "after": True, "last_checked": True, "channels": False, "glossary": False,
    "allow": False, "sources": False,
}  # fmt: skip
_STEP_KEYS = {
    "id": True, "title": True, "instruction": True, "pictogram": True, "explain_more": False,
    "warning": False, "next": False, "question": False, "glossary": False, "links": False,
    "illustration": False, "page": False, "sources": False,
}  # fmt: skip
_PAGE_KEYS = {"host": True, "path": False, "title": False}
_QUESTION_KEYS = {"text": True, "answers": True}
_ANSWER_KEYS = {"label": True, "pictogram": True, "next": False, "detour": False}
_CHECKLIST_KEYS = {"text": True, "pictogram": True}
_CHANNEL_KEYS = {"kind": True, "text": True, "phone": False, "cerfa": False}
_SOURCE_KEYS = {"url": True, "date": True, "fact": False}
_CHECKED_KEYS = {"date": True, "source": True, "verified_on_site": True}
_MANIFEST_KEYS = {"id": True, "version": True, "date": True, "languages": True, "withdraws": False}
_GLOSSARY_KEYS = {"id": True, "term": True, "definition": True, "forms": False}
# The fields people read: extracted into procedures.pot and translated when shown.
TRANSLATABLE_KEYS = frozenset(
    {
        "title",
        "summary",
        "instruction",
        "explain_more",
        "warning",
        "text",
        "after",
        "label",
        "term",
        "definition",
    }
)


@dataclass(frozen=True)
class PackManifest:
    id: str
    version: str
    date: str
    languages: tuple[str, ...]
    path: Path
    # Guides of earlier packs this one takes off the kiosk (wrong and not yet rewritten), by id.
    withdraws: tuple[str, ...] = ()


@dataclass(frozen=True)
class Replacement:
    """A file whose procedure, practice site or glossary word took the place of an earlier one's."""

    kind: str  # "procedure", "practice site" or "glossary word"
    id: str
    source: str  # the file read later, that replaced
    replaced: str  # the file read earlier


@dataclass
class Catalog:
    """Every procedure and glossary word that loaded, and the problems of what did not."""

    procedures: dict[str, Procedure] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    problems: list[ContentError] = field(default_factory=list)  # what was skipped, and why
    degraded: list[ContentError] = field(default_factory=list)  # loaded, but without something
    missing: list[ContentError] = field(default_factory=list)  # what the installed kiosk lacks
    packs: list[PackManifest] = field(default_factory=list)
    practice: dict[str, PracticeSite] = field(default_factory=dict)  # simulated sites, by procedure id
    replacements: list[Replacement] = field(default_factory=list)  # for the check to warn about
    browser_hosts: BrowserHosts = field(default_factory=BrowserHosts)  # the last pack's browser.yaml

    def in_theme(self, theme_id: str) -> list[Procedure]:
        return [p for p in self.procedures.values() if p.theme == theme_id]


def _step_target(reader: ContentReader, key: str) -> str:
    value = reader.text(key)
    if value and value != END and not IDENTIFIER.match(value):
        raise reader.error(key, f"{value!r} must be a step id or {END!r}")
    return value


def _parse_page(step: ContentReader) -> PagePattern:
    """A step's ``page``: the host alone, a path pattern starting with /, the words of the title."""
    line = step.data.line_of("page") if isinstance(step.data, LineDict) else step.line
    reader = ContentReader(step.source, step.data["page"], _PAGE_KEYS, step.at("page"), line)
    host = reader.required_text("host")
    problem = host_entry_problem(host)
    if problem:
        raise reader.error("host", problem)
    path = reader.text("path") or "/*"
    if not path.startswith("/"):
        raise reader.error("path", f"{path!r} must start with / (the part of the address after the host)")
    if "?" in path or "#" in path:
        raise reader.error("path", f"{path!r}: only the path is compared, never what follows ? or #")
    words = []
    for word in reader.items("title", required=False):
        if not isinstance(word, str) or not word.strip():
            raise reader.error("title", f"{word!r}: each word of the title must be some text, not empty")
        words.append(word.strip())
    return PagePattern(normal_host(host), path, tuple(words))


def _parse_sources(reader: ContentReader) -> tuple[Source, ...]:
    """``sources``: the https page each costly fact was checked on, and the day it was read."""
    sources = []
    for item in reader.each("sources", _SOURCE_KEYS, required=False):
        url = item.required_text("url")
        problem = address_problem(url)
        if problem:
            raise item.error("url", problem)
        date = str(item.data["date"])
        if not _DATE.match(date):
            raise item.error("date", f"{date!r} must be the day the page was read, written YYYY-MM-DD")
        sources.append(Source(url, date, item.text("fact")))
    return tuple(sources)


def _parse_step(reader: ContentReader, pack: PackFolder | None, degraded: list[ContentError]) -> Step:
    question = None
    if "question" in reader.data:
        question_reader = ContentReader(
            reader.source, reader.data["question"], _QUESTION_KEYS, reader.at("question")
        )
        answers = tuple(
            Answer(
                label=a.required_text("label"),
                pictogram=a.required_text("pictogram"),
                next=_step_target(a, "next"),
                detour=a.identifier("detour") if a.text("detour") else "",
            )
            for a in question_reader.each("answers", _ANSWER_KEYS)
        )
        if len(answers) < MIN_ANSWERS:
            raise question_reader.error("answers", "a question needs at least two answers")
        question = Question(question_reader.required_text("text"), answers)
        if reader.text("next"):
            raise reader.error("next", "a step with a question goes where its answers say; remove next")
    illustration = reader.text("illustration")
    if illustration:
        path, refused = (
            pack.drawing(illustration)
            if pack is not None
            else (None, f"{illustration!r} has no pack to be found in")
        )
        if path is not None:
            illustration = str(path)
        else:  # a missing or refused drawing must not cost the person the whole guide
            degraded.append(reader.error("illustration", refused))
            illustration = ""
    return Step(
        id=reader.identifier("id"),
        title=reader.required_text("title"),
        instruction=reader.required_text("instruction"),
        pictogram=reader.required_text("pictogram"),
        explain_more=reader.text("explain_more"),
        warning=reader.text("warning"),
        next=_step_target(reader, "next"),
        question=question,
        glossary=reader.identifiers("glossary"),
        links=reader.identifiers("links"),
        illustration=illustration,
        page=_parse_page(reader) if "page" in reader.data else None,
        sources=_parse_sources(reader),
        line=reader.line,
    )


def _parse_last_checked(reader: ContentReader) -> LastChecked:
    checked = ContentReader(
        reader.source, reader.data["last_checked"], _CHECKED_KEYS, "last_checked", reader.line
    )
    date = str(checked.data["date"])
    if not _DATE.match(date):
        raise checked.error("date", f"{date!r} must be a date written YYYY-MM-DD")
    return LastChecked(date, checked.required_text("source"), checked.flag("verified_on_site"))


def parse_procedure(
    data: object,
    source: str,
    pack_dir: Path | PackFolder | None = None,
    degraded: list[ContentError] | None = None,
) -> Procedure:
    """Build a Procedure from parsed YAML, or raise ContentError naming the line and field.

    Problems that leave the procedure usable (a missing or refused drawing) go into ``degraded``.
    """
    degraded = [] if degraded is None else degraded
    pack = PackFolder(pack_dir) if isinstance(pack_dir, Path) else pack_dir
    reader = ContentReader(source, data, _PROCEDURE_KEYS, "")
    theme_id = reader.required_text("theme")
    if theme_id not in THEME_IDS:
        raise reader.error("theme", f"unknown theme {theme_id!r} (one of {', '.join(sorted(THEME_IDS))})")
    urls = tuple(str(url) for url in reader.items("urls"))
    for url in urls:
        problem = address_problem(url)
        if problem:
            raise reader.error("urls", problem)
    checklist = tuple(
        ChecklistItem(item.required_text("text"), item.required_text("pictogram"))
        for item in reader.each("before_you_start", _CHECKLIST_KEYS)
    )
    channels = []
    for item in reader.each("channels", _CHANNEL_KEYS, required=False):
        kind = item.required_text("kind")
        if kind not in set(ChannelKind):
            raise item.error("kind", f"{kind!r} is not one of {', '.join(ChannelKind)}")
        channels.append(
            Channel(ChannelKind(kind), item.required_text("text"), item.text("phone"), item.text("cerfa"))
        )
    steps = tuple(_parse_step(step, pack, degraded) for step in reader.each("steps", _STEP_KEYS))
    seen: set[str] = set()
    for index, step in enumerate(steps):
        if step.id in seen:
            raise ContentError(
                source, f"step id {step.id!r} is used twice", f"steps[{index}].id", reader.line
            )
        seen.add(step.id)
    return Procedure(
        id=reader.identifier("id"),
        title=reader.required_text("title"),
        summary=reader.required_text("summary"),
        theme=theme_id,
        organisation=reader.required_text("organisation"),
        pictogram=reader.required_text("pictogram"),
        urls=urls,
        estimated_minutes=reader.positive_int("estimated_minutes"),
        before_you_start=checklist,
        steps=steps,
        after=reader.required_text("after"),
        last_checked=_parse_last_checked(reader),
        channels=tuple(channels),
        glossary=reader.identifiers("glossary"),
        source_file=source,
        allow=parse_host_list(reader, "allow"),
        sources=_parse_sources(reader),
    )


def parse_glossary(data: object, source: str) -> list[GlossaryTerm]:
    reader = ContentReader(source, data, {"terms": True}, "")
    terms = []
    for item in reader.each("terms", _GLOSSARY_KEYS):
        forms = item.items("forms", required=False)
        if not all(isinstance(form, str) and form.strip() for form in forms):
            raise item.error("forms", "expected a list of words")
        terms.append(
            GlossaryTerm(
                id=item.identifier("id"),
                term=item.required_text("term"),
                definition=item.required_text("definition"),
                forms=tuple(form.strip() for form in forms),
            )
        )
    return terms


def _load_file(path: Path, pack: PackFolder) -> object:
    try:
        return read_yaml(path, pack)
    except YamlError as error:
        raise ContentError(str(path), error.problem, line=error.line) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(str(path), f"cannot be read ({error})") from None


def load_manifest(pack_dir: Path, pack: PackFolder | None = None) -> PackManifest:
    path = pack_dir / MANIFEST_NAME
    if not os.path.lexists(path):
        raise ContentError(str(pack_dir), f"not a content pack: {MANIFEST_NAME} is missing")
    pack = PackFolder(pack_dir) if pack is None else pack
    reader = ContentReader(str(path), _load_file(path, pack), _MANIFEST_KEYS, "")
    return PackManifest(
        id=reader.identifier("id"),
        version=str(reader.data["version"]),
        date=str(reader.data["date"]),
        languages=tuple(str(code) for code in reader.items("languages")),
        path=pack_dir,
        withdraws=reader.identifiers("withdraws"),
    )


def load_catalog(pack_dirs: Iterable[Path] = (BUNDLED_PACK,)) -> Catalog:
    """Load packs in order; a later pack's procedure or word replaces an earlier one with the same id.

    Each replacement is kept in ``Catalog.replacements``, for the check to warn about.
    """
    catalog = Catalog()
    sources: dict[tuple[str, str], str] = {}  # (kind, id): the file it was read from
    for pack_dir in pack_dirs:
        try:
            _load_pack(catalog, PackFolder(pack_dir), sources)
        except PackTooBig as too_big:  # what was read of the pack stays
            catalog.problems.append(too_big.problem)
        if Path(pack_dir).resolve() == BUNDLED_PACK.resolve():
            catalog.missing += _missing_from_installation(catalog)
    return catalog


def _missing_from_installation(catalog: Catalog) -> list[ContentError]:
    """What the bundled pack, just loaded, should have brought and did not: a wheel or a copy that
    left out a folder would otherwise give a kiosk without practice mode, or without a language."""
    missing = []
    for folder_name in INSTALLED_FOLDERS:
        folder = BUNDLED_PACK / folder_name
        try:
            files = PackFolder(BUNDLED_PACK).yaml_files(folder_name)
        except (ContentError, PackTooBig):  # unreadable or too full: already among the problems
            continue
        if not files:
            missing.append(ContentError(str(folder), "missing or empty: the kiosk was installed without it"))
    manifest = next((pack for pack in catalog.packs if pack.path.resolve() == BUNDLED_PACK.resolve()), None)
    offered = {language.code for language in translation.offered_languages()}
    known = {language.code for language in translation.LANGUAGES}
    for code in manifest.languages if manifest is not None else ():
        if code in known and code not in offered:
            missing.append(
                ContentError(
                    str(translation.COMPILED_ROOT / code / "LC_MESSAGES"),
                    f"the compiled catalogs of {code!r}, a language the pack offers, are missing: "
                    "it is not offered",
                )
            )
    return missing


def _listed(pack: PackFolder, folder_name: str, catalog: Catalog) -> list[Path]:
    try:
        return pack.yaml_files(folder_name)
    except ContentError as problem:
        catalog.problems.append(problem)
        return []


def _load_pack(catalog: Catalog, pack: PackFolder, sources: dict[tuple[str, str], str]) -> None:
    """Add one pack to ``catalog``; every file is read through ``pack`` (see pack_files)."""

    def keep(kind: str, item_id: str, path: Path) -> None:
        earlier = sources.get((kind, item_id))
        if earlier is not None:
            catalog.replacements.append(Replacement(kind, item_id, str(path), earlier))
        sources[kind, item_id] = str(path)

    try:
        manifest = load_manifest(pack.path, pack)
    except ContentError as problem:
        catalog.problems.append(problem)
        return
    catalog.packs.append(manifest)
    for withdrawn in manifest.withdraws:  # its own files may bring the guide back, rewritten
        catalog.procedures.pop(withdrawn, None)
        catalog.practice.pop(withdrawn, None)
    glossary_path = pack.path / GLOSSARY_NAME
    if os.path.lexists(glossary_path):  # a pipe or a link is reported, not skipped
        try:
            for term in parse_glossary(_load_file(glossary_path, pack), str(glossary_path)):
                keep("glossary word", term.id, glossary_path)
                catalog.glossary[term.id] = term
        except ContentError as problem:
            catalog.problems.append(problem)
    browser_path = pack.path / BROWSER_FILE
    if os.path.lexists(browser_path):  # replaces the earlier pack's whole list
        try:
            catalog.browser_hosts = parse_browser_hosts(_load_file(browser_path, pack), str(browser_path))
            keep("browser list", BROWSER_FILE, browser_path)
        except ContentError as problem:
            catalog.problems.append(problem)
    for path in _listed(pack, PROCEDURES_DIR, catalog):
        try:
            procedure = parse_procedure(_load_file(path, pack), str(path), pack, catalog.degraded)
        except ContentError as problem:
            catalog.problems.append(problem)
            continue
        keep("procedure", procedure.id, path)
        catalog.procedures[procedure.id] = procedure
    for path in _listed(pack, PRACTICE_DIR, catalog):
        try:
            site = parse_practice_site(_load_file(path, pack), str(path), catalog.procedures)
        except ContentError as problem:
            catalog.problems.append(problem)
            continue
        keep("practice site", site.procedure_id, path)
        catalog.practice[site.procedure_id] = site
