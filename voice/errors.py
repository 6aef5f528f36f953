"""The one error the voice layer raises: speech cannot be produced (no engine, no voice)."""

from __future__ import annotations

from kiosk.errors import EnvironmentFault


class SpeechUnavailable(EnvironmentFault):
    """Speech cannot be produced here; the kiosk goes on without voice."""
