"""A starting vocabulary of synonyms, and crisis terms for more phrasings (staff extend both
under Settings). Terms are stored as lower-case words, as the models' clean() stores them."""

from django.db import migrations

SYNONYMS = [
    "ptsd, trauma, traumatic, post traumatic stress, flashbacks",
    "marriage, marital, couples, couple, partner, relationship",
    "counseling, counselling, therapy, therapist, counselor, treatment",
    "kids, kid, children, child, childhood",
    "teen, teens, teenager, adolescent, youth",
    "postpartum, perinatal, postnatal, new mom, new parents, pregnancy",
    "ocd, obsessive compulsive, intrusive thoughts",
    "anxiety, anxious, worry, worried, nervous",
    "panic, panic attack",
    "depression, depressed, low mood, sad",
    "grief, grieving, bereavement, loss, losing a loved one",
    "insurance, insured, copay, coverage, aetna, blue cross, cigna",
    "fees, cost, price, sliding scale",
    "telehealth, online, video, virtual, remote",
    "cbt, cognitive behavioral therapy, cognitive behavioural therapy",
    "dbt, dialectical behavior therapy",
    "ifs, internal family systems, parts work",
    "emdr, eye movement desensitization",
    "mindfulness, meditation",
    "sleep, insomnia, bedtime, night",
    "appointment, book, booking, schedule",
    "argument, arguing, fighting, conflict",
    "guilt, guilty, shame",
    "grounding, coping, calming",
    "racing thoughts, overthinking, worried mind, rumination",
]

# (phrase, whole search only)
CRISIS_TERMS = [
    ("od", False),
    ("cutting", True),
    ("cut myself", False),
    ("hang myself", False),
    ("shoot myself", False),
    ("unalive", False),
    ("kms", False),
    ("kys", False),
    ("cant go on", False),
    ("dont want to live", False),
    ("don t want to be alive", False),
    ("dont want to be alive", False),
    ("wish i was dead", False),
    ("wish i were dead", False),
    ("want to be dead", False),
    ("no point in living", False),
    ("end it", True),
    ("die", True),
]


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    CrisisTerm = apps.get_model("search", "CrisisTerm")
    SearchSynonym.objects.bulk_create(
        [SearchSynonym(terms=terms) for terms in SYNONYMS], ignore_conflicts=True
    )
    CrisisTerm.objects.bulk_create(
        [CrisisTerm(phrase=phrase, whole_search=whole) for phrase, whole in CRISIS_TERMS],
        ignore_conflicts=True,
    )


def unseed(apps, schema_editor):
    apps.get_model("search", "SearchSynonym").objects.filter(terms__in=SYNONYMS).delete()
    apps.get_model("search", "CrisisTerm").objects.filter(
        phrase__in=[phrase for phrase, _ in CRISIS_TERMS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0005_synonyms_and_whole_search_crisis_terms")]

    operations = [migrations.RunPython(seed, unseed)]
