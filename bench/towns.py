"""Real US and UK towns for the benchmark data, turned into points once per run.

Postings are spread over these towns, weighted towards the big ones (the list
is roughly by size within each country), so radius searches meet the dense and
sparse places a real board has. Coordinates come from the site's own gazetteer
(``fairsite.places.find_place``), so a "within 25 miles" query means what it
means on the site.
"""

from __future__ import annotations

from functools import cache

from fairsite.places import Place, find_place

US_TOWNS = """
New York, NY; Los Angeles, CA; Chicago, IL; Houston, TX; Phoenix, AZ; Philadelphia, PA;
San Antonio, TX; San Diego, CA; Dallas, TX; Jacksonville, FL; Austin, TX; Fort Worth, TX;
San Jose, CA; Columbus, OH; Charlotte, NC; Indianapolis, IN; San Francisco, CA; Seattle, WA;
Denver, CO; Oklahoma City, OK; Nashville, TN; Washington, DC; El Paso, TX; Las Vegas, NV;
Boston, MA; Detroit, MI; Portland, OR; Louisville, KY; Memphis, TN; Baltimore, MD;
Milwaukee, WI; Albuquerque, NM; Tucson, AZ; Fresno, CA; Sacramento, CA; Mesa, AZ;
Atlanta, GA; Kansas City, MO; Colorado Springs, CO; Omaha, NE; Raleigh, NC; Miami, FL;
Virginia Beach, VA; Long Beach, CA; Oakland, CA; Minneapolis, MN; Bakersfield, CA;
Tulsa, OK; Tampa, FL; Arlington, TX; Wichita, KS; Aurora, CO; New Orleans, LA;
Cleveland, OH; Honolulu, HI; Anaheim, CA; Henderson, NV; Orlando, FL; Lexington, KY;
Stockton, CA; Riverside, CA; Corpus Christi, TX; Irvine, CA; Cincinnati, OH; Santa Ana, CA;
Newark, NJ; Saint Paul, MN; Pittsburgh, PA; Greensboro, NC; Durham, NC; Lincoln, NE;
Jersey City, NJ; Plano, TX; Anchorage, AK; North Las Vegas, NV; St. Louis, MO; Madison, WI;
Chandler, AZ; Gilbert, AZ; Reno, NV; Buffalo, NY; Chula Vista, CA; Fort Wayne, IN;
Lubbock, TX; Toledo, OH; St. Petersburg, FL; Laredo, TX; Irving, TX; Chesapeake, VA;
Glendale, AZ; Winston-Salem, NC; Port St. Lucie, FL; Scottsdale, AZ; Garland, TX;
Boise, ID; Norfolk, VA; Spokane, WA; Richmond, VA; Fremont, CA; Huntsville, AL;
Frisco, TX; Cape Coral, FL; Santa Clarita, CA; San Bernardino, CA; Tacoma, WA;
Hialeah, FL; Baton Rouge, LA; Modesto, CA; Fontana, CA; McKinney, TX; Moreno Valley, CA;
Des Moines, IA; Fayetteville, NC; Salt Lake City, UT; Yonkers, NY; Worcester, MA;
Rochester, NY; Sioux Falls, SD; Little Rock, AR; Amarillo, TX; Tallahassee, FL;
Grand Prairie, TX; Columbus, GA; Augusta, GA; Peoria, AZ; Oxnard, CA; Knoxville, TN;
Overland Park, KS; Birmingham, AL; Grand Rapids, MI; Vancouver, WA; Montgomery, AL;
Huntington Beach, CA; Providence, RI; Brownsville, TX; Tempe, AZ; Akron, OH;
Glendale, CA; Chattanooga, TN; Fort Lauderdale, FL; Newport News, VA; Mobile, AL;
Ontario, CA; Clarksville, TN; Cary, NC; Elk Grove, CA; Shreveport, LA; Eugene, OR;
Aurora, IL; Salem, OR; Santa Rosa, CA; Rancho Cucamonga, CA; Pembroke Pines, FL;
Fort Collins, CO; Springfield, MO; Oceanside, CA; Garden Grove, CA; Lancaster, CA;
Murfreesboro, TN; Palmdale, CA; Corona, CA; Killeen, TX; Salinas, CA; Roseville, CA;
Denton, TX; Surprise, AZ; Macon, GA; Paterson, NJ; Lakewood, CO; Hayward, CA;
Charleston, SC; Alexandria, VA; Hollywood, FL; Springfield, MA; Kansas City, KS;
Sunnyvale, CA; Bellevue, WA; Joliet, IL; Naperville, IL; Escondido, CA; Bridgeport, CT;
Savannah, GA; Olathe, KS; Mesquite, TX; Pasadena, TX; McAllen, TX; Rockford, IL;
Gainesville, FL; Syracuse, NY; Pomona, CA; Visalia, CA; Thornton, CO; Waco, TX;
Jackson, MS; Columbia, SC; Lakewood, NJ; Fullerton, CA; Torrance, CA; Victorville, CA;
Midland, TX; Orange, CA; Miramar, FL; Hampton, VA; Warren, MI; Stamford, CT;
Cedar Rapids, IA; Elizabeth, NJ; Palm Bay, FL; Dayton, OH; New Haven, CT; Coral Springs, FL;
Meridian, ID; West Valley City, UT; Pasadena, CA; Lewisville, TX; Kent, WA; Sterling Heights, MI;
Fargo, ND; Carrollton, TX; Santa Clara, CA; Round Rock, TX; Norman, OK; Columbia, MO;
Abilene, TX; Athens, GA; Pearland, TX; Clovis, CA; Topeka, KS; College Station, TX;
Simi Valley, CA; Allentown, PA; West Palm Beach, FL; Thousand Oaks, CA; Vallejo, CA;
Wilmington, NC; Evansville, IN; Concord, CA; Lansing, MI; Ann Arbor, MI; Beaumont, TX;
Independence, MO; Provo, UT; Peoria, IL; Billings, MT; Manchester, NH; Portland, ME;
Burlington, VT; Cheyenne, WY; Charleston, WV; Wilmington, DE; Hartford, CT; Albany, NY;
Harrisburg, PA; Trenton, NJ; Annapolis, MD; Dover, DE; Concord, NH; Augusta, ME;
Montpelier, VT; Frankfort, KY; Jefferson City, MO; Pierre, SD; Bismarck, ND; Helena, MT;
Santa Fe, NM; Carson City, NV; Juneau, AK; Olympia, WA; Springfield, IL; Duluth, MN
"""

