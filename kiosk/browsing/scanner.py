"""« Scanner un document »: the structure's scanner through SANE's own command, ``scanimage``.

Any scanner SANE drives works (USB, or on the network through the ``airscan``/``escl`` backends).
:class:`Scanner` finds the scanners and scans one page into a JPEG, each in a bounded time,
and says whose fault a failure is with a typed error; :class:`ScannedDocument` gathers the pages
of one document in the visit's folder and writes them, whole or not at all, as ONE PDF the
sites accept.

The size the sites accept: the kiosk keeps each PDF under ``PDF_LIMIT_BYTES`` (2 MB), its own
conservative limit, below what the French administrations' upload forms take (often 2 to 10 MB
a file). No image library is used to shrink a page: a page over its share is scanned again, at
once, at a lower resolution (200, then 150, then 100 dpi), while the sheet is still on the glass.
A page may take up to ``PAGE_TARGET_BYTES`` (600 kB), so that a document keeps room for three
pages or more; the last resolution takes whatever room is left, and when even that does not fit
the document is full (``DocumentFull``): the person finishes it and scans the rest into another.

``scanimage`` runs with ``LC_ALL=C`` so that its messages (SANE's status texts) are read the same
whatever the machine's language; its exit status is SANE's own status code. Nothing it prints is
personal: it is logged, to tell the mediators what went wrong.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import signal
import subprocess  # nosec B404 - scanimage, found on PATH, with arguments the kiosk makes
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.browsing.scan_pdf import NotAJpeg, estimated_pdf_bytes, pdf_from_jpegs, read_jpeg_info
from kiosk.browsing.visit_files import VisitFiles
from kiosk.data_dir import write_private
from kiosk.errors import DiskFull, EnvironmentFault, KioskError

log = logging.getLogger(__name__)

SCANIMAGE = "scanimage"
# Finding scanners asks every SANE backend, and the network ones wait for answers: 3.4 s on a
# bare Debian 12 with no scanner. Past this, the scanner (or the network) does not answer.
LIST_TIMEOUT_S = 30.0
# One A4 page: 10 to 40 s on a USB flatbed at 200 dpi, lamp warm-up included.
SCAN_TIMEOUT_S = 120.0
KILLED_WAIT_S = 5.0  # for a stopped scanimage to let go of its pipes
PDF_LIMIT_BYTES = 2_000_000  # the kiosk's own limit for one PDF: 2 MB, as a site counts a "Mo"
PAGE_TARGET_BYTES = 600_000  # one page's share, so that a document holds three pages or more
RESOLUTIONS_DPI = (200, 150, 100)  # the first that fits is kept; 100 dpi still reads a payslip
MAX_PAGES = 20
PAGE_NAME = "page-scannee.jpg"
DOCUMENT_NAME = "document-scanne.pdf"

# scanimage exits with SANE's status code (sane/sane.h) when a scan fails.
_SANE_CANCELLED = 2
_SANE_DEVICE_BUSY = 3
_SANE_JAMMED = 6
_SANE_NO_DOCS = 7
_SANE_COVER_OPEN = 8
_SANE_ACCESS_DENIED = 11
_NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT})
StopAsked = Callable[[], bool]  # asked when a run starts: was it cancelled meanwhile?


class ScannerError(EnvironmentFault):
    """The scanner, or how it is set up, stopped a scan: never the person's fault."""


class ScanningUnavailable(ScannerError):
    """``scanimage`` is not installed: the installation's fault (packaging/install.sh brings sane-utils)."""


class NoScanner(ScannerError):
    """No scanner is found, or the one chosen has gone: unplugged, switched off, off the network."""


class ScannerBusy(ScannerError):
    """Another program (or another scan) is using the scanner: try again in a moment."""


class ScannerNeedsAttention(ScannerError):
    """Something a hand can fix: the cover is open, a sheet is jammed, the feeder is empty."""

    COVER_OPEN = "cover-open"
    JAMMED = "jammed"
    NO_DOCUMENT = "no-document"

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(f"the scanner needs attention: {problem}")


class ScannerFailed(ScannerError):
    """The scanner or its driver failed (device error, no permission to use it, an unreadable image)."""


class ScanTimedOut(ScannerError):
    """The scanner did not answer in time; the scan was stopped."""


class ScanCancelled(KioskError):
    """The scan was stopped on purpose (the person cancelled, the visit ended): nothing was kept."""


class DocumentFull(KioskError):
    """The pages already reach the size the sites accept (or ``MAX_PAGES``): no page was added."""


@dataclass(frozen=True)
class ScannerDevice:
    name: str  # SANE's name for it, e.g. "genesys:libusb:001:004" or "airscan:e0:Canon MF240"
    vendor: str = ""
    model: str = ""

    @property
    def label(self) -> str:
        """What a mediator recognises: "Canon LiDE 300"; SANE's name when it gives no other."""
        return f"{self.vendor} {self.model}".strip() or self.name


