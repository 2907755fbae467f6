"""IIC, PC, EC and node importance (dA, dIIC, dPC and their intra/flux/connector fractions).

Definitions (spec ``connectivity.md`` §2; Conefor Sensinode 2.6 conventions):

* p_ij = exp(−k·d_ij), k = −ln(P)/D (or p_ij read from a probability file);
  p*_ij = the maximum product of p along any path (Saura & Pascual-Hortal 2007).
* PCnum = Σ_i Σ_j a_i a_j p*_ij; EC(PC) = √PCnum (Saura et al. 2011); PC = PCnum / LA².
* IIC links: direct links with d_ij ≤ D (probability files: p_ij ≥ P); nl_ij = links on the
  topologically shortest path; IICnum = Σ_i Σ_j a_i a_j / (1 + nl_ij) (Pascual-Hortal & Saura
  2006); EC(IIC) = √IICnum; IIC = IICnum / LA²; NL = number of links, NC = components.
* dI_k = 100·(I − I_{−k})/I with node k and its links removed; intra = 100·a_k²/Inum,
  flux = 100·2·a_k Σ_{j≠k} a_j w_kj / Inum, connector = the rest (Saura & Rubio 2010), computed
  directly as 100·C_k/Inum (see :mod:`.removal`), so it is ≥ 0 up to rounding.
* Overall fractions (Makurhini / landschaft reporting): intra = 100·Σa²/num; PCdirect =
  100·Σ_{i≠j} a_i a_j p_ij / PCnum over the direct links; IICdirect = 100·Σ_{i≠j, nl=1} a_i a_j / 2
  / IICnum; step = 100 − intra − direct.

Conventions: :data:`CONEFOR` (default) as above. :data:`MAKURHINI` (``MK_dPCIIC`` of Makurhini
3.0): direct links with p_ij < 0.01 are dropped, IIC links need d_ij < D, and unconnected IIC
pairs count with nl = 16443701. Reproduction: Conefor-convention tables of
``shared/reference/connectivity`` to 1e-9 relative; the landschaft-computed Makurhini-convention
table of ``tiny8`` to 1e-8 (PC) and 3e-6 (IIC, absolute %).
"""
import math
from dataclasses import dataclass, field

import numpy as np

from ...runtime.errors import InputError
from ...runtime.progress import ensure
from ...tools.classify import class_index, natural_breaks
from .network import DISTANCE
from .removal import HOPS, PRODUCT, link_graph, pair_sums

CONEFOR, MAKURHINI = "conefor", "makurhini"
CONVENTIONS = (CONEFOR, MAKURHINI)


@dataclass(frozen=True)
class Convention:
    """How links and unconnected pairs are treated (spec ``connectivity.md`` §4)."""
    name: str
    strict_links: bool  # IIC link iff d < D (True) or d <= D (False)
    min_probability: float  # direct links with p below this are dropped
    unconnected_nl: float  # nl of unconnected IIC pairs (inf: they add 0)


CONVENTION_RULES = {
    CONEFOR: Convention(CONEFOR, strict_links=False, min_probability=0.0, unconnected_nl=math.inf),
    MAKURHINI: Convention(MAKURHINI, strict_links=True, min_probability=0.01, unconnected_nl=16443701.0),
}

#: Per-node columns of :class:`ConnectivityResult`, in output order (all in %).
NODE_COLUMNS = ("dA", "dIIC", "dIICintra", "dIICflux", "dIICconnector",
                "dPC", "dPCintra", "dPCflux", "dPCconnector")


@dataclass
class ConnectivityResult:
    """Per-node importance (``nodes``: column name -> array, :data:`NODE_COLUMNS`), the
    ``overall`` rows ``[(index, value), ...]`` and, when asked for, the direct links
    (``links``: ``i``, ``j`` node indices, ``distance`` (NaN for probability input), ``p``,
    ``p_star``, ``iic_link``)."""
    node_ids: np.ndarray
    attribute: np.ndarray
    nodes: dict
    overall: list
    links: dict = field(default_factory=dict)

    def overall_value(self, name):
        return dict(self.overall)[name]


def dispersal_rate(distance_threshold, probability):
    """k = −ln(P)/D of the negative exponential kernel p = exp(−k d) (p = P at d = D)."""
    if not (isinstance(distance_threshold, (int, float)) and math.isfinite(distance_threshold)
            and distance_threshold > 0):
        raise InputError(f"The distance threshold must be a positive distance in map units, got "
                         f"{distance_threshold}. / 距离阈值必须为正数（地图单位）。")
    check_probability(probability)
    return -math.log(probability) / distance_threshold


def check_probability(probability):
    """Raise :class:`InputError` unless 0 < P < 1."""
    if not (isinstance(probability, (int, float)) and 0.0 < probability < 1.0):
        raise InputError(f"The dispersal probability at the distance threshold must lie strictly between "
                         f"0 and 1 (e.g. 0.5), got {probability}. / 阈值距离处的扩散概率必须在 0 与 1 之间（如 0.5）。")


def _convention(convention):
    try:
        return CONVENTION_RULES[convention]
    except KeyError:
        raise InputError(f"Unknown convention {convention!r}; use one of {', '.join(CONVENTIONS)}.") from None


