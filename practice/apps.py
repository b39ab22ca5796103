from django.apps import AppConfig

from wagtail.users.apps import WagtailUsersAppConfig


class PracticeConfig(AppConfig):
    name = "practice"
    default_auto_field = "django.db.models.BigAutoField"


class PracticeUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with the staff-account screens of practice.users."""

    user_viewset = "practice.users.StaffUserViewSet"
