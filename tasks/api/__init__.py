"""HTTP API of the tasks app, one module per subject (mounted by ``tasks.api_urls``)."""
