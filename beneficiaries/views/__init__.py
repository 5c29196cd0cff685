"""Staff pages of the beneficiaries app, one module per subject (mounted by ``beneficiaries.urls``)."""
