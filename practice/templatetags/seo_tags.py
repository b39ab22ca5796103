"""The page's structured data as JSON-LD, for templates/includes/seo_head.html."""

from django import template

from practice.structured_data import json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """<script type="application/ld+json"> with the page's schema.org graph, or nothing."""
    nodes = page.get_structured_data(context.get("request"))
    return json_ld(nodes) if nodes else ""
