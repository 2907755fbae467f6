"""Step 1, ecological sources: MSPA, habitat patches and protected areas, connectivity (dPC)."""
