"""What the boards decide on: titles, how the text names the matter, and what a decision says.

Each subject is ``(title, matter, decisions, secrecy)``: ``matter`` is the definite form the text uses
("detaljplanen för Hägern 4"), ``decisions`` are "att" clauses for the decision's wording ("{matter}"
stands for the matter), and ``secrecy`` tells whether the record has a masked passage (an individual's
case, OSL 26 kap.) or a withheld attachment (bids in a procurement, OSL 19 kap.). Placeholders: {place},
{place2}, {block}, {n}, {street}, {lake}, {y0} (the year before), {y}, {y1}, {y2}, {y3}, {board} (another
board), {person}, {party}, {amount}, {small}, {date}, {election} (the next general election) and
{election0} (the last).
"""

from __future__ import annotations

Subject = tuple[str, str, tuple[str, ...], str]

MASKED = "maskerat"
WITHHELD = "sekretessbilaga"

GOVERNANCE: tuple[Subject, ...] = (
    ("Årsredovisning {y0}", "årsredovisningen för {y0}", ("godkänna {matter}", "bevilja nämnderna ansvarsfrihet för {y0}"), ""),
    ("Delårsrapport januari–augusti {y}", "delårsrapporten per den 31 augusti {y}", ("godkänna {matter}",), ""),
    ("Budget {y1} med plan för {y2}–{y3}", "budgeten för {y1}", ("fastställa {matter}", "fastställa skattesatsen för {y1} till 21,{n} kronor"), ""),
    ("Internkontrollplan {y1}", "internkontrollplanen för {y1}", ("anta {matter}",), ""),
    ("Motion om solceller på kommunens tak", "motionen om solceller", ("anse motionen besvarad", "bifalla motionen"), ""),
    ("Motion om fler laddplatser för elbilar", "motionen om laddplatser", ("anse motionen besvarad", "avslå motionen"), ""),
    ("Motion om ett ungdomsråd", "motionen om ett ungdomsråd", ("bifalla motionen", "anse motionen besvarad"), ""),
    ("Medborgarförslag om en hundrastgård i {place}", "medborgarförslaget om en hundrastgård", ("anse medborgarförslaget besvarat", "avslå medborgarförslaget"), ""),
    ("Medborgarförslag om bättre snöröjning på {street}", "medborgarförslaget om snöröjning", ("anse medborgarförslaget besvarat",), ""),
    ("Ägardirektiv för Sjöviks Bostäder AB", "ägardirektivet för Sjöviks Bostäder AB", ("anta {matter}",), ""),
    ("Borgen för Sjöviks Energi AB", "borgensåtagandet för Sjöviks Energi AB", ("teckna borgen för lån upp till {amount}",), ""),
    ("Markanvisning för bostäder i {place}", "markanvisningen i {place}", ("godkänna {matter}",), ""),
    ("Försäljning av fastigheten {block} {n} i {place}", "försäljningen av {block} {n}", ("godkänna {matter} till en köpeskilling av {amount}",), WITHHELD),
    ("Riktlinjer för representation", "riktlinjerna för representation", ("anta {matter}",), ""),
    ("Policy för informationssäkerhet", "policyn för informationssäkerhet", ("anta {matter}",), ""),
    ("Klimatstrategi {y1}–{y3}", "klimatstrategin", ("anta {matter}", "ge nämnderna i uppdrag att redovisa sina åtgärder årligen"), ""),
    ("Sammanträdestider {y1}", "sammanträdestiderna för {y1}", ("fastställa {matter}",), ""),
    ("Val av ersättare i {board}", "valet av ersättare i {board}", ("utse {person} ({party}) till ersättare i {board}",), ""),
    ("Entledigande från uppdrag i {board}", "begäran om entledigande", ("bevilja {person} ({party}) entledigande från uppdraget i {board}",), ""),
    ("Reglemente för {board}, revidering", "det reviderade reglementet för {board}", ("anta {matter}",), ""),
    ("Lokalförsörjningsplan {y1}–{y3}", "lokalförsörjningsplanen", ("anta {matter}",), ""),
    ("Bredband på landsbygden, medfinansiering", "medfinansieringen av bredband", ("avsätta {amount} till {matter}",), ""),
)  # fmt: skip

