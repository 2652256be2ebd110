"""Job seekers: profiles, work history, CVs, private fair-chance preferences, saved
jobs, matching both ways (a person's "Jobs for you", an employer finding people),
the API's ``/me`` and job alerts (``candidates.alerts``, its own app). Builds on
jobs and employers; hands the postings' pages what they may know of the person
looking (``candidates.seekers``)."""
