"""The project layer: settings, URLs, base templates and shared infrastructure.

This folder is imported as ``fairsite`` (see pyproject.toml), because ``site`` is
a standard-library module name.
"""