SCHOOL: tuple[Subject, ...] = (
    ("Läsårstider {y}/{y1}", "läsårstiderna för {y}/{y1}", ("fastställa {matter}",), ""),
    ("Lokalbehov för grundskolan i {place}", "lokalbehovet för grundskolan i {place}", ("godkänna utredningen om {matter}", "ge förvaltningen i uppdrag att ta fram ett lokalprogram"), ""),
    ("Nybyggnad av {place} skola", "nybyggnaden av {place} skola", ("godkänna {matter}", "begära en investeringsram på {amount}"), WITHHELD),
    ("Resursfördelning till grundskolan {y1}", "resursfördelningen för {y1}", ("fastställa {matter}",), ""),
    ("Kvalitetsrapport för grundskolan {y}", "kvalitetsrapporten", ("godkänna {matter}", "lägga {matter} till handlingarna"), ""),
    ("Skolskjutsregler för grundskolan", "skolskjutsreglerna", ("anta {matter}",), ""),
    ("Plan mot kränkande behandling", "planen mot kränkande behandling", ("anta {matter}",), ""),
    ("Elevhälsans organisation", "den nya organisationen för elevhälsan", ("godkänna {matter}",), ""),
    ("Statsbidrag för mindre barngrupper", "ansökan om statsbidrag", ("ansöka om statsbidrag på {amount}",), ""),
    ("Öppettider i fritidshemmen", "öppettiderna i fritidshemmen", ("fastställa {matter}",), ""),
    ("Nya förskoleplatser i {place}", "placeringen av nya förskoleplatser", ("godkänna {matter}",), ""),
    ("Skolplacering i enskilt ärende", "ärendet", ("avslå begäran om placering vid önskad skola",), MASKED),
)  # fmt: skip

SOCIAL: tuple[Subject, ...] = (
    ("Riktlinjer för ekonomiskt bistånd {y1}", "riktlinjerna för ekonomiskt bistånd", ("anta {matter}",), ""),
    ("Handlingsplan mot våld i nära relationer", "handlingsplanen mot våld i nära relationer", ("anta {matter}",), ""),
    ("Avgifter inom äldreomsorgen {y1}", "avgifterna inom äldreomsorgen för {y1}", ("fastställa {matter}",), ""),
    ("Hemtjänsten i {place}, ny organisation", "den nya organisationen för hemtjänsten i {place}", ("godkänna {matter}",), ""),
    ("Utbyggnad av särskilt boende i {place}", "utbyggnaden av särskilt boende i {place}", ("godkänna {matter}", "begära en investeringsram på {amount}"), ""),
    ("Bistånd enligt socialtjänstlagen, enskilt ärende", "ärendet", ("bevilja bistånd enligt 4 kap. 1 § socialtjänstlagen",), MASKED),
    ("Anmälan enligt lex Sarah", "anmälan enligt lex Sarah", ("lägga anmälan till handlingarna",), MASKED),
    ("Yttrande till förvaltningsrätten i mål om bistånd", "yttrandet till förvaltningsrätten", ("avge yttrande enligt förvaltningens förslag",), MASKED),
    ("Uppföljning av placeringar i familjehem {y}", "uppföljningen av placeringar i familjehem", ("lägga {matter} till handlingarna",), ""),
    ("Verksamhetsplan för individ- och familjeomsorgen {y1}", "verksamhetsplanen för {y1}", ("anta {matter}",), ""),
)  # fmt: skip

PLANNING: tuple[Subject, ...] = (
    ("Detaljplan för {block} {n} i {place}", "detaljplanen för {block} {n}", ("anta {matter}", "skicka {matter} på samråd"), ""),
    ("Planbesked för {block} {n}", "ansökan om planbesked för {block} {n}", ("lämna positivt planbesked", "lämna negativt planbesked"), ""),
    ("Bygglov för flerbostadshus på {block} {n}", "ansökan om bygglov", ("bevilja bygglov med stöd av 9 kap. 30 § plan- och bygglagen",), ""),
    ("Strandskyddsdispens för brygga vid {lake}", "ansökan om strandskyddsdispens", ("bevilja strandskyddsdispens", "avslå ansökan om strandskyddsdispens"), ""),
    ("Gång- och cykelväg mellan {place} och {place2}", "gång- och cykelvägen mellan {place} och {place2}", ("godkänna {matter}", "begära en investeringsram på {amount}"), ""),
    ("Lokala trafikföreskrifter för {street}", "trafikföreskrifterna för {street}", ("anta {matter}",), ""),
    ("Ny belysning längs {street}", "den nya belysningen längs {street}", ("godkänna {matter}",), ""),
    ("Vatten och avlopp i {place}, utbyggnad", "utbyggnaden av vatten och avlopp i {place}", ("godkänna {matter}",), WITHHELD),
    ("Namn på nya gator i {place}", "namnen på de nya gatorna i {place}", ("fastställa {matter}",), ""),
    ("Taxa för bygglov och planbesked {y1}", "taxan för bygglov och planbesked", ("anta {matter}",), ""),
)  # fmt: skip

