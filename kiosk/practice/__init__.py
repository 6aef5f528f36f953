"""Practice mode: one person's run through a simulated site, the checks a real site makes, the review."""
