"""Built-in word lists for the synthetic benchmark corpus (see generate.py).

The lists are ordered roughly from frequent to rare within each group; generate.py
interleaves the groups into one ranked list and draws from it with a Zipf-like law,
so function words dominate, domain words are common and the long tail is rare --
the shape of real text that posting-list sizes and index size depend on.
Plain whitespace-separated strings keep several thousand words readable.
"""

# Dutch function words: the head of the distribution (like real text, ~40% of tokens).
FUNCTIE = """
de het een en van in op te dat die voor met aan er is zijn als bij om of niet ook door naar wordt
worden kan zij hij ze wij we hun haar deze dit nog al maar meer dan wel over uit tot heeft hebben
had was waren zich zo geen veel na moet moeten kunnen zal zullen werd omdat wanneer waar wie wat hoe
tussen onder tegen zonder binnen tijdens daarom daarna vaak soms altijd nooit alle andere eigen elke
ieder twee drie vier vijf zes tien honderd eerste tweede derde zelf samen sinds vanuit volgens namelijk
bijvoorbeeld echter dus toch steeds later eerder vooral waarbij waarin waarop waarmee daarbij daarin
daarvan hierbij hiervan hierin zoals zowel noch ofwel terwijl hoewel zodra nadat voordat totdat indien
mits tenzij want doch dezelfde hetzelfde welke welk iets niets iemand niemand ieder iedereen sommige
enkele meeste minder weinig genoeg zeer erg heel bijna alleen slechts pas reeds juist even eens
daar hier nu toen straks vandaag gisteren morgen jaar jaren maand maanden week weken dag dagen
ons onze jullie uw mijn me mij je jou jouw hen hem wie wiens welker zulke zulk dergelijke dergelijk
per via rond rondom langs achter boven naast behalve ondanks dankzij vanwege wegens aldus alsnog
"""

# Domain words of the knowledge base: youth exploitation, human trafficking, the care and justice chain.
DOMEIN = """
slachtoffer slachtoffers gemeente gemeenten politie jeugdzorg uitbuiting mensenhandel loverboy
loverboys jeugdprostitutie ronselen signalering opvang dader daders jongeren meisjes jongens
minderjarigen minderjarige seksuele signalen hulpverlening hulpverleners aanpak ketensamenwerking
prostitutie aangifte opsporing vervolging nazorg preventie voorlichting weerbaarheid uitstappen
ronselaar ronselaars pooier pooiers pooierboy pooierboys mensenhandelaar mensenhandelaren uitbuiter
uitbuiters gedwongen dwang geweld dreiging chantage afpersing sextortion grooming
afhankelijkheid isolatie manipulatie verleiding verliefdheid schulden drugs escort seksbedrijf
seksbedrijven vergunning vergunningen vergunningplicht toezicht handhaving wetgeving strafrecht
strafbaar artikel wetboek rechter rechtbank officier justitie openbaar ministerie advocaat
zedenpolitie zedenrechercheur recherche rechercheur rechercheurs verhoor verhoren getuige getuigen
bewijs bewijslast veroordeling veroordeeld straf gevangenisstraf taakstraf verdachte verdachten
slachtofferhulp schadevergoeding beschermd bescherming beschermde opvanglocatie opvanghuis
crisisopvang noodopvang woonvoorziening begeleiding begeleider begeleiders mentor mentoren
jeugdhulp jeugdbescherming kinderbescherming voogd voogdij gezinsvoogd ondertoezichtstelling
uithuisplaatsing pleegzorg pleeggezin gesloten jeugdinstelling jeugdinstellingen instelling
instellingen residentiële zorgaanbieder zorgaanbieders wijkteam wijkteams sociaal buurtteam
zorgcoördinator zorgadviesteam meldcode meldpunt melding meldingen veilig thuis vertrouwensarts
huisarts huisartsen ggd jeugdarts jeugdverpleegkundige schoolmaatschappelijk leerplicht
leerplichtambtenaar schoolverzuim verzuim spijbelen weglopen weggelopen vermissing vermist
vermiste risicojongeren risicogroep risicogroepen kwetsbaar kwetsbare kwetsbaarheid
licht verstandelijke beperking lvb beperking beperkingen hechtingsproblematiek trauma traumatisch
psychische klachten angst schaamte schuldgevoel wantrouwen loyaliteit zelfbeeld eigenwaarde
grenzen grensoverschrijdend seksualiteit relaties relatievorming naaktfoto naaktfoto's sexting
webcam chat chatgesprek chatgesprekken internet online sociale media instagram snapchat tiktok
gaming whatsapp telegram advertentie advertenties datingapp datingsite hotel hotels hotelkamer
hotelkamers vakantiepark taxi taxibranche horeca horecabranche kapsalon massagesalon uitgaansleven
hangplek hangplekken jongerenwerk jongerenwerker jongerenwerkers straatcoach straatcoaches
ambulant outreachend casemanager casemanagers casusoverleg casuïstiek veiligheidshuis
veiligheidshuizen riec regisseur ketenregie ketenpartners ketenpartner samenwerkingsverband
convenant protocol protocollen werkafspraken handelingsprotocol stappenplan routekaart
expertisepunt expertisecentrum kenniscentrum coördinatiecentrum mensenhandelcoördinator
aandachtsfunctionaris aandachtsfunctionarissen bewustwording deskundigheid deskundigheidsbevordering
scholing training trainingen voorlichtingsles voorlichtingslessen lespakket lesprogramma
ouderavond ouderbetrokkenheid ouders opvoeders gezin gezinnen broers zussen vriendin vriendinnen
klasgenoten leeftijdsgenoten groepsdruk imago status geld cadeaus kleding telefoon beloftes
uitzichtloos herstel terugval uitstap uitstapprogramma exitprogramma dagbesteding woonbegeleiding
schuldhulpverlening inkomen huisvesting identiteitsbewijs verblijfsvergunning verblijfsregeling
arbeidsuitbuiting criminele criminaliteit drugshandel drugsrunner geldezel geldezels ondermijning
jongensslachtoffers jongensprostitutie mannelijke vrouwelijke ronselmethode werkwijze werkwijzen
modus operandi netwerk netwerken familienetwerk familie clan buitenland grensoverschrijdende
cijfers registratie registraties monitor monitoring schatting schattingen dark number onderzoek
rapportage nationaal rapporteur factsheet trends prevalentie omvang signaleringsinstrument
screeningsinstrument risicotaxatie risicoprofiel profiel daderprofiel daderprofielen kenmerken
"""

