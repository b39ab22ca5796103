from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.search import index

from practice import structured_data
from practice.pages import IndexPage, SchemaLinks, SitePage, live_related_pages

from .services import ServicePage, portrait_prefetch
from .taxonomy import InsuranceProvider, Specialty

THERAPISTS_PER_PAGE = 12


def split_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


class TherapistIndexPage(IndexPage):
    subpage_types = ["services.TherapistPage"]

    class Meta:
        verbose_name = _("therapists index")

    def get_therapists(self):
        return (
            TherapistPage.objects.live()
            .public()
            .child_of(self)
            .defer_streamfields()
            .prefetch_related(portrait_prefetch(), "specialties")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        therapist_filter = TherapistFilterForm(request.GET or None)
        therapists = self.get_therapists()
        if therapist_filter.is_valid():
            therapists = therapist_filter.apply(therapists)
        paginator = Paginator(therapists, THERAPISTS_PER_PAGE)
        context.update(
            therapists=paginator.get_page(request.GET.get("page")),
            therapist_filter=therapist_filter,
        )
        return context


class TherapistFilterForm(forms.Form):
    """The filters on the team page. Unknown values are reported, never a server error."""

    service = forms.ModelChoiceField(
        queryset=ServicePage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any service"),
    )
    specialty = forms.ModelChoiceField(
        queryset=Specialty.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any concern"),
    )
    insurance = forms.ModelChoiceField(
        queryset=InsuranceProvider.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any insurance"),
    )
    telehealth = forms.BooleanField(required=False, label=_("Offers telehealth"))
    accepting = forms.BooleanField(required=False, label=_("Accepting new clients"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = ServicePage.objects.live().public().order_by("title")

    def apply(self, therapists):
        data = self.cleaned_data
        if data.get("service"):
            therapists = therapists.filter(services=data["service"])
        if data.get("specialty"):
            therapists = therapists.filter(specialties=data["specialty"])
        if data.get("insurance"):
            therapists = therapists.filter(insurance_accepted=data["insurance"])
        if data.get("telehealth"):
            therapists = therapists.filter(offers_telehealth=True)
        if data.get("accepting"):
            therapists = therapists.filter(accepting_new_clients=True)
        return therapists.distinct()


class TherapistPage(SitePage):
    """A clinician's profile. The page title is the clinician's name."""

    summary_required = True

    credentials = models.CharField(
        max_length=80,
        help_text=_("Letters after the name, comma separated, e.g. 'LPC, NCC' or 'PhD'."),
    )
    job_title = models.CharField(
        max_length=100,
        help_text=_("The role at the practice, e.g. 'Staff therapist' or 'Clinical director'."),
    )
    licence_type = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("The licence held, e.g. 'Licensed Professional Counselor'."),
    )
    licence_number = models.CharField(
        max_length=40, blank=True, help_text=_("As issued by the state board.")
    )
    licence_states = models.CharField(
        max_length=120,
        blank=True,
        help_text=_(
            "Two-letter codes of the states where the licence is held, comma separated, e.g. 'AL, GA'."
        ),
    )
    photo = models.ForeignKey(
        "practice.PracticeImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A friendly, recent head-and-shoulders photo. Square works best."),
    )
    bio = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text=_(
            "A warm, plain-language introduction: approach, training, what sessions feel like."
        ),
    )
    services = ParentalManyToManyField(
        "services.ServicePage",
        blank=True,
        related_name="offered_by",
        help_text=_(
            "The therapies this clinician offers. The profile appears on those service pages."
        ),
    )
    specialties = ParentalManyToManyField(
        "services.Specialty", blank=True, related_name="therapists", help_text=_("Issues treated.")
    )
    client_groups = ParentalManyToManyField(
        "services.ClientGroup",
        blank=True,
        related_name="therapists",
        help_text=_("Age groups and populations served."),
    )
    languages = models.CharField(
        max_length=120,
        default="English",
        help_text=_("Languages therapy is offered in, comma separated."),
    )
    insurance_accepted = ParentalManyToManyField(
        "services.InsuranceProvider",
        blank=True,
        related_name="therapists",
        help_text=_(
            "In-network insurers. Manage the shared list under Snippets › Insurance providers."
        ),
    )
    session_fee = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Self-pay fee for a standard session, in US dollars.")
    )
    sliding_scale = models.BooleanField(
        default=False, help_text=_("Offers reduced fees based on income.")
    )
    offers_telehealth = models.BooleanField(
        default=True, help_text=_("Sees clients by secure video.")
    )
    telehealth_states = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Two-letter codes of states covered by telehealth, comma separated."),
    )
    offers_in_person = models.BooleanField(default=True, help_text=_("Sees clients at the office."))
    accepting_new_clients = models.BooleanField(
        default=True, help_text=_("Untick when the caseload is full.")
    )
    availability_as_of = models.DateField(
        null=True,
        blank=True,
        help_text=_("When the 'accepting new clients' status was last confirmed."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="therapist_profile",
        verbose_name=_("staff account"),
        help_text=_(
            "The clinician's login for this admin, if they have one. When they approve an "
            "article in clinical review, this profile is recorded as its clinical reviewer."
        ),
    )

    content_panels = [
        *SitePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("credentials"),
                FieldPanel("job_title"),
                FieldPanel("photo"),
                FieldPanel(
                    "summary",
                    help_text=_(
                        "Two sentences in the clinician's voice, shown on the team page and "
                        "in previews."
                    ),
                ),
            ],
            heading=_("Introduction"),
        ),
        FieldPanel("bio"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("accepting_new_clients"), FieldPanel("availability_as_of")]
                ),
                FieldRowPanel([FieldPanel("offers_telehealth"), FieldPanel("offers_in_person")]),
                FieldPanel("telehealth_states"),
            ],
            heading=_("Availability"),
        ),
    ]
    practice_panels = [
        FieldPanel("services", widget=forms.CheckboxSelectMultiple),
        FieldPanel("specialties", widget=forms.CheckboxSelectMultiple),
        FieldPanel("client_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages"),
        MultiFieldPanel(
            [
                FieldPanel("insurance_accepted", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("session_fee"), FieldPanel("sliding_scale")]),
            ],
            heading=_("Fees and insurance"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("licence_type"),
                FieldPanel("licence_number"),
                FieldPanel("licence_states"),
            ],
            heading=_("Licence"),
        ),
        FieldPanel("user", permission="services.link_staff_account"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Profile")),
            ObjectList(practice_panels, heading=_("Services and practice details")),
            ObjectList(SitePage.promote_panels, heading=_("Promote")),
            ObjectList(SitePage.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *SitePage.search_fields,
        index.SearchField("credentials", boost=1.5),
        index.SearchField("job_title"),
        index.SearchField("licence_type"),
        index.SearchField("summary"),
        index.SearchField("bio"),
        index.SearchField("languages"),
        index.RelatedFields("specialties", [index.SearchField("name", boost=1.5)]),
        index.RelatedFields("services", [index.SearchField("title")]),
        index.RelatedFields("client_groups", [index.SearchField("name")]),
        index.FilterField("accepting_new_clients"),
        index.FilterField("offers_telehealth"),
    ]
    parent_page_types = ["services.TherapistIndexPage"]
    subpage_types = []
    seo_image_sources = ["og_image", "photo"]
    schema_page_type = "ProfilePage"

    class Meta:
        verbose_name = _("therapist profile")
        permissions = [
            ("link_staff_account", _("Can link a therapist profile to a staff account")),
        ]

    @property
    def name_with_credentials(self) -> str:
        return f"{self.title}, {self.credentials}" if self.credentials else self.title

    @property
    def credential_list(self) -> list[str]:
        return split_list(self.credentials)

    @property
    def language_list(self) -> list[str]:
        return split_list(self.languages)

    @property
    def licence_state_list(self) -> list[str]:
        return split_list(self.licence_states)

    @property
    def telehealth_state_list(self) -> list[str]:
        return split_list(self.telehealth_states)

    @cached_property
    def specialty_list(self):
        return list(self.specialties.all())

    @cached_property
    def offered_services(self):
        return live_related_pages(self.services)

    def get_schema_credentials(self) -> list[dict]:
        credentials = [
            {"@type": "EducationalOccupationalCredential", "name": letters}
            for letters in self.credential_list
        ]
        if self.licence_type:
            credentials.append(
                {
                    "@type": "EducationalOccupationalCredential",
                    "credentialCategory": "license",
                    "name": self.licence_type,
                    "identifier": self.licence_number,
                    "validIn": [
                        {"@type": "State", "name": state} for state in self.licence_state_list
                    ],
                }
            )
        return credentials

    def get_schema_person(self, links: SchemaLinks, *, full=False) -> dict:
        """This clinician as a schema.org Person (e.g. an article's author); `full` adds what
        the profile page shows."""
        # An unpublished profile is still the author's name and credentials, but not a link.
        url = links.url_of(self) if self.live else ""
        person = {
            "@type": "Person",
            "@id": structured_data.person_id(url) if url else "",
            "name": self.title,
            "url": url,
            "jobTitle": self.job_title,
            "honorificSuffix": self.credentials,
            "hasCredential": self.get_schema_credentials(),
            "worksFor": links.organisation,
        }
        if full:
            person.update(
                description=self.summary,
                image=self.seo_image_url,
                knowsAbout=[
                    *(service.get_schema_therapy(links) for service in self.offered_services),
                    *(specialty.name for specialty in self.specialty_list),
                ],
                knowsLanguage=self.language_list,
            )
        return person

    def get_schema_page(self, links):
        return {"mainEntity": structured_data.ref(structured_data.person_id(links.page_url))}

    def get_schema_entities(self, links):
        return [self.get_schema_person(links, full=True)]

    @cached_property
    def articles(self):
        """Live articles this clinician wrote or reviewed, newest first."""
        article_model = self.authored_articles.model  # services does not import articles
        return list(
            article_model.objects.live()
            .public()
            .filter(models.Q(author=self) | models.Q(clinical_reviewer=self))
            .defer_streamfields()
            .order_by("-first_published", "-pk")[:6]
        )
