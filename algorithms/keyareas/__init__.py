"""Processing algorithms of the group "4 Key areas for restoration"."""
