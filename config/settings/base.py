"""Base settings for Passend. Every value comes from the environment through one helper
(django-environ), with a documented default. dev/ci/production set their defaults first."""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
VAR_DIR.mkdir(exist_ok=True)  # SQLite database, broker folder and private files in development

# --- core -------------------------------------------------------------------------------
SECRET_KEY = env.str("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "guardian",
    "django_htmx",
    "csp",
    "django_otp",  # two factors [issue 14, docs/adr/0003]
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_email",  # the ouders' second factor: a code by e-mail [issue 17, docs/adr/0009]
    "axes",
    "cases",
    "tlv",
    "zorgplicht",
    "verzuim",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # strict Content-Security-Policy [issue 14, docs/adr/0006]
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cases.sessies.SessionRefreshMiddleware",  # directly after SessionMiddleware [issue 13]
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cases.middleware.OngeldigeInvoerMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified() [issue 14]
    "cases.sessies.AbsoluteSessieduurMiddleware",  # logout after SESSION_ABSOLUTE_HOURS [issue 14]
    "cases.tweefactor.TweeFactorVerplichtMiddleware",  # the 2FA wall [issue 14]
    "cases.ouderportaal.middleware.OuderportaalMiddleware",  # an ouder reaches only the portal [issue 17]
    "cases.middleware.GeweigerdAuditMiddleware",  # a 403/404 on an id leaves an audit row [issue 14]
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the Dutch page [issue 14]
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cases.context_processors.passend",
            ],
        },
    },
]

# --- Content-Security-Policy (django-csp) [issue 14, docs/adr/0006-content-security-policy.md] -------
# Only this installation's own files: no inline script, style or event handler, no third-party
# origin. htmx's own indicator <style> is switched off in base.html (meta htmx-config) and its rules
# live in static/css/passend.css. Letters rendered by WeasyPrint are never served to a browser.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# --- database: DATABASE_URL, SQLite in var/ when unset -----------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'passend.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # make run without PostgreSQL: the web server, the worker and beat share one SQLite file.
    # Take the write lock at BEGIN and wait for it instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 30, "transaction_mode": "IMMEDIATE"})
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- auth ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "cases.Gebruiker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked user or IP [issue 14]
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Sessions end after SESSION_IDLE_MINUTES of inactivity. The expiry is renewed when the session
# changes or once SESSION_REFRESH_SECONDS have passed since the last renewal, not on every request
# (cases/sessies.py): a session ends up to that many seconds before the full idle time [issue 13].
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = False
PASSEND_SESSION_REFRESH_SECONDS = env.int("SESSION_REFRESH_SECONDS", default=60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
# Beside the idle timeout: a session ends SESSION_ABSOLUTE_HOURS after the login, active or not
# (cases/sessies.py) [issue 14].
PASSEND_SESSION_ABSOLUTE_SECONDS = int(env.float("SESSION_ABSOLUTE_HOURS", default=10) * 3600)
# Lockout [issue 14, docs/adr/0003]: AXES_FAILURE_LIMIT failures per username, and separately per
# IP address, lock for AXES_COOLOFF_MINUTES. Failures counted: the login password, the code of the
# second step, and the password and code when signing a TLV or deciding on a bezwaar.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=8)
AXES_COOLOFF_TIME = env.int("AXES_COOLOFF_MINUTES", default=30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each alone locks
AXES_RESET_ON_SUCCESS = False  # reset only after the second factor (cases/tweefactor.py)
AXES_CLIENT_IP_CALLABLE = "cases.tweefactor.axes_client_ip"  # the audit log's notion of the client IP
AXES_LOCKOUT_CALLABLE = "cases.tweefactor.geblokkeerd_antwoord"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "wachtwoord", "code"]
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # successful logins are in our own audit log
# Password reset [issue 14]: at most this many mails per e-mail address per hour (cache).
PASSEND_WACHTWOORD_RESET_PER_UUR = env.int("WACHTWOORD_RESET_PER_UUR", default=3)
OTP_TOTP_ISSUER = "Passend"
# django-axes is the one lockout (per user and IP, with the Dutch page); django-otp's own growing
# per-device delay would refuse a right code seconds after a wrong one without saying why.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# Ouders log in with a code by e-mail [issue 17, docs/adr/0009]: valid 10 minutes, a new code at
# most once a minute (the cooldown is the resend throttle); wrong codes count toward axes as above.
OTP_EMAIL_SUBJECT = "Uw inlogcode voor het ouderportaal van Passend"
OTP_EMAIL_BODY_TEMPLATE_PATH = "otp/email/token.txt"
OTP_EMAIL_TOKEN_VALIDITY = env.int("OTP_EMAIL_GELDIG_SECONDEN", default=600)
OTP_EMAIL_COOLDOWN_DURATION = env.int("OTP_EMAIL_OPNIEUW_NA_SECONDEN", default=60)
OTP_EMAIL_THROTTLE_FACTOR = 0
# How long an invitation link for the ouderportaal stays valid [issue 17].
PASSEND_OUDER_UITNODIGING_DAGEN = env.int("OUDER_UITNODIGING_DAGEN", default=7)
ANONYMOUS_USER_NAME = None  # guardian: no anonymous user row; anonymous users have no object rights
GUARDIAN_RAISE_403 = False

# --- cache and sessions: CACHE_URL (Redis) when set, the database otherwise -------------------
# With a shared Redis cache, sessions are cached_db: written through to the database, read from
# Redis, so a page view does not touch django_session. A separate URL from the broker's (another
# Redis database): a cache may evict, a broker must not. Without CACHE_URL: database sessions
# (a per-process memory cache must not hold sessions: a logout in one worker would not reach
# the others).
CACHE_URL = env.str("CACHE_URL", default="")
if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("CACHE_URL moet een Redis-adres zijn, bijvoorbeeld redis://redis:6379/1.")
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "passend",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- i18n -----------------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]