ENVIRONMENT: tuple[Subject, ...] = (
    ("Tillsynsplan {y1}", "tillsynsplanen för {y1}", ("anta {matter}",), ""),
    ("Taxa för prövning och tillsyn enligt miljöbalken", "taxan för prövning och tillsyn", ("anta {matter}",), ""),
    ("Föreläggande om åtgärder vid {block} {n}", "föreläggandet", ("förelägga fastighetsägaren att åtgärda bristerna senast {date}",), ""),
    ("Vattenskyddsområde för {lake}", "vattenskyddsområdet för {lake}", ("föreslå kommunfullmäktige att inrätta {matter}",), ""),
    ("Kontrollplan för livsmedel {y1}", "kontrollplanen för livsmedel", ("anta {matter}",), ""),
    ("Miljösanktionsavgift för {block} {n}", "miljösanktionsavgiften", ("ta ut en miljösanktionsavgift på {small}",), ""),
    ("Luftkvalitet i {place}, mätresultat {y}", "mätresultaten för luftkvaliteten", ("lägga {matter} till handlingarna",), ""),
)  # fmt: skip

CULTURE: tuple[Subject, ...] = (
    ("Kulturstipendium {y}", "kulturstipendiet för {y}", ("tilldela {person} kulturstipendiet för {y}",), ""),
    ("Föreningsbidrag {y1}", "föreningsbidragen för {y1}", ("dela ut {matter} enligt förvaltningens förslag",), ""),
    ("Biblioteket i {place}, nya öppettider", "de nya öppettiderna för biblioteket i {place}", ("fastställa {matter}",), ""),
    ("Konstnärlig gestaltning vid {place} skola", "den konstnärliga gestaltningen", ("godkänna {matter}",), ""),
    ("Renovering av ishallen i Sjövik", "renoveringen av ishallen", ("godkänna {matter}", "begära en investeringsram på {amount}"), WITHHELD),
    ("Sommarlovsaktiviteter {y}", "sommarlovsaktiviteterna", ("godkänna {matter}",), ""),
    ("Taxor för idrottsanläggningar {y1}", "taxorna för idrottsanläggningar", ("anta {matter}",), ""),
    ("Idrottspris {y}", "idrottspriset för {y}", ("tilldela {person} idrottspriset för {y}",), ""),
)  # fmt: skip

ELECTIONS: tuple[Subject, ...] = (
    ("Vallokaler vid valet {election}", "vallokalerna vid valet {election}", ("fastställa {matter}",), ""),
    ("Röstmottagare vid valet {election}", "rekryteringen av röstmottagare", ("godkänna {matter}",), ""),
    ("Indelning i valdistrikt", "indelningen i valdistrikt", ("föreslå länsstyrelsen en ny indelning",), ""),
    ("Förtidsröstning i {place}", "förtidsröstningen i {place}", ("godkänna {matter}",), ""),
    ("Uppföljning av valet {election0}", "uppföljningen av valet", ("lägga {matter} till handlingarna",), ""),
)  # fmt: skip

