"""The benchmark's own machinery (scripts/bench.py): the client run's requests recorded and replayed."""
