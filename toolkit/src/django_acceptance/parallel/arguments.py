"""The command's own arguments for parallel and sharded runs: --parallel N|auto (alias --jobs, -j) and --shard I/N."""

import os


class UsageError(Exception):
    """A wrong --parallel or --shard; the message says what is allowed."""


def cores():
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parse_jobs(text):
    """--parallel N|auto as a number of workers; None when not given."""
    if text is None:
        return None
    text = str(text).strip().lower()
    if text == "auto":
        return cores()
    if not text.isdigit() or int(text) < 1:
        raise UsageError(
            f"--parallel {text}: give a number of workers from 1 up, or auto (one a core: {cores()} here)."
        )
    return int(text)


def parse_shard(text):
    """--shard I/N as (I, N); None when not given."""
    if text is None:
        return None
    index, _, count = str(text).strip().partition("/")
    if not (index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise UsageError(f"--shard {text}: give I/N with 1 <= I <= N, such as --shard 1/2 and --shard 2/2.")
    return int(index), int(count)


def without_own_options(argv):
    """The command's arguments less --parallel/--jobs/-j, --shard, --changed: behave and workers must not see them."""
    args, skip, optional = [], False, False
    for arg in argv:
        if skip:
            skip = False
            continue
        # --changed takes a REF only if one follows, as argparse reads it.
        if optional:
            optional = False
            if not arg.startswith("-"):
                continue
        name = arg.split("=", 1)[0]
        if name == "--changed":
            optional = "=" not in arg
            continue
        if name in ("-j", "--jobs", "--parallel", "--shard"):
            skip = "=" not in arg
            continue
        if arg.startswith("-j") and arg[2:].isdigit():
            continue
        args.append(arg)
    return args
