"""Artwork for the demo site, drawn locally with Pillow: calm abstract landscapes, portrait
placeholders and a logo. Drawing is deterministic, so the same spec always gives the same
picture."""

import io
import math
from dataclasses import dataclass

from django.core.files.images import ImageFile
from django.utils.text import slugify

from PIL import Image, ImageColor, ImageDraw, ImageFilter, ImageFont

Colour = str  # "#rrggbb"


def _vertical_gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _mix(colour: Colour, other: Colour, amount: float) -> tuple[int, ...]:
    return tuple(
        round(a + (b - a) * amount)
        for a, b in zip(ImageColor.getrgb(colour), ImageColor.getrgb(other), strict=True)
    )


def _clear_layer(size: tuple[int, int], colour: Colour) -> Image.Image:
    """A transparent layer of the colour it will be drawn in, so that blurring its edges does
    not bleed in a dark fringe."""
    image = Image.new("RGBA", size, colour)
    image.putalpha(0)
    return image


def _ridge(width: int, baseline: float, amplitude: float, phase: float) -> list[tuple[int, float]]:
    """A gently rolling skyline: two slow sine waves, one long and one shorter."""
    points = []
    for x in range(0, width + 16, 16):
        t = x / width * 2 * math.pi
        y = baseline + amplitude * (
            math.sin(t * 0.8 + phase) + 0.45 * math.sin(t * 2.1 + phase * 1.7)
        )
        points.append((x, y))
    return points


@dataclass(frozen=True)
class Landscape:
    """Layered hills under a gradient sky, with an optional sun and lake."""

    title: str
    alt_text: str
    sky: tuple[Colour, Colour]
    hills: tuple[Colour, ...]
    sun: Colour | None = None
    water: Colour | None = None
    variant: int = 0
    size: tuple[int, int] = (1600, 900)
    extension = "jpg"

    def render(self) -> Image.Image:
        width, height = self.size
        image = _vertical_gradient(self.size, *self.sky)
        if self.sun:
            self._draw_sun(image)
        draw = ImageDraw.Draw(image)
        horizon = 0.62 if self.water else 0.5
        for depth, colour in enumerate(self.hills):
            ridge = _ridge(
                width,
                baseline=height * (horizon + 0.1 * depth),
                amplitude=height * (0.06 - 0.012 * depth),
                phase=self.variant * 1.3 + depth * 2.2,
            )
            draw.polygon([*ridge, (width, height), (0, height)], fill=colour)
        if self.water:
            top = int(height * 0.78)
            image.paste(
                _vertical_gradient((width, height - top), self.water, self.sky[0]), (0, top)
            )
            ripple = _mix(self.water, "#ffffff", 0.35)
            for row in range(top + 12, height, 26):
                inset = width * (0.2 + 0.15 * math.sin(row + self.variant))
                draw.line((inset, row, width - inset, row), fill=ripple, width=2)
        # One light blur over the whole picture softens the hard polygon edges.
        return image.filter(ImageFilter.GaussianBlur(1.2))

    def _draw_sun(self, image: Image.Image) -> None:
        """A sun (or moon) with a soft glow, placed by the variant so pictures differ."""
        width, height = image.size
        radius = int(height * 0.09)
        cx = int(width * (0.55 + 0.3 * (self.variant * 0.37 % 1)))
        cy = int(height * 0.34)
        glow = _clear_layer((radius * 4, radius * 4), self.sun)
        ImageDraw.Draw(glow).ellipse((radius, radius, radius * 3, radius * 3), fill=self.sun)
        corner = (cx - radius * 2, cy - radius * 2)
        halo = glow.filter(ImageFilter.GaussianBlur(radius / 2))
        image.paste(halo, corner, halo)
        image.paste(glow, corner, glow)


@dataclass(frozen=True)
class Portrait:
    """A soft placeholder portrait: initials in a circle on a pale background."""

    name: str
    background: Colour
    circle: Colour
    size: int = 600
    extension = "jpg"

    @property
    def title(self) -> str:
        return f"Sample portrait: {self.name}"

    @property
    def alt_text(self) -> str:
        return f"Sample portrait placeholder for {self.name}"

    @property
    def initials(self) -> str:
        return "".join(part[0] for part in self.name.split()[:2]).upper()

    def render(self) -> Image.Image:
        size = self.size * 2  # drawn large and scaled down, for smooth edges
        image = _vertical_gradient((size, size), "#ffffff", self.background)
        draw = ImageDraw.Draw(image)
        margin = size * 0.14
        draw.ellipse((margin, margin, size - margin, size - margin), fill=self.circle)
        font = ImageFont.load_default(size=size // 4)
        draw.text((size / 2, size / 2), self.initials, fill="#ffffff", font=font, anchor="mm")
        return image.resize((self.size, self.size), Image.Resampling.LANCZOS)


@dataclass(frozen=True)
class Logo:
    """A square mark: a river bending through a circle."""

    title: str
    alt_text: str
    colour: Colour
    size: int = 512
    extension = "png"

    def render(self) -> Image.Image:
        # Drawn at twice the size and scaled down, for smooth edges.
        size = self.size * 2
        circle = Image.new("L", (size, size), 0)
        margin = size * 0.06
        ImageDraw.Draw(circle).ellipse((margin, margin, size - margin, size - margin), fill=255)
        mark = Image.new("RGB", (size, size), self.colour)
        draw = ImageDraw.Draw(mark)
        half_width = size * 0.022
        for offset in (-0.09, 0.09):
            centre = [
                (x, size * (0.5 + offset) + size * 0.12 * math.sin(x / size * 2 * math.pi))
                for x in range(0, size + 1, 8)
            ]
            upper = [(x, y - half_width) for x, y in centre]
            lower = [(x, y + half_width) for x, y in reversed(centre)]
            draw.polygon(upper + lower, fill="#ffffff")
        image = Image.new("RGB", (size, size), "#ffffff")
        image.paste(mark, mask=circle)
        return image.resize((self.size, self.size), Image.Resampling.LANCZOS)


def image_file(spec: Landscape | Portrait | Logo) -> ImageFile:
    """The rendered spec as a file ready for an image model's `file` field."""
    buffer = io.BytesIO()
    if spec.extension == "jpg":
        spec.render().save(buffer, "JPEG", quality=85, optimize=True)
    else:
        spec.render().save(buffer, "PNG", optimize=True)
    buffer.seek(0)
    return ImageFile(buffer, name=f"demo-{slugify(spec.title)}.{spec.extension}")
