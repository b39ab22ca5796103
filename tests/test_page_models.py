"""Page-type rules: editors can only build the tree the site is designed for."""

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

import pytest

from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage, StandardPage
from practice.pages import IndexPage, SitePage
from services.models import (
    AppointmentRequestPage,
    ServiceIndexPage,
    ServicePage,
    TherapistIndexPage,
    TherapistPage,
)

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    StandardPageFactory,
    TherapistIndexPageFactory,
    TherapistPageFactory,
    publish_as_reviewed,
)

INDEX_PAGES = [ArticleIndexPage, ServiceIndexPage, TherapistIndexPage]

# Each page type and the exact parent and child types it allows.
TREE_RULES = {
    HomePage: ({Page}, {*INDEX_PAGES, AppointmentRequestPage, StandardPage}),
    ArticleIndexPage: ({HomePage}, {ArticlePage}),
    ArticlePage: ({ArticleIndexPage}, set()),
    ServiceIndexPage: ({HomePage}, {ServicePage}),
    ServicePage: ({ServiceIndexPage}, set()),
    TherapistIndexPage: ({HomePage}, {TherapistPage}),
    TherapistPage: ({TherapistIndexPage}, set()),
    StandardPage: ({HomePage, StandardPage}, {StandardPage}),
    AppointmentRequestPage: ({HomePage}, set()),
}


def test_every_page_type_has_tree_rules():
    assert set(get_page_models()) - {Page} == set(TREE_RULES)


@pytest.mark.parametrize("model", TREE_RULES, ids=lambda model: model.__name__)
def test_allowed_parent_and_child_types(model):
    parents, children = TREE_RULES[model]
    assert set(model.allowed_parent_page_models()) == parents
    assert set(model.allowed_subpage_models()) == children


def test_home_page_lives_only_under_the_root(home_page):
    root = Page.get_first_root_node()
    assert HomePage.can_exist_under(root)
    assert not HomePage.can_exist_under(home_page)
    # max_count = 1: the migrations' home page is the only one.
    assert not HomePage.can_create_at(root)


def test_nothing_but_a_home_page_can_be_created_under_the_root(db):
    root = Page.get_first_root_node()
    assert [model for model in get_page_models() if model.can_create_at(root)] == []
    assert root.specific_class.creatable_subpage_models() == [HomePage]


@pytest.mark.parametrize("model", INDEX_PAGES, ids=lambda model: model.__name__)
def test_index_pages_at_most_one_under_home(home_page, model):
    assert model.can_create_at(home_page)
    home_page.add_child(instance=model(title="The index", slug="the-index"))
    assert not model.can_create_at(home_page)


@pytest.mark.parametrize("model", INDEX_PAGES, ids=lambda model: model.__name__)
def test_index_pages_not_under_a_standard_page(home_page, model):
    standard_page = StandardPageFactory(parent=home_page)
    assert not model.can_create_at(standard_page)


def test_articles_only_under_the_articles_index(
    home_page, article_index, service_index, therapist_index
):
    assert ArticlePage.can_create_at(article_index)
    for parent in (
        home_page,
        service_index,
        therapist_index,
        StandardPageFactory(parent=home_page),
    ):
        assert not ArticlePage.can_create_at(parent)
    article = ArticlePageFactory(parent=article_index)
    assert not ArticlePage.can_create_at(article)


def test_services_only_under_the_services_index(
    home_page, article_index, service_index, therapist_index
):
    assert ServicePage.can_create_at(service_index)
    for parent in (home_page, article_index, therapist_index):
        assert not ServicePage.can_create_at(parent)
    service = ServicePageFactory(parent=service_index)
    assert not ServicePage.can_create_at(service)


def test_therapists_only_under_the_therapists_index(
    home_page, article_index, service_index, therapist_index
):
    assert TherapistPage.can_create_at(therapist_index)
    for parent in (home_page, article_index, service_index):
        assert not TherapistPage.can_create_at(parent)
    therapist = TherapistPageFactory(parent=therapist_index)
    assert not TherapistPage.can_create_at(therapist)


def test_standard_pages_under_home_or_another_standard_page(
    home_page, article_index, service_index, therapist_index
):
    about = StandardPageFactory(parent=home_page)
    assert StandardPage.can_create_at(home_page)
    assert StandardPage.can_create_at(about)
    for parent in (article_index, service_index, therapist_index):
        assert not StandardPage.can_create_at(parent)


def words(count):
    return " ".join(["steady"] * count)


def test_reading_time_is_computed_from_the_body_when_saved(article_index):
    article = ArticlePageFactory(
        parent=article_index,
        body=[{"type": "paragraph", "value": f"<p><b>{words(450)}</b></p>"}],
    )
    article.refresh_from_db()
    # 450 words at 200 a minute, rounded up.
    assert article.reading_time == 3

    article.body = [{"type": "paragraph", "value": f"<p>{words(1000)}</p>"}]
    publish_as_reviewed(article)  # articles go live only with a recorded clinical review
    article.refresh_from_db()
    assert article.reading_time == 5


