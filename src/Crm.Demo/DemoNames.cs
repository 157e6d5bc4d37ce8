namespace EpicEvents.Crm.Demo;

/// <summary>
/// The word lists the demo company is drawn from: French and English people, companies, venues
/// and notes, with accents on purpose so that accent-insensitive search can be shown. No digits
/// appear in them, so a numbered email (<c>marie.martin2@…</c>) never equals a generated one.
/// </summary>
internal static class DemoNames
{
    /// <summary>Clients that always come first, so that the search demo finds them whatever the size.</summary>
    public static readonly (string FullName, string Email, string Phone, string Company)[] FeaturedClients =
    [
        ("Élodie Lefèvre", "elodie.lefevre@creperie-saint-malo.fr", "+33 2 99 40 12 34", "Crêperie Saint-Malo"),
        ("Kevin Casey", "kevin@startup.io", "+678 123 456 78", "Cool Startup LLC"),
        ("François Côté", "francois.cote@chateau-vaux-receptions.fr", "01 64 14 41 90", "Château de Vaux Réceptions"),
        ("Zoë Brontë-Hughes", "zoe.bronte@bronte-daughters.co.uk", "+44 20 7946 0321", "Brontë & Daughters Ltd"),
        ("Hélène Gauthier", "helene@patisserie-des-lilas.fr", "+33 1 43 62 18 07", "Pâtisserie des Lilas"),
        ("Jürgen Weiß", "j.weiss@weiss-veranstaltungstechnik.de", "+49 30 2345 6789", "Weiß Veranstaltungstechnik GmbH"),
        ("Noémie Bénard", "noemie.benard@evenements-cote-azur.fr", "04 93 87 65 43", "Agence Événements Côte d'Azur"),
        ("Seán O'Brien", "sean.obrien@obrien-partners.ie", "+353 1 555 0142", "O'Brien & Partners"),
    ];

    public static readonly string[] FrenchFirstNames =
    [
        "Élodie", "Hélène", "Chloé", "Léa", "Manon", "Camille", "Inès", "Clémence", "Maëlle", "Océane",
        "Noémie", "Anaïs", "Amélie", "Mathilde", "Juliette", "Céline", "Sophie", "Pauline", "Margaux", "Gaëlle",
        "Éric", "Jérôme", "François", "Benoît", "Théo", "Hugo", "Mathéo", "Raphaël", "Loïc", "Joël",
        "Stéphane", "Frédéric", "Sébastien", "Thibault", "Antoine", "Nicolas", "Julien", "Maxime", "Lucas", "Gaël",
    ];

    public static readonly string[] FrenchLastNames =
    [
        "Lefèvre", "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
        "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent",
        "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "Légaré", "Gauthier",
        "Béranger", "Côté", "Desjardins", "Noël", "Lemaître", "Hébert", "Pérez", "Mével", "Bénard", "Châtelain",
    ];

    public static readonly string[] EnglishFirstNames =
    [
        "Olivia", "Emily", "Charlotte", "Amelia", "Grace", "Sophie", "Hannah", "Jessica", "Megan", "Lucy",
        "Oliver", "Harry", "George", "Jack", "Thomas", "James", "William", "Daniel", "Samuel", "Kevin",
        "Ryan", "Liam", "Chloe", "Zoë", "Seán", "Niamh",
    ];

