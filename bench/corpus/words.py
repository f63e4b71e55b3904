"""The words of the corpus: places, people, parties and the Swedish phrases its records are made of.

Written for this corpus, not taken from real records. Two rules hold for every word here, because the
browser tests search for them in their own fixture records (tests/browser/fixture/README.md) and must find
only those: no word begins with "far", "for" or "sälgback", and none is "får" or a form of "förskolan" or
"förskolor" (tests/bench/test_corpus.py checks every generated record).
"""

from __future__ import annotations

PLACES = (
    "Björkvik", "Strandängen", "Åsbacka", "Västerby", "Kyrkbyn", "Hammarnäs", "Ekeberg", "Lindåsen",
    "Mossen", "Stensjö", "Östanå", "Tallåsen", "Hagalund", "Ängsvik", "Bruksområdet", "Sjöviks centrum",
    "Nyängen", "Källdal",
)  # fmt: skip

BLOCKS = (
    "Ekorren", "Hägern", "Vitsippan", "Blåklinten", "Tjädern", "Bävern", "Smeden", "Kronan", "Mjölnaren",
    "Lotsen", "Kvarnen", "Uttern",
)  # fmt: skip

STREETS = (
    "Storgatan", "Kyrkogatan", "Järnvägsgatan", "Skolvägen", "Industrivägen", "Strandvägen", "Bruksgatan",
    "Ängsvägen",
)  # fmt: skip

LAKES = ("Mörtsjön", "Klarsjön", "Stora Björken", "Tjärnen")

FIRST_NAMES = (
    "Anna", "Erik", "Maria", "Johan", "Karin", "Lars", "Eva", "Mikael", "Sara", "Anders", "Lena", "Peter",
    "Kristina", "Mats", "Helena", "Jonas", "Ingrid", "Ahmed", "Elin", "Per", "Fatima", "Gunnar", "Sofia",
    "Ulf", "Malin", "Nils",
)  # fmt: skip

LAST_NAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
    "Gustafsson", "Pettersson", "Lindberg", "Holm", "Bergström", "Sandberg", "Nyström", "Ekström",
    "Hassan", "Lundgren", "Mattsson", "Axelsson", "Berg",
)  # fmt: skip

PARTIES = ("S", "M", "C", "L", "KD", "V", "MP", "SD")

ROLES = ("utredare", "controller", "planarkitekt", "nämndsekreterare", "verksamhetschef", "strateg")

GROUPS = (
    "berörda fastighetsägare", "elevråden", "kommunala pensionärsrådet", "funktionsrättsrådet",
    "de fackliga organisationerna", "näringslivsrådet", "föreningarna i kommunen", "länsstyrelsen",
    "Trafikverket", "grannkommunerna", "räddningstjänsten", "vårdnadshavare",
)  # fmt: skip

GROUNDS = (
    "en motion från Centerpartiet", "ett medborgarförslag", "kommunfullmäktiges mål för mandatperioden",
    "en tillsynsrapport från länsstyrelsen", "ändrade regler i lagstiftningen",
    "den senaste befolkningsprognosen", "en granskning av kommunens revisorer",
    "synpunkter som kommit in till kommunen", "ett uppdrag i budgeten",
)  # fmt: skip

LAWS = {
    "styrning": ("kommunallagen", "lagen om offentlig upphandling"),
    "skola": ("skollagen",),
    "social": ("socialtjänstlagen", "lagen om stöd och service till vissa funktionshindrade"),
    "samhallsbyggnad": ("plan- och bygglagen", "miljöbalken"),
    "miljo": ("miljöbalken", "livsmedelslagen"),
    "kultur": ("kommunallagen", "bibliotekslagen"),
    "val": ("vallagen",),
    "raddning": ("lagen om skydd mot olyckor", "lagen om brandfarliga och explosiva varor"),
    "utbildning": ("skollagen", "kommunallagen"),
}
"""The laws each area's matters are decided under."""

DEPENDENCIES = (
    "att upphandlingen inte överprövas", "vädret under byggtiden", "länsstyrelsens handläggning",
    "leveranser av material", "att rekryteringen blir klar i tid", "att statsbidraget beviljas",
)  # fmt: skip

BENEFITS = (
    "möjligheter till lek och rörelse", "en tryggare väg till skolan", "tillgång till fritidsaktiviteter",
    "bättre studiero", "en mer tillgänglig miljö",
)  # fmt: skip

UNITS = ("invånare", "hushåll", "elever", "ärenden", "besökare", "bostäder")

VENUES = {
    "sjovik": (
        "sessionssalen i Stadshuset",
        "sammanträdesrummet Sjön i Stadshuset",
        "stora salen i Kulturhuset",
    ),
    "raddningstjansten": ("lektionssalen på Brandstationen i Sjövik",),
    "utbildningsforbundet": ("aulan på Sjödalsgymnasiet", "konferensrummet på Förbundskansliet"),
}
"""Where each organisation meets: its assembly in the first place named, its boards in the others."""

OSL = {"skola": "OSL 23 kap. 2 §", "utbildning": "OSL 23 kap. 2 §"}
"""The provision a masked passage names, by area; OSL 26 kap. 1 § (socialtjänst) elsewhere."""

WITHHELD = (
    ("Anbudssammanställning", "OSL 19 kap. 3 §"),
    ("Utredning i enskilt ärende", "OSL 26 kap. 1 §"),
    ("Läkarintyg", "OSL 21 kap. 1 §"),
    ("Elevakt, utdrag", "OSL 23 kap. 1 §"),
)  # fmt: skip

ATTACHMENTS = (
    "Plankarta", "Samrådsredogörelse", "Ekonomisk kalkyl", "Barnkonsekvensanalys", "Remissvar",
    "Situationsplan", "Tidplan", "Riskanalys", "Förslag till riktlinjer", "Statistikbilaga",
)  # fmt: skip

SEND_TO = (
    "Ekonomiavdelningen", "Kommunledningskontoret", "Förslagsställaren", "Motionären", "Länsstyrelsen",
    "Sjöviks Bostäder AB", "Revisionen", "Berörd förvaltning", "Akten",
)  # fmt: skip

NEWS_AUTHORS = ("Kommunikationsenheten", "Nämndsekretariatet", "Kommunledningskontoret")

IMAGE_ALTS = (
    "Vy över {place} en sommardag, med bostadshus och grönområden",
    "Ledamöter sitter runt ett bord i sessionssalen under ett sammanträde",
    "Skiss över området i {place} med nya gång- och cykelvägar",
    "Entrén till kommunhuset i Sjövik med en skylt om öppettider",
)  # fmt: skip

SWEDISH_MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