def connectivity_indices(network, distance_threshold=5000.0, probability=0.5, landscape_area=None,
                         convention=CONEFOR, with_links=False, progress=None):
    """:class:`ConnectivityResult` of a :class:`~.network.HabitatNetwork` (see the module docstring).

    ``distance_threshold`` D (map units) and ``probability`` P set the kernel and the IIC links
    (for probability input only P is used: IIC links are those with p_ij ≥ P).
    ``landscape_area`` LA (attribute units) adds PC and IIC; without it only the numerators and EC.
    """
    progress = ensure(progress)
    rules = _convention(convention)
    if landscape_area is not None and not (math.isfinite(landscape_area) and landscape_area > 0):
        raise InputError(f"The landscape area must be positive, got {landscape_area}. / 景观面积必须为正数。")
    a = network.attribute
    if network.kind == DISTANCE:
        rate = dispersal_rate(distance_threshold, probability)
        distance = network.link_value
        cost = rate * distance
        p = np.exp(-cost)
        iic = distance < distance_threshold if rules.strict_links else distance <= distance_threshold
        usable = np.ones(p.size, dtype=bool)
    else:
        check_probability(probability)
        rate = None
        distance = np.full(network.n_links, np.nan)
        p = network.link_value
        with np.errstate(divide="ignore"):
            cost = -np.log(p)
        iic = p > probability if rules.strict_links else p >= probability
        usable = p > 0
    if rules.min_probability:
        usable &= p >= rules.min_probability
    n = network.n_nodes
    pc_graph = link_graph(n, network.link_i[usable], network.link_j[usable], cost[usable])
    iic_graph = link_graph(n, network.link_i[iic], network.link_j[iic], np.ones(int(iic.sum())))

    pairs = (network.link_i, network.link_j) if with_links else None
    pc = pair_sums(pc_graph, a, _probability_kernel, 0.0, pairs, progress.sub(0.0, 0.7), PRODUCT)
    if with_links:
        pc, link_lengths = pc
    unconnected_iic = 1.0 / (1.0 + rules.unconnected_nl)
    iic_sums = pair_sums(iic_graph, a, _iic_kernel, unconnected_iic, None, progress.sub(0.7, 1.0), HOPS)

    nodes = {"dA": 100.0 * a / a.sum()}
    nodes.update(_node_fractions("dIIC", a, iic_sums))
    nodes.update(_node_fractions("dPC", a, pc))
    direct_pc = 2.0 * float(np.sum(a[network.link_i[usable]] * a[network.link_j[usable]] * p[usable]))
    direct_iic = float(np.sum(a[network.link_i[iic]] * a[network.link_j[iic]]))
    intra = float(np.sum(a * a))
    overall = []
    if rate is not None:
        overall += [("distance_threshold", float(distance_threshold))]
    overall += [("probability", float(probability))]
    if rate is not None:
        overall += [("k", rate)]
    if landscape_area is not None:
        overall += [("LA", float(landscape_area))]
    overall += _overall_rows("PC", pc.numerator, intra, direct_pc, landscape_area)
    overall += _overall_rows("IIC", iic_sums.numerator, intra, direct_iic, landscape_area)
    n_links = int(iic.sum())
    overall += [("NL", float(n_links)), ("NC", float(np.unique(iic_sums.components).size))]
    result = ConnectivityResult(network.node_ids, a, nodes, overall)
    if with_links:
        result.links = {"i": network.link_i, "j": network.link_j, "distance": distance, "p": p,
                        "p_star": np.exp(-link_lengths), "iic_link": iic}
    return result


def _probability_kernel(lengths):
    return np.exp(-lengths)


def _iic_kernel(lengths):
    return 1.0 / (1.0 + lengths)


def _node_fractions(prefix, a, sums):
    scale = 100.0 / sums.numerator
    return {prefix: scale * sums.loss(a),
            prefix + "intra": scale * a * a,
            prefix + "flux": scale * 2.0 * a * sums.flux,
            prefix + "connector": scale * sums.connector}


def _overall_rows(name, numerator, intra, direct, landscape_area):
    rows = [(name + "num", numerator), ("EC_" + name, math.sqrt(numerator))]
    if landscape_area is not None:
        rows.append((name, numerator / (landscape_area * landscape_area)))
    intra_pct = 100.0 * intra / numerator
    direct_pct = 100.0 * direct / numerator
    rows += [(name + "intra_pct", intra_pct), (name + "direct_pct", direct_pct),
             (name + "step_pct", 100.0 - intra_pct - direct_pct)]
    return rows


def source_levels(dpc, min_dpc=1.0, levels=3):
    """``(is_source, level)``: sources have dPC > ``min_dpc``; their dPC is graded into ``levels``
    natural-breaks classes (Fisher–Jenks, :func:`..classify.natural_breaks`), level 1 = the most
    important; other nodes get level 0. Fewer distinct values than levels give one level each."""
    if int(levels) < 1:
        raise InputError(f"The number of importance levels must be at least 1, got {levels}. / 重要性等级数至少为 1。")
    dpc = np.asarray(dpc, dtype=np.float64)
    is_source = dpc > min_dpc
    level = np.zeros(dpc.size, dtype=np.int32)
    values = dpc[is_source]
    if values.size == 0:
        return is_source, level
    if int(levels) == 1:
        level[is_source] = 1
        return is_source, level
    breaks = natural_breaks(values, int(levels), sample_size=0)
    n_classes = len(breaks) - 1
    level[is_source] = n_classes + 1 - class_index(values, breaks)
    return is_source, level
