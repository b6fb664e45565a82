"""Benchmarks, each runnable as ``python -m benchmarks.<name>``; they ship outside the wheel."""
