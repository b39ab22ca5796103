"""The old free-text identity fields go, now that 0006 has carried their values across; the
phone number becomes a validated PhoneNumberField (stored as E.164)."""

from django.db import migrations

import phonenumber_field.modelfields


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0006_practice_identity_values"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="practicesettings",
            name="address",
        ),
        migrations.RemoveField(
            model_name="practicesettings",
            name="crisis_resources",
        ),
        migrations.RemoveField(
            model_name="practicesettings",
            name="opening_hours_text",
        ),
        migrations.AlterField(
            model_name="practicesettings",
            name="phone",
            field=phonenumber_field.modelfields.PhoneNumberField(
                blank=True,
                help_text="The number visitors call to book, e.g. (205) 555-0142. Numbers outside the US start with + and the country code.",
                max_length=128,
                region="US",
            ),
        ),
    ]
