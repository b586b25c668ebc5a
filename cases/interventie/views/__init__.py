"""Pages of the interventietraject (traject.py) and the arrangementen (arrangementen.py)."""
