"""What a finder says when it finds nothing, or more than one: the same words from every driver.

Each driver finds in its own way (html.py for the test client, js/prelude.js in a browser)
and hands over what it saw as plain data: the kind sought, the words, the page, what the page
shows of that kind, and the candidates (their words, tag, name and the nearest part of the
page that `within` can name).
"""

from django_acceptance.drivers.base import AmbiguousMatch, ElementNotFound

NOUNS = {
    "field": ("field", "fields"),
    "fillable": ("text field", "text fields"),
    "radio": ("radio button", "radio buttons"),
    "checkbox": ("checkbox", "checkboxes"),
    "select": ("select", "selects"),
    "file": ("file field", "file fields"),
    "button": ("button", "buttons"),
    "link": ("link", "links"),
    "option": ("option", "options"),
    "region": ("region", "regions"),
}


def failure(error, scopes=()):
    """The named error for what a finder reported: ElementNotFound or AmbiguousMatch."""
    one, many = NOUNS[error["kind"]]
    locator, path = error["locator"], error["path"]
    inside = "".join(f" within “{scope}”" for scope in scopes) if error["kind"] != "region" else ""
    candidates = error["candidates"]
    if len(candidates) > 1:
        listed = "; ".join(_candidate(c) for c in candidates)
        wheres = list(dict.fromkeys(c["where"] for c in candidates if c["where"]))
        narrow = (
            "narrow it with within(" + ") or within(".join(f"“{w}”" for w in wheres) + ")"
            if len(wheres) > 1
            else "narrow it with within(a region's name or a CSS selector) around the one meant"
        )
        return AmbiguousMatch(f"{len(candidates)} {many} match “{locator}” on {path}{inside}: {listed}; {narrow}.")
    shown = ", ".join(f"“{s}”" for s in error["shown"] if s) or "none"
    if error["kind"] == "region":
        message = (
            f"No region “{locator}” on {path}, and no one shown element matches it as a CSS selector; "
            f"regions here: {shown}."
        )
    else:
        message = f"No {one} “{locator}” on {path}{inside}; {many} here: {shown}."
    if error.get("scripts"):
        message += " The page runs scripts: if they add it, tag the scenario @browser."
    return ElementNotFound(message)


def _candidate(candidate):
    where = f" in {candidate['where']}" if candidate["where"] else ""
    name = f" name={candidate['name']}" if candidate["name"] else ""
    return f"“{candidate['words']}” ({candidate['tag']}{name}){where}"
