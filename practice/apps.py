from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class PracticeConfig(AppConfig):
    # This module also holds PracticeUsersAppConfig: name the default for "practice".
    default = True
    name = "practice"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.admin.panels import HelpPanel

        from wagtailseo.models import SeoSettings

        # wagtail-seo's organisation fields would be a second copy of the practice's identity,
        # which lives in PracticeSettings (and feeds the JSON-LD); Settings › SEO keeps only
        # what wagtail-seo alone does: the meta and social tags and the default share image.
        SeoSettings.panels = [
            *SeoSettings.panels[:1],
            HelpPanel(
                content=_(
                    "The practice's name, phone, address, hours, logo and profiles for search "
                    "engines are in Settings › Practice settings."
                )
            ),
        ]
        from .cache import connect_invalidation_signals

        connect_invalidation_signals()


class PracticeUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with the staff-account screens of practice.users."""

    user_viewset = "practice.users.StaffUserViewSet"
