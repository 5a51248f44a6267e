"""Benchmarks (``make bench``): each figure against a reference run in the same process."""
