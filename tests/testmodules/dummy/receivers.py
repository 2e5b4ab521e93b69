from django.dispatch import receiver

from tests.testmodules.signals import thing_happened

HEARD: list[str] = []


@receiver(thing_happened)
def on_thing(sender, platform, **kwargs):
    HEARD.append(f"dummy:{platform.code}")
