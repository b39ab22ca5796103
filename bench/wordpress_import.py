"""Benchmark: import a generated WordPress export of N posts (default 2,000) into a scratch
database and report the time and the process's peak memory. Not a test.

    DEBUG=1 .venv/bin/python bench/wordpress_import.py [N]

The export is written to BENCH_WORDPRESS_DIR (default /tmp/practice_wordpress_bench) with a
small uploads folder; the database is BENCH_DATABASE_URL (default a scratch SQLite file there).
Each post is shaped like a real practice article: an introduction, headings, a list with its
lead-in, titled strategies, links to three service pages and to an earlier post, two topics,
an author, a featured image for one post in ten, and a closing invitation to book.
"""

import os
import random
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKDIR = Path(os.environ.get("BENCH_WORDPRESS_DIR", "/tmp/practice_wordpress_bench"))  # noqa: S108
SITE = "https://oldpractice.example"
TOPICS = ["Anxiety", "Parenting", "Trauma", "Sleep", "Grief", "Relationships", "Work stress"]
WORDS = [
    *("calm", "worry", "steady", "breath", "rest", "support", "small", "steps", "notice"),
    *("gentle", "pace", "kind", "honest", "routine", "morning", "evening", "friend", "walk"),
    *("write", "pause", "listen", "feeling", "body", "mind"),
]


def sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text.capitalize() + "."


def post_content(rng, number):
    earlier = rng.randrange(1, number) if number > 1 else None
    link = (
        f' See <a href="{SITE}/2020/01/01/post-{earlier}/">an earlier note</a>.' if earlier else ""
    )
    strategies = "\n\n".join(
        f"<strong>{sentence(rng, 3)[:-1]}:</strong> {sentence(rng)}" for _ in range(4)
    )
    items = "".join(f"<li>{sentence(rng, 6)}</li>" for _ in range(4))
    return f"""{sentence(rng)} {sentence(rng)}

<h2>What it can look like</h2>
{sentence(rng)} It can show up as:
<ul>{items}</ul>

<h2>What can help</h2>
{strategies}

<h2>How therapy can help</h2>
We offer <a href="{SITE}/cognitive-behavioral-therapy/">CBT</a>, <a href="{SITE}/internal-family-systems-ifs/">IFS</a> and <a href="/mindfulness-based-therapy/">mindfulness</a>.{link}

[contact-form-7 id="3"]

Schedule a first session today and take one small step."""


def write_export(path: Path, count: int, rng):
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
            f"<channel><title>Bench</title><link>{SITE}</link><wp:base_site_url>{SITE}</wp:base_site_url>"
            "<wp:author><wp:author_login>jane</wp:author_login>"
            "<wp:author_display_name>Jane Rivera</wp:author_display_name></wp:author>\n"
        )
        for image in range(10):
            out.write(
                f"<item><title>image {image}</title><wp:post_id>{100000 + image}</wp:post_id>"
                "<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>"
                f"<wp:attachment_url>{SITE}/wp-content/uploads/bench/{image}.png</wp:attachment_url>"
                f"<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>bench/{image}.png</wp:meta_value></wp:postmeta>"
                "<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>A calm room</wp:meta_value></wp:postmeta>"
                "</item>\n"
            )
        for number in range(1, count + 1):
            topics = "".join(
                f'<category domain="category" nicename="t"><![CDATA[{name}]]></category>'
                for name in rng.sample(TOPICS, 2)
            )
            thumbnail = (
                f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{100000 + number % 10}</wp:meta_value></wp:postmeta>"
                if number % 10 == 0
                else ""
            )
            out.write(
                f"<item><title>Post {number}: {sentence(rng, 5)[:-1]}</title>"
                f"<link>{SITE}/2020/01/01/post-{number}/</link><dc:creator>jane</dc:creator>"
                f"<content:encoded><![CDATA[{post_content(rng, number)}]]></content:encoded>"
                "<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                f"<wp:post_id>{number}</wp:post_id><wp:post_date>2020-01-01 09:00:00</wp:post_date>"
                f"<wp:post_name>post-{number}</wp:post_name><wp:status>publish</wp:status>"
                f"<wp:post_type>post</wp:post_type>{topics}{thumbnail}</item>\n"
            )
        out.write("</channel></rss>\n")


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    shutil.rmtree(WORKDIR, ignore_errors=True)
    (WORKDIR / "uploads" / "bench").mkdir(parents=True)
    os.environ.setdefault(
        "DATABASE_URL", os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORKDIR}/db.sqlite3")
    )
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "practice.settings")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    import logging

    from django.core.management import call_command

    from PIL import Image

    from articles.importing.wordpress import WordPressImport
    from articles.models import ArticleIndexPage
    from home.models import HomePage
    from services.models import ServiceIndexPage, ServicePage, TherapistIndexPage, TherapistPage

    logging.getLogger("wagtail").setLevel(logging.WARNING)
    call_command("migrate", verbosity=0)
    home = HomePage.objects.get()
    index = home.add_child(instance=ArticleIndexPage(title="Articles", slug="articles"))
    services = home.add_child(instance=ServiceIndexPage(title="Services", slug="services"))
    for title, short in (
        ("Cognitive behavioral therapy", "CBT"),
        ("Internal family systems", "IFS"),
        ("Mindfulness-based therapy", ""),
    ):
        services.add_child(instance=ServicePage(title=title, short_name=short, summary=title))
    team = home.add_child(instance=TherapistIndexPage(title="Team", slug="team"))
    team.add_child(
        instance=TherapistPage(
            title="Jane Rivera", summary="Therapist.", credentials="LPC", job_title="Therapist"
        )
    )
    for image in range(10):
        Image.new("RGB", (60, 40), (image * 20, 120, 140)).save(
            WORKDIR / "uploads" / "bench" / f"{image}.png"
        )

    rng = random.Random(15)
    export = WORKDIR / "export.xml"
    write_export(export, count, rng)
    size = export.stat().st_size / 1024 / 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    if os.environ.get("BENCH_PROFILE"):
        import cProfile

        cProfile.runctx("WordPressImport(export, index).run()", globals(), locals(), sort="cumtime")
        return
    report = WordPressImport(export, index).run()
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(report.lines[0])
    print(
        f"export: {count} posts, {size:.1f} MB; database: {os.environ['DATABASE_URL'].split(':')[0]}"
    )
    print(f"import: {elapsed:.1f} s ({elapsed / count * 1000:.0f} ms per post)")
    print(f"peak RSS: {peak:.0f} MB (before the import: {before:.0f} MB)")


if __name__ == "__main__":
    main()
