"""The finders of the test client: the rules of js/prelude.js, on lxml's tree of the page.

Without a browser, "shown" is what HTML itself hides: the `hidden` attribute, a <dialog>
that is not open, a closed <details> (but its summary), aria-hidden, an inline
display:none, a <template>, a hidden input. What only a stylesheet hides, the client cannot
know: two matches there are an ambiguity that `within` resolves.
"""

import functools
import re

from django_acceptance.drivers.base import label_text, normalise

BUTTONS = {"submit", "button", "image", "reset"}
NOT_FILLABLE = {"hidden", "submit", "button", "image", "reset", "checkbox", "radio", "file"}
REGION_TAGS = {"main", "nav", "aside", "header", "footer", "section", "article", "form", "dialog", "fieldset"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
INVISIBLE = {"script", "style", "template", "noscript", "title", "head", "textarea"}
# Elements that run on in a line: the text of any other starts and ends on a line of its own.
INLINE = {
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "cite",
    "code",
    "data",
    "dfn",
    "em",
    "i",
    "kbd",
    "label",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "var",
}
NO_DISPLAY = re.compile(r"display\s*:\s*none")


def text(element):
    """An element's text as a person reads it, whitespace collapsed."""
    return normalise("".join(element.itertext()))


def _hides(element, child):
    """Whether `element` hides its content (`child` is the way down to what is asked about)."""
    tag = element.tag
    if tag == "template" or element.get("aria-hidden") == "true" or element.get("hidden") is not None:
        return True
    if tag == "dialog" and element.get("open") is None:
        return True
    if tag == "details" and element.get("open") is None and child is not None and child.tag != "summary":
        return True
    return bool(NO_DISPLAY.search(element.get("style") or ""))


def shown(element):
    if element.tag == "input" and (element.get("type") or "").lower() == "hidden":
        return False
    child = None
    for each in (element, *element.iterancestors()):
        if not isinstance(each.tag, str):
            return False
        if _hides(each, child):
            return False
        child = each
    return True


def kind_of(element):
    return (element.get("type") or ("submit" if element.tag == "button" else "text")).lower()


def is_kind(element, kind):
    tag, type_ = element.tag, kind_of(element)
    return {
        "field": tag in ("textarea", "select") or (tag == "input" and type_ != "hidden"),
        "fillable": tag == "textarea" or (tag == "input" and type_ not in NOT_FILLABLE),
        "radio": tag == "input" and type_ == "radio",
        "checkbox": tag == "input" and type_ == "checkbox",
        "select": tag == "select",
        "file": tag == "input" and type_ == "file",
        "button": tag == "button" or (tag == "input" and type_ in BUTTONS),
        "link": tag == "a" and element.get("href") is not None,
    }[kind]


class Page:
    """One parsed page and what is found on it; ids, labels and regions indexed on first need."""

    def __init__(self, document, path):
        self.document = document
        self.path = path

    @functools.cached_property
    def ids(self):
        return {e.get("id"): e for e in self.document.iter() if isinstance(e.tag, str) and e.get("id")}

    @functools.cached_property
    def labels_of(self):
        """id of a field -> the words of the labels tied to it by `for`."""
        found = {}
        for label in self.document.iter("label"):
            if label.get("for"):
                found.setdefault(label.get("for"), []).append(self.label_words(label))
        return found

    @functools.cached_property
    def scripts(self):
        """Whether the page runs scripts of its own (what they add, only a browser shows)."""
        return any(
            (s.get("type") or "text/javascript").lower() in ("text/javascript", "module", "application/javascript")
            for s in self.document.iter("script")
        )

    @staticmethod
    def label_words(label):
        """A label's own words, without those of a select or textarea it wraps (its options); an image by its alt."""
        parts = []

        def walk(element):
            if element.tag in ("select", "textarea", "datalist"):
                return
            if element.tag == "img":
                parts.append(f" {element.get('alt') or ''} ")
            parts.append(element.text or "")
            for child in element:
                if isinstance(child.tag, str):
                    walk(child)
                parts.append(child.tail or "")

        walk(label)
        return label_text("".join(parts))

    def by_ids(self, ids):
        return " ".join(text(self.ids[i]) for i in (ids or "").split() if i in self.ids)

    def names(self, element, kind):
        """[names matched whole, names matched in part] of an element, as a person may call it."""
        aria = [label_text(element.get("aria-label") or ""), label_text(self.by_ids(element.get("aria-labelledby")))]
        if kind == "link":
            words = [text(element), *aria, normalise(element.get("title"))]
            return [*words, element.get("id")], words
        if kind == "button":
            words = [self.button_words(element), *aria, normalise(element.get("title"))]
            return [*words, element.get("id"), element.get("name")], words
        labels = list(self.labels_of.get(element.get("id"), []))
        labels += [self.label_words(label) for label in element.iterancestors("label")]
        words = [*labels, *aria, label_text(element.get("placeholder") or "")]
        return [*words, element.get("id"), element.get("name")], words

    @staticmethod
    def button_words(element):
        if element.tag == "button":
            return text(element)
        return normalise(element.get("alt") if kind_of(element) == "image" else element.get("value"))

    def region_name(self, region):
        own = label_text(region.get("aria-label") or "") or label_text(self.by_ids(region.get("aria-labelledby")))
        if own:
            return own
        if region.tag == "fieldset":
            legend = next(region.iter("legend"), None)
            if legend is not None:
                return label_text(text(legend))
        heading = next(
            (e for e in region.iterdescendants() if e.tag in HEADINGS or e.get("role") == "heading"),
            None,
        )
        return label_text(text(heading)) if heading is not None else ""

    def regions(self, root):
        return [
            e
            for e in root.iterdescendants()
            if isinstance(e.tag, str) and (e.tag in REGION_TAGS or e.get("role")) and shown(e)
        ]

    def where(self, element):
        for ancestor in element.iterancestors():
            if ancestor.tag == "body":
                break
            if ancestor.get("id"):
                return "#" + ancestor.get("id")
            if (ancestor.tag in REGION_TAGS or ancestor.get("role")) and self.region_name(ancestor):
                return self.region_name(ancestor)
        return ""

    def describe(self, element, kind):
        whole, _ = self.names(element, kind) if kind != "region" else ([self.region_name(element)], [])
        words = next((w for w in whole if w), element.tag)
        tag = element.tag + (f"[type={kind_of(element)}]" if element.tag == "input" else "")
        return {"words": words, "tag": tag, "name": element.get("name") or "", "where": self.where(element)}

    def _error(self, kind, locator, found, shown_words):
        return {
            "kind": kind,
            "locator": locator,
            "path": self.path,
            "scripts": self.scripts,
            "shown": list(dict.fromkeys(shown_words)),
            "candidates": [self.describe(e, kind) for e in found],
        }

    def scoped(self, scopes):
        """The element the `within` scopes narrow the page to, or (None, error)."""
        root = self.document
        for scope in scopes:
            regions = self.regions(root)
            named = [r for r in regions if self.region_name(r) == scope]
            found = [r for r in named if not any(o is not r and r in o.iterancestors() for o in named)]
            if not found:
                try:
                    found = [e for e in css(scope)(root) if e is not root and shown(e)]
                except Exception:  # Not a CSS selector either: the error below says what is here.
                    found = []
            if len(found) != 1:
                return None, self._error("region", scope, found, [self.region_name(r) for r in regions])
            root = found[0]
        return root, None

    def find(self, kind, locator, scopes):
        """The one shown element of `kind` that `locator` names: whole words first, then in part; or (None, error)."""
        root, error = self.scoped(scopes)
        if error:
            return None, error
        every = [e for e in root.iter() if isinstance(e.tag, str) and is_kind(e, kind) and shown(e)]
        named = [(e, self.names(e, kind)) for e in every]
        found = [e for e, (whole, _) in named if locator in whole]
        if not found:
            found = [e for e, (_, words) in named if any(w and locator in w for w in words)]
        if len(found) == 1:
            return found[0], None
        return None, self._error(kind, locator, found, [self.describe(e, kind)["words"] for e in every])

    def find_option(self, select, option):
        options = list(select.iter("option"))
        found = [o for o in options if text(o) == option] or [o for o in options if option in text(o)]
        if len(found) == 1:
            return found[0], None
        error = self._error("option", option, [], [text(o) for o in options])
        error["candidates"] = [
            {"words": text(o), "tag": "option", "name": o.get("value", ""), "where": ""} for o in found
        ]
        return None, error


def shown_text(root):
    """The text a browser shows of `root` (its innerText, near enough): hidden parts, scripts and styles left out."""
    parts = []

    def walk(element):
        if element.tag in INVISIBLE or _hides(element, None):
            return
        # A closed <details> shows its summary alone.
        closed = element.tag == "details" and element.get("open") is None
        block = element.tag not in INLINE
        parts.append(" " if block else "")
        if not closed:
            parts.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str) and (not closed or child.tag == "summary"):
                walk(child)
            if not closed:
                parts.append(child.tail or "")
        parts.append(" " if block else "")

    walk(root)
    return normalise("".join(parts))


@functools.cache
def css(selector):
    """A CSS selector compiled to XPath once (cssselect), as lxml runs it."""
    from lxml.cssselect import CSSSelector

    return CSSSelector(selector)
