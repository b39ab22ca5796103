"""schema.org structured data (JSON-LD) shared by every page type.

A page describes itself as a list of nodes (`SitePage.get_structured_data`), rendered as one
`@graph`. Nodes refer to each other by `@id` (a URL plus a fragment), so the practice is
described once and then named as publisher, provider or employer by reference.

The practice's details come from wagtail-seo's SeoSettings (Settings › SEO), so editors keep
them in one place. This module imports no app of ours.
"""

import json
import logging

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from wagtailseo.utils import ensure_absolute_url

from .blocks import iter_faq_items
from .text import plain_text

logger = logging.getLogger(__name__)

CONTEXT = "https://schema.org"
LANGUAGE = "en-US"

# A therapy practice is a clinic, whatever generic type the SEO settings leave in place.
ORGANISATION_TYPE = "MedicalClinic"
GENERIC_ORGANISATION_TYPES = {"", "Organization", "LocalBusiness", "MedicalOrganization"}
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


def _extra_organisation_data(org_fields) -> dict:
    """Editors' additional markup (e.g. sameAs links). A typing mistake there must not take
    every page down, so invalid JSON is logged and left out."""
    if not org_fields.struct_org_extra_json:
        return {}
    try:
        extra = json.loads(org_fields.struct_org_extra_json)
    except ValueError:
        logger.warning("Ignoring invalid JSON in Settings › SEO › Additional Organization markup")
        return {}
    return extra if isinstance(extra, dict) else {}


def organisation(org_fields, *, name: str, home_url: str, root_url: str) -> dict:
    """The practice as a MedicalClinic, from wagtail-seo's organisation fields."""
    org_type = org_fields.struct_org_type
    node = {
        "@type": ORGANISATION_TYPE if org_type in GENERIC_ORGANISATION_TYPES else org_type,
        "@id": organisation_id(home_url),
        "name": name,
        "url": home_url,
        "medicalSpecialty": MEDICAL_SPECIALTY,
        # A practice that is full says so in the additional markup, which overrides this.
        "isAcceptingNewPatients": True,
    }
    if org_fields.struct_org_logo:
        node["logo"] = {
            "@type": "ImageObject",
            "url": image_url(org_fields.struct_org_logo, LOGO_IMAGE, root_url),
        }
    if org_fields.struct_org_image:
        node["image"] = image_url(org_fields.struct_org_image, SHARE_IMAGE, root_url)
    if org_fields.struct_org_phone:
        node["telephone"] = org_fields.struct_org_phone
    if org_fields.struct_org_address_street:
        node["address"] = {
            "@type": "PostalAddress",
            "streetAddress": org_fields.struct_org_address_street,
            "addressLocality": org_fields.struct_org_address_locality,
            "addressRegion": org_fields.struct_org_address_region,
            "postalCode": org_fields.struct_org_address_postal,
            "addressCountry": org_fields.struct_org_address_country,
        }
    if org_fields.struct_org_geo_lat is not None and org_fields.struct_org_geo_lng is not None:
        node["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(org_fields.struct_org_geo_lat),
            "longitude": float(org_fields.struct_org_geo_lng),
        }
    if org_fields.struct_org_hours:
        node["openingHoursSpecification"] = [
            block.value.struct_dict for block in org_fields.struct_org_hours
        ]
    if org_fields.struct_org_actions:
        node["potentialAction"] = [
            block.value.struct_dict for block in org_fields.struct_org_actions
        ]
    node.update(_extra_organisation_data(org_fields))
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
