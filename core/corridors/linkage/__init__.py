"""Linkage Mapper's Linkage Pathways (least-cost corridors and the core network) on numpy/scipy.

Modules: :mod:`.cores` (core areas on the grid), :mod:`.windows` (search windows),
:mod:`.adjacency` (steps 1-2), :mod:`.links` (link table, types, pruning), :mod:`.paths`
(step 3), :mod:`.corridors` (step 5), :mod:`.pathways` (the pipeline on arrays),
:mod:`.run` (files in, files out). Spec: ``linkage_mapper.md`` §2.
"""
