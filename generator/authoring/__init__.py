"""Writing sites and records: `beslut init` and `beslut new` (and, later, the importer)."""
