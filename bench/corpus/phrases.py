"""Sentences of the corpus's records, by the part of a record they belong in.

Placeholders: {board} and {board_l} (the board, capitalised and in running text), {board_gl} (its genitive
in running text), {office} and {office_l} (who prepared the matter), {matter}, {place}, {group}, {ground},
{law}, {dependency}, {benefit}, {unit}, {street}, {date}, {y0}, {y}, {y1}, {pct}, {count}, {amount}, {small},
{years}, {person}, {party}. The word rules of words.py hold here too.
"""

from __future__ import annotations

BACKGROUND = (
    "{board} gav den {date} {office_l} i uppdrag att utreda {matter}.",
    "Ärendet har sin grund i {ground}.",
    "Sedan {y0} har antalet {unit} i {place} ökat med {pct} procent.",
    "Nuvarande ordning infördes för tolv år sedan och har inte setts över sedan dess.",
    "Under hösten har {office_l} haft samråd med {group}.",
    "Frågan har tidigare varit uppe i {board_l} utan att något beslut fattades.",
    "Behovet har ökat i takt med att kommunen växer, särskilt i {place}.",
    "{office} har under arbetet tagit del av erfarenheter från andra kommuner i länet.",
    "I dag finns ingen samlad bild av hur {matter} påverkar verksamheterna.",
    "Enligt {law} ska frågan prövas av {board_l}.",
    "Underlaget har tagits fram i samverkan med {group}.",
    "Ärendet gäller {matter} och berör främst dem som bor och verkar i {place}.",
    "Ett liknande ärende behandlades {y0}, men då var underlaget inte komplett.",
    "Under {y0} kom det in {count} synpunkter från invånare och organisationer.",
    "Av utredningen framgår att {count} {unit} berörs direkt av förslaget.",
    "Den nuvarande lösningen har fått kritik från {group}.",
)

ASSESSMENT = (
    "{office} bedömer att förslaget är väl avvägt och ryms inom gällande budgetram.",
    "Enligt {office_l}s bedömning finns det skäl att genomföra åtgärden redan under {y1}.",
    "Förslaget bedöms stämma överens med översiktsplanen och de mål som fullmäktige har antagit.",
    "Ett alternativ vore att vänta ett år, men det skulle innebära högre kostnader på sikt.",
    "Det är angeläget att {group} informeras i god tid innan förändringen genomförs.",
    "{office} ser inga juridiska hinder mot förslaget.",
    "Risken för förseningar bedöms som liten, men tidplanen är beroende av {dependency}.",
    "Sammantaget gör {office_l} bedömningen att {board_l} bör ställa sig bakom förslaget.",
    "Beslutet bör följas upp efter ett år, så att {board_l} kan se vilken effekt det har haft.",
    "Konsekvenserna för miljön bedöms som små.",
    "Förslaget ger en tydligare ansvarsfördelning mellan {office_l} och övriga verksamheter.",
    "Erfarenheterna från {place} visar att en liknande lösning har fungerat väl.",
    "{office} har vägt olika intressen mot varandra och funnit att nyttan överväger.",
    "Den samlade bedömningen är att {matter} kan genomföras inom ramen för nuvarande organisation.",
    "Synpunkterna från {group} har i stora delar arbetats in i förslaget.",
    "Det är viktigt att de medarbetare som berörs informeras om beslutet i god tid.",
)

ECONOMY = (
    "Kostnaden beräknas till {amount}, varav en mindre del avser investeringar.",
    "Åtgärden finansieras inom {board_gl} budgetram för {y}.",
    "De årliga driftkostnaderna uppskattas till {small}.",
    "Förslaget medför inga ytterligare kostnader för kommunen.",
    "Ett statsbidrag på {small} väntas täcka en del av kostnaden.",
    "Intäkterna beräknas öka med {pct} procent jämfört med {y0}.",
    "Investeringen skrivs av på {years} år.",
)

CHILDREN = (
    "Förslaget bedöms inte påverka barn och unga i någon särskild riktning.",
    "En barnkonsekvensanalys har gjorts och visar att förslaget ger barn i {place} {benefit}.",
    "Elevråden på två skolor har lämnat synpunkter på förslaget.",
    "Barnets bästa har beaktats i enlighet med barnkonventionen, som är svensk lag sedan 2020.",
)

