"""Files sent to a site: the types it lists, and its size limit."""

from __future__ import annotations

from collections.abc import Sequence


def check_upload(
    file_name: str, size_bytes: int, accepted_extensions: Sequence[str], max_bytes: int
) -> str | None:
    """None when a site would take the file, else "upload.type", "upload.empty" or "upload.size".

    Extensions compare without case and with or without their dot ("pdf", ".PDF");
    only the last one counts ("scan.pdf.exe" is an .exe).
    """
    if size_bytes < 0 or max_bytes <= 0:
        raise ValueError("sizes must be positive")
    wanted = {extension.lower().lstrip(".") for extension in accepted_extensions}
    stem, dot, extension = file_name.strip().rpartition(".")
    if not dot or not stem or extension.lower() not in wanted:
        return "upload.type"
    if size_bytes == 0:
        return "upload.empty"
    if size_bytes > max_bytes:
        return "upload.size"
    return None
