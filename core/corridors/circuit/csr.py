"""In-place CSR kernels for the multigrid solver, straight on scipy's compiled routines.

They write into arrays the caller owns (no temporaries) and release the GIL, so solver threads
run them side by side. ``values`` is the data array of a CSR pattern (``indptr``, ``indices``),
the matrix's own or a copy with other values.
"""
from scipy.sparse._sparsetools import csr_matvec, csr_scale_columns, csr_scale_rows


def add_product(matrix, x, out):
    """``out += matrix @ x``."""
    csr_matvec(matrix.shape[0], matrix.shape[1], matrix.indptr, matrix.indices, matrix.data, x, out)
    return out


def multiply_into(matrix, x, out):
    """``out = matrix @ x``."""
    out.fill(0)
    return add_product(matrix, x, out)


def scale_entries(indptr, indices, values, rows=None, columns=None, shape=None):
    """``values`` multiplied in place by a factor per row and/or per column (square pattern
    unless ``shape``): the entries of ``diag(rows) @ M @ diag(columns)``."""
    n_rows, n_cols = shape or (indptr.size - 1, indptr.size - 1)
    if rows is not None:
        csr_scale_rows(n_rows, n_cols, indptr, indices, values, rows.astype(values.dtype))
    if columns is not None:
        csr_scale_columns(n_rows, n_cols, indptr, indices, values, columns.astype(values.dtype))
    return values