def test_reading_time_counts_the_words_of_every_block_and_nothing_else(article_index):
    def body(strategy_words):
        return [
            {"type": "heading", "value": {"text": words(50), "level": "h2", "anchor": "a-b"}},
            {"type": "bulleted_list", "value": {"lead_in": words(50), "items": [words(25)] * 2}},
            {
                "type": "strategies",
                "value": {
                    "numbered": True,
                    "items": [{"title": words(25), "text": f"<p>{words(strategy_words)}</p>"}],
                },
            },
        ]

    # Exactly 200 words of prose: one minute, so levels, anchors and flags were not counted.
    assert ArticlePageFactory(parent=article_index, body=body(25)).reading_time == 1
    assert ArticlePageFactory(parent=article_index, body=body(26)).reading_time == 2


def test_an_empty_article_takes_a_minute_to_read(article_index):
    assert ArticlePageFactory(parent=article_index, body=[]).reading_time == 1


# -- One index-page base, one summary field --------------------------------------------------


@pytest.mark.parametrize("model", INDEX_PAGES, ids=lambda model: model.__name__)
def test_index_pages_share_one_base(model):
    assert issubclass(model, IndexPage)
    assert model.schema_page_type == "CollectionPage"
    assert model.parent_page_types == ["home.HomePage"]
    assert model.max_count_per_parent == 1
    assert [panel.field_name for panel in model.content_panels[-2:]] == ["summary", "intro"]
    assert {field.field_name for field in model.search_fields} >= {"title", "summary", "intro"}


PAGE_MODELS = [model for model in TREE_RULES if model is not HomePage]
SUMMARY_REQUIRED = {ArticlePage, ServicePage, TherapistPage}


@pytest.mark.parametrize("model", [HomePage, *PAGE_MODELS], ids=lambda model: model.__name__)
def test_summary_is_declared_once_on_the_page_base(model):
    # Django copies an abstract base's field into each page type, keeping its creation
    # counter; a field declared again on the page type would have a counter of its own.
    base_field = SitePage._meta.get_field("summary")
    field = model._meta.get_field("summary")
    assert field.creation_counter == base_field.creation_counter
    assert field.max_length == 300
    assert field.blank is (model not in SUMMARY_REQUIRED)
    assert model.summary_required is (model in SUMMARY_REQUIRED)


PAGE_FACTORIES = {
    ArticleIndexPage: (ArticleIndexPageFactory, None),
    ServiceIndexPage: (ServiceIndexPageFactory, None),
    TherapistIndexPage: (TherapistIndexPageFactory, None),
    StandardPage: (StandardPageFactory, None),
    ArticlePage: (ArticlePageFactory, ArticleIndexPageFactory),
    ServicePage: (ServicePageFactory, ServiceIndexPageFactory),
    TherapistPage: (TherapistPageFactory, TherapistIndexPageFactory),
}


@pytest.fixture
def page_of_type(home_page):
    def make(model, **kwargs):
        factory, parent_factory = PAGE_FACTORIES[model]
        parent = parent_factory(parent=home_page) if parent_factory else home_page
        return factory(parent=parent, **kwargs)

    return make


@pytest.mark.parametrize("model", PAGE_FACTORIES, ids=lambda model: model.__name__)
def test_summary_is_required_to_publish_only_where_the_page_type_needs_it(page_of_type, model):
    page = page_of_type(model)
    page.summary = ""

    if model in SUMMARY_REQUIRED:
        with pytest.raises(ValidationError) as error:
            page.save_revision().publish()
        assert "summary" in error.value.message_dict
    else:
        page.save_revision().publish()
        page.refresh_from_db()
        assert page.live


def test_a_draft_may_be_saved_without_a_summary_but_not_published(admin_client, page_of_type):
    service = page_of_type(ServicePage, live=False)
    url = reverse("wagtailadmin_pages:edit", args=[service.pk])

    def submit(action):
        data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
        # Wagtail draws StreamFields in JavaScript: send the body as the browser would.
        body = streamfield([("paragraph", rich_text("<p>Worry is common and treatable.</p>"))])
        data.update(nested_form_data({"body": body}))
        data["summary"] = ""
        data[action] = action
        return admin_client.post(url, data)

    refused = submit("action-publish")
    assert refused.status_code == 200  # the form again, with the error on the field
    assert "summary" in refused.context["form"].errors
    service.refresh_from_db()
    assert not service.live
    assert submit("action-save").status_code == 302
    service.refresh_from_db()
    assert service.get_latest_revision_as_object().summary == ""
