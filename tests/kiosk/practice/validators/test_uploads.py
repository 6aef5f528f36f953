"""Files sent to a site: the types it lists, and its size limit."""

from __future__ import annotations

import pytest

from kiosk.practice.validators import check_upload

UPLOAD_CASES: list[tuple[str, int, tuple[str, ...], int, str | None]] = [
    ("justificatif.pdf", 120_000, ("pdf", "jpg", "png"), 2_000_000, None),
    ("IMG_2041.JPG", 1_500_000, ("pdf", "jpg", "png"), 2_000_000, None),  # upper-case extension
    ("photo.jpg", 2_000_000, (".jpg",), 2_000_000, None),  # exactly the limit; dotted extension list
    ("scan.PDF", 10, (".PDF",), 2_000_000, None),
    ("IMG_2041.HEIC", 1_500_000, ("pdf", "jpg", "png"), 2_000_000, "upload.type"),  # an iPhone photo
    ("photo.jpeg", 1_500_000, ("jpg",), 2_000_000, "upload.type"),  # the site lists only jpg
    ("scan.pdf.exe", 1_500, ("pdf",), 2_000_000, "upload.type"),
    ("justificatif", 1_500, ("pdf",), 2_000_000, "upload.type"),
    (".pdf", 1_500, ("pdf",), 2_000_000, "upload.type"),
    ("document.docx", 0, ("pdf",), 2_000_000, "upload.type"),  # the type is said first
    ("justificatif.pdf", 0, ("pdf",), 2_000_000, "upload.empty"),
    ("justificatif.pdf", 2_000_001, ("pdf",), 2_000_000, "upload.size"),
    ("IMG_2041.jpg", 8_400_000, ("jpg", "pdf"), 5 * 1024 * 1024, "upload.size"),
]


@pytest.mark.parametrize(("file_name", "size", "accepted", "max_bytes", "expected"), UPLOAD_CASES)
def test_check_upload(
    file_name: str, size: int, accepted: tuple[str, ...], max_bytes: int, expected: str | None
) -> None:
    assert check_upload(file_name, size, accepted, max_bytes) == expected


@pytest.mark.parametrize(("size", "max_bytes"), [(-1, 100), (10, 0), (10, -5)])
def test_check_upload_refuses_impossible_sizes(size: int, max_bytes: int) -> None:
    with pytest.raises(ValueError):
        check_upload("a.pdf", size, ["pdf"], max_bytes)
