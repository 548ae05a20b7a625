"""Material for the demo territory around Dunkirk (Dunkerque, Nord), a cradle of French
industrial ecology. Companies, people and figures are invented; communes are real.

Pure Python: the generator in :mod:`.demo` turns this into rows.
"""

TERRITORY_NAME = "Territoire dunkerquois (démo)"

# (INSEE code, name, postcode, longitude, latitude, weight)
COMMUNES = [
    ("59183", "Dunkerque", "59140", 2.3768, 51.0343, 30),
    ("59271", "Grande-Synthe", "59760", 2.3028, 51.0139, 14),
    ("59155", "Coudekerque-Branche", "59210", 2.3924, 51.0226, 9),
    ("59273", "Gravelines", "59820", 2.1281, 50.9865, 9),
    ("59359", "Loon-Plage", "59279", 2.2178, 50.9967, 10),
    ("59094", "Bourbourg", "59630", 2.1961, 50.9472, 5),
    ("59588", "Téteghem-Coudekerque-Village", "59229", 2.4447, 51.0186, 5),
    ("59340", "Leffrinckoucke", "59495", 2.4636, 51.0344, 3),
    ("59131", "Cappelle-la-Grande", "59180", 2.3653, 50.9992, 6),
    ("59067", "Bergues", "59380", 2.4336, 50.9686, 4),
    ("59016", "Armbouts-Cappel", "59380", 2.3519, 50.9783, 3),
    ("59576", "Spycker", "59380", 2.3217, 50.9700, 2),
    ("59159", "Craywick", "59279", 2.2353, 50.9700, 2),
    ("59668", "Zuydcoote", "59123", 2.4914, 51.0622, 1),
    ("59107", "Bray-Dunes", "59123", 2.5167, 51.0783, 2),
    ("59309", "Hondschoote", "59122", 2.5850, 50.9800, 2),
    ("59663", "Wormhout", "59470", 2.4681, 50.8817, 3),
    ("59272", "Grand-Fort-Philippe", "59153", 2.1031, 51.0000, 2),
]

# The demo's commune areas are drawn from its invented companies (the Voronoi cells of each commune's
# companies), not from the official boundaries: their source says they are approximate.
APPROXIMATE_COMMUNES_SOURCE = "Démo Territorial Flux (communes aux limites approximatives)"

# Business zones: (name, commune code, longitude, latitude)
ZONES = [
    ("Zone industrialo-portuaire ouest", "59359", 2.2300, 51.0150),
    ("Zone industrialo-portuaire est", "59271", 2.2900, 51.0300),
    ("Parc d'activités de Petite-Synthe", "59183", 2.3300, 51.0200),
    ("Zone d'activités de Gravelines", "59273", 2.1450, 50.9950),
    ("Zone d'activités de Bergues", "59067", 2.4200, 50.9650),
]

ADVISORS = ["c.dupont", "m.leroy", "s.benali"]

FIRST_NAMES = ["Camille", "Julien", "Nadia", "Thomas", "Sophie", "Karim", "Élodie", "Pierre",
               "Léa", "Mathieu", "Inès", "Nicolas", "Claire", "Yann", "Amandine", "Olivier"]
LAST_NAMES = ["Martin", "Lefebvre", "Dubois", "Vandenberghe", "Declercq", "Hennebelle", "Caron",
              "Delattre", "Boulanger", "Verhaeghe", "Lemaire", "Deschamps", "Mahieu", "Benaïssa"]