RESCUE: tuple[Subject, ...] = (
    ("Handlingsprogram för räddningstjänst {y1}–{y3}", "handlingsprogrammet", ("anta {matter}",), ""),
    ("Årsredovisning {y0} för förbundet", "årsredovisningen för {y0}", ("godkänna {matter}",), ""),
    ("Budget {y1} för Räddningstjänsten Sjödalen", "budgeten för {y1}", ("fastställa {matter}",), ""),
    ("Taxa för tillsyn enligt lagen om skydd mot olyckor", "taxan för tillsyn", ("anta {matter}",), ""),
    ("Avtal om larmcentral", "avtalet om larmcentral", ("godkänna {matter}",), ""),
    ("Ny brandstation i {place}", "den nya brandstationen i {place}", ("godkänna {matter}", "begära en investeringsram på {amount}"), ""),
    ("Sotning och brandskyddskontroll, upphandling", "upphandlingen av sotning", ("tilldela uppdraget till den leverantör som lämnat det mest ekonomiskt fördelaktiga anbudet",), WITHHELD),
    ("Räddningsvärn i {place}", "räddningsvärnet i {place}", ("inrätta {matter}",), ""),
)  # fmt: skip

EDUCATION: tuple[Subject, ...] = (
    ("Programutbud på gymnasieskolan läsåret {y1}/{y2}", "programutbudet för läsåret {y1}/{y2}", ("fastställa {matter}",), ""),
    ("Revidering av förbundsordningen", "den reviderade förbundsordningen", ("anta {matter}",), ""),
    ("Budget {y1} för Sjödalens utbildningsförbund", "budgeten för {y1}", ("fastställa {matter}",), ""),
    ("Årsredovisning {y0} för Sjödalens utbildningsförbund", "årsredovisningen för {y0}", ("godkänna {matter}",), ""),
    ("Ansvarsfrihet för förbundsstyrelsen {y0}", "frågan om ansvarsfrihet", ("bevilja förbundsstyrelsen ansvarsfrihet för {y0}",), ""),
    ("Lärlingsutbildning inom vård och omsorg", "lärlingsutbildningen", ("inrätta {matter} från och med hösten {y1}",), ""),
    ("Upphandling av vuxenutbildning", "upphandlingen av vuxenutbildning", ("tilldela avtalen enligt förvaltningens förslag",), WITHHELD),
    ("Elevboende vid Sjödalsgymnasiet", "elevboendet", ("godkänna {matter}",), ""),
)  # fmt: skip

AREAS: dict[str, tuple[Subject, ...]] = {
    "styrning": GOVERNANCE,
    "skola": SCHOOL,
    "social": SOCIAL,
    "samhallsbyggnad": PLANNING,
    "miljo": ENVIRONMENT,
    "kultur": CULTURE,
    "val": ELECTIONS,
    "raddning": RESCUE,
    "utbildning": EDUCATION,
}

DELEGATED: dict[str, tuple[tuple[str, str, str], ...]] = {
    "samhallsbyggnad": (
        ("Bygglov för tillbyggnad av enbostadshus på {block} {n}", "Bygglov beviljas för tillbyggnaden med stöd av 9 kap. 30 § plan- och bygglagen.", ""),
        ("Startbesked för garage på {block} {n}", "Startbesked lämnas för att uppföra ett garage.", ""),
    ),
    "miljo": (
        ("Registrering av livsmedelsanläggning i {place}", "Anläggningen registreras enligt livsmedelslagstiftningen.", ""),
        ("Tillstånd för värmepump på {block} {n}", "Tillstånd ges att inrätta en bergvärmepump.", ""),
    ),
    "skola": (("Skolskjuts i enskilt ärende", "Ansökan om skolskjuts avslås.", MASKED),),
    "social": (("Hemtjänst i enskilt ärende", "Bistånd beviljas med hemtjänst i ordinärt boende.", MASKED),),
    "kultur": (("Bidrag till lovaktiviteter i {place}", "Föreningen beviljas ett bidrag på {small}.", ""),),
    "styrning": (
        ("Avtal om lokalhyra i {place}", "Hyresavtalet tecknas för en period av tre år.", ""),
        ("Yttrande över remiss om regional trafikplan", "Kommunen lämnar yttrande enligt förvaltningens förslag.", ""),
    ),
    "raddning": (
        ("Tillstånd för brandfarlig vara, {block} {n}", "Tillstånd ges enligt lagen om brandfarliga och explosiva varor.", ""),
    ),
    "utbildning": (("Antagning i enskilt ärende", "Sökanden antas utanför ordinarie antagning.", MASKED),),
}  # fmt: skip
"""Decisions taken under delegation, by area: ``(title, decision, secrecy)``."""
