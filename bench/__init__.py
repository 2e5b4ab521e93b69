"""Benchmarks; run them as scripts (see README.md). Importable so tests can smoke-test them."""
