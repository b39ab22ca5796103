"""Images of a WordPress export: found on disk (never downloaded), added to the image library
once (matched by content), with the alt text WordPress had. Missing alt text is listed for
staff and never invented."""

import hashlib
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files.images import ImageFile
from django.utils.translation import gettext as _

from wagtail.models import Collection

from PIL import Image as PillowImage
from PIL import UnidentifiedImageError

from practice.images import PracticeImage

UPLOADS_MARKER = "/wp-content/uploads/"
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")  # WordPress's resized copies: photo-300x200.jpg


class ImageFinder:
    def __init__(self, uploads: Path, dry_run=False):
        self.uploads = Path(uploads)
        self.dry_run = dry_run
        self.post_title = ""
        self.lines: list[str] = []
        self.missing_alt: list[str] = []
        self.by_path: dict[Path, PracticeImage | None] = {}

    def take_lines(self) -> list[str]:
        lines, self.lines = self.lines, []
        return lines

    def image_for(self, src: str, alt: str | None, attachment=None):
        """The library image for an address in a post (or a featured image's attachment), or
        None with a line in the post's report."""
        relative = upload_path(attachment.file if attachment and attachment.file else src)
        path = self.find(relative)
        name = relative.name if relative else src
        if path is None:
            self.lines.append(
                _("Image %(name)s was not found in %(folder)s: left out.")
                % {"name": name, "folder": self.uploads}
            )
            return None
        alt = (alt if alt is not None else "") or (attachment.alt if attachment else "")
        if path in self.by_path:
            return self.by_path[path]
        image = self.add(path, alt.strip())
        self.by_path[path] = image
        return image

    def find(self, relative: PurePosixPath | None) -> Path | None:
        if relative is None or ".." in relative.parts:
            return None
        for candidate in (relative, relative.with_name(SIZE_SUFFIX.sub("", relative.name))):
            path = self.uploads / candidate
            if path.is_file():
                return path
        return None

    def add(self, path: Path, alt: str):
        try:
            with PillowImage.open(path) as picture:
                picture.verify()
        except (UnidentifiedImageError, OSError):
            self.lines.append(_("%(name)s is not an image file: left out.") % {"name": path.name})
            return None
        if not alt:
            self.missing_alt.append(f"{path.name} (“{self.post_title}”)")
            self.lines.append(
                _("Image %(name)s has no alt text: fill it in.") % {"name": path.name}
            )
        if self.dry_run:
            return None
        data = path.read_bytes()
        file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        existing = PracticeImage.objects.filter(file_hash=file_hash).first()
        if existing:
            return existing
        with path.open("rb") as file:
            image = PracticeImage(
                title=path.stem.replace("-", " ").replace("_", " ")[:255],
                alt_text=alt[:255],
                description=alt[:255],
                file=ImageFile(file, name=path.name),
                collection=Collection.get_first_root_node(),
                file_hash=file_hash,
            )
            image.save()
        return image


def upload_path(address: str) -> PurePosixPath | None:
    """ "https://old.example/wp-content/uploads/2023/05/a.jpg" -> 2023/05/a.jpg."""
    path = unquote(urlsplit(address).path)
    if UPLOADS_MARKER in path:
        path = path.split(UPLOADS_MARKER, 1)[1]
    path = path.lstrip("/")
    return PurePosixPath(path) if path else None