# General nouns (singular and plural forms written out; Dutch plurals are irregular enough).
ZELFSTANDIG = """
mensen tijd jaar leven werk manier deel plaats beeld rol vraag vragen antwoord antwoorden situatie
situaties probleem problemen oplossing oplossingen gevolg gevolgen oorzaak oorzaken doel doelen
doelgroep doelgroepen resultaat resultaten uitkomst uitkomsten ervaring ervaringen kennis informatie
gegevens beleid beleidsplan plan plannen project projecten programma programma's methode methoden
methodiek instrument instrumenten model modellen kader kaders afspraak afspraken overleg overleggen
bijeenkomst bijeenkomsten vergadering gesprek gesprekken contact contacten relatie vertrouwen
veiligheid gezondheid welzijn onderwijs school scholen leerling leerlingen docent docenten leraar
leraren klas klassen directeur directie bestuur bestuurder bestuurders wethouder wethouders
burgemeester raad gemeenteraad college ambtenaar ambtenaren medewerker medewerkers professional
professionals organisatie organisaties stichting vereniging ministerie minister staatssecretaris
overheid rijksoverheid provincie provincies regio regio's stad steden dorp dorpen wijk wijken buurt
buurten straat straten woning woningen huis huizen kamer kamers gebouw locatie locaties omgeving
land landen grens grenzen wereld europa nederland samenleving maatschappij cultuur achtergrond
afkomst taal talen religie opvoeding jeugd kind kinderen baby tiener tieners volwassene volwassenen
vrouw vrouwen man mannen meisje jongen vader moeder broer zus oma opa vriend vrienden kennis
kennissen buurman buurvrouw collega collega's team teams afdeling afdelingen eenheid eenheden
dienst diensten functie functies taak taken verantwoordelijkheid verantwoordelijkheden
bevoegdheid bevoegdheden middel middelen budget budgetten subsidie subsidies financiering
kosten geldstroom investering capaciteit personeel tekort tekorten wachtlijst wachtlijsten
aanbod vraagstuk vraagstukken thema thema's onderwerp onderwerpen punt punten aspect aspecten
factor factoren risico risico's kans kansen mogelijkheid mogelijkheden beperking behoefte
behoeften wens wensen mening meningen standpunt visie strategie strategieën aanbeveling
aanbevelingen conclusie conclusies evaluatie evaluaties analyse analyses verslag verslagen rapport
rapporten publicatie publicaties notitie brief brieven handreiking handreikingen richtlijn
richtlijnen regel regels wet wetten norm normen criterium criteria voorwaarde voorwaarden
procedure procedures proces processen fase fasen stap stappen begin einde start afloop periode
periodes moment momenten termijn duur avond nacht ochtend middag weekend vakantie zomer winter
voorjaar najaar eeuw datum tijdstip frequentie aantal aantallen percentage percentages cijfer
groep groepen categorie categorieën soort soorten type typen vorm vormen variant varianten
voorbeeld voorbeelden geval gevallen zaak zaken dossier dossiers casus casussen verhaal verhalen
gebeurtenis gebeurtenissen incident incidenten feit feiten signaal patroon patronen gedrag
houding gevoel gevoelens emotie emoties angsten zorgen stress spanning druk macht controle
invloed afstand nabijheid aandacht steun hulp hulpvraag hulpvragen zorg zorgvraag behandeling
behandelingen therapie therapeut therapeuten psycholoog psychiater arts artsen verpleegkundige
ziekenhuis ziekenhuizen kliniek praktijk praktijken huisvesting woonruimte dak thuis verblijf
bed bedden plek plekken ruimte ruimtes kantoor kantoren balie loket website websites app apps
account accounts profielen bericht berichten foto foto's filmpje filmpjes video beelden camera
computer laptop scherm nummer nummers adres adressen naam namen identiteit leeftijd geslacht
opleiding diploma baan banen werkgever werkgevers werknemer werknemers arbeid arbeidsmarkt
uitkering uitkeringen schuld schuldeiser bank rekening rekeningen contant betaling betalingen
winst omzet markt handel klant klanten bezoeker bezoekers gast gasten eigenaar eigenaren
exploitant exploitanten bedrijf bedrijven branche sector sectoren keten ketens partner partners
samenwerking afstemming coördinatie regie sturing verantwoording transparantie privacy
gegevensdeling toestemming geheimhouding beroepsgeheim zwijgplicht verschoningsrecht
rechten plichten recht rechtspraak vonnis uitspraak uitspraken hoger beroep cassatie zitting
zittingen aanklacht tenlastelegging dagvaarding sepot schikking boete boetes sanctie sancties
maatregel maatregelen interventie interventies actie acties activiteit activiteiten inzet
campagne campagnes affiche folder folders brochure brochures filmpje poster lessen les cursus
cursussen workshop workshops module modules bijscholing opleidingen certificaat
erkenning kwaliteit effect effecten effectiviteit werkzaamheid onderbouwing bewijskracht
databank database erkenningscommissie pilot pilots proef experiment experimenten innovatie
ontwikkeling ontwikkelingen verandering veranderingen verbetering verbeteringen knelpunt
knelpunten uitdaging uitdagingen kritiek discussie debat debatten politiek partij partijen
kamerlid kamerleden kamervragen motie moties wetsvoorstel wetsvoorstellen wetswijziging
consultatie advies adviezen adviesraad commissie commissies inspectie inspecties toezichthouder
toezichthouders controle controles bezoek bezoeken inval invallen actiedag actiedagen
signaleringslijst checklist checklists vragenlijst vragenlijsten interview interviews enquête
respondent respondenten deelnemer deelnemers steekproef populatie meting metingen onderzoeker
onderzoekers universiteit hogeschool lectoraat promotie proefschrift literatuur bron bronnen
auteur auteurs redactie uitgave hoofdstuk hoofdstukken paragraaf bijlage bijlagen tabel tabellen
figuur overzicht samenvatting inleiding aanleiding achtergronden doelstelling doelstellingen
uitvoering implementatie borging continuïteit verduurzaming opschaling
verspreiding toepassing toepassingen gebruik gebruikers doelgroepbereik bereik
deelname uitval motivatie zelfredzaamheid participatie emancipatie perspectief toekomst
droom dromen doelenplan zorgplan veiligheidsplan herstelplan nazorgplan
verslaving alcohol cannabis middelengebruik gokken geldproblemen armoede werkloosheid
eenzaamheid pesten mishandeling verwaarlozing huiselijk misbruik incest verkrachting aanranding
zedenzaak zedenzaken zedendelict zedendelicten misdrijf misdrijven delict delicten overtreding
overtredingen strafzaak strafzaken rechtszaak rechtszaken
"""

