"""What the SEO tests build pages from and read them with: the demo's public address and
identity, body blocks, and readers for the tags and JSON-LD crawlers see."""

import json

from bs4 import BeautifulSoup

ROOT_URL = "http://127.0.0.1:8000"
PRACTICE_NAME = "Riverbend Counseling Collective"
SAME_AS = ["https://www.facebook.com/example-riverbend"]
ATOM = "{http://www.w3.org/2005/Atom}"


def faq(question, answer):
    return {"type": "faq", "value": {"items": [{"question": question, "answer": answer}]}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": ""}}


def get_soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def json_ld_graph(soup) -> list[dict]:
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def types_of(node) -> list[str]:
    return node["@type"] if isinstance(node["@type"], list) else [node["@type"]]


def nodes_of_type(graph, schema_type) -> list[dict]:
    return [node for node in graph if schema_type in types_of(node)]


def one_node(graph, schema_type) -> dict:
    (node,) = nodes_of_type(graph, schema_type)
    return node


def meta(soup, **attrs) -> str:
    tag = soup.find("meta", attrs=attrs)
    assert tag is not None, attrs
    return tag["content"]


PAGE_KEYS = [
    "home",
    "standard",
    "article_index",
    "article",
    "service_index",
    "service",
    "therapist_index",
    "therapist",
]
