"""Benchmarks [issue 9]: `make bench` builds data at several sizes on PostgreSQL and writes the
figures to docs/benchmarks.md. See bench/run.py."""
