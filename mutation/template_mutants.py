"""Mutants of the site's templates, made with Django's own template lexer, so every one is a valid template.

One mutant is one small change to one template: an output removed or swapped for another
variable in scope, an {% if %} negated or forced, a {% for %} body run twice, once or not at
all, a filter dropped, escaping dropped from text people type, an attribute that matters to
people changed or removed, a {% csrf_token %} dropped. Each is checked to compile and to
differ from the template it came from. A mutant also names the token whose rendering it
changes (its anchor): the scenarios that rendered that token are the ones that can see it.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser

from django.template.base import DebugLexer, TokenType, filter_re

# Escaping matters where the output is text that people type: a title, a body, a name, a message (not a
# username: Django lets it hold only letters, digits and @.+-_).
TYPED = {"title", "body", "get_full_name", "message"}
# Attributes that matter to people (and to what their browser or screen reader does), and what a mutant makes of them.
CHANGED = {
    "method": {"post": "get", "get": "post"},
    "type": {"submit": "button", "hidden": "text", "password": "text", "email": "text"},
    "autocomplete": {"off": "on", "on": "off"},
}
REMOVED = ("for", "id", "name", "action", "role", "lang", "tabindex", "autocomplete")
FORM_CONTROLS = {"input", "select", "textarea", "button"}  # where a name is what the form sends
OPENING, MIDDLE, CLOSING = {"if", "for"}, {"elif", "else", "empty"}, {"endif", "endfor"}


@dataclass(frozen=True)
class Mutant:
    file: str
    line: int
    column: int
    operator: str
    start: int  # the span of the template's source that the mutant replaces
    end: int
    new: str
    anchor: tuple  # (line, contents) of the token whose rendering the mutant changes
    old: str = ""

    @property
    def key(self):
        """How mutation/accepted-survivors.txt names it."""
        return f"{self.file}:{self.line}:{self.column}:{self.operator}"

    def source(self, original):
        return original[: self.start] + self.new + original[self.end :]

    @property
    def change(self):
        return f"{' '.join(self.old.split())[:70]}  ->  {' '.join(self.new.split())[:70] or '(nothing)'}"

    @contextmanager
    def applied(self, project):
        """The project with this mutant in its template, restored after."""
        path = project / self.file
        original = path.read_text()
        path.write_text(self.source(original))
        try:
            yield
        finally:
            path.write_text(original)


class _Token:
    """A token of the template with its place in the source and, for tags, its name and argument text."""

    def __init__(self, token, source):
        self.type, self.contents, self.line = token.token_type, token.contents, token.lineno
        self.start, self.end = token.position
        self.text = source[self.start : self.end]
        self.name, _, self.argument = self.contents.partition(" ") if self.type == TokenType.BLOCK else ("", "", "")

    @property
    def anchor(self):
        return (self.line, self.contents)


def _structure(tokens):
    """For each {% if %} and {% for %} its middle and closing tokens, and for each output the loops around it."""
    pairs, stack, loops, around = {}, [], [], {}
    for index, token in enumerate(tokens):
        if token.type == TokenType.BLOCK and token.name in OPENING:
            stack.append(index)
            pairs[index] = []
            if token.name == "for":
                loops.append(index)
        elif token.type == TokenType.BLOCK and token.name in MIDDLE and stack:
            pairs[stack[-1]].append(index)
        elif token.type == TokenType.BLOCK and token.name in CLOSING and stack:
            opening = stack.pop()
            pairs[opening].append(index)
            if tokens[opening].name == "for":
                loops.pop()
        around[index] = tuple(loops)
    return pairs, around


def _loop_names(token):
    """The names a {% for %} binds ("for a, b in c" binds a and b)."""
    names, _, _ = token.argument.partition(" in ")
    return {name.strip() for name in names.replace(",", " ").split()} | {"forloop"}


def _expression(token):
    """An output's expression, and where it starts in the source."""
    return token.contents, token.start + token.text.index(token.contents)


