"""The test project with a misspelt key in its ACCEPTANCE setting."""

from tests.settings import *  # noqa: F403

ACCEPTANCE = {"FEATURE": "features"}
