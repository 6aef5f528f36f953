"""The encrypted store: the database, its key, what is kept of a visit, keeping it, the admin commands."""
