"""Recording the impact map (-D impact=record): coverage.py with a dynamic context per scenario.

coverage.py measures the project's Python lines (under the code roots of the ACCEPTANCE
setting) and, through django-coverage-plugin, its template lines; the run's hooks name the
context of each scenario by its location (Coverage.current().switch_context). coverage.py
traces every thread started after it, so the requests the live server's threads answer for a
browser scenario count for that scenario too. coverage is imported only here, when a run records.

Between scenarios (behave-django's rollback and the next scenario's transaction, the
formatters, the hooks) the run's own thread is not traced at all: on Python 3.11 a trace
function slows every line it sees, measured or not, and that time was a seventh of a
recording run. Only this thread's tracer is paused (sys.settrace): Coverage.stop() would
end the live server thread's for good, since a restarted Coverage reaches new threads only.
"""

import os
import sys
from importlib import import_module
from pathlib import Path

from django_acceptance.impact import map as impact_map
from django_acceptance.impact.changes import GitError, git

# Folders the map never holds, when there is no git to say which files are the project's.
SKIPPED = {"node_modules", "site-packages", "__pycache__"}
# Lines that run outside every scenario (imports, the URLconf) are left in this context.
BETWEEN = ""
# django-coverage-plugin's options: the site's templates are pages and emails.
TEMPLATES = {"template_extensions": "html,txt"}


class Recorder:
    def __init__(self, root, layout):
        self.root = Path(root)
        self.layout = layout
        self.path = layout.map_path
        self.scenarios = {}  # location -> (name, driver) of each scenario that passed
        self.current = None
        self.coverage = None
        self.code = {}
        self.paused_tracer = None

    def start(self):
        import coverage
        import django_coverage_plugin
        from django.conf import settings
        from django.template import engines

        # The plugin reads the template positions that Django keeps only with template debugging on.
        for engine in engines.all():
            engine.engine.debug = True
        # The code measured is the code as the run starts.
        self.code = impact_map.working_tree_code(self.root, _code_files(self.root, self.layout), self.layout)
        roots = [self.root / root for root in self.layout.code_roots]
        templates = [self.root / folder for folder in self.layout.template_dirs]
        self.coverage = coverage.Coverage(
            data_file=None,
            config_file=False,
            source=[str(folder) for folder in [*roots, *templates]],
            # The project's own tests and migrations, and what is not the project's: the features,
            # the reports, a virtual environment inside the project.
            omit=[
                *(str(root / pattern) for root in roots for pattern in ("*/tests/*", "*/tests.py", "*/migrations/*")),
                str(self.root / self.layout.features / "*"),
                str(self.root / self.layout.reports / "*"),
                "*/site-packages/*",
            ],
            plugins=[lambda registry: django_coverage_plugin.coverage_init(registry, TEMPLATES)],
        )
        self.coverage.start()
        # The URLconf imports the views and forms: their module-level lines run now, outside every scenario.
        import_module(settings.ROOT_URLCONF)
        self._pause()
        return self

    def scenario_started(self, location, name, driver):
        import coverage

        self.current = (location, name, driver)
        coverage.Coverage.current().switch_context(location)
        self._resume()

    def scenario_done(self, failed):
        """A passed scenario's lines count; a failed one stopped short and stays out of the map (so it always runs)."""
        import coverage

        self._pause()
        # The live server's thread is still traced: a late request counts for no scenario.
        coverage.Coverage.current().switch_context(BETWEEN)
        if self.current and not failed:
            location, name, driver = self.current
            self.scenarios[location] = (name, driver)
        self.current = None

    def _pause(self):
        if self.paused_tracer is None:
            self.paused_tracer = sys.gettrace()
            sys.settrace(None)

    def _resume(self):
        # coverage.py's C tracer is callable as a Python trace function, and puts itself back
        # the C way at the next call.
        if self.paused_tracer is not None:
            sys.settrace(self.paused_tracer)
            self.paused_tracer = None

    def write(self):
        """Stop measuring; save the map of the scenarios this run recorded (merged with the last on the same code)."""
        if self.coverage is None:
            return None
        self.coverage.stop()
        data = self.coverage.get_data()
        self.coverage = None
        scenarios = {
            location: {"name": name, "drivers": [driver], "lines": {}}
            for location, (name, driver) in self.scenarios.items()
        }
        for filename in data.measured_files():
            path = impact_map.relative(self.root, filename)
            if path is None or not self.layout.is_code(path):
                continue
            for line, contexts in data.contexts_by_lineno(filename).items():
                for context in contexts:
                    if context in scenarios:
                        scenarios[context]["lines"].setdefault(path, set()).add(line)
        recorded = impact_map.ImpactMap(self.code, scenarios, impact_map.now())
        return impact_map.save(recorded, self.root / self.path if not os.path.isabs(self.path) else self.path)


def _code_files(root, layout):
    """The files a map is recorded on: those git tracks, or outside a git checkout every file there."""
    try:
        return git(root, "ls-files", "--", *layout.pathspecs).splitlines()
    except (GitError, OSError):
        found = []
        for spec in layout.pathspecs:
            for folder, names, files in os.walk(Path(root) / spec):
                # Not the project's: hidden folders (.git, .venv), installed packages, npm's.
                names[:] = [n for n in names if not n.startswith(".") and n not in SKIPPED]
                found += [(Path(folder) / name).relative_to(root).as_posix() for name in files]
        return found
