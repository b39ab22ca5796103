"""Carry the practice's identity into its structured fields.

From the practice settings' own free text where it parses (address, office hours, phone), else
from wagtail-seo's organisation fields (Settings › SEO), which the JSON-LD used to read. Phone
numbers are stored as E.164; a number that cannot be read is kept as typed, so the settings
form shows it with an error rather than losing it. Reversible: the reverse writes the free
text back from the structure.
"""

import json
import re
from decimal import Decimal

from django.db import migrations

import phonenumbers

# The built-in crisis text of the old settings field; a site that kept it gets the new
# built-in message (practice/crisis.py), which the crisis include shows beside fixed links.
OLD_DEFAULT_CRISIS_RESOURCES = (
    "<p><b>If you are thinking about suicide or are in crisis, help is available now.</b> "
    'Call or text <a href="tel:988">988</a> to reach the 988 Suicide &amp; Crisis Lifeline, '
    "free and confidential, 24 hours a day. "
    'If you or someone else is in immediate danger, call <a href="tel:911">911</a>.</p>'
)
US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah",
    "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "U.S. Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
}  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

LOCALITY_LINE = re.compile(
    r"^(?P<locality>[^,]+),\s*(?P<region>[A-Za-z]{2})\s+(?P<postal>\d{5}(?:-\d{4})?)$"
)
TIME = r"\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?"
HOURS_LINE = re.compile(
    rf"^(?P<days>[A-Za-z ,–—-]+?)\s*:\s*(?P<opens>{TIME})\s*(?:[–—-]|to)\s*(?P<closes>{TIME})"
    r"\s*(?:\((?P<note>[^)]*)\))?$",
    re.IGNORECASE,
)


def state_code(value: str) -> str:
    value = (value or "").strip()
    if value.upper() in US_STATES:
        return value.upper()
    by_name = {name.lower(): code for code, name in US_STATES.items()}
    return by_name.get(value.lower(), "")


def e164_or_as_typed(text: str) -> str:
    try:
        number = phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_valid_number(number):
        return text
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def parse_time(text: str) -> str:
    """ "8am", "8:30 p.m." as "08:00:00", "20:30:00"."""
    text = text.lower().replace(".", "").replace(" ", "")
    hour, _, minute = text[:-2].partition(":")
    hour = int(hour) % 12 + (12 if text.endswith("pm") else 0)
    return f"{hour:02d}:{int(minute or 0):02d}:00"


def parse_day(text: str) -> int:
    text = text.strip().lower()
    matches = [index for index, day in enumerate(WEEKDAYS) if day.lower().startswith(text[:3])]
    if len(text) < 3 or len(matches) != 1:
        raise ValueError(text)
    return matches[0]


def parse_days(text: str) -> list[str]:
    days = []
    for part in text.split(","):
        ends = re.split(r"\s*(?:[–—-]|\bto\b)\s*", part.strip())
        first, last = parse_day(ends[0]), parse_day(ends[-1])
        days += (
            WEEKDAYS[first : last + 1] if first <= last else WEEKDAYS[first:] + WEEKDAYS[: last + 1]
        )
    return days


def hours_from_text(text: str) -> list[dict] | None:
    """Office hours typed one line per row, or None when a line cannot be read."""
    rows = []
    for line in filter(None, (line.strip() for line in text.splitlines())):
        match = HOURS_LINE.match(line)
        try:
            days = parse_days(match["days"]) if match else None
        except ValueError:
            days = None
        if not days:
            return None
        value = {
            "days": days,
            "opens": parse_time(match["opens"]),
            "closes": parse_time(match["closes"]),
            "note": (match["note"] or "").strip(),
        }
        rows.append({"type": "hours", "value": value})
    return rows


def hours_from_seo(stream) -> list[dict]:
    return [
        {
            "type": "hours",
            "value": {
                "days": [day for day in block["value"].get("days", []) if day in WEEKDAYS],
                "opens": block["value"].get("start_time"),
                "closes": block["value"].get("end_time"),
                "note": "",
            },
        }
        for block in stream.raw_data
        if block["type"] == "hours"
        and block["value"].get("start_time")
        and set(block["value"].get("days", [])) & set(WEEKDAYS)
    ]


def extra_json(seo) -> dict:
    try:
        extra = json.loads(seo.struct_org_extra_json or "{}")
    except ValueError:
        return {}
    return extra if isinstance(extra, dict) else {}


