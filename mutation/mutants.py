#!/usr/bin/env python3
"""Mutation testing of the site's code and templates, judged by the acceptance suite alone (`make mutants`).

cosmic-ray makes small changes to the site's application code (mutation/config.toml)
and runs the suite's client run against each; a mutant is killed when a scenario
fails. Then the site's templates: template_mutants.py makes each mutant with Django's
own template lexer, and each runs against the client run with its @browser
scenarios. Everything happens in a copy of the project, so an interrupted run leaves
no mutant behind. To keep within half an hour on two cores:
  - each run stops at its first failing scenario (--stop);
  - mutants on lines that no scenario executes are not run: they survive by
    definition (coverage of one client run says which lines those are);
  - a template mutant runs only the scenarios that rendered the token it changes,
    quickest first (one recording run, with rendered.py's formatter, says which);
    one that no scenario rendered survives without running.
Survivors judged equivalent or invisible to users are listed, with a reason, in
mutation/accepted-survivors.txt; the report shows only the others as new.
Then the layers a person meets besides code and templates (layers.py): settings, answers
(status, headers, redirects, cookies) and emails, each judged by the scenarios that saw what
its mutant changes (seen.py's recording, in the same run as rendered.py's).
`--only python` (or templates, settings, responses, emails) runs one part and keeps the report's others.
Writes reports/mutation.json.
"""

import argparse
import json
import os
import select
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections import Counter, defaultdict, deque
from pathlib import Path

from breaks import ROOT, copy_project
from mutator import ENVIRONMENT

HERE = Path(__file__).resolve().parent
ACCEPTED = HERE / "accepted-survivors.txt"
# Declarations, not behaviour (column sizes): marked in the code, left out of the score.
PRAGMA = "pragma: no mutate"
EXCLUDED = "excluded: " + PRAGMA
# How the suite's parallel runs talk to a worker (toolkit/src/django_acceptance/parallel/worker.py).
WORKER, RESULTS = "BEHAVE_WORKER", "BEHAVE_WORKER_RESULTS"
STARTING_SECONDS, SCENARIO_SECONDS = 300, 300
# Appended to the copy's test settings for the template mutants: without Django's cached loader
# a running worker reads each template again at every render, so it renders the mutant on disk.
# The parts of the report besides the Python mutants, each with its own score.
PARTS = ("templates", "settings", "responses", "emails")
READ_TEMPLATES_AT_EACH_RENDER = """
TEMPLATES[0]["APP_DIRS"] = False
TEMPLATES[0]["OPTIONS"]["loaders"] = [
    "django.template.loaders.filesystem.Loader",
    "django.template.loaders.app_directories.Loader",
]
"""


def executed_lines(project, test_command):
    """Lines of site/ that the client run executes, by file."""
    from coverage import CoverageData

    data_file = project / ".coverage"
    python, *arguments = shlex.split(test_command)
    coverage = [python, "-m", "coverage", "run", f"--data-file={data_file}", f"--source={project / 'site'}"]
    subprocess.run([*coverage, *arguments], cwd=project, check=True, capture_output=True)
    data = CoverageData(basename=str(data_file))
    data.read()
    return {str(Path(f).resolve().relative_to(project)): set(data.lines(f) or ()) for f in data.measured_files()}


def accepted_survivors():
    """file:line:operator -> reason, from mutation/accepted-survivors.txt."""
    accepted = {}
    for line in ACCEPTED.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, reason = line.partition(" ")
            accepted[key] = reason.strip()
    return accepted


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only", choices=("python", *PARTS), help="mutate the site's Python, its templates or one layer alone"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="template mutants judged by this many workers at once, each in its own copy"
    )
    parser.add_argument(
        "--select", metavar="TEXT", help="of the settings, responses and emails, only the mutants whose name holds TEXT"
    )
    arguments = parser.parse_args()
    only = arguments.only
    started = time.perf_counter()
    accepted = accepted_survivors()
    parts = {}
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        copy_project(project)
        rows = _python(project, started) if only in (None, "python") else None
        if only != "python":
            rendered, seen = _record(project)
            if only in (None, "templates"):
                parts["templates"] = _templates(project, accepted, arguments.jobs, rendered)
            for layer in ("settings", "responses", "emails"):
                if only in (None, layer):
                    parts[layer] = _layer(project, layer, seen, rendered["seconds"], accepted, arguments)
    report = _report(rows, parts, accepted, time.perf_counter() - started)
    scores = [report["score"]] + [report[part]["score"] for part in PARTS if part in report]
    return 0 if min(scores) >= 0.9 else 1


