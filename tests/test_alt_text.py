"""Alt text: the image's description is the one alt text, required unless the image is marked
decorative, and every use of the image reads it."""

import json
from importlib import import_module

from django.apps import apps as django_apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from wagtail.blocks.migrations.migrate_operation import MigrateStreamData

import pytest

from practice.images import PracticeImage

from .factories import ArticlePageFactory, ImageFactory, ServicePageFactory, StandardPageFactory


class TestAltText:
    def upload(self, client, **fields):
        image_bytes = ImageFactory.build().file.read()
        data = {
            "image-chooser-upload-title": "Therapy room",
            "image-chooser-upload-file": SimpleUploadedFile(
                "room.jpg", image_bytes, content_type="image/jpeg"
            ),
        }
        data.update({f"image-chooser-upload-{name}": value for name, value in fields.items()})
        return client.post(reverse("wagtailimages_chooser:create"), data)

    def test_the_image_description_is_the_one_required_alt_text(self, client, editor):
        client.force_login(editor)
        response = self.upload(client, description="")
        assert response.json()["step"] == "reshow_creation_form"
        assert "Describe the image in a short sentence" in response.json()["htmlFragment"]
        assert not PracticeImage.objects.exists()
        # Filling Wagtail's own "Description" is enough: there is no second alt-text field.
        self.upload(client, description="A quiet therapy room with two armchairs")
        image = PracticeImage.objects.get()
        assert image.description == "A quiet therapy room with two armchairs"
        assert image.default_alt_text == "A quiet therapy room with two armchairs"

    def test_a_decorative_image_renders_an_empty_alt(self, client, editor):
        client.force_login(editor)
        self.upload(client, description="", is_decorative="on")
        image = PracticeImage.objects.get()
        assert image.is_decorative
        html = image.get_rendition("original").img_tag()
        assert 'alt=""' in html


def figure(image, **extra):
    return {"type": "image", "value": {"image": image.pk, "caption": "", **extra}}


def figure_html(client, page) -> str:
    html = client.get(page.url).content.decode()
    return html.split('<figure class="figure">', 1)[1].split("</figure>", 1)[0]


class TestFigureBlock:
    def test_a_figure_reads_the_image_description_even_where_old_data_has_its_own(
        self, client, article_index
    ):
        """Bodies saved when a figure had its own alt text (dropped in #12) still render, with
        the image's description."""
        image = ImageFactory(alt_text="An empty bench beside a slow river")
        article = ArticlePageFactory(parent=article_index)
        store_old_body(article, [figure(image, alt_text="A per-use text")])
        assert "A per-use text" in stored_body(article)
        html = figure_html(client, article)
        assert 'alt="An empty bench beside a slow river"' in html
        assert "A per-use text" not in html

    def test_a_figure_is_a_responsive_picture_loaded_lazily(self, client, article_index):
        image = ImageFactory(alt_text="A lantern on a porch")
        article = ArticlePageFactory(parent=article_index, body=[figure(image)])
        html = figure_html(client, article)
        assert 'type="image/avif"' not in html  # AVIF only for heroes (practice/images.py)
        assert html.index('type="image/webp"') < html.index("<img")
        assert 'sizes="(min-width: 48rem) 44rem, 100vw"' in html
        assert 'loading="lazy"' in html and "fetchpriority" not in html
        assert 'alt="A lantern on a porch"' in html

    def test_a_decorative_image_in_a_body_has_an_empty_alt(self, client, article_index):
        image = ImageFactory(alt_text="", is_decorative=True)
        article = ArticlePageFactory(parent=article_index, body=[figure(image)])
        assert 'alt=""' in figure_html(client, article)

    @pytest.mark.parametrize(
        ("migration", "factory", "parent"),
        [
            (
                "articles.migrations.0014_figure_alt_text_is_the_image_description",
                ArticlePageFactory,
                "article_index",
            ),
            (
                "home.migrations.0005_figure_alt_text_is_the_image_description",
                StandardPageFactory,
                "home_page",
            ),
            (
                "services.migrations.0011_figure_alt_text_is_the_image_description",
                ServicePageFactory,
                "service_index",
            ),
        ],
        ids=["articles", "home", "services"],
    )
    def test_the_migration_drops_the_per_use_alt_from_bodies_and_revisions(
        self, request, db, migration, factory, parent
    ):
        image = ImageFactory()
        page = factory(parent=request.getfixturevalue(parent))
        old_body = [figure(image, alt_text="A per-use text")]
        store_old_body(page, old_body)
        revision = page.save_revision()
        revision.content["body"] = json.dumps(old_body)
        revision.save()
        assert "A per-use text" in stored_body(page)

        (step,) = [
            operation
            for operation in import_module(migration).Migration.operations
            if isinstance(operation, MigrateStreamData)
        ]
        step.code(django_apps, None)

        assert "A per-use text" not in stored_body(page)
        for revision in page.revisions.all():
            assert "A per-use text" not in revision.content["body"]
        assert [
            child.value["image"] for child in page.specific_class.objects.get(pk=page.pk).body
        ] == [image]


def stored_body(page) -> str:
    """The body as stored, with any keys its blocks no longer declare."""
    return json.dumps(list(page.specific_class.objects.get(pk=page.pk).body.raw_data))


def store_old_body(page, body):
    """Store a body as it was saved before #12, past the StreamField (which would drop the keys
    its blocks no longer declare)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {page.specific_class._meta.db_table} SET body = %s WHERE page_ptr_id = %s",  # noqa: S608 - our own table name
            [json.dumps(body), page.pk],
        )
