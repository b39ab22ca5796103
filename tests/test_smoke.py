from .factories import ArticlePageFactory, ServicePageFactory, TherapistPageFactory


def test_factories_build_the_page_tree(article_index, service_index, therapist_index):
    service = ServicePageFactory(parent=service_index, title="Cognitive behavioral therapy")
    therapist = TherapistPageFactory(parent=therapist_index)
    therapist.services.add(service)
    therapist.save()
    article = ArticlePageFactory(parent=article_index, author=therapist)
    article.related_services.add(service)
    article.save()
    assert list(service.discussed_in.all()) == [article]
    assert list(service.offered_by.all()) == [therapist]
