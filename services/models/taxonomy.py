from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet

from practice.models import TaxonomyTerm


@register_snippet
class Specialty(TaxonomyTerm):
    """An issue a therapist treats, e.g. Anxiety, Trauma and PTSD, Postpartum depression."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("specialty")
        verbose_name_plural = _("specialties")


@register_snippet
class ClientGroup(TaxonomyTerm):
    """An age group or population served, e.g. Teens (13–17), Couples, LGBTQ+ clients."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("age group or population")
        verbose_name_plural = _("age groups and populations")


@register_snippet
class InsuranceProvider(TaxonomyTerm):
    """An insurer the practice is in network with. One shared list for all therapists."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("insurance provider")


@register_snippet
class Language(TaxonomyTerm):
    """A language therapy is offered in, e.g. English, Spanish, American Sign Language."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("language")
