"""Circuit theory engine compatible with Circuitscape (Circuitscape.jl 5.x / Circuitscape 4).

Modules: :mod:`.graph` (raster → conductance graph), :mod:`.solvers` and :mod:`.multigrid`
(direct factorisation, AMG-preconditioned CG), :mod:`.pairwise` and :mod:`.modes` (scenario
drivers), :mod:`.network` (graph mode), :mod:`.currents` (branch/node currents),
:mod:`.inputs` / :mod:`.ini` (Circuitscape files), :mod:`.outputs` (maps and tables),
:mod:`.compute` (run an ``.ini`` end to end).
"""
