"""Add N synthetic self-help articles to the site, for the search benchmark (bench/run).

The articles are varied enough to make full-text search work for its living: titles and bodies
are assembled from a few hundred therapy-related phrases, each body has eight to twelve blocks
(headings, paragraphs, lists, strategies, a callout, FAQs), and every article gets topics, an
author and related services from the existing site. Run `load_demo_content` first.

Never run this against a real site: the articles are nonsense with a straight face.
"""

import json
import random
import time

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page, Revision

from articles.models import ArticleIndexPage, ArticlePage, ArticleTopic, ClinicalReview
from practice.text import reading_time_minutes
from services.models import ServicePage, TherapistPage

THEMES = {
    "anxiety": [
        "worry",
        "racing thoughts",
        "panic attacks",
        "avoidance",
        "reassurance seeking",
        "what-if thinking",
        "muscle tension",
        "health anxiety",
        "social anxiety",
    ],
    "trauma": [
        "flashbacks",
        "hypervigilance",
        "nightmares",
        "triggers",
        "feeling unsafe",
        "dissociation",
        "childhood trauma",
        "car accidents",
    ],
    "parenting": [
        "mom guilt",
        "toddler tantrums",
        "screen time",
        "bedtime battles",
        "co-parenting",
        "teen moods",
        "the mental load",
        "sibling rivalry",
    ],
    "depression": [
        "low mood",
        "fatigue",
        "loss of interest",
        "withdrawal from friends",
        "changes in appetite",
        "heavy mornings",
    ],
    "relationships": [
        "conflict",
        "communication",
        "boundaries",
        "attachment styles",
        "rebuilding trust",
        "loneliness",
        "jealousy",
    ],
    "grief": [
        "loss",
        "bereavement",
        "anniversaries",
        "complicated grief",
        "losing a parent",
        "pet loss",
    ],
    "work": [
        "burnout",
        "perfectionism",
        "imposter feelings",
        "overwork",
        "difficult managers",
        "job loss",
    ],
    "sleep": ["insomnia", "night waking", "sleep routines", "rumination at night", "rest"],
    "self-worth": [
        "self-criticism",
        "people pleasing",
        "shame",
        "self-compassion",
        "comparison",
        "body image",
    ],
    "transitions": [
        "moving house",
        "a new job",
        "retirement",
        "an empty nest",
        "divorce",
        "becoming a parent",
    ],
    "postpartum": [
        "postpartum anxiety",
        "intrusive thoughts",
        "feeding struggles",
        "identity shifts",
        "sleep deprivation",
    ],
    "ocd": [
        "compulsions",
        "checking",
        "intrusive images",
        "exposure and response prevention",
        "tolerating uncertainty",
    ],
}
APPROACHES = [
    "cognitive behavioral therapy",
    "CBT",
    "internal family systems",
    "IFS",
    "EMDR",
    "DBT skills",
    "acceptance and commitment therapy",
    "mindfulness",
    "somatic work",
    "family therapy",
    "couples counseling",
    "exposure therapy",
    "group therapy",
]
PEOPLE = [
    "many parents",
    "clients we see",
    "busy professionals",
    "college students",
    "new mothers",
    "teenagers",
    "couples",
    "caregivers",
    "veterans",
    "older adults",
    "people in recovery",
    "first responders",
]
VERBS = ["notice", "describe", "struggle with", "feel caught by", "live with", "recognize"]
SITUATIONS = [
    "late at night",
    "before a big meeting",
    "after a hard conversation",
    "during the school run",
    "on holidays",
    "when plans change",
    "in crowded places",
    "after scrolling social media",
    "on Sunday evenings",
    "in the doctor's waiting room",
]
HELPS = [
    "slow breathing",
    "a short walk",
    "writing things down",
    "naming the feeling",
    "talking to a friend",
    "grounding through the senses",
    "a regular bedtime",
    "limiting caffeine",
    "scheduling worry time",
    "gentle movement",
    "a kinder inner voice",
    "asking for help early",
]
TITLES = [
    "How to cope with {}",
    "Understanding {}",
    "When {} gets in the way",
    "Five ways to ease {}",
    "What to know about {}",
    "A gentle guide to {}",
    "Living with {}",
    "Talking to your family about {}",
    "Small steps for {}",
    "Is it {}? Signs to look for",
]
SENTENCES = [
    "{people} {verb} {phrase} {situation}.",
    "It is common to {verb} {phrase}, and it rarely means something is wrong with you.",
    "{help} can take the edge off {phrase} {situation}.",
    "In therapy, {approach} offers a way to work with {phrase} rather than against it.",
    "{people} tell us that {phrase} eased once they tried {help}.",
    "If {phrase} keeps returning {situation}, it may be time to talk to someone.",
    "Research on {approach} suggests it helps with {phrase} and {other}.",
    "{phrase} and {other} often travel together.",
]


