"""Loaders: bring reference data, taxonomy, initiatives and labels into PostGIS.

Each loader reads, normalises, stages and merges in one transaction, and returns a report;
``loaders.cli`` exposes them as ``python -m atlas load <what>``.
"""
