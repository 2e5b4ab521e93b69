from orion.modules.tasks import module_task


@module_task
def count_things(*, platform_id):
    return f"counted for {platform_id}"
