"""A behave formatter that records which scenarios render which part of which template.

`make mutants` runs the suite once with it (`-f mutation.rendered:Rendered -o FILE`): every
template node that renders (text, an output, a tag), in the test client or in the live server
behind a browser, is written down under the scenario running at the time, by its template, line
and token. A template mutant then runs only the scenarios that rendered the token it changes.
"""

import json
import os
import time
from collections import defaultdict
from pathlib import Path

from behave.formatter.base import Formatter
from django.template.base import Node, TextNode


class Rendered(Formatter):
    name = "rendered"
    description = "Which scenarios render which template tokens (for template mutants)"

    def __init__(self, stream_opener, config):
        super().__init__(stream_opener, config)
        self.current = None
        self.started = 0.0
        self.seconds = {}
        self.tokens = defaultdict(set)  # (template file, line, token contents) -> scenario locations
        self.root = Path.cwd().resolve()
        self._watch(Node)
        self._watch(TextNode)

    def _watch(self, cls):
        render = cls.render_annotated
        recorder = self

        def render_annotated(node, context):
            origin, token = getattr(node, "origin", None), getattr(node, "token", None)
            if recorder.current and origin is not None and token is not None:
                recorder.tokens[(origin.name, token.lineno, token.contents)].add(recorder.current)
            return render(node, context)

        cls.render_annotated = render_annotated

    def scenario(self, scenario):
        self._finish()
        self.current = f"{os.path.relpath(scenario.filename, self.root)}:{scenario.line}"
        self.started = time.perf_counter()

    def _finish(self):
        if self.current:
            self.seconds[self.current] = round(time.perf_counter() - self.started, 3)

    def close(self):
        self._finish()
        files = {}
        for (origin, line, contents), scenarios in self.tokens.items():
            try:
                file = str(Path(origin).resolve().relative_to(self.root))
            except ValueError:
                continue  # one of Django's own templates
            files.setdefault(file, []).append({"line": line, "token": contents, "scenarios": sorted(scenarios)})
        stream = self.open()
        json.dump({"seconds": self.seconds, "templates": files}, stream, indent=1)
        stream.write("\n")
        self.close_stream()
