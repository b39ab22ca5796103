"""Who sees appointment requests: superusers and members of the Intake group, and no one else,
whatever permissions another group is given. Requests come from visitors only: nobody adds
them in the admin, and only superusers delete them (the retention command does it daily)."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies import ModelPermissionPolicy

from services.models import AppointmentRequest

INTAKE_GROUP = "Intake"


class IntakePermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "add" or not (user.is_active and user.is_authenticated):
            return False
        if user.is_superuser:
            return True
        return self._is_intake_member(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return get_user_model().objects.none()
        members = super().users_with_any_permission(actions).filter(groups__name=INTAKE_GROUP)
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(pk__in=members.values("pk")))
        )

    @staticmethod
    def _is_intake_member(user) -> bool:
        if not hasattr(user, "_is_intake_member"):
            user._is_intake_member = user.groups.filter(name=INTAKE_GROUP).exists()
        return user._is_intake_member


intake_permission_policy = IntakePermissionPolicy(AppointmentRequest)
