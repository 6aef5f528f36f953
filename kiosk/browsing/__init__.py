"""The official site in the kiosk's browser: what it may open, which step a page is, the visit's files."""