def _python(project, started):
    """cosmic-ray's mutants of the site's Python, each judged by the client run: one row per mutant."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult

    config = (HERE / "config.toml").read_text().replace("{python}", sys.executable)
    (project / "mutation.toml").write_text(config)
    session = project / "session.sqlite"
    cosmic_ray = [sys.executable, "-m", "cosmic_ray.cli"]
    subprocess.run([*cosmic_ray, "init", "mutation.toml", str(session)], cwd=project, check=True)

    test_command = tomllib.loads(config)["cosmic-ray"]["test-command"]
    print("Finding the lines the client run executes ...", flush=True)
    covered = executed_lines(project, test_command)
    with use_db(str(session), WorkDB.Mode.open) as db:
        for item in db.work_items:
            spec = item.mutations[0]
            source = (project / spec.module_path).read_text().splitlines()[spec.start_pos[0] - 1]
            if PRAGMA in source:
                db.set_result(
                    item.job_id,
                    WorkResult(worker_outcome=WorkerOutcome.SKIPPED, output=EXCLUDED),
                )
            elif spec.start_pos[0] not in covered.get(str(spec.module_path), ()):
                db.set_result(
                    item.job_id,
                    WorkResult(
                        worker_outcome=WorkerOutcome.SKIPPED,
                        test_outcome=TestOutcome.SURVIVED,
                        output="not executed by any scenario",
                    ),
                )
        total = db.num_work_items
        outputs = Counter(result.output for _, result in db.results)
    print(
        f"{total} mutants: {outputs[EXCLUDED]} on declarations marked “{PRAGMA}” (left out), "
        f"{outputs['not executed by any scenario']} on lines no scenario executes (survivors, not run)",
        flush=True,
    )

    done = threading.Event()
    worker = threading.Thread(target=_exec, args=(cosmic_ray, project, session, done), daemon=True)
    worker.start()
    while not done.wait(10):
        _progress(session, total, started)
    worker.join()
    _progress(session, total, started)
    return _collect(session)


def _exec(cosmic_ray, project, session, done):
    try:
        subprocess.run(
            [*cosmic_ray, "exec", "mutation.toml", str(session)],
            cwd=project,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    finally:
        done.set()


def _progress(session, total, started):
    from cosmic_ray.work_db import WorkDB, use_db

    with use_db(str(session), WorkDB.Mode.open) as db:
        outcomes = Counter(result.test_outcome for _, result in db.results)
    finished = sum(outcomes.values())
    print(
        f"  {finished}/{total} mutants done, {outcomes.get('killed', 0)} killed, "
        f"{outcomes.get('survived', 0)} survived, {time.perf_counter() - started:.0f} s",
        flush=True,
    )


def _collect(session):
    from cosmic_ray.work_db import WorkDB, use_db

    with use_db(str(session), WorkDB.Mode.open) as db:
        items = {item.job_id: item for item in db.work_items}
        rows = []
        for job_id, result in db.results:
            spec = items[job_id].mutations[0]
            rows.append(
                {
                    "file": str(spec.module_path),
                    "line": spec.start_pos[0],
                    "operator": spec.operator_name.removeprefix("core/"),
                    "outcome": {"timeout": "timeout", EXCLUDED: "excluded"}.get(result.output)
                    or str(result.test_outcome.value),
                    "run": result.worker_outcome != "skipped",
                    "diff": _change(result.diff),
                }
            )
    return rows


def _change(diff):
    """The changed line of a unified diff, as "old -> new"."""
    if not diff:
        return ""
    removed = [x[1:].strip() for x in diff.splitlines() if x.startswith("-") and not x.startswith("---")]
    added = [x[1:].strip() for x in diff.splitlines() if x.startswith("+") and not x.startswith("+++")]
    return f"{' '.join(removed)}  ->  {' '.join(added)}"


def _record(project):
    """One run of the suite that records what each scenario sees: template tokens (rendered.py), and settings,
    answers and emails (seen.py)."""
    print(
        "\nRecording which scenarios render which template tokens, read which settings, get which answers "
        "and send which emails ...",
        flush=True,
    )
    rendered, seen = project / "rendered.json", project / "seen.json"
    command = [sys.executable, "manage.py", "behave", "-f", "mutation.rendered:Rendered", "-o", str(rendered)]
    command += ["-f", "mutation.seen:Seen", "-o", str(seen)]
    run = subprocess.run([*command, "-f", "progress", "--no-junit"], cwd=project, capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stdout[-3000:], run.stderr[-3000:])
        raise SystemExit("The suite fails without any mutant: make it pass (python manage.py behave), then mutate.")
    return json.loads(rendered.read_text()), json.loads(seen.read_text())


def _templates(project, accepted, jobs, rendered):
    """Every template mutant, run against the scenarios that render what it changes: the report's templates part."""
    from template_mutants import every_mutant

    started = time.perf_counter()
    seconds = rendered["seconds"]
    scenarios_of = {
        (file, entry["line"], entry["token"]): entry["scenarios"]
        for file, entries in rendered["templates"].items()
        for entry in entries
    }

    mutants = every_mutant(project)
    print(f"{len(mutants)} template mutants, each compiled and different from its template", flush=True)

    rows = _run_all(
        project,
        mutants,
        jobs,
        started,
        lambda worker, mutant: _judge(worker, mutant, scenarios_of, seconds, accepted),
        "template mutants",
    )
    killed = sum(1 for r in rows if r["outcome"] == "killed")
    per_file = defaultdict(Counter)
    for row in rows:
        per_file[row["file"]][row["outcome"]] += 1
    return {**_scored(rows, killed, started), "per_file": {f: dict(c) for f, c in sorted(per_file.items())}}


