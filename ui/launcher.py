"""The ``kiosk`` command: ``content``, ``i18n``, ``store`` and ``pack`` run headless; else the kiosk."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["content"]:
        from kiosk.content.check import main as content_main

        return content_main(arguments[1:])
    if arguments[:1] == ["i18n"]:
        from kiosk.i18n.status import main as i18n_main

        return i18n_main(arguments[1:])
    if arguments[:1] == ["store"]:
        from kiosk.store.admin import main as store_main

        return store_main(arguments[1:])
    if arguments[:1] == ["pack"]:
        from kiosk.updates.cli import main as pack_main

        return pack_main(arguments[1:])
    from ui.app import main as app_main

    return app_main(arguments)
