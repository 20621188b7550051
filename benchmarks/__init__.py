"""Benchmarks of the template's own machinery (run from the repository root)."""
