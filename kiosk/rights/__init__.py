"""« Quelles aides pour moi ? »: the questions, the answers kept for the visit, the OpenFisca situation they
make, and the aids estimated from it (the engine itself runs in a worker process of its own)."""
