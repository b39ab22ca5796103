"""Build the fictional Riverbend Counseling Collective demo site, or bring it up to date.

Safe to run again: images are found by title, snippets by slug and pages by slug under their
parent, and updated in place. A page gets a new revision only when its content changed.
The content itself lives in `home.demo`.
"""

import json
import logging
from collections import Counter
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.forms.models import model_to_dict
from django.utils.text import slugify

from wagtail.blocks.base import get_error_json_data
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from wagtailseo.models import SeoSettings

from articles.models import ArticleIndexPage, ArticlePage, ArticleTopic
from articles.review import publish_reviewed_elsewhere
from home.demo import articles, services, site, therapists
from home.demo.images import image_file
from home.demo.stream import PAGE_LINK_PATTERN, DaysAgo, ImageRef, PageRef
from home.models import HomePage, StandardPage
from practice.images import PracticeImage
from practice.models import PracticeSettings
from services.models import (
    AppointmentRequestPage,
    ClientGroup,
    InsuranceProvider,
    Language,
    ServiceIndexPage,
    ServicePage,
    Specialty,
    TherapistIndexPage,
    TherapistPage,
)

INDEX_MODELS = {
    "articles": ArticleIndexPage,
    "services": ServiceIndexPage,
    "therapists": TherapistIndexPage,
}
TERMS = [
    (ArticleTopic, site.TOPICS),
    (Specialty, site.SPECIALTIES),
    (ClientGroup, site.CLIENT_GROUPS),
    (InsuranceProvider, site.INSURANCE_PROVIDERS),
    (Language, site.LANGUAGES),
]
HOME_SLUG = "home"
REQUEST_PAGE_SLUG = "request-an-appointment"


class Command(BaseCommand):
    help = "Create or update the demo site for the fictional Riverbend Counseling Collective."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to load the fictional demo content because DEBUG is off: it would "
                "replace a real practice's site settings and pages. Run it with DEBUG=1 on a "
                "local or demo database only."
            )
        loader = DemoLoader()
        with transaction.atomic(), quiet_logger("wagtail", unless=options["verbosity"] > 1):
            loader.load()
        for kind, outcomes in loader.summary():
            self.stdout.write(f"{kind}: {outcomes}")
        self.stdout.write(self.style.SUCCESS(f"Demo site ready at {loader.site.root_url}/"))


