from __future__ import annotations

from voice.speaker import SilentSpeaker, Speaker


def test_silent_speaker_says_it_is_unavailable_and_keeps_only_the_last_request() -> None:
    speaker: Speaker = SilentSpeaker()
    assert speaker.available is False
    speaker.speak(["Bonjour", "Touchez l'écran"], "fr")
    speaker.speak(["Hello"], "en")
    assert isinstance(speaker, SilentSpeaker)
    assert speaker.last_request == (("Hello",), "en")
    speaker.stop()
    assert speaker.last_request is None
