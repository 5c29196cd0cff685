"""Forms of the base: the audit page's filters."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from config.audit import ACTION_LABELS
from config.fields import DayFormField
from config.text import staff_name


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return staff_name(user)


class AuditFilterForm(forms.Form):
    actor = StaffChoiceField(
        label=_("Who"), required=False, queryset=get_user_model().objects.order_by("last_name", "username")
    )
    action = forms.ChoiceField(label=_("What"), required=False)
    date_from = DayFormField(label=_("From"), required=False)
    date_to = DayFormField(label=_("To"), required=False)
    object_type = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    object_id = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = sorted(((code, str(label)) for code, label in ACTION_LABELS.items()), key=lambda item: item[1])
        self.fields["action"].choices = [("", _("any"))] + labels
