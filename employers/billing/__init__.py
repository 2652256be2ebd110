"""Billing: products and prices, Stripe checkout and its webhook, orders, credits,
plans and what they entitle an employer to (extra postings, featured upgrades).
Its own app (label ``billing``) above the postings it sells."""
