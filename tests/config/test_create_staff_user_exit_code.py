"""The command as a shell script calls it: exit code 0, non-zero with a message on a bad role."""

import os
import subprocess
import sys

import pytest

from tests.support import ROOT


@pytest.mark.django_db(transaction=True)
def test_bad_role_exits_non_zero_with_a_message(settings):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    cmd = [sys.executable, "manage.py", "create_staff_user", "x", "--role", "boss", "--password", "pw-123456"]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Unknown role" in result.stderr