# Verbs: infinitive, present and participle forms, as they occur in running text.
WERKWOORD = """
maken maakt gemaakt gaan gaat gegaan komen komt gekomen zien ziet gezien geven geeft gegeven
nemen neemt genomen krijgen krijgt gekregen vinden vindt gevonden staan staat gestaan blijven
blijft gebleven houden houdt gehouden laten laat gelaten brengen brengt gebracht weten weet
geweten denken denkt gedacht zeggen zegt gezegd vragen vraagt gevraagd spreken spreekt gesproken
praten praat gepraat vertellen vertelt verteld horen hoort gehoord lezen leest gelezen schrijven
schrijft geschreven leren leert geleerd werken werkt gewerkt helpen helpt geholpen zoeken zoekt
gezocht kiezen kiest gekozen beginnen begint begonnen stoppen stopt gestopt proberen probeert
geprobeerd gebruiken gebruikt gebruikte ontvangen ontvangt herkennen herkent herkend signaleren
signaleert gesignaleerd melden meldt gemeld bespreken bespreekt besproken verwijzen verwijst
verwezen doorverwijzen ondersteunen ondersteunt ondersteund begeleiden begeleidt begeleid
beschermen beschermt opvangen vangt opgevangen aanpakken pakt aangepakt voorkomen voorkomt
uitbuiten buit uitgebuit ronselt geronseld dwingen dwingt gedwongen bedreigen bedreigt bedreigd
chanteren chanteert gechanteerd misleiden misleidt misleid verleiden verleidt verleid isoleren
isoleert geïsoleerd controleren controleert gecontroleerd manipuleren manipuleert gemanipuleerd
verdienen verdient verdiend betalen betaalt betaald lenen leent geleend kopen koopt gekocht
verkopen verkoopt verkocht sturen stuurt gestuurd delen deelt gedeeld plaatsen plaatst geplaatst
versturen verstuurt verstuurd chatten chat gechat afspreken spreekt afgesproken ontmoeten
ontmoet ontmoette wonen woont gewoond verblijven verblijft verbleef vertrekken vertrekt vertrokken
weglopen loopt weggelopen terugkeren keert teruggekeerd vluchten vlucht gevlucht ontsnappen
ontsnapt ontsnapte vertrouwen vertrouwt vertrouwd geloven gelooft geloofd voelen voelt gevoeld
schamen schaamt geschaamd durven durft gedurfd willen wil wilde mogen mag mocht hoeven hoeft
onderzoeken onderzoekt onderzocht analyseren analyseert geanalyseerd meten meet gemeten tellen
telt geteld registreren registreert geregistreerd rapporteren rapporteert gerapporteerd
evalueren evalueert geëvalueerd beoordelen beoordeelt beoordeeld toetsen toetst getoetst
verbeteren verbetert verbeterd ontwikkelen ontwikkelt ontwikkeld uitvoeren voert uitgevoerd
invoeren voert ingevoerd implementeren implementeert geïmplementeerd organiseren organiseert
georganiseerd coördineren coördineert gecoördineerd samenwerken werkt samengewerkt afstemmen
stemt afgestemd bundelen bundelt gebundeld versterken versterkt financieren financiert
gefinancierd investeren investeert geïnvesteerd besluiten besluit besloten beslissen beslist
beslist bepalen bepaalt bepaald vaststellen stelt vastgesteld regelen regelt geregeld verplichten
verplicht verplicht verbieden verbiedt verboden toestaan staat toegestaan vergunnen vergund
handhaven handhaaft gehandhaafd sluiten sluit gesloten openen opent geopend opsporen spoort
opgespoord vervolgen vervolgt vervolgd veroordelen veroordeelt aanhouden houdt aangehouden
arresteren arresteert gearresteerd verhoort verhoord aangeven geeft aangegeven beschuldigen
beschuldigt beschuldigd bewijzen bewijst bewezen getuigen getuigt getuigd verklaren verklaart
verklaard erkennen erkent erkend ontkennen ontkent ontkend zwijgen zwijgt gezwegen luisteren
luistert geluisterd begrijpen begrijpt begrepen uitleggen legt uitgelegd informeren informeert
geïnformeerd waarschuwen waarschuwt gewaarschuwd voorlichten licht voorgelicht trainen traint
getraind oefenen oefent geoefend bespreekbaar benoemen benoemt benoemd aanspreken spreekt
aangesproken betrekken betrekt betrokken bereiken bereikt bereikt inzetten zet ingezet
aanbieden biedt aangeboden bieden bood geboden zorgen zorgt gezorgd ontbreken
ontbreekt ontbrak groeien groeit gegroeid stijgen stijgt gestegen dalen daalt gedaald
toenemen neemt toegenomen afnemen afgenomen veranderen verandert veranderd verschuiven
verschuift verschoven blijken blijkt gebleken lijken lijkt geleken tonen toont getoond
wijzen wijst gewezen noemen noemt genoemd beschrijven beschrijft beschreven
"""

