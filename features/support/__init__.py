"""Support code of the acceptance suite: drivers, tasks, the runner and its `behave` command."""
