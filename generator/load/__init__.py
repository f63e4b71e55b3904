"""Sources -> front matter -> validated, typed records; the personnummer guard; per-file memo."""
