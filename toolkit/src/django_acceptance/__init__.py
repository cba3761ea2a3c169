"""The machinery that runs the acceptance suite, and the Django app of its `behave` command."""