# --- static and private files --------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True  # serve from the app folders too when collectstatic has not run (dev)
# Uploaded documents and letters live outside every public URL; they are served only by
# permission-checked views (MEDIA_URL is deliberately unset).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private"))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
PASSEND_MAX_UPLOAD_BYTES = 20 * 1024 * 1024

# --- e-mail: EMAIL_URL, console in dev --------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Passend <noreply@passend.example>")

# --- Celery: CELERY_BROKER_URL, Celery's filesystem broker in var/ when unset ------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = Path(env.str("CELERY_FILESYSTEM_BROKER_DIR", default=str(VAR_DIR / "celery-broker")))
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "out"),
        "data_folder_out": str(_broker_dir / "out"),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
        "control_folder": str(_broker_dir / "control"),
    }
    (_broker_dir / "out").mkdir(parents=True, exist_ok=True)
    (_broker_dir / "processed").mkdir(parents=True, exist_ok=True)
    (_broker_dir / "control").mkdir(parents=True, exist_ok=True)
# Redis redelivery and publishing [issue 13, docs/adr/0002-outbox-en-herlevering.md]: a message
# that a killed worker took comes back after visibility_timeout (Redis' default: an hour), which
# must exceed the longest task time limit (CELERY_TASK_TIME_LIMIT, 180 s); the restore scan runs
# every interval x throttle = 30 s. The socket timeouts bound a publish to an unreachable (1 s) or
# hung (3 s) Redis, so the request never hangs; the outbox hands over what did not go out.
PASSEND_REDIS_TRANSPORT_OPTIES = {
    "visibility_timeout": 300,
    "unacked_restore_interval": 10,
    "unacked_restore_throttle": 3,
    "socket_connect_timeout": 1,
    "socket_timeout": 3,
}
if CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    CELERY_BROKER_TRANSPORT_OPTIONS = PASSEND_REDIS_TRANSPORT_OPTIES
# A publish tries three times with 0.2 s between (Celery's default: four, up to 0.6 s), then the
# outbox takes over; the connection timeout is for brokers other than Redis (Redis: socket_*).
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True  # a worker waits for its broker instead of exiting
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 180  # the longest any task may run; below visibility_timeout
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_BEAT_SCHEDULE_FILENAME = env.str(
    "CELERY_BEAT_SCHEDULE_FILENAME", default=str(VAR_DIR / "celerybeat-schedule")
)
# The beat schedule is code; tests import every task named here and bind its arguments.
CELERY_BEAT_SCHEDULE: dict = {
    # Deadlines [issue 4]: the sweep early, the digest after it, both idempotent.
    "termijnen-sweep": {"task": "cases.tasks.termijnen_sweep", "schedule": crontab(hour=5, minute=30)},
    "termijnen-digest": {"task": "cases.tasks.termijnen_digest", "schedule": crontab(hour=6, minute=30)},
    # Thuiszitters nearing three months at home raise an escalation [issue 8].
    "verzuim-thuiszitters": {
        "task": "verzuim.tasks.thuiszitters_sweep",
        "schedule": crontab(hour=5, minute=45),
    },
    # The yearly verantwoording of the schoolbesturen, asked on 1 November; late ones escalate
    # [issue 16.13; 002 L396].
    "verantwoording-uitvragen": {
        "task": "verzuim.tasks.verantwoording_uitvragen",
        "schedule": crontab(month_of_year=11, day_of_month=1, hour=6, minute=0),
    },
    "verantwoording-sweep": {
        "task": "verzuim.tasks.verantwoording_sweep",
        "schedule": crontab(hour=5, minute=50),
    },
    # The outbox [issue 13]: hand over every letter/PDF that did not reach a worker. A sweep that
    # waited longer than a minute in the queue is dropped: the next one does the same work.
    "uitgaand-sweep": {"task": "cases.tasks.uitgaand_sweep", "schedule": 60.0, "options": {"expires": 55}},
}

# --- logging: never personal data in logs (no BSN, no names in messages) ----------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- Passend ---------------------------------------------------------------------------------
# Days that a later Royal Decree puts on a par with Atw holidays, as ISO dates; see
# cases/termijnen.py for the days already known [domain §11].
PASSEND_EXTRA_ATW_DAGEN = env.list("PASSEND_EXTRA_ATW_DAGEN", default=[])
# Demo conveniences, separate from DEBUG [issue 13]: `manage.py demo_data` runs and the login page
# lists the demo accounts (password "demo") only when this is on. Off unless the environment says
# so; config/settings/dev.py turns it on for `make run`.
PASSEND_DEMO = env.bool("PASSEND_DEMO", default=False)
# The address of this installation, for links in e-mails and the iCal feed.
PASSEND_BASIS_URL = env.str("PASSEND_BASIS_URL", default="http://127.0.0.1:8000")
# Audit [issue 14]. The number of proxies of our own in front of the app: only then is
# X-Forwarded-For believed, and only the address the outermost of them appended (the Nth from the
# right). 0 = no proxy, REMOTE_ADDR only (anyone can write X-Forwarded-For). docker-compose.yml
# sets 1 for the TLS proxy it expects in front. Retention of audit rows in years
# (manage.py audit_bewaartermijn; docs/audit.md): the sources name no term, 5 years is our default.
PASSEND_TRUSTED_PROXIES = env.int("PASSEND_TRUSTED_PROXIES", default=0)
PASSEND_AUDIT_BEWAARTERMIJN_JAREN = env.int("PASSEND_AUDIT_BEWAARTERMIJN_JAREN", default=5)
