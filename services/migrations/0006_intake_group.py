"""Create the Intake group: the staff who answer appointment requests. With superusers, its
members are the only people who can see requests (services.appointments.permissions); they
read and update them, and nobody adds them in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

INTAKE_GROUP = "Intake"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("services", "view_appointmentrequest"),
    ("services", "change_appointmentrequest"),
]


def create_intake_group(apps, schema_editor):
    # Permissions are normally created after migrations; these need to exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=INTAKE_GROUP)
    group.permissions.add(
        *(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in PERMISSIONS
        )
    )


def remove_intake_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=INTAKE_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0005_appointment_requests"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_intake_group, remove_intake_group)]
