from django.apps import AppConfig


class DemoConfig(AppConfig):
    """No models: the builders, the names and the ``load_demo_data`` command."""

    name = "demo"
