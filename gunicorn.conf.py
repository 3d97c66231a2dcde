"""gunicorn's settings, from the environment: `gunicorn -c gunicorn.conf.py foreignaffairs.wsgi`
(`make serve`, README "Deployment", `make bench`).

A request still running after GUNICORN_TIMEOUT seconds has its worker killed and restarted.
It is longer than the database's statement timeout (DJANGO_DB_STATEMENT_TIMEOUT, 30 s), so
a slow query fails first, with an error in the logs, and the worker lives on.
"""

import os

bind = os.getenv("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.getenv("WEB_CONCURRENCY", "3"))
timeout = int(os.getenv("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.getenv("GUNICORN_GRACEFUL_TIMEOUT", "30"))
accesslog = os.getenv("GUNICORN_ACCESS_LOG", "-") or None
# gunicorn's runtime control socket (one per user by default: two servers would share it).
control_socket_disable = True
