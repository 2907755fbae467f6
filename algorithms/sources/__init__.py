"""Processing algorithms of the group "1 Ecological sources"."""
