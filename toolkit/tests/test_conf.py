"""The ACCEPTANCE setting: its defaults, and one line for each way it can be wrong."""

import os
import subprocess
import sys
from pathlib import Path

from django.core import checks
from django.test import SimpleTestCase, override_settings

import django_acceptance
from django_acceptance import project
from django_acceptance.conf import SettingError, read
from django_acceptance.options import OptionError, Options


class SettingTests(SimpleTestCase):
    def test_what_a_project_leaves_out_takes_the_defaults(self):
        here = read({}, "/srv/site")
        self.assertEqual((here.root, here.features, here.reports), (Path("/srv/site"), "features", "reports"))
        self.assertEqual((here.browser_tag, here.code_roots, here.step_catalogue), ("browser", ("",), None))

    def test_paths_are_the_projects_own(self):
        here = read({"FEATURES": "acceptance/features/", "CODE_ROOTS": ["src", "."], "BROWSER_TAG": "@js"}, "/srv")
        self.assertEqual(here.features, "acceptance/features")
        self.assertEqual((here.code_roots, here.browser_tag), (("src/", ""), "js"))

    def test_an_unknown_key_is_named_with_the_keys_there_are(self):
        with self.assertRaisesMessage(SettingError, "ACCEPTANCE['COLOUR'] is not a key of the setting: use ROOT,"):
            read({"COLOUR": "blue"})

    def test_a_misspelt_key_is_named_with_the_key_it_is_close_to(self):
        with self.assertRaisesMessage(SettingError, "ACCEPTANCE['FEATURE'] is not a key of the setting: did you mean"):
            read({"FEATURE": "features"})

    def test_a_list_given_as_a_string_is_refused(self):
        with self.assertRaisesMessage(SettingError, "ACCEPTANCE['CODE_ROOTS'] must be a list of strings"):
            read({"CODE_ROOTS": "site"})

    def test_a_setting_that_is_not_a_dict_is_refused(self):
        with self.assertRaisesMessage(SettingError, "ACCEPTANCE is a list: make it a dict"):
            read(["features"])

    def test_paths_given_as_paths_are_the_projects_relative_ones(self):
        here = read(
            {"CODE_ROOTS": [Path("/srv/site/src")], "SETTINGS_FILES": [Path("/srv/site/src/settings.py")]}, "/srv/site"
        )
        self.assertEqual((here.code_roots, here.settings_files), (("src/",), ("src/settings.py",)))

    def test_a_path_outside_the_project_is_refused(self):
        with self.assertRaisesMessage(SettingError, "ACCEPTANCE['CODE_ROOTS'] names /elsewhere, outside ROOT"):
            read({"CODE_ROOTS": [Path("/elsewhere")]}, "/srv/site")

    def test_a_root_that_is_not_a_path_is_refused(self):
        with self.assertRaisesMessage(SettingError, "ACCEPTANCE['ROOT'] is a int: give the project's folder."):
            read({"ROOT": 5})

    def test_a_project_option_may_not_take_a_toolkit_options_name(self):
        with self.assertRaisesMessage(SettingError, "ACCEPTANCE['OPTIONS'] has 'driver', which is the toolkit's own"):
            read({"OPTIONS": ["driver"]})

    @override_settings(ACCEPTANCE={"CODE_ROOTS": "site"})
    def test_manage_py_check_says_what_is_wrong(self):
        errors = [e for e in checks.run_checks(tags=["django_acceptance"]) if e.id == "django_acceptance.E001"]
        self.assertEqual([e.msg[:39] for e in errors], ["ACCEPTANCE['CODE_ROOTS'] must be a list"])

    @override_settings(INSTALLED_APPS=["behave_django", "django_acceptance"])
    def test_behave_django_listed_first_would_hide_the_command(self):
        found = [e.id for e in checks.run_checks(tags=["django_acceptance"])]
        self.assertIn("django_acceptance.E004", found)

    @override_settings(ACCEPTANCE={"FEATURES": "no-such-folder"})
    def test_a_missing_features_folder_is_named(self):
        found = {e.id: e.msg for e in checks.run_checks(tags=["django_acceptance"])}
        self.assertIn("no-such-folder does not exist", found["django_acceptance.W002"])


class OptionsTests(SimpleTestCase):
    @override_settings(ACCEPTANCE={"OPTIONS": ["tenant"]})
    def test_a_projects_own_run_options_pass(self):
        options = Options.from_userdata({"tenant": "acme"}, project())
        self.assertEqual(options.driver, "client")

    @override_settings(ACCEPTANCE={"OPTIONS": ["naive=true|false"]})
    def test_a_projects_option_with_values_refuses_another_in_one_line(self):
        Options.from_userdata({"naive": "true"}, project())
        with self.assertRaisesMessage(OptionError, "-D naive='maybe' is not a valid naive: use one of true, false."):
            Options.from_userdata({"naive": "maybe"}, project())

    def test_a_run_option_nobody_declared_is_refused_in_one_line(self):
        with self.assertRaisesMessage(OptionError, "-D tenant is not a run option: use one of driver,"):
            Options.from_userdata({"tenant": "acme"}, read({}))

    @override_settings(ACCEPTANCE={"REPORTS": "build/acceptance", "BROWSER_TAG": "javascript"})
    def test_the_reports_folder_and_the_browser_tag_are_the_projects(self):
        options = Options.from_userdata({}, project())
        self.assertEqual(options.results, "tests/build/acceptance/allure-results/acceptance")
        self.assertEqual(options.evidence_dir, "tests/build/acceptance/failures/client")
        self.assertEqual(options.browser_tag, "javascript")


class PublicSurfaceTests(SimpleTestCase):
    def test_the_package_imports_without_django_settings(self):
        environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        code = "import django_acceptance as a; print(sorted(a.__all__) == sorted(set(a.__all__)), a.Driver.__name__)"
        done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
        self.assertEqual((done.returncode, done.stdout.strip()), (0, "True Driver"), done.stderr)

    def test_every_public_name_is_there(self):
        for name in django_acceptance.__all__:
            with self.subTest(name=name):
                self.assertIsNotNone(getattr(django_acceptance, name))
