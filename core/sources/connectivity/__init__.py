"""Habitat-network connectivity: IIC, PC, EC and node importance (Conefor conventions).

Modules: :mod:`.network` (validated nodes and links), :mod:`.conefor_files` (Conefor node and
connection files), :mod:`.distances` (edge-to-edge and centroid distances between patches),
:mod:`.removal` (pair sums and exact node-removal losses on sparse graphs), :mod:`.indices`
(the indices, fractions and importance levels). Spec: ``shared/specs/connectivity.md``.
"""