    public static readonly string[] EnglishLastNames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
        "O'Connor", "McDonald", "Casey", "Hughes", "Brontë", "O'Brien",
    ];

    public static readonly string[] FrenchTrades =
    [
        "Crêperie", "Pâtisserie", "Boulangerie", "Brasserie", "Fromagerie", "Librairie", "Galerie", "Atelier", "Cabinet",
        "Studio", "Agence", "Domaine", "Château", "Maison", "Hôtel", "Clinique", "Garage", "Cave",
    ];

    public static readonly string[] FrenchPlaces =
    [
        "Saint-Malo", "du Marais", "des Lilas", "de la Loire", "Montmartre", "Bellecour", "du Vieux-Port", "de Provence",
        "Côte d'Azur", "des Vosges", "Sainte-Anne", "de l'Étoile", "du Lac", "des Halles", "Saint-Émilion", "de Bretagne",
        "d'Annecy", "de Bordeaux", "Belle-Île", "du Périgord",
    ];

    public static readonly string[] FrenchFirmSuffixes =
    [
        "& Fils", "Conseil", "Associés", "Frères", "Immobilier", "Événements", "Architectes", "Transports", "Assurances",
    ];

    public static readonly string[] FrenchBrands =
    [
        "Zénith", "Aurore", "Étoile", "Horizon", "Atlas", "Nova", "Hélios", "Azur", "Lumière", "Boréal", "Équinoxe", "Kérys",
    ];

    public static readonly string[] FrenchIndustries =
    [
        "Informatique", "Énergie", "Pharma", "Logistique", "Médias", "Finance", "Conseil", "Numérique", "Santé", "Bâtiment",
    ];

    public static readonly string[] FrenchLegalForms = ["", " SAS", " SARL", " SA"];

    public static readonly string[] EnglishFirmSuffixes =
    [
        "Consulting", "Partners", "Logistics", "Holdings", "Media", "& Sons", "Architects", "Analytics", "Catering",
    ];

    public static readonly string[] EnglishBrands =
    [
        "Blue Harbour", "Northwind", "Silver Oak", "Redwood", "Brightside", "Greenfield", "Ironbridge", "Skyline",
        "Oakleaf", "Riverside", "Kingsway", "Thistle",
    ];

    public static readonly string[] EnglishIndustries =
    [
        "Solutions", "Labs", "Systems", "Media", "Pharma", "Software", "Capital", "Studios", "Foods", "Energy",
    ];

    public static readonly string[] EnglishLegalForms = ["", " Ltd", " LLC", " plc"];

    /// <summary>Repeated entries make the common endings more likely.</summary>
    public static readonly string[] FrenchDomains = [".fr", ".fr", ".fr", ".com", ".eu"];

    public static readonly string[] EnglishDomains = [".co.uk", ".com", ".com", ".io"];

    public static readonly string[] Venues =
    [
        "Palais des Congrès, 2 place de la Porte Maillot, Paris",
        "Château de Chantilly, Chantilly",
        "Domaine des Étangs, Massignac",
        "Les Salons de l'Hôtel de Ville, Lyon",
        "Halle Tony Garnier, Lyon",
        "Villa Méditerranée, Marseille",
        "Cité du Vin, Bordeaux",
        "Couvent des Jacobins, Rennes",
        "Parc des Expositions, Nantes",
        "Le Pavillon Ledoyen, Paris",
        "Abbaye de Fontevraud, Fontevraud-l'Abbaye",
        "Palais des Festivals, Cannes",
        "Hôtel Négresco, Nice",
        "Le Grand Hôtel, Saint-Malo",
        "Ferme du Buisson, Noisiel",
        "The Old Truman Brewery, London",
        "Tobacco Dock, London",
        "Manchester Central, Manchester",
        "Edinburgh International Conference Centre, Edinburgh",
        "The Guildhall, Bath",
        "Convention Centre Dublin, Dublin",
        "Kursaal, Bruxelles",
        "Palexpo, Genève",
    ];

    public static readonly string[] SeminarNames =
    [
        "Séminaire annuel", "Assemblée générale", "Convention commerciale", "Annual kick-off", "Sales conference",
        "Board off-site", "Journée clients", "Formation managers",
    ];

    public static readonly string[] EveningNames =
    [
        "Soirée de gala", "Cocktail de lancement", "Dîner de fin d'année", "Wedding reception", "Christmas party",
        "Awards night", "Mariage", "Anniversaire des dix ans",
    ];

    public static readonly string[] AfternoonNames =
    [
        "Lancement produit", "Team building", "Atelier créatif", "Product launch", "Workshop", "Garden party",
        "Vernissage", "Conférence de presse",
    ];

    public static readonly string[] MultiDayNames =
    [
        "Salon professionnel", "Festival", "Congrès", "Conference", "Trade fair", "Incentive trip", "Retreat",
    ];

    public static readonly string[] EventNotes =
    [
        "Menu végétarien pour 10 % des invités.",
        "Accès PMR obligatoire ; prévoir une rampe à l'entrée.",
        "Le client souhaite un DJ à partir de 23 h.",
        "Parking réservé pour 40 véhicules.",
        "Badge nominatif pour chaque participant.",
        "Navette depuis la gare à 8 h 30 et 18 h.",
        "Prévoir traduction simultanée français / anglais.",
        "Photographer booked until midnight.",
        "Gluten-free options requested for the buffet.",
        "Stage, lights and sound check the day before.",
        "VIP area for 20 guests near the stage.",
        "Client asked for a quiet room for press interviews.",
        "Vestiaire surveillé ; fermeture de la salle à 2 h.",
        "Feu d'artifice sous réserve d'autorisation de la mairie.",
    ];

    public static readonly string[] RejectionReasons =
    [
        "Le montant doit être confirmé avec le client.",
        "Les conditions de paiement ne sont pas celles convenues.",
        "Deposit terms missing from the contract.",
        "Wrong billing entity: check the company name with the client.",
    ];
}
