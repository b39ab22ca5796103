"""schema.org structured data (JSON-LD) shared by every page type.

A page describes itself as a list of nodes (`SitePage.get_structured_data`), rendered as one
`@graph`. Nodes refer to each other by `@id` (a URL plus a fragment), so the practice is
described once and then named as publisher, provider or employer by reference.

The practice's details come from its one record, PracticeSettings (Settings › Practice
settings); wagtail-seo's own organisation fields are not read. This module imports no app of
ours.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from wagtailseo.utils import ensure_absolute_url

from .blocks import iter_faq_items
from .text import plain_text

CONTEXT = "https://schema.org"
LANGUAGE = "en-US"

ORGANISATION_TYPE = "MedicalClinic"
MEDICAL_SPECIALTY = "Psychiatric"

LOGO_IMAGE = "max-512x512"
SHARE_IMAGE = "max-1200x1200"


# Inside <script>, "</script>" or "<!--" in a value would end or corrupt the element.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def ref(node_id: str) -> dict:
    return {"@id": node_id}


def organisation_id(home_url: str) -> str:
    return f"{home_url}#organization"


def website_id(home_url: str) -> str:
    return f"{home_url}#website"


def person_id(profile_url: str) -> str:
    return f"{profile_url}#person"


def image_url(image, spec: str, root_url: str) -> str:
    """The absolute address of a rendition (media may already be served from another host)."""
    return ensure_absolute_url(image.get_rendition(spec).url, root_url)


def _without_empty(value):
    """The value without empty properties, so builders need not test each optional field."""
    if isinstance(value, dict):
        pairs = ((key, _without_empty(item)) for key, item in value.items())
        return {key: item for key, item in pairs if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value


def json_ld(nodes: list[dict]) -> SafeString:
    """The nodes as one <script type="application/ld+json"> element, safe to embed in HTML."""
    graph = {"@context": CONTEXT, "@graph": _without_empty(nodes)}
    data = json.dumps(graph, cls=DjangoJSONEncoder)
    return mark_safe(  # noqa: S308 - the characters that could break out of <script> are escaped
        f'<script type="application/ld+json">{data.translate(SCRIPT_ESCAPES)}</script>'
    )


def organisation(practice, *, name: str, home_url: str, root_url: str) -> dict:
    """The practice as a MedicalClinic, from its settings (Settings › Practice settings).

    practice: the site's PracticeSettings; name: what to call the practice when it has no name.
    """
    address = {
        "@type": "PostalAddress",
        "streetAddress": ", ".join(practice.street_address_lines),
        "addressLocality": practice.locality,
        "addressRegion": practice.region,
        "postalCode": practice.postal_code,
        "addressCountry": practice.country,
    }
    node = {
        "@type": ORGANISATION_TYPE,
        "@id": organisation_id(home_url),
        "name": practice.practice_name or name,
        "url": home_url,
        "medicalSpecialty": MEDICAL_SPECIALTY,
        "isAcceptingNewPatients": practice.accepting_new_clients,
        "telephone": practice.phone_e164,
        "email": practice.email,
        "address": address if practice.street_address or practice.locality else None,
        "openingHoursSpecification": [row.value.schema for row in practice.opening_hours],
        "areaServed": [
            {"@type": "State", "name": state.get_state_display()}
            for state in practice.telehealth_states.all()
        ],
        "sameAs": [link.value for link in practice.profile_links],
    }
    if practice.logo:
        node["logo"] = {
            "@type": "ImageObject",
            "url": image_url(practice.logo, LOGO_IMAGE, root_url),
        }
    if practice.latitude is not None and practice.longitude is not None:
        node["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(practice.latitude),
            "longitude": float(practice.longitude),
        }
    return node


def website(*, name: str, home_url: str, root_url: str) -> dict:
    return {
        "@type": "WebSite",
        "@id": website_id(home_url),
        "url": home_url,
        "name": name,
        "inLanguage": LANGUAGE,
        "publisher": ref(organisation_id(home_url)),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{root_url}{reverse('search')}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(crumbs: list[tuple[str, str]], *, page_url: str) -> dict:
    """crumbs: (name, absolute URL) pairs from the home page down to the page itself."""
    return {
        "@type": "BreadcrumbList",
        "@id": f"{page_url}#breadcrumb",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def faq_page(stream_value, *, page_url: str, home_url: str) -> dict | None:
    """An FAQPage for the FAQ blocks in a body, or None when it has none."""
    questions = [
        {
            "@type": "Question",
            "name": question,
            "acceptedAnswer": {"@type": "Answer", "text": plain_text(answer)},
        }
        for question, answer in iter_faq_items(stream_value)
    ]
    if not questions:
        return None
    return {
        "@type": "FAQPage",
        "@id": f"{page_url}#faq",
        "url": page_url,
        "isPartOf": ref(website_id(home_url)),
        "mainEntity": questions,
    }
