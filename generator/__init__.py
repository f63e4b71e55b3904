"""beslut: a static site generator for Swedish municipal decisions."""

__version__ = "0.1.0"