class _Tags(HTMLParser):
    """The start tags of a template's HTML, with the source offset each begins at."""

    def __init__(self, skeleton):
        super().__init__(convert_charrefs=False)
        self.lines = [0]
        for line in skeleton.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.tags = []
        self.feed(skeleton)
        self.close()

    def handle_starttag(self, tag, attrs):
        line, column = self.getpos()
        self.tags.append((self.lines[line - 1] + column, self.get_starttag_text(), tag, attrs))

    handle_startendtag = handle_starttag


def _attribute_span(text, name):
    """Where ` name="value"` sits in a start tag's text, space before it included: (start, end) or None."""
    lowered, at = text.lower(), 0
    while (at := lowered.find(name, at + 1)) > 0:
        after = at + len(name)
        if not text[at - 1].isspace() or (after < len(text) and text[after] not in "= \t\n/>"):
            continue
        end = after
        rest = text[after:].lstrip()
        if rest.startswith("="):
            value_at = after + (len(text[after:]) - len(rest)) + 1
            value_at += len(text[value_at:]) - len(text[value_at:].lstrip())
            quote = text[value_at]
            end = text.index(quote, value_at + 1) + 1 if quote in "\"'" else value_at + len(text[value_at:].split()[0])
        start = at
        while start > 0 and text[start - 1].isspace():
            start -= 1
        return start, end
    return None


def every_mutant(project):
    """The mutants of every template of the site, each compiled and each a change no other mutant makes."""
    import sys

    from django.template import Engine

    # The site's engine, less what only rendering needs: enough to compile each mutant, with the
    # tag libraries of the site's own apps (site/APP/templatetags/NAME.py, loaded as {% load NAME %}).
    sys.path.insert(0, str(project / "site"))
    own = {
        path.stem: ".".join(path.relative_to(project / "site").with_suffix("").parts)
        for path in project.glob("site/*/templatetags/*.py")
        if path.stem != "__init__"
    }
    engine = Engine(libraries={"static": "django.templatetags.static", **own})
    mutants, seen = [], set()
    for path in sorted(project.glob("site/**/templates/**/*.*")):
        file, source = str(path.relative_to(project)), path.read_text()
        for mutant in mutants_of(file, source):
            changed = mutant.source(source)
            if changed == source or (file, changed) in seen:
                continue  # no change, or the change another mutant already makes
            engine.from_string(changed)  # a mutant that does not compile would be a bug here
            seen.add((file, changed))
            mutants.append(mutant)
    return mutants


def mutants_of(file, source):
    """Every mutant of one template's source, in source order."""
    tokens = [_Token(t, source) for t in DebugLexer(source).tokenize()]
    pairs, around = _structure(tokens)
    found = []

    def add(operator, start, end, new, anchor_token):
        line = source.count("\n", 0, start) + 1
        column = start - (source.rfind("\n", 0, start) + 1) + 1
        old = source[start:end]
        if old != new:
            found.append(Mutant(file, line, column, operator, start, end, new, anchor_token.anchor, old))

    escaped = True
    outputs = [i for i, t in enumerate(tokens) if t.type == TokenType.VAR]
    bound = set().union(*(_loop_names(t) for t in tokens if t.type == TokenType.BLOCK and t.name == "for"))
    for index, token in enumerate(tokens):
        if token.type == TokenType.BLOCK and token.name in ("autoescape", "endautoescape"):
            escaped = token.name == "endautoescape" or token.argument.strip() != "off"
        if token.type == TokenType.VAR:
            _outputs(add, tokens, index, token, outputs, around, bound, escaped)
        elif token.type == TokenType.BLOCK and token.name == "if":
            _conditions(add, source, tokens, index, token, pairs[index])
        elif token.type == TokenType.BLOCK and token.name == "for":
            _loops(add, source, tokens, index, token, pairs[index])
        elif token.type == TokenType.BLOCK and token.name == "csrf_token":
            add("drop-csrf-token", token.start, token.end, "", token)
    _attributes(add, source, tokens)
    return found