# Adjectives and adverbs, base and inflected forms.
BIJVOEGLIJK = """
nieuw nieuwe groot grote klein kleine goed goede slecht slechte lang lange kort korte hoog hoge
laag lage oud oude jong jonge sterk sterke zwak zwakke snel snelle langzaam vroeg vroege laat late
belangrijk belangrijke duidelijk duidelijke moeilijk moeilijke makkelijk makkelijke eenvoudig
eenvoudige ingewikkeld ingewikkelde complex complexe zwaar zware licht lichte echt echte
mogelijk mogelijke onmogelijk noodzakelijk noodzakelijke nodig nuttig nuttige zinvol zinvolle
effectief effectieve veelbelovend veelbelovende onderbouwd onderbouwde bewezen structureel
structurele tijdelijk tijdelijke blijvend blijvende vast vaste flexibel flexibele concreet
concrete algemeen algemene specifiek specifieke bijzonder bijzondere gewoon gewone normaal
normale actueel actuele huidig huidige vorig vorige volgend volgende laatst laatste centraal
centrale lokaal lokale regionaal regionale landelijk landelijke nationaal nationale
internationaal internationale europees europese nederlands nederlandse openbaar openbare
publiek publieke privé particulier particuliere professioneel professionele juridisch
juridische strafrechtelijk strafrechtelijke bestuurlijk bestuurlijke bestuursrechtelijk
financieel financiële economisch economische sociaal sociale maatschappelijk maatschappelijke
psychisch emotioneel emotionele lichamelijk lichamelijke seksueel digitaal digitale
anoniem anonieme vertrouwelijk vertrouwelijke geheim geheime verborgen zichtbaar zichtbare
onzichtbaar onzichtbare bekend bekende onbekend onbekende vreemd vreemde veilig veilige onveilig
onveilige gevaarlijk gevaarlijke afhankelijk afhankelijke zelfstandig zelfstandige kwetsbaar
weerbaar weerbare minderjarig meerderjarig meerderjarige volwassen jeugdig jeugdige vrouwelijk
mannelijk gezond gezonde ziek zieke bang bange boos boze verdrietig blij trots eenzaam
verliefd verliefde jaloers onzeker onzekere zeker zekere open eerlijk eerlijke oprecht
betrouwbaar betrouwbare deskundig deskundige ervaren betrokken actief actieve passief
intensief intensieve ambulant ambulante residentieel preventief preventieve repressief
repressieve curatief curatieve integraal integrale gezamenlijk gezamenlijke gericht gerichte
systematisch systematische zorgvuldig zorgvuldige voorzichtig voorzichtige direct directe
indirect indirecte expliciet impliciet formeel formele informeel informele officieel officiële
verplicht verplichte vrijwillig vrijwillige gratis duur dure goedkoop goedkope beperkt beperkte
ruim ruime breed brede smal smalle diep diepe groeiend groeiende dalend dalende stabiel stabiele
hoger lager groter kleiner vaker zelden regelmatig regelmatige dagelijks
dagelijkse wekelijks wekelijkse jaarlijks jaarlijkse eenmalig eenmalige structureler
opvallend opvallende zorgwekkend zorgwekkende ernstig ernstige acuut acute chronisch
chronische langdurig langdurige kortdurend kortdurende tijdig tijdige vroegtijdig
vroegtijdige uiteindelijk uiteindelijke gemiddeld gemiddelde totaal totale relatief absolute
waarschijnlijk onduidelijk onduidelijke onvoldoende voldoende uitgebreid uitgebreide
gedetailleerd beknopt beknopte praktisch praktische theoretisch wetenschappelijk
wetenschappelijke kwalitatief kwalitatieve kwantitatief kwantitatieve empirisch empirische
"""