CONSULTATION = (
    "{group} tillstyrker förslaget i sitt remissvar.",
    "{group} har inga invändningar men vill delta i arbetet framöver.",
    "{group} avstyrker förslaget och hänvisar till kostnaderna.",
    "Remissvaren visar på ett brett stöd för inriktningen.",
)

MOTIONS = (
    "{person} ({party}) yrkar bifall till förslaget.",
    "{person} ({party}) yrkar avslag på förslaget.",
    "{person} ({party}) yrkar att ärendet återremitteras för ytterligare utredning.",
)

PROPOSITIONS = (
    "Ordföranden ställer proposition på förslagen och finner att {board_l} beslutar enligt förslaget.",
    "Omröstning begärs och genomförs. Med {count} ja-röster mot {pct} nej-röster beslutar {board_l} "
    "enligt förslaget.",
)

RESERVATIONS = (
    "Vi anser att ärendet borde ha utretts vidare och reserverar oss mot beslutet.",
    "Förslaget tar inte tillräcklig hänsyn till dem som bor i {place}. Vi reserverar oss till förmån för "
    "vårt eget yrkande.",
    "Kostnaderna borde ha prövats mot andra alternativ innan beslut fattades.",
    "Vi reserverar oss till förmån för avslagsyrkandet.",
)

NEWS_NEXT = (
    "Beslutet börjar gälla när det har vunnit laga kraft.",
    "{office} kommer att informera {group} under de närmaste veckorna.",
    "Arbetet beräknas vara klart under {y1}.",
    "Den som vill veta mer kan kontakta kommunens kontaktcenter.",
    "En uppföljning redovisas för {board_l} om ett år.",
)

NEWS_MORE = (
    "Protokollet finns på anslagstavlan i tre veckor efter justeringen. Där står också hur du överklagar "
    "beslutet."
)

MASKED_PASSAGES = (
    "Uppgifter om den enskildes personliga förhållanden: [[maskerat: {osl}]]",
    "Av utredningen framgår följande: [[maskerat: {osl}]]",
    "[[maskerat: {osl}]] Förvaltningen har i övrigt inget att tillägga.",
)

FACTS = {
    "styrning": (
        "Kommunens ekonomi är i balans, men marginalerna har minskat sedan {y0}.",
        "Skatteintäkterna väntas öka med {pct} procent till {y1}.",
        "Revisorerna har i sin granskning pekat på brister i uppföljningen.",
    ),
    "skola": (
        "Efterfrågan på förskoleplatser i {place} har ökat under de senaste åren.",
        "En ny förskola med sex avdelningar planeras i {place}.",
        "Skolorna i {place} har i dag {count} elever fler än de är byggda för.",
        "Kön till förskola i {place} är i dag längre än fyra månader.",
    ),
    "social": (
        "Antalet hushåll med ekonomiskt bistånd har minskat med {pct} procent sedan {y0}.",
        "Hemtjänsten i {place} gör i dag omkring {count} besök per dygn.",
        "Väntetiden till särskilt boende är i genomsnitt {count} dagar.",
    ),
    "samhallsbyggnad": (
        "Området är utpekat för nya bostäder i översiktsplanen.",
        "Planförslaget ger plats för omkring {count} nya bostäder.",
        "Trafiken på {street} har ökat sedan {y0}.",
    ),
    "miljo": (
        "Miljö- och hälsoskyddskontoret gjorde {count} inspektioner under {y0}.",
        "Provtagningen visar att gränsvärdena klaras med god marginal.",
        "Klagomålen på buller i {place} har ökat.",
    ),
    "kultur": (
        "Biblioteken hade {count} 000 besök under {y0}.",
        "Kommunen ger bidrag till över {count} föreningar.",
        "Ishallen och simhallen är kommunens mest besökta anläggningar.",
    ),
    "val": (
        "Vid det senaste valet fanns {count} vallokaler i kommunen.",
        "Röstmottagarna ska ha genomgått utbildning innan valet.",
    ),
    "raddning": (
        "Räddningstjänsten gjorde {count} utryckningar i {place} under {y0}.",
        "Insatstiden i tätorten är i genomsnitt tio minuter.",
        "Brandstationen i {place} bemannas av deltidsbrandmän.",
    ),
    "utbildning": (
        "Sjödalsgymnasiet har i dag omkring {count}0 elever.",
        "Söktrycket till yrkesprogrammen har ökat sedan {y0}.",
        "Vuxenutbildningen hade {count} studerande på distans under {y0}.",
    ),
}
"""Sentences about one area's matters, mixed into the background of its records."""
