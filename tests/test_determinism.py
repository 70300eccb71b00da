"""The unit tests pass from another working directory.  (``make nbval``
checks the stored notebook outputs in another time zone, locale and working
directory than ``make outputs`` wrote them in.)"""

import subprocess
import sys

from khabar.article import PROJECT_ROOT


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
            str(tests / "test_events.py"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
