"""Settings for the practice site, driven by environment variables (12-factor).

Local development needs nothing: SQLite, an in-process cache and files on disk. A deployment
sets DEBUG off and must then provide SECRET_KEY and ALLOWED_HOSTS (see README § Operations).
Each module holds one concept and imports the settings it builds on from the others;
`DJANGO_SETTINGS_MODULE=practice.settings` reads them all.
"""

from .accounts import *  # noqa: F403
from .application import *  # noqa: F403
from .appointments import *  # noqa: F403
from .cache import *  # noqa: F403
from .cms import *  # noqa: F403
from .database import *  # noqa: F403
from .environment import *  # noqa: F403
from .mail import *  # noqa: F403
from .search import *  # noqa: F403
from .security import *  # noqa: F403
from .storage import *  # noqa: F403
