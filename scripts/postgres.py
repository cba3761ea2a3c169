#!/usr/bin/env python3
"""A throwaway PostgreSQL cluster for test runs: no system service, nothing left behind.

    scripts/postgres.py run -- CMD...   # CMD runs with DATABASE_URL pointing at a new cluster
    scripts/postgres.py check           # are PostgreSQL's server programs here? (one line; status 0 or 1)

`run` makes a cluster in a temporary folder (initdb), starts its server on a free
port on 127.0.0.1 with its socket in that folder, runs CMD with DATABASE_URL set,
then stops the server and deletes the folder, also on Ctrl-C or SIGTERM, and
exits with CMD's status. When DATABASE_URL already names a PostgreSQL server
(postgres://...), CMD runs against that one instead, once it answers. As root,
the cluster belongs to the `postgres` user that Debian's package creates,
because initdb refuses to run as root.

The server programs come from Debian's postgresql package (/usr/lib/postgresql/15/bin;
another version there, or PG_BINDIR, also works). Standard library only.
"""

import argparse
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

HOST = "127.0.0.1"
USER = "newsroom"  # The cluster's superuser; Django's test runner creates its test database with it.
DATABASE = "newsroom"
START_SECONDS = 30
INSTALL = "install it with `make postgres` (or `sudo apt-get install postgresql`), or point DATABASE_URL at a server"
# A throwaway cluster needs no durability: a crash loses nothing anyone wants.
FAST = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]


class PostgresError(Exception):
    """A problem to report as one line on stderr (what is wrong, how to fix it)."""


def bindir():
    """The folder of initdb and postgres: PG_BINDIR, else Debian's, newest version first (15 preferred)."""
    candidates = [os.environ["PG_BINDIR"]] if os.environ.get("PG_BINDIR") else []
    candidates += ["/usr/lib/postgresql/15/bin"]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True)
    for folder in candidates:
        if all(os.access(os.path.join(folder, name), os.X_OK) for name in ("initdb", "postgres", "pg_isready")):
            return folder
    raise PostgresError(f"PostgreSQL's server programs (initdb, postgres) not found in /usr/lib/postgresql: {INSTALL}")


def _version(path):
    name = path.split("/")[-2]
    return int(name) if name.isdigit() else 0


def owner():
    """Whom the cluster runs as: this user, or `postgres` when this is root (initdb refuses root)."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        raise PostgresError(
            "PostgreSQL: running as root, and there is no `postgres` user to own the cluster (initdb refuses root): "
            "create one (`useradd --system postgres`), or run as another user"
        ) from None


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self):
        self.bin = bindir()
        self.user = owner()
        self.folder = None
        self.server = None
        self.port = None

    @property
    def url(self):
        return f"postgres://{USER}@{HOST}:{self.port}/{DATABASE}"

    def _run(self, name, *args):
        result = subprocess.run(
            [os.path.join(self.bin, name), *args], capture_output=True, text=True, **self._as_owner()
        )
        if result.returncode:
            last = (result.stderr or result.stdout).strip().splitlines() or ["no message"]
            raise PostgresError(f"{name} failed ({last[-1]})")
        return result

    def _as_owner(self):
        return {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []} if self.user else {}

    def start(self):
        self.folder = tempfile.mkdtemp(prefix="newsroom-pg-")
        if self.user:
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)
        data = os.path.join(self.folder, "data")
        # trust: only this machine's loopback and the folder's own socket can reach it.
        self._run("initdb", "-D", data, "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
        self.port = free_port()
        with open(os.path.join(self.folder, "server.log"), "w") as log:
            if self.user:
                os.chown(log.name, self.user.pw_uid, self.user.pw_gid)
            # A session of its own: Ctrl-C reaches the command, and the server is stopped
            # here afterwards, in order, rather than dying under the command's feet.
            self.server = subprocess.Popen(
                [os.path.join(self.bin, "postgres"), "-D", data, "-p", str(self.port), "-k", self.folder]
                + ["-c", f"listen_addresses={HOST}", *FAST],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                **self._as_owner(),
            )
        deadline = time.monotonic() + START_SECONDS
        while subprocess.run(
            [os.path.join(self.bin, "pg_isready"), "-q", "-h", HOST, "-p", str(self.port)], check=False
        ).returncode:
            if self.server.poll() is not None:
                raise PostgresError(
                    f"the PostgreSQL server exited with status {self.server.returncode} at start: {self._last_log()}"
                )
            if time.monotonic() > deadline:
                raise PostgresError(
                    f"the PostgreSQL server did not accept connections within {START_SECONDS} s: {self._last_log()}"
                )
            time.sleep(0.1)
        self._run("createdb", "-h", HOST, "-p", str(self.port), "-U", USER, DATABASE)
        return self

    def _last_log(self):
        try:
            with open(os.path.join(self.folder, "server.log")) as log:
                return (log.read().strip().splitlines() or ["empty log"])[-1]
        except OSError:
            return "no log"

    def stop(self):
        """Fast shutdown (SIGINT: sessions are cut, nothing is written out), then the folder goes."""
        server, self.server = self.server, None
        if server is not None and server.poll() is None:
            for sig, grace in ((signal.SIGINT, 15), (signal.SIGKILL, 5)):
                os.killpg(server.pid, sig)
                try:
                    server.wait(timeout=grace)
                    break
                except subprocess.TimeoutExpired:
                    continue
            # Backends are the server's children in its group; SIGKILL leaves none behind.
            try:
                os.killpg(server.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def given_server():
    """DATABASE_URL, when it names a PostgreSQL server that answers; None when it names none."""
    url = os.environ.get("DATABASE_URL", "")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        return None
    try:
        socket.create_connection((parts.hostname or "localhost", parts.port or 5432), timeout=5).close()
    except OSError as error:
        where = f"{parts.hostname or 'localhost'}:{parts.port or 5432}"
        raise PostgresError(
            f"DATABASE_URL names a server at {where} that does not answer ({error.strerror or error}): "
            "start it or correct DATABASE_URL, or unset DATABASE_URL for a throwaway cluster"
        ) from None
    return url


def run(command):
    if given_server():
        return subprocess.call(command)
    cluster = Cluster()
    child = None

    def terminate(signum, frame):
        # SIGTERM: pass it on to the command, then clean up as for Ctrl-C.
        if child is not None and child.poll() is None:
            child.send_signal(signal.SIGTERM)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    try:
        cluster.start()
        print(f"PostgreSQL at {cluster.url} (a throwaway cluster in {cluster.folder})", flush=True)
        child = subprocess.Popen(command, env={**os.environ, "DATABASE_URL": cluster.url})
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:
                # The command got Ctrl-C too (same terminal); let it clean up its own way first.
                child.wait()
                return 130
    finally:
        cluster.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("check", help="say whether PostgreSQL's server programs are here")
    run_parser = sub.add_parser("run", help="run CMD against a throwaway cluster")
    run_parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    try:
        if args.action == "check":
            if url := given_server():
                print(f"DATABASE_URL names a PostgreSQL server that answers ({url.rpartition('@')[2]}).")
                return 0
            folder = bindir()
            owner()
            print(f"PostgreSQL's server programs are in {folder}.")
            return 0
        command = args.command[1:] if args.command[:1] == ["--"] else args.command
        if not command:
            parser.error("run needs a command: scripts/postgres.py run -- CMD...")
        return run(command)
    except PostgresError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
