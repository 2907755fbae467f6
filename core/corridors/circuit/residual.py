"""The convergence contract every circuit solver meets (Circuitscape.jl's tolerances)."""
import numpy as np

from ...runtime.errors import ConvergenceError

#: Relative tolerance of the iterative solver (Circuitscape: 1e-6).
RTOL = 1e-6
#: Hard limit on the relative residual of any solution (Circuitscape.jl: 1e-4).
RESIDUAL_LIMIT = 1e-4


def check_residual(matrix, x, b):
    """Raise when ``‖A x − b‖ > 1e-4 ‖b‖`` for some column (the solve did not converge)."""
    residual = matrix @ x - b
    r = np.linalg.norm(residual, axis=0)
    scale = np.linalg.norm(b, axis=0)
    bad = r > RESIDUAL_LIMIT * np.maximum(scale, np.finfo(float).tiny)
    if np.any(bad):
        worst = float(np.max(r / np.maximum(scale, np.finfo(float).tiny)))
        raise ConvergenceError(
            f"The circuit solver did not converge (relative residual {worst:.2e} > {RESIDUAL_LIMIT}). "
            "Check the resistance surface for extreme values, or try the other solver. "
            "/ 电路求解未收敛，请检查阻力面是否有极端值，或换用另一种求解器。")
