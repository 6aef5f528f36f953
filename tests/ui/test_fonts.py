"""Every character of every catalog can be drawn by the kiosk's fonts (no empty boxes)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from ui import theme

LOCALES = Path(__file__).resolve().parents[2] / "locales"


def test_the_kiosk_fonts_are_installed(qapp: object) -> None:
    installed = set(QFontDatabase.families())
    assert [family for family in theme.FONT_FAMILIES if family not in installed] == []


def test_every_character_of_every_catalog_has_a_glyph(qapp: object) -> None:
    metrics = [QFontMetrics(QFont(family)) for family in theme.FONT_FAMILIES]
    missing: dict[str, set[str]] = {}
    for po_path in sorted(LOCALES.glob("*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            for text in (message.id, message.string):
                for char in set(str(text or "")):
                    if char.isprintable() and not any(m.inFontUcs4(ord(char)) for m in metrics):
                        missing.setdefault(po_path.parts[-3], set()).add(f"U+{ord(char):04X}")
    assert missing == {}
