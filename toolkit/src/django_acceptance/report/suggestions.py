"""The existing steps closest to one that does not exist yet, with its words filled in.

Used wherever an undefined step is shown (the terminal, the specification page): a product
owner who typed `When Ann puts "tea" in her cart` is offered
`When Ann puts "tea" in her basket`, not a Python snippet.
"""

import functools
import re

import parse

KEYWORDS = {"given": "Given", "when": "When", "then": "Then", "step": "Given"}
# A quoted parameter, a bare parameter, a quoted string, or a word.
TOKEN = re.compile(r'"\{[^}]*\}"|\{[^}]*\}|"[^"]*"|[^\s"]+')


# Words that say little of what a step is about: they weigh half as much as the rest.
SMALL_WORDS = frozenset(
    "a an the on in of to as by at for from with and or her his their its she he they it is are be "
    "there that this has have had".split()
)
# How many words a bare parameter may take ("Nina Novak", "an editor", "published today").
SPAN = 4


def _tokens(text):
    return TOKEN.findall(text)


def _is_placeholder(token):
    return token.startswith("{") or token.startswith('"{')


def _stem(word):
    """comments, commented, commenting -> comment: the same thing, whatever its ending."""
    word = word.lower().strip(".,:;!?'")
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _weight(token):
    return 0.5 if token.lower() in SMALL_WORDS else 1.0


def _content(tokens):
    """The stems of the words that say what a step is about: no parameters, quotes, names or small words."""
    return {
        _stem(t)
        for t in tokens
        if not _is_placeholder(t) and not t.startswith('"') and t.lower() not in SMALL_WORDS and not t[:1].isupper()
    }


def _align(pattern, typed):
    """The cheapest way to read `typed` as `pattern`, and the typed words each parameter took.

    A quoted parameter takes one quoted text; a bare one up to SPAN unquoted words (a name of
    two words is taken whole, never cut in half). A word of either left over costs its weight.
    """
    rows, cols = len(pattern), len(typed)
    inf = float("inf")
    dist = [[inf] * (cols + 1) for _ in range(rows + 1)]
    back = [[None] * (cols + 1) for _ in range(rows + 1)]
    dist[0][0] = 0.0
    for i in range(rows + 1):
        for j in range(cols + 1):
            here = dist[i][j]
            if here == inf:
                continue
            moves = []
            if i < rows:  # a word or parameter of the step that the typed step lacks
                moves.append((i + 1, j, 0.7 if _is_placeholder(pattern[i]) else _weight(pattern[i]), None))
            if j < cols:  # a typed word the step lacks
                moves.append((i, j + 1, _weight(typed[j]), None))
            if i < rows and j < cols:
                token = pattern[i]
                if token.startswith('"{'):
                    cost = (0.0 if _fits(token, typed[j]) else 0.5) if typed[j].startswith('"') else 1.0
                    moves.append((i + 1, j + 1, cost, "fill"))
                elif token.startswith("{"):
                    unfit = 0.6
                    for n in range(1, min(SPAN, cols - j) + 1):
                        word = typed[j + n - 1]
                        if word.startswith('"'):
                            break
                        if n > 1:
                            # A name's second word is cheap to take; another word costs more than leaving it.
                            unfit += 0.2 if word[:1].isupper() else _weight(word) + 0.1
                        fits = _fits(token, " ".join(typed[j : j + n]))
                        moves.append((i + 1, j + n, 0.1 * n if fits else unfit, "fill"))
                elif _stem(token) == _stem(typed[j]):
                    moves.append((i + 1, j + 1, 0.0, "same"))
                else:
                    moves.append((i + 1, j + 1, max(_weight(token), _weight(typed[j])), None))
            for to_i, to_j, cost, how in moves:
                if here + cost < dist[to_i][to_j]:
                    dist[to_i][to_j] = here + cost
                    back[to_i][to_j] = (i, j, how)
    filled, same = {}, set()
    i, j = rows, cols
    while (i, j) != (0, 0):
        from_i, from_j, how = back[i][j]
        if how == "fill" and not _cut(typed, from_j, j, pattern[from_i]):
            filled[from_i] = " ".join(typed[from_j:j])
        elif how == "same":
            same.add(from_i)
        i, j = from_i, from_j
    # A bare parameter takes typed words only after a word both share ("by Rita"), or at the start:
    # not words left over where the typed step says something else ("her comment ... first under").
    filled = {i: words for i, words in filled.items() if pattern[i].startswith('"') or i == 0 or i - 1 in same}
    return dist[rows][cols], filled


def _cut(typed, start, end, token):
    """Whether typed[start:end] is part of a name: a capitalised word beside it was left out ("Nina Novak")."""
    if token.startswith('"'):
        return False
    beside = [typed[k] for k in (start - 1, end) if 0 <= k < len(typed)]
    return any(word[:1].isupper() and not word.startswith('"') for word in beside)


def _readable(token):
    """{title:Quoted} -> {title}: the parameter's name, without its type."""
    return re.sub(r"\{(\w+)(?::[^}]*)?\}", r"{\1}", token)


def _fits(token, words):
    """Whether typed words fit a parameter of the step by its type (behave's registry: the project's types)."""
    parser = _parser(token)
    return parser is not None and parser.parse(words) is not None


@functools.lru_cache(maxsize=512)
def _parser(token):
    from behave.matchers import ParseMatcher

    try:
        # Case-sensitive, as behave's parse matcher is: "writes" is no {who:Person}.
        return parse.compile(token, extra_types=ParseMatcher.TYPE_REGISTRY, case_sensitive=True)
    except (ValueError, KeyError):  # a type the registry does not know
        return None


def _filled(matcher, pattern, filled):
    """The pattern with the typed words in the parameters they fit, where the step then matches; else names."""
    fitting = {i: words for i, words in filled.items() if _fits(pattern[i], words)}
    quoted = {i: words for i, words in fitting.items() if pattern[i].startswith('"')}
    for fill in (fitting, quoted):
        step = " ".join(fill.get(i, _readable(token)) for i, token in enumerate(pattern))
        if matcher.match(step) is not None:
            return step
    # The names of what is left to choose: "{who} is an editor".
    return " ".join(fitting.get(i, _readable(token)) for i, token in enumerate(pattern))


def closest(text, step_type, registry, count=3):
    """The `count` existing steps nearest to `text`, each as a step one could type.

    Nearest by their words that are not parameters: a step that shares none of the typed
    step's words that say what it is about (comment, password, publish) comes after every
    step that does.
    """
    typed = _tokens(text)
    about = _content(typed)
    scored = []
    for kind, matchers in registry.steps.items():
        for matcher in matchers:
            pattern = _tokens(matcher.pattern)
            distance, filled = _align(pattern, typed)
            # A step of the same kind (Given, When, Then) is nearer than the same words of another.
            distance += 0 if kind in (step_type, "step") else 0.5
            # Words a parameter takes by its type ("a reader" as {role:Role}) are what the step is about too.
            taken = _content(" ".join(w for i, w in filled.items() if _fits(pattern[i], w)).split())
            unrelated = 0 if not (about - taken) or about & _content(pattern) else 1
            step = _filled(matcher, pattern, filled)
            scored.append((unrelated, distance / max(len(pattern), len(typed), 1), f"{KEYWORDS[kind]} {step}"))
    scored.sort()
    seen, best = set(), []
    for _, _, step in scored:
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
