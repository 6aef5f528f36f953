"""One PDF made of scanned pages: each JPEG kept as it is (DCTDecode), one A4 page per scan.

No image library is needed: a JPEG's own header says its size in pixels, its colours and
(JFIF) its resolution; the PDF around it is a few objects written by hand. The pages are
not re-encoded, so the PDF weighs what its JPEGs weigh plus about a kilobyte.

Each scan is placed at its real size (pixels / dpi) in the top-left corner of an A4 page, as it
lay on the scanner's glass, and shrunk to fit if the glass was larger than A4 (a legal-size
scanner). The PDF holds no date, no author and no program name: nothing about who scanned it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

A4_WIDTH_PT = 595.28  # 210 mm
A4_HEIGHT_PT = 841.89  # 297 mm
POINTS_PER_INCH = 72
# What the PDF adds around its JPEGs: per page (page, contents, image dictionaries, cross-reference
# entries) and once (header, catalog, page tree, trailer). Measured at about 330 and 190 bytes; kept
# generous, since the size the sites accept is checked against these before the PDF is written.
PAGE_OVERHEAD_BYTES = 600
DOCUMENT_OVERHEAD_BYTES = 400

_COLOUR_SPACES = {1: "/DeviceGray", 3: "/DeviceRGB"}
# Start-of-frame markers (baseline, extended, progressive, lossless; Huffman or arithmetic):
# every SOFn but DHT (C4), JPG (C8) and DAC (CC), which share the range.
_START_OF_FRAME = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})  # markers without a length: TEM, RST0-7
_START_OF_SCAN = 0xDA
_JFIF_DOTS_PER_INCH = 1
_JFIF_DOTS_PER_CM = 2
_CM_PER_INCH = 2.54


class NotAJpeg(ValueError):
    """The bytes are not a whole JPEG image the PDF can carry (truncated, another format, CMYK)."""


@dataclass(frozen=True)
class JpegInfo:
    width: int
    height: int
    components: int  # 1 grey, 3 colour
    dpi: float | None  # from the JFIF header; None when the file does not say


def _density_dpi(app0: bytes) -> float | None:
    """The horizontal resolution a JFIF APP0 segment declares, in dots per inch."""
    if len(app0) < 12 or not app0.startswith(b"JFIF\0"):  # noqa: PLR2004 - the JFIF header's length
        return None
    units = app0[7]
    density = int.from_bytes(app0[8:10], "big")
    if density <= 0:
        return None
    if units == _JFIF_DOTS_PER_INCH:
        return float(density)
    if units == _JFIF_DOTS_PER_CM:
        return density * _CM_PER_INCH
    return None  # 0: only an aspect ratio


def read_jpeg_info(data: bytes) -> JpegInfo:
    """The size, colours and resolution of a whole JPEG; raises ``NotAJpeg`` otherwise."""
    if not data.startswith(b"\xff\xd8") or not data.rstrip(b"\0").endswith(b"\xff\xd9"):
        raise NotAJpeg("not a whole JPEG image (start or end marker missing)")
    dpi: float | None = None
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:  # noqa: PLR2004 - every marker starts with 0xFF
            raise NotAJpeg(f"no marker at byte {position}")
        marker = data[position + 1]
        if marker == 0xFF:  # noqa: PLR2004 - a fill byte before a marker
            position += 1
            continue
        if marker in _STANDALONE:
            position += 2
            continue
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        segment = data[position + 4 : position + 2 + length]
        if length < 2 or len(segment) != length - 2:  # noqa: PLR2004 - the length counts its own two bytes
            raise NotAJpeg(f"a segment at byte {position} runs past the end")
        if marker == 0xE0 and dpi is None:  # noqa: PLR2004 - APP0, where JFIF says the resolution
            dpi = _density_dpi(segment)
        elif marker in _START_OF_FRAME:
            if len(segment) < 6:  # noqa: PLR2004 - precision, height, width, components
                raise NotAJpeg("the frame header is cut short")
            height = int.from_bytes(segment[1:3], "big")
            width = int.from_bytes(segment[3:5], "big")
            components = segment[5]
            if not width or not height:
                raise NotAJpeg("the image has no size (a height given only at the end is not supported)")
            if components not in _COLOUR_SPACES:
                raise NotAJpeg(f"{components} colour components: only grey and colour scans are kept")
            return JpegInfo(width, height, components, dpi)
        elif marker == _START_OF_SCAN:
            break
        position += 2 + length
    raise NotAJpeg("no frame header before the image data")


def _number(value: float) -> str:
    """A PDF number: at most two decimals, no exponent, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def placement(info: JpegInfo, fallback_dpi: float) -> tuple[float, float, float, float]:
    """Where a scan goes on its A4 page, in points: x, y (from the bottom), width, height."""
    dpi = info.dpi or fallback_dpi
    width = info.width / dpi * POINTS_PER_INCH
    height = info.height / dpi * POINTS_PER_INCH
    shrink = min(1.0, A4_WIDTH_PT / width, A4_HEIGHT_PT / height)
    width, height = width * shrink, height * shrink
    return 0.0, A4_HEIGHT_PT - height, width, height


