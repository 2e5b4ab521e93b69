from typing import Any

from ... import services
from ..base import ModuleSwitchCommand


class Command(ModuleSwitchCommand):
    help = "Enable a module on a platform, with the modules it requires (requirements first)."
    action = "enable"

    def plan(self, platform: Any, code: str) -> services.ModulePlan:
        return services.plan_enable(platform, code)

    def apply(self, platform: Any, code: str) -> services.ModulePlan:
        return services.enable_module(platform=platform, code=code, via="cli")
