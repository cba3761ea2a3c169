"""Lists as a failure message says them: in words, never as Python prints a list."""


def listed(items, nothing="nothing"):
    """["a", "b", "c"] -> '“a”, “b” and “c”'; [] -> nothing."""
    quoted = [f"“{item}”" for item in items]
    if not quoted:
        return nothing
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
