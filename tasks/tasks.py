from celery import shared_task


@shared_task(name="tasks.heartbeat")
def heartbeat() -> str:
    """Proves a worker takes work from the broker (used by /healthz tests and the README)."""
    return "ok"


@shared_task(name="tasks.add")
def add(x: int, y: int) -> int:
    return x + y
