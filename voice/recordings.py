"""Human recordings that replace synthesized speech, for languages espeak-ng reads badly.

A voice pack is a folder ``<pack>/<language>/`` holding WAV files and an
``index.yaml`` that maps each text, exactly as shown on screen, to its file:

    "Touchez l'écran pour commencer": accueil.wav

See docs/VOICE.md. A broken index is reported once and ignored, never fatal. Texts are
matched without their bidirectional marks: a right-to-left text on screen carries marks
(RLM, isolates) that nobody types into an index.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import yaml

from voice.lexicon import BIDI_CONTROLS

log = logging.getLogger(__name__)


class VoicePack:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @cache  # noqa: B019 - one pack per station, loaded once per language
    def _index(self, language: str) -> dict[str, Path]:
        if self.folder is None:
            return {}
        index_path = self.folder / language / "index.yaml"
        if not index_path.is_file():
            return {}
        try:
            data = yaml.safe_load(index_path.read_text(encoding="utf-8")) or {}
            if not isinstance(data, dict):
                raise ValueError("expected a mapping of text to file")
        except (OSError, ValueError, yaml.YAMLError) as error:
            log.warning("voice pack index %s ignored: %s", index_path, error)
            return {}
        found = {}
        for text, name in data.items():
            path = index_path.parent / str(name)
            if path.suffix == ".wav" and path.is_file():
                found[_unmarked(str(text))] = path
            else:
                log.warning("voice pack %s: %s is not a WAV file there", index_path, name)
        return found

    def recording(self, text: str, language: str) -> Path | None:
        return self._index(language).get(_unmarked(text))


def _unmarked(text: str) -> str:
    return BIDI_CONTROLS.sub("", text).strip()
