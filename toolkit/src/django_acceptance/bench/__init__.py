"""What the benchmark measures a run with: its timings, and the client run's requests recorded and replayed."""
