"""Settings for a real `celery -A config worker` that a test or bench starts as a subprocess
[issue 13]: the CI settings (DATABASE_URL, CELERY_BROKER_URL, PRIVATE_MEDIA_ROOT from the
environment), with tasks sent through the broker instead of run in-process, on a queue of its own
(PASSEND_TEST_QUEUE) so that no other worker on the same Redis takes them.

PASSEND_TEST_RENDER_VERTRAGING (seconds) makes every letter render that much slower in the
worker's pool processes, so that a test can kill the worker while a render is in progress."""

import os

from config.settings.ci import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("PASSEND_TEST_QUEUE", "celery")

_VERTRAGING = float(os.environ.get("PASSEND_TEST_RENDER_VERTRAGING") or 0)
if _VERTRAGING:
    from celery.signals import worker_process_init

    @worker_process_init.connect(weak=False)
    def _vertraag_render(**kwargs):
        import time

        from cases.services import brieven

        echt = brieven.render_pdf

        def traag(*args, **kw):
            time.sleep(_VERTRAGING)
            return echt(*args, **kw)

        brieven.render_pdf = traag
