package corpusgen

// The word lists the generator draws from. They are fixed: changing one
// changes every generated corpus, so the benchmarks' figures would no
// longer compare with the recorded ones.

var firstNames = []string{
	"Anna", "Marco", "Priya", "Tomasz", "Grace", "Hiroshi", "Leila", "Daniel", "Sofia", "Kwame",
	"Elena", "Rahul", "Ingrid", "Mateo", "Aisha", "Jonas", "Mei", "Oliver", "Fatima", "Lukas",
	"Chloe", "Andrei", "Nadia", "Samuel", "Yuki", "Carlos", "Helen", "Tariq", "Julia", "Pieter",
	"Amara", "Viktor", "Rosa", "Ethan", "Zainab", "Felix", "Clara", "Omar", "Lena", "Diego",
}

var surnames = []string{
	"Kovacs", "Bianchi", "Raman", "Nowak", "Okafor", "Tanaka", "Haddad", "Brennan", "Moreau", "Mensah",
	"Petrova", "Iyer", "Lindqvist", "Alvarez", "Diallo", "Schreiber", "Zhang", "Whitfield", "Qureshi", "Huber",
	"Dubois", "Popescu", "Karimi", "Adeyemi", "Sato", "Ferreira", "Gallagher", "Mansour", "Novak", "Visser",
	"Osei", "Volkov", "Marquez", "Holloway", "Bello", "Fischer", "Laurent", "Farouk", "Berg", "Castillo",
	"Ibsen", "Kaur", "Mwangi", "Rossi", "Sandoval", "Tremblay", "Ueda", "Varga", "Wojcik", "Yilmaz",
}

// roles are the titles a person carries at first mention, with the
// organisation kind they belong to.
var roles = []struct{ title, desc string }{
	{"Minister", "the minister"}, {"Senator", "the senator"}, {"Mayor", "the mayor"},
	{"Governor", "the governor"}, {"Judge", "the judge"}, {"General", "the general"},
	{"Chief Executive", "the chief executive"}, {"Union Leader", "the union leader"},
	{"Professor", "the professor"}, {"Commissioner", "the commissioner"},
	{"Spokeswoman", "the spokeswoman"}, {"Ambassador", "the ambassador"},
}

var outletNames = []string{
	"Harbour Times", "Northern Ledger", "Coastal Post", "Capital Wire", "Valley Courier",
	"Evening Standard Review", "Metro Daily", "River City Herald", "Continental Report", "Plains Gazette",
	"Island Chronicle", "Western Observer", "Eastern Mail", "Summit News", "Delta Tribune",
	"Lakeside Journal", "Frontier Dispatch", "Union Bulletin", "Highland Echo", "Bay Examiner",
	"Market Monitor", "Civic Record", "Global Desk", "Morning Bell", "Port Sentinel",
}

var places = []string{
	"Port Alder", "Greystone", "New Halden", "Marrow Bay", "Kestrel Falls", "Oldbridge", "Vantor",
	"Selwyn", "Dunmere", "Caldera City", "Rivenhall", "Norwick", "Ashgrove", "Belmar", "Corran",
	"Eastvale", "Fenwick", "Glenmoor", "Holmsby", "Irongate",
}

var orgs = []string{
	"the Transport Workers Union", "the Finance Ministry", "Aldermoor Holdings", "the Port Authority",
	"the Energy Regulator", "Northwind Airlines", "the Teachers Federation", "the Health Service",
	"Brightwater Utilities", "the Supreme Court", "the City Council", "Meridian Steel",
	"the Farmers Cooperative", "the Central Bank", "Halcyon Pharmaceuticals", "the Border Agency",
	"the Mining Council", "Solace Telecom", "the Housing Trust", "the Fisheries Board",
}

// theme is a kind of story: its key nouns, the demands its deadlines
// make, the events its articles report and its headline words.
type theme struct {
	name     string
	nouns    []string
	demand   []string
	events   []string
	headline []string
}