# Frequent compounds: Dutch glues words together, which is what makes its vocabulary large.
SAMENSTELLING = """
jeugdzorgmedewerker jeugdzorgmedewerkers jeugdzorginstelling jeugdzorginstellingen
politieagent politieagenten politiemedewerker politiemedewerkers politie-eenheid politieteam
gemeenteambtenaar gemeentebeleid gemeentegrens schoolleiding schoolleider schooldirecteur
schoolplein schoolgebouw schoolprogramma schoolverlaters schooltijd slachtofferschap
slachtofferzorg slachtofferbegeleiding slachtoffergegevens daderaanpak daderonderzoek
ketenaanpak ketenoverleg ketenafspraken opvangplekken opvangvoorziening opvangvoorzieningen
opvangcapaciteit preventieprogramma preventieprogramma's preventiewerk preventieactiviteiten
signaleringskaart signaleringsteam signaleringsoverleg hulpverleningstraject
hulpverleningstrajecten hulpaanbod zorgaanbod zorgtraject zorgtrajecten zorgcoördinatie
veiligheidsbeleid veiligheidsregio veiligheidsrisico's veiligheidsgevoel wijkagent wijkagenten
wijkteammedewerker straatwerk straatbeeld uitgaansgebied uitgaansgelegenheden
prostitutiebeleid prostitutiesector prostitutiebranche seksindustrie seksbranche
sekswerker sekswerkers raamprostitutie thuisprostitutie thuiswerkers escortbureau
escortbureaus escortbranche tippelzone tippelzones vergunningstelsel vergunninghouder
vergunningaanvraag bestuursrecht bestuursorgaan bibob-toets integriteitstoets handhavingsbeleid
toezichthouders strafzaak strafproces strafvervolging strafeis strafmaat opsporingsonderzoek
opsporingsdienst opsporingsbevoegdheid rechercheteam recherchewerk mensenhandelzaken
mensenhandelzaak mensenhandelbeleid mensenhandelnetwerk uitbuitingssituatie uitbuitingsvormen
ronselpraktijken ronseltechnieken ronselkanaal ronselkanalen loverboyproblematiek
loverboymethode loverboyslachtoffers jeugdprostitutiezaken jeugdbeschermer jeugdbeschermers
jeugdreclassering reclassering reclasseringsmedewerker gezinsbegeleiding gezinshuis
gezinshuizen pleegouders pleegouder pleegkind pleegkinderen kinderrechter kindermishandeling
kinderrechten kindermisbruik kinderpornografie jongerencentrum jongerenwerkplaats
jongerenparticipatie jongerenpanel jongerenraad meidenwerk meidengroep meidengroepen
jongensgroep jongenswerk ouderbijeenkomst oudernetwerk opvoedondersteuning opvoedvragen
gezinsondersteuning gezinssituatie thuissituatie woonsituatie leefsituatie leefomgeving
leefstijl vriendengroep vriendenkring internetgebruik mediawijsheid mediagebruik
schermgebruik beeldmateriaal wraakporno beeldmisbruik chatbericht
profielfoto nepprofiel nepprofielen datingprofiel datingprofielen 
onlinegedrag onlinecontact onlineplatform onlineplatforms socialemediakanaal
groepschat groepsapp tienerzwangerschap relatievorming
weerbaarheidstraining weerbaarheidstrainingen weerbaarheidsprogramma zelfverdediging
assertiviteit assertiviteitstraining grenzeloos grenzenwerk vertrouwenspersoon
vertrouwenspersonen vertrouwensband vertrouwensrelatie vertrouwensinspecteur
meldplicht meldingsbereidheid aangiftebereidheid aangifteproces aangiftetraject
verklaringsbereidheid bedenktijd bedenktijdregeling verblijfsstatus vreemdelingenrecht
vreemdelingenpolitie grenscontrole grensregio grensgebied marechaussee asielzoeker
asielzoekers asielzoekerscentrum asielopvang alleenstaande 
schuldenproblematiek geldnood drugsgebruik drugsschuld drugsnetwerk drugscriminaliteit
jeugdcriminaliteit jeugdgroep jeugdgroepen jeugdbende straatcultuur hiphopcultuur
groepsgedrag groepsdynamiek machtsverhoudingen machtsmisbruik machtsongelijkheid
afhankelijkheidsrelatie gezagsverhouding levensloop levensverhaal levensgeschiedenis
jeugdtrauma hechtingsproblemen gedragsproblemen gedragsproblematiek leerproblemen
ontwikkelingsachterstand zorgbehoefte zorgbehoeften zorgmijder zorgmijders hulpverleningsgeschiedenis
trajectbegeleider trajectbegeleiding trajectplan crisisinterventie crisisdienst
crisisplaatsing crisismelding spoedeisende noodsituatie noodnummer hulplijn chatdienst
chatlijn kindertelefoon luisterlijn informatielijn meldlijn kennisdeling kennisbank
kennisbijeenkomst kennisnetwerk expertiseteam expertisenetwerk 
scholingsaanbod scholingsprogramma e-learning e-learningmodule lesmateriaal lesbrief
voorlichtingsmateriaal voorlichtingscampagne bewustwordingscampagne publiekscampagne
campagnebeeld campagnesite campagneweek actieweek themadag themabijeenkomst studiedag
conferentie congres rondetafelgesprek werkbezoek werkconferentie expertmeeting
"""

