"""Demo data for trying the service (``manage.py load_demo_data``); may import every app."""
