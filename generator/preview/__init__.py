"""beslut serve: watch, classify a change, the smallest safe rebuild, live reload, error overlay."""
