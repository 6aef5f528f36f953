"""Read a simulated site (``practice/<procedure>.yaml`` in a content pack) and check it.

A mistake in the file names its line and field, like a procedure's, and only
that practice site is skipped: its walkthrough still works. The format is in
docs/CONTENT.md.
"""

from __future__ import annotations

from kiosk.content.field_kinds import MISTAKE_CODES, FieldKind, PasswordRules
from kiosk.content.practice_person import DETAIL_LABELS
from kiosk.content.practice_sites import (
    CAUTIONS,
    CODE_CHANNELS,
    END_OF_PRACTICE,
    FIELD_KINDS,
    MONTH_BEFORE,
    MONTHS_BEFORE_MAX,
    SITE_MISTAKES,
    PracticeField,
    PracticeKind,
    PracticeLink,
    PracticePage,
    PracticeSite,
)
from kiosk.content.procedures import Procedure
from kiosk.content.reader import ContentReader

SIMULATED_DOMAIN = ".simulation"
_SITE_KEYS = {
    "procedure": True, "name": True, "address": True, "pages": True, "sender": False,
    "password_rules": False, "person": False,
}  # fmt: skip
_PAGE_KEYS = {
    "id": True, "heading": True, "button": True, "next": True, "step": False, "text": False,
    "fields": False, "links": False, "sends_code": False, "expires_after_s": False,
}  # fmt: skip
_FIELD_KEYS = {
    "id": True, "label": True, "kind": True, "fill": False, "example": False, "error": False,
    "confirms": False, "expect": False, "traps": False, "caution": False, "options": False,
    "accept": False, "max_mb": False, "optional": False,
}  # fmt: skip
_LINK_KEYS = {"label": True, "to": True}
_TRAP_KEYS = {"detail": True, "mistake": True}
_RULE_KEYS = {
    "min_length": True, "max_length": True, "needs_lower": False, "needs_upper": False,
    "needs_digit": False, "needs_special": False, "digits_only": False,
}  # fmt: skip
KNOWN_MISTAKES = MISTAKE_CODES | SITE_MISTAKES | CAUTIONS


def _channel(reader: ContentReader) -> str:
    channel = reader.text("sends_code")
    if channel and channel not in CODE_CHANNELS:
        raise reader.error("sends_code", f"{channel!r} is not one of {', '.join(CODE_CHANNELS)}")
    return channel


def _detail(reader: ContentReader, key: str) -> str:
    name = reader.text(key)
    if name and name not in DETAIL_LABELS:
        raise reader.error(key, f"{name!r} is not a practice person's detail ({', '.join(DETAIL_LABELS)})")
    return name


def _parse_field(reader: ContentReader) -> PracticeField:
    kind = reader.required_text("kind")
    if kind not in FIELD_KINDS:
        raise reader.error("kind", f"{kind!r} is not one of {', '.join(sorted(FIELD_KINDS))}")
    traps = []
    for trap in reader.each("traps", _TRAP_KEYS, required=False):
        mistake = trap.required_text("mistake")
        if mistake not in KNOWN_MISTAKES:
            raise trap.error("mistake", f"{mistake!r} is not a known mistake")
        traps.append((_detail(trap, "detail"), mistake))
    caution = reader.text("caution")
    if caution and caution not in CAUTIONS:
        raise reader.error("caution", f"{caution!r} is not one of {', '.join(sorted(CAUTIONS))}")
    if caution and kind != PracticeKind.CHECKBOX:
        raise reader.error("caution", "only a checkbox can have a caution")
    options = tuple(str(option) for option in reader.items("options", required=kind == PracticeKind.CHOICE))
    accept = tuple(
        str(ext).lower().lstrip(".") for ext in reader.items("accept", required=kind == PracticeKind.UPLOAD)
    )
    max_bytes = 0
    if kind == PracticeKind.UPLOAD:
        max_mb = reader.data.get("max_mb")
        if not isinstance(max_mb, int | float) or isinstance(max_mb, bool) or max_mb <= 0:
            raise reader.error("max_mb", "an upload needs the largest size the site takes, in MB")
        max_bytes = int(max_mb * 1_000_000)
    if (traps or reader.text("expect")) and kind not in set(FieldKind):
        raise reader.error("kind", "traps and expect work on typed fields only")
    return PracticeField(
        id=reader.identifier("id"),
        label=reader.required_text("label"),
        kind=kind,
        fill=_detail(reader, "fill"),
        example=reader.text("example"),
        error=reader.text("error"),
        confirms=reader.text("confirms"),
        expect=_detail(reader, "expect"),
        traps=tuple(traps),
        caution=caution,
        options=options,
        accept=accept,
        max_bytes=max_bytes,
        optional=reader.flag("optional"),
    )


