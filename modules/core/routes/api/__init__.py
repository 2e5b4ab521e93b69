"""The core module's API, and how the OpenAPI schema describes its API keys."""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema


class ApiTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]  # its __init_subclass__ is untyped
    """``Authorization: Bearer orn_...`` in the schema (drf-spectacular finds it by subclassing)."""

    target_class = "modules.core.authentication.ApiTokenAuthentication"
    name = "apiKey"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "orn_…",
            "description": "A store API key (core module: API keys), sent as 'Authorization: Bearer <key>'.",
        }
