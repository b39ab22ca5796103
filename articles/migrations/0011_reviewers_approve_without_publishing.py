"""Editorial roles, revised.

- Clinical reviewers lose the Publish permission on articles indexes: an approval publishes
  as the workflow (WAGTAIL_FINISH_WORKFLOW_ACTION), so approving is their only route.
- Site managers create and edit staff accounts (Wagtail's user screens; the form offers only
  the three roles and never the administrator box, see practice.users).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SITE_MANAGER_USER_PERMISSIONS = ["add_user", "change_user", "view_user"]


def user_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="practice", codename__in=SITE_MANAGER_USER_PERMISSIONS
    )


def forward(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name="Clinical reviewers", permission__codename="publish_page"
    ).delete()
    for group in Group.objects.filter(name="Site managers"):
        group.permissions.add(*user_permissions(apps))


def backward(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ArticleIndexPage = apps.get_model("articles", "ArticleIndexPage")
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    for group in Group.objects.filter(name="Clinical reviewers"):
        for index in ArticleIndexPage.objects.all():
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=index.pk, permission=publish
            )
    for group in Group.objects.filter(name="Site managers"):
        group.permissions.remove(*user_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_backfill_clinical_reviews"),
        ("articles", "0004_editorial_roles"),
        ("practice", "0004_seed_safe_messaging_rules"),
    ]

    operations = [migrations.RunPython(forward, backward)]