# Multi-word expressions, drawn as one unit so phrase queries have something to find.
UITDRUKKINGEN = [
"sociale media", "licht verstandelijke beperking", "openbaar ministerie", "veilig thuis",
"seksuele uitbuiting", "gesloten jeugdzorg", "eerste opvang", "wet regulering sekswerk",
"centrum tegen kinderhandel en mensenhandel", "raad voor de kinderbescherming", "zorg en veiligheid",
"plan van aanpak", "goede praktijk", "aanpak mensenhandel", "huiselijk geweld", "verplichte meldcode",
"signalen van uitbuiting", "slachtoffers van mensenhandel", "jongens als slachtoffer",
"ronselen via internet", "opsporing en vervolging", "eigen kracht", "multidisciplinair overleg",
]

# English documents (~5% of the corpus) draw from this smaller list.
ENGLISH = """
the of and to in a is that for it as was with be by on not he this are or his from at which but have
an they you were their one all we can her has there been if more when will would who so no she other
its may these them than some him only also time into two could first new over after out our any
between years where many much those through should where most such while because each under during
without against within however therefore although both whether either since until before often
victim victims police municipality municipalities youth care exploitation trafficking human
recruitment recruiter recruiters pimp pimps loverboy loverboys prostitution child children minor
minors girls boys young people sexual abuse violence threat threats coercion blackmail extortion
sextortion grooming dependency isolation manipulation debt debts drugs escort sex work workers
industry licence licensing supervision enforcement legislation criminal law article code court
judge prosecutor prosecution public service investigation detective evidence witness witnesses
conviction sentence prison suspect suspects support shelter shelters protection safe house crisis
guardian guardianship family families parents mother father school schools teacher teachers
student students pupils education prevention awareness training resilience exit programme
programmes aftercare recovery reporting report reports signal signals signs identification
cooperation chain partners network networks approach policy policies plan plans project projects
research study studies data figures numbers estimate estimates monitoring trends online internet
social media platform platforms chat messages photos images video phone app apps gaming hotel
hotels taxi nightlife street streets neighbourhood region regional national european dutch
netherlands government ministry minister council mayor local authority authorities organisation
organisations foundation professionals professional health mental trauma vulnerable vulnerability
disability intellectual mild risk risks factor factors group groups peer pressure money gifts
promises love relationship relationships trust shame fear control power help needs need work
working method methods profile profiles offender offenders perpetrator perpetrators case cases
practice practices effective promising evaluation results outcome outcomes effect effects
important clear difficult serious early late long short high low large small good better best
first second third many several most other same different specific general common key main
make makes made give gives given take takes taken find finds found show shows shown use uses used
help helps helped report reports reported identify identifies identified protect protects
protected support supports supported prevent prevents prevented recruit recruits recruited
exploit exploits exploited force forces forced threaten threatens threatened train trains trained
"""

