"""Models of the deadline engine. Django finds them through cases/models/__init__.py, which
imports every model of the app; import them from ``cases.models`` or from these modules."""
