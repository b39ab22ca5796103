"""The practice's identity as structure (address, geo, hours, logo, profiles, telehealth
states) beside the old free-text fields, which 0006 reads and 0007 removes."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import modelcluster.fields
import wagtail.fields


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0004_seed_safe_messaging_rules"),
    ]

    operations = [
        migrations.RenameField(
            model_name="practicesettings",
            old_name="opening_hours",
            new_name="opening_hours_text",
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="accepting_new_clients",
            field=models.BooleanField(
                default=True,
                help_text="Tells search engines whether the practice takes new clients.",
            ),
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="country",
            field=models.CharField(
                default="US", help_text="Two-letter country code (ISO 3166), e.g. US.", max_length=2
            ),
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="crisis_message",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text="Shown on every page above the links to call, text or chat with 988 and to call 911, which are always shown. Add local resources here. Leave blank for the built-in message.",
            ),
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="latitude",
            field=models.DecimalField(
                blank=True,
                decimal_places=6,
                help_text="The office's position, for maps and search engines, e.g. 33.502100.",
                max_digits=9,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(-90),
                    django.core.validators.MaxValueValidator(90),
                ],
            ),
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="locality",
            field=models.CharField(blank=True, max_length=80, verbose_name="city"),
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="logo",
            field=models.ForeignKey(
                blank=True,
                help_text="The practice's logo, for search engines (at least 112 pixels square).",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="practice.practiceimage",
            ),
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="longitude",
            field=models.DecimalField(
                blank=True,
                decimal_places=6,
                help_text="e.g. -86.802500 (west of Greenwich is negative).",
                max_digits=9,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(-180),
                    django.core.validators.MaxValueValidator(180),
                ],
            ),
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="postal_code",
            field=models.CharField(blank=True, max_length=10, verbose_name="ZIP code"),
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="profile_links",
            field=wagtail.fields.StreamField(
                [("profile", 0)],
                blank=True,
                block_lookup={0: ("wagtail.blocks.URLBlock", (), {"label": "Profile address"})},
                help_text="The practice's own pages elsewhere (e.g. Facebook, LinkedIn, Psychology Today), so that search engines recognise them as the same practice.",
            ),
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="region",
            field=models.CharField(
                blank=True,
                choices=[
                    ("AL", "Alabama"),
                    ("AK", "Alaska"),
                    ("AZ", "Arizona"),
                    ("AR", "Arkansas"),
                    ("CA", "California"),
                    ("CO", "Colorado"),
                    ("CT", "Connecticut"),
                    ("DE", "Delaware"),
                    ("DC", "District of Columbia"),
                    ("FL", "Florida"),
                    ("GA", "Georgia"),
                    ("HI", "Hawaii"),
                    ("ID", "Idaho"),
                    ("IL", "Illinois"),
                    ("IN", "Indiana"),
                    ("IA", "Iowa"),
                    ("KS", "Kansas"),
                    ("KY", "Kentucky"),
                    ("LA", "Louisiana"),
                    ("ME", "Maine"),
                    ("MD", "Maryland"),
                    ("MA", "Massachusetts"),
                    ("MI", "Michigan"),
                    ("MN", "Minnesota"),
                    ("MS", "Mississippi"),
                    ("MO", "Missouri"),
                    ("MT", "Montana"),
                    ("NE", "Nebraska"),
                    ("NV", "Nevada"),
                    ("NH", "New Hampshire"),
                    ("NJ", "New Jersey"),
                    ("NM", "New Mexico"),
                    ("NY", "New York"),
                    ("NC", "North Carolina"),
                    ("ND", "North Dakota"),
                    ("OH", "Ohio"),
                    ("OK", "Oklahoma"),
                    ("OR", "Oregon"),
                    ("PA", "Pennsylvania"),
                    ("RI", "Rhode Island"),
                    ("SC", "South Carolina"),
                    ("SD", "South Dakota"),
                    ("TN", "Tennessee"),
                    ("TX", "Texas"),
                    ("UT", "Utah"),
                    ("VT", "Vermont"),
                    ("VA", "Virginia"),
                    ("WA", "Washington"),
                    ("WV", "West Virginia"),
                    ("WI", "Wisconsin"),
                    ("WY", "Wyoming"),
                    ("PR", "Puerto Rico"),
                    ("GU", "Guam"),
                    ("VI", "U.S. Virgin Islands"),
                    ("AS", "American Samoa"),
                    ("MP", "Northern Mariana Islands"),
                ],
                max_length=2,
                verbose_name="state",
            ),
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="street_address",
            field=models.TextField(
                blank=True,
                help_text="Street and suite, one line per row, e.g. '2100 Example Avenue South'.",
            ),
        ),
        migrations.CreateModel(
            name="PracticeTelehealthState",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("AL", "Alabama"),
                            ("AK", "Alaska"),
                            ("AZ", "Arizona"),
                            ("AR", "Arkansas"),
                            ("CA", "California"),
                            ("CO", "Colorado"),
                            ("CT", "Connecticut"),
                            ("DE", "Delaware"),
                            ("DC", "District of Columbia"),
                            ("FL", "Florida"),
                            ("GA", "Georgia"),
                            ("HI", "Hawaii"),
                            ("ID", "Idaho"),
                            ("IL", "Illinois"),
                            ("IN", "Indiana"),
                            ("IA", "Iowa"),
                            ("KS", "Kansas"),
                            ("KY", "Kentucky"),
                            ("LA", "Louisiana"),
                            ("ME", "Maine"),
                            ("MD", "Maryland"),
                            ("MA", "Massachusetts"),
                            ("MI", "Michigan"),
                            ("MN", "Minnesota"),
                            ("MS", "Mississippi"),
                            ("MO", "Missouri"),
                            ("MT", "Montana"),
                            ("NE", "Nebraska"),
                            ("NV", "Nevada"),
                            ("NH", "New Hampshire"),
                            ("NJ", "New Jersey"),
                            ("NM", "New Mexico"),
                            ("NY", "New York"),
                            ("NC", "North Carolina"),
                            ("ND", "North Dakota"),
                            ("OH", "Ohio"),
                            ("OK", "Oklahoma"),
                            ("OR", "Oregon"),
                            ("PA", "Pennsylvania"),
                            ("RI", "Rhode Island"),
                            ("SC", "South Carolina"),
                            ("SD", "South Dakota"),
                            ("TN", "Tennessee"),
                            ("TX", "Texas"),
                            ("UT", "Utah"),
                            ("VT", "Vermont"),
                            ("VA", "Virginia"),
                            ("WA", "Washington"),
                            ("WV", "West Virginia"),
                            ("WI", "Wisconsin"),
                            ("WY", "Wyoming"),
                            ("PR", "Puerto Rico"),
                            ("GU", "Guam"),
                            ("VI", "U.S. Virgin Islands"),
                            ("AS", "American Samoa"),
                            ("MP", "Northern Mariana Islands"),
                        ],
                        max_length=2,
                    ),
                ),
                (
                    "practice",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="telehealth_states",
                        to="practice.practicesettings",
                    ),
                ),
            ],
            options={
                "verbose_name": "telehealth state",
                "ordering": ["sort_order"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("practice", "state"), name="unique_practice_telehealth_state"
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="opening_hours",
            field=wagtail.fields.StreamField(
                [("hours", 4)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.MultipleChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("Monday", "Monday"),
                                ("Tuesday", "Tuesday"),
                                ("Wednesday", "Wednesday"),
                                ("Thursday", "Thursday"),
                                ("Friday", "Friday"),
                                ("Saturday", "Saturday"),
                                ("Sunday", "Sunday"),
                            ],
                            "help_text": "The days these hours apply to.",
                        },
                    ),
                    1: ("wagtail.blocks.TimeBlock", (), {"label": "Opens"}),
                    2: ("wagtail.blocks.TimeBlock", (), {"label": "Closes"}),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Optional, shown in brackets, e.g. 'telehealth only'.",
                            "max_length": 60,
                            "required": False,
                        },
                    ),
                    4: (
                        "wagtail.blocks.StructBlock",
                        [[("days", 0), ("opens", 1), ("closes", 2), ("note", 3)]],
                        {},
                    ),
                },
                help_text="Office hours, one row per group of days with the same hours.",
            ),
        ),
    ]
