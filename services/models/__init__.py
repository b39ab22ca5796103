"""Services, clinicians and the lists they share, one module each."""

from .appointments import AppointmentRequest, AppointmentRequestPage
from .services import (
    ServiceIndexPage,
    ServicePage,
    portrait_prefetch,
    therapist_card_prefetches,
)
from .taxonomy import ClientGroup, InsuranceProvider, Language, Specialty
from .therapist_details import TherapistCredential, TherapistLicence, TherapistTelehealthState
from .therapists import THERAPISTS_PER_PAGE, TherapistIndexPage, TherapistPage

__all__ = [
    "THERAPISTS_PER_PAGE",
    "AppointmentRequest",
    "AppointmentRequestPage",
    "ClientGroup",
    "InsuranceProvider",
    "Language",
    "ServiceIndexPage",
    "ServicePage",
    "Specialty",
    "TherapistCredential",
    "TherapistIndexPage",
    "TherapistLicence",
    "TherapistPage",
    "TherapistTelehealthState",
    "portrait_prefetch",
    "therapist_card_prefetches",
]
