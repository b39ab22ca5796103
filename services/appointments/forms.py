"""The visitor's request form: validated server-side, phone-first, usable without JavaScript."""

import re
import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from services.models import AppointmentRequest, ServicePage, TherapistPage

NAME_MAX_LENGTH = 100
MESSAGE_MAX_LENGTH = 600
# The honeypot: hidden from people (and from assistive technology), filled in by naive bots.
HONEYPOT_FIELD = "website"

Method = AppointmentRequest.ContactMethod
# Which contact detail each way of contacting needs.
CONTACT_DETAILS_NEEDED = {
    "phone": ({Method.PHONE, Method.TEXT}, _("Enter a phone number so that we can reach you.")),
    "email": ({Method.EMAIL}, _("Enter an email address so that we can reach you.")),
}


def normalise_us_phone(value: str) -> str:
    """'205.555.0142' or '+1 205 555 0142' → '(205) 555-0142'; ValidationError otherwise."""
    digits = re.sub(r"\D", "", value)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10 or digits[0] in "01":
        raise forms.ValidationError(
            _("Enter a US phone number with its area code, for example (205) 555-0142."),
            code="invalid_phone",
        )
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


class AppointmentRequestForm(forms.ModelForm):
    submission_token = forms.UUIDField(widget=forms.HiddenInput)
    service = forms.ModelChoiceField(
        queryset=ServicePage.objects.none(),
        to_field_name="slug",
        label=_("What would you like help with?"),
        empty_label=_("Not sure yet: help me choose"),
        required=False,
    )
    therapist = forms.ModelChoiceField(
        queryset=TherapistPage.objects.none(),
        to_field_name="slug",
        label=_("Preferred therapist (optional)"),
        empty_label=_("No preference"),
        required=False,
        help_text=_("Only therapists accepting new clients are listed."),
    )
    preferred_days = forms.MultipleChoiceField(
        choices=AppointmentRequest.Day.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Days that suit you (optional)"),
    )
    preferred_times = forms.MultipleChoiceField(
        choices=AppointmentRequest.TimeOfDay.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Times that suit you (optional)"),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the practice may contact me in the way I chose above about this request."
        ),
        error_messages={"required": _("Tick the box so that we may contact you.")},
    )
    website = forms.CharField(required=False, label=_("Leave this empty"))

    class Meta:
        model = AppointmentRequest
        fields = [
            "name",
            "contact_method",
            "phone",
            "email",
            "session_format",
            "telehealth_state",
            "service",
            "therapist",
            "preferred_days",
            "preferred_times",
            "message",
        ]
        labels = {
            "name": _("Your name"),
            "contact_method": _("How should we contact you?"),
            "phone": _("Phone number"),
            "email": _("Email address"),
            "session_format": _("Telehealth or in person?"),
            "telehealth_state": _("Which state will you be in for telehealth sessions?"),
            "message": _("Anything else we should know? (optional)"),
        }
        error_messages = {
            "name": {"required": _("Enter your name. A first name is fine.")},
            "contact_method": {"required": _("Choose how we should contact you.")},
            "session_format": {"required": _("Choose telehealth, in person, or either.")},
        }
        help_texts = {
            "name": _("The name you would like us to use. A first name is fine."),
            "phone": _("Needed for a call or a text."),
            "email": _("Needed if you chose email."),
        }
        widgets = {
            "name": forms.TextInput(
                attrs={"autocomplete": "name", "inputmode": "text", "maxlength": NAME_MAX_LENGTH}
            ),
            "contact_method": forms.RadioSelect,
            "phone": forms.TextInput(
                attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel", "maxlength": 30}
            ),
            "email": forms.EmailInput(
                attrs={"autocomplete": "email", "inputmode": "email", "maxlength": 254}
            ),
            "session_format": forms.RadioSelect,
            "message": forms.Textarea(
                attrs={
                    "rows": 4,
                    "autocomplete": "off",
                    "inputmode": "text",
                    "maxlength": MESSAGE_MAX_LENGTH,
                }
            ),
        }

    def __init__(self, data=None, *args, page, telehealth_states, **kwargs):
        if data is not None:
            data = self.tidy_data(data)
        super().__init__(data, *args, **kwargs)
        self.page = page
        self.fields["service"].queryset = ServicePage.objects.live().public().order_by("title")
        self.fields["therapist"].queryset = (
            TherapistPage.objects.live()
            .public()
            .filter(accepting_new_clients=True)
            .order_by("title")
        )
        state = self.fields["telehealth_state"]
        state.choices = [("", _("Choose a state")), *telehealth_states]
        state.required = False
        state.widget.attrs["autocomplete"] = "address-level1"
        self.fields["contact_method"].choices = AppointmentRequest.ContactMethod.choices
        self.fields["session_format"].choices = AppointmentRequest.SessionFormat.choices
        self.fields["service"].widget.attrs["autocomplete"] = "off"
        self.fields["therapist"].widget.attrs["autocomplete"] = "off"
        honeypot = self.fields[HONEYPOT_FIELD]
        honeypot.widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    @staticmethod
    def tidy_data(data):
        """What the visitor need not be told about: a missing or mangled hidden token gets a
        fresh one, and the state of a telehealth choice left behind by an in-person request
        is dropped."""
        data = data.copy()
        try:
            uuid.UUID(str(data.get("submission_token", "")))
        except ValueError:
            data["submission_token"] = str(uuid.uuid4())
        if data.get("session_format") == AppointmentRequest.SessionFormat.IN_PERSON:
            data["telehealth_state"] = ""
        return data

    def error_summary(self) -> list[tuple[str, str]]:
        """(anchor, message) for each error, in the order of the form: a group of choices is
        reached through its first choice."""
        summary = [("", error) for error in self.non_field_errors()]
        for name, field in self.fields.items():
            anchor = self[name].auto_id + ("_0" if field.widget.use_fieldset else "")
            summary.extend((anchor, error) for error in self.errors.get(name, []))
        return summary

    def describe_fields(self):
        """Point each control at its hint, notice and error, and mark invalid ones, so that a
        screen reader announces them with the field."""
        for name, field in self.fields.items():
            if field.widget.use_fieldset or field.widget.is_hidden:
                continue
            auto_id = self[name].auto_id
            described_by = [f"{auto_id}_hint"] if field.help_text else []
            if name == "message":
                described_by.append(f"{auto_id}_notice")
            if name in self.errors:
                described_by.append(f"{auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) > NAME_MAX_LENGTH:
            raise forms.ValidationError(
                _("Keep your name under %(max)s characters.") % {"max": NAME_MAX_LENGTH}
            )
        return name

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        return normalise_us_phone(phone) if phone else ""

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email:
            forms.EmailField(max_length=254).clean(email)
        return email

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) > MESSAGE_MAX_LENGTH:
            raise forms.ValidationError(
                _("Keep your message under %(max)s characters (it has %(count)s).")
                % {"max": MESSAGE_MAX_LENGTH, "count": len(message)}
            )
        return message

    def clean(self):
        data = super().clean()
        method = data.get("contact_method")
        for field, (methods, message) in CONTACT_DETAILS_NEEDED.items():
            if method in methods and not data.get(field) and field not in self.errors:
                self.add_error(field, message)
        session_format = data.get("session_format")
        if session_format == AppointmentRequest.SessionFormat.IN_PERSON:
            data["telehealth_state"] = ""
        elif (
            session_format == AppointmentRequest.SessionFormat.TELEHEALTH
            and not data.get("telehealth_state")
            and "telehealth_state" not in self.errors
        ):
            self.add_error(
                "telehealth_state",
                _(
                    "Choose the state you will be in: we can offer telehealth only where we are licensed."
                ),
            )
        return data

    def save(self, commit=True):
        self.instance.submission_token = self.cleaned_data["submission_token"]
        self.instance.consented_at = timezone.now()
        return super().save(commit=commit)
