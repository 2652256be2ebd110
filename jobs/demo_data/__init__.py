"""Demo postings for `make run`, split by who posts them. All made up."""

from . import community_us, ironbridge, justice_us, trades_us, uk
from .base import DemoPosting

DEMO_POSTINGS: list[DemoPosting] = [
    *justice_us.POSTINGS,
    *community_us.POSTINGS,
    *uk.POSTINGS,
    *trades_us.POSTINGS,
    *ironbridge.POSTINGS,
]

__all__ = ["DEMO_POSTINGS", "DemoPosting"]
