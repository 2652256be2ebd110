"""The organisations of the judged set: made up, in both countries.

Their fair-chance policy decides whether their postings count as "checks
records only after an offer, or never" (the after_offer filter).
"""

from .shapes import JudgedEmployer

AFTER, NEVER, BY_LAW = "after_offer", "never", "before_offer_by_law"

EMPLOYERS = [
    # United States
    JudgedEmployer("lakefront-logistics", "Lakefront Logistics", "warehouse-logistics", "US",
                   AFTER, "basic", "Distribution centers around Chicago."),
    JudgedEmployer("prairie-grocers", "Prairie Grocers Distribution", "warehouse-logistics", "US",
                   BY_LAW, "standard", "Grocery distribution for the Midwest.", verified=False),
    JudgedEmployer("second-helping", "Second Helping Kitchens", "hospitality", "US",
                   NEVER, "none", "Restaurants and catering. We never ask about records."),
    JudgedEmployer("blue-door-diner", "Blue Door Diner Group", "hospitality", "US",
                   BY_LAW, "basic", "Diners in Atlanta and Houston."),
    JudgedEmployer("keystone-build", "Keystone Build Co.", "construction", "US",
                   AFTER, "basic", "General contractor in the Philadelphia area."),
    JudgedEmployer("cascade-trades", "Cascade Trades Group", "construction", "US",
                   AFTER, "basic", "Plumbing, painting and roofing crews."),
    JudgedEmployer("sparkle-pro", "SparklePro Commercial Cleaning", "facilities", "US",
                   BY_LAW, "standard", "Office and school cleaning contracts."),
    JudgedEmployer("crossroads-freight", "Crossroads Freight Lines", "transport", "US",
                   BY_LAW, "standard", "Regional and long-haul trucking."),
    JudgedEmployer("harbor-home-care", "Harbor Home Care", "health-care", "US",
                   BY_LAW, "enhanced", "In-home care for older adults in California."),
    JudgedEmployer("main-street-outfitters", "Main Street Outfitters", "retail", "US",
                   AFTER, "basic", "Clothing and outdoor stores in small cities."),
    JudgedEmployer("riverbend-probation", "Riverbend County Adult Probation", "justice", "US",
                   BY_LAW, "enhanced", "County probation department."),
    JudgedEmployer("new-leaf-reentry", "New Leaf Reentry Services", "social-services", "US",
                   NEVER, "none", "Helping people home from prison find homes and work."),
    JudgedEmployer("peer-path", "PeerPath Recovery Network", "social-services", "US",
                   AFTER, "basic", "Peer-run recovery and reentry support."),
    JudgedEmployer("bluegrass-corrections", "Bluegrass Corrections Partners", "justice", "US",
                   BY_LAW, "enhanced", "Treatment programs inside Kentucky prisons and jails."),
    JudgedEmployer("hearth-bakery", "Hearth & Crumb Bakery", "hospitality", "US",
                   NEVER, "none", "Wholesale and retail bakery in New England."),
    JudgedEmployer("gulf-fabrication", "Gulf Coast Fabrication", "manufacturing", "US",
                   AFTER, "basic", "Steel fabrication shops."),
    JudgedEmployer("metro-schools-facilities", "Metro Schools Facilities Services", "facilities",
                   "US", BY_LAW, "standard", "Keeps public school buildings clean and safe."),
    JudgedEmployer("empire-bar-group", "Empire Bar Group", "hospitality", "US",
                   NEVER, "none", "Bars and a music venue in New York and New Jersey."),
    JudgedEmployer("open-door-health", "Open Door Behavioral Health", "health-care", "US",
                   AFTER, "standard", "Community mental-health and reentry clinics."),
    # United Kingdom
    JudgedEmployer("northern-fulfilment", "Northern Fulfilment Ltd", "warehouse-logistics", "GB",
                   AFTER, "basic", "Fulfilment centres in Greater Manchester and the Midlands."),
    JudgedEmployer("clyde-kitchen", "Clyde Kitchen Collective", "hospitality", "GB",
                   NEVER, "none", "Cafes and a training kitchen in Glasgow and Edinburgh."),
    JudgedEmployer("brightcare-uk", "BrightCare Homecare", "health-care", "GB",
                   BY_LAW, "enhanced", "Homecare for older people across England."),
    JudgedEmployer("capital-cleaners", "Capital Cleaners", "facilities", "GB",
                   AFTER, "basic", "Office and building cleaning across London."),
    JudgedEmployer("union-haulage", "Union Haulage", "transport", "GB",
                   BY_LAW, "standard", "Haulage and multi-drop delivery, England and Scotland."),
    JudgedEmployer("fresh-start-resettlement", "Fresh Start Resettlement Trust", "social-services",
                   "GB", BY_LAW, "enhanced", "Charity supporting people leaving prison."),
    JudgedEmployer("brick-and-beam", "Brick & Beam Building Services", "construction", "GB",
                   AFTER, "basic", "Building and maintenance firm in Wales, Bristol and Scotland."),
    JudgedEmployer("high-street-stores", "High Street Stores", "retail", "GB",
                   AFTER, "basic", "Shops in town centres across the UK."),
    JudgedEmployer("thistle-bakehouse", "Thistle Bakehouse", "hospitality", "GB",
                   NEVER, "none", "Craft bakery in Scotland."),
    JudgedEmployer("anchor-pubs", "Anchor Pub Company", "hospitality", "GB",
                   AFTER, "basic", "Pubs in Birmingham, Manchester and London."),
]  # fmt: skip
EMPLOYERS_BY_KEY = {employer.key: employer for employer in EMPLOYERS}
