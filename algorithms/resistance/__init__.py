"""Processing algorithms of the group "2 Resistance surfaces"."""
