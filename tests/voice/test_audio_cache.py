"""The audio cache on disk: owner-only whatever the umask, and personal audio refused once its visit ended."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.voice.test_narrator import Listener
from voice.audio_cache import AudioCache
from voice.narrator import Narrator, SpeechRequest
from voice.recordings import VoicePack
from voice.synthesizer import EspeakSynthesizer


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """A umask that would leave files readable (022) or writable (000) by others, restored after."""
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_spoken_audio_is_owner_only_whatever_the_umask(umask: int, tmp_path: Path) -> None:
    cache = AudioCache(tmp_path / "voice-cache")
    listener = Listener()
    narrator = Narrator(
        EspeakSynthesizer(), cache, VoicePack(None), listener.ready, listener.finished, listener.failed
    )
    try:
        assert listener.wait_for(narrator.say(SpeechRequest(("Bienvenue.",), "fr")))
        assert listener.wait_for(narrator.say(SpeechRequest(("4, 8, 1, 5, 1, 6.",), "fr", personal=True)))
    finally:
        narrator.close()
    folders = [cache.folder, cache.folder / "shared", cache.folder / "personal"]
    files = [*(cache.folder / "shared").glob("*.wav"), *(cache.folder / "personal").glob("*.wav")]
    assert len(files) == 2 and listener.failures == []
    wanted = {**{path.name: 0o700 for path in folders}, **{path.name: 0o600 for path in files}}
    assert {name: oct(mode) for name, mode in wanted.items()} == {
        path.name: oct(mode(path)) for path in [*folders, *files]
    }


def test_a_cache_left_open_by_an_older_version_is_made_private(umask: int, tmp_path: Path) -> None:
    shared = tmp_path / "voice-cache" / "shared"
    shared.mkdir(parents=True, mode=0o755)
    (tmp_path / "voice-cache").chmod(0o755)
    shared.chmod(0o777)
    old = shared / f"{'0' * 64}.wav"
    old.write_bytes(b"RIFF")
    old.chmod(0o644)
    AudioCache(tmp_path / "voice-cache")
    assert (mode(tmp_path / "voice-cache"), mode(shared), mode(old)) == (0o700, 0o700, 0o600)


def test_personal_audio_of_an_ended_visit_is_deleted_not_kept(tmp_path: Path) -> None:
    cache = AudioCache(tmp_path / "voice-cache")
    asked_during = cache.visit
    scratch = cache.scratch("code", personal=True)
    scratch.write_bytes(b"RIFF the code read out")
    cache.forget_personal()  # the visit ends while the code is still being synthesized
    assert cache.put("code", scratch, personal=True, visit=asked_during) is None
    assert not scratch.exists() and cache.get("code", personal=True) is None
    # The next visit's own personal audio is kept (until that visit ends).
    fresh = cache.scratch("code", personal=True)
    fresh.write_bytes(b"RIFF")
    assert cache.put("code", fresh, personal=True, visit=cache.visit) == cache.path("code", personal=True)