@dataclass(frozen=True)
class ScannedPage:
    path: Path  # the JPEG, in the visit's folder
    width_px: int
    height_px: int
    dpi: int
    colour: bool
    size_bytes: int


# SANE's status texts (sane_strstatus, in the C locale) for what a hand can fix: scanimage does not
# always exit with the status (a page cut short by an empty feeder can end with status 0).
_ATTENTION = {
    _SANE_COVER_OPEN: ("scanner cover is open", ScannerNeedsAttention.COVER_OPEN),
    _SANE_JAMMED: ("document feeder jammed", ScannerNeedsAttention.JAMMED),
    _SANE_NO_DOCS: ("document feeder out of documents", ScannerNeedsAttention.NO_DOCUMENT),
}


def _scanner_error(returncode: int, message: str) -> ScannerError:
    """The typed error for a failed ``scanimage`` run, from SANE's status code and message."""
    lowered = message.lower()
    if returncode == _SANE_DEVICE_BUSY or "device busy" in lowered:
        return ScannerBusy(message)
    for status, (text, problem) in _ATTENTION.items():
        if returncode == status or text in lowered:
            return ScannerNeedsAttention(problem)
    if returncode == _SANE_ACCESS_DENIED or "access to resource has been denied" in lowered:
        # USB scanners belong to the group "scanner" (libsane's udev rules); install.sh adds the kiosk user.
        return ScannerFailed(f"no permission to use the scanner (user not in group 'scanner'?): {message}")
    if "open of device" in lowered:  # SANE knows no such device any more: unplugged or switched off
        return NoScanner(message)
    if returncode == _SANE_CANCELLED:
        return ScannerFailed(f"the scan was cancelled at the scanner: {message}")
    return ScannerFailed(message or f"scanimage stopped with status {returncode}")