def _copies(project, jobs):
    """The project and jobs - 1 copies of it, each reading templates again at each render (made once)."""
    copies = [project] + [project.parent / f"project-{n}" for n in range(2, jobs + 1)]
    for copy in copies:
        if copy != project and not copy.exists():
            shutil.copytree(project, copy, symlinks=True)
        settings = copy / "site" / "newsroom" / "test_settings.py"
        if READ_TEMPLATES_AT_EACH_RENDER not in settings.read_text():
            with open(settings, "a") as file:
                file.write(READ_TEMPLATES_AT_EACH_RENDER)
    return copies


def _run_all(project, mutants, jobs, started, judge, label, environment=None, own_runs=False):
    """Each mutant judged by one of `jobs` workers, each in its own copy of the project; rows in the mutants' order.

    `environment(copy)` gives each worker's extra environment variables. With `own_runs`, no worker is
    started: `judge` gets a stand-in that holds only the copy (a judge that starts runs of its own).
    """
    copies = _copies(project, jobs)
    queue = deque(enumerate(mutants))
    rows, lock = {}, threading.Lock()

    def work(copy):
        worker = _NoWorker(copy) if own_runs else SuiteWorker(copy, environment(copy) if environment else None)
        try:
            while True:
                with lock:
                    if not queue:
                        return
                    index, mutant = queue.popleft()
                row = judge(worker, mutant)
                with lock:
                    rows[index] = row
                    if len(rows) % 20 == 0:
                        killed = sum(1 for r in rows.values() if r["outcome"] == "killed")
                        print(
                            f"  {len(rows)}/{len(mutants)} {label} done, {killed} killed, "
                            f"{time.perf_counter() - started:.0f} s",
                            flush=True,
                        )
        finally:
            worker.close()

    threads = [threading.Thread(target=work, args=(copy,)) for copy in copies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if len(rows) < len(mutants):
        raise SystemExit("A worker stopped before its mutants were judged: see the lines above.")
    return [rows[i] for i in range(len(mutants))]


def _judge(worker, mutant, scenarios_of, seconds, accepted):
    """One template mutant, run against the scenarios that rendered what it changes (quickest first) until one fails."""
    scenarios = sorted(scenarios_of.get((mutant.file, *mutant.anchor), ()), key=lambda s: seconds.get(s, 0))
    row = {
        "file": mutant.file,
        "line": mutant.line,
        "column": mutant.column,
        "operator": mutant.operator,
        "change": mutant.change,
        "scenarios": len(scenarios),
        "outcome": "survived",
    }
    if not scenarios:
        row["change"] += "  (no scenario renders it)"
    else:
        with mutant.applied(worker.project):
            for scenario in scenarios:
                if worker.run(scenario) not in ("passed", "skipped"):
                    row["outcome"], row["killed_by"] = "killed", scenario
                    break
    if row["outcome"] == "survived":
        row["accepted"] = accepted.get(mutant.key)
        print(f"  {'accepted' if row['accepted'] else 'SURVIVED'} {mutant.key}  {row['change']}", flush=True)
    return row


def _layer(project, layer, seen, seconds, accepted, arguments):
    """Every mutant of one layer (settings, responses or emails), each run against the scenarios that saw it."""
    import layers

    started = time.perf_counter()
    if layer == "settings":
        sys.path.insert(0, str(project / "site"))
        from newsroom import test_settings

        mutants = layers.settings_mutants(test_settings, seen)
    else:
        mutants = (layers.answer_mutants if layer == "responses" else layers.email_mutants)(seen)
    mutants = [m for m in mutants if arguments.select is None or arguments.select in m.key]
    print(f"\n{len(mutants)} {layer} mutants", flush=True)
    numbers = iter(range(1, len(mutants) + 1))

    def judge(worker, mutant):
        row = {
            "key": mutant.key,
            "operator": mutant.key.rsplit(":", 1)[1],
            "change": mutant.change,
            "scenarios": len(mutant.scenarios),
            "outcome": "survived",
        }
        if layer == "settings":
            _judge_settings(worker.project, mutant, next(numbers), row, seconds)
        else:
            file = worker.project / "mutant.txt"
            file.write_text(mutant.line + "\n")
            try:
                _run_until_failure(worker, mutant.scenarios, seconds, row)
            finally:
                file.write_text("")
        if row["outcome"] == "survived":
            row["accepted"] = accepted.get(mutant.key)
            print(f"  {'accepted' if row['accepted'] else 'SURVIVED'} {mutant.key}  {mutant.change}", flush=True)
        return row

    def environment(copy):
        return {ENVIRONMENT: str(copy / "mutant.txt")}

    rows = _run_all(
        project,
        mutants,
        arguments.jobs,
        started,
        judge,
        f"{layer} mutants",
        environment,
        own_runs=layer == "settings",
    )
    killed = sum(1 for r in rows if r["outcome"] in ("killed", "timeout"))
    return {**_scored(rows, killed, started), "mutants": rows}


def _scored(rows, killed, started):
    """A layer's part of the report: its score, its time, its mutants by operator, its survivors."""
    return {
        "total": len(rows),
        "killed": killed,
        "score": killed / len(rows) if rows else 0.0,
        "seconds": round(time.perf_counter() - started),
        "by_operator": {op: dict(c) for op, c in sorted(_by(rows, "operator").items())},
        "survived": [r for r in rows if r["outcome"] == "survived"],
    }


def _run_until_failure(worker, scenarios, seconds, row):
    """The scenarios, quickest first, until one fails: then the row says killed, and by which."""
    for scenario in sorted(scenarios, key=lambda s: seconds.get(s, 0)):
        status = worker.run(scenario)
        if status not in ("passed", "skipped"):
            row["outcome"], row["killed_by"] = "timeout" if status == "timeout" else "killed", scenario
            return


def _judge_settings(project, mutant, number, row, seconds):
    """A settings mutant, as a settings module of its own, in a worker of its own (a fresh process)."""
    import layers

    module = layers.settings_module(project, mutant, number)
    try:
        worker = SuiteWorker(project, {"DJANGO_SETTINGS_MODULE": module}, quiet=True)
    except SystemExit:  # the suite does not start with it: no page of the site would open
        lines = (project / "worker.log").read_text().strip().splitlines() or ["(no output)"]
        row["outcome"], row["killed_by"] = "killed", f"(start-up) {lines[-1][:200]}"
        return
    try:
        _run_until_failure(worker, mutant.scenarios, seconds, row)
    finally:
        worker.close(kill=True)


class _NoWorker:
    """Stands in for a worker where each mutant starts runs of its own (settings): only the copy it works in."""

    def __init__(self, project):
        self.project = project

    def close(self):
        pass


class SuiteWorker:
    """One worker of the suite in the copy (acceptance's parallel worker), handed batches of one scenario.

    A worker is one ordinary run, with its database, live server and browser, that stays up
    between scenarios; with the copy reading templates at each render, a mutant written to disk
    is what the next scenario sees. That saves starting a run (Django, the test database, a
    browser) for every mutant.
    """

    def __init__(self, project, environment=None, quiet=False):
        self.project = project
        self.environment = environment or {}
        self.quiet = quiet  # a worker that may not start (a settings mutant) ends without printing its log
        self._start()

    def _start(self):
        read_end, write_end = os.pipe()
        env = {**os.environ, **self.environment, WORKER: "w1", RESULTS: str(write_end), "PYTHONUNBUFFERED": "1"}
        self.log = open(self.project / "worker.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "behave", "-f", "null", "--no-junit", "--no-summary", "-D", "durations=off"],
            cwd=self.project,
            stdin=subprocess.PIPE,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env=env,
            pass_fds=(write_end,),
            start_new_session=True,  # its browser and driver go with it when it is killed
            text=True,
        )
        os.close(write_end)
        self.results, self.unread = read_end, b""
        try:
            self._next(STARTING_SECONDS)  # {"event": "ready"}
        except SystemExit:
            self.process.wait()
            os.close(self.results)
            self.log.close()
            raise

    def run(self, location):
        """How the scenario at FILE:LINE ended: passed, failed, skipped, or timeout (the worker is then restarted)."""
        self.process.stdin.write(json.dumps([location]) + "\n")
        self.process.stdin.flush()
        try:
            result = self._next(SCENARIO_SECONDS)
            self._next(SCENARIO_SECONDS)  # {"event": "ready"} for the next batch
            return result["status"]
        except TimeoutError:
            self.close(kill=True)
            self._start()
            return "timeout"

    def _next(self, seconds):
        # Read from the pipe itself, not through a buffered file: a result and the "ready" after it
        # come together, and select() knows nothing of a line a file's buffer already holds.
        while b"\n" not in self.unread:
            ready, _, _ = select.select([self.results], [], [], seconds)
            if not ready:
                raise TimeoutError
            chunk = os.read(self.results, 65536)
            if not chunk:
                tail = "" if self.quiet else (self.project / "worker.log").read_text()[-2000:]
                ended = "The suite's worker ended early (its log is above): make the suite pass first."
                raise SystemExit(f"{tail}\n{ended}")
            self.unread += chunk
        line, self.unread = self.unread.split(b"\n", 1)
        return json.loads(line)

    def close(self, kill=False):
        if kill:
            os.killpg(self.process.pid, signal.SIGKILL)
        else:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.results)
        self.log.close()


