"""The toolkit's own lines for the person at the terminal."""

import sys


def say(line, error=False):
    """A line of the suite's own for the person at the terminal, never held in behave's captured output.

    behave captures what hooks and steps print and shows it only under a failing step, as a
    `CAPTURED STDOUT` block; the suite's lines (a browser restarted, the accessibility summary)
    are meant to be read where they happen.
    """
    stream = sys.__stderr__ if error else sys.__stdout__
    stream.write(f"{line}\n")
    stream.flush()
