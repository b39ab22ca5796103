from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0009_therapist_details_from_text"),
    ]

    operations = [
        migrations.RemoveField(model_name="therapistpage", name=name)
        for name in (
            "credentials_text",
            "languages_text",
            "telehealth_states_text",
            "licence_type",
            "licence_number",
            "licence_states",
        )
    ]
