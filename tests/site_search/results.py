"""How the search tests ask /search/ and read its results."""

import json
import re

from django.urls import reverse

RESULT_LINK = re.compile(r'class="search-result__title"><a href="([^"]*)">')
SEARCH_URL = reverse("search")
CRISIS_RESPONSE = 'class="crisis-banner search-crisis"'


def paragraphs(*texts):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts])


def result_urls(response) -> list[str]:
    return RESULT_LINK.findall(response.content.decode())


def search(client, **params):
    response = client.get(SEARCH_URL, params)
    assert response.status_code == 200
    return response
