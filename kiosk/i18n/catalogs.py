"""Compile the gettext catalogs in locales/ into the .mo files the kiosk loads.

Only a complete catalog (every message translated, none fuzzy) is compiled, so a
half-translated language is never offered. A content pack's own translations
(``locales/<lang>/LC_MESSAGES/procedures.po`` in the pack) cover only its texts
and fall back on the kiosk's: they are compiled as they are
(``compile_pack_catalogs``). Used by ./run.sh, ./test.sh and the
package build (setup.py); run it by hand with ``python -m kiosk.i18n.catalogs``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from kiosk.i18n.translation import PACK_COMPILED

SOURCE_ROOT = Path(__file__).resolve().parents[2] / "locales"
COMPILED_ROOT = Path(__file__).resolve().parent / "locale"
DOMAINS = ("kiosk", "procedures")


@dataclass
class CompileReport:
    compiled: list[Path] = field(default_factory=list)
    incomplete: dict[Path, int] = field(default_factory=dict)


def translated_ids(catalog: Catalog) -> set[str]:
    """The messages of the catalog that have a usable translation (not empty, not fuzzy)."""
    done = set()
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and not message.fuzzy and all(strings):
            done.add(str(message.id))
    return done


def untranslated_count(catalog: Catalog) -> int:
    """How many messages of the catalog have no usable translation."""
    return sum(1 for message in catalog if message.id) - len(translated_ids(catalog))


def read_catalog(po_path: Path) -> Catalog:
    with po_path.open("rb") as handle:
        return read_po(handle)


def compile_catalogs(source_root: Path = SOURCE_ROOT, out_root: Path = COMPILED_ROOT) -> CompileReport:
    """Compile every complete ``<lang>/LC_MESSAGES/<domain>.po`` under source_root."""
    report = CompileReport()
    for po_path in sorted(source_root.glob("*/LC_MESSAGES/*.po")):
        catalog = read_catalog(po_path)
        missing = untranslated_count(catalog)
        relative = po_path.relative_to(source_root).with_suffix(".mo")
        target = out_root / relative
        if missing:
            report.incomplete[po_path] = missing
            target.unlink(missing_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".mo.tmp")
        with temporary.open("wb") as handle:
            write_mo(handle, catalog)
        temporary.replace(target)
        report.compiled.append(target)
    return report


PACK_SOURCE = "locales"  # in a content pack: its translations, as in the kiosk's own tree


def compile_pack_catalogs(pack_dir: Path) -> list[str]:
    """Compile a pack's translations of its texts into ``<pack>/locale``; the problems, one line each.

    A message left untranslated or fuzzy is left out: the kiosk's own catalog, then the
    French, are shown for it, and ``kiosk content check`` names it.
    """
    problems = []
    for po_path in sorted((pack_dir / PACK_SOURCE).glob("*/LC_MESSAGES/procedures.po")):
        try:
            catalog = read_catalog(po_path)
        except Exception as error:  # noqa: BLE001 - Babel raises many kinds for a broken file
            problems.append(f"{po_path}: not a readable translation file ({error})")
            continue
        target = pack_dir / PACK_COMPILED / po_path.relative_to(pack_dir / PACK_SOURCE).with_suffix(".mo")
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".mo.tmp")
        with temporary.open("wb") as handle:
            write_mo(handle, catalog)
        temporary.replace(target)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, default=SOURCE_ROOT)
    parser.add_argument("--out", type=Path, default=COMPILED_ROOT)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    report = compile_catalogs(args.source, args.out)
    for po_path, missing in report.incomplete.items():
        print(f"not compiled, {missing} message(s) untranslated: {po_path}", file=sys.stderr)
    if not args.quiet:
        print(f"{len(report.compiled)} catalog(s) compiled into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
