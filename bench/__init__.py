"""Performance benchmarks, one module each; bench/run.py runs them all (docs/performance.md)."""
