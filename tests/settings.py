"""Settings for the test suite: the project's settings with fast, isolated overrides."""

import os
import tempfile

os.environ.setdefault("DEBUG", "1")

from practice.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="practice-test-media-")
# In-process caches whatever REDIS_URL says: the subprocess tests exercise Redis.
CACHES = LOCAL_CACHES  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STATIC_ROOT = tempfile.mkdtemp(prefix="practice-test-static-")

# The benchmark's commands are tested too (tests/test_bench_commands.py).
if "bench" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS.append("bench")  # noqa: F405
# Tests of other features sign staff in without a second factor; tests/test_security_admin.py
# turns enforcement back on.
TWO_FACTOR_ENFORCED = False
