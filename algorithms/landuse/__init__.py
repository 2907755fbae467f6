"""Processing algorithms of the group "5 Land-use scenarios"."""
