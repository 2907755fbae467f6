"""Step 2, resistance and suitability surfaces: AHP and entropy weights, factor tables and grading,
streamed weighted overlay, suitability and spaces, Euclidean distance."""