# Everyday vocabulary for the long tail: words a report uses once or twice.
ALGEMEEN = """
aanleg aankoop aanloop aanmelding aanpassing aanschaf aansluiting aanspraak aantekening aanvraag
aanwezigheid aanwijzing aanzet aard afbeelding afdruk afkorting afname afsluiting afweging akkoord
alarm ambitie ander antwoordformulier apparaat arbeider archief argument assistent
avondklok bagage band basis bedoeling beheer beheerder bekendheid belang belangstelling beleving
beloning benadering benodigdheden beperkingen beroep beslissing
besluit besteding bestemming bestrijding betekenis beurt bevinding bevindingen bevolking bewoner
bewoners bezwaar bibliotheek bijdrage bijdragen bijzonderheid bladzijde blik bloem bodem boek boeken
boodschap boom boot bord bos bouw brand brug bureau bus cafe cafés centrum cirkel club code
columnist compromis concept conflict context contract cultuurverschil dak dal deadline definitie
dekking detail dialoog diepte dier dieren dilemma diploma's doelgerichtheid dokter donker draagvlak
drempel drempels druppel duidelijkheid dynamiek economie eenvoud eer eis eisen element energie
erfgoed evenement evenementen evenwicht fabriek familiebedrijf fiets film fout fouten fundament
garantie gat gebied gebieden gebrek gedachte gedachten geduld gehoor gelegenheid gemak gemeenschap
generatie geschiedenis gesprekspartner getal gevaar gewicht gewoonte glas graad grap groei grond
grondslag haven heuvel hoek hoeveelheid horizon hotelketen huur idee ideeën indruk industrie
initiatief initiatieven inhoud inkomsten inschatting inspanning inspiratie instantie instanties
interesse inventarisatie inzicht inzichten jas kaart kamp kanaal kant karakter kast keuken keuze
keuzes klacht klachten kleur knop koers kracht krachten krant kritiekpunt kunst kust
kwestie laag lamp lat lengte letter lijn lijst lucht lunch maaltijd maat maatwerk machine
mail manager markering materiaal medium meerwaarde melk menukaart merk middelpunt milieu minuut
minuten missie mobiliteit moed molen mond muur muziek nadeel nadruk nauwkeurigheid netheid niveau
noodzaak nuance omgang omstandigheid omstandigheden onderdeel onderdelen ondergrond onderhoud
onderscheid ondersteuning ontmoeting ontvangst ontwerp oog ogen oordeel opbrengst opdracht
opdrachtgever opgave opmerking opmerkingen opstelling optie opties orde overgang overheidsdienst
overtuiging overweging paar pad pagina pakket pand papier park passage patiënt patiënten peil
pen persoon personen plaatsing plein poging pogingen positie post potentieel prijs prioriteit
prioriteiten product producten programmering prestatie prestaties principe procent profijt
proefperiode randvoorwaarde randvoorwaarden reactie reacties reden redenen regeling reis reizen
rekenwerk rest richting rij rivier ronde route rust samenhang samenstelling schaal schade schets
schip schoen scherpte schrift seizoen selectie sfeer signaalwaarde snelheid spel spelregel spoor
sport staf standaard stem stilte stoel stof stuk stukken suggestie systeem systemen tafel tekening
tekst teksten tempo terrein thee toegang toekenning toelichting toename toets toon traditie trein
trend trap tuin twijfel uitgangspunt uitgangspunten uitleg uitnodiging uitwerking vaardigheid
vaardigheden vak vakgebied vakmanschap verband verbinding verdeling verdieping vereiste vergelijking
vergoeding verhouding verkeer verklaring verlies vermogen verrassing versie verslaglegging
verspilling vertaling vertegenwoordiger vertraging verwachting verwachtingen verzoek voedsel voet
volgorde voorbereiding voordeel voordelen voorkeur voorstel voorstellen voorziening voorzieningen
vraagstelling vrede vrijheid waarde waarden wagen water weg wegen wending werkdruk werkgroep
werkplaats werkplek werkvloer werkzaamheden wetenschap wijziging wil winkel winkels woord woorden
zaal zee zekerheid zin zinnen zon zorgvuldigheid
aanvaarden aanvullen accepteren achterhalen activeren adviseren afronden afsluiten afwegen
afwijzen annuleren antwoorden archiveren bedanken bedenken behalen behandelen behouden bekijken
belonen benaderen benutten berekenen bereiden beschikken besteden bestrijden bevorderen bewaren
bezoeken bijdragen bijhouden creëren dekken delegeren doorlopen doorzetten faciliteren formuleren
garanderen hanteren herhalen herstellen inrichten inschatten instrueren interpreteren inventariseren
invullen kijken klagen koppelen lachen leggen leiden liggen lopen missen motiveren noteren
omschrijven onderbouwen onderscheiden onderschatten ondertekenen opbouwen opleveren opnemen
opschrijven opstellen optreden overdragen overleggen overwegen plannen prioriteren publiceren
rekenen reageren realiseren samenvatten schatten selecteren slagen sparen stellen stimuleren
streven structureren tekenen toelichten toepassen toewijzen uitbreiden uitdragen uitnodigen
uitwerken valideren verankeren verantwoorden verdelen verduidelijken vergelijken vergroten verkennen
verklaren verlagen verlengen vermijden vermelden verminderen verplaatsen verrichten verspreiden
verstevigen verwachten verwerken verzamelen voorbereiden voorstellen vormgeven waarborgen wachten
wegen wisselen zetten zitten
aandachtig aangenaam aanvullend aanvullende afwisselend bereikbaar bereikbare beschikbaar
beschikbare bescheiden betaalbaar bijbehorend bruikbaar bruikbare creatief creatieve degelijk
doelmatig doeltreffend dringend dringende efficiënt efficiënte eigentijds essentieel essentiële
evident fundamenteel gangbaar gebruikelijk gebruikelijke geleidelijk geleidelijke geschikt
geschikte gevarieerd haalbaar haalbare helder heldere herkenbaar herkenbare hoopvol inhoudelijk
inhoudelijke interessant interessante kenmerkend krachtig kritisch kritische leerzaam logisch
logische merkbaar modern moderne nauwkeurig nauwkeurige neutraal neutrale onafhankelijk
onafhankelijke ongewenst ongewenste opmerkelijk overzichtelijk passend passende persoonlijk
persoonlijke positief positieve negatief negatieve realistisch realistische relevant relevante
schaars serieus serieuze solide spannend substantieel toegankelijk toegankelijke
traditioneel uniek unieke urgent vergelijkbaar vergelijkbare verschillend verschillende vertrouwd
waardevol waardevolle wenselijk wezenlijk zichtbaarder zorgzaam
"""
