"""`{% picture_for image "card" %}`: an image as Wagtail's `<picture>` (AVIF, WebP, JPEG at
every width, `srcset`, `sizes`, `width`/`height`, the image's alt text, empty when it is
decorative), from the renditions `practice.images.PICTURES` names for that place, which are
also the ones listings prefetch."""

from django import template

from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from practice.images import PICTURES

register = template.Library()


@register.simple_tag
def picture_for(image, place: str, eager: bool | None = None, **attrs) -> str:
    """`eager` overrides the place's default: a listing's first card is the first large image
    on a page without a hero, so it loads at once; anything further down loads lazily."""
    if not image:
        return ""
    spec = PICTURES[place]
    if spec.eager if eager is None else eager:
        loading = {"fetchpriority": "high"}
    else:
        loading = {"loading": "lazy", "decoding": "async"}
    renditions = get_renditions_or_not_found(image, spec.filters)
    return Picture(renditions, {"sizes": spec.sizes, **loading, **attrs}).__html__()