def _by(rows, key):
    counts = defaultdict(Counter)
    for row in rows:
        counts[row[key]][row["outcome"]] += 1
    return counts


def _report(rows, parts, accepted, seconds):
    out = ROOT / "reports" / "mutation.json"
    last = json.loads(out.read_text()) if out.exists() else {}
    if rows is None:  # a part alone: the Python part stays as the last run left it
        report = last or {"score": 0.0}
    else:
        report = _python_report(rows, accepted, seconds)
    for part in PARTS:
        if part in parts:
            report[part] = parts[part]
            (_print_templates if part == "templates" else _print_layer)(part, parts[part])
        elif part in last:
            report[part] = last[part]
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nreports/mutation.json, in {seconds / 60:.1f} min")
    return report


def _print_layer(layer, part):
    print(f"\n{layer + ' mutants by operator':<40}{'mutants':>8}{'killed':>8}{'survived':>9}")
    for operator, counts in part["by_operator"].items():
        print(f"{operator:<40}{sum(counts.values()):>8}{counts.get('killed', 0):>8}{counts.get('survived', 0):>9}")
    new = [r for r in part["survived"] if not r["accepted"]]
    print(
        f"{layer.capitalize()}: score {part['score']:.1%} ({part['killed']} of {part['total']} killed) "
        f"in {part['seconds'] / 60:.1f} min; {len(part['survived'])} survivors, "
        f"{len(part['survived']) - len(new)} of them accepted (mutation/accepted-survivors.txt); new:"
    )
    for row in new:
        print(f"  {row['key']}  {row['change']}")


