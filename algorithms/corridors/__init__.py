"""Processing algorithms of the group "3 Corridors and circuit theory"."""
