"""The desk's console (``kiosk-console``): every kiosk of the room and every help request, live."""
