#!/usr/bin/env python3
"""The shards of one run, together: did every scenario run exactly once, and did they pass?

    scripts/shard_results.py SHARD_REPORTS... [--against SERIAL_REPORTS]

Each SHARD_REPORTS is the reports/ folder of one shard (or its junit/ folder); the JUnit
files in it, the workers' too, list what the shard ran. Prints the totals and every
scenario that ran in more than one shard; with --against, also what a serial run's
reports list that the shards do not, or the other way round. Exits 1 on a failed
scenario, a scenario run twice, or a difference. Standard library only.
"""

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path


def scenarios(folder):
    """{(classname, name): outcome} of every testcase in the JUnit files under folder."""
    found = {}
    for path in sorted(Path(folder).rglob("TESTS-*.xml")):
        for case in ET.parse(path).getroot().iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                outcome = "failed"
            elif case.find("skipped") is not None:
                outcome = "skipped"
            else:
                outcome = "passed"
            found[(case.get("classname"), case.get("name"))] = outcome
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shards", nargs="+", help="each shard's reports/ folder")
    parser.add_argument("--against", help="a serial run's reports/ folder, to compare what is listed")
    args = parser.parse_args()
    missing = [folder for folder in args.shards if not Path(folder).is_dir()]
    if missing:
        sys.exit(f"shard_results: no folder {missing[0]}: give each shard's downloaded reports/ folder.")
    runs = Counter()
    outcomes = {}
    for folder in args.shards:
        found = scenarios(folder)
        runs.update(found.keys())
        outcomes.update(found)
        print(f"{folder}: {len(found)} scenarios")
    twice = sorted(name for name, count in runs.items() if count > 1)
    totals = Counter(outcomes.values())
    print(
        f"{len(outcomes)} scenarios in {len(args.shards)} shards: {totals['passed']} passed, "
        f"{totals['failed']} failed, {totals['skipped']} skipped; {len(twice)} ran in more than one shard"
    )
    for classname, name in twice:
        print(f"  twice: {classname}: {name}")
    differ = 0
    if args.against:
        serial = set(scenarios(args.against))
        only_serial, only_shards = sorted(serial - set(outcomes)), sorted(set(outcomes) - serial)
        differ = len(only_serial) + len(only_shards)
        print(f"against {args.against}: {len(serial)} scenarios, {differ} listed on one side only")
        for classname, name in only_serial:
            print(f"  only in the serial run: {classname}: {name}")
        for classname, name in only_shards:
            print(f"  only in the shards: {classname}: {name}")
    return 1 if totals["failed"] or twice or differ else 0


if __name__ == "__main__":
    sys.exit(main())
