"""What the mediators hold: their PIN, the session timeline, the activity statistics, the knock."""
