from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"

    def ready(self) -> None:
        # The postings index registers itself on import (jobs.search); the
        # services queue what they write, and jobs.indexing's signals queue
        # what others save.
        from fairsite.scheduler import every

        from . import indexing, personal_data
        from .aggregator_feed_builds import REFRESH_SECONDS, job_feed_refresh
        from .applications.services import offer_messages_forget
        from .services import posting_closed, postings_expire

        personal_data.register()
        indexing.connect_signals()
        posting_closed.connect(_tell_applicants, dispatch_uid="jobs.applications.posting_closed")
        # Pages never show a posting past its closing time anyway; this moves
        # such postings to "expired" so their owners see it and can relist.
        every(3600, name="jobs.expire")(postings_expire)
        # The job feed for aggregators is built here, never in a web request.
        every(REFRESH_SECONDS, name="jobs.aggregator_feed")(job_feed_refresh)
        # Messages from an offer on may talk about a record: kept as long as email.
        every(3600, name="jobs.forget_offer_messages")(offer_messages_forget)


def _tell_applicants(sender, posting, **kwargs) -> None:
    from .applications.services import applications_tell_posting_closed

    applications_tell_posting_closed(posting=posting)