def estimated_pdf_bytes(jpeg_sizes: Sequence[int]) -> int:
    """An upper bound of the size of the PDF that ``pdf_from_jpegs`` makes of JPEGs of these sizes."""
    return DOCUMENT_OVERHEAD_BYTES + sum(size + PAGE_OVERHEAD_BYTES for size in jpeg_sizes)


def pdf_from_jpegs(pages: Sequence[bytes], fallback_dpi: float = 200) -> bytes:
    """A PDF with one A4 page per JPEG, in order; raises ``NotAJpeg`` for a page it cannot carry.

    ``fallback_dpi`` places a JPEG whose header gives no resolution (the one it was scanned at).
    """
    if not pages:
        raise ValueError("a PDF needs at least one page")
    infos = [read_jpeg_info(page) for page in pages]
    # Objects: 1 catalog, 2 page tree, then for each page its page, contents and image objects.
    page_numbers = [3 + 3 * index for index in range(len(pages))]
    chunks: list[bytes] = [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"]
    offsets: list[int] = []
    written = len(chunks[0])

    def add(body: bytes) -> None:
        nonlocal written
        offsets.append(written)
        obj = f"{len(offsets)} 0 obj\n".encode() + body + b"\nendobj\n"
        chunks.append(obj)
        written += len(obj)

    add(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{number} 0 R" for number in page_numbers)
    add(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    media_box = f"[0 0 {_number(A4_WIDTH_PT)} {_number(A4_HEIGHT_PT)}]"
    for number, data, info in zip(page_numbers, pages, infos, strict=True):
        contents, image = number + 1, number + 2
        add(
            f"<< /Type /Page /Parent 2 0 R /MediaBox {media_box} "
            f"/Resources << /XObject << /Scan {image} 0 R >> >> /Contents {contents} 0 R >>".encode()
        )
        x, y, width, height = placement(info, fallback_dpi)
        drawing = f"q {_number(width)} 0 0 {_number(height)} {_number(x)} {_number(y)} cm /Scan Do Q".encode()
        add(f"<< /Length {len(drawing)} >>\nstream\n".encode() + drawing + b"\nendstream")
        add(
            f"<< /Type /XObject /Subtype /Image /Width {info.width} /Height {info.height} "
            f"/ColorSpace {_COLOUR_SPACES[info.components]} /BitsPerComponent 8 "
            f"/Filter /DCTDecode /Length {len(data)} >>\nstream\n".encode()
            + data
            + b"\nendstream"
        )
    # Each cross-reference entry is exactly 20 bytes: 10 digits, 5 digits, n or f, space and newline.
    table = [f"xref\n0 {len(offsets) + 1}\n", "0000000000 65535 f \n"]
    table += [f"{offset:010d} 00000 n \n" for offset in offsets]
    table.append(f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{written}\n%%EOF\n")
    chunks.append("".join(table).encode())
    return b"".join(chunks)
