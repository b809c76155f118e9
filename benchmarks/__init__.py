"""Measurements that are not tests: ``make bench`` runs them all through ``benchmarks.run``.

One module per measurement, each runnable alone (``python -m benchmarks.<name>``) and
exposing ``measure()`` for the runner. Results are reported against a baseline measured
in the same run, never asserted.
"""
