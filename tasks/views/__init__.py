"""Staff pages of the tasks app, one module per subject (mounted by ``tasks.urls``)."""
