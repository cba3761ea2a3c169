// Allure Report 3's settings for scripts/report.py: one self-contained page (it opens from
// disk, offline), scenarios grouped by feature, rule and scenario, and the history of earlier runs.
export default {
  name: "Newsroom: acceptance specification",
  historyPath: "reports/history.jsonl",
  historyLimit: 30,
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportLanguage: "en",
        groupBy: ["feature", "story", "scenario"],
      },
    },
  },
};
