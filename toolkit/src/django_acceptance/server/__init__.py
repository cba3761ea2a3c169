"""The Django side of a run: the test runner that gives each scenario a transaction, and the live server."""
