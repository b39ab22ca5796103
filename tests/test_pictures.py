"""Images on cards, heroes and profiles are Wagtail `<picture>`s: WebP sources (AVIF too on
heroes) with a JPEG fallback at several widths, `sizes` that follow the layout, `width`/`height`, the
description as alt text (empty for a decorative image), lazy loading below the fold and the
first large image of a page eager with `fetchpriority="high"`."""

import re

import pytest
from bs4 import BeautifulSoup

from home.models import HomeFeaturedService, HomeFeaturedTherapist

from .factories import ArticlePageFactory, ImageFactory, ServicePageFactory, TherapistPageFactory

pytestmark = pytest.mark.django_db

CARD_SIZES = "(min-width: 64em) 22rem, (min-width: 43em) calc(50vw - 2.5rem), calc(100vw - 2rem)"


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def widths(srcset: str) -> list[int]:
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


def assert_picture(
    picture, *, sizes: str, srcset_widths: list[int], alt: str, eager: bool, avif: bool = False
):
    """One `<picture>`: AVIF (heroes only), then WebP, then the JPEG `<img>`, each at every
    width."""
    sources = picture.find_all("source")
    expected_types = ["image/avif", "image/webp"] if avif else ["image/webp"]
    assert [source["type"] for source in sources] == expected_types
    image = picture.find("img")
    for candidate in (*sources, image):
        assert candidate["sizes"] == sizes
        assert widths(candidate["srcset"]) == srcset_widths
    assert all(
        f".{'avif' if avif else 'webp'} " in part for part in sources[0]["srcset"].split(",")
    )
    assert image["src"].endswith(".jpg")
    assert int(image["width"]) > 0 and int(image["height"]) > 0
    assert image["alt"] == alt
    if eager:
        assert image["fetchpriority"] == "high" and "loading" not in image.attrs
    else:
        assert image["loading"] == "lazy" and "fetchpriority" not in image.attrs


def decorative_image():
    return ImageFactory(alt_text="", is_decorative=True)


def test_article_cards_first_eager_then_lazy_and_decorative_images_silent(client, article_index):
    ArticlePageFactory(parent=article_index, hero_image=ImageFactory(alt_text="A quiet lake"))
    ArticlePageFactory(parent=article_index, hero_image=decorative_image())
    # Newest first: the decorative one leads the listing.
    soup = soup_of(client, article_index.url)
    first, second = soup.select(".card-grid .card__media picture")
    assert_picture(first, sizes=CARD_SIZES, srcset_widths=[400, 720], alt="", eager=True)
    assert_picture(
        second, sizes=CARD_SIZES, srcset_widths=[400, 720], alt="A quiet lake", eager=False
    )
    assert len(soup.select("[fetchpriority=high]")) == 1


def test_service_cards_are_pictures(client, service_index):
    ServicePageFactory(parent=service_index, image=ImageFactory(alt_text="Two chairs"))
    ServicePageFactory(parent=service_index, image=ImageFactory(alt_text="A window"))
    soup = soup_of(client, service_index.url)
    first, second = soup.select(".card--service .card__media picture")
    assert_picture(first, sizes=CARD_SIZES, srcset_widths=[400, 720], alt="Two chairs", eager=True)
    assert_picture(second, sizes=CARD_SIZES, srcset_widths=[400, 720], alt="A window", eager=False)


def test_therapist_cards_show_a_small_lazy_portrait(client, therapist_index):
    TherapistPageFactory(parent=therapist_index, photo=ImageFactory(alt_text="Dana smiling"))
    TherapistPageFactory(parent=therapist_index, photo=decorative_image())
    soup = soup_of(client, therapist_index.url)
    first, second = soup.select(".card--therapist picture")
    assert_picture(first, sizes="5.5rem", srcset_widths=[120, 240], alt="Dana smiling", eager=False)
    assert_picture(second, sizes="5.5rem", srcset_widths=[120, 240], alt="", eager=False)
    assert first.find("img")["class"] == ["portrait"]
    assert first.find("img")["width"] == "120"


