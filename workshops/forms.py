"""Forms of the leader pages (plain HTML, POST-redirect-GET)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.fields import MAX_ID, MonthFormField
from config.text import staff_name
from workshops.models import Topic
from workshops.selectors import leader_candidates

_LOCAL_INPUT = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    """The browser's own date-and-time picker (works on tablets without any script)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=_LOCAL_INPUT)


class LeaderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return staff_name(user)


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    topic = forms.ChoiceField(label=_("Theme"), choices=Topic.choices)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeLocalInput())
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DateTimeLocalInput())
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=500, initial=10)
    location = forms.CharField(label=_("Place"), max_length=200, required=False)
    leader = LeaderChoiceField(
        label=_("Leader"), queryset=leader_candidates().order_by("last_name", "first_name"), required=False
    )

    held_on_paper = forms.BooleanField(
        label=_("The session has already taken place: I am recording it from the paper list"), required=False
    )

    def __init__(self, *args, may_choose_leader: bool, may_record_held: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_choose_leader:
            del self.fields["leader"]
        if not may_record_held:
            del self.fields["held_on_paper"]

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must be later than the start."))
        if starts_at and starts_at <= timezone.now() and not cleaned.get("held_on_paper"):
            # A past start on the page is never an accident: it is the explicit paper path.
            self.add_error("starts_at", self._past_start_message())
        return cleaned

    def _past_start_message(self):
        if "held_on_paper" in self.fields:
            return _("This start has already passed. To record a session held on paper, tick the box below.")
        return _("This start has already passed. A coordinator records sessions held on paper.")


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=500)


class SignupForm(forms.Form):
    resident = forms.IntegerField(min_value=1, max_value=MAX_ID, widget=forms.HiddenInput)


class AttendanceForm(forms.Form):
    attended = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1")


class MonthForm(forms.Form):
    month = MonthFormField(label=_("Month"))
