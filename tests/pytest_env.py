"""Loaded with ``-p`` before Django is set up: the environment every test run shares.

Tests run the production settings (DEBUG off) over plain HTTP, so only the HTTPS redirect
is switched off; everything else stays as deployed.
"""

import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
