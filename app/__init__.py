"""回音 Huiyin: complaints, repairs and follow-up visits for a property office.

`app` holds the domain, the storage and the services; it imports no widget code, so
the command line, the windows and the tests all share one set of services.
"""

__version__ = "0.2.0"
APP_NAME = "回音"
APP_ID = "huiyin"
