"""Reading the site's sitemap as a crawler does: the index, then every section it names."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def parse_xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 - our own server's response, not untrusted input


def sitemap_sections(client) -> list[str]:
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    return [loc.text for loc in parse_xml(index.content).iter(f"{SITEMAP}loc")]


def sitemap_entries(client) -> dict[str, str]:
    """Every page address the sitemap lists, with its lastmod."""
    entries = {}
    for section in sitemap_sections(client):
        address = urlsplit(section)
        response = client.get(
            address.path, dict(p.split("=") for p in address.query.split("&") if p)
        )
        assert response.status_code == 200
        for url in parse_xml(response.content).findall(f"{SITEMAP}url"):
            entries[url.findtext(f"{SITEMAP}loc")] = url.findtext(f"{SITEMAP}lastmod")
    return entries
