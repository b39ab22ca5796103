"""Staff accounts: site managers create and edit them, in the editorial roles only.

Wagtail's user screens, with two limits for anyone who is not a superuser: the form offers
only the three roles (no "Administrator" box, no other group), and superuser accounts cannot
be edited (a site manager could otherwise reset an administrator's password).
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

STAFF_ROLES = ["Editors", "Clinical reviewers", "Site managers"]


class StaffRolesMixin:
    def __init__(self, *args, editor=None, **kwargs):
        super().__init__(*args, **kwargs)
        if editor is None or not editor.is_superuser:
            self.fields.pop("is_superuser", None)
            if "groups" in self.fields:
                self.fields["groups"].queryset = Group.objects.filter(name__in=STAFF_ROLES)
                self.fields["groups"].help_text = _(
                    "Editors write and submit; Clinical reviewers approve articles; Site "
                    "managers publish other pages and manage settings and staff accounts."
                )


class StaffCreationForm(StaffRolesMixin, UserCreationForm):
    pass


class StaffEditForm(StaffRolesMixin, UserEditForm):
    pass


class EditorMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editor": self.request.user}


class StaffCreateView(EditorMixin, users.CreateView):
    pass


class StaffEditView(EditorMixin, users.EditView):
    def get_object(self, queryset=None):
        account = super().get_object(queryset)
        if account.is_superuser and not self.request.user.is_superuser:
            raise PermissionDenied
        return account


class StaffUserViewSet(users.UserViewSet):
    add_view_class = StaffCreateView
    edit_view_class = StaffEditView

    def get_form_class(self, for_update=False):
        return StaffEditForm if for_update else StaffCreationForm
