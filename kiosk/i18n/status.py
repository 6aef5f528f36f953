"""``kiosk i18n status``: each language, how complete its catalogs are, their date, and whether it is offered.

Mediator mode will show the same table; until then a structure or a translator runs
this command.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.i18n.catalogs import SOURCE_ROOT, read_catalog, translated_ids
from kiosk.i18n.translation import DOMAINS, LANGUAGES, SOURCE_LANGUAGE, offered_languages


@dataclass(frozen=True)
class LanguageStatus:
    code: str
    name: str
    translated: int
    total: int
    revised: str
    offered: bool

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else int(100 * self.translated / self.total)


def language_status(source_root: Path = SOURCE_ROOT) -> list[LanguageStatus]:
    offered = {language.code for language in offered_languages()}
    templates = {domain: read_catalog(source_root / f"{domain}.pot") for domain in DOMAINS}
    total = sum(sum(1 for m in templates[d] if m.id) for d in DOMAINS)
    rows = []
    for language in LANGUAGES:
        if language.code == SOURCE_LANGUAGE:
            rows.append(LanguageStatus(language.code, language.native_name, total, total, "source", True))
            continue
        translated, revised = 0, ""
        for domain in DOMAINS:
            path = source_root / language.code / "LC_MESSAGES" / f"{domain}.po"
            if not path.is_file():
                continue
            catalog = read_catalog(path)
            translated += len(translated_ids(catalog) & {str(m.id) for m in templates[domain] if m.id})
            if isinstance(catalog.revision_date, datetime):
                revised = max(revised, catalog.revision_date.strftime("%Y-%m-%d"))
        rows.append(
            LanguageStatus(
                language.code,
                language.native_name,
                translated,
                total,
                revised or "-",
                language.code in offered,
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk i18n", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="completeness and date of each language's catalogs")
    parser.parse_args(argv)
    if not (SOURCE_ROOT / f"{DOMAINS[0]}.pot").is_file():
        print(
            f"The translation sources are not here ({SOURCE_ROOT}): an installed kiosk carries only its "
            "compiled catalogs. Run this from the project's source tree.",
            file=sys.stderr,
        )
        return 2
    print(f"{'':4}{'language':14}{'translated':>18}  {'catalog date':12}  offered")
    for row in language_status():
        counts = f"{row.translated}/{row.total} {row.percent:3d}%"
        print(f"{row.code:4}{row.name:14}{counts:>18}  {row.revised:12}  {'yes' if row.offered else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
