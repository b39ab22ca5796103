"""Artwork for the demo site, drawn locally with Pillow: calm abstract landscapes, one
illustration per service and per article topic, sample portraits and a logo. Drawing is deterministic, so the same spec always gives the same
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
class Illustration:
    """A flat illustration of one idea (a service's or a topic's), so that pictures on the demo
    site tell pages apart: shapes in three colours of a palette on a soft gradient."""

    title: str
    alt_text: str
    motif: str  # a key of MOTIFS
    background: tuple[Colour, Colour]
    colours: tuple[Colour, Colour, Colour]  # main, second, accent
    size: tuple[int, int] = (1600, 900)
    extension = "jpg"

    def render(self) -> Image.Image:
        width, height = self.size[0] * 2, self.size[1] * 2  # drawn large, scaled down: smooth
        image = _vertical_gradient((width, height), *self.background)
        draw = ImageDraw.Draw(image)
        MOTIFS[self.motif](draw, width, height, *self.colours)
        return image.resize(self.size, Image.Resampling.LANCZOS)


def _circle(draw, cx, cy, r, **style):
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), **style)


def _thought_loop(draw, w, h, main, second, accent):
    """Thoughts, feelings and actions: three circles linked in a loop (CBT)."""
    points = [(w * 0.5, h * 0.28), (w * 0.34, h * 0.7), (w * 0.66, h * 0.7)]
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        draw.line((x1, y1, x2, y2), fill=second, width=int(h * 0.02))
    for (x, y), colour in zip(points, (main, accent, second), strict=True):
        _circle(draw, x, y, h * 0.13, fill=colour)


def _parts(draw, w, h, main, second, accent):
    """A calm centre with the parts around it (Internal Family Systems)."""
    cx, cy = w * 0.5, h * 0.5
    for step in range(6):
        angle = step * math.pi / 3
        x, y = cx + h * 0.3 * math.cos(angle), cy + h * 0.3 * math.sin(angle)
        draw.line((cx, cy, x, y), fill=second, width=int(h * 0.012))
        _circle(draw, x, y, h * 0.07, fill=second if step % 2 else accent)
    _circle(draw, cx, cy, h * 0.15, fill=main)


def _ripples(draw, w, h, main, second, accent):
    """Breath spreading out like ripples on water (mindfulness)."""
    cx, cy = w * 0.5, h * 0.55
    for ring in range(5, 0, -1):
        _circle(draw, cx, cy, h * 0.08 * ring, outline=second, width=int(h * 0.012))
    _circle(draw, cx, cy, h * 0.06, fill=main)
    _circle(draw, w * 0.5, h * 0.14, h * 0.035, fill=accent)


def _bilateral(draw, w, h, main, second, accent):
    """Eyes following a light from side to side (EMDR)."""
    path = [(x, h * 0.5 + h * 0.12 * math.sin(x / w * 4 * math.pi)) for x in range(0, w, 8)]
    draw.line(path, fill=second, width=int(h * 0.012))
    for index, x in enumerate((0.15, 0.32, 0.5, 0.68, 0.85)):
        y = h * 0.5 + h * 0.12 * math.sin(x * 4 * math.pi)
        _circle(
            draw, w * x, y, h * (0.05 if index != 2 else 0.09), fill=main if index == 2 else accent
        )


def _balance(draw, w, h, main, second, accent):
    """Acceptance and change held together: a level beam on a fulcrum (DBT)."""
    draw.polygon([(w * 0.5, h * 0.42), (w * 0.43, h * 0.8), (w * 0.57, h * 0.8)], fill=second)
    draw.rounded_rectangle((w * 0.2, h * 0.38, w * 0.8, h * 0.44), radius=h * 0.03, fill=main)
    _circle(draw, w * 0.27, h * 0.28, h * 0.1, fill=accent)
    draw.rounded_rectangle((w * 0.63, h * 0.18, w * 0.79, h * 0.38), radius=h * 0.03, fill=accent)


def _nest(draw, w, h, main, second, accent):
    """A small one held in a larger curve (perinatal and postpartum care)."""
    draw.pieslice((w * 0.3, h * 0.1, w * 0.7, h * 0.9), 0, 180, fill=main)
    _circle(draw, w * 0.5, h * 0.45, h * 0.16, fill=accent)
    _circle(draw, w * 0.5, h * 0.45, h * 0.07, fill=second)


def _rings(draw, w, h, main, second, accent):
    """Two rings, linked (couples)."""
    for x, colour in ((0.42, main), (0.58, accent)):
        _circle(draw, w * x, h * 0.5, h * 0.24, outline=colour, width=int(h * 0.045))


def _growth(draw, w, h, main, second, accent):
    """Three sprouts of rising height (children and teens)."""
    draw.rectangle((0, h * 0.8, w, h), fill=second)
    for x, tall, colour in ((0.3, 0.22, accent), (0.5, 0.38, main), (0.7, 0.54, accent)):
        top = h * (0.8 - tall)
        draw.line((w * x, h * 0.8, w * x, top), fill=second, width=int(h * 0.02))
        draw.ellipse((w * x, top - h * 0.06, w * x + h * 0.16, top + h * 0.04), fill=colour)
        draw.ellipse((w * x - h * 0.16, top, w * x, top + h * 0.1), fill=colour)


def _shelter(draw, w, h, main, second, accent):
    """A small figure and a large one under one roof (parenting)."""
    draw.polygon([(w * 0.28, h * 0.45), (w * 0.5, h * 0.15), (w * 0.72, h * 0.45)], fill=main)
    draw.rectangle((w * 0.33, h * 0.45, w * 0.67, h * 0.85), fill=second)
    _circle(draw, w * 0.44, h * 0.6, h * 0.09, fill=accent)
    _circle(draw, w * 0.57, h * 0.68, h * 0.055, fill=accent)


def _wave(draw, w, h, main, second, accent):
    """A wave that rises, crests and settles (riding out panic)."""
    crest = [
        (x, h * 0.62 - h * 0.32 * math.exp(-(((x / w) - 0.42) ** 2) / 0.02))
        for x in range(0, w + 8, 8)
    ]
    draw.polygon([*crest, (w, h), (0, h)], fill=main)
    calm = [(x, h * 0.75 + h * 0.02 * math.sin(x / w * 6 * math.pi)) for x in range(0, w + 8, 8)]
    draw.polygon([*calm, (w, h), (0, h)], fill=second)
    _circle(draw, w * 0.8, h * 0.22, h * 0.07, fill=accent)


def _roots(draw, w, h, main, second, accent):
    """A tree held by its roots (grounding)."""
    draw.rectangle((0, h * 0.55, w, h), fill=second)
    draw.rectangle((w * 0.48, h * 0.3, w * 0.52, h * 0.56), fill=main)
    for spread in (-0.16, -0.08, 0.0, 0.08, 0.16):
        draw.line((w * 0.5, h * 0.55, w * (0.5 + spread), h * 0.9), fill=main, width=int(h * 0.015))
    _circle(draw, w * 0.5, h * 0.26, h * 0.17, fill=accent)


def _moon(draw, w, h, main, second, accent):
    """A crescent moon and a few stars (a quieter bedtime)."""
    _circle(draw, w * 0.55, h * 0.45, h * 0.22, fill=main)
    _circle(draw, w * 0.62, h * 0.4, h * 0.2, fill=second)
    for x, y, r in ((0.25, 0.25, 0.018), (0.32, 0.6, 0.012), (0.78, 0.72, 0.015), (0.8, 0.2, 0.01)):
        _circle(draw, w * x, h * y, h * r, fill=accent)


def _bridge(draw, w, h, main, second, accent):
    """A bridge between two banks (repair after an argument)."""
    draw.rectangle((0, h * 0.7, w * 0.25, h), fill=second)
    draw.rectangle((w * 0.75, h * 0.7, w, h), fill=second)
    draw.arc((w * 0.2, h * 0.45, w * 0.8, h * 1.05), 180, 360, fill=main, width=int(h * 0.05))
    _circle(draw, w * 0.38, h * 0.62, h * 0.05, fill=accent)
    _circle(draw, w * 0.62, h * 0.62, h * 0.05, fill=accent)


MOTIFS = {
    "thought-loop": _thought_loop,
    "parts": _parts,
    "ripples": _ripples,
    "bilateral": _bilateral,
    "balance": _balance,
    "nest": _nest,
    "rings": _rings,
    "growth": _growth,
    "shelter": _shelter,
    "wave": _wave,
    "roots": _roots,
    "moon": _moon,
    "bridge": _bridge,
}


@dataclass(frozen=True)
class Portrait:
    """A sample portrait: a silhouette with the therapist's initials."""

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
        """Head and shoulders in silhouette, the initials on the chest: reads as a portrait
        at a glance, and plainly as a stand-in."""
        size = self.size * 2  # drawn large and scaled down, for smooth edges
        image = _vertical_gradient((size, size), "#ffffff", self.background)
        draw = ImageDraw.Draw(image)
        shade = _mix(self.circle, "#000000", 0.18)
        draw.ellipse((size * 0.16, size * 0.66, size * 0.84, size * 1.4), fill=self.circle)
        draw.rectangle((size * 0.43, size * 0.52, size * 0.57, size * 0.7), fill=shade)
        _circle(draw, size * 0.5, size * 0.4, size * 0.17, fill=shade)
        font = ImageFont.load_default(size=size // 9)
        draw.text((size / 2, size * 0.86), self.initials, fill="#ffffff", font=font, anchor="mm")
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


def image_file(spec: Landscape | Illustration | Portrait | Logo) -> ImageFile:
    """The rendered spec as a file ready for an image model's `file` field."""
    buffer = io.BytesIO()
    if spec.extension == "jpg":
        spec.render().save(buffer, "JPEG", quality=85, optimize=True)
    else:
        spec.render().save(buffer, "PNG", optimize=True)
    buffer.seek(0)
    return ImageFile(buffer, name=f"demo-{slugify(spec.title)}.{spec.extension}")
