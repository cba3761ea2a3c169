"""The run's browser: how each engine is started, its virtual display, the other site, the accessibility checks."""
