"""Step 4, key areas for restoration: pinch points, barriers, corridor centrality, key-area extraction
and the per-unit tables (Linkage Mapper's Pinchpoint, Barrier and Centrality Mapper; spec
``linkage_mapper.md`` §3–5)."""
