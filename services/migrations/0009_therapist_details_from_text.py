"""Therapist profiles' comma-separated credentials, languages, licence and telehealth states
become structured items, on the pages and in their revisions (the editor opens the latest
revision, so an unconverted one would show empty lists and wipe them on the next publish).
Reversible: the text is rebuilt from the items."""

from django.db import migrations
from django.utils.text import slugify

from practice.us_states import USState

# What the abbreviations a US practice commonly lists stand for; others keep the letters only.
CREDENTIAL_NAMES = {
    "ALC": "Associate Licensed Counselor",
    "CCTP": "Certified Clinical Trauma Professional",
    "LCPC": "Licensed Clinical Professional Counselor",
    "LCSW": "Licensed Clinical Social Worker",
    "LICSW": "Licensed Independent Clinical Social Worker",
    "LMFT": "Licensed Marriage and Family Therapist",
    "LMHC": "Licensed Mental Health Counselor",
    "LMSW": "Licensed Master Social Worker",
    "LPC": "Licensed Professional Counselor",
    "LPC-S": "Licensed Professional Counselor Supervisor",
    "LPCC": "Licensed Professional Clinical Counselor",
    "MD": "Doctor of Medicine",
    "NCC": "National Certified Counselor",
    "PHD": "Doctor of Philosophy",
    "PMH-C": "Perinatal Mental Health Certification",
    "PMHNP-BC": "Psychiatric-Mental Health Nurse Practitioner",
    "PSYD": "Doctor of Psychology",
    "RPT": "Registered Play Therapist",
}
STATE_BY_NAME = {str(label).upper(): code for code, label in USState.choices}
TEXT_FIELDS = ("credentials", "languages", "licence_type", "licence_number", "licence_states")


def split_list(text) -> list[str]:
    return [item.strip() for item in (text or "").split(",") if item.strip()]


def states(text) -> list[str]:
    """Two-letter codes from 'AL, GA' or 'Alabama, Georgia'; anything else is left out."""
    codes = []
    for item in split_list(text):
        code = item.upper() if item.upper() in USState.values else STATE_BY_NAME.get(item.upper())
        if code and code not in codes:
            codes.append(code)
    return codes


def structured(text: dict, language_ids) -> dict:
    """The items for one profile's text fields, as a revision stores child objects."""
    licence_states = states(text["licence_states"]) or [""]
    has_licence = text["licence_type"] or text["licence_number"] or text["licence_states"]
    return {
        "credentials": [
            {"abbreviation": letters[:20], "name": CREDENTIAL_NAMES.get(letters.upper(), "")}
            for letters in split_list(text["credentials"])
        ],
        "licences": [
            {
                "state": state,
                "licence_type": text["licence_type"],
                # A number belongs to one state's licence: keep it on the first only.
                "number": text["licence_number"] if position == 0 else "",
            }
            for position, state in enumerate(licence_states)
        ]
        if has_licence
        else [],
        "telehealth_states": [{"state": state} for state in states(text["telehealth_states"])],
        "languages": [language_ids(name) for name in split_list(text["languages"])],
    }


def as_revision_items(items: list[dict], page_id: int) -> list[dict]:
    return [
        {"pk": None, "page": page_id, "sort_order": position, **item}
        for position, item in enumerate(items)
    ]


def therapist_revisions(apps, page_id):
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="services", model="therapistpage").first()
    if content_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(content_type=content_type, object_id=str(page_id))


