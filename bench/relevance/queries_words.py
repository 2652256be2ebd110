"""Queries that name a job: trades and titles in US and UK words, plurals, -ing
forms, filler words and typos; with no place, so any live posting may answer.

Graded on 2026-12-06 from the postings' texts, before the set was first run.
"""

from .shapes import JudgedQuery, form, graded

Q = JudgedQuery

WAREHOUSE = graded(
    three=["wh-us-01", "wh-us-05", "wh-us-07", "wh-uk-01", "wh-uk-03", "wh-uk-05", "wh-uk-08"],
    two=["wh-us-02", "wh-us-03", "wh-us-04", "wh-us-06", "wh-us-08", "wh-us-09", "wh-us-10",
         "wh-us-13", "wh-uk-02", "wh-uk-04", "wh-uk-06", "wh-uk-07", "wh-uk-10"],
)  # fmt: skip
CARPENTER = graded(three=["con-us-03", "con-us-05", "con-uk-07"], two=["con-us-04", "con-uk-06"])
JANITOR = graded(
    three=["cln-us-01", "cln-us-02", "cln-us-03", "con-uk-14"],
    two=["cln-us-06", "cln-us-08", "cln-uk-03", "cln-uk-05"],
    one=["cln-us-04", "cln-us-07", "cln-uk-04"],
)
BARTENDER = graded(
    three=["bar-us-01", "bar-uk-02"],
    two=["bar-us-03", "bar-uk-01", "bar-uk-03", "bar-uk-04"],
    one=["bar-us-02", "bar-us-05", "bar-uk-05", "bar-us-04"],
)
PROBATION_OFFICER = graded(
    three=["rp-us-01", "rp-us-02", "rp-us-03", "rp-us-04"],
    two=["rs-uk-03", "rs-uk-11", "rp-us-05"],
)
FORKLIFT = graded(three=["wh-us-04", "wh-uk-04"], two=["wh-uk-10"], one=["wh-us-01"])

