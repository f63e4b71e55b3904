"""Writing records: `beslut new` (and, later, import and init)."""
