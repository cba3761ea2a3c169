"""Browser-side scripts: the files of js/, read once a run, for WebDriver's execute_script.

A script read through the gate (BrowserDriver.read) runs only on the page the last action
led to, once it has loaded; it has the prelude's words for what a person reads (clean text,
label and button words, where the page is). Others (plain) run as they are written.
"""

from functools import cache
from pathlib import Path

FOLDER = Path(__file__).with_name("js")


@cache
def plain(name):
    """js/<name>.js as written, with the prelude before it."""
    return _read("prelude") + _read(name)


@cache
def gated(name):
    """js/<name>.js inside the gate: answers {pending} until the page is ready, then {value}."""
    return _read("gate").replace("/* BODY */", plain(name))


def _read(name):
    path = FOLDER / f"{name}.js"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        names = ", ".join(sorted(p.stem for p in FOLDER.glob("*.js")))
        raise FileNotFoundError(f"No browser-side script {path}: name one of {names}.") from None
