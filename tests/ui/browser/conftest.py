"""The browser tests' kiosk: its fixtures live in site_kiosk.py, beside the loopback stand-in."""

from tests.ui.browser.site_kiosk import local_site, site_station, site_window

__all__ = ["local_site", "site_station", "site_window"]
