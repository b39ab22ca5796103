"""Record the reviews of articles already live, so that the rule "no article is live without
a recorded clinical review of its live revision" holds from the start.

Before this record existed, an approval stamped the revision it published with the review
date and the reviewer: such a live revision is recorded as reviewed. A live article whose
live revision carries no review date or names nobody was never approved, and is unpublished
(its content stays as a draft, to submit for review).
"""

from django.db import migrations


def backfill(apps, schema_editor):
    ArticlePage = apps.get_model("articles", "ArticlePage")
    ClinicalReview = apps.get_model("articles", "ClinicalReview")
    Revision = apps.get_model("wagtailcore", "Revision")
    for article in ArticlePage.objects.filter(live=True):
        revision = Revision.objects.filter(pk=article.live_revision_id).first()
        content = revision.content if revision else {}
        reviewed_on = content.get("last_reviewed")
        reviewer_id = content.get("clinical_reviewer")
        approver_id = revision.user_id if revision else None
        if reviewed_on and (reviewer_id or approver_id):
            ClinicalReview.objects.get_or_create(
                revision=revision,
                defaults={
                    "article": article,
                    "approved_by_id": approver_id,
                    "reviewer_id": reviewer_id,
                    "reviewed_on": reviewed_on,
                },
            )
        else:
            ArticlePage.objects.filter(pk=article.pk).update(
                live=False, has_unpublished_changes=True, live_revision=None
            )


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_clinical_review_record")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
