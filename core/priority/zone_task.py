"""One zone's ranking as an independent task (one Zonation run per space, spec ``prioritization.md``
§1.9), for :func:`...runtime.parallel.map_tasks`.

Shipped to a worker: the zone's raw feature values only (n_z x F float32, 4 F bytes per zone cell),
its costs (float64) and hierarchy levels (int64) when given (8 bytes per cell each) and the options;
back: the removal order (int64, 8 bytes per cell). The worker normalises the zone (q_ij = x_ij /
sum over the zone) and ranks it with :func:`.ranking.removal_order`: the calls of the serial run, on
the same values, so the order is the same bits. Worker memory: :func:`.normalise.zone_task_memory`.
"""
from .normalise import normalise
from .ranking import removal_order


def rank_zone(values, weights, rule, cost, levels, step, abf_exponent, seed, progress=None):
    """Removal order of one zone's cells (0..n_z-1, first removed first). ``values`` (n_z x F float32,
    raw) is normalised in place when it owns its memory (a shipped copy), into a new array otherwise
    (a view of the caller's stack, a read-only buffer of Dask)."""
    own = values.flags.owndata and values.flags.writeable
    q = normalise(values, out=values if own else None)
    return removal_order(q, weights, rule, cost, levels, step, abf_exponent, seed, progress)
