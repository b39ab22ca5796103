"""Services, clinicians and the lists they share, one module each."""

from .appointments import AppointmentRequest, AppointmentRequestPage
from .services import SERVICE_CARD_IMAGE, ServiceIndexPage, ServicePage, portrait_prefetch
from .taxonomy import ClientGroup, InsuranceProvider, Specialty
from .therapists import THERAPISTS_PER_PAGE, TherapistFilterForm, TherapistIndexPage, TherapistPage

__all__ = [
    "SERVICE_CARD_IMAGE",
    "THERAPISTS_PER_PAGE",
    "AppointmentRequest",
    "AppointmentRequestPage",
    "ClientGroup",
    "InsuranceProvider",
    "ServiceIndexPage",
    "ServicePage",
    "Specialty",
    "TherapistFilterForm",
    "TherapistIndexPage",
    "TherapistPage",
    "portrait_prefetch",
]