# Activity profiles. Each flow: (resource code, label, minimum, maximum, unit).
PROFILES = [
    {"naf": ["24.10Z"], "names": ["Aciéries du Littoral", "Sidérurgie de la Côte d'Opale"],
     "headcount": ["42", "51"], "weight": 2,
     "offers": [("EN 01 04", "Chaleur fatale des fours", 20000, 90000, "MWh/yr"),
                ("10 02 02", "Laitier non traité", 50000, 200000, "t/yr"),
                ("EN 04 05", "Gaz de procédé combustibles", 10000, 60000, "MWh/yr"),
                ("MA 02 05", "Copeaux métalliques propres", 200, 900, "t/yr")],
     "needs": [("WA 01 05", "Eau de refroidissement", 200000, 900000, "m3/yr"),
               ("SE 01 02", "Collecte groupée de déchets dangereux", 50, 400, "h/yr")]},
    {"naf": ["20.11Z", "20.14Z", "20.13B"], "names": ["Chimie du Détroit", "Gaz Industriels du Nord", "Polychimie Flandre"],
     "headcount": ["22", "31", "32"], "weight": 3,
     "offers": [("MA 05 05", "CO2 coproduit", 2000, 15000, "t/yr"), ("EN 01 05", "Vapeur excédentaire", 5000, 30000, "MWh/yr"),
                ("07 01 04", "Solvants organiques usagés", 20, 150, "t/yr"), ("MA 05 02", "Acide dilué réutilisable", 50, 500, "t/yr")],
     "needs": [("EN 01 03", "Chaleur 90-150 °C pour procédé", 3000, 20000, "MWh/yr"), ("WA 01 02", "Eau déminéralisée", 10000, 80000, "m3/yr"),
               ("SK 02 04", "Ingénieur procédés à temps partagé", 200, 800, "h/yr")]},
    {"naf": ["10.71C", "10.71A"], "names": ["Boulangerie {town}", "Pâtisserie du Beffroi", "Fournil de la Digue", "Boulangerie Artisanale {town}"],
     "headcount": ["01", "02", "03", "11"], "weight": 10,
     "offers": [("02 06 01", "Invendus de pain", 2, 15, "t/yr"), ("MA 01 08", "Invendus alimentaires consommables", 1, 6, "t/yr")],
     "needs": [("SE 01 03", "Collecte des biodéchets", 20, 120, "h/yr"), ("MA 06 05", "Cartons réutilisables", 1, 5, "t/yr"),
               ("LO 01 04", "Livraison du dernier kilomètre mutualisée", 50, 300, "trips/yr")]},
    {"naf": ["10.13A", "10.51A", "10.39A", "10.85Z"], "names": ["Conserverie des Flandres", "Laiterie du Houtland", "Salaisons de la Colme", "Légumerie du Littoral", "Plats Cuisinés de l'Aa"],
     "headcount": ["12", "21", "22"], "weight": 9,
     "offers": [("02 02 03", "Matières impropres à la consommation", 50, 600, "t/yr"), ("MA 01 07", "Lactosérum", 200, 3000, "m3/yr"),
                ("02 03 04", "Épluchures et déchets de légumes", 100, 1200, "t/yr"), ("WA 02 04", "Eaux de rinçage réutilisables", 2000, 20000, "m3/yr")],
     "needs": [("EN 02 01", "Froid positif", 300, 3000, "MWh/yr"), ("EN 01 02", "Chaleur 60-90 °C pour nettoyage", 500, 4000, "MWh/yr"),
               ("LO 02 02", "Stockage frigorifique", 200, 1500, "m2"), ("LO 01 06", "Transport frigorifique", 100, 800, "trips/yr")]},
    {"naf": ["11.05Z"], "names": ["Brasserie de la Côte d'Opale", "Brasserie Artisanale des Moëres"],
     "headcount": ["03", "11", "12"], "weight": 2,
     "offers": [("MA 01 06", "Drêches de brasserie", 80, 900, "t/yr"), ("MA 05 05", "CO2 de fermentation", 10, 80, "t/yr")],
     "needs": [("MA 06 03", "Caisses plastiques réutilisables", 1, 8, "t/yr"), ("WA 02 01", "Eau de pluie", 500, 5000, "m3/yr")]},
    {"naf": ["01.11Z", "01.50Z", "01.41Z"], "names": ["Ferme des Wateringues", "EARL du Houtland", "GAEC des Moëres", "Ferme de la Basse-Colme"],
     "headcount": ["00", "01", "02"], "weight": 8,
     "offers": [("MA 01 04", "Paille et résidus de culture", 30, 400, "t/yr"), ("SP 02 04", "Toitures de hangars pour panneaux solaires", 400, 3000, "m2")],
     "needs": [("MA 01 05", "Coproduits alimentaires pour l'alimentation animale", 20, 300, "t/yr"), ("MA 01 06", "Drêches pour l'élevage", 50, 500, "t/yr"),
               ("MA 01 09", "Matière organique à composter", 50, 600, "t/yr"), ("EQ 04 04", "Matériel agricole partagé", 1, 3, "unit")]},
    {"naf": ["25.11Z", "25.62B", "28.22Z", "33.12Z"], "names": ["Chaudronnerie {town}", "Mécanique de Précision du Port", "Usinage des Dunes", "Maintenance Industrielle Flandre", "Constructions Métalliques {town}"],
     "headcount": ["03", "11", "12", "21"], "weight": 14,
     "offers": [("12 01 01", "Limailles et chutes de métaux ferreux", 10, 200, "t/yr"), ("MA 02 02", "Chutes d'inox", 5, 60, "t/yr"),
                ("EQ 01 03", "Poste de soudure disponible", 1, 3, "unit"), ("SK 02 01", "Soudeur qualifié disponible", 200, 900, "h/yr"),
                ("12 01 09", "Émulsions d'usinage usagées", 2, 30, "t/yr")],
     "needs": [("SK 01 02", "Responsable QHSE à temps partagé", 100, 600, "h/yr"), ("SE 01 02", "Collecte groupée de déchets dangereux", 10, 80, "h/yr"),
               ("EN 05 01", "Air comprimé", 50, 400, "MWh/yr"), ("SK 04 01", "Apprentis partagés", 0.5, 2, "FTE")]},
    {"naf": ["22.22Z", "22.29A", "13.92Z", "16.10A", "16.24Z"], "names": ["Plasturgie du Littoral", "Emballages de l'Aa", "Scierie des Flandres", "Palettes du Nord", "Textiles Techniques {town}"],
     "headcount": ["11", "12", "21"], "weight": 10,
     "offers": [("MA 03 01", "Rebroyé de polypropylène", 20, 300, "t/yr"), ("MA 01 01", "Sciures et copeaux de bois non traités", 50, 800, "t/yr"),
                ("MA 01 02", "Chutes de bois non traitées", 30, 400, "t/yr"), ("MA 03 04", "Chutes textiles", 5, 80, "t/yr"),
                ("15 01 02", "Emballages plastiques", 5, 60, "t/yr")],
     "needs": [("MA 06 01", "Palettes bois de réemploi", 10, 150, "t/yr"), ("EN 01 02", "Chaleur pour séchage", 200, 2500, "MWh/yr"),
               ("LO 01 03", "Retours à vide à valoriser", 50, 400, "trips/yr")]},
    {"naf": ["49.41A", "52.10B", "52.24A", "52.29A"], "names": ["Transports Flandre Maritime", "Logistique du Port Ouest", "Entrepôts de la Colme", "Manutention Portuaire {town}"],
     "headcount": ["12", "21", "22", "31"], "weight": 9,
     "offers": [("LO 01 03", "Camions revenant à vide", 100, 900, "trips/yr"), ("LO 02 01", "Surfaces de stockage disponibles", 500, 6000, "m2"),
                ("SP 01 01", "Entrepôt disponible", 800, 8000, "m2"), ("EQ 02 01", "Chariots élévateurs sous-utilisés", 1, 4, "unit")],
     "needs": [("LO 03 03", "Bornes de recharge partagées", 2, 12, "unit"), ("SK 01 01", "Technicien de maintenance à temps partagé", 200, 900, "h/yr"),
               ("EN 04 01", "Biométhane carburant", 500, 5000, "MWh/yr")]},
    {"naf": ["38.11Z", "38.21Z", "38.32Z", "37.00Z"], "names": ["Recyclage Côte d'Opale", "Valorisation des Dunes", "Tri et Compostage {town}", "Méthanisation des Wateringues"],
     "headcount": ["11", "12", "21"], "weight": 7,
     "offers": [("EN 04 01", "Biométhane injecté", 2000, 25000, "MWh/yr"), ("MA 04 01", "Granulats recyclés", 1000, 15000, "t/yr"),
                ("19 05 03", "Compost hors spécifications", 100, 1500, "t/yr"), ("SE 01 01", "Collecte groupée de déchets", 200, 2000, "h/yr"),
                ("SE 01 04", "Tri et mise en balles mutualisés", 100, 800, "h/yr")],
     "needs": [("MA 01 09", "Matière organique pour méthanisation", 500, 8000, "t/yr"), ("02 02 03", "Déchets d'industries agroalimentaires", 200, 4000, "t/yr"),
               ("20 01 08", "Biodéchets de cuisine", 50, 800, "t/yr"), ("EN 01 01", "Chaleur basse température", 200, 2000, "MWh/yr")]},
    {"naf": ["41.20A", "43.12A", "43.99C", "23.61Z", "23.63Z"], "names": ["BTP Littoral", "Terrassements {town}", "Béton Prêt du Port", "Préfabrication des Flandres", "Maçonnerie {town}"],
     "headcount": ["03", "11", "12", "21"], "weight": 9,
     "offers": [("17 05 04", "Terres et cailloux non pollués", 500, 10000, "t/yr"), ("17 01 07", "Mélanges de béton et briques", 200, 4000, "t/yr"),
                ("MA 04 05", "Matériaux de construction de réemploi", 20, 300, "t/yr"), ("EQ 04 04", "Engins de chantier disponibles", 1, 4, "unit")],
     "needs": [("MA 04 01", "Granulats recyclés", 500, 8000, "t/yr"), ("MA 04 02", "Terres d'apport non polluées", 500, 6000, "t/yr"),
               ("10 02 02", "Laitier pour sous-couches routières", 1000, 20000, "t/yr"), ("SP 02 02", "Aire de stockage extérieure", 500, 5000, "m2")]},
    {"naf": ["56.10A", "56.29A", "55.10Z"], "names": ["Restaurant du Port", "Brasserie de la Digue", "Hôtel des Dunes", "Restauration Collective {town}"],
     "headcount": ["02", "03", "11", "12"], "weight": 10,
     "offers": [("20 01 25", "Huiles alimentaires usagées", 0.5, 5, "t/yr"), ("20 01 08", "Biodéchets de cuisine", 5, 60, "t/yr")],
     "needs": [("MA 01 08", "Produits alimentaires invendus", 1, 10, "t/yr"), ("SE 01 03", "Collecte des biodéchets", 20, 150, "h/yr"),
               ("SE 04 02", "Achats groupés de consommables", 20, 100, "h/yr")]},
    {"naf": ["47.11F", "47.11D", "46.39B", "46.69B"], "names": ["Hypermarché {town}", "Supermarché des Dunes", "Grossiste Alimentaire du Littoral", "Négoce Industriel Flandre"],
     "headcount": ["12", "21", "22"], "weight": 7,
     "offers": [("15 01 01", "Cartons d'emballage", 30, 400, "t/yr"), ("MA 01 08", "Invendus alimentaires pour dons", 5, 80, "t/yr"),
                ("15 01 03", "Palettes bois", 10, 120, "t/yr"), ("SP 02 03", "Places de parking sous-utilisées", 20, 200, "unit")],
     "needs": [("SE 01 01", "Collecte groupée de déchets", 50, 300, "h/yr"), ("EN 03 01", "Électricité renouvelable locale", 500, 4000, "MWh/yr"),
               ("SE 03 01", "Gardiennage mutualisé", 200, 2000, "h/yr")]},
    {"naf": ["35.11Z", "35.30Z", "36.00Z", "37.00Z"], "names": ["Réseau de Chaleur Urbain", "Énergies du Dunkerquois", "Station d'Épuration {town}"],
     "headcount": ["12", "21"], "weight": 3,
     "offers": [("WA 02 02", "Eaux usées traitées réutilisables", 50000, 500000, "m3/yr"), ("EN 03 02", "Électricité de cogénération", 2000, 20000, "MWh/yr"),
                ("19 08 05", "Boues d'épuration urbaines", 200, 3000, "t/yr")],
     "needs": [("EN 01 04", "Chaleur fatale haute température", 10000, 80000, "MWh/yr"), ("EN 01 02", "Chaleur pour le réseau urbain", 5000, 40000, "MWh/yr"),
               ("EN 04 02", "Plaquettes de bois", 500, 6000, "t/yr")]},
    {"naf": ["62.01Z", "70.22Z", "71.12B", "69.20Z", "82.11Z"], "names": ["Conseil & Ingénierie du Littoral", "Bureau d'Études {town}", "Cabinet Comptable des Flandres", "Numérique Côte d'Opale"],
     "headcount": ["01", "02", "03", "11"], "weight": 8,
     "offers": [("EQ 05 01", "Ordinateurs et écrans réformés", 10, 80, "unit"), ("EQ 05 04", "Mobilier de bureau", 5, 40, "unit"),
                ("SP 01 05", "Salles de réunion disponibles", 30, 150, "m2"), ("SK 03 02", "Compétences numériques", 50, 400, "h/yr")],
     "needs": [("SP 01 04", "Bureaux partagés", 20, 120, "m2"), ("SE 03 05", "Crèche inter-entreprises", 1, 5, "unit"),
               ("LO 03 02", "Covoiturage domicile-travail", 100, 800, "trips/yr")]},
    {"naf": ["86.10Z", "85.31Z", "84.11Z"], "names": ["Centre Hospitalier {town}", "Lycée Professionnel {town}", "Mairie de {town}"],
     "headcount": ["22", "31", "41"], "weight": 3,
     "offers": [("SP 01 06", "Salles de formation", 50, 300, "m2"), ("SK 04 02", "Stagiaires en alternance", 1, 6, "FTE"),
                ("SP 02 04", "Toitures pour panneaux solaires", 500, 5000, "m2")],
     "needs": [("EN 01 02", "Chaleur pour le chauffage des bâtiments", 1000, 8000, "MWh/yr"), ("SE 01 02", "Collecte de déchets d'activités de soins", 50, 300, "h/yr"),
               ("MA 01 08", "Denrées alimentaires pour la restauration", 2, 20, "t/yr")]},
]

