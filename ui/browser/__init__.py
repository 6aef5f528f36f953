"""The official site inside the kiosk: a private, allow-listed browser beside the guide, wiped at the end."""
