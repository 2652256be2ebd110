import os

from django.core.wsgi import get_wsgi_application

from fairsite import places
from fairsite.heap import freeze_start_up_objects

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fairsite.settings.production")

application = get_wsgi_application()
# Open the place data now: a missing file stops start-up instead of a request,
# and the first visitor doesn't wait for it.
places.warm()
# Last, so everything loaded above is out of the garbage collector's way.
freeze_start_up_objects()
