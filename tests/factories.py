"""factory_boy factories for every page type and snippet. Pages are created under their
proper parents so that the page-type rules hold in tests as on the real site."""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Collection

import factory
import wagtail_factories

from articles.models import ArticleIndexPage, ArticlePage, ArticleTopic, ClinicalReview
from home.models import HomePage, StandardPage
from practice.images import PracticeImage
from services.models import (
    ClientGroup,
    InsuranceProvider,
    ServiceIndexPage,
    ServicePage,
    Specialty,
    TherapistIndexPage,
    TherapistPage,
)


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    alt_text = factory.Sequence(lambda n: f"A calm test image number {n}")
    file = factory.django.ImageField(width=800, height=450, color="#6b8f71")
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = PracticeImage


class TermFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda term: slugify(term.name))

    class Meta:
        abstract = True


class ArticleTopicFactory(TermFactory):
    class Meta:
        model = ArticleTopic


class SpecialtyFactory(TermFactory):
    class Meta:
        model = Specialty


class ClientGroupFactory(TermFactory):
    class Meta:
        model = ClientGroup


class InsuranceProviderFactory(TermFactory):
    class Meta:
        model = InsuranceProvider


class SitePageFactory(wagtail_factories.PageFactory):
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    class Meta:
        abstract = True


class HomePageFactory(SitePageFactory):
    title = "Home"
    hero_heading = "Care for anxiety and trauma"

    class Meta:
        model = HomePage


class StandardPageFactory(SitePageFactory):
    title = factory.Sequence(lambda n: f"About us {n}")
    summary = "Who we are and how we work with clients."

    class Meta:
        model = StandardPage


class ArticleIndexPageFactory(SitePageFactory):
    title = "Articles"
    summary = "Self-help articles written and reviewed by our clinicians."

    class Meta:
        model = ArticleIndexPage


class ServiceIndexPageFactory(SitePageFactory):
    title = "Services"
    summary = "The therapies we offer for anxiety, trauma and more."

    class Meta:
        model = ServiceIndexPage


class TherapistIndexPageFactory(SitePageFactory):
    title = "Our therapists"
    summary = "Meet the counselors, social workers and psychologists on our team."

    class Meta:
        model = TherapistIndexPage


class ServicePageFactory(SitePageFactory):
    title = factory.Sequence(lambda n: f"Therapy approach {n}")
    summary = factory.LazyAttribute(lambda page: f"How {page.title} helps with anxiety and stress.")

    class Meta:
        model = ServicePage


class TherapistPageFactory(SitePageFactory):
    title = factory.Sequence(lambda n: f"Jordan Example {n}")
    credentials = "LPC, NCC"
    job_title = "Staff therapist"
    summary = "I help adults with anxiety find steadier ground, at their own pace."

    class Meta:
        model = TherapistPage


class ArticlePageFactory(SitePageFactory):
    """A live article has gone through clinical review, as on the real site: its live revision
    carries a recorded review (by a test reviewer account)."""

    title = factory.Sequence(lambda n: f"Coping with worry, part {n}")
    summary = "Practical steps for the moments when worry takes over."

    class Meta:
        model = ArticlePage

    @classmethod
    def _create(cls, model_class, *args, live=True, **kwargs):
        page = super()._create(model_class, *args, live=False, **kwargs)
        if live:
            publish_as_reviewed(page)
        return page


def publish_as_reviewed(article, user=None):
    """Publish the article's current state as if a clinical reviewer had approved it."""
    user = user or get_user_model().objects.get_or_create(username="factory-reviewer")[0]
    revision = article.save_revision(user=user, clean=False, log_action=False)
    ClinicalReview.objects.create(
        article=article,
        revision=revision,
        approved_by=user,
        reviewer_id=article.clinical_reviewer_id,
        reviewed_on=article.last_reviewed or timezone.localdate(),
    )
    revision.publish(user=user, skip_permission_checks=True, log_action=False)
    article.refresh_from_db()
    return revision
