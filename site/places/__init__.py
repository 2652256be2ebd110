"""Places: what people type (a town, a US ZIP code, a UK postcode) as a point."""
