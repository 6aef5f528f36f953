"""The building blocks every screen finds here: labels and pictogram buttons, keypads, charts, QR codes."""
