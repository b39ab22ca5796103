from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .appointments.admin import EXPORT_ACTION, VIEW_ACTION, IntakePanel, appointment_viewset
from .appointments.permissions import intake_permission_policy


@hooks.register("register_admin_viewset")
def register_appointment_requests():
    return appointment_viewset


@hooks.register("register_log_actions")
def register_appointment_log_actions(actions):
    actions.register_action(VIEW_ACTION, _("View"), _("Opened"))
    actions.register_action(EXPORT_ACTION, _("Export"), _("Exported to a spreadsheet"))


@hooks.register("construct_homepage_panels")
def add_intake_panel(request, panels):
    if intake_permission_policy.user_has_permission(request.user, "view"):
        panels.append(IntakePanel())
