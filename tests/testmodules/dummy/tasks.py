from orion.modules.tasks import module_task


@module_task
def count_things(*, platform_id):
    return f"counted for {platform_id}"


@module_task
def count_team(*, store_id=None):
    """Counts a store-scoped model: works in a store's scope, raises without one."""
    from django.apps import apps

    return apps.get_model("tenancy", "StoreMembership").objects.count()
