"""What `make bench` must write, and the targets of its figures.

A case that did not run leaves its keys out of reports/bench.json: the benchmark then
fails (status 1), so that a broken case is seen the next morning. A figure short of its
target is reported, and the benchmark still passes: speed on a shared machine drifts,
and the report says what bounds it.
"""

import operator

# Every key a whole `make bench` writes, by the case that writes it.
KEYS = {
    "client, stock": ["stock_over_client", "client_overhead_ms"],
    "same, plain, replay": ["client_over_plain", "client_over_replay"],
    "browser, naive": ["naive_over_browser", "browser_overhead_ms", "webdriver_commands_per_scenario"],
    "startup": ["startup_s"],
    "parallel (scripts/bench_parallel.py)": [
        "client_parallel_speedup",
        "browser_parallel_speedup",
        "grid_parallel_speedup",
    ],
    "engines": ["engines"],
    "changed (scripts/bench_changed.py)": [
        "changed_kill_ratio",
        "changed_scenario_share",
        "changed_time_share",
        "impact_record_cost",
    ],
    "trace": [
        "trace_overhead_client",
        "trace_overhead_browser",
        "trace_all_overhead_client",
        "trace_all_overhead_browser",
    ],
    "scale (scripts/bench_scale.py)": [
        "client_cost_growth_30x",
        "browser_cost_growth_10x",
        "client_parallel_speedup_30x",
        "report_open_seconds_30x",
        "shard_spread_30x",
        "client_peak_memory_growth_30x",
    ],
}
AT_LEAST, AT_MOST = (operator.ge, "≥"), (operator.le, "≤")
TARGETS = {
    "stock_over_client": (AT_LEAST, 10),
    "client_over_replay": (AT_MOST, 1.15),
    "naive_over_browser": (AT_LEAST, 4),
    "client_overhead_ms": (AT_MOST, 5),
    "browser_overhead_ms": (AT_MOST, 50),
    "webdriver_commands_per_scenario": (AT_MOST, 8),
    "browser_parallel_speedup": (AT_LEAST, 1.5),
    "changed_kill_ratio": (AT_LEAST, 0.99),
    "impact_record_cost": (AT_MOST, 2),
    "client_cost_growth_30x": (AT_MOST, 1.10),
    "browser_cost_growth_10x": (AT_MOST, 1.10),
    "client_parallel_speedup_30x": (AT_LEAST, 1.6),
    "report_open_seconds_30x": (AT_MOST, 5),
    "trace_overhead_client": (AT_MOST, 0.05),
    "trace_overhead_browser": (AT_MOST, 0.05),
    "trace_all_overhead_client": (AT_MOST, 0.30),
    "trace_all_overhead_browser": (AT_MOST, 0.30),
}


def missing(figures):
    """'case: key, key' for each case that left a key of a whole benchmark unwritten."""
    gone = []
    for case, keys in KEYS.items():
        unwritten = [key for key in keys if figures.get(key) is None]
        if unwritten:
            gone.append(f"{case}: {', '.join(unwritten)}")
    return gone


def verdicts(figures):
    """(key, figure, 'target', met) for each figure with a target that this run wrote."""
    rows = []
    for key, ((compare, sign), target) in TARGETS.items():
        if figures.get(key) is not None:
            rows.append((key, figures[key], f"{sign} {target}", compare(figures[key], target)))
    return rows
