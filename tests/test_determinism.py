"""The stored notebook outputs are accepted by nbval run after run, in another
time zone and locale, and from another working directory."""

import os
import subprocess
import sys

from khabar.article import PROJECT_ROOT
from khabar.export import notebook_paths

# make test runs nbval once as is (make nbval); this is the second run, in
# another time zone, locale and working directory at once.
ELSEWHERE = {"TZ": "Asia/Damascus", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def test_nbval_accepts_the_stored_outputs_elsewhere(tmp_path):
    env = {**os.environ, **ELSEWHERE}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval",
            *[str(path) for path in notebook_paths()],
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout


def test_unit_tests_pass_from_another_working_directory(tmp_path):
    tests = PROJECT_ROOT / "tests"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(tests / "test_article.py"),
            str(tests / "test_claims.py"),
            str(tests / "test_events.py"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
