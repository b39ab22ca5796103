"""Relations that follow the text: a service page linked from an article's body (a rich-text
link or a service card) relates the article to that service, so the service page lists the
article and the article's structured data names the service.

`related_services` stays the one relation everything reads. Two more sets say where each
service came from: `services_linked_in_text` (recomputed from the body on every save) and
`services_ticked_by_hand` (ticked on the Relations tab). Removing the last link removes a
service unless the editor ticked it.
"""

import re

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from articles.outline import strings_in

PAGE_LINK = re.compile(r"<a\b[^>]*\blinktype=\"page\"[^>]*>")
LINK_ID = re.compile(r"\bid=\"(\d+)\"")


def linked_page_ids(stream) -> set[int]:
    """Ids of the pages a StreamField body links to: service cards and rich-text page links."""
    ids = set()
    blocks = list(stream.raw_data) if stream else []
    for block in blocks:
        value = block.get("value")
        if block.get("type") == "service_card" and isinstance(value, dict) and value.get("service"):
            ids.add(int(value["service"]))
        for text in strings_in(value):
            for tag in PAGE_LINK.findall(text):
                match = LINK_ID.search(tag)
                if match:
                    ids.add(int(match.group(1)))
    return ids


def _ids(relation) -> set[int]:
    try:
        return {getattr(page, "pk", page) for page in relation.all()}
    except ValueError:  # a new page whose relation was never set in memory
        return set()


def sync_services_with_text(article):
    """Bring the article's service relations in line with its body (in memory: the caller
    saves the page or a revision)."""
    from services.models import ServicePage

    linked_before = _ids(article.services_linked_in_text)
    ticked_before = _ids(article.services_ticked_by_hand)
    chosen = _ids(article.related_services)
    ids = linked_page_ids(article.body)
    services = {page.pk: page for page in ServicePage.objects.filter(pk__in=ids)} if ids else {}
    linked_now = set(services)
    # Anything chosen that the text did not put there was ticked by hand (or set by code).
    ticked_now = (chosen - linked_before) | (ticked_before & chosen)
    if (
        linked_now == linked_before
        and ticked_now == ticked_before
        and chosen == ticked_now | linked_now
    ):
        return
    services.update(
        (page.pk, page)
        for page in ServicePage.objects.filter(pk__in=(ticked_now | chosen) - set(services))
    )
    article.services_linked_in_text.set([services[pk] for pk in sorted(linked_now)])
    article.services_ticked_by_hand.set([services[pk] for pk in sorted(ticked_now)])
    article.related_services.set([services[pk] for pk in sorted(ticked_now | linked_now)])


class ServicesLinkedInTextPanel(Panel):
    """Read-only: which related services come from links in the body."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "admin/articles/services_linked_in_text.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["services"] = sorted(
                self.instance.services_linked_in_text.all(), key=lambda page: page.title
            )
            context["help"] = _(
                "Linking a service page in the body (a link in the text or a service card) "
                "relates the article to it, and the service page lists the article. The "
                "relation goes when the last link goes, unless you also ticked the service "
                "above by hand."
            )
            return context
