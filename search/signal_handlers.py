from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page
from wagtail.search.index import class_is_indexed
from wagtail.signals import page_published, page_unpublished

from modelsearch.tasks import insert_or_update_object_task

from .vocabulary import forget_site_vocabulary


def reindex_after_many_to_many_change(sender, instance, action, reverse, **kwargs):
    """Index a page again once its many-to-many relations (topics, specialties...) are saved.

    A page's post_save, which updates the search index, fires before modelcluster commits its
    ParentalManyToManyFields, so without this the index would hold the previous topics or
    specialties until the page was next saved."""
    if reverse or action not in {"post_add", "post_remove", "post_clear"}:
        return
    if class_is_indexed(type(instance)):
        insert_or_update_object_task.enqueue(
            instance._meta.app_label, instance._meta.model_name, str(instance.pk)
        )


def vocabulary_changed(sender, **kwargs):
    forget_site_vocabulary()


def register_signal_handlers():
    from articles.models import ArticleTopic
    from services.models import ClientGroup, Specialty

    from .models import CrisisTerm, SearchSynonym

    m2m_changed.connect(reindex_after_many_to_many_change, dispatch_uid="search-m2m-reindex")
    # "Did you mean" draws on the site's words: a new title or term is offered at once, and is
    # never "corrected" into an older word.
    page_published.connect(vocabulary_changed, dispatch_uid="search-vocabulary-published")
    page_unpublished.connect(vocabulary_changed, dispatch_uid="search-vocabulary-unpublished")
    post_delete.connect(vocabulary_changed, sender=Page, dispatch_uid="search-vocabulary-page")
    for model in (ArticleTopic, Specialty, ClientGroup, CrisisTerm, SearchSynonym):
        for signal in (post_save, post_delete):
            signal.connect(
                vocabulary_changed,
                sender=model,
                dispatch_uid=f"search-vocabulary-{model.__name__}-{signal is post_save}",
            )
