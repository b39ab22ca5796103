"""gunicorn settings for the practice site (`gunicorn -c deploy/gunicorn.conf.py practice.wsgi`).

gunicorn listens only where nginx reaches it: loopback (or a unix socket) by default. Slow
clients never reach it: nginx buffers requests and responses (deploy/nginx/).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Sync workers: CPU-bound Django behind a buffering proxy. About 2 per core, from the environment.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then (guards against slow leaks); 0 turns it off (bench/stack.py).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Only nginx (on this host) may set X-Forwarded-*; Django also checks TRUSTED_PROXIES.
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "127.0.0.1,::1")
# Request log without personal data: no client address, no query string, no user agent or
# referrer; the path, status, size and time taken (microseconds).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(D)sus'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "practice"
