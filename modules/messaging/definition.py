"""The messaging module: messages, notifications and email templates."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

messaging_module = ModuleDefinition(
    code="messaging",
    name=_("Messaging"),
    description=_("Messages, notifications and email templates."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    features=(
        "messages",
        "notifications",
        "email_templates",
    ),
    permissions=(
        PermissionDefinition(id="messaging.view_message", label=_("View messages"), category="messaging"),
        PermissionDefinition(id="messaging.send_message", label=_("Send messages"), category="messaging"),
        PermissionDefinition(
            id="messaging.manage_email_templates", label=_("Manage email templates"), category="messaging"
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="messaging.inbox",
                label=_("Messages"),
                url_name="messaging:message_list",
                icon="mail",
                permission="messaging.view_message",
                order=10,
                section="main",
            ),
        ),
    },
)
