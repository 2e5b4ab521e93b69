"""Content management: content pages, media library and store themes.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

cms_module = ModuleDefinition(
    code="cms",
    name=_("Content management"),
    description=_("Content pages, a media library and store themes."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    requires=(),
    features=(
        "content_pages",
        "media_library",
        "store_themes",
    ),
    permissions=(
        PermissionDefinition(
            id="cms.view_page",
            label=_("View pages"),
            description=_("See the store's content pages and their drafts."),
            category="cms",
        ),
        PermissionDefinition(
            id="cms.edit_page",
            label=_("Edit pages"),
            description=_("Create and change content pages."),
            category="cms",
        ),
        PermissionDefinition(
            id="cms.publish_page",
            label=_("Publish pages"),
            description=_("Publish and unpublish content pages on the storefront."),
            category="cms",
        ),
        PermissionDefinition(
            id="cms.manage_media",
            label=_("Manage media"),
            description=_("Upload, replace and delete images and files in the media library."),
            category="cms",
        ),
        PermissionDefinition(
            id="cms.manage_theme",
            label=_("Manage theme"),
            description=_("Choose and customise the storefront theme."),
            category="cms",
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="cms.pages",
                label=_("Pages"),
                url_name="cms:page_list",
                icon="file-text",
                permission="cms.view_page",
                order=10,
                section="content",
            ),
            MenuItem(
                id="cms.media",
                label=_("Media library"),
                url_name="cms:media_list",
                icon="image",
                permission="cms.manage_media",
                order=20,
                section="content",
            ),
            MenuItem(
                id="cms.theme",
                label=_("Theme"),
                url_name="cms:theme_edit",
                icon="palette",
                permission="cms.manage_theme",
                order=30,
                section="content",
            ),
        ),
    },
)