GB_TOWNS = """
London; Birmingham; Manchester; Leeds; Glasgow; Sheffield; Bradford; Liverpool;
Edinburgh; Bristol; Cardiff; Leicester; Coventry; Nottingham; Hull; Belfast; Stoke-on-Trent;
Wolverhampton; Plymouth; Derby; Southampton; Reading; Northampton; Luton; Portsmouth;
Preston; Aberdeen; Milton Keynes; Sunderland; Norwich; Swansea; Bournemouth; Southend-on-Sea;
Swindon; Dundee; Huddersfield; Poole; Oxford; Middlesbrough; Blackpool; Bolton; Ipswich;
Telford; York; West Bromwich; Peterborough; Stockport; Brighton; Slough; Gloucester;
Rotherham; Cambridge; Watford; Exeter; Colchester; Crawley; Gateshead; Sutton Coldfield;
Blackburn; Oldham; Cheltenham; Chelmsford; Maidstone; Basildon; Rochdale; Doncaster;
Salford; Wigan; Worcester; Lincoln; Bedford; Mansfield; Carlisle; Barnsley; Darlington;
Hartlepool; Halifax; Wakefield; Stockton-on-Tees; Newport, Wales; Wrexham; Inverness;
Stirling; Perth, Scotland; Lisburn; Derry; Newry; Bangor, Wales; Durham; Lancaster;
Canterbury; Chester; Winchester; Bath; Hereford; Shrewsbury; Taunton; Truro; Scunthorpe;
Grimsby; Harlow; Stevenage; Hastings; Eastbourne; Worthing; Guildford; Woking; Basingstoke
"""


def _names(block: str) -> list[str]:
    return [name.strip() for name in block.replace("\n", " ").split(";") if name.strip()]


def town_names() -> list[tuple[str, str]]:
    """(what a person would type, country) for every town, big towns first per country."""
    return [(name, "US") for name in _names(US_TOWNS)] + [(name, "GB") for name in _names(GB_TOWNS)]


@cache
def resolved_towns() -> tuple[Place, ...]:
    """Every town as the gazetteer finds it, in the list's order (looked up once)."""
    return tuple(find_place(name, prefer_country=country) for name, country in town_names())
