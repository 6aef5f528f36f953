"""Build hook: compile the gettext catalogs into the package so they travel with it."""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        here = Path(__file__).resolve().parent
        sys.path.insert(0, str(here))
        from kiosk.i18n.catalogs import compile_catalogs

        compile_catalogs(here / "locales", here / "kiosk" / "i18n" / "locale")
        super().run()


setup(cmdclass={"build_py": BuildWithCatalogs})
