"""The project's exception types.

Cores raise these; the Processing wrappers turn them into ``QgsProcessingException``
with the message unchanged, so every message must say what is wrong, which input it
concerns and what the user can do about it.
"""


class EcoSecurityError(Exception):
    """Base class of every error a core raises on purpose."""


class InputError(EcoSecurityError):
    """Bad input: a wrong value, layer, grid or file."""


class GridMismatchError(InputError):
    """Two rasters that must align (CRS, cell size, extent) do not."""


class ConvergenceError(EcoSecurityError):
    """An iterative solver did not reach its tolerance."""


class MemoryLimitError(EcoSecurityError):
    """The estimated memory of a run exceeds what the machine has."""


class MissingDependencyError(EcoSecurityError):
    """An optional package is not installed."""


class CancelledError(EcoSecurityError):
    """The user cancelled the run."""


class EcoSecurityWarning(UserWarning):
    """Something the user should know that does not stop the run (an implied NoData value, an
    input partly outside the extent…). Cores raise it with :func:`warnings.warn`; the Processing
    wrappers show it in the log as a warning, once per message."""
