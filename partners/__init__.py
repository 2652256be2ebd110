"""Reentry organisations, their case workers, and the access job seekers give them.

This app owns: an organisation's second role as a reentry organisation (an
employer organisation whose members are case workers, verified by an editor in
the Wagtail admin); the access a job seeker grants a case worker (what they may
do, until when), the invitations and codes that start it, the activity list the
seeker reads, the notes on jobs a case worker saves for someone, and the
applications a case worker gets ready for the seeker to send.

What it never holds or shows: the seeker's private fair-chance preferences, the
CV's content, or any way for a case worker to apply in someone's name. Every
case-worker read goes through `selectors.grant_for` / `selectors.grants_held_by`,
which check the seeker's current grant inside the query.
"""