def _parse_page(reader: ContentReader, procedure: Procedure) -> PracticePage:
    step = reader.text("step")
    if step and step not in {s.id for s in procedure.steps}:
        raise reader.error("step", f"{step!r} is not a step of {procedure.id}")
    fields = tuple(_parse_field(f) for f in reader.each("fields", _FIELD_KEYS, required=False))
    ids = [f.id for f in fields]
    for index, practice_field in enumerate(fields):
        if ids.count(practice_field.id) > 1:
            raise reader.error(f"fields[{index}].id", f"{practice_field.id!r} is used twice on this page")
        if practice_field.confirms and practice_field.confirms not in ids:
            raise reader.error(
                f"fields[{index}].confirms", f"{practice_field.confirms!r} is not on this page"
            )
    expires = reader.data.get("expires_after_s", 0)
    if not isinstance(expires, int) or isinstance(expires, bool) or expires < 0:
        raise reader.error("expires_after_s", "expected a number of seconds")
    return PracticePage(
        id=reader.identifier("id"),
        heading=reader.required_text("heading"),
        button=reader.required_text("button"),
        next=reader.required_text("next"),
        step=step,
        text=reader.text("text"),
        fields=fields,
        links=tuple(
            PracticeLink(link.required_text("label"), link.identifier("to"))
            for link in reader.each("links", _LINK_KEYS, required=False)
        ),
        sends_code=_channel(reader),
        expires_after_s=expires,
    )


def _parse_rules(reader: ContentReader) -> PasswordRules | None:
    if "password_rules" not in reader.data:
        return None
    rules = ContentReader(
        reader.source, reader.data["password_rules"], _RULE_KEYS, "password_rules", reader.line
    )
    return PasswordRules(
        min_length=rules.positive_int("min_length"),
        max_length=rules.positive_int("max_length"),
        needs_lower=rules.flag("needs_lower"),
        needs_upper=rules.flag("needs_upper"),
        needs_digit=rules.flag("needs_digit"),
        needs_special=rules.flag("needs_special"),
        digits_only=rules.flag("digits_only"),
    )


def _parse_person(reader: ContentReader) -> tuple[tuple[str, str], ...]:
    """``person``: the practice person's details this site changes (``birth_date: 14/03/1962``)."""
    if "person" not in reader.data:
        return ()
    person = ContentReader(
        reader.source, reader.data["person"], dict.fromkeys(DETAIL_LABELS, False), "person", reader.line
    )
    return tuple((name, person.required_text(name)) for name in person.data)


def _check_site(site: PracticeSite, reader: ContentReader) -> None:
    """The pages must link up, and every pitfall must have what it needs."""
    page_ids = [page.id for page in site.pages]
    for index, page in enumerate(site.pages):
        where = f"pages[{index}]"
        if page_ids.count(page.id) > 1:
            raise reader.error(f"{where}.id", f"page id {page.id!r} is used twice")
        for target, key in [(page.next, "next"), *((link.to, "links") for link in page.links)]:
            if target != END_OF_PRACTICE and target not in page_ids:
                raise reader.error(
                    f"{where}.{key}", f"{target!r} is not a page of this site (or {END_OF_PRACTICE})"
                )
        kinds = {f.kind for f in page.fields}
        if FieldKind.PASSWORD in kinds and site.password_rules is None:
            raise reader.error(f"{where}.fields", "a password field needs the site's password_rules")
        if PracticeKind.CONFIRMATION_CODE in kinds and not any(p.sends_code for p in site.pages):
            raise reader.error(f"{where}.fields", "a confirmation code needs a page with sends_code")
        texts = [("heading", page.heading), ("text", page.text)]
        texts += [(f"fields[{i}].label", f.label) for i, f in enumerate(page.fields)]
        for key, text in texts:
            for found in MONTH_BEFORE.finditer(text):
                if not 1 <= int(found.group(1)) <= MONTHS_BEFORE_MAX:
                    raise reader.error(
                        f"{where}.{key}",
                        f"{found.group()}: a month from 1 to {MONTHS_BEFORE_MAX} before the practice's",
                    )
    seen, page = set(), site.pages[0]
    while page.next != END_OF_PRACTICE:  # following "next" from the first page must reach the end
        if page.id in seen:
            raise reader.error("pages", f"following next from {page_ids[0]!r} loops at {page.id!r}")
        seen.add(page.id)
        page = site.page(page.next)


def parse_practice_site(data: object, source: str, procedures: dict[str, Procedure]) -> PracticeSite:
    """Build a PracticeSite from parsed YAML, or raise ContentError naming the line and field."""
    reader = ContentReader(source, data, _SITE_KEYS, "")
    procedure_id = reader.identifier("procedure")
    procedure = procedures.get(procedure_id)
    if procedure is None:
        raise reader.error("procedure", f"no procedure {procedure_id!r} is loaded")
    address = reader.required_text("address")
    if not address.endswith(SIMULATED_DOMAIN) or "/" in address or " " in address:
        raise reader.error("address", f"{address!r} must be a name ending in {SIMULATED_DOMAIN}")
    site = PracticeSite(
        procedure_id=procedure_id,
        name=reader.required_text("name"),
        address=address,
        pages=tuple(_parse_page(page, procedure) for page in reader.each("pages", _PAGE_KEYS)),
        sender=reader.text("sender"),
        password_rules=_parse_rules(reader),
        person_changes=_parse_person(reader),
    )
    _check_site(site, reader)
    return site
