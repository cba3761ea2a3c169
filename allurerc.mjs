// Allure Report 3's settings for scripts/report.py: one self-contained page (it opens from
// disk, offline), reports/allure.html, beside the specification (reports/index.html). Results
// are grouped by feature and rule; each is headed with its scenario's name, the way it ran
// ("ran in": client, chromium...) is its parameter. The history of earlier runs is kept.
export default {
  name: "Newsroom: results, history and retries",
  historyPath: "reports/history.jsonl",
  historyLimit: 30,
  // Labels for the suite's machinery, not for a reader: the specification page finds results by location.
  hideLabels: ["location", "scenario", "framework", "language", "host", "thread", "severity"],
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportLanguage: "en",
        groupBy: ["feature", "story"],
      },
    },
  },
};
