"""A virtual X display (Xvfb) for a browser that has no headless mode, started and stopped by the run.

WebKitGTK's MiniBrowser needs a display even when no one watches it: without one
its session never starts. When DISPLAY is unset the run starts Xvfb on a free
display number, points DISPLAY at it, and stops it when the browser quits, at
exit, and if it fails to start, so no Xvfb outlives the run.

The screen is 24-bit: at Xvfb's default depth WebKit's screenshots come out blank.
"""

import atexit
import os
import select
import shutil
import subprocess
import tempfile
import time

SCREEN = "1280x1024x24"
START_SECONDS = 10
INSTALL_HINT = "install it with `sudo apt-get install xvfb`, or run under a display"


class VirtualDisplayError(Exception):
    """Xvfb is missing or would not start; the message says how to fix it."""


class VirtualDisplay:
    def __init__(self):
        self.process = None
        self.display = None
        self.log = None

    def start(self):
        xvfb = shutil.which("Xvfb")
        if xvfb is None:
            raise VirtualDisplayError(
                f"This browser needs a display, DISPLAY is not set and Xvfb is not found: {INSTALL_HINT}."
            )
        read_end, write_end = os.pipe()
        # Its messages go to a file, not a pipe nobody reads, which could fill and stall it.
        self.log = tempfile.TemporaryFile()
        # -displayfd: Xvfb picks a free display number itself and writes it once it
        # accepts connections, so there is no race for a number and no polling of sockets.
        # -nolisten tcp: only local clients (the browser) may draw on it.
        self.process = subprocess.Popen(
            [xvfb, "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
            pass_fds=(write_end,),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        os.close(write_end)
        atexit.register(self.stop)
        try:
            number = self._read_display_number(read_end)
        except BaseException:
            self.stop()
            raise
        finally:
            os.close(read_end)
        self.display = f":{number}"
        os.environ["DISPLAY"] = self.display
        return self

    def _read_display_number(self, read_end):
        deadline = time.monotonic() + START_SECONDS
        text = b""
        while not text.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise VirtualDisplayError(f"Xvfb did not report a display within {START_SECONDS} s.")
            ready, _, _ = select.select([read_end], [], [], remaining)
            chunk = os.read(read_end, 16) if ready else b""
            if ready and not chunk:
                # The pipe closed without a number: Xvfb exited; its last words say why.
                self.process.wait(timeout=START_SECONDS)
                self.log.seek(0)
                why = (self.log.read().decode(errors="replace").strip().splitlines() or ["no message"])[-1]
                raise VirtualDisplayError(f"Xvfb exited with status {self.process.returncode} at start ({why}).")
            text += chunk
        return int(text)

    def stop(self):
        process, self.process = self.process, None
        if process is None:
            return
        atexit.unregister(self.stop)
        if os.environ.get("DISPLAY") == self.display:
            del os.environ["DISPLAY"]
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self.log.close()
