"""Benchmarks (not tests): start-up, latency per ranker, Discord load, memory. Run with `make bench`."""
