"""The kiosk's core: procedures, navigation, the person's visit, languages and settings.

Nothing in this package imports Qt; it runs and is tested headless.
"""

__version__ = "0.1.0"
