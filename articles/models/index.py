from django import forms
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from articles.review import ArticleIndexPermissionTester
from practice.pages import IndexPage
from services.models import ServicePage

from .article import ArticlePage
from .topics import ArticleTopic, card_image_prefetch

ARTICLES_PER_PAGE = 10


class ArticleFilterForm(forms.Form):
    """Filters on the article list, by slug. A bad value is a form error, never a 500."""

    topic = forms.ModelChoiceField(
        queryset=ArticleTopic.objects.all(), to_field_name="slug", required=False
    )
    service = forms.ModelChoiceField(
        queryset=ServicePage.objects.none(), to_field_name="slug", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = ServicePage.objects.live().public()


class ArticleIndexPage(IndexPage):
    subpage_types = ["articles.ArticlePage"]

    class Meta:
        verbose_name = _("articles index")

    def permissions_for_user(self, user):
        return ArticleIndexPermissionTester(user, self)

    def get_articles(self):
        """Live, public articles under this index, newest first, ready for cards."""
        return (
            ArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .defer_streamfields()
            .select_related("author")
            .prefetch_related(card_image_prefetch(), "topics")
            .order_by("-first_published", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.get_articles()
        article_filter = ArticleFilterForm(request.GET)
        # An unknown topic or service is reported, and the valid filters still apply.
        filter_unknown = not article_filter.is_valid()
        topic = article_filter.cleaned_data.get("topic")
        service = article_filter.cleaned_data.get("service")
        if topic:
            articles = articles.filter(topics=topic)
        if service:
            articles = articles.filter(related_services=service)
        paginator = Paginator(articles, ARTICLES_PER_PAGE)
        context.update(
            articles=paginator.get_page(request.GET.get("page")),
            active_topic=topic,
            active_service=service,
            filter_unknown=filter_unknown,
            topics=ArticleTopic.objects.filter(Exists(live_articles_tagged(OuterRef("pk")))),
        )
        return context


def live_articles_tagged(topic):
    """Links from `topic` to live articles. As an EXISTS test it stops at the first one, where
    a join with DISTINCT reads every tagged article."""
    live_article = Page.objects.filter(pk=OuterRef("articlepage_id"), live=True)
    return ArticlePage.topics.through.objects.filter(articletopic=topic).filter(
        Exists(live_article)
    )
