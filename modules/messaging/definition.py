"""Messaging: messages, notifications and email templates.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

messaging_module = ModuleDefinition(
    code="messaging",
    name=_("Messaging"),
    description=_("Messages, notifications and email templates."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    requires=(),
    features=(
        "messages",
        "notifications",
        "email_templates",
        "transactional_email",
    ),
    permissions=(
        PermissionDefinition(
            id="messaging.view_message",
            label=_("View messages"),
            description=_("Read messages between the store and its customers."),
            category="messaging",
        ),
        PermissionDefinition(
            id="messaging.send_message",
            label=_("Send messages"),
            description=_("Reply to customers and send them messages."),
            category="messaging",
        ),
        PermissionDefinition(
            id="messaging.manage_email_templates",
            label=_("Manage email templates"),
            description=_("Change the wording of the emails the store sends."),
            category="messaging",
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="messaging.messages",
                label=_("Messages"),
                url_name="messaging:message_list",
                icon="mail",
                permission="messaging.view_message",
                order=30,
                section="customers",
            ),
            MenuItem(
                id="messaging.notifications",
                label=_("Notifications"),
                url_name="messaging:notification_list",
                icon="bell",
                order=20,
                section="account",
            ),
            MenuItem(
                id="messaging.email_templates",
                label=_("Email templates"),
                url_name="messaging:template_list",
                icon="file",
                permission="messaging.manage_email_templates",
                order=970,
                section="settings",
            ),
        ),
    },
)
