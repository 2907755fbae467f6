"""Step 3, corridors: cost distance, Linkage Pathways (:mod:`.linkage`), the circuit engine (:mod:`.circuit`)."""
