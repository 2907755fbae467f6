"""General tools used across the workflow: graded classification (natural breaks and the others)."""