def text_to_items(apps, schema_editor):
    TherapistPage = apps.get_model("services", "TherapistPage")
    Language = apps.get_model("services", "Language")
    child_models = {
        "credentials": apps.get_model("services", "TherapistCredential"),
        "licences": apps.get_model("services", "TherapistLicence"),
        "telehealth_states": apps.get_model("services", "TherapistTelehealthState"),
    }
    page_languages = TherapistPage._meta.get_field("languages").remote_field.through

    def language_id(name):
        language = Language.objects.filter(name__iexact=name).first()
        if language is None:
            language = Language.objects.create(name=name, slug=slugify(name)[:80])
        return language.pk

    for page in TherapistPage.objects.all():
        text = {
            "credentials": page.credentials_text,
            "languages": page.languages_text,
            "licence_type": page.licence_type,
            "licence_number": page.licence_number,
            "licence_states": page.licence_states,
            "telehealth_states": page.telehealth_states_text,
        }
        items = structured(text, language_id)
        for relation, model in child_models.items():
            model.objects.bulk_create(
                model(page_id=page.pk, sort_order=position, **item)
                for position, item in enumerate(items[relation])
            )
        page_languages.objects.bulk_create(
            page_languages(therapistpage_id=page.pk, language_id=pk) for pk in items["languages"]
        )
        for revision in therapist_revisions(apps, page.pk):
            content = revision.content
            if not isinstance(content.get("credentials", ""), str):
                continue  # already structured
            revision_text = {name: content.pop(name, "") for name in TEXT_FIELDS}
            revision_text["telehealth_states"] = content.get("telehealth_states", "")
            revision_items = structured(revision_text, language_id)
            content["languages"] = revision_items.pop("languages")
            for relation, items_of_relation in revision_items.items():
                content[relation] = as_revision_items(items_of_relation, page.pk)
            revision.save(update_fields=["content"])


def items_to_text(apps, schema_editor):
    TherapistPage = apps.get_model("services", "TherapistPage")
    Language = apps.get_model("services", "Language")
    Credential = apps.get_model("services", "TherapistCredential")
    Licence = apps.get_model("services", "TherapistLicence")
    TelehealthState = apps.get_model("services", "TherapistTelehealthState")
    page_languages = TherapistPage._meta.get_field("languages").remote_field.through
    names = dict(Language.objects.values_list("pk", "name"))

    def text_of(credentials, languages, licences, telehealth_states) -> dict:
        numbered = [licence for licence in licences if licence["number"]]
        return {
            "credentials_text": ", ".join(item["abbreviation"] for item in credentials),
            "languages_text": ", ".join(sorted(names[pk] for pk in languages if pk in names))
            or "English",
            "licence_type": licences[0]["licence_type"] if licences else "",
            "licence_number": numbered[0]["number"] if numbered else "",
            "licence_states": ", ".join(item["state"] for item in licences if item["state"]),
            "telehealth_states_text": ", ".join(item["state"] for item in telehealth_states),
        }

    for page in TherapistPage.objects.all():
        values = text_of(
            list(Credential.objects.filter(page_id=page.pk).order_by("sort_order").values()),
            list(
                page_languages.objects.filter(therapistpage_id=page.pk)
                .order_by("pk")
                .values_list("language_id", flat=True)
            ),
            list(Licence.objects.filter(page_id=page.pk).order_by("sort_order").values()),
            list(TelehealthState.objects.filter(page_id=page.pk).order_by("sort_order").values()),
        )
        TherapistPage.objects.filter(pk=page.pk).update(**values)
        for model in (Credential, Licence, TelehealthState):
            model.objects.filter(page_id=page.pk).delete()
        page_languages.objects.filter(therapistpage_id=page.pk).delete()
        for revision in therapist_revisions(apps, page.pk):
            content = revision.content
            if isinstance(content.get("credentials", ""), str):
                continue  # still text
            text = text_of(
                content.pop("credentials", []),
                content.pop("languages", []),
                content.pop("licences", []),
                content.pop("telehealth_states", []),
            )
            content.update(
                credentials=text["credentials_text"],
                languages=text["languages_text"],
                telehealth_states=text["telehealth_states_text"],
                licence_type=text["licence_type"],
                licence_number=text["licence_number"],
                licence_states=text["licence_states"],
            )
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0008_structured_therapist_details"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(text_to_items, items_to_text)]
