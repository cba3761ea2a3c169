"""What a run tells people: the report's results, a failure's evidence, retries, and the terminal."""