def _outputs(add, tokens, index, token, outputs, around, bound, escaped):
    expression, at = _expression(token)
    add("remove-output", token.start, token.end, "", token)
    # Another output of the template in scope here: the next one after it (then from the top) whose root
    # variable is not the loop variable of a loop that does not enclose this output.
    bound_here = set().union(*(_loop_names(tokens[i]) for i in around[index])) if around[index] else set()
    bound_anywhere = set().union(*(_loop_names(tokens[i]) for i in around.get(-1, ())), set())
    for i in range(len(tokens)):
        if tokens[i].type == TokenType.BLOCK and tokens[i].name == "for":
            bound_anywhere |= _loop_names(tokens[i])
    order = [i for i in outputs if i > index] + [i for i in outputs if i < index]
    for other in order:
        candidate = tokens[other].contents
        root = candidate.split("|")[0].split(".")[0].strip()
        in_scope = root in bound_here or root not in bound
        if in_scope and candidate.split("|")[0] != expression.split("|")[0]:
            add("swap-output", at, at + len(expression), candidate, token)
            break
    matches = list(filter_re.finditer(expression))
    for match in matches:
        if match.group("filter_name"):
            add(f"drop-filter-{match.group('filter_name')}", at + match.start(), at + match.end(), "", token)
    names = [m.group("filter_name") for m in matches if m.group("filter_name")]
    variable = matches[0].group("var") if matches and matches[0].group("var") else ""
    if escaped and "safe" not in names and variable.split(".")[-1] in TYPED:
        add("drop-escaping", at + len(expression), at + len(expression), "|safe", token)


def _conditions(add, source, tokens, index, token, others):
    condition_at = token.start + token.text.index(token.argument)
    for operator, value in (("force-if-true", "True"), ("force-if-false", "False")):
        add(operator, condition_at, condition_at + len(token.argument), value, token)
    middles = [tokens[i] for i in others[:-1]]
    if any(m.name == "elif" for m in middles):
        return  # negating one branch of several is a change of many conditions at once
    closing = tokens[others[-1]]
    if middles:  # {% if c %}A{% else %}B{% endif %} -> {% if c %}B{% else %}A{% endif %}
        els = middles[0]
        first, second = source[token.end : els.start], source[els.end : closing.start]
        new = second + els.text + first
        add("negate-if", token.end, closing.start, new, token)
    else:  # {% if c %}A{% endif %} -> {% if c %}{% else %}A{% endif %}
        add("negate-if", token.end, closing.start, "{% else %}" + source[token.end : closing.start], token)


def _loops(add, source, tokens, index, token, others):
    body_end = tokens[others[0]].start
    body = source[token.end : body_end]
    add("for-body-twice", token.end, body_end, body + body, token)
    add("for-body-once", token.end, body_end, "{% if forloop.first %}" + body + "{% endif %}", token)
    add("for-body-never", token.end, body_end, "", token)


def _attributes(add, source, tokens):
    """Attributes written in the template's HTML (not those a form's widgets render)."""
    skeleton = list(source)
    text_at = {}
    for token in tokens:
        if token.type == TokenType.TEXT:
            text_at[token.start] = token
        else:  # a tag or an output stands in the HTML as letters of the same length
            skeleton[token.start : token.end] = "x" * (token.end - token.start)
    starts = sorted(text_at)
    for offset, text, tag, attrs in _Tags("".join(skeleton)).tags:
        for name, value in attrs:
            if name == "name" and tag not in FORM_CONTROLS:
                continue
            span = _attribute_span(text, name)
            if span is None:
                continue
            start, end = offset + span[0], offset + span[1]
            owner = text_at[max(s for s in starts if s <= start)]
            if not owner.start <= start < owner.end:
                continue  # the attribute's name is not in the template's own text
            original = source[start:end]
            if name in CHANGED and value in CHANGED[name] and end <= owner.end:
                add(f"change-attribute-{name}", start, end, original.replace(value, CHANGED[name][value]), owner)
            elif name in REMOVED or name.startswith("aria-"):
                add(f"remove-attribute-{name}", start, end, "", owner)