class Scanner:
    """Finds the scanners SANE drives and scans one page, each in a bounded time.

    Safe to call from a worker thread; :meth:`cancel` (from any thread) stops the run in progress.
    """

    def __init__(
        self,
        command: str = SCANIMAGE,
        list_timeout_s: float = LIST_TIMEOUT_S,
        scan_timeout_s: float = SCAN_TIMEOUT_S,
    ) -> None:
        self._command = command
        self._list_timeout_s = list_timeout_s
        self._scan_timeout_s = scan_timeout_s
        self._lock = threading.Lock()
        self._running: subprocess.Popen[bytes] | None = None
        self._stopped: subprocess.Popen[bytes] | None = None

    def _executable(self) -> str:
        found = shutil.which(self._command)
        if found is None:
            raise ScanningUnavailable(f"{self._command} is not installed (Debian package sane-utils)")
        return found

    def _run(
        self, arguments: Sequence[str], timeout_s: float, should_stop: StopAsked | None
    ) -> tuple[int, bytes, str]:
        """Run scanimage; its exit status, output and messages. Raises on a timeout or a cancel.

        ``should_stop`` is asked once the run is known to :meth:`cancel`: a cancel that came while
        scanimage was starting stops it too, never a later run."""
        command = [self._executable(), *arguments]
        try:
            process = subprocess.Popen(  # noqa: S603 - scanimage, with arguments the kiosk makes
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env={**os.environ, "LC_ALL": "C"},
                start_new_session=True,  # its own process group: stopped with any helper its backend starts
            )
        except OSError as error:
            raise ScanningUnavailable(f"{self._command} cannot be started: {error.strerror}") from None
        with self._lock:
            self._running = process
            if should_stop is not None and should_stop():
                self._stopped = process
                _kill(process)
        try:
            output, messages = process.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            _kill(process)
            with contextlib.suppress(subprocess.TimeoutExpired):  # never wait on a pipe something still holds
                process.communicate(timeout=KILLED_WAIT_S)
            raise ScanTimedOut(f"{self._command} did not answer in {timeout_s:g} s") from None
        finally:
            with self._lock:
                self._running = None
                stopped, self._stopped = self._stopped is process, None
        if stopped:
            raise ScanCancelled("the scan was stopped")
        return process.returncode, output, messages.decode("utf-8", errors="replace").strip()

    def cancel(self) -> None:
        """Stop the scan or search in progress, if any: it raises ``ScanCancelled`` and keeps nothing."""
        with self._lock:
            if self._running is not None:
                self._stopped = self._running
                _kill(self._running)

    def find(self, should_stop: StopAsked | None = None) -> list[ScannerDevice]:
        """The scanners SANE finds now (maybe none); raises ``ScanningUnavailable``, ``ScanTimedOut``."""
        listing = "--formatted-device-list=%d\t%v\t%m%n"  # name, vendor, model: one scanner a line
        returncode, output, messages = self._run([listing], self._list_timeout_s, should_stop)
        if returncode != 0:
            raise _scanner_error(returncode, messages)
        devices = []
        for line in output.decode("utf-8", errors="replace").splitlines():
            name, _tab, rest = line.partition("\t")
            vendor, _tab, model = rest.partition("\t")
            if name.strip():
                devices.append(ScannerDevice(name.strip(), vendor.strip(), model.strip()))
        log.info("scanners found: %s", ", ".join(device.label for device in devices) or "none")
        return devices

    def first(self, should_stop: StopAsked | None = None) -> ScannerDevice:
        """The first scanner SANE finds; raises ``NoScanner`` when there is none."""
        devices = self.find(should_stop)
        if not devices:
            raise NoScanner("no scanner was found")
        return devices[0]

    def scan(
        self,
        device: ScannerDevice,
        destination: Path,
        resolution_dpi: int,
        colour: bool,
        should_stop: StopAsked | None = None,
    ) -> ScannedPage:
        """Scan one page into ``destination``, a file reserved in the visit's folder (it must exist:
        a folder deleted meanwhile, at the end of the visit, is never made again).

        Raises a ``ScannerError``, ``ScanCancelled``, or ``DiskFull`` (nothing of the page is kept).
        """
        arguments = [
            f"--device-name={device.name}",
            "--format=jpeg",
            f"--resolution={resolution_dpi}",
            f"--mode={'Color' if colour else 'Gray'}",
        ]
        returncode, image, messages = self._run(arguments, self._scan_timeout_s, should_stop)
        if returncode != 0:
            log.warning("scanimage failed (status %d): %s", returncode, messages)
            raise _scanner_error(returncode, messages)
        try:
            info = read_jpeg_info(image)
        except NotAJpeg as error:
            log.warning("scanimage gave no usable image: %s (%s)", error, messages)
            reported = _scanner_error(returncode, messages)  # what SANE said, if it said something
            if isinstance(reported, ScannerFailed):
                raise ScannerFailed(f"the scanner gave no usable image: {error}") from None
            raise reported from None
        _write_reserved(destination, image)
        return ScannedPage(
            path=destination,
            width_px=info.width,
            height_px=info.height,
            dpi=round(info.dpi) if info.dpi else resolution_dpi,
            colour=info.components > 1,
            size_bytes=len(image),
        )


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Stop scanimage and whatever its backend started, at once (a scan stopped keeps nothing anyway)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def _write_reserved(path: Path, data: bytes) -> None:
    """Fill a file reserved in the visit's folder. It is opened, never created: if the visit's folder
    was deleted meanwhile, nothing is written (a created file would outlive the visit)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_TRUNC | os.O_NOFOLLOW)
    except FileNotFoundError:
        raise ScanCancelled("the visit's folder is gone") from None
    except OSError as error:
        raise EnvironmentFault(f"the scanned page cannot be written: {error.strerror}") from None
    try:
        written = memoryview(data)
        while written:
            written = written[os.write(descriptor, written) :]
        os.fsync(descriptor)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, 0)
        path.unlink(missing_ok=True)
        fault = DiskFull if error.errno in _NO_SPACE else EnvironmentFault
        raise fault(f"the scanned page cannot be written: {error.strerror}") from None
    finally:
        os.close(descriptor)


class ScannedDocument:
    """The pages of one document, scanned one after the other, made into ONE PDF by :meth:`finish`.

    The pages wait as JPEGs in the visit's folder (deleted with it at the end of the visit);
    :meth:`finish` writes the PDF and deletes them, :meth:`discard` deletes them without a PDF.
    One page is scanned at a time (a worker thread may do it); :meth:`cancel` may come from any thread.
    """

    def __init__(
        self,
        files: VisitFiles,
        scanner: Scanner,
        limit_bytes: int = PDF_LIMIT_BYTES,
        page_target_bytes: int = PAGE_TARGET_BYTES,
        resolutions_dpi: Sequence[int] = RESOLUTIONS_DPI,
        max_pages: int = MAX_PAGES,
        device: ScannerDevice | None = None,
    ) -> None:
        """``device``: the scanner an earlier document used, to skip looking for it (3 s) again."""
        if not resolutions_dpi:
            raise ValueError("at least one resolution is needed")
        self.files = files
        self.scanner = scanner
        self.limit_bytes = limit_bytes
        self.page_target_bytes = page_target_bytes
        self.resolutions_dpi = tuple(sorted(resolutions_dpi, reverse=True))
        self.max_pages = max_pages
        self._pages: list[ScannedPage] = []
        self._lock = threading.Lock()
        self._cancelled = False
        self._device = device

    @property
    def pages(self) -> tuple[ScannedPage, ...]:
        with self._lock:
            return tuple(self._pages)

    @property
    def device(self) -> ScannerDevice | None:
        """The scanner the pages come from, once one was found."""
        return self._device

    def estimated_bytes(self) -> int:
        """The most the PDF of the pages scanned so far will weigh."""
        return estimated_pdf_bytes([page.size_bytes for page in self.pages])

    def _room_for_next_page(self) -> int:
        """How large the next JPEG may be and still leave the whole PDF under the limit."""
        sizes = [page.size_bytes for page in self.pages]
        return self.limit_bytes - estimated_pdf_bytes([*sizes, 0])

    def add_page(self, colour: bool = False) -> ScannedPage:
        """Scan the page on the glass and add it; rescanned lower while it takes more than its share.

        Raises ``DocumentFull`` (nothing added), a ``ScannerError``, ``ScanCancelled``,
        ``TooManyFiles`` or ``DiskFull``.
        """
        if self._cancelled:
            raise ScanCancelled("the document was cancelled")
        if len(self.pages) >= self.max_pages:
            raise DocumentFull(f"a document holds {self.max_pages} pages at most")
        room = self._room_for_next_page()
        if room <= 0:
            raise DocumentFull("the document already reaches the size the sites accept")
        device = self._device or self.scanner.first(self._stop_asked)
        self._device = device
        destination = self.files.reserve(PAGE_NAME)
        try:
            page = self._scan_within(device, destination, room, colour)
        except NoScanner:
            self._device = None  # unplugged, or another one plugged in: look again next time
            destination.unlink(missing_ok=True)
            raise
        except BaseException:
            destination.unlink(missing_ok=True)
            raise
        with self._lock:
            if self._cancelled:  # cancelled while the scanner was still working: keep nothing
                destination.unlink(missing_ok=True)
                raise ScanCancelled("the document was cancelled")
            self._pages.append(page)
        return page

    def _scan_within(self, device: ScannerDevice, destination: Path, room: int, colour: bool) -> ScannedPage:
        """The page at the highest resolution whose scan fits its share (``room`` at the last one)."""
        resolutions = list(self.resolutions_dpi)
        while resolutions:
            if self._cancelled:
                raise ScanCancelled("the document was cancelled")
            resolution = resolutions.pop(0)
            page = self.scanner.scan(device, destination, resolution, colour, self._stop_asked)
            share = min(room, self.page_target_bytes) if resolutions else room
            if page.size_bytes <= share:
                if resolution != self.resolutions_dpi[0]:
                    log.info("page rescanned at %d dpi to fit: %d bytes", resolution, page.size_bytes)
                return page
            # A JPEG's size goes with its number of pixels: skip the resolutions that cannot fit either.
            while len(resolutions) > 1 and page.size_bytes * (resolutions[0] / resolution) ** 2 > share:
                resolutions.pop(0)
        raise DocumentFull("even at the lowest resolution, the page does not fit in what is left")

    def _stop_asked(self) -> bool:
        return self._cancelled

    def discard(self) -> None:
        """Delete the pages scanned so far (« Recommencer »); the document can take new ones."""
        with self._lock:
            pages, self._pages = self._pages, []
        for page in pages:
            page.path.unlink(missing_ok=True)

    def cancel(self) -> None:
        """Stop a scan in progress and delete every page (« Annuler », the end of the visit). Final."""
        self._cancelled = True
        self.scanner.cancel()
        self.discard()

    def finish(self, name: str = DOCUMENT_NAME) -> Path:
        """Write the pages as one PDF in the visit's folder, whole or not at all, and delete the pages.

        Raises ``ValueError`` with no page, ``DiskFull``/``EnvironmentFault`` (the pages stay, to try
        again), ``TooManyFiles``, ``ScanCancelled``.
        """
        pages = self.pages
        if not pages:
            raise ValueError("no page was scanned")
        try:
            jpegs = [page.path.read_bytes() for page in pages]
        except FileNotFoundError:
            raise ScanCancelled("the visit's folder is gone") from None
        pdf = pdf_from_jpegs(jpegs, fallback_dpi=pages[0].dpi)
        if len(pdf) > self.limit_bytes:  # the estimate is an upper bound: a bug if ever reached
            raise DocumentFull(f"the PDF would weigh {len(pdf)} bytes, over {self.limit_bytes}")
        path = self.files.reserve(name)
        if self._cancelled:
            path.unlink(missing_ok=True)
            raise ScanCancelled("the document was cancelled")
        try:
            write_private(path, pdf)
        except EnvironmentFault:
            path.unlink(missing_ok=True)
            raise
        self.discard()
        log.info("scanned document written: %d page(s), %d bytes", len(pages), len(pdf))
        return path
