"""The existing steps closest to one that does not exist yet, with its words filled in.

Used wherever an undefined step is shown (the terminal, the specification page): a product
owner who typed `When Ann puts "tea" in her cart` is offered
`When Ann puts "tea" in her basket`, not a Python snippet.
"""

import re

KEYWORDS = {"given": "Given", "when": "When", "then": "Then", "step": "Given"}
# A quoted parameter, a bare parameter, a quoted string, or a word.
TOKEN = re.compile(r'"\{[^}]*\}"|\{[^}]*\}|"[^"]*"|[^\s"]+')


def _tokens(text):
    return TOKEN.findall(text)


def _is_placeholder(token):
    return token.startswith("{") or token.startswith('"{')


def _cost(pattern_token, typed_token):
    """0 when the typed word fits the pattern's word, 1 when it does not."""
    if pattern_token.startswith('"{'):
        return 0.0 if typed_token.startswith('"') else 1.0
    if pattern_token.startswith("{"):
        return 0.1 if not typed_token.startswith('"') else 1.0
    return 0.0 if pattern_token.lower() == typed_token.lower() else 1.0


def _align(pattern, typed):
    """Edit distance between two token lists, and which typed token each placeholder took."""
    rows, cols = len(pattern), len(typed)
    dist = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        dist[i][0] = float(i)
    for j in range(1, cols + 1):
        dist[0][j] = float(j)
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            dist[i][j] = min(
                dist[i - 1][j] + 1,
                dist[i][j - 1] + 1,
                dist[i - 1][j - 1] + _cost(pattern[i - 1], typed[j - 1]),
            )
    filled, exact = {}, set()
    i, j = rows, cols
    while i and j:
        if dist[i][j] == dist[i - 1][j - 1] + _cost(pattern[i - 1], typed[j - 1]):
            if _is_placeholder(pattern[i - 1]) and _cost(pattern[i - 1], typed[j - 1]) < 1:
                filled[i - 1] = typed[j - 1]
            elif _cost(pattern[i - 1], typed[j - 1]) == 0:
                exact.add(i - 1)
            i, j = i - 1, j - 1
        elif dist[i][j] == dist[i - 1][j] + 1:
            i -= 1
        else:
            j -= 1
    # A bare parameter takes any word: only one that follows a word both share ("by Rita"), not a
    # word left over where the typed step says something else ("her comment ... first under").
    filled = {i: word for i, word in filled.items() if pattern[i].startswith('"') or i == 0 or i - 1 in exact}
    return dist[rows][cols], filled


def _readable(token):
    """{title:Quoted} -> {title}: the parameter's name, without its type."""
    return re.sub(r"\{(\w+)(?::[^}]*)?\}", r"{\1}", token)


def _filled(matcher, pattern, filled, typed):
    """The pattern with the typed words in its parameters, where the step would then match; else their names."""
    subject = {0: typed[0]} if typed and pattern and pattern[0].startswith("{") and not typed[0].startswith('"') else {}
    quoted = {i: word for i, word in filled.items() if pattern[i].startswith('"')}
    for fill in ({**subject, **filled}, filled, {**subject, **quoted}, quoted):
        words = [fill.get(i, _readable(token)) for i, token in enumerate(pattern)]
        if matcher.match(" ".join(words)) is not None:
            return " ".join(words)
    # The names of what is left to choose: "Ann is {role}".
    return " ".join(subject.get(i, quoted.get(i, _readable(token))) for i, token in enumerate(pattern))


def closest(text, step_type, registry, count=3):
    """The `count` existing steps nearest to `text` by words, each as a step one could type."""
    typed = _tokens(text)
    scored = []
    for kind, matchers in registry.steps.items():
        for matcher in matchers:
            pattern = _tokens(matcher.pattern)
            distance, filled = _align(pattern, typed)
            # A step of the same kind (Given, When, Then) is nearer than the same words of another.
            distance += 0 if kind in (step_type, "step") else 0.5
            step = _filled(matcher, pattern, filled, typed)
            scored.append((distance / max(len(pattern), len(typed), 1), f"{KEYWORDS[kind]} {step}"))
    scored.sort()
    seen, best = set(), []
    for _, step in scored:
        if step not in seen:
            seen.add(step)
            best.append(step)
        if len(best) == count:
            break
    return best


def _types():
    """The project's parameter types (behave's registry): name -> its pattern."""
    from behave.matchers import ParseMatcher

    found = {}
    for name, convert in ParseMatcher.TYPE_REGISTRY.items():
        pattern = getattr(convert, "pattern", None)
        if pattern:
            found[name] = re.compile(pattern)
    return found


def _parameter(token, types, taken):
    """The parameter a typed word or quoted text stands for, as "{name:Type}", or None for a plain word."""
    quoted = token.startswith('"')
    inner = token[1:-1] if quoted else token
    for name, pattern in types.items():
        if quoted != (name.lower().startswith("quoted") or name.lower() == "text") or not pattern.fullmatch(inner):
            continue
        if not quoted and pattern.fullmatch("zqxj wvk"):
            continue  # a type that takes any words says nothing of this one
        base = "who" if name == "Person" else "text" if quoted else name.lower()
        label = base if base not in taken else f"{base}{sum(t.startswith(base) for t in taken) + 1}"
        taken.append(label)
        return f'"{{{label}:{name}}}"' if quoted else f"{{{label}:{name}}}"
    return None


def snippet(text, step_type, registry):
    """A definition for a step not yet written, in the project's style: its parameter types, and where it belongs.

    The module is that of the existing step that shares most of its words.
    """
    types = _types()
    taken, words, pattern = [], [], []
    for index, token in enumerate(_tokens(text)):
        # A person is named where a sentence starts; a capitalised word elsewhere is a title's.
        shown = _parameter(token, types, taken) if token.startswith('"') or index == 0 else None
        pattern.append(shown or token)
        if shown is None:
            words.append(re.sub(r"\W+", "_", token.lower()).strip("_"))
    typed = {w.lower() for w in _tokens(text)}
    module, best = None, -1
    for matchers in registry.steps.values():
        for matcher in matchers:
            shared = len(typed & {w.lower() for w in _tokens(matcher.pattern)})
            if shared > best:
                module, best = matcher.location.filename, shared
    keyword = "given" if step_type == "step" else step_type
    name = "step_" + "_".join(w for w in words if w)[:60]
    arguments = "".join(f", {label}" for label in taken)
    lines = [
        f"@{keyword}({' '.join(pattern)!r})",  # repr: quoted so that it pastes, whatever quotes the step has
        f"def {name}(context{arguments}):",
        '    raise NotImplementedError("Not yet written")',
    ]
    return "\n".join(lines), module
