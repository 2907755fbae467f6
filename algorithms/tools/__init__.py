"""Processing algorithms of the group "0 General tools"."""
