"""Benchmarks, each runnable as ``python -m kg.bench.<name>``."""
