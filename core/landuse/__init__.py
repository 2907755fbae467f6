"""Step 5, land-use scenarios: ecosystem services (InVEST carbon and habitat quality), service
clusters (SOFM, k-means), land demand (Markov chain, GMOP) and FLUS-style simulation with its
validation (spec ``prioritization.md`` §6–8)."""
