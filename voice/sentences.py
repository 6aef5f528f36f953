"""Cut a text into sentences: each is synthesized, played and highlighted on its own.

The first sentence is short to synthesize, so a screen starts speaking quickly.
Web addresses, e-mail addresses and numbers are not cut ("caf.fr", "1.5").
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?…:;])\s+(?=\S)")


def split_sentences(text: str) -> list[str]:
    return [part.strip() for part in _BOUNDARY.split(text.strip()) if part.strip()]
