"""Settings: base.py and one module per concern it reads from the environment,
with dev.py, test.py and production.py choosing between them."""
