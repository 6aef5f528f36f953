"""Speech for the kiosk: what is spoken and by which engine. Imports the core only, never Qt."""