def sentence(rng: random.Random, phrase: str, theme: list[str]) -> str:
    text = rng.choice(SENTENCES).format(
        people=rng.choice(PEOPLE),
        verb=rng.choice(VERBS),
        phrase=phrase,
        other=rng.choice(theme),
        situation=rng.choice(SITUATIONS),
        help=rng.choice(HELPS),
        approach=rng.choice(APPROACHES),
    )
    return text[0].upper() + text[1:]


def paragraph(rng, theme, sentences=4):
    return (
        "<p>" + " ".join(sentence(rng, rng.choice(theme), theme) for _ in range(sentences)) + "</p>"
    )


def article_body(rng: random.Random, phrase: str, theme: list[str]) -> list[dict]:
    blocks = [{"type": "paragraph", "value": paragraph(rng, theme, 5)}]
    for heading in rng.sample(
        [f"What {phrase} can feel like", "Why it happens", "What helps", "When to get support"], 3
    ):
        blocks.append({"type": "heading", "value": {"text": heading, "level": "h2", "anchor": ""}})
        blocks.append({"type": "paragraph", "value": paragraph(rng, theme, rng.randint(3, 6))})
    blocks.append(
        {
            "type": "bulleted_list",
            "value": {
                "lead_in": "It can show up as:",
                "items": [f"<p>{item}</p>" for item in rng.sample(theme, min(4, len(theme)))],
            },
        }
    )
    blocks.append(
        {
            "type": "strategies",
            "value": {
                "numbered": True,
                "items": [
                    {"title": help.capitalize(), "text": paragraph(rng, theme, 2)}
                    for help in rng.sample(HELPS, 3)
                ],
            },
        }
    )
    blocks.append(
        {
            "type": "callout",
            "value": {"tone": "support", "title": "", "text": paragraph(rng, theme, 1)},
        }
    )
    blocks.append(
        {
            "type": "faq",
            "value": {
                "items": [
                    {
                        "question": f"Can {rng.choice(APPROACHES)} help with {phrase}?",
                        "answer": paragraph(rng, theme, 2),
                    },
                    {"question": "Do you offer telehealth?", "answer": paragraph(rng, theme, 1)},
                ]
            },
        }
    )
    return blocks


BATCH = 500


