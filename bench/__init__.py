"""Benchmarks of beslut, and the corpus they (and the browser tests) build."""
