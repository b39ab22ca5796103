from django.db.models.signals import m2m_changed, post_delete, post_save

from modelcluster.models import get_all_child_m2m_relations
from wagtail.models import Page
from wagtail.search.index import class_is_indexed
from wagtail.signals import page_published, page_unpublished

from modelsearch.tasks import insert_or_update_object_task

from .vocabulary import forget_site_vocabulary


def reindex_after_many_to_many_change(sender, instance, action, reverse, **kwargs):
    """Index a page again once its many-to-many relations (topics, specialties...) are saved.

    A page's post_save, which updates the search index, fires before modelcluster commits its
    ParentalManyToManyFields, so without this the index would hold the previous topics or
    specialties until the page was next saved. A save that changes several of them indexes
    the page once, after the last."""
    if reverse or action not in {"post_add", "post_remove", "post_clear"}:
        return
    if class_is_indexed(type(instance)) and not more_changes_to_commit(instance, sender):
        insert_or_update_object_task.enqueue(
            instance._meta.app_label, instance._meta.model_name, str(instance.pk)
        )


def more_changes_to_commit(instance, through) -> bool:
    """Whether modelcluster, committing the page's ParentalManyToManyFields one after another
    (removals, then additions), has yet to write a change that will send its own signal."""
    pending = getattr(instance, "_cluster_related_objects", None) or {}
    fields = get_all_child_m2m_relations(type(instance))
    current = next((f for f in fields if f.remote_field.through is through), None)
    if current is None or current.name not in pending:
        return False
    later = fields[fields.index(current) :]
    return any(field.name in pending and not_yet_written(instance, field) for field in later)


def not_yet_written(instance, field) -> bool:
    manager = getattr(instance, field.name).get_original_manager()
    written = set(manager.values_list("pk", flat=True))
    return {item.pk for item in instance._cluster_related_objects[field.name]} != written


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
