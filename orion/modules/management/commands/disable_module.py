from typing import Any

from ... import services
from ..base import ModuleSwitchCommand


class Command(ModuleSwitchCommand):
    help = "Disable a module on a platform, with the modules that depend on it (dependents first). Data is kept."
    action = "disable"

    def plan(self, platform: Any, code: str) -> services.ModulePlan:
        return services.plan_disable(platform, code)

    def apply(self, platform: Any, code: str) -> services.ModulePlan:
        return services.disable_module(platform=platform, code=code, via="cli")
