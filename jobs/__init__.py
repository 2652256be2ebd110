"""Job postings: their models, lifecycle and moderation, their pages, the open-data
API's postings, feeds and the widget, with the job search (``jobs.search``) and
applications (``jobs.applications``) as sub-packages. Imports employers and the
shared infrastructure, never candidates (except applications) or cms."""
