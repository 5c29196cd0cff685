"""Two coordinators editing the same resident: the second save is refused, never silently applied."""

from django.test import Client

from beneficiaries.models import Resident
from tests.factories import UserFactory
from tests.security.conftest import api_client_for
from tests.support import nothing_changed


def test_a_stale_api_patch_is_a_409_and_changes_nothing(world, coordinator):
    other = UserFactory(username="coord2", role="coordinator")
    url = f"/api/v1/residents/{world.resident.pk}/"
    loaded = api_client_for(coordinator).get(url).json()["version"]
    assert api_client_for(other).get(url).json()["version"] == loaded

    first = api_client_for(coordinator).patch(url, {"phone": "600111222", "version": loaded})
    with nothing_changed():
        second = api_client_for(other).patch(url, {"phone": "600999888", "version": loaded})

    assert first.status_code == 200 and first.json()["version"] == loaded + 1
    assert second.status_code == 409
    assert second.json() | {"detail": ""} == {"code": "edit_conflict", "detail": "", "current_version": loaded + 1}
    assert Resident.objects.get(pk=world.resident.pk).phone == "600111222"


def test_a_stale_edit_form_is_refused_and_the_first_save_stays(world, coordinator):
    other = UserFactory(username="coord2", role="coordinator")
    url = f"/residents/{world.resident.pk}/edit/"
    browsers = []
    for user in (coordinator, other):
        browser = Client()
        browser.force_login(user)
        form = browser.get(url).context["form"]
        browsers.append((browser, {name: value for name, value in form.initial.items() if value is not None}))
    (first, data), (second, same) = browsers
    assert data["version"] == same["version"]

    assert first.post(url, {**data, "diet": data["diet"], "phone": "600111222"}).status_code == 302
    with nothing_changed():
        refused = second.post(url, {**same, "diet": same["diet"], "phone": "600999888"})

    assert "ktoś inny zmienił dane tego mieszkańca" in refused.content.decode()
    assert Resident.objects.get(pk=world.resident.pk).phone == "600111222"
