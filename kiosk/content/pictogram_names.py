"""Which pictogram names exist, read from the icon font's character map without loading Qt.

Content names pictograms as ``mdi6.<name>`` (Material Design Icons 6, whose font
files QtAwesome ships); the UI draws them from the font, the content check verifies
the names here. Only the files are used: importing QtAwesome itself would load every
icon font it has, which a kiosk on an old PC cannot spare.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

PREFIX = "mdi6"
_FONT_GLOB = "materialdesignicons6-webfont-*.ttf"
_CHARMAP_GLOB = "materialdesignicons6-webfont-charmap-*.json"


def _fonts_folder() -> Path | None:
    spec = importlib.util.find_spec("qtawesome")  # finds the package without running it
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "fonts"


def font_file() -> Path | None:
    """The Material Design Icons font, or None when QtAwesome's files are missing."""
    folder = _fonts_folder()
    fonts = sorted(folder.glob(_FONT_GLOB)) if folder else []
    return fonts[-1] if fonts else None


@cache
def _charmap() -> dict[str, str]:
    """The font's character map as it is stored: each name (without prefix) and its code in hex."""
    folder = _fonts_folder()
    charmaps = sorted(folder.glob(_CHARMAP_GLOB)) if folder else []
    if not charmaps:
        return {}
    names: dict[str, str] = json.loads(charmaps[-1].read_text(encoding="utf-8"))
    return names


def character(name: str) -> str | None:
    """The character that draws the pictogram ``mdi6.<name>``, or None when there is no such pictogram."""
    prefix, _, bare = name.partition(".")
    code = _charmap().get(bare) if prefix == PREFIX else None
    return chr(int(code, 16)) if code is not None else None


def exists(name: str) -> bool:
    return character(name) is not None
