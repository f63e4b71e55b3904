"""The command line: arguments, printing and exit codes (the only place that prints)."""
