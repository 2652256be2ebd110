"""Tools that set up and run the project's servers on a developer's machine or CI.

Standard library only, so they work before anything else is installed.
"""
