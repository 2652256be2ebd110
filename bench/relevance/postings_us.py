"""US postings of the judged set: warehouses, kitchens, trades, cleaning, driving,
care, shops, bakeries, welding and bars, written as employers write them."""

from .shapes import JudgedPosting

WH, KIT, CON, CLN = (
    "warehouse-logistics",
    "hospitality-food",
    "construction-trades",
    "cleaning-facilities",
)
DRV, CARE, RET, MFG = "driving-delivery", "care-support", "retail-customer-service", "manufacturing"
PT, TEMP, APP = "part_time", "temporary", "apprenticeship"


def job(key, employer, title, category, places, body, **more) -> JudgedPosting:
    places = (places,) if isinstance(places, str) else tuple(places)
    return JudgedPosting(key, employer, title, category, places, body, **more)


LF, PG = "lakefront-logistics", "prairie-grocers"
SH, BD = "second-helping", "blue-door-diner"
KB, CT = "keystone-build", "cascade-trades"
SP, MS = "sparkle-pro", "metro-schools-facilities"
CF, HH, MSO = "crossroads-freight", "harbor-home-care", "main-street-outfitters"
HB, GF, EB = "hearth-bakery", "gulf-fabrication", "empire-bar-group"

POSTINGS = [
    # Warehouse
    job("wh-us-01", LF, "Warehouse Associate", WH, "Chicago, IL",
        "Pick, pack and ship customer orders in our South Side distribution center. "
        "1st and 2nd shift available. $18.50/hr plus shift differential. We train you on "
        "scanners and pallet jacks. Must be able to lift 50 lbs.", pay=(18.5, 20, "hour")),
    job("wh-us-02", LF, "Picker/Packer", WH, "Gary, IN",
        "Fast-paced fulfillment center needs pickers and packers. Pick items with an RF "
        "scanner, pack them safely, and keep your area clean. Weekly pay."),
    job("wh-us-03", PG, "Order Selector - Nights", WH, "Columbus, OH",
        "Build pallets of grocery orders for our stores using a pallet jack and voice-pick "
        "headset. Sunday to Thursday, 10pm to 6:30am. Cold storage areas."),
    job("wh-us-04", LF, "Forklift Operator", WH, "Chicago, IL",
        "Load and unload trailers and move stock with a sit-down forklift. 1 year forklift "
        "experience preferred; we certify you on our equipment.", skills=("forklift",)),
    job("wh-us-05", LF, "Warehouse Associate - Part Time", WH, "Evanston, IL",
        "Four-hour evening shifts, Monday to Friday. Sort parcels and load delivery vans.",
        employment_type=PT),
    job("wh-us-06", PG, "Material Handler", WH, "Cleveland, OH",
        "Move product from receiving to storage, replenish pick locations, and count "
        "inventory. Steel-toe shoes required; we pay for your first pair."),
    job("wh-us-07", PG, "Seasonal Warehouse Worker", WH, "Columbus, OH",
        "Holiday season help from November to January. Picking, packing, labeling. "
        "Many seasonal workers are hired permanently.", employment_type=TEMP),
    job("wh-us-08", LF, "Shipping and Receiving Clerk", WH, "Oak Park, IL",
        "Check in deliveries, match paperwork to purchase orders, and prepare outgoing "
        "shipments. Basic computer skills needed."),
    job("wh-us-09", PG, "Inventory Control Associate", WH, "Columbus, OH",
        "Cycle counts, stock adjustments and finding lost pallets in a 300,000 sq ft "
        "warehouse."),
    job("wh-us-10", LF, "Warehouse Team Lead", WH, "Chicago, IL",
        "Lead a crew of 12 warehouse associates on 2nd shift. Assign work, train new "
        "starters, keep the dock safe. 2 years warehouse experience."),
    job("wh-us-11", LF, "Warehouse Associate", WH, "Chicago, IL",
        "Pick and pack orders. Day shift.", status="closed"),
    job("wh-us-12", PG, "Picker Packer", WH, "Columbus, OH",
        "Pick and pack grocery orders.", status="draft"),
    job("wh-us-13", LF, "Loader / Unloader", WH, "60614",
        "Unload trucks and stack boxes at our Lincoln Park cross-dock. Early mornings, "
        "done by noon."),
    # Kitchens
    job("kit-us-01", SH, "Line Cook", KIT, "Chicago, IL",
        "Cook on the grill and saute stations for a busy brunch and dinner service. "
        "We never ask about your record. $17-19/hr plus tips share.", pay=(17, 19, "hour")),
    job("kit-us-02", SH, "Prep Cook", KIT, "Philadelphia, PA",
        "Chop, portion and prep for our catering kitchen. Mornings, no nights."),
    job("kit-us-03", BD, "Dishwasher", KIT, "Atlanta, GA",
        "Wash dishes, pots and pans, keep the kitchen clean. Evenings and weekends.",
        employment_type=PT),
    job("kit-us-04", BD, "Kitchen Helper", KIT, "Houston, TX",
        "Help our cooks with prep, dishes and keeping the kitchen stocked."),
    job("kit-us-05", BD, "Cook", KIT, "Atlanta, GA",
        "Short-order cook for a 24-hour diner. Eggs, burgers, griddle. Nights available."),
    job("kit-us-06", SH, "Sous Chef", KIT, "Chicago, IL",
        "Run the line, order food, and train our cooks. 3 years of kitchen leadership "
        "experience. Many of our cooks came to us from a reentry program."),
    job("kit-us-07", BD, "Breakfast Cook - Weekends", KIT, "Houston, TX",
        "Saturday and Sunday breakfast shifts, 6am to 2pm.", employment_type=PT),
    job("kit-us-08", SH, "Catering Kitchen Assistant", KIT, "Philadelphia, PA",
        "Temporary help for our busy wedding season: prep, packing, loading vans.",
        employment_type=TEMP),
    job("kit-us-09", BD, "Line Cook", KIT, "Houston, TX",
        "Line cook for our Heights diner.", status="expired"),
    job("kit-us-10", BD, "Server", KIT, "Atlanta, GA",
        "Take orders, serve food and keep guests happy. Tips average $12/hr on top of pay."),
    job("kit-us-11", SH, "Dishwasher / Porter", KIT, "Chicago, IL",
        "Dish machine, trash, mopping and deliveries. Full training."),
    # Construction and trades
    job("con-us-01", KB, "Construction Laborer", CON, "Philadelphia, PA",
        "General labor on residential rehab jobs: demo, cleanup, carrying materials. "
        "OSHA 10 a plus. We provide tools and PPE.", pay=(20, 24, "hour")),
    job("con-us-02", KB, "General Laborer", CON, "Camden, NJ",
        "Site cleanup and material handling for a commercial build. Must have reliable "
        "transportation to the job site."),
    job("con-us-03", KB, "Carpenter", CON, "Philadelphia, PA",
        "Rough and finish carpentry on rowhouse renovations: framing, doors, trim, "
        "stairs. Own hand tools. 3+ years experience.", skills=("carpentry", "framing")),
    job("con-us-04", KB, "Apprentice Carpenter", CON, "Camden, NJ",
        "Learn the carpentry trade on paid job sites with a journeyman mentor. No "
        "experience needed.", employment_type=APP),
    job("con-us-05", CT, "Framing Carpenter", CON, "Tacoma, WA",
        "Frame new single-family homes. Read plans, run a crew of two.",
        skills=("framing",)),
    job("con-us-06", CT, "Plumber", CON, "Seattle, WA",
        "Service and repair plumbing in homes and small businesses: leaks, water heaters, "
        "drains, fixtures. Washington plumbing certificate required. Company van.",
        skills=("plumbing",)),
    job("con-us-07", CT, "Plumbing Apprentice", CON, "Tacoma, WA",
        "Start your plumbing career. Paid training and classes toward your trainee card.",
        employment_type=APP),
    job("con-us-08", CT, "Journeyman Plumber", CON, "Portland, OR",
        "New construction plumbing: rough-in and trim on multifamily projects. Oregon "
        "journeyman license."),
    job("con-us-09", CT, "Painter", CON, "Seattle, WA",
        "Interior and exterior painting on homes. Prep, caulk, spray and brush. 1 year "
        "painting experience.", skills=("painting",)),
    job("con-us-10", CT, "Commercial Painter", CON, "Portland, OR",
        "Paint offices, schools and apartment buildings. Lifts and scaffolding; we train "
        "you."),
    job("con-us-11", CT, "Roofer", CON, "Tacoma, WA",
        "Tear-off and install asphalt shingle and metal roofs. Work at heights with fall "
        "protection. $24-30/hr DOE.", pay=(24, 30, "hour")),
    job("con-us-12", CT, "Roofing Laborer", CON, "Portland, OR",
        "Summer roofing crew: carry bundles, clean up, learn the trade.",
        employment_type=TEMP),
    job("con-us-13", KB, "Drywall Finisher", CON, "Philadelphia, PA",
        "Tape, mud and sand drywall on renovation jobs."),
    job("con-us-14", CT, "Electrician Helper", CON, "Seattle, WA",
        "Help our electricians pull wire, install boxes and clean up. A path into an "
        "electrical apprenticeship."),
    job("con-us-15", CT, "Roofer", CON, "Seattle, WA",
        "Roofing crew member.", status="closed"),
    job("con-us-16", KB, "Handyman / Maintenance Technician", CON, "Philadelphia, PA",
        "Fix what breaks in our rental properties: minor plumbing, painting, doors, "
        "appliances. Own vehicle."),
    # Cleaning and facilities
    job("cln-us-01", SP, "Janitor", CLN, "Atlanta, GA",
        "Clean offices in Midtown: trash, vacuuming, restrooms. Evening shift 6pm to "
        "2:30am."),
    job("cln-us-02", MS, "Custodian", CLN, "Baltimore, MD",
        "Keep a middle school clean and safe: classrooms, hallways, cafeteria, minor "
        "repairs. Benefits and pension.", duties=("children",)),
    job("cln-us-03", MS, "Night Custodian", CLN, "Atlanta, GA",
        "Night custodial work in an elementary school, 3pm to 11:30pm.",
        duties=("children",)),
    job("cln-us-04", SP, "Commercial Cleaner", CLN, "Houston, TX",
        "Part-time cleaning of banks and offices, 3 hours a night.", employment_type=PT),
    job("cln-us-05", SP, "Housekeeper", CLN, "Chicago, IL",
        "Hotel housekeeping: clean guest rooms to our standards, restock carts."),
    job("cln-us-06", SP, "Janitorial Supervisor", CLN, "Houston, TX",
        "Supervise a team of 15 janitors across 6 buildings. Bilingual English/Spanish a "
        "plus."),
    job("cln-us-07", SP, "Office Cleaner - Evenings", CLN, "Chicago, IL",
        "Clean a downtown office building Monday to Friday, 5pm to 9pm.",
        employment_type=PT),
    job("cln-us-08", MS, "Building Porter", CLN, "Atlanta, GA",
        "Day porter for a school district office: lobbies, restrooms, set-ups for "
        "meetings."),
    job("cln-us-09", MS, "Janitor", CLN, "Baltimore, MD",
        "Janitor for a high school.", status="draft"),
    # Driving
    job("drv-us-01", CF, "CDL-A Truck Driver - Regional", DRV, "Columbus, OH",
        "Regional dry van routes in Ohio, Indiana and Kentucky. Home weekends. Class A "
        "CDL and 1 year experience. $1,400 a week average.", duties=("driving",)),
    job("drv-us-02", CF, "Truck Driver (CDL)", DRV, "Louisville, KY",
        "Drive a tractor-trailer between our Louisville terminal and customers. Class A "
        "CDL required. We hire drivers with records: talk to us.", duties=("driving",)),
    job("drv-us-03", CF, "Class A CDL Driver - Home Daily", DRV, "Glasgow, KY",
        "Local and dedicated routes out of our Glasgow yard. Home every night.",
        duties=("driving",)),
    job("drv-us-04", CF, "Delivery Driver (Non-CDL)", DRV, "Bowling Green, KY",
        "Deliver parcels in a company van. Regular driver's license; no CDL needed.",
        duties=("driving",)),
    job("drv-us-05", CF, "Box Truck Driver", DRV, "Columbus, OH",
        "Drive a 26 ft box truck making furniture deliveries with a helper. Class B CDL "
        "preferred.", duties=("driving",)),
    job("drv-us-06", CF, "OTR Tractor Trailer Driver", DRV, "Louisville, KY",
        "Over-the-road truck driving, out 2-3 weeks at a time. CDL-A.",
        duties=("driving",)),
    job("drv-us-07", CF, "CDL Training - Student Driver", DRV, "Glasgow, KY",
        "Get your commercial driver's license with paid training, then drive for us.",
        employment_type=APP, duties=("driving",)),
    job("drv-us-08", LF, "Delivery Driver", DRV, "Chicago, IL",
        "Deliver packages in the city with our sprinter vans. Clean driving record for "
        "the last 3 years.", duties=("driving",)),
    job("drv-us-09", CF, "Yard Jockey / Spotter", DRV, "Columbus, OH",
        "Move trailers around our yard and docks with a yard truck. CDL not required."),
    job("drv-us-10", CF, "CDL Driver", DRV, "Louisville, KY",
        "CDL driver for local routes.", status="expired", duties=("driving",)),
    # Care
    job("care-us-01", HH, "Caregiver", CARE, "Los Angeles, CA",
        "Help older adults at home with bathing, dressing, meals and getting around. "
        "Flexible schedules.", duties=("vulnerable_adults",)),
    job("care-us-02", HH, "Home Health Aide", CARE, "Long Beach, CA",
        "Visit clients at home to help with personal care and light housekeeping. HHA "
        "certificate or willing to get one.", duties=("vulnerable_adults",)),
    job("care-us-03", HH, "Caregiver - Part Time", CARE, "Oakland, CA",
        "Part-time in-home caregiver, 20 hours a week.", employment_type=PT,
        duties=("vulnerable_adults",)),
    job("care-us-04", HH, "Personal Care Aide", CARE, "Richmond, CA",
        "Assist clients with daily living at home. Training provided.",
        duties=("vulnerable_adults",)),
    job("care-us-05", HH, "Certified Nursing Assistant (CNA)", CARE, "Sacramento, CA",
        "CNA for home care visits. California CNA certificate required.",
        duties=("health_care", "vulnerable_adults")),
    job("care-us-06", HH, "Live-in Caregiver", CARE, "Los Angeles, CA",
        "Live-in care for one client, 4 days on and 3 off.",
        duties=("vulnerable_adults",)),
    job("care-us-07", HH, "Direct Support Professional", CARE, "Oakland, CA",
        "Support adults with developmental disabilities in their homes and community.",
        duties=("vulnerable_adults",)),
    job("care-us-08", HH, "Companion Caregiver - Weekends", CARE, "Long Beach, CA",
        "Keep seniors company, cook simple meals and run errands on weekends.",
        employment_type=PT, duties=("vulnerable_adults",)),
    # Retail
    job("ret-us-01", MSO, "Sales Associate", RET, "Richmond, VA",
        "Help customers find the right gear, run the register, and keep the sales floor "
        "neat. Employee discount.", duties=("cash",)),
    job("ret-us-02", MSO, "Retail Sales Associate", RET, "Birmingham, AL",
        "Part-time sales associate, evenings and weekends.", employment_type=PT,
        duties=("cash",)),
    job("ret-us-03", MSO, "Cashier", RET, "Cambridge, MA",
        "Ring up sales, handle returns, and greet customers.", duties=("cash",)),
    job("ret-us-04", MSO, "Stock Associate", RET, "Manchester, NH",
        "Unload deliveries, price and put out stock before the store opens."),
    job("ret-us-05", MSO, "Store Associate", RET, "Portland, ME",
        "Sales, stocking and cashier work in our Old Port store.", duties=("cash",)),
    job("ret-us-06", MSO, "Assistant Store Manager", RET, "Richmond, VA",
        "Open and close the store, lead the team, and own the schedule. 2 years of retail "
        "supervision."),
    job("ret-us-07", MSO, "Seasonal Sales Associate", RET, "Cambridge, MA",
        "Holiday sales help through December.", employment_type=TEMP),
    job("ret-us-08", MSO, "Customer Service Representative (Remote)", RET, (),
        "Answer customer calls and chats from home. We send you a laptop and headset. "
        "Open to applicants anywhere in the US.", workplace="remote",
        open_to={"country": "US"}),
    job("ret-us-09", MSO, "Sales Associate", RET, "Birmingham, AL",
        "Sales associate.", status="closed"),
    # Bakeries
    job("bak-us-01", HB, "Baker", KIT, "Somerville, MA",
        "Mix, shape and bake bread and pastries for our wholesale customers. Early "
        "mornings. Some baking experience helps.", skills=("baking",)),
    job("bak-us-02", HB, "Overnight Bread Baker", KIT, "Boston, MA",
        "Bake our sourdough and baguettes overnight, 10pm to 6am."),
    job("bak-us-03", HB, "Pastry Cook", KIT, "Cambridge, MA",
        "Croissants, tarts and cookies for our cafe counter."),
    job("bak-us-04", HB, "Bakery Assistant", KIT, "Portland, ME",
        "Help our bakers with scaling, packaging and cleaning.", employment_type=PT),
    job("bak-us-05", HB, "Bakery Counter Associate", RET, "Boston, MA",
        "Serve customers at our bakery counter and make coffee.", employment_type=PT),
    # Welding and manufacturing
    job("wld-us-01", GF, "Welder", MFG, "Houston, TX",
        "Weld structural steel for industrial projects. Pass our weld test. MIG and "
        "flux-core.", skills=("welding",)),
    job("wld-us-02", GF, "MIG Welder", MFG, "Birmingham, AL",
        "Production MIG welding on trailer frames. 1st shift."),
    job("wld-us-03", GF, "Welder/Fabricator", MFG, "Detroit, MI",
        "Fabricate and weld custom metal parts from drawings."),
    job("wld-us-04", GF, "Structural Welder", CON, "Houston, TX",
        "Field welding on building sites. AWS D1.1 certification a plus."),
    job("wld-us-05", GF, "Welding Helper", MFG, "Detroit, MI",
        "Grind, fit and prep parts for our welders. We train you to weld."),
    job("wld-us-06", GF, "Machine Operator", MFG, "Detroit, MI",
        "Run press brakes and saws in our fabrication shop."),
    job("wld-us-07", GF, "Production Worker", MFG, "Birmingham, AL",
        "Assembly and packing in our trailer plant. No experience needed."),
    # Bars
    job("bar-us-01", EB, "Bartender", KIT, "New York, NY",
        "Make classic cocktails and pour beer in a busy Midtown bar. 1 year bartending "
        "experience.", duties=("cash",)),
    job("bar-us-02", EB, "Barback", KIT, "Brooklyn, NY",
        "Keep the bar stocked with ice, glassware and kegs. Thursday to Saturday nights.",
        employment_type=PT),
    job("bar-us-03", EB, "Bar Staff", KIT, "Newark, NJ",
        "Serve drinks and keep the bar clean at our music venue."),
    job("bar-us-04", EB, "Cocktail Server", KIT, "Brooklyn, NY",
        "Serve drinks to tables in our lounge."),
    job("bar-us-05", EB, "Bar Manager", KIT, "New York, NY",
        "Run the bar: staff, ordering, cocktail menu. 3 years bar management."),
    job("bar-us-06", EB, "Door Staff / Security", "other", "Brooklyn, NY",
        "Check IDs and keep guests safe on weekend nights.", employment_type=PT,
        duties=("security",)),
]  # fmt: skip
