"""Create, or reset, the well-known admin/admin superuser for local demos.

A password anyone can guess must never reach a deployed site, so this only works with
DEBUG on; deployments create their accounts with `manage.py createsuperuser`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

USERNAME = "admin"
PASSWORD = "admin"  # noqa: S105 - a deliberately public password, refused unless DEBUG is on


class Command(BaseCommand):
    help = "Create or reset the superuser admin/admin for local demos (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create the admin/admin demo account because DEBUG is off: a "
                "public password must never exist on a deployed site. "
                "Use `manage.py createsuperuser` to create a real account."
            )
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@example.com"}
        )
        user.is_active = user.is_staff = user.is_superuser = True
        user.set_password(PASSWORD)
        user.save()
        action = "Created" if created else "Reset the password of"
        login_url = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_login")
        self.stdout.write(self.style.SUCCESS(f"{action} the demo superuser."))
        self.stdout.write(f"Log in at {login_url} as {USERNAME} / {PASSWORD} (local use only).")