@contextmanager
def quiet_logger(name: str, *, unless: bool):
    """Wagtail logs every page edit and publication; the command's summary says enough."""
    logger = logging.getLogger(name)
    level = logger.level
    if not unless:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class DemoLoader:
    def __init__(self):
        self.images: dict[str, PracticeImage] = {}
        self.pages: dict[str, Page] = {}
        self.tally: Counter[tuple[str, str]] = Counter()
        self.site: Site | None = None

    def load(self):
        self.load_images()
        self.load_terms()
        home = HomePage.objects.get()
        self.pages[HOME_SLUG] = home
        # Earlier demo sites had a plain page at the request form's address.
        StandardPage.objects.child_of(home).filter(slug=REQUEST_PAGE_SLUG).delete()
        self.site = self.load_site(home)
        plan = list(self.page_plan())
        # Pages link to each other, so all of them must exist before any content is filled in.
        created = {
            slug
            for parent, model, slug, spec in plan
            if self.ensure_page(parent, model, slug, spec)
        }
        self.update_page(home, site.HOME, created=False)
        for _parent, _model, slug, spec in plan:
            self.update_page(self.pages[slug], spec, created=slug in created)
        self.load_settings()

    def summary(self):
        kinds = dict.fromkeys(kind for kind, _outcome in self.tally)
        for kind in kinds:
            outcomes = ", ".join(
                f"{self.tally[kind, outcome]} {outcome}"
                for outcome in ("created", "updated", "unchanged")
                if self.tally[kind, outcome]
            )
            yield kind, outcomes

    # Images and snippets

    def load_images(self):
        for key, spec in {**site.IMAGES, **therapists.PORTRAITS}.items():
            image = PracticeImage.objects.filter(title=spec.title).first()
            if image is None:
                image = PracticeImage.objects.create(
                    title=spec.title, alt_text=spec.alt_text, file=image_file(spec)
                )
                self.tally["Images", "created"] += 1
            elif image.alt_text != spec.alt_text:
                image.alt_text = spec.alt_text
                image.save(update_fields=["description"])
                self.tally["Images", "updated"] += 1
            else:
                self.tally["Images", "unchanged"] += 1
            self.images[key] = image

    def load_terms(self):
        for model, entries in TERMS:
            kind = str(model._meta.verbose_name_plural).capitalize()
            for entry in entries:
                name, slug = entry if isinstance(entry, tuple) else (entry, slugify(entry))
                term = model.objects.filter(slug=slug).first()
                if term is None:
                    model.objects.create(name=name, slug=slug)
                    self.tally[kind, "created"] += 1
                elif term.name != name:
                    term.name = name
                    term.save(update_fields=["name"])
                    self.tally[kind, "updated"] += 1
                else:
                    self.tally[kind, "unchanged"] += 1

    # The site and its settings

    def load_site(self, home: HomePage) -> Site:
        demo_site = Site.objects.filter(is_default_site=True).first()
        values = {**site.site_record(), "root_page_id": home.pk}
        if demo_site is None:
            demo_site = Site.objects.create(is_default_site=True, **values)
            self.tally["Site", "created"] += 1
        elif any(getattr(demo_site, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(demo_site, name, value)
            demo_site.save()
            self.tally["Site", "updated"] += 1
        else:
            self.tally["Site", "unchanged"] += 1
        return demo_site

    def load_settings(self):
        for model, spec in (
            (PracticeSettings, site.PRACTICE_SETTINGS),
            (SeoSettings, site.SEO_SETTINGS),
        ):
            settings = model.for_site(self.site)
            if self.apply(settings, spec):
                settings.full_clean()
                settings.save()
                self.tally["Settings", "updated"] += 1
            else:
                self.tally["Settings", "unchanged"] += 1

    # Pages

    def page_plan(self):
        """(parent slug, model, slug, spec) for every page under the home page, parents first."""
        for slug, spec in site.INDEX_PAGES.items():
            yield HOME_SLUG, INDEX_MODELS[slug], slug, spec
        for slug, spec in site.STANDARD_PAGES.items():
            yield HOME_SLUG, StandardPage, slug, spec
        yield HOME_SLUG, AppointmentRequestPage, REQUEST_PAGE_SLUG, site.APPOINTMENT_REQUEST_PAGE
        for slug, spec in services.SERVICES.items():
            yield "services", ServicePage, slug, spec
        for slug, spec in therapists.THERAPISTS.items():
            yield "therapists", TherapistPage, slug, spec
        for slug, spec in articles.ARTICLES.items():
            yield "articles", ArticlePage, slug, spec

    def page(self, slug: str) -> Page:
        try:
            return self.pages[slug]
        except KeyError:
            raise CommandError(f"The demo content refers to an unknown page {slug!r}.") from None

    def ensure_page(self, parent_slug: str, model: type[Page], slug: str, spec: dict) -> bool:
        """Find the page, or create it with its plain fields only. True if it was created."""
        parent = self.page(parent_slug)
        page = model.objects.child_of(parent).filter(slug=slug).first()
        created = page is None
        if created:
            plain = {
                name: value.date() if isinstance(value, DaysAgo) else value
                for name, value in spec.items()
                if is_plain_field(model._meta.get_field(name))
            }
            page = model(slug=slug, **plain)
            parent.add_child(instance=page)
        self.pages[slug] = page
        return created

    def update_page(self, page: Page, spec: dict, *, created: bool):
        changed = self.apply(page, spec)
        if created or changed or not page.live or page.has_unpublished_changes:
            if isinstance(page, ArticlePage):
                # The demo articles name their reviewer and review date.
                publish_reviewed_elsewhere(page)
            else:
                page.save_revision().publish()
            self.tally["Pages", "created" if created else "updated"] += 1
        else:
            self.tally["Pages", "unchanged"] += 1

    # Assigning values from the content specs

    def apply(self, obj: models.Model, spec: dict) -> bool:
        """Set the spec's values on the object, resolving references. True if anything changed."""
        before = self.snapshot(obj, spec)
        for name, value in spec.items():
            self.assign(obj, name, value)
        return self.snapshot(obj, spec) != before

    def assign(self, obj, name, value):
        field = obj._meta.get_field(name)
        if isinstance(field, StreamField):
            stream = field.to_python(self.resolve_ids(value))
            try:
                stream = field.stream_block.clean(stream)
            except ValidationError as error:
                details = json.dumps(get_error_json_data(error), default=str)
                raise CommandError(f"Invalid demo content in {obj}.{name}: {details}") from error
            setattr(obj, name, stream)
        elif field.many_to_many:
            getattr(obj, name).set([self.resolve(item, field.related_model) for item in value])
        elif field.one_to_many:
            child_model = field.related_model
            children = [
                child_model(
                    **{key: self.child_value(child_model, key, item) for key, item in child.items()}
                )
                for child in value
            ]
            setattr(obj, name, children)
        elif field.is_relation:
            setattr(obj, name, self.resolve(value, field.related_model))
        elif isinstance(value, DaysAgo):
            if getattr(obj, name) is None:
                setattr(obj, name, value.date())
        else:
            setattr(obj, name, self.resolve_links(value) if isinstance(value, str) else value)

    def child_value(self, child_model, name, value):
        field = child_model._meta.get_field(name)
        return self.resolve(value, field.related_model) if field.is_relation else value

    def snapshot(self, obj, spec: dict) -> dict:
        """The spec's fields as comparable plain data (block ids are ignored)."""
        values = {}
        for name in spec:
            field = obj._meta.get_field(name)
            if isinstance(field, StreamField):
                values[name] = without_ids(json.loads(field.value_to_string(obj)))
            elif field.many_to_many:
                values[name] = sorted(item.pk for item in getattr(obj, name).all())
            elif field.one_to_many:
                child_fields = {key for child in spec[name] for key in child}
                values[name] = [
                    model_to_dict(child, fields=child_fields) for child in getattr(obj, name).all()
                ]
            elif field.is_relation:
                values[name] = getattr(obj, field.attname)
            else:
                values[name] = field.value_from_object(obj)
        return values

    def resolve(self, value, model=None):
        """The page or image a reference names, or else the model's object with that name."""
        if isinstance(value, PageRef):
            return self.page(value.slug)
        if isinstance(value, ImageRef):
            return self.images[value.key]
        return model.objects.get(name=value)

    def resolve_ids(self, data):
        """Stream data with page and image references replaced by ids, as choosers store them."""
        if isinstance(data, PageRef | ImageRef):
            return self.resolve(data).pk
        if isinstance(data, dict):
            return {key: self.resolve_ids(value) for key, value in data.items()}
        if isinstance(data, list):
            return [self.resolve_ids(value) for value in data]
        if isinstance(data, str):
            return self.resolve_links(data)
        return data

    def resolve_links(self, html: str) -> str:
        return PAGE_LINK_PATTERN.sub(
            lambda match: f'<a linktype="page" id="{self.page(match.group(1)).pk}">', html
        )


def is_plain_field(field) -> bool:
    """A field that holds its own value: no relation, stream or rich text that may link."""
    return (
        isinstance(field, models.Field)
        and not field.is_relation
        and not isinstance(field, StreamField | RichTextField)
    )


def without_ids(data):
    if isinstance(data, dict):
        return {key: without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [without_ids(value) for value in data]
    return data
