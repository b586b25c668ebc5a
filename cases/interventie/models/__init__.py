"""Models of the interventietraject and the arrangementen. Django finds them through
cases/models/__init__.py, which imports every model of the app."""
