"""Parallel and sharded runs: the arguments, which scenario goes where (schedule), the workers and their summary."""
