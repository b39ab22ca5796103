"""Seed the safe-messaging rules from public guidance on writing about suicide (the National
Action Alliance framework, reportingonsuicide.org). Staff extend the list under Snippets."""

from django.db import migrations

NOT_A_CRIME = (
    "'Committed' ties suicide to crime or sin, which deepens stigma and can stop people "
    "from asking for help."
)
NOT_AN_ACHIEVEMENT = "Calling a death 'successful' or 'completed' frames it as an achievement."
NOT_A_FAILURE = "Calling an attempt 'failed' implies that dying would have been success."
NO_METHODS = (
    "Describing how someone died can raise the risk for readers who are struggling. "
    "Say that the person died by suicide, and leave out the method and the place."
)

RULES = [
    ("committed suicide", "died by suicide", NOT_A_CRIME),
    ("commit suicide", "die by suicide, or end their life", NOT_A_CRIME),
    ("commits suicide", "dies by suicide", NOT_A_CRIME),
    ("successful suicide", "died by suicide", NOT_AN_ACHIEVEMENT),
    ("completed suicide", "died by suicide", NOT_AN_ACHIEVEMENT),
    ("unsuccessful suicide attempt", "survived a suicide attempt", NOT_A_FAILURE),
    ("unsuccessful attempt", "survived a suicide attempt", NOT_A_FAILURE),
    ("failed suicide attempt", "survived a suicide attempt", NOT_A_FAILURE),
    ("failed attempt", "survived a suicide attempt", NOT_A_FAILURE),
    (
        "suicide epidemic",
        "the actual figures, e.g. 'the suicide rate in Alabama rose from X to Y per 100,000'",
        "Sensational words make suicide sound common and expected; real figures inform.",
    ),
    (
        "suicide victim",
        "a person who died by suicide",
        "'Victim' casts the person only by how they died.",
    ),
    ("hanged himself", "died by suicide", NO_METHODS),
    ("hanged herself", "died by suicide", NO_METHODS),
    ("hanged themselves", "died by suicide", NO_METHODS),
    ("shot himself", "died by suicide", NO_METHODS),
    ("shot herself", "died by suicide", NO_METHODS),
    ("shot themselves", "died by suicide", NO_METHODS),
    ("overdosed on", "died by suicide (without naming the substance)", NO_METHODS),
    ("jumped to his death", "died by suicide", NO_METHODS),
    ("jumped to her death", "died by suicide", NO_METHODS),
    ("jumped to their death", "died by suicide", NO_METHODS),
    (
        "suicide note",
        "leave it out, or say only that a note was found",
        "Quoting or describing a note can make the death seem understandable or romantic.",
    ),
]


def seed_rules(apps, schema_editor):
    SafeMessagingRule = apps.get_model("practice", "SafeMessagingRule")
    for phrase, suggestion, explanation in RULES:
        SafeMessagingRule.objects.get_or_create(
            phrase=phrase, defaults={"suggestion": suggestion, "explanation": explanation}
        )


def remove_rules(apps, schema_editor):
    SafeMessagingRule = apps.get_model("practice", "SafeMessagingRule")
    SafeMessagingRule.objects.filter(phrase__in=[phrase for phrase, *_ in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0003_safe_messaging_rule"),
    ]

    operations = [migrations.RunPython(seed_rules, remove_rules)]
