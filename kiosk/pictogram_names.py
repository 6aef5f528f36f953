"""Which pictogram names exist, read from the icon font's character map without loading Qt.

Content names pictograms as ``mdi6.<name>`` (Material Design Icons 6, shipped by
QtAwesome); the UI draws them, the content check verifies the names here.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

PREFIX = "mdi6"
_CHARMAP_GLOB = "materialdesignicons6-webfont-charmap-*.json"


@cache
def known_pictograms() -> frozenset[str]:
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or spec.origin is None:
        return frozenset()
    charmaps = sorted((Path(spec.origin).parent / "fonts").glob(_CHARMAP_GLOB))
    if not charmaps:
        return frozenset()
    names = json.loads(charmaps[-1].read_text(encoding="utf-8"))
    return frozenset(f"{PREFIX}.{name}" for name in names)


def exists(name: str) -> bool:
    return name in known_pictograms()
