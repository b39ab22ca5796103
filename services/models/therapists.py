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
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.search import index

from practice import structured_data
from practice.pages import IndexPage, SchemaLinks, SitePage, live_related_pages
from services.filters import TherapistFilterSet

from .services import therapist_card_prefetches

THERAPISTS_PER_PAGE = 12


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
            .prefetch_related(*therapist_card_prefetches(), "specialties")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        therapist_filter = TherapistFilterSet(
            request.GET or None, queryset=self.get_therapists(), request=request
        )
        paginator = Paginator(therapist_filter.qs, THERAPISTS_PER_PAGE)
        context.update(
            therapists=paginator.get_page(request.GET.get("page")),
            therapist_filter=therapist_filter,
        )
        return context


class TherapistPage(SitePage):
    """A clinician's profile. The page title is the clinician's name."""

    summary_required = True

    job_title = models.CharField(
        max_length=100,
        help_text=_("The role at the practice, e.g. 'Staff therapist' or 'Clinical director'."),
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
    languages = ParentalManyToManyField(
        "services.Language",
        blank=True,
        related_name="therapists",
        help_text=_(
            "Languages therapy is offered in. Manage the shared list under Snippets › Languages."
        ),
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
        InlinePanel(
            "credentials",
            heading=_("Credentials"),
            label=_("Credential"),
            help_text=_("Shown after the name in this order, e.g. 'LPC, NCC'."),
        ),
        FieldPanel("bio"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("accepting_new_clients"), FieldPanel("availability_as_of")]
                ),
                FieldRowPanel([FieldPanel("offers_telehealth"), FieldPanel("offers_in_person")]),
                InlinePanel(
                    "telehealth_states",
                    heading=_("Telehealth states"),
                    label=_("State"),
                    help_text=_("States whose residents may be seen by video."),
                ),
            ],
            heading=_("Availability"),
        ),
    ]
    practice_panels = [
        FieldPanel("services", widget=forms.CheckboxSelectMultiple),
        FieldPanel("specialties", widget=forms.CheckboxSelectMultiple),
        FieldPanel("client_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("insurance_accepted", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("session_fee"), FieldPanel("sliding_scale")]),
            ],
            heading=_("Fees and insurance"),
        ),
        InlinePanel(
            "licences",
            heading=_("Licences"),
            label=_("Licence"),
            help_text=_("One row per state licence, as issued by that state's board."),
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
        index.RelatedFields(
            "credentials",
            [index.SearchField("abbreviation", boost=1.5), index.SearchField("name")],
        ),
        index.SearchField("job_title"),
        index.RelatedFields("licences", [index.SearchField("licence_type")]),
        index.SearchField("summary"),
        index.SearchField("bio"),
        index.RelatedFields("languages", [index.SearchField("name")]),
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

    @cached_property
    def credential_list(self) -> list:
        return list(self.credentials.all())

    @cached_property
    def licence_list(self) -> list:
        return list(self.licences.all())

    @property
    def credential_letters(self) -> str:
        """The letters after the name, e.g. 'LPC, NCC'."""
        return ", ".join(credential.abbreviation for credential in self.credential_list)

    @property
    def name_with_credentials(self) -> str:
        letters = self.credential_letters
        return f"{self.title}, {letters}" if letters else self.title

    @cached_property
    def language_list(self) -> list:
        return list(self.languages.all())

    @cached_property
    def telehealth_state_names(self) -> list[str]:
        """Where this clinician sees clients by video, as state names (none without telehealth)."""
        if not self.offers_telehealth:
            return []
        names = (str(item) for item in self.telehealth_states.all())
        return list(dict.fromkeys(names))

    @cached_property
    def specialty_list(self):
        return list(self.specialties.all())

    @cached_property
    def offered_services(self):
        return live_related_pages(self.services)

    def get_schema_credentials(self) -> list[dict]:
        credentials = [
            {
                "@type": "EducationalOccupationalCredential",
                "name": credential.name or credential.abbreviation,
                "alternateName": credential.abbreviation if credential.name else "",
            }
            for credential in self.credential_list
        ]
        credentials += [
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "license",
                "name": licence.licence_type,
                "identifier": licence.number,
                "validIn": {"@type": "State", "name": licence.get_state_display()},
            }
            for licence in self.licence_list
        ]
        return credentials

    def get_schema_telehealth_offer(self) -> dict | None:
        """Video sessions and the states they are offered in. schema.org gives a Person no
        `areaServed`, so the states belong to what the person offers."""
        if not self.telehealth_state_names:
            return None
        return {
            "@type": "Offer",
            "itemOffered": {"@type": "Service", "name": str(_("Telehealth therapy sessions"))},
            "areaServed": [
                {"@type": "State", "name": name} for name in self.telehealth_state_names
            ],
        }

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
            "honorificSuffix": self.credential_letters,
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
                knowsLanguage=[language.name for language in self.language_list],
                makesOffer=self.get_schema_telehealth_offer(),
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
