"""gunicorn's settings, read from the working directory whatever starts it (Dockerfile, tests, by hand).

The access log records the path without its query string, and no referrer: searches carry
names and PESEL numbers in query strings (``?search=``), and personal data stays out of logs
(docs/security.md#logs).
"""

access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)s'