def fill_address(practice, seo):
    lines = [line.strip() for line in practice.address.splitlines() if line.strip()]
    match = LOCALITY_LINE.match(lines[-1]) if lines else None
    if match and state_code(match["region"]):
        practice.street_address = "\n".join(lines[:-1])
        practice.locality = match["locality"].strip()
        practice.region = state_code(match["region"])
        practice.postal_code = match["postal"]
    elif lines:
        practice.street_address = "\n".join(lines)
    elif seo and seo.struct_org_address_street:
        practice.street_address = seo.struct_org_address_street
        practice.locality = seo.struct_org_address_locality
        practice.region = state_code(seo.struct_org_address_region)
        practice.postal_code = seo.struct_org_address_postal[:10]
        practice.country = (seo.struct_org_address_country or "US")[:2].upper()


def fill_from_seo(practice, seo):
    extra = extra_json(seo)
    practice.practice_name = practice.practice_name or seo.struct_org_name
    practice.phone = practice.phone or seo.struct_org_phone
    practice.email = practice.email or str(extra.get("email", ""))[:254]
    practice.logo_id = seo.struct_org_logo_id
    if seo.struct_org_geo_lat is not None and seo.struct_org_geo_lng is not None:
        practice.latitude = round(Decimal(seo.struct_org_geo_lat), 6)
        practice.longitude = round(Decimal(seo.struct_org_geo_lng), 6)
    same_as = extra.get("sameAs", [])
    same_as = [same_as] if isinstance(same_as, str) else same_as
    practice.profile_links = [
        {"type": "profile", "value": url}
        for url in same_as
        if isinstance(url, str) and url.startswith("http")
    ]
    if isinstance(extra.get("isAcceptingNewPatients"), bool):
        practice.accepting_new_clients = extra["isAcceptingNewPatients"]


def carry_identity_across(apps, schema_editor):
    PracticeSettings = apps.get_model("practice", "PracticeSettings")
    SeoSettings = apps.get_model("wagtailseo", "SeoSettings")
    seo_by_site = {seo.site_id: seo for seo in SeoSettings.objects.all()}
    practices = list(PracticeSettings.objects.all())
    for site_id, seo in seo_by_site.items():
        if seo.struct_org_name and not any(p.site_id == site_id for p in practices):
            practices.append(PracticeSettings(site_id=site_id, practice_name=""))
    for practice in practices:
        seo = seo_by_site.get(practice.site_id)
        if seo:
            fill_from_seo(practice, seo)
        fill_address(practice, seo)
        hours = hours_from_text(practice.opening_hours_text)
        if (not hours) and seo and seo.struct_org_hours:
            hours = hours_from_seo(seo.struct_org_hours)
        practice.opening_hours = hours or []
        practice.phone = e164_or_as_typed(practice.phone) if practice.phone else ""
        if practice.crisis_resources != OLD_DEFAULT_CRISIS_RESOURCES:
            practice.crisis_message = practice.crisis_resources
        practice.save()


def time_label(value: str) -> str:
    hour, minute = (int(part) for part in value.split(":")[:2])
    minutes = f":{minute:02d}" if minute else ""
    return f"{hour % 12 or 12}{minutes}{'am' if hour < 12 else 'pm'}"


def write_text_back(apps, schema_editor):
    PracticeSettings = apps.get_model("practice", "PracticeSettings")
    for practice in PracticeSettings.objects.all():
        locality = f"{practice.locality}, {practice.region} {practice.postal_code}".strip(", ")
        practice.address = "\n".join(filter(None, [practice.street_address, locality]))
        practice.opening_hours_text = "\n".join(
            f"{', '.join(row['value']['days'])}: {time_label(row['value']['opens'])}–"
            f"{time_label(row['value']['closes'])}"
            + (f" ({row['value']['note']})" if row["value"].get("note") else "")
            for row in practice.opening_hours.raw_data
        )
        practice.crisis_resources = practice.crisis_message or OLD_DEFAULT_CRISIS_RESOURCES
        try:
            number = phonenumbers.parse(practice.phone, "US")
            practice.phone = phonenumbers.format_number(
                number, phonenumbers.PhoneNumberFormat.NATIONAL
            )
        except phonenumbers.NumberParseException:
            pass
        practice.save()


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0005_practice_identity_fields"),
        ("wagtailseo", "0004_seosettings_og_image_default"),
    ]

    operations = [migrations.RunPython(carry_identity_across, write_text_back)]
