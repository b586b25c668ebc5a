"""Pages of the interventietraject (traject/, one module per sub-topic) and the arrangementen
(arrangementen.py)."""