def insert_articles(index: ArticleIndexPage, articles: list[ArticlePage]):
    """Insert live, reviewed articles under `index` a batch at a time: their page rows, article
    rows, a published revision and a clinical review each, and their topics and services.

    Creating each with add_child() and publishing it runs some 50 queries an article: 505 s for
    10,000 on a quiet machine, hours on a busy one. Bulk inserts skip the signals too, so
    neither the search index nor the reference index is updated article by article (the
    search index is rebuilt once afterwards). The rows are those publish_reviewed_elsewhere()
    leaves: a revision and an approved review naming the reviewer."""
    now, today = timezone.now(), timezone.localdate()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    page_type = ContentType.objects.get_for_model(Page)
    last = index.get_last_child()
    position = last._get_lastpos_in_path() if last else 0
    for article in articles:
        position += 1
        article.path = ArticlePage._get_path(index.path, index.depth + 1, position)
        article.depth, article.numchild = index.depth + 1, 0
        article.url_path = f"{index.url_path}{article.slug}/"
        article.draft_title = article.title
        article.content_type, article.locale_id = content_type, index.locale_id
        article.live, article.has_unpublished_changes = True, False
        article.first_published_at = article.last_published_at = now
        article.latest_revision_created_at = now
        article.first_published = today
        article.reading_time = reading_time_minutes(article.body)
    base_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    for start in range(0, len(articles), BATCH):
        batch = articles[start : start + BATCH]
        pages = Page.objects.bulk_create(
            [Page(**{name: getattr(article, name) for name in base_fields}) for article in batch]
        )
        for article, page in zip(batch, pages, strict=True):
            article.pk = article.page_ptr_id = article.id = page.pk
        # Django cannot bulk_create a multi-table model: its own table's rows, as save() would.
        ArticlePage._base_manager._insert(batch, fields=ArticlePage._meta.local_concrete_fields)
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type=content_type,
                base_content_type=page_type,
                object_id=str(article.pk),
                object_str=article.title,
                content=article.serializable_data(),
                created_at=now,
            )
            for article in batch
        )
        for article, revision in zip(batch, revisions, strict=True):
            article.latest_revision = article.live_revision = revision
        Page.objects.bulk_update(batch, ["latest_revision", "live_revision"])
        ClinicalReview.objects.bulk_create(
            ClinicalReview(
                article=article,
                revision=article.live_revision,
                reviewer_id=article.clinical_reviewer_id,
                reviewed_on=article.last_reviewed,
            )
            for article in batch
        )
        for relation in ("topics", "related_services", "services_ticked_by_hand"):
            field = ArticlePage._meta.get_field(relation)
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            through.objects.bulk_create(
                through(**{f"{source}_id": article.pk, f"{target}_id": related.pk})
                for article in batch
                for related in getattr(article, relation).all()
            )
        yield len(batch)
    Page.objects.filter(pk=index.pk).update(numchild=index.get_children().count())


class Command(BaseCommand):
    help = "Add N synthetic articles (for the search benchmark) and rebuild the search index."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many articles to add.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")

    def handle(self, *args, count, seed, **options):
        index = ArticleIndexPage.objects.first()
        if index is None:
            raise CommandError("No articles index page: run `manage.py load_demo_content` first.")
        rng = random.Random(seed)
        topics = list(ArticleTopic.objects.all())
        authors = list(TherapistPage.objects.live())
        services = list(ServicePage.objects.live())
        themes = list(THEMES.values())
        start_number = ArticlePage.objects.count()
        if not authors:
            raise CommandError("No live therapist to review the articles: load the demo first.")

        started = time.perf_counter()
        articles = []
        for number in range(start_number, start_number + count):
            theme = rng.choice(themes)
            phrase = rng.choice(theme)
            title = rng.choice(TITLES).format(phrase)
            article = ArticlePage(
                title=title[0].upper() + title[1:],
                slug=f"{slugify(title)[:60]}-{number}",
                summary=sentence(rng, phrase, theme),
                body=json.dumps(article_body(rng, phrase, theme)),
                author=rng.choice(authors),
                # Articles go live only with a recorded clinical review (articles.review).
                clinical_reviewer=rng.choice(authors),
                last_reviewed=timezone.localdate(),
            )
            article.topics = rng.sample(topics, min(2, len(topics)))
            # Chosen by hand, as far as the article's relations know: the body links none.
            article.related_services = article.services_ticked_by_hand = rng.sample(
                services, min(2, len(services))
            )
            articles.append(article)
        created = 0
        with transaction.atomic():
            for inserted in insert_articles(index, articles):
                created += inserted
                if created % 1000 == 0:
                    self.stdout.write(f"  {created} articles")
        self.stdout.write(
            f"Created {count} articles in {time.perf_counter() - started:.0f} s; indexing..."
        )
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        # What autovacuum does on a live site within minutes: drop the row versions that
        # indexing replaced (two of every three index entries) and gather planner statistics,
        # without which PostgreSQL plans the searches for the empty tables of a minute ago.
        # VACUUM cannot run inside a transaction (a test's, say); ANALYZE can.
        can_vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if can_vacuum else "ANALYZE")
        self.stdout.write(f"Indexed the site in {time.perf_counter() - started:.0f} s.")
