"""The base's API shapes (the audit trail, the error envelope) and the one way a view validates input."""

from rest_framework import serializers

from config.models import AuditEvent


def validated_input(serializer_class, data) -> dict:
    """``serializer_class(data=data)``'s validated data; invalid input raises DRF's 400."""
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


# The hottest answers (a check-in, a sign-up) are written out directly rather than through DRF's
# field machinery (bench/README.md); their dates and moments read as DRF's own fields write them.
_DAY, _MOMENT = serializers.DateField(), serializers.DateTimeField()


def day_out(value) -> str | None:
    return None if value is None else _DAY.to_representation(value)


def moment_out(value) -> str | None:
    return None if value is None else _MOMENT.to_representation(value)


class AuditEventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", default=None, read_only=True)

    class Meta:
        model = AuditEvent
        fields = ["id", "at", "actor", "action", "object_type", "object_id", "before", "after", "source"]


class ErrorIssueSerializer(serializers.Serializer):
    """The meal issue a refusal at the counter points to."""

    id = serializers.IntegerField()
    issued_at = serializers.DateTimeField()
    issued_by = serializers.CharField(help_text="user name")
    issued_by_name = serializers.CharField()
    may_void = serializers.BooleanField(help_text="may the caller undo it")


class ErrorSerializer(serializers.Serializer):
    """The one error envelope of the API, as config.exceptions renders every refusal.

    Each refusal has ``code`` and ``detail``; the codes below add the keys named with them.
    Validation errors keep DRF's shape ``{"field": ["message", ...]}`` instead.
    """

    code = serializers.CharField(help_text="stable, for programs: e.g. not_found, permission_denied, not_eligible")
    detail = serializers.CharField(help_text="for people, in the request's language (Polish by default)")
    reasons = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="not_eligible: every eligibility reason code"
    )
    issue = ErrorIssueSerializer(required=False, help_text="already_issued, client_ref_reused: the issue in the way")
    signup = serializers.IntegerField(
        required=False, allow_null=True, help_text="already_signed_up: the resident's active sign-up"
    )
    confirmed_count = serializers.IntegerField(required=False, help_text="capacity_below_confirmed")
    current_version = serializers.IntegerField(required=False, help_text="edit_conflict: the version saved meanwhile")
    status = serializers.CharField(required=False, help_text="not_ready: the document's status (pending or failed)")


class TokenSerializer(serializers.Serializer):
    """The answer of the token login (docs/api.md#auth): the token once, and when it stops working."""

    token = serializers.CharField(source="plain")
    expiry = serializers.DateTimeField()
