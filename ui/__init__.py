"""The kiosk's touchscreen interface (Qt Widgets): the only package that imports PySide6."""