// themes are the kinds of story; each gives a story its key nouns, its
// demand and the events its articles report.
var themes = []theme{
	{"strike", []string{"strike", "walkout", "wages", "pickets", "contract", "overtime"},
		[]string{"accept the pay offer", "return to work", "end the walkout", "table a new wage proposal"},
		[]string{"workers walked off the job", "talks collapsed", "the union held a ballot", "pickets blocked the depot"},
		[]string{"Strike", "Walkout", "Pay dispute", "Union talks"}},
	{"tariff", []string{"tariffs", "imports", "exports", "quota", "customs", "levy"},
		[]string{"lift the import levy", "reopen the customs posts", "cut the steel quota", "sign the trade pact"},
		[]string{"the levy took effect", "officials met in closed session", "exporters filed a complaint", "the quota was suspended"},
		[]string{"Tariff row", "Trade dispute", "Import levy", "Customs standoff"}},
	{"trial", []string{"trial", "verdict", "testimony", "jury", "appeal", "prosecutors"},
		[]string{"hand over the documents", "file the appeal", "disclose the evidence", "name the witnesses"},
		[]string{"the jury was sworn in", "the defence rested its case", "a witness recanted", "the court adjourned"},
		[]string{"Trial", "Court case", "Fraud trial", "Appeal hearing"}},
	{"storm", []string{"storm", "flooding", "evacuation", "shelters", "levees", "rainfall"},
		[]string{"evacuate the low districts", "reopen the bridge", "repair the levees", "restore power"},
		[]string{"the river burst its banks", "shelters opened", "power was cut to thousands", "the levee held"},
		[]string{"Storm", "Floods", "Evacuation", "Storm recovery"}},
	{"merger", []string{"merger", "takeover", "shareholders", "bid", "regulators", "valuation"},
		[]string{"improve the offer", "sell the rail unit", "answer the regulator", "publish the accounts"},
		[]string{"the board rejected the bid", "shares jumped", "regulators opened a review", "a rival offer emerged"},
		[]string{"Takeover bid", "Merger", "Buyout", "Deal talks"}},
	{"election", []string{"election", "ballots", "campaign", "turnout", "polls", "candidates"},
		[]string{"certify the results", "recount the ballots", "register the candidates", "publish the donor list"},
		[]string{"polls opened", "the count was halted", "a candidate withdrew", "turnout reached a record"},
		[]string{"Election", "Vote count", "Campaign", "Ballot dispute"}},
	{"outbreak", []string{"outbreak", "vaccines", "clinics", "infections", "quarantine", "hospitals"},
		[]string{"open the vaccine centres", "report the case numbers", "close the schools", "hire more nurses"},
		[]string{"the first case was confirmed", "clinics extended their hours", "the quarantine was lifted", "hospitals ran short of beds"},
		[]string{"Outbreak", "Health alert", "Vaccine drive", "Quarantine"}},
	{"budget", []string{"budget", "spending", "deficit", "taxes", "cuts", "borrowing"},
		[]string{"pass the budget", "cut the deficit", "restore the school funding", "publish the spending plan"},
		[]string{"the budget was tabled", "lawmakers voted it down", "the deficit widened", "ratings agencies issued a warning"},
		[]string{"Budget", "Spending row", "Deficit", "Tax plan"}},
}

// filler are neutral clauses that carry an article to its length; %s is
// a story noun.
var filler = []string{
	"Officials said the %s would be reviewed again next month.",
	"Residents have followed the %s closely since it began.",
	"Analysts expect the %s to weigh on the regional economy.",
	"The %s has drawn criticism from several groups.",
	"Local businesses said the %s had already changed their plans.",
	"A report published last year warned that the %s could spread.",
	"Opposition members called for a full inquiry into the %s.",
	"The %s dominated the morning's radio phone-ins.",
	"Figures released by the statistics office put the cost of the %s in the millions.",
	"Observers noted that the %s had few precedents in the region.",
	"Several smaller groups joined the %s over the weekend.",
	"A spokesperson declined to comment further on the %s.",
}

// details are what a story's own subjects are ("the Roswood depot").
var details = []string{
	"depot", "plant", "contract", "report", "inquiry", "agreement", "project", "fund", "terminal", "bridge",
	"hospital", "mine", "pipeline", "estate", "licence", "ruling", "survey", "accord", "scheme", "tender",
}

// statements are what people say; %s is a story noun.
var statements = []string{
	"We will not accept any outcome that ignores the %s",
	"The %s is the most serious problem we have faced in years",
	"Nobody wanted the %s to go on this long",
	"Our position on the %s has not changed",
	"There is still time to settle the %s before it gets worse",
	"People deserve honest answers about the %s",
	"We are ready to talk about the %s at any time",
	"The figures on the %s speak for themselves",
}
