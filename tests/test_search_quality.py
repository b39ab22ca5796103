"""Search quality on the demo site: each judged visitor search (search/data/judged_queries.json)
finds its best page in the top 3, and the set as a whole reaches an MRR of 0.9, on the
database the suite runs on (SQLite, and PostgreSQL in CI)."""

import pytest

from search.evaluation import evaluate, judged_queries, result_urls

JUDGED = judged_queries()


def test_the_judged_set_is_large_and_varied():
    assert len(JUDGED) >= 60
    assert {"misspelling", "therapist name", "abbreviation", "fees", "telehealth"} <= {
        judgement.kind for judgement in JUDGED
    }


@pytest.mark.parametrize("judgement", JUDGED, ids=[judgement.query for judgement in JUDGED])
def test_best_page_is_in_the_top_three(demo_site, db, client, judgement):
    urls = result_urls(client, judgement.query)
    assert judgement.relevant[0] in urls[:3], urls


def test_mean_reciprocal_rank_and_ndcg(demo_site, db, client):
    result = evaluate(client)
    assert result.mrr >= 0.9
    assert result.ndcg >= 0.85


def test_index_and_utility_pages_never_outrank_pages_about_the_query(demo_site, db, client):
    for query in ("anxiety", "trauma", "couples", "parenting", "panic attacks"):
        urls = result_urls(client, query)
        assert urls[0].startswith(("/articles/", "/services/", "/therapists/")), (query, urls)
        assert urls[0] not in {"/articles/", "/services/", "/therapists/"}, (query, urls)
        for utility in ("/", "/about-us/", "/fees-and-insurance/", "/accessibility/"):
            assert utility not in urls[:3], (query, urls)


def test_articles_and_services_about_a_concern_come_before_therapists(demo_site, db, client):
    urls = result_urls(client, "anxiety")
    assert set(urls[:2]) == {
        "/articles/quieting-a-worried-mind-at-bedtime/",
        "/articles/what-to-do-during-a-panic-attack/",
    }
    assert all(not url.startswith("/therapists/") for url in urls[:4])
    panic = result_urls(client, "panic attacks")
    assert panic[0] == "/articles/what-to-do-during-a-panic-attack/"


def test_misspelt_search_shows_results_for_the_correction(demo_site, db, client):
    response = client.get("/search/", {"q": "anxeity"})
    html = response.content.decode()
    assert "Showing results for <strong>anxiety</strong>" in html
    assert 'href="?q=anxeity&amp;exact=1"' in html
    assert "/articles/what-to-do-during-a-panic-attack/" in result_urls(client, "anxeity")
    # What was typed, when asked for: nothing, and no second correction.
    exact = client.get("/search/", {"q": "anxeity", "exact": "1"}).content.decode()
    assert "Showing results for" not in exact
    assert "Nothing on the site matches" in exact


def test_words_the_site_uses_are_never_corrected(demo_site, db, client):
    for query in ("anxiety", "ander", "attacks", "EMDR", "Whitfield", "parenting"):
        assert "Showing results for" not in client.get("/search/", {"q": query}).content.decode()
