"""Staff accounts: the user model, passwords, sign-in lockouts and the second factor."""

import os
from datetime import timedelta

from .cms import WAGTAIL_SITE_NAME
from .environment import env_list

AUTH_USER_MODEL = "practice.User"
# django-axes first: a locked-out username + address is refused before any password is hashed.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin sign-in: django-axes locks out one username from one address after
# AXES_FAILURE_LIMIT failures, for AXES_COOLOFF_MINUTES; other accounts and other addresses
# are unaffected. Site managers unlock under Settings › Locked-out sign-ins.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "practice/lockout.html"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Two-factor authentication (django-otp TOTP): required for superusers and these groups.
TWO_FACTOR_REQUIRED_GROUPS = env_list("TWO_FACTOR_REQUIRED_GROUPS", "Site managers")
# Deliberately not read from the environment: only the test settings turn enforcement off.
TWO_FACTOR_ENFORCED = True
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
