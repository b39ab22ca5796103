from django.db.models.signals import m2m_changed

from wagtail.search.index import class_is_indexed

from modelsearch.tasks import insert_or_update_object_task


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


def register_signal_handlers():
    m2m_changed.connect(reindex_after_many_to_many_change, dispatch_uid="search-m2m-reindex")