def _print_templates(part, templates):
    print(f"\n{'template mutants by operator':<40}{'mutants':>8}{'killed':>8}{'survived':>9}")
    for operator, counts in templates["by_operator"].items():
        print(f"{operator:<40}{sum(counts.values()):>8}{counts.get('killed', 0):>8}{counts.get('survived', 0):>9}")
    survivors = templates["survived"]
    new = [r for r in survivors if not r["accepted"]]
    print(
        f"Templates: score {templates['score']:.1%} ({templates['killed']} of {templates['total']} killed) "
        f"in {templates['seconds'] / 60:.1f} min; {len(survivors)} survivors, "
        f"{len(survivors) - len(new)} of them accepted (mutation/accepted-survivors.txt); new:"
    )
    for row in new:
        print(f"  {row['file']}:{row['line']}:{row['column']}:{row['operator']}  {row['change']}")


def _python_report(rows, accepted, seconds):
    excluded = [r for r in rows if r["outcome"] == "excluded"]
    rows = [r for r in rows if r["outcome"] != "excluded"]
    per_file = defaultdict(Counter)
    for row in rows:
        per_file[row["file"]][row["outcome"]] += 1
    killed = sum(1 for r in rows if r["outcome"] in ("killed", "timeout"))
    survivors = [r for r in rows if r["outcome"] == "survived"]
    for row in survivors:
        row["accepted"] = accepted.get(f"{row['file']}:{row['line']}:{row['operator']}")
    new = [r for r in survivors if not r["accepted"]]
    total = len(rows)
    print(f"\n{'file':<32}{'mutants':>8}{'killed':>8}{'survived':>9}{'timeout':>8}{'score':>7}")
    for file, counts in sorted(per_file.items()):
        n = sum(counts.values())
        k = counts["killed"] + counts["timeout"]
        print(f"{file:<32}{n:>8}{counts['killed']:>8}{counts['survived']:>9}{counts['timeout']:>8}{k / n:>7.0%}")
    score = killed / total if total else 0.0
    print(
        f"{'all':<32}{total:>8}{killed:>8}{len(survivors):>9}"
        f"{sum(1 for r in rows if r['outcome'] == 'timeout'):>8}{score:>7.1%}"
    )
    print(
        f"\n{len(survivors)} survivors, {len(survivors) - len(new)} of them accepted "
        f"(mutation/accepted-survivors.txt); new:"
    )
    for row in sorted(new, key=lambda r: (r["file"], r["line"])):
        print(
            f"  {row['file']}:{row['line']}:{row['operator']}  {row['diff']}"
            + ("" if row["run"] else "  (no scenario executes it)")
        )
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "seconds": round(seconds),
        "total": total,
        "killed": killed,
        "survived": len(survivors),
        "timeout": sum(1 for r in rows if r["outcome"] == "timeout"),
        "score": score,
        "excluded_declarations": len(excluded),
        "per_file": {f: dict(c) for f, c in per_file.items()},
        "survivors": survivors,
    }
    breaks = ROOT / "reports" / "template_breaks.json"
    if breaks.exists():
        report["template_breaks"] = json.loads(breaks.read_text())
    print(f"\nPython: score {score:.1%} ({killed} of {total} killed)")
    return report


if __name__ == "__main__":
    sys.exit(main())
