"""Django admin: platforms with their modules, and enabling/disabling through a confirmation page."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from orion.modules import services, state
from orion.modules.models import ModuleAuditEntry, PlatformModule
from tests.testmodules.dummy import definition as dummy


@pytest.fixture(autouse=True)
def _reset_dummy():
    dummy.FAIL_ON.clear()
    dummy.CALLS.clear()
    yield
    dummy.FAIL_ON.clear()


def manage_url(platform):
    return reverse("admin:orion_modules_platformmodule_manage", args=[platform.pk])


def confirm_url(platform, action, code):
    return reverse("admin:orion_modules_platformmodule_confirm", args=[platform.pk, action, code])


def row(html, element_id):
    """The HTML of the table row with ``id=element_id``."""
    match = re.search(rf'<tr id="{re.escape(element_id)}"[^>]*>(.*?)</tr>', html, re.S)
    assert match, f"no row {element_id}"
    return match.group(1)


def plan_field(html):
    return re.search(r'name="plan" value="([^"]*)"', html).group(1)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


# --- tenancy admin ------------------------------------------------------------


def test_platform_changelist_lists_platforms_with_domains(admin_client, platform, other_platform):
    response = admin_client.get(reverse("admin:tenancy_platform_changelist"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Main" in html and "Other" in html
    assert "testserver" in html and "other.testserver" in html


def test_platform_changelist_searches_by_domain(admin_client, platform, other_platform):
    response = admin_client.get(reverse("admin:tenancy_platform_changelist"), {"q": "other.testserver"})

    assert list(response.context["cl"].result_list) == [other_platform]


def test_platform_change_page_shows_modules_and_why(admin_client, platform, enable):
    enable("dummy_addon")

    response = admin_client.get(reverse("admin:tenancy_platform_change", args=[platform.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "testserver" in html  # the domain inline
    assert "core module" in row(html, "module-tenancy")
    assert "required by dummy_addon" in row(html, "module-dummy")
    assert "enabled explicitly" in row(html, "module-dummy_addon")
    assert manage_url(platform) in html


def test_platform_add_page_renders(admin_client, db):
    response = admin_client.get(reverse("admin:tenancy_platform_add"))

    assert response.status_code == 200
    assert "Save the platform first" in response.content.decode()


def test_store_and_domain_changelists_render(admin_client, store):
    stores = admin_client.get(reverse("admin:tenancy_store_changelist"), {"platform__id__exact": store.platform_id})
    domains = admin_client.get(reverse("admin:tenancy_platformdomain_changelist"), {"q": "testserver"})

    assert stores.status_code == 200 and list(stores.context["cl"].result_list) == [store]
    assert domains.status_code == 200 and "testserver" in domains.content.decode()


# --- manage page ----------------------------------------------------------------


def test_manage_page_lists_every_module_with_reason_and_button(admin_client, platform, enable):
    enable("dummy_addon")

    response = admin_client.get(manage_url(platform))

    assert response.status_code == 200
    html = response.content.decode()
    tenancy = row(html, "module-tenancy")
    assert "core — always on" in tenancy and "button" not in tenancy
    dummy_row = row(html, "module-dummy")
    assert "required by dummy_addon" in dummy_row and "1.4.0" in dummy_row
    assert confirm_url(platform, "disable", "dummy") in dummy_row
    assert "enabled explicitly" in row(html, "module-dummy_addon")
    assert {m["code"] for m in response.context["modules"]} >= {"tenancy", "dummy", "dummy_addon"}
    assert len(response.context["audit_entries"]) == 2


def test_manage_page_offers_enable_for_modules_that_are_off(admin_client, platform):
    html = admin_client.get(manage_url(platform)).content.decode()

    addon = row(html, "module-dummy_addon")
    assert "off" in addon
    assert confirm_url(platform, "enable", "dummy_addon") in addon


def test_manage_page_of_unknown_platform_is_404(admin_client, db):
    assert admin_client.get(reverse("admin:orion_modules_platformmodule_manage", args=[999])).status_code == 404
    assert admin_client.get("/admin/orion_modules/platformmodule/manage/not-a-pk/").status_code == 404


# --- confirm: enable ------------------------------------------------------------


def test_confirm_enable_shows_cascade_and_changes_nothing(admin_client, platform):
    response = admin_client.get(confirm_url(platform, "enable", "dummy_addon"))

    assert response.status_code == 200
    html = response.content.decode()
    assert [c["module"] for c in response.context["changes"]] == ["dummy", "dummy_addon"]
    assert html.index('id="change-dummy"') < html.index('id="change-dummy_addon"')
    dummy_row = row(html, "change-dummy")
    assert "required by dummy_addon" in dummy_row
    assert "dummy.on_enable" in dummy_row
    assert "Things" in dummy_row  # a menu that appears
    assert "requested" in row(html, "change-dummy_addon")
    assert "csrfmiddlewaretoken" in html and 'type="submit"' in html
    assert manage_url(platform) in html  # cancel
    assert not PlatformModule.objects.exists()
    assert not ModuleAuditEntry.objects.exists()
    assert dummy.CALLS == []


def test_confirm_post_applies_and_audits_with_actor(admin_client, admin_user, platform):
    url = confirm_url(platform, "enable", "dummy_addon")
    signature = plan_field(admin_client.get(url).content.decode())

    response = admin_client.post(url, {"plan": signature}, follow=True)

    assert response.redirect_chain == [(manage_url(platform), 302)]
    assert any("dummy, dummy_addon" in m for m in messages_of(response))
    assert state.enabled_modules(platform) >= {"dummy", "dummy_addon"}
    audit = list(
        ModuleAuditEntry.objects.order_by("id").values_list(
            "module_code", "cause", "triggered_by", "actor", "actor_label"
        )
    )
    label = f"{admin_user} (admin)"
    assert audit == [
        ("dummy", "required by dummy_addon", "dummy_addon", admin_user.pk, label),
        ("dummy_addon", "explicit", "", admin_user.pk, label),
    ]
    assert dummy.CALLS == [("enable", "main")]


def test_confirm_post_refuses_a_plan_that_changed_since_it_was_shown(admin_client, platform, enable):
    url = confirm_url(platform, "enable", "dummy_addon")
    stale = plan_field(admin_client.get(url).content.decode())
    enable("dummy")  # someone else changed the platform meanwhile

    response = admin_client.post(url, {"plan": stale})

    assert response.status_code == 200
    assert [c["module"] for c in response.context["changes"]] == ["dummy_addon"]
    assert any("changed since the plan was shown" in m for m in messages_of(response))
    assert not state.is_enabled(platform, "dummy_addon")


def test_confirm_of_noop_plan_says_so(admin_client, platform, enable):
    enable("dummy")

    response = admin_client.get(confirm_url(platform, "enable", "dummy"))

    html = response.content.decode()
    assert "Nothing to change" in html and "already enabled" in html
    assert 'type="submit"' not in html.split('id="content-main"')[1]


def test_enabling_a_core_module_is_a_noop(admin_client, platform):
    response = admin_client.get(confirm_url(platform, "enable", "tenancy"))

    assert response.status_code == 200 and response.context["plan"].is_noop


def test_failing_hook_shows_error_and_enables_nothing(admin_client, platform, monkeypatch):
    monkeypatch.setattr(dummy, "FAIL_ON", {"enable"})
    url = confirm_url(platform, "enable", "dummy_addon")
    signature = plan_field(admin_client.get(url).content.decode())

    response = admin_client.post(url, {"plan": signature}, follow=True)

    assert response.redirect_chain == [(manage_url(platform), 302)]
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert errors and "dummy refuses to start" in errors[0] and "Nothing was changed" in errors[0]
    assert "dummy refuses to start" in response.content.decode()
    assert not state.is_enabled(platform, "dummy")
    assert not state.is_enabled(platform, "dummy_addon")
    assert not PlatformModule.objects.filter(is_enabled=True).exists()
    assert not ModuleAuditEntry.objects.exists()


# --- confirm: disable ------------------------------------------------------------


def test_confirm_disable_takes_dependents_first_and_keeps_data(admin_client, platform, enable):
    enable("dummy_addon")

    response = admin_client.get(confirm_url(platform, "disable", "dummy"))

    html = response.content.decode()
    assert [c["module"] for c in response.context["changes"]] == ["dummy_addon", "dummy"]
    assert html.index('id="change-dummy_addon"') < html.index('id="change-dummy"')
    assert "depends on dummy" in row(html, "change-dummy_addon")
    assert "dummy.on_disable" in row(html, "change-dummy")
    assert "keeps every module" in html
    assert state.enabled_modules(platform) >= {"dummy", "dummy_addon"}


def test_confirm_post_disables_cascade(admin_client, admin_user, platform, enable):
    enable("dummy_addon")
    url = confirm_url(platform, "disable", "dummy")

    response = admin_client.post(url, {"plan": "disable:dummy_addon,disable:dummy"}, follow=True)

    assert response.redirect_chain == [(manage_url(platform), 302)]
    assert any("data is kept" in m for m in messages_of(response))
    assert not state.is_enabled(platform, "dummy") and not state.is_enabled(platform, "dummy_addon")
    disabled = ModuleAuditEntry.objects.filter(action=ModuleAuditEntry.Action.DISABLED).order_by("id")
    assert [(e.module_code, e.actor_id) for e in disabled] == [("dummy_addon", admin_user.pk), ("dummy", admin_user.pk)]


def test_disabling_a_core_module_is_refused_with_a_message(admin_client, platform):
    url = confirm_url(platform, "disable", "tenancy")

    for response in (admin_client.get(url, follow=True), admin_client.post(url, {"plan": ""}, follow=True)):
        assert response.redirect_chain == [(manage_url(platform), 302)]
        assert any("core module and cannot be disabled" in m for m in messages_of(response))
    assert not ModuleAuditEntry.objects.exists()


def test_unknown_module_or_action_is_404(admin_client, platform):
    assert admin_client.get(confirm_url(platform, "enable", "nope")).status_code == 404
    assert admin_client.post(confirm_url(platform, "disable", "nope")).status_code == 404
    assert admin_client.get(confirm_url(platform, "explode", "dummy")).status_code == 404


# --- access ----------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
def test_non_staff_user_cannot_reach_the_views(client, django_user_model, platform, method):
    user = django_user_model.objects.create_user("shopper@example.com", "pw-123456!")
    client.force_login(user)

    for url in (manage_url(platform), confirm_url(platform, "enable", "dummy")):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    assert not state.is_enabled(platform, "dummy")


def test_staff_without_change_permission_is_forbidden(client, django_user_model, platform):
    user = django_user_model.objects.create_user("staff@example.com", "pw-123456!", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_platformmodule"))
    client.force_login(user)

    assert client.get(manage_url(platform)).status_code == 403
    assert client.post(confirm_url(platform, "enable", "dummy"), {"plan": "enable:dummy"}).status_code == 403
    assert not state.is_enabled(platform, "dummy")


def test_staff_with_change_permission_can_enable(client, django_user_model, platform):
    user = django_user_model.objects.create_user("ops@example.com", "pw-123456!", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_platformmodule"))
    client.force_login(user)

    response = client.post(confirm_url(platform, "enable", "dummy"), {"plan": "enable:dummy"})

    assert response.status_code == 302
    assert state.is_enabled(platform, "dummy")


# --- read-only records -------------------------------------------------------------


def test_audit_entries_are_read_only(admin_client, platform, enable):
    enable("dummy")
    entry = ModuleAuditEntry.objects.get()
    base = "admin:orion_modules_moduleauditentry"

    changelist = admin_client.get(reverse(f"{base}_changelist"))
    detail = admin_client.get(reverse(f"{base}_change", args=[entry.pk]))

    assert changelist.status_code == 200 and "dummy" in changelist.content.decode()
    assert detail.status_code == 200
    assert not detail.context["has_change_permission"] and not detail.context["has_delete_permission"]
    assert admin_client.get(reverse(f"{base}_add")).status_code == 403
    assert admin_client.post(reverse(f"{base}_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    admin_client.post(reverse(f"{base}_change", args=[entry.pk]), {"module_code": "hacked"})
    entry.refresh_from_db()
    assert entry.module_code == "dummy"
    assert ModuleAuditEntry.objects.count() == 1


def test_platform_module_records_are_read_only_and_link_to_manage(admin_client, platform, enable):
    enable("dummy")
    base = "admin:orion_modules_platformmodule"

    changelist = admin_client.get(reverse(f"{base}_changelist"))

    assert changelist.status_code == 200 and manage_url(platform) in changelist.content.decode()
    assert admin_client.get(reverse(f"{base}_add")).status_code == 403
    row_pk = PlatformModule.objects.get().pk
    assert admin_client.post(reverse(f"{base}_delete", args=[row_pk]), {"post": "yes"}).status_code == 403
    assert services.module_states(platform)  # unchanged state still readable
    assert state.is_enabled(platform, "dummy")


def test_module_settings_are_edited_validated_and_audited(admin_client, platform):
    url = reverse("admin:orion_modules_platformmodule_settings", args=[platform.pk, "dummy"])
    manage = admin_client.get(reverse("admin:orion_modules_platformmodule_manage", args=[platform.pk]))
    assert url in manage.content.decode()
    assert 'value="hi"' in admin_client.get(url).content.decode()

    invalid = admin_client.post(url, {"greeting": "x" * 30, "retries": "9"})
    assert invalid.status_code == 200 and "errorlist" in invalid.content.decode()
    assert services.get_module_settings(platform, "dummy") == {"greeting": "hi", "retries": 1}

    saved = admin_client.post(url, {"greeting": "moin", "retries": "3"})
    assert saved.status_code == 302
    assert services.get_module_settings(platform, "dummy") == {"greeting": "moin", "retries": 3}
    assert ModuleAuditEntry.objects.filter(action="module.config_changed", actor_label__contains="admin").exists()


def test_a_module_without_settings_has_no_settings_page(admin_client, platform):
    url = reverse("admin:orion_modules_platformmodule_settings", args=[platform.pk, "dummy_addon"])

    assert admin_client.get(url).status_code == 404


# --- stores, teams and invitations ---------------------------------------------------


def test_store_change_page_shows_translations_team_and_roles(admin_client, store):
    response = admin_client.get(reverse("admin:tenancy_store_change", args=[store.pk]))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert {"tagline_en", "tagline_de", "description_fr"} <= set(form.fields)
    assert "tagline" not in form.fields
    html = response.content.decode()
    assert "owner@acme.test" in html  # the team inline
    assert "tenancy.manage_team" in html  # the roles inline, with their permissions


def test_membership_role_choices_name_their_store(admin_client, store, other_store, member):
    from django_scopes import scopes_disabled

    from modules.tenancy.models import StoreMembership

    user = member(store, "staff@acme.test", "staff")
    with scopes_disabled():
        membership = StoreMembership.objects.get(user=user)

    response = admin_client.get(reverse("admin:tenancy_storemembership_change", args=[membership.pk]))

    labels = {label for _value, label in response.context["adminform"].form.fields["role"].choices}
    assert {"Acme / Owner", "Bravo / Staff"} <= labels


def test_superuser_revokes_pending_invitations_only(admin_client, store):
    from django_scopes import scope, scopes_disabled

    from modules.tenancy import services as tenancy_services
    from modules.tenancy.models import Invitation, StoreRole
    from modules.tenancy.testing import owner_of

    with scope(store=store):
        role = StoreRole.objects.get(kind="staff")
        pending, _token = tenancy_services.invitation_create(
            store=store, actor=owner_of(store), email="a@x.test", role=role
        )
        accepted, _token = tenancy_services.invitation_create(
            store=store, actor=owner_of(store), email="b@x.test", role=role
        )
    with scopes_disabled():
        Invitation.objects.filter(pk=accepted.pk).update(accepted_at="2025-01-01T00:00:00Z")

    response = admin_client.post(
        reverse("admin:tenancy_invitation_changelist"),
        {"action": "revoke", "_selected_action": [pending.pk, accepted.pk]},
        follow=True,
    )

    assert any("1 invitation revoked" in m for m in messages_of(response))
    with scopes_disabled():
        assert Invitation.objects.get(pk=pending.pk).revoked_at is not None
        assert Invitation.objects.get(pk=accepted.pk).revoked_at is None
    assert admin_client.get(reverse("admin:tenancy_invitation_add")).status_code == 403


def test_the_admin_cannot_suspend_a_stores_last_owner(admin_client, store):
    from django_scopes import scopes_disabled

    from modules.tenancy.models import StoreMembership

    with scopes_disabled():
        owner = StoreMembership.objects.get(store=store, role__kind="owner")
    url = reverse("admin:tenancy_storemembership_change", args=[owner.pk])

    response = admin_client.post(url, {"role": owner.role_id})  # the checkbox unticked: is_active off

    assert response.status_code == 200
    assert "keeps at least one owner" in response.content.decode()
    with scopes_disabled():
        assert StoreMembership.objects.get(pk=owner.pk).is_active is True
