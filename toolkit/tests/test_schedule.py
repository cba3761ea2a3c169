"""How a parallel run cuts its scenarios into the batches it hands its workers."""

from types import SimpleNamespace

from django.test import SimpleTestCase

from django_acceptance.parallel.schedule import batches


def scenario(filename, line, steps=3):
    return SimpleNamespace(filename=filename, line=line, all_steps=[None] * steps)


class BatchTests(SimpleTestCase):
    def test_the_scenarios_of_one_file_go_together_in_file_order(self):
        scenarios = [scenario("a.feature", 3), scenario("a.feature", 9), scenario("b.feature", 4)]
        durations = {"a.feature:3": 1.0, "a.feature:9": 1.0, "b.feature:4": 1.0}
        self.assertEqual(batches(scenarios, durations, jobs=1), [["a.feature:3", "a.feature:9"], ["b.feature:4"]])

    def test_the_longest_batch_comes_first(self):
        scenarios = [scenario("a.feature", 3), scenario("b.feature", 4), scenario("b.feature", 8)]
        durations = {"a.feature:3": 0.5, "b.feature:4": 0.3, "b.feature:8": 0.3}
        self.assertEqual(batches(scenarios, durations, jobs=1), [["b.feature:4", "b.feature:8"], ["a.feature:3"]])

    def test_a_long_file_is_cut_so_that_workers_still_finish_together(self):
        scenarios = [scenario("a.feature", line) for line in range(1, 17)]
        durations = {f"a.feature:{line}": 1.0 for line in range(1, 17)}
        cut = batches(scenarios, durations, jobs=2)
        # 16 s of scenarios in 2 workers: batches of at most 16 / (2 * 4) = 2 s.
        self.assertEqual([len(batch) for batch in cut], [2] * 8)
        self.assertEqual(sorted(name for batch in cut for name in batch), sorted(durations))

    def test_a_scenario_longer_than_a_batch_is_a_batch_of_its_own(self):
        scenarios = [scenario("a.feature", 1), scenario("a.feature", 2), scenario("a.feature", 3)]
        durations = {"a.feature:1": 0.1, "a.feature:2": 9.0, "a.feature:3": 0.1}
        self.assertEqual(batches(scenarios, durations, jobs=2), [["a.feature:2"], ["a.feature:1"], ["a.feature:3"]])

    def test_scenarios_no_run_has_timed_are_estimated_by_their_steps(self):
        scenarios = [scenario("a.feature", 1, steps=2), scenario("b.feature", 1, steps=6)]
        self.assertEqual(batches(scenarios, {}, jobs=1), [["b.feature:1"], ["a.feature:1"]])
