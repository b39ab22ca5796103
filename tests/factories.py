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
    AppointmentRequestPage,
    ClientGroup,
    InsuranceProvider,
    Language,
    ServiceIndexPage,
    ServicePage,
    Specialty,
    TherapistCredential,
    TherapistIndexPage,
    TherapistLicence,
    TherapistPage,
    TherapistTelehealthState,
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


class LanguageFactory(TermFactory):
    class Meta:
        model = Language
        django_get_or_create = ("name",)


def credentials(*abbreviations: str | tuple[str, str]) -> list[TherapistCredential]:
    """A profile's credentials, e.g. credentials("LPC", ("NCC", "National Certified Counselor"))."""
    return [
        TherapistCredential(abbreviation=item, name="")
        if isinstance(item, str)
        else TherapistCredential(abbreviation=item[0], name=item[1])
        for item in abbreviations
    ]


def licences(*items: tuple[str, str, str]) -> list[TherapistLicence]:
    """State licences as (state, licence type, number)."""
    return [
        TherapistLicence(state=state, licence_type=licence_type, number=number)
        for state, licence_type, number in items
    ]


def telehealth_states(*codes: str) -> list[TherapistTelehealthState]:
    return [TherapistTelehealthState(state=code) for code in codes]


def languages(*names: str) -> list[Language]:
    return [LanguageFactory(name=name) for name in names]


class SitePageFactory(wagtail_factories.PageFactory):
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
    credentials = factory.LazyFunction(
        lambda: credentials(
            ("LPC", "Licensed Professional Counselor"), ("NCC", "National Certified Counselor")
        )
    )
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


class AppointmentRequestPageFactory(SitePageFactory):
    title = "Request an appointment"
    summary = "Ask for a first appointment online; our intake team answers within a business day."

    class Meta:
        model = AppointmentRequestPage


def worry_notes(parent) -> list[ArticlePage]:
    """24 articles that mention worry more or less often, in the title, the body or both: the
    corpus on which the search backends are compared with Wagtail's own."""
    return [
        ArticlePageFactory(
            parent=parent,
            title=f"Worry, note {number}" if number % 5 == 0 else f"Evening note {number}",
            summary="Notes for restless evenings.",
            body=[
                {"type": "paragraph", "value": f"<p>{text}</p>"}
                for text in ["Worry comes and goes."] * (number % 4) + ["Rest helps sleep."]
            ],
        )
        for number in range(24)
    ]
