"""Drivers: one interface (base.Driver), run through the Django test client or Selenium."""
