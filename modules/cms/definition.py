"""The cms module: content pages, media library and store themes."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

cms_module = ModuleDefinition(
    code="cms",
    name=_("Content"),
    description=_("Content pages, media library and store themes."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    features=(
        "content_pages",
        "media_library",
        "themes",
    ),
    permissions=(
        PermissionDefinition(id="cms.view_page", label=_("View content pages"), category="cms"),
        PermissionDefinition(id="cms.edit_page", label=_("Edit content pages"), category="cms"),
        PermissionDefinition(id="cms.publish_page", label=_("Publish content pages"), category="cms"),
        PermissionDefinition(id="cms.manage_media", label=_("Manage the media library"), category="cms"),
        PermissionDefinition(id="cms.manage_theme", label=_("Manage the store theme"), category="cms"),
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
                label=_("Media"),
                url_name="cms:media_list",
                icon="image",
                permission="cms.manage_media",
                order=20,
                section="content",
            ),
        ),
    },
)
