"""A posting's fair-chance facts on its own pages, in the same words the printed
list and the aggregator feed use (jobs.posting_facts)."""

from django import template

from jobs import posting_facts

register = template.Library()

register.filter("record_checks", posting_facts.record_checks)
register.filter("record_promise", posting_facts.record_promise)
