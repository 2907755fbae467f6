"""Runtime services every core uses: errors, progress and cancel, optional imports, memory planning."""
