"""Django settings for the jixiao web application, all from the environment.

- ``JIXIAO_DATA``: the data folder (default ``./jixiao-data``); SQLite lives there unless
  ``DATABASE_URL`` names a PostgreSQL database (``postgresql://user:pass@host:5432/name``).
- ``JIXIAO_SECRET_KEY``: required, except in demo mode (``JIXIAO_DEMO=1``, set by ``jixiao serve --demo``),
  which uses a key kept in the data folder.
- ``JIXIAO_ALLOWED_HOSTS``: comma separated (default: loopback names only).
- ``JIXIAO_PG_PREPARE``: ``0`` turns off PostgreSQL's server-side binding and prepared statements (on by
  default; off behind a connection pooler in transaction mode).
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("JIXIAO_DATA") or "jixiao-data").resolve()
DEMO = os.environ.get("JIXIAO_DEMO") == "1"
TESTING = os.environ.get("JIXIAO_TESTING") == "1" or "pytest" in sys.modules


def _secret_key() -> str:
    key = os.environ.get("JIXIAO_SECRET_KEY", "")
    if key:
        return key
    if TESTING:
        return "jixiao-tests-only-" + "x" * 40
    if DEMO:
        path = DATA_DIR / "demo-secret-key"
        try:
            return path.read_text().strip()
        except OSError:
            DATA_DIR.mkdir(parents=True, exist_ok=True)
            key = secrets.token_urlsafe(48)
            path.write_text(key)
            return key
    raise ImproperlyConfigured("未设置 JIXIAO_SECRET_KEY（生产环境必须设置一个长随机字符串；"
                               "演示请用 jixiao serve --demo）")


SECRET_KEY = _secret_key()
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("JIXIAO_ALLOWED_HOSTS", "").split(",") if h.strip()] or [
    "127.0.0.1", "localhost", "[::1]"]
if TESTING:
    ALLOWED_HOSTS.append("testserver")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "jixiao.web.apps.WebConfig",
]
try:  # the pages use it when installed (web-ui)
    import django_htmx  # noqa: F401

    INSTALLED_APPS.append("django_htmx")
    _HTMX = ["django_htmx.middleware.HtmxMiddleware"]
except ImportError:
    _HTMX = []

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "jixiao.web.middleware.RequestSizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "jixiao.web.middleware.SecurityHeadersMiddleware",
    *_HTMX,
]

ROOT_URLCONF = "jixiao.web.urls"
WSGI_APPLICATION = "jixiao.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database() -> dict:
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        import dj_database_url

        db = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        if db["ENGINE"] not in ("django.db.backends.postgresql", "django.db.backends.sqlite3"):
            raise ImproperlyConfigured(f"DATABASE_URL 只支持 PostgreSQL 或 SQLite：{db['ENGINE']}")
        if db["ENGINE"] == "django.db.backends.postgresql" and os.environ.get("JIXIAO_PG_PREPARE", "1") != "0":
            # parameters bound by the server, and a statement run 5 times on a connection prepared: PostgreSQL
            # parses and plans each of the few queries a page runs once per connection, not on every request
            # (JIXIAO_PG_PREPARE=0 behind a connection pooler in transaction mode, which cannot keep them)
            db.setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
        db.setdefault("TEST", {})
        if os.environ.get("JIXIAO_TEST_DATABASE"):
            db["TEST"]["NAME"] = os.environ["JIXIAO_TEST_DATABASE"]
        return db
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "jixiao.sqlite3"),
        # tests: a file, not the shared in-memory database, so that two connections lock as in production
        "TEST": {"NAME": str(Path(tempfile.gettempdir()) / f"jixiao-test-{os.getpid()}.sqlite3")},
        "OPTIONS": {
            # writers queue instead of failing at once; IMMEDIATE takes the write lock at BEGIN, so two
            # transactions that read-then-write cannot both read the old status (one waits, then sees it)
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "jixiao_web.User"

AUTHENTICATION_BACKENDS = ["jixiao.web.auth.Backend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:  # hashing is deliberately slow; tests create many users
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "jixiao"}}

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# collectstatic is optional: whitenoise serves the package's static files directly (finders)
STATIC_ROOT = os.environ.get("JIXIAO_STATIC_ROOT") or None
STATICFILES_DIRS: list[Path] = []
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False

LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"

# Security: no debug pages, headers a government intranet asks for, CSRF on every form.
SESSION_ENGINE = "jixiao.web.sessions"  # database sessions, read in one plain query
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600
# Messages live in the session, which sign-out flushes: one person's notices never show to the next person
# signing in on the same browser (the default keeps unread ones in a cookie).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
CSRF_COOKIE_SAMESITE = "Lax"
_https = os.environ.get("JIXIAO_HTTPS") == "1"  # behind a TLS-terminating proxy
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if _https else None
SECURE_HSTS_SECONDS = 31536000 if _https else 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("JIXIAO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

# Uploads: one document per request, at most JIXIAO_UPLOAD_MAX_MB; read in a worker process with limits.
UPLOAD_MAX_BYTES = int(os.environ.get("JIXIAO_UPLOAD_MAX_MB", "20")) * 1024 * 1024
REQUEST_MAX_BYTES = UPLOAD_MAX_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # a JSON report body
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 2
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
UPLOAD_TIMEOUT = float(os.environ.get("JIXIAO_UPLOAD_TIMEOUT", "60"))
UPLOAD_MAX_MEMORY_MB = int(os.environ.get("JIXIAO_UPLOAD_MAX_MEMORY_MB", "1536"))
UPLOAD_WORKERS = os.environ.get("JIXIAO_UPLOAD_WORKERS", "1") == "1"  # 0: read in-process (tests only)
# workers are forked from a small server process, not from the threaded web server
UPLOAD_START_METHOD = "forkserver"

# Sign-in: at most this many failures per user name and per address in the window, then refused.
SIGNIN_MAX_FAILURES = int(os.environ.get("JIXIAO_SIGNIN_MAX_FAILURES", "5"))
SIGNIN_WINDOW_SECONDS = 900
API_TOKEN_DAYS = 30

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"},
                "jixiao": {"handlers": ["console"], "level": "INFO"}},
}
