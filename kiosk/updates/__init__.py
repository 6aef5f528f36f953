"""Content updates: packs published once, signed with TUF, received online or by USB stick, switched whole."""
