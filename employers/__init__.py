"""Employers: organisations, their members and invitations, fair-chance policies,
the record-question check every employer-written text goes through, and billing
(``employers.billing``, its own app). Imports no other app but jobs, for the
employer's own pages that count their postings."""
