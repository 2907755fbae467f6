"""Conservation priority ranking (Zonation-style reverse stepwise removal) and its curves."""
