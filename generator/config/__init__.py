"""site.yaml as a declared schema, the theme's search path and its UI strings."""
