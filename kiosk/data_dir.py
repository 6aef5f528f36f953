"""The kiosk's data folder: created private on first start, with the log file inside.

The log records what the kiosk did (screens, errors), never what a person typed
or anything that identifies them.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from kiosk.errors import EnvironmentFault

LOG_NAME = "kiosk.log"


def prepare_data_dir(path: Path) -> Path:
    """Create the folder if needed, make it owner-only, and check that it can be written."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.chmod(0o700)  # also a folder left open by something else (an older install, a copy)
        probe = path / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise EnvironmentFault(f"the data folder {path} cannot be written: {error.strerror}") from None
    return path


def configure_logging(data_dir: Path) -> None:
    """Log to a small rotating file in the data folder, and warnings to stderr."""
    log_dir = data_dir / "logs"
    log_dir.mkdir(mode=0o700, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_dir / LOG_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    (log_dir / LOG_NAME).chmod(0o600)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
