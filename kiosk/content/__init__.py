"""Content packs: what a procedure and a practice site are made of, reading, loading, checking, extracting."""
