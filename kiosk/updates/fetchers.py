"""How a kiosk reads a repository: over the network within a deadline, or from a folder (a USB stick).

TUF checks every byte that either brings; these only make sure that reading never
hangs the check for long (a server that answers one byte a minute) and never
leaves the folder it was given (a name with ``..`` in it).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tuf.api import exceptions
from tuf.ngclient.fetcher import FetcherInterface
from tuf.ngclient.urllib3_fetcher import Urllib3Fetcher

from kiosk.updates.sources import address_problem

CHUNK_BYTES = 256 << 10
SOCKET_TIMEOUT_S = 10  # to connect, and between two pieces of an answer
CHECK_DEADLINE_S = 120.0
URLLIB3_TRIES = 4  # a whole check, however slowly the server answers


class WebFetcher(Urllib3Fetcher):
    """Urllib3's, with a deadline on the whole check besides its timeout between two pieces."""

    def __init__(self, deadline_s: float = CHECK_DEADLINE_S) -> None:
        super().__init__(socket_timeout=SOCKET_TIMEOUT_S, chunk_size=CHUNK_BYTES, app_user_agent="kiosk")
        self._ends_at = time.monotonic() + deadline_s

    def _fetch(self, url: str) -> Iterator[bytes]:
        if problem := address_problem(url):
            raise exceptions.DownloadError(problem)
        left = self._ends_at - time.monotonic()
        if left <= 0:
            raise exceptions.SlowRetrievalError
        # urllib3 tries a request up to four times, each waiting up to the socket timeout.
        self.socket_timeout = max(1, min(SOCKET_TIMEOUT_S, int(left / URLLIB3_TRIES)))
        return self._within_deadline(super()._fetch(url))

    def _within_deadline(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            if time.monotonic() > self._ends_at:
                raise exceptions.SlowRetrievalError
            yield chunk


class FolderFetcher(FetcherInterface):
    """Reads ``file://`` addresses inside one folder; a missing file is a 404, as on a web server."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()

    def url(self, relative: str) -> str:
        return (self.folder / relative).as_uri() + "/"

    def _fetch(self, url: str) -> Iterator[bytes]:
        parts = urlsplit(url)
        if parts.scheme != "file":
            raise exceptions.DownloadError(f"{url!r} is not in the folder")
        path = Path(unquote(parts.path))
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):
            raise exceptions.DownloadHTTPError("cannot be read", 404) from None
        if not resolved.is_relative_to(self.folder):
            raise exceptions.DownloadError(f"{path} leads out of {self.folder}")
        if not resolved.is_file():
            raise exceptions.DownloadHTTPError(f"{path} is not there", 404)
        return self._chunks(resolved)

    @staticmethod
    def _chunks(path: Path) -> Iterator[bytes]:
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(CHUNK_BYTES):
                    yield chunk
        except OSError as error:  # a stick pulled out mid-read
            raise exceptions.DownloadError(f"{path} cannot be read: {error.strerror}") from None