# Flows any company may state, whatever its activity.
COMMON_FLOWS = {
    "offers": [("SP 01 01", "Surface de stockage inoccupée", 100, 1500, "m2"), ("EQ 02 01", "Chariot élévateur peu utilisé", 1, 2, "unit"),
               ("SK 04 05", "Personnel disponible en période creuse", 100, 800, "h/yr"), ("15 01 01", "Cartons d'emballage", 2, 40, "t/yr"),
               ("MA 06 01", "Palettes bois réutilisables", 2, 30, "t/yr")],
    "needs": [("SE 01 01", "Collecte groupée de déchets", 20, 200, "h/yr"), ("SK 01 02", "Responsable QHSE partagé", 100, 500, "h/yr"),
              ("SE 05 01", "Formations sécurité mutualisées", 20, 120, "h/yr"), ("SE 04 01", "Achat groupé d'énergie", 20, 100, "h/yr"),
              ("SE 03 01", "Gardiennage mutualisé", 100, 1200, "h/yr")],
}

ROUTES = ["Enfouissement", "Incinération", "Prestataire de collecte", "Valorisation hors territoire",
          "Non valorisé", "Achat sur le marché", "Aucun"]
AVAILABILITY = ["Continue", "Hebdomadaire", "Mensuelle", "Saisonnière (automne)", "Ponctuelle", "En semaine"]

NEXT_ACTIONS = ["Relancer l'entreprise par téléphone", "Organiser une visite croisée des deux sites",
                "Envoyer l'étude de faisabilité", "Réunir les participants", "Vérifier la réglementation applicable",
                "Chiffrer le transport", "Présenter au comité de pilotage", "Signer la convention"]

ABANDON_REASONS = ["Qualité de la matière incompatible avec le procédé du receveur",
                   "Coût du transport trop élevé pour la quantité",
                   "Changement de prestataire déchets chez le fournisseur"]
