"""The kiosk's core: content, practice, the person's visit, mediation, the store and languages.

One package per capability, on a ground of what every package uses (``secret``,
``errors``, ``config``, ``data_dir``), with ``station`` on top. Nothing in this package
imports Qt; it runs and is tested headless. docs/ARCHITECTURE.md is the map.
"""

__version__ = "0.2.0"