def test_home_hero_loads_first_and_every_card_below_it_waits(
    client, practice_settings, home_page, article_index, service_index, therapist_index
):
    home_page.hero_image = ImageFactory(file__width=1600, file__height=1200, alt_text="Sunrise")
    home_page.save()
    service = ServicePageFactory(parent=service_index, image=ImageFactory())
    therapist = TherapistPageFactory(parent=therapist_index, photo=ImageFactory())
    HomeFeaturedService.objects.create(page=home_page, service=service, sort_order=0)
    HomeFeaturedTherapist.objects.create(page=home_page, therapist=therapist, sort_order=0)
    ArticlePageFactory(parent=article_index, hero_image=ImageFactory(alt_text="A path"))

    soup = soup_of(client, home_page.url)
    assert_picture(
        soup.select_one(".hero__media picture"),
        sizes="(min-width: 60em) 32rem, 100vw",
        srcset_widths=[480, 800, 1200],
        alt="Sunrise",
        eager=True,
        avif=True,
    )
    service_card, article_card = soup.select(".card__media picture")
    assert_picture(
        service_card,
        sizes=CARD_SIZES,
        srcset_widths=[400, 720],
        alt=service.image.description,
        eager=False,
    )
    assert_picture(
        article_card, sizes=CARD_SIZES, srcset_widths=[400, 720], alt="A path", eager=False
    )
    assert_picture(
        soup.select_one(".card--therapist picture"),
        sizes="5.5rem",
        srcset_widths=[120, 240],
        alt=therapist.photo.description,
        eager=False,
    )
    assert len(soup.select("[fetchpriority=high]")) == 1


def test_article_hero_is_eager_and_related_article_cards_lazy(client, article_index, service_index):
    service = ServicePageFactory(parent=service_index)
    related = ArticlePageFactory(
        parent=article_index, hero_image=ImageFactory(alt_text="Rain"), related_services=[service]
    )
    article = ArticlePageFactory(
        parent=article_index,
        hero_image=ImageFactory(file__width=1200, file__height=900, alt_text="Hills"),
        related_services=[service],
    )
    soup = soup_of(client, article.url)
    assert_picture(
        soup.select_one(".article__hero picture"),
        sizes="(min-width: 60em) 26rem, 100vw",
        srcset_widths=[480, 960],
        alt="Hills",
        eager=True,
        avif=True,
    )
    [card] = soup.select("#related-heading ~ .card-grid .card__media picture")
    assert card.find_parent("article").find("a").get_text() == related.title
    assert_picture(card, sizes=CARD_SIZES, srcset_widths=[400, 720], alt="Rain", eager=False)
    assert len(soup.select("[fetchpriority=high]")) == 1


def test_service_hero_is_the_same_picture_as_the_article_hero(client, service_index):
    service = ServicePageFactory(
        parent=service_index,
        image=ImageFactory(file__width=1600, file__height=900, alt_text="Two chairs by a window"),
    )
    soup = soup_of(client, service.url)
    assert_picture(
        soup.select_one(".article__hero picture"),
        sizes="(min-width: 72rem) 68rem, 100vw",
        srcset_widths=[640, 960, 1440],
        alt="Two chairs by a window",
        eager=True,
        avif=True,
    )
    assert len(soup.select("[fetchpriority=high]")) == 1


def test_profile_portrait_is_eager(client, therapist_index):
    photo = ImageFactory(file__width=600, file__height=600, alt_text="", is_decorative=True)
    therapist = TherapistPageFactory(parent=therapist_index, photo=photo)
    soup = soup_of(client, therapist.url)
    picture = soup.select_one(".therapist__header picture")
    assert_picture(
        picture,
        sizes="(min-width: 44em) 11rem, (min-width: 32em) 25vw, 8rem",
        srcset_widths=[240, 480],
        alt="",
        eager=True,
    )
    assert picture.find("img")["class"] == ["portrait", "portrait--large"]
