"""The starting list of crisis search terms. Staff extend it under Settings › Crisis search terms.

Phrases are stored as lower-case words separated by single spaces (see CrisisTerm.clean), so
"self-harm" is written "self harm" and "can't" is written "can t"."""

from django.db import migrations

DEFAULT_PHRASES = [
    "suicide",
    "suicidal",
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "take my own life",
    "want to die",
    "wanna die",
    "better off dead",
    "no reason to live",
    "don t want to live",
    "can t go on",
    "end it all",
    "self harm",
    "self harming",
    "selfharm",
    "self injury",
    "harm myself",
    "harming myself",
    "hurt myself",
    "hurting myself",
    "cutting myself",
    "overdose",
    "overdosed",
    "overdosing",
    "crisis",
    "emergency",
    "988",
]


def seed(apps, schema_editor):
    CrisisTerm = apps.get_model("search", "CrisisTerm")
    CrisisTerm.objects.bulk_create(
        [CrisisTerm(phrase=phrase) for phrase in DEFAULT_PHRASES], ignore_conflicts=True
    )


def unseed(apps, schema_editor):
    apps.get_model("search", "CrisisTerm").objects.filter(phrase__in=DEFAULT_PHRASES).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_crisis_term")]

    operations = [migrations.RunPython(seed, unseed)]