QUERIES = [
    # Warehouses
    Q(
        "warehouse-jobs",
        form("warehouse jobs"),
        "The commonest search, with the filler "
        "word 'jobs'; every warehouse floor job in both countries answers it.",
        WAREHOUSE,
    ),
    Q("warehose", form("warehose"), "A typo of the commonest search.", WAREHOUSE, kind="typo"),
    Q(
        "picker-packer",
        form("picker packer"),
        "A US and UK title written several ways (Picker/Packer, Picker Packer).",
        graded(
            three=["wh-us-02", "wh-uk-02"],
            two=["wh-us-01", "wh-uk-01", "wh-us-07", "wh-uk-08"],
            one=["wh-us-03", "wh-uk-03"],
        ),
    ),
    Q(
        "forklift-driver",
        form("forklift driver"),
        "US 'operator' and UK 'driver' for the same job.",
        FORKLIFT,
    ),
    Q(
        "fork-lift",
        form("fork lift"),
        "The word split in two, as many type it.",
        FORKLIFT,
        kind="typo",
    ),
    Q(
        "forklift-opperator",
        form("forklift opperator"),
        "A doubled-letter typo.",
        FORKLIFT,
        kind="typo",
    ),
    # Kitchens
    Q(
        "line-cook",
        form("line cook"),
        "A US kitchen title; the UK 'chef de partie' is the same job.",
        graded(
            three=["kit-us-01"],
            two=["kit-us-05", "kit-us-07", "kit-us-02", "kit-uk-01"],
            one=["kit-us-06", "kit-uk-07"],
        ),
    ),
    Q(
        "cook-jobs",
        form("cook jobs"),
        "A short title and a filler word; chefs are cooks too.",
        graded(
            three=["kit-us-01", "kit-us-05", "kit-us-07", "kit-uk-07", "kit-us-02"],
            two=["kit-uk-01", "kit-uk-03", "kit-uk-08", "kit-us-06", "kit-uk-06", "bak-us-03"],
            one=["kit-us-04", "kit-uk-05"],
        ),
    ),
    Q(
        "chef",
        form("chef"),
        "The UK word for most cooking jobs.",
        graded(
            three=["kit-uk-01", "kit-uk-03", "kit-uk-08", "kit-uk-06", "kit-us-06", "bak-uk-04"],
            two=["kit-us-01", "kit-us-05", "kit-uk-07", "kit-us-07"],
            one=["kit-us-02"],
        ),
    ),
    Q(
        "dishwasher",
        form("dishwasher"),
        "A US title; the UK says 'kitchen porter'.",
        graded(three=["kit-us-03", "kit-us-11"], two=["kit-uk-02"], one=["kit-us-04", "kit-uk-05"]),
    ),
    Q(
        "dish-washer",
        form("dish washer"),
        "The same, split in two.",
        graded(three=["kit-us-03", "kit-us-11"], two=["kit-uk-02"], one=["kit-us-04", "kit-uk-05"]),
        kind="typo",
    ),
    # Trades
    Q(
        "plumbing",
        form("plumbing"),
        "An -ing form: people search the trade, postings name the worker.",
        graded(
            three=["con-us-06", "con-us-08", "con-uk-01", "con-uk-02", "con-us-07"],
            two=["con-us-16", "con-uk-11"],
        ),
    ),
    Q(
        "plumber-jobs",
        form("plumber jobs"),
        "The worker's name and a filler word.",
        graded(
            three=["con-us-06", "con-us-08", "con-uk-01", "con-uk-02"],
            two=["con-us-07"],
            one=["con-us-16", "con-uk-11"],
        ),
    ),
    Q(
        "painting",
        form("painting"),
        "An -ing form of 'painter'.",
        graded(
            three=["con-us-09", "con-us-10", "con-uk-03", "con-uk-04"],
            two=["con-us-16", "con-uk-11"],
        ),
    ),
    Q(
        "painter-decorator",
        form("painter and decorator"),
        "The UK trade name, with 'and'.",
        graded(three=["con-uk-03", "con-uk-04"], two=["con-us-09", "con-us-10"], one=["con-uk-11"]),
    ),
    Q(
        "roofing",
        form("roofing"),
        "An -ing form; two titles say 'Roofing', two 'Roofer'.",
        graded(three=["con-us-11", "con-uk-05", "con-us-12", "con-uk-13"]),
    ),
    Q(
        "roofer-position",
        form("roofer position"),
        "A filler word employers never write.",
        graded(three=["con-us-11", "con-uk-05"], two=["con-us-12", "con-uk-13"]),
    ),
    Q(
        "carpentry",
        form("carpentry"),
        "The trade, not the worker; UK joiners do it too.",
        graded(three=["con-us-03", "con-us-05", "con-us-04", "con-uk-07"], two=["con-uk-06"]),
    ),
    Q("carpnter", form("carpnter"), "A dropped letter.", CARPENTER, kind="typo"),
    Q(
        "joiner",
        form("joiner"),
        "The Scottish and English word for a carpenter.",
        graded(three=["con-uk-06"], two=["con-uk-07", "con-us-03", "con-us-05"], one=["con-us-04"]),
    ),
    Q(
        "labourer",
        form("labourer"),
        "UK spelling; US postings say 'laborer'.",
        graded(
            three=["con-uk-08", "con-uk-09", "con-us-01", "con-us-02"],
            two=["con-us-12"],
            one=["con-us-14"],
        ),
    ),
    Q(
        "labor-jobs",
        form("labor jobs"),
        "US spelling of the kind of work, and a filler.",
        graded(
            three=["con-us-01", "con-us-02", "con-uk-08", "con-uk-09"],
            two=["con-us-12"],
            one=["wh-us-13"],
        ),
    ),
    Q(
        "welding",
        form("welding"),
        "An -ing form of 'welder'.",
        graded(
            three=["wld-us-01", "wld-us-02", "wld-us-03", "wld-us-04", "con-uk-12"],
            two=["wld-us-05"],
        ),
    ),
    Q(
        "weldr",
        form("weldr"),
        "A typo on a phone keyboard.",
        graded(
            three=["wld-us-01", "wld-us-02", "wld-us-03", "wld-us-04", "con-uk-12"],
            two=["wld-us-05"],
        ),
        kind="typo",
    ),
    Q(
        "electrician",
        form("electrician"),
        "A trade with only a helper's job open.",
        graded(two=["con-us-14"]),
    ),
    Q(
        "apprenticeships",
        form("apprenticeships"),
        "A plural, and a kind of work rather than a title.",
        graded(
            three=["con-us-04", "con-us-07", "con-uk-10", "con-uk-13"],
            two=["drv-us-07", "kit-uk-06", "drv-uk-07"],
            one=["wld-us-05", "con-us-12"],
        ),
    ),
    Q(
        "handyman",
        form("handyman"),
        "US word; the UK says maintenance operative.",
        graded(three=["con-us-16"], two=["con-uk-11"], one=["cln-uk-03", "con-uk-14"]),
    ),
    Q(
        "maintenance",
        form("maintenance"),
        "One broad word.",
        graded(three=["con-us-16", "con-uk-11"], one=["cln-uk-03", "con-uk-14", "cln-us-02"]),
    ),
    Q(
        "factory-work",
        form("factory work"),
        "A kind of workplace and a filler word.",
        graded(three=["wld-us-07", "wld-us-06"], one=["wld-us-02", "wld-us-03"]),
    ),
    # Cleaning
    Q("janitor", form("janitor"), "US and Scottish word; US schools say 'custodian'.", JANITOR),
    Q("janiter", form("janiter"), "A spelling mistake.", JANITOR, kind="typo"),
    Q(
        "cleaning",
        form("cleaning"),
        "The kind of work, not a title.",
        graded(
            three=["cln-us-04", "cln-us-07", "cln-uk-01", "cln-uk-02", "cln-uk-04"],
            two=[
                "cln-us-01",
                "cln-us-02",
                "cln-us-03",
                "cln-us-05",
                "cln-uk-06",
                "cln-uk-07",
                "cln-us-06",
                "con-uk-14",
                "cln-uk-03",
            ],
            one=["cln-us-08", "cln-uk-05"],
        ),
    ),
    Q(
        "housekeeping",
        form("housekeeping"),
        "Hotel work in both countries.",
        graded(three=["cln-us-05", "cln-uk-06"], one=["care-us-02"]),
    ),
    Q(
        "caretaker",
        form("caretaker"),
        "The English word for a janitor.",
        graded(
            three=["cln-uk-03", "cln-uk-05"],
            two=["con-uk-14", "cln-us-02"],
            one=["cln-us-01", "cln-us-03"],
        ),
    ),
    # Driving
    Q(
        "cdl-driver",
        form("cdl driver"),
        "A US licence abbreviation with the job.",
        graded(
            three=["drv-us-01", "drv-us-02", "drv-us-03", "drv-us-06"],
            two=["drv-us-05", "drv-us-07"],
            one=["drv-uk-01", "drv-us-09"],
        ),
    ),
    Q(
        "truck-driver",
        form("truck driver"),
        "US words; UK lorry jobs say HGV or LGV.",
        graded(
            three=["drv-us-01", "drv-us-02", "drv-us-03", "drv-us-06"],
            two=[
                "drv-us-05",
                "drv-us-07",
                "drv-uk-01",
                "drv-uk-02",
                "drv-uk-03",
                "drv-uk-06",
                "drv-uk-07",
            ],
            one=["drv-us-04", "drv-us-09"],
        ),
    ),
    Q(
        "hgv-driver",
        form("hgv driver"),
        "UK words; US truck drivers do the same job.",
        graded(
            three=["drv-uk-01", "drv-uk-02", "drv-uk-03"],
            two=["drv-uk-07", "drv-uk-06", "drv-us-01", "drv-us-02", "drv-us-03", "drv-us-06"],
            one=["drv-uk-04", "drv-uk-05"],
        ),
    ),
    Q(
        "delivery-driver",
        form("delivery driver"),
        "Van and parcel work in both countries.",
        graded(
            three=["drv-us-04", "drv-us-08", "drv-uk-04"],
            two=["drv-uk-05", "drv-us-05", "drv-uk-06"],
            one=["drv-uk-02"],
        ),
    ),
    Q(
        "van-driver",
        form("van driver"),
        "UK wording; US postings say 'company van'.",
        graded(three=["drv-uk-05"], two=["drv-uk-04", "drv-us-04", "drv-us-08"], one=["drv-us-05"]),
    ),
    # Care
    Q(
        "caregiver",
        form("caregiver"),
        "US word; the UK says carer or care assistant.",
        graded(
            three=["care-us-01", "care-us-03", "care-us-06", "care-us-08"],
            two=[
                "care-us-02",
                "care-us-04",
                "care-us-07",
                "care-uk-03",
                "care-uk-01",
                "care-uk-07",
                "care-uk-04",
            ],
            one=["care-uk-05", "care-uk-06", "care-us-05", "care-uk-02"],
        ),
    ),
    Q(
        "carer",
        form("carer"),
        "UK word; US postings say caregiver.",
        graded(
            three=["care-uk-03", "care-uk-04", "care-uk-01", "care-uk-07"],
            two=[
                "care-uk-05",
                "care-uk-06",
                "care-us-01",
                "care-us-03",
                "care-us-06",
                "care-us-08",
            ],
            one=["care-us-02", "care-us-04", "care-uk-02"],
        ),
    ),
    Q(
        "cna",
        form("cna"),
        "A US certificate's abbreviation, typed lower case.",
        graded(three=["care-us-05"], one=["care-us-02"]),
    ),
    Q(
        "support-worker",
        form("support worker"),
        "A broad UK title used in care and in justice work.",
        graded(
            three=["care-uk-02"],
            two=["rs-uk-07", "rs-uk-06", "care-us-07", "mh-us-05"],
            one=["peer-us-06"],
        ),
    ),
    # Shops
    Q(
        "sales-associate",
        form("sales associate"),
        "US shop title; the UK says sales or shop assistant.",
        graded(
            three=["ret-us-01", "ret-us-02", "ret-us-07"],
            two=["ret-us-05", "ret-uk-03", "ret-uk-01", "ret-uk-02", "ret-uk-06"],
            one=["ret-us-03", "ret-uk-04", "bak-us-05", "ret-us-04"],
        ),
    ),
    Q(
        "shop-assistant",
        form("shop assistant"),
        "UK shop title.",
        graded(
            three=["ret-uk-01"],
            two=[
                "ret-uk-02",
                "ret-uk-03",
                "ret-uk-06",
                "ret-uk-04",
                "ret-us-01",
                "ret-us-02",
                "ret-us-07",
                "ret-us-05",
            ],
            one=["ret-uk-07", "ret-us-03", "bak-uk-03", "bak-us-05"],
        ),
    ),
    Q(
        "cashier",
        form("cashier"),
        "US word; UK shops say checkout or till.",
        graded(
            three=["ret-us-03"],
            two=["ret-uk-07"],
            one=["ret-us-05", "ret-us-01", "ret-uk-01", "ret-uk-04"],
        ),
    ),
    # Bars and bakeries
    Q("bartender", form("bartender"), "US word; UK pubs say bar staff.", BARTENDER),
    Q("bartendr", form("bartendr"), "A dropped letter.", BARTENDER, kind="typo"),
    Q(
        "bar-staff",
        form("bar staff"),
        "UK words for bar work.",
        graded(
            three=["bar-uk-01", "bar-us-03", "bar-uk-03"],
            two=["bar-us-01", "bar-uk-02", "bar-uk-04"],
            one=["bar-us-02", "bar-uk-06", "bar-uk-05", "bar-us-04"],
        ),
    ),
    Q(
        "baking",
        form("baking"),
        "An -ing form of 'baker'.",
        graded(
            three=["bak-us-01", "bak-us-02", "bak-uk-01", "bak-uk-02"],
            two=["bak-us-03", "bak-uk-04", "bak-us-04", "bak-uk-03"],
            one=["bak-us-05"],
        ),
    ),
    Q(
        "security",
        form("security"),
        "One word for door and guard work.",
        graded(three=["bar-us-06"], one=["ct-us-05"]),
    ),
    Q(
        "machine-operator",
        form("machine operator"),
        "A factory title.",
        graded(three=["wld-us-06"], one=["wld-us-07"]),
    ),
]
