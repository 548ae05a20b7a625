<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../../gui/company_dock.py" line="65"/>
        <source>Territorial Flux — Company</source>
        <translation>Territorial Flux — Entreprise</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="78"/>
        <source>Find a company: name, SIRET or commune</source>
        <translation>Rechercher une entreprise : nom, SIRET ou commune</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="98"/>
        <source>Pick a company on the map</source>
        <translation>Sélectionner une entreprise sur la carte</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="89"/>
        <source>Add a company: click its location on the map</source>
        <translation>Ajouter une entreprise : cliquez sur son emplacement sur la carte</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="106"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="108"/>
        <source>&amp;Verified today</source>
        <translation>&amp;Vérifiée aujourd'hui</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="110"/>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="112"/>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="141"/>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="122"/>
        <source>Add &amp;offer…</source>
        <translation>Ajouter une &amp;offre…</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="142"/>
        <source>Needs</source>
        <translation>Besoins</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="122"/>
        <source>Add &amp;need…</source>
        <translation>Ajouter un &amp;besoin…</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="71"/>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="88"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="135"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="135"/>
        <source>Confidentiality</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="151"/>
        <source>Edit flow…</source>
        <translation>Modifier le flux…</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="151"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="151"/>
        <source>Archive flow</source>
        <translation>Archiver le flux</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="196"/>
        <source>No company matches &apos;{text}&apos;.</source>
        <translation>Aucune entreprise ne correspond à « {text} ».</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="211"/>
        <source>Open or create a workspace first.</source>
        <translation>Ouvrez ou créez d'abord un espace de travail.</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="216"/>
        <source>Click the company&apos;s location on the map.</source>
        <translation>Cliquez sur l'emplacement de l'entreprise sur la carte.</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="248"/>
        <source>No company shown. Find one by name, SIRET or commune, pick it on the map, or type &lt;b&gt;tf&lt;/b&gt; and its name in QGIS&apos;s locator bar.</source>
        <translation>Aucune entreprise affichée. Recherchez-en une par nom, SIRET ou commune, sélectionnez-la sur la carte, ou tapez &lt;b&gt;tf&lt;/b&gt; suivi de son nom dans la barre de localisation de QGIS.</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="248"/>
        <source>No workspace is open: &lt;b&gt;Territorial Flux → Open workspace…&lt;/b&gt;</source>
        <translation>Aucun espace de travail n'est ouvert : &lt;b&gt;Territorial Flux → Ouvrir un espace de travail…&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="270"/>
        <source>over a year ago</source>
        <translation>il y a plus d'un an</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="275"/>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="289"/>
        <source>none</source>
        <translation>néant</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="276"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="277"/>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <location filename="../../project/styles.py" line="191"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="279"/>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="234"/>
        <source>Advisor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="281"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="287"/>
        <source>archived</source>
        <translation>archivée</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="290"/>
        <source>Last verified</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="446"/>
        <source>Archive company</source>
        <translation>Archiver l'entreprise</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="446"/>
        <source>Archive {name} and its flows? Archived companies stay in the workspace, faded on the map.</source>
        <translation>Archiver {name} et ses flux ? Les entreprises archivées restent dans l'espace de travail, estompées sur la carte.</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="460"/>
        <source>company</source>
        <translation>entreprise</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="460"/>
        <source>flow</source>
        <translation>flux</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="460"/>
        <source>synergy participation</source>
        <translation>participation à une synergie</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="461"/>
        <source>link review</source>
        <translation>décision sur un lien possible</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="462"/>
        <source>{what} created</source>
        <translation>Création : {what}</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="462"/>
        <source>{what} changed</source>
        <translation>Modification : {what}</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="462"/>
        <source>{what} deleted</source>
        <translation>Suppression : {what}</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="475"/>
        <source>History of {name}</source>
        <translation>Historique de {name}</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="481"/>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="481"/>
        <source>Who</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="481"/>
        <source>What</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../gui/company_dock.py" line="481"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="79"/>
        <source>Edit flow of {company}</source>
        <translation>Modifier un flux de {company}</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="79"/>
        <source>New flow of {company}</source>
        <translation>Nouveau flux de {company}</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="87"/>
        <source>&amp;Offer</source>
        <translation>&amp;Offre</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="88"/>
        <source>&amp;Need</source>
        <translation>&amp;Besoin</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="96"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="99"/>
        <source>Code (15 01 01, 150101…) or words (cardboard, chaleur…)</source>
        <translation>Code (15 01 01, 150101…) ou mots (carton, chaleur…)</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="114"/>
        <source>&amp;Resource</source>
        <translation>&amp;Ressource</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="123"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="126"/>
        <source>e.g. 120, 12,5 or 1 200 t/yr</source>
        <translation>p. ex. 120, 12,5 ou 1 200 t/an</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="128"/>
        <source>&amp;Quantity</source>
        <translation>&amp;Quantité</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="137"/>
        <source>&amp;Unit</source>
        <translation>&amp;Unité</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="140"/>
        <source>What the company calls it</source>
        <translation>Le nom que lui donne l'entreprise</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="141"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="142"/>
        <source>Hazardous (set from the List of Waste)</source>
        <translation>Dangereux (d'après la Liste européenne des déchets)</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="149"/>
        <source>&amp;Priority</source>
        <translation>&amp;Priorité</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="154"/>
        <source>&amp;Confidentiality</source>
        <translation>&amp;Confidentialité</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="156"/>
        <source>e.g. continuous, weekly, autumn</source>
        <translation>p. ex. en continu, chaque semaine, en automne</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="157"/>
        <source>Availability</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="159"/>
        <source>Where it goes or comes from today</source>
        <translation>Sa destination ou sa provenance aujourd'hui</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="160"/>
        <source>Current route</source>
        <translation>Filière actuelle</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="162"/>
        <source>Current cost (EUR/yr)</source>
        <translation>Coût actuel (€/an)</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="296"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="173"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="177"/>
        <source>Save and add &amp;another (Ctrl+Enter)</source>
        <translation>Enregistrer et en ajouter un &amp;autre (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="220"/>
        <source>Fix the fields marked in red; nothing you typed is lost.</source>
        <translation>Corrigez les champs marqués en rouge ; rien de ce que vous avez saisi n'est perdu.</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="258"/>
        <source>No resource matches exactly; close ones: {candidates}</source>
        <translation>Aucune ressource ne correspond exactement ; ressources proches : {candidates}</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="258"/>
        <source>No resource of the nomenclature matches &apos;{text}&apos;.</source>
        <translation>Aucune ressource de la nomenclature ne correspond à « {text} ».</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="366"/>
        <source>Saved. Next flow of the same company:</source>
        <translation>Enregistré. Flux suivant de la même entreprise :</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="99"/>
        <source>Import companies</source>
        <translation>Importer des entreprises</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="107"/>
        <source>Companies from a partner&apos;s file or the SIRENE register. Check how the columns are read and the first rows below: nothing is written until you press Import, and then all rows are written or none.</source>
        <translation>Entreprises issues du fichier d'un partenaire ou du répertoire SIRENE. Vérifiez ci-dessous comment les colonnes sont lues et les premières lignes : rien n'est écrit avant que vous cliquiez sur Importer, et alors toutes les lignes sont écrites, ou aucune.</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="281"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="117"/>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="122"/>
        <source>Companies file</source>
        <translation>Fichier des entreprises</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="133"/>
        <source>Read from the file</source>
        <translation>Lu dans le fichier</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="136"/>
        <source>Encoding</source>
        <translation>Encodage</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="140"/>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="143"/>
        <source>Source CRS</source>
        <translation>SCR source</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="145"/>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation>CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="146"/>
        <source>SIRENE legal units (optional)</source>
        <translation>Unités légales SIRENE (facultatif)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="149"/>
        <source>Skip companies whose SIRET is already in the workspace</source>
        <translation>Ignorer les entreprises dont le SIRET figure déjà dans l'espace de travail</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="150"/>
        <source>Update them (empty values never erase yours)</source>
        <translation>Les mettre à jour (les valeurs vides n'effacent jamais les vôtres)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="152"/>
        <source>Skip closed establishments</source>
        <translation>Ignorer les établissements fermés</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="155"/>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="156"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="157"/>
        <source>Rows not imported (CSV)</source>
        <translation>Lignes non importées (CSV)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="165"/>
        <source>Columns (proposed; change any)</source>
        <translation>Colonnes (proposées ; toutes modifiables)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="168"/>
        <source>Company field</source>
        <translation>Champ de l'entreprise</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="168"/>
        <source>Column of the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="176"/>
        <source>First rows, as they will be read</source>
        <translation>Premières lignes, telles qu'elles seront lues</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="189"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="192"/>
        <source>Open the rows not imported</source>
        <translation>Ouvrir les lignes non importées</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="270"/>
        <source>{count} rows</source>
        <translation>{count} lignes</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="274"/>
        <source>text read as {encoding}</source>
        <translation>texte lu en {encoding}</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="277"/>
        <source>points in {crs}</source>
        <translation>points en {crs}</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="277"/>
        <source>points without a CRS: choose the source CRS</source>
        <translation>points sans SCR : choisissez le SCR source</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="310"/>
        <source>(not imported)</source>
        <translation>(non importé)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="340"/>
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="381"/>
        <source>Choose the workspace to import into.</source>
        <translation>Choisissez l'espace de travail dans lequel importer.</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="386"/>
        <source>Importing companies…</source>
        <translation>Import des entreprises…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="386"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="413"/>
        <source>Canceled: nothing was written to the workspace.</source>
        <translation>Annulé : rien n'a été écrit dans l'espace de travail.</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="415"/>
        <source>{imported} imported, {updated} updated, {skipped} skipped, {rejected} rejected. Rows not imported are listed with their reason in {path}</source>
        <translation>{imported} importées, {updated} mises à jour, {skipped} ignorées, {rejected} rejetées. Les lignes non importées figurent avec leur motif dans {path}</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="448"/>
        <source>Save the flows template as</source>
        <translation>Enregistrer le modèle de flux sous</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="448"/>
        <source>Spreadsheet (*.xlsx);;CSV (*.csv)</source>
        <translation>Classeur (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="464"/>
        <source>Flows template saved: {path}</source>
        <translation>Modèle de flux enregistré : {path}</translation>
    </message>
    <message>
        <location filename="../../gui/locator.py" line="56"/>
        <source>Territorial Flux companies</source>
        <translation>Entreprises Territorial Flux</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="78"/>
        <source>New substitution</source>
        <translation>Nouvelle substitution</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="78"/>
        <source>New mutualisation</source>
        <translation>Nouvelle mutualisation</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="94"/>
        <source>Filter by company, code or words</source>
        <translation>Filtrer par entreprise, code ou mots</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="99"/>
        <source>Offer (supplier)</source>
        <translation>Offre (fournisseur)</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="99"/>
        <source>Need (receiver)</source>
        <translation>Besoin (destinataire)</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="101"/>
        <source>Flows shared by the members (choose two or more)</source>
        <translation>Flux mis en commun par les membres (au moins deux)</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="123"/>
        <source>Optional for a substitution: made from the offer and the receiver</source>
        <translation>Facultatif pour une substitution : composé à partir de l'offre et du destinataire</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="32"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="126"/>
        <source>Where the idea came from</source>
        <translation>Origine de l'idée</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="149"/>
        <source>Choose one offer and one need.</source>
        <translation>Choisissez une offre et un besoin.</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="171"/>
        <source>Saved by someone else meanwhile</source>
        <translation>Enregistré entre-temps par quelqu'un d'autre</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="173"/>
        <source>Overwrite their changes</source>
        <translation>Écraser ses modifications</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="175"/>
        <source>Reload their version</source>
        <translation>Recharger sa version</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="184"/>
        <source>Territorial Flux — Synergies</source>
        <translation>Territorial Flux — Synergies</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="202"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="203"/>
        <source>Live (not abandoned)</source>
        <translation>En cours (non abandonnées)</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="210"/>
        <source>All families</source>
        <translation>Toutes les familles</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="215"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../project/forms.py" line="84"/>
        <source>Next action</source>
        <translation>Prochaine action</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="91"/>
        <source>Synergy</source>
        <translation>Synergie</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="225"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="225"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="235"/>
        <source>New &amp;substitution…</source>
        <translation>Nouvelle &amp;substitution…</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="235"/>
        <source>Supplier → receiver on the &amp;map</source>
        <translation>Fournisseur → destinataire sur la &amp;carte</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="235"/>
        <source>New &amp;mutualisation…</source>
        <translation>Nouvelle &amp;mutualisation…</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="257"/>
        <source>A&amp;bandon…</source>
        <translation>&amp;Abandonner…</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="264"/>
        <source>Outcomes and next action</source>
        <translation>Résultats et prochaine action</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="267"/>
        <source>Diverted (t/yr)</source>
        <translation>Tonnage détourné (t/an)</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="267"/>
        <source>Savings (EUR/yr)</source>
        <translation>Économies (€/an)</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="267"/>
        <source>Avoided (t CO2e/yr)</source>
        <translation>Émissions évitées (t CO2e/an)</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="267"/>
        <source>Distance (km)</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="291"/>
        <source>Next action date</source>
        <translation>Date de la prochaine action</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="297"/>
        <source>Save &amp;outcomes</source>
        <translation>Enregistrer les &amp;résultats</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="95"/>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../project/forms.py" line="85"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="90"/>
        <source>Synergies</source>
        <translation>Synergies</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="321"/>
        <source>Possible links</source>
        <translation>Liens possibles</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="366"/>
        <source>All advisors</source>
        <translation>Tous les conseillers</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="428"/>
        <source>Overdue: the next action was due on {date}.</source>
        <translation>En retard : la prochaine action était prévue le {date}.</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="453"/>
        <source>Choose a synergy in the list, or create one.</source>
        <translation>Choisissez une synergie dans la liste, ou créez-en une.</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="453"/>
        <source>No workspace is open.</source>
        <translation>Aucun espace de travail n'est ouvert.</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="463"/>
        <source>Next step</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="463"/>
        <source>Move to “{status}”</source>
        <translation>Passer au statut « {status} »</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="474"/>
        <source>supplier</source>
        <translation>fournisseur</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="474"/>
        <source>receiver</source>
        <translation>destinataire</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="474"/>
        <source>member</source>
        <translation>membre</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="533"/>
        <source>Abandon the synergy</source>
        <translation>Abandonner la synergie</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="533"/>
        <source>Why is this synergy abandoned? (required)</source>
        <translation>Pourquoi cette synergie est-elle abandonnée ? (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="590"/>
        <source>Click the supplier on the map, then the receiver.</source>
        <translation>Cliquez sur le fournisseur sur la carte, puis sur le destinataire.</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="47"/>
        <source>Offers and needs that could be linked, with their reasons. You decide: promote one to a synergy, reject it with a reason (it will not come back), or skip it.</source>
        <translation>Offres et besoins qui pourraient être reliés, avec leurs raisons. C'est vous qui décidez : promouvoir un lien en synergie, le rejeter avec un motif (il ne reviendra pas) ou le passer.</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="57"/>
        <source>Within</source>
        <translation>Dans un rayon de</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="60"/>
        <source>Same resource code</source>
        <translation>Même code de ressource</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="61"/>
        <source>Same sub-chapter</source>
        <translation>Même sous-chapitre</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="62"/>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="65"/>
        <source>Nearest first</source>
        <translation>Les plus proches d'abord</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="66"/>
        <source>Largest share of the need first</source>
        <translation>Meilleure couverture du besoin d'abord</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="67"/>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="71"/>
        <source>Supplier → receiver</source>
        <translation>Fournisseur → destinataire</translation>
    </message>
    <message>
        <location filename="../../printing/layout.py" line="189"/>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="71"/>
        <source>Covers</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="83"/>
        <source>&amp;Promote to a synergy</source>
        <translation>&amp;Promouvoir en synergie</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="86"/>
        <source>&amp;Reject…</source>
        <translation>&amp;Rejeter…</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="89"/>
        <source>S&amp;kip</source>
        <translation>P&amp;asser</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="157"/>
        <source>No possible link left with these settings.</source>
        <translation>Plus aucun lien possible avec ces réglages.</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="259"/>
        <source>Reject this possible link</source>
        <translation>Rejeter ce lien possible</translation>
    </message>
    <message>
        <location filename="../../gui/triage_panel.py" line="259"/>
        <source>Why does this link not work? (required; it will not be proposed again)</source>
        <translation>Pourquoi ce lien ne fonctionne-t-il pas ? (obligatoire ; il ne sera plus proposé)</translation>
    </message>
    <message>
        <location filename="../../gui/value_chains.py" line="97"/>
        <source>Open a workspace first: the analysis runs on the open workspace.</source>
        <translation>Ouvrez d'abord un espace de travail : l'analyse porte sur l'espace de travail ouvert.</translation>
    </message>
    <message>
        <location filename="../../gui/value_chains.py" line="119"/>
        <source>{unmet} needs with no local supplier, {orphans} offers with no local taker and {count} possible links within {distance} km.</source>
        <translation>{unmet} besoins sans fournisseur local, {orphans} offres sans preneur local et {count} liens possibles dans un rayon de {distance} km.</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="43"/>
        <source>New Territorial Flux workspace</source>
        <translation>Nouvel espace de travail Territorial Flux</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="46"/>
        <source>A workspace holds one territory: its companies, their offers and needs, the synergies and their history. It is a GeoPackage that also opens in QGIS without the plugin.</source>
        <translation>Un espace de travail contient un territoire : ses entreprises, leurs offres et leurs besoins, les synergies et leur historique. C'est un GeoPackage qui s'ouvre aussi dans QGIS sans l'extension.</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="53"/>
        <source>e.g. Dunkirk urban community</source>
        <translation>p. ex. Communauté urbaine de Dunkerque</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="54"/>
        <source>Territory name</source>
        <translation>Nom du territoire</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="57"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="41"/>
        <source>Coordinate reference system</source>
        <translation>Système de coordonnées de référence</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="72"/>
        <source>GeoPackage file (one advisor, works offline)</source>
        <translation>Fichier GeoPackage (un seul conseiller, fonctionne hors ligne)</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="73"/>
        <source>PostgreSQL/PostGIS server (a team)</source>
        <translation>Serveur PostgreSQL/PostGIS (travail en équipe)</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="74"/>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="79"/>
        <source>A PostgreSQL connection saved in QGIS (Browser panel → PostgreSQL → New Connection).</source>
        <translation>Une connexion PostgreSQL enregistrée dans QGIS (panneau Explorateur → PostgreSQL → Nouvelle connexion).</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="81"/>
        <source>PostgreSQL connection</source>
        <translation>Connexion PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="83"/>
        <source>e.g. dunkirk (lowercase letters, digits and _)</source>
        <translation>p. ex. dunkerque (lettres minuscules, chiffres et _)</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="84"/>
        <source>Schema</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="127"/>
        <source>Give the territory a name.</source>
        <translation>Donnez un nom au territoire.</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="134"/>
        <source>Add a PostgreSQL connection in QGIS&apos;s Browser panel first.</source>
        <translation>Ajoutez d'abord une connexion PostgreSQL dans le panneau Explorateur de QGIS.</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="137"/>
        <source>Name the schema with lowercase letters, digits and _, starting with a letter.</source>
        <translation>Nommez le schéma avec des lettres minuscules, des chiffres et _, en commençant par une lettre.</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="144"/>
        <source>Choose where to save the workspace file.</source>
        <translation>Choisissez où enregistrer le fichier de l'espace de travail.</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="147"/>
        <source>The folder of this file does not exist.</source>
        <translation>Le dossier de ce fichier n'existe pas.</translation>
    </message>
    <message>
        <location filename="../../printing/layers.py" line="45"/>
        <source>Missing links</source>
        <translation>Chaînons manquants</translation>
    </message>
    <message>
        <location filename="../../printing/layers.py" line="46"/>
        <source>Metabolism</source>
        <translation>Métabolisme</translation>
    </message>
    <message>
        <location filename="../../printing/layout.py" line="64"/>
        <source>Confidential document for the advisors — not for distribution</source>
        <translation>Document confidentiel réservé aux conseillers — ne pas diffuser</translation>
    </message>
    <message>
        <location filename="../../printing/layout.py" line="65"/>
        <source>Internal document — not for distribution</source>
        <translation>Document interne — ne pas diffuser</translation>
    </message>
    <message>
        <location filename="../../printing/layout.py" line="66"/>
        <source>Document for the organisation's partners — not for distribution</source>
        <translation>Document destiné aux partenaires de l'organisme — ne pas diffuser</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="183"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="76"/>
        <source>and {count} more</source>
        <translation>et {count} autres</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="129"/>
        <source>The latest value-chain analysis ({stamp}) is up to date.</source>
        <translation>La dernière analyse des chaînes de valeur ({stamp}) est à jour.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="143"/>
        <source>Running the value-chain analysis first (none yet, or older than the data).</source>
        <translation>Analyse des chaînes de valeur lancée d'abord (aucune jusqu'ici, ou plus ancienne que les données).</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="151"/>
        <source>Territory map — {theme} — {level}</source>
        <translation>Carte du territoire — {theme} — {level}</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="154"/>
        <source>{name} — atlas by {kind}</source>
        <translation>{name} — atlas par {kind}</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="154"/>
        <source>commune</source>
        <translation>commune</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="154"/>
        <source>zone</source>
        <translation>zone</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="165"/>
        <source>Printed maps (filtered per confidentiality level)</source>
        <translation>Cartes imprimées (filtrées par niveau de confidentialité)</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="252"/>
        <source>Atlas pages</source>
        <translation>Pages de l'atlas</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="255"/>
        <source>No boundaries of this kind in the workspace: each page shows the extent of the companies of one {kind}.</source>
        <translation>Aucune limite de ce type dans l'espace de travail : chaque page montre l'emprise des entreprises d'une même {kind}.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="283"/>
        <source>The template has no item with the id {ids}: left out.</source>
        <translation>Le modèle ne contient aucun élément d'identifiant {ids} : élément omis.</translation>
    </message>
    <message>
        <location filename="../../reporting/report.py" line="99"/>
        <source>Confidentiality: {level}</source>
        <translation>Confidentialité : {level}</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="287"/>
        <source>Sources: {sources}.</source>
        <translation>Sources : {sources}.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="287"/>
        <source>Territorial Flux workspace “{name}”, last updated on {date}.</source>
        <translation>Espace de travail Territorial Flux « {name} », dernière mise à jour le {date}.</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="56"/>
        <source>Territorial &amp;Flux</source>
        <translation>Territorial &amp;Flux</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="66"/>
        <source>New workspace…</source>
        <translation>Nouvel espace de travail…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="68"/>
        <source>Open workspace…</source>
        <translation>Ouvrir un espace de travail…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="75"/>
        <source>Create demo territory</source>
        <translation>Créer le territoire de démonstration</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="77"/>
        <source>Import companies…</source>
        <translation>Importer des entreprises…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="79"/>
        <source>Import flows…</source>
        <translation>Importer des flux…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="81"/>
        <source>Save the flows template…</source>
        <translation>Enregistrer le modèle de flux…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="83"/>
        <source>Analyse value chains</source>
        <translation>Analyser les chaînes de valeur</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="85"/>
        <source>Print territory map…</source>
        <translation>Imprimer la carte du territoire…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="92"/>
        <source>Company dock</source>
        <translation>Panneau Entreprise</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="94"/>
        <source>Synergy dock</source>
        <translation>Panneau Synergies</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="173"/>
        <source>The workspace was upgraded to this plugin&apos;s version; a copy of the old file was kept: {backup}</source>
        <translation>L'espace de travail a été mis à niveau vers la version de cette extension ; une copie de l'ancien fichier a été conservée : {backup}</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="178"/>
        <source>Workspace opened: {path}</source>
        <translation>Espace de travail ouvert : {path}</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="215"/>
        <source>Workspace {name} created: {path}</source>
        <translation>Espace de travail {name} créé : {path}</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="223"/>
        <source>Open a Territorial Flux workspace</source>
        <translation>Ouvrir un espace de travail Territorial Flux</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="281"/>
        <source>Save the demo territory as</source>
        <translation>Enregistrer le territoire de démonstration sous</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="298"/>
        <source>Demo territory created: {companies} companies, {flows} flows, {synergies} synergies.</source>
        <translation>Territoire de démonstration créé : {companies} entreprises, {flows} flux, {synergies} synergies.</translation>
    </message>
    <message>
        <location filename="../../project/forms.py" line="47"/>
        <source>Flows of the company</source>
        <translation>Flux de l'entreprise</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="77"/>
        <source>Participants of the synergy</source>
        <translation>Participants à la synergie</translation>
    </message>
    <message>
        <location filename="../../project/forms.py" line="49"/>
        <source>History of the synergy</source>
        <translation>Historique de la synergie</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="76"/>
        <source>Synergies of the company</source>
        <translation>Synergies de l'entreprise</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="78"/>
        <source>Synergies of the flow</source>
        <translation>Synergies du flux</translation>
    </message>
    <message>
        <location filename="../../project/forms.py" line="52"/>
        <source>Reviews of the offer</source>
        <translation>Décisions sur l'offre</translation>
    </message>
    <message>
        <location filename="../../project/forms.py" line="53"/>
        <source>Reviews of the need</source>
        <translation>Décisions sur le besoin</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="180"/>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="84"/>
        <source>Location</source>
        <translation>Localisation</translation>
    </message>
    <message>
        <location filename="../../project/forms.py" line="64"/>
        <source>Contact (personal data)</source>
        <translation>Contact (données personnelles)</translation>
    </message>
    <message>
        <location filename="../../project/forms.py" line="65"/>
        <source>Flows</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location filename="../../project/forms.py" line="67"/>
        <source>Notes and provenance</source>
        <translation>Notes et provenance</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="87"/>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location filename="../../project/forms.py" line="73"/>
        <source>Current situation</source>
        <translation>Situation actuelle</translation>
    </message>
    <message>
        <location filename="../../project/forms.py" line="74"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="92"/>
        <source>Outcomes</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location filename="../../project/forms.py" line="86"/>
        <source>Record</source>
        <translation>Traçabilité</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="85"/>
        <source>Offers and needs</source>
        <translation>Offres et besoins</translation>
    </message>
    <message>
        <location filename="../../project/styles.py" line="74"/>
        <source>Offers only</source>
        <translation>Offres seulement</translation>
    </message>
    <message>
        <location filename="../../project/styles.py" line="75"/>
        <source>Needs only</source>
        <translation>Besoins seulement</translation>
    </message>
    <message>
        <location filename="../../project/styles.py" line="76"/>
        <source>No flow recorded</source>
        <translation>Aucun flux enregistré</translation>
    </message>
    <message>
        <location filename="../../project/styles.py" line="77"/>
        <source>Archived</source>
        <translation>Archivée</translation>
    </message>
    <message>
        <location filename="../../project/styles.py" line="190"/>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <location filename="../../project/styles.py" line="193"/>
        <source>Business zone</source>
        <translation>Zone d'activités</translation>
    </message>
    <message>
        <location filename="../../project/styles.py" line="235"/>
        <source>Need with no local supplier</source>
        <translation>Besoin sans fournisseur local</translation>
    </message>
    <message>
        <location filename="../../project/styles.py" line="235"/>
        <source>Offer with no local taker</source>
        <translation>Offre sans preneur local</translation>
    </message>
    <message>
        <location filename="../../project/styles.py" line="248"/>
        <source>{kind} — {family}</source>
        <translation>{kind} — {family}</translation>
    </message>
    <message>
        <location filename="../../project/build.py" line="22"/>
        <source>Value-chain analysis</source>
        <translation>Analyse des chaînes de valeur</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="251"/>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <location filename="../../project/build.py" line="26"/>
        <source>Reference lists</source>
        <translation>Listes de référence</translation>
    </message>
    <message>
        <location filename="../../project/build.py" line="100"/>
        <source>Territorial Flux default style</source>
        <translation>Style par défaut de Territorial Flux</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="45"/>
        <source>Print territory map</source>
        <translation>Imprimer la carte du territoire</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="48"/>
        <source>Prints a map of {name} for a meeting. Flows and synergies more restricted than the audience&apos;s level are left out of the map and of the legend; contact details are never printed.</source>
        <translation>Imprime une carte de {name} pour une réunion. Les flux et les synergies plus restreints que le niveau des destinataires sont exclus de la carte et de la légende ; les coordonnées des contacts ne sont jamais imprimées.</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="56"/>
        <source>Map theme</source>
        <translation>Thème de carte</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="58"/>
        <source>Empty: the theme&apos;s name</source>
        <translation>Vide : le nom du thème</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="61"/>
        <source>Paper size</source>
        <translation>Format du papier</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="62"/>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="62"/>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="64"/>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="52"/>
        <source>Audience may see up to</source>
        <translation>Les destinataires peuvent voir jusqu'à</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="68"/>
        <source>No atlas: one page</source>
        <translation>Pas d'atlas : une seule page</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="68"/>
        <source>One page per commune</source>
        <translation>Une page par commune</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="68"/>
        <source>One page per business zone</source>
        <translation>Une page par zone d'activités</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="71"/>
        <source>Atlas</source>
        <translation>Atlas</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="77"/>
        <source>QGIS layout template (*.qpt)</source>
        <translation>Modèle de mise en page QGIS (*.qpt)</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="78"/>
        <source>Empty: the plugin&apos;s layout</source>
        <translation>Vide : la mise en page de l'extension</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="79"/>
        <source>Layout template</source>
        <translation>Modèle de mise en page</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="80"/>
        <source>PDF (*.pdf);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;Image PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="55"/>
        <source>Output file</source>
        <translation>Fichier de sortie</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="56"/>
        <source>Open the file when it is written</source>
        <translation>Ouvrir le fichier une fois écrit</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="90"/>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="112"/>
        <source>Choose the file to write (.pdf or .png).</source>
        <translation>Choisissez le fichier à écrire (.pdf ou .png).</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="116"/>
        <source>The template {file} does not exist.</source>
        <translation>Le modèle {file} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="137"/>
        <source>Open a workspace first: the map is printed from the open workspace.</source>
        <translation>Ouvrez d'abord un espace de travail : la carte est imprimée à partir de l'espace de travail ouvert.</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="156"/>
        <source>Map printed: {path} (pages: {pages}). The layout “{layout}” is saved in the workspace's project.</source>
        <translation>Carte imprimée : {path} (pages : {pages}). La mise en page « {layout} » est enregistrée dans le projet de l'espace de travail.</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="190"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="153"/>
        <source>The layout could not be added to the open project: {error}</source>
        <translation>La mise en page n'a pas pu être ajoutée au projet ouvert : {error}</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="159"/>
        <source>Map printed: {path} (pages: {pages}). The layout “{layout}” is in the open project; the team workspace's shared project is changed by its administrators only.</source>
        <translation>Carte imprimée : {path} (pages : {pages}). La mise en page « {layout} » est dans le projet ouvert ; le projet partagé de l'espace d'équipe n'est modifié que par ses administrateurs.</translation>
    </message>
    <message>
        <location filename="../../gui/value_chains.py" line="64"/>
        <source>Possible links (temporary, this session)</source>
        <translation>Liens possibles (temporaire, cette session)</translation>
    </message>
    <message>
        <location filename="../../gui/value_chains.py" line="64"/>
        <source>Missing links (temporary, this session)</source>
        <translation>Liens manquants (temporaire, cette session)</translation>
    </message>
    <message>
        <location filename="../../gui/value_chains.py" line="124"/>
        <source>Your role may not change the shared analysis: the results are temporary layers of this session.</source>
        <translation>Votre rôle ne permet pas de modifier l'analyse partagée : les résultats sont des couches temporaires de cette session.</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="164"/>
        <source>Open a team workspace</source>
        <translation>Ouvrir un espace de travail d'équipe</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="168"/>
        <source>A team workspace is shared by every advisor of the organisation on a PostgreSQL/PostGIS server. Choose how to reach the server: a PostgreSQL connection saved in QGIS (Browser panel → PostgreSQL → New Connection) or a service of your pg_service.conf file.</source>
        <translation>Un espace de travail d'équipe est partagé par tous les conseillers de l'organisation sur un serveur PostgreSQL/PostGIS. Choisissez comment joindre le serveur : une connexion PostgreSQL enregistrée dans QGIS (panneau Explorateur → PostgreSQL → Nouvelle connexion) ou un service de votre fichier pg_service.conf.</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="181"/>
        <source>Connection: {name}</source>
        <translation>Connexion : {name}</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="183"/>
        <source>Service: {name}</source>
        <translation>Service : {name}</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="187"/>
        <source>List the workspaces of this server again</source>
        <translation>Relister les espaces de travail de ce serveur</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="190"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="192"/>
        <source>Workspaces on this server:</source>
        <translation>Espaces de travail de ce serveur :</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="209"/>
        <source>QGIS has no PostgreSQL connection yet: add one in the Browser panel (PostgreSQL → New Connection), then open this dialog again.</source>
        <translation>QGIS n'a encore aucune connexion PostgreSQL : ajoutez-en une dans le panneau Explorateur (PostgreSQL → Nouvelle connexion), puis rouvrez cette fenêtre.</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="247"/>
        <source>{name} (schema {schema})</source>
        <translation>{name} (schéma {schema})</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="249"/>
        <source>an administrator must upgrade it</source>
        <translation>un administrateur doit le mettre à niveau</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="251"/>
        <source>made by a newer Territorial Flux</source>
        <translation>créé par une version plus récente de Territorial Flux</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="259"/>
        <source>This database holds no Territorial Flux workspace that you may read. An administrator creates one with Territorial Flux → New workspace… (PostgreSQL/PostGIS storage) and grants you a role.</source>
        <translation>Cette base ne contient aucun espace de travail Territorial Flux que vous puissiez lire. Un administrateur en crée un avec Territorial Flux → Nouvel espace de travail… (stockage PostgreSQL/PostGIS) et vous attribue un rôle.</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dialogs.py" line="292"/>
        <source>Choose a workspace in the list.</source>
        <translation>Choisissez un espace de travail dans la liste.</translation>
    </message>
    <message>
        <location filename="../../gui/workspace_dock.py" line="83"/>
        <source>Read-only: your role lets you read, analyse and print this team workspace, not change it.</source>
        <translation>Lecture seule : votre rôle vous permet de lire, d'analyser et d'imprimer cet espace de travail d'équipe, pas de le modifier.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="139"/>
        <source>The latest value-chain analysis ({stamp}) may be older than the data; your role may not replace it, so the map shows it as it is. An editor can run it again.</source>
        <translation>La dernière analyse des chaînes de valeur ({stamp}) est peut-être plus ancienne que les données ; votre rôle ne permet pas de la remplacer, la carte la montre donc telle quelle. Un éditeur peut la relancer.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="323"/>
        <source>The layout was not saved in the team workspace&apos;s shared project (only its administrators may change it); the printed map is complete.</source>
        <translation>La mise en page n'a pas été enregistrée dans le projet partagé de l'espace d'équipe (seuls ses administrateurs peuvent le modifier) ; la carte imprimée est complète.</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="70"/>
        <source>Open team workspace…</source>
        <translation>Ouvrir un espace de travail d'équipe…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="72"/>
        <source>Upgrade workspace…</source>
        <translation>Mettre à niveau l'espace de travail…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="257"/>
        <source>Team workspace {name} opened ({reference}).</source>
        <translation>Espace de travail d'équipe {name} ouvert ({reference}).</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="260"/>
        <source>Team workspace {name} opened read-only: your role lets you read, analyse and print it, not change it.</source>
        <translation>Espace de travail d'équipe {name} ouvert en lecture seule : votre rôle vous permet de le lire, de l'analyser et de l'imprimer, pas de le modifier.</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="68"/>
        <source>One page per resource family</source>
        <translation>Une page par famille de ressource</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="72"/>
        <source>Areas: outlines and names of the communes and zones</source>
        <translation>Périmètres : contours et noms des communes et des zones d'activités</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="72"/>
        <source>OpenStreetMap (web tiles, needs the internet)</source>
        <translation>OpenStreetMap (tuiles web, nécessite internet)</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="72"/>
        <source>Plan IGN (web tiles, needs the internet)</source>
        <translation>Plan IGN (tuiles web, nécessite internet)</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="72"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../gui/print_dialog.py" line="76"/>
        <source>Background</source>
        <translation>Fond de carte</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="33"/>
        <source>per commune</source>
        <translation>par commune</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="35"/>
        <source>per business zone</source>
        <translation>par zone d'activités</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="37"/>
        <source>per hexagon of {size}° across</source>
        <translation>par hexagone de {size}° de large</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="38"/>
        <source>per hexagon of {size} km across</source>
        <translation>par hexagone de {size} km de large</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="162"/>
        <source>{family} — {theme}</source>
        <translation>{family} — {theme}</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="197"/>
        <source>Missing links {per}</source>
        <translation>Chaînons manquants {per}</translation>
    </message>
    <message>
        <location filename="../../project/overview.py" line="23"/>
        <source>Possible links between areas</source>
        <translation>Liens possibles entre périmètres</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="221"/>
        <source>Hexagons of the grid</source>
        <translation>Hexagones de la grille</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="230"/>
        <source>The background tiles of {host} could not be reached: the map is printed without them.</source>
        <translation>Les tuiles du fond de carte ({host}) sont injoignables : la carte est imprimée sans elles.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="154"/>
        <source>resource family</source>
        <translation>famille de ressource</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="287"/>
        <source>background {attribution}</source>
        <translation>fond de carte {attribution}</translation>
    </message>
    <message>
        <location filename="../../project/aggregate_styles.py" line="42"/>
        <source>Unmet needs (circle area: number of flows)</source>
        <translation>Besoins non satisfaits (surface du cercle : nombre de flux)</translation>
    </message>
    <message>
        <location filename="../../project/aggregate_styles.py" line="43"/>
        <source>Orphan offers (circle area: number of flows)</source>
        <translation>Offres sans preneur (surface du cercle : nombre de flux)</translation>
    </message>
    <message>
        <location filename="../../project/aggregate_styles.py" line="95"/>
        <source>needs</source>
        <translation>besoins</translation>
    </message>
    <message>
        <location filename="../../project/aggregate_styles.py" line="95"/>
        <source>offers</source>
        <translation>offres</translation>
    </message>
    <message>
        <location filename="../../project/aggregate_styles.py" line="122"/>
        <source>1 to {largest} possible links (width)</source>
        <translation>De 1 à {largest} liens possibles (épaisseur)</translation>
    </message>
    <message>
        <location filename="../../project/aggregate_styles.py" line="132"/>
        <source>Hexagon</source>
        <translation>Hexagone</translation>
    </message>
    <message>
        <location filename="../../project/backgrounds.py" line="44"/>
        <source>OpenStreetMap (web background)</source>
        <translation>OpenStreetMap (fond de carte web)</translation>
    </message>
    <message>
        <location filename="../../project/backgrounds.py" line="44"/>
        <source>Plan IGN (web background)</source>
        <translation>Plan IGN (fond de carte web)</translation>
    </message>
    <message>
        <location filename="../../project/overview.py" line="23"/>
        <source>Missing links per area</source>
        <translation>Chaînons manquants par périmètre</translation>
    </message>
    <message>
        <location filename="../../project/overview.py" line="93"/>
        <source>Web backgrounds (need the internet)</source>
        <translation>Fonds de carte web (nécessitent internet)</translation>
    </message>
    <message>
        <location filename="../../project/overview.py" line="119"/>
        <source>The layers of missing links per area could not be added: {error}</source>
        <translation>Les couches des chaînons manquants par périmètre n'ont pas pu être ajoutées : {error}</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="129"/>
        <source>From or to this page&apos;s companies</source>
        <translation>Depuis ou vers les entreprises de cette page</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="198"/>
        <source>Possible links between communes</source>
        <translation>Liens possibles entre communes</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="198"/>
        <source>Possible links between business zones</source>
        <translation>Liens possibles entre zones d'activités</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="198"/>
        <source>Possible links between hexagons</source>
        <translation>Liens possibles entre hexagones</translation>
    </message>
    <message>
        <location filename="../../project/aggregate_styles.py" line="123"/>
        <source>Width: number of possible links</source>
        <translation>Épaisseur : nombre de liens possibles</translation>
    </message>
    <message>
        <location filename="../../gui/co2e_estimate.py" line="38"/>
        <source>{value} kg CO2e per tonne diverted</source>
        <translation>{value} kg CO2e par tonne détournée</translation>
    </message>
    <message>
        <location filename="../../gui/co2e_estimate.py" line="39"/>
        <source>{value} kg CO2e per MWh substituted</source>
        <translation>{value} kg CO2e par MWh substitué</translation>
    </message>
    <message>
        <location filename="../../gui/co2e_estimate.py" line="40"/>
        <source>{value} kg CO2e per tonne-kilometre by road</source>
        <translation>{value} kg CO2e par tonne-kilomètre par la route</translation>
    </message>
    <message>
        <location filename="../../gui/co2e_estimate.py" line="41"/>
        <source>Estimated from the workspace&apos;s emission factors:</source>
        <translation>Estimation faite avec les facteurs d'émission de l'espace de travail :</translation>
    </message>
    <message>
        <location filename="../../gui/co2e_estimate.py" line="43"/>
        <source>every resource</source>
        <translation>toutes les ressources</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_dock.py" line="81"/>
        <source>Territorial Flux — dashboard</source>
        <translation>Territorial Flux — tableau de bord</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_dock.py" line="95"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="230"/>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="105"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="83"/>
        <source>The period must start before it ends.</source>
        <translation>La période doit commencer avant de finir.</translation>
    </message>
    <message>
        <location filename="../../gui/flow_dialog.py" line="289"/>
        <source>Read as {value} {unit}</source>
        <translation>Lu comme {value} {unit}</translation>
    </message>
    <message>
        <location filename="../../gui/flow_import_dialog.py" line="37"/>
        <source>Import flows</source>
        <translation>Importer des flux</translation>
    </message>
    <message>
        <location filename="../../gui/flow_import_dialog.py" line="44"/>
        <source>Offers and needs from a workshop spreadsheet (the flows template, or any sheet with its headers). The file is checked first: nothing is written until you press Import, and then all rows are written or none.</source>
        <translation>Offres et besoins d'un tableur d'atelier (le modèle de flux, ou toute feuille avec ses en-têtes). Le fichier est d'abord vérifié : rien n'est écrit avant que vous cliquiez sur Importer, et alors toutes les lignes sont écrites ou aucune.</translation>
    </message>
    <message>
        <location filename="../../gui/flow_import_dialog.py" line="54"/>
        <source>Spreadsheets and CSV (*.xlsx *.ods *.csv *.txt *.zip);;All files (*)</source>
        <translation>Tableurs et CSV (*.xlsx *.ods *.csv *.txt *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/flow_import_dialog.py" line="56"/>
        <source>Flows file</source>
        <translation>Fichier des flux</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="126"/>
        <source>Table to import</source>
        <translation>Table à importer</translation>
    </message>
    <message>
        <location filename="../../gui/flow_import_dialog.py" line="68"/>
        <source>Words that name several resources: choose the one each means</source>
        <translation>Mots qui désignent plusieurs ressources : choisissez celle que chacun veut dire</translation>
    </message>
    <message>
        <location filename="../../gui/flow_import_dialog.py" line="71"/>
        <source>Word</source>
        <translation>Mot</translation>
    </message>
    <message>
        <location filename="../../gui/flow_import_dialog.py" line="71"/>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location filename="../../gui/flow_import_dialog.py" line="77"/>
        <source>Your choices are remembered by the workspace: the next imports, the flow form and Processing will know these words.</source>
        <translation>Vos choix sont retenus par l'espace de travail : les prochains imports, le formulaire de flux et les traitements connaîtront ces mots.</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="223"/>
        <source>Choose a table…</source>
        <translation>Choisissez une table…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="259"/>
        <source>{file} holds several tables: choose the one to import.</source>
        <translation>{file} contient plusieurs tables : choisissez celle à importer.</translation>
    </message>
    <message>
        <location filename="../../gui/flow_import_dialog.py" line="151"/>
        <source>{count} rows ready to import, {rejected} not importable as they are</source>
        <translation>{count} lignes prêtes à importer, {rejected} non importables en l'état</translation>
    </message>
    <message>
        <location filename="../../gui/flow_import_dialog.py" line="155"/>
        <source>{count} words to settle below</source>
        <translation>{count} mots à préciser ci-dessous</translation>
    </message>
    <message>
        <location filename="../../gui/flow_import_dialog.py" line="173"/>
        <source>Leave these rows out (listed in the rows not imported)</source>
        <translation>Laisser ces lignes de côté (listées dans les lignes non importées)</translation>
    </message>
    <message>
        <location filename="../../gui/flow_import_dialog.py" line="215"/>
        <source>{imported} flows imported, {rejected} rows not imported (listed with their reason in {path}).</source>
        <translation>{imported} flux importés, {rejected} lignes non importées (listées avec leur raison dans {path}).</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="119"/>
        <source>Partner data (*.shp *.gpkg *.geojson *.json *.csv *.txt *.xlsx *.ods *.dbf *.zip);;All files (*)</source>
        <translation>Données partenaires (*.shp *.gpkg *.geojson *.json *.csv *.txt *.xlsx *.ods *.dbf *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="282"/>
        <source>the columns {columns} all name {field}: choose one</source>
        <translation>les colonnes {columns} désignent toutes {field} : choisissez-en une</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="317"/>
        <source>Several columns name this field: choose the one to import.</source>
        <translation>Plusieurs colonnes désignent ce champ : choisissez celle à importer.</translation>
    </message>
    <message>
        <location filename="../../reporting/report.py" line="96"/>
        <source>Territory report</source>
        <translation>Rapport du territoire</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="39"/>
        <source>Writes the report of {name} for a period: the figures funders ask for, the synergy pipeline, the metabolism and the map. Flows and synergies more restricted than the audience&apos;s level are not counted; a report for partners names no advisor.</source>
        <translation>Écrit le rapport de {name} pour une période : les chiffres que demandent les financeurs, l'avancement des synergies, le métabolisme et la carte. Les flux et synergies plus restreints que le niveau du public ne sont pas comptés ; un rapport pour les partenaires ne nomme aucun conseiller.</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="48"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="50"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="53"/>
        <source>PDF (*.pdf);;Spreadsheet (*.xlsx);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;Classeur (*.xlsx);;Page web (*.html)</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="63"/>
        <source>Write the report</source>
        <translation>Écrire le rapport</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="80"/>
        <source>Choose the file to write (.pdf, .xlsx or .html).</source>
        <translation>Choisissez le fichier à écrire (.pdf, .xlsx ou .html).</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="97"/>
        <source>Open a workspace first: the report is written from the open workspace.</source>
        <translation>Ouvrez d'abord un espace de travail : le rapport est écrit à partir de l'espace ouvert.</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="116"/>
        <source>Report written: {path}.</source>
        <translation>Rapport écrit : {path}.</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="118"/>
        <source>Its layout “{layout}” is in the workspace's project (Project ▸ Layouts once the workspace is opened again).</source>
        <translation>Sa mise en page « {layout} » est dans le projet de l'espace de travail (Projet ▸ Mises en page, une fois l'espace rouvert).</translation>
    </message>
    <message>
        <location filename="../../gui/report_dialog.py" line="121"/>
        <source>Without charts: this QGIS has no matplotlib.</source>
        <translation>Sans graphiques : ce QGIS n’a pas matplotlib.</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="29"/>
        <source>GeoPackage for QGIS (styled, with its project)</source>
        <translation>GeoPackage pour QGIS (stylé, avec son projet)</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="30"/>
        <source>Workbook (XLSX), one sheet per table</source>
        <translation>Classeur (XLSX), une feuille par table</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="31"/>
        <source>CSV files in a folder (for a spreadsheet)</source>
        <translation>Fichiers CSV dans un dossier (pour un tableur)</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="32"/>
        <source>Web map (a folder to open in a browser)</source>
        <translation>Carte web (un dossier à ouvrir dans un navigateur)</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="49"/>
        <source>Share with partners</source>
        <translation>Partager avec les partenaires</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="52"/>
        <source>Exports what partners may receive from {name}: the flows and synergies at the chosen level or a less restricted one, and their companies. Contacts, logins, notes, addresses, costs and savings never leave.</source>
        <translation>Exporte ce que les partenaires peuvent recevoir de {name} : les flux et synergies au niveau choisi ou à un niveau moins restreint, et leurs entreprises. Les contacts, identifiants, notes, adresses, coûts et économies ne sortent jamais.</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="59"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="61"/>
        <source>Partners may see up to</source>
        <translation>Les partenaires peuvent voir jusqu'à</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="34"/>
        <source>Issuing organisation</source>
        <translation>Organisme émetteur</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="39"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="73"/>
        <source>Web map title</source>
        <translation>Titre de la carte web</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="74"/>
        <source>None: no request to any server</source>
        <translation>Aucun : aucune requête à aucun serveur</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="74"/>
        <source>OpenStreetMap (the page loads its tiles)</source>
        <translation>OpenStreetMap (la page charge ses tuiles)</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="76"/>
        <source>Web map background</source>
        <translation>Fond de la carte web</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="79"/>
        <source>Write to</source>
        <translation>Écrire dans</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="84"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="119"/>
        <source>What would leave: {companies} companies, {flows} offers and needs, {synergies} synergies.</source>
        <translation>Ce qui sortirait : {companies} entreprises, {flows} offres et besoins, {synergies} synergies.</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="143"/>
        <source>Choose where to write the export.</source>
        <translation>Choisissez où écrire l'export.</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="162"/>
        <source>Open a workspace first: partners receive the open workspace&apos;s data.</source>
        <translation>Ouvrez d'abord un espace de travail : les partenaires reçoivent les données de l'espace de travail ouvert.</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="181"/>
        <source>Web map written: {path} ({companies} companies, {flows} offers and needs, {synergies} synergies).</source>
        <translation>Carte web écrite : {path} ({companies} entreprises, {flows} offres et besoins, {synergies} synergies).</translation>
    </message>
    <message>
        <location filename="../../gui/share_dialog.py" line="184"/>
        <source>Export for partners written: {path} ({companies} companies, {flows} offers and needs, {synergies} synergies).</source>
        <translation>Export pour les partenaires écrit : {path} ({companies} entreprises, {flows} offres et besoins, {synergies} synergies).</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="278"/>
        <source>Use the estimate</source>
        <translation>Reprendre l'estimation</translation>
    </message>
    <message>
        <location filename="../../gui/synergy_dock.py" line="544"/>
        <source>estimate: {value}</source>
        <translation>estimation : {value}</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="87"/>
        <source>Share with partners…</source>
        <translation>Partager avec les partenaires…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="89"/>
        <source>Territory report…</source>
        <translation>Rapport du territoire…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="96"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="142"/>
        <source>Synergies by status at the end of the period</source>
        <translation>Synergies par étape à la fin de la période</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="100"/>
        <source>Reviewed</source>
        <translation>Examinés</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="100"/>
        <source>Promoted</source>
        <translation>Promu</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="100"/>
        <source>Now operating</source>
        <translation>En service aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="106"/>
        <source>From possible links to operating synergies (reviews in the period)</source>
        <translation>Des liens possibles aux synergies en service (examens de la période)</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="119"/>
        <source>Tonnes diverted (t/yr)</source>
        <translation>Tonnes détournées (t/an)</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="121"/>
        <source>Emissions avoided (t CO2e/yr)</source>
        <translation>Émissions évitées (t CO2e/an)</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="127"/>
        <source>Outcomes of operating synergies, by the year they began operating</source>
        <translation>Résultats des synergies en service, par année de mise en service</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="148"/>
        <source>Flows by resource family and direction</source>
        <translation>Flux par famille de ressource et par sens</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="162"/>
        <source>The territory's metabolism in tonnes a year (matter and waste): offering activities → resources → needing activities</source>
        <translation>Le métabolisme du territoire en tonnes par an (matières et déchets) : activités qui offrent → ressources → activités qui ont besoin</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="166"/>
        <source>The territory's metabolism in flows: offering activities → resource families → needing activities</source>
        <translation>Le métabolisme du territoire en nombre de flux : activités qui offrent → familles de ressources → activités qui ont besoin</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="174"/>
        <source>No flow to show.</source>
        <translation>Aucun flux à montrer.</translation>
    </message>
    <message>
        <location filename="../../reporting/charts.py" line="175"/>
        <source>Offers: {offers} — needs: {needs}. In the middle, each family's offers → needs.</source>
        <translation>Offres : {offers} — besoins : {needs}. Au milieu, les offres → les besoins de chaque famille.</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="133"/>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="211"/>
        <source>Synergy pipeline</source>
        <translation>Avancement des synergies</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="213"/>
        <source>Conversion of possible links</source>
        <translation>Transformation des liens possibles</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="215"/>
        <source>Outcomes by year</source>
        <translation>Résultats par année</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="217"/>
        <source>Flows by family</source>
        <translation>Flux par famille</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="219"/>
        <source>Metabolism of the territory (flows)</source>
        <translation>Métabolisme du territoire (flux)</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="221"/>
        <source>Metabolism of the territory (tonnes)</source>
        <translation>Métabolisme du territoire (tonnes)</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="169"/>
        <source>Synergies map</source>
        <translation>Carte des synergies</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="227"/>
        <source>Indicators</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="230"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="105"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="233"/>
        <source>Contributions inside the organisation</source>
        <translation>Contributions au sein de l'organisation</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="234"/>
        <source>Flows recorded</source>
        <translation>Flux saisis</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="234"/>
        <source>Synergy steps</source>
        <translation>Étapes de synergies</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="118"/>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="124"/>
        <source>Territory report — {level} — {start} to {end}</source>
        <translation>Rapport du territoire — {level} — du {start} au {end}</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="143"/>
        <source>{status}: {count}</source>
        <translation>{status} : {count}</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="172"/>
        <source>The workspace has no company yet: no map.</source>
        <translation>L'espace de travail n'a pas encore d'entreprise : pas de carte.</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="191"/>
        <source>The map shows the synergies as they stand today, whatever the period.</source>
        <translation>La carte montre les synergies telles qu'elles sont aujourd'hui, quelle que soit la période.</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="224"/>
        <source>{count} matter or waste flows have no quantity in tonnes and are not drawn.</source>
        <translation>{count} flux de matières ou de déchets n’ont pas de quantité en tonnes et ne sont pas dessinés.</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="266"/>
        <source>The layout was not saved in the team workspace&apos;s shared project (only its administrators may change it); the report is complete.</source>
        <translation>La mise en page n'a pas été enregistrée dans le projet partagé de l'espace d'équipe (seuls ses administrateurs peuvent le modifier) ; le rapport est complet.</translation>
    </message>
    <message>
        <location filename="../../reporting/report.py" line="98"/>
        <source>From {start} to {end}</source>
        <translation>Du {start} au {end}</translation>
    </message>
    <message>
        <location filename="../../reporting/report.py" line="102"/>
        <source>* includes estimates made with the workspace&apos;s emission factors, for operating synergies whose avoided emissions were not entered.</source>
        <translation>* comprend des estimations faites avec les facteurs d'émission de l'espace de travail, pour les synergies en service dont les émissions évitées n'ont pas été saisies.</translation>
    </message>
    <message>
        <location filename="../../reporting/report.py" line="105"/>
        <source>The charts are not drawn: this QGIS has no matplotlib (QGIS&apos;s installers for Windows and macOS ship it; on Linux install python3-matplotlib). The figures are complete.</source>
        <translation>Les graphiques ne sont pas dessinés : ce QGIS n'a pas matplotlib (les installateurs de QGIS pour Windows et macOS le fournissent ; sous Linux, installez python3-matplotlib). Les chiffres sont complets.</translation>
    </message>
    <message>
        <location filename="../../reporting/report.py" line="108"/>
        <source>Territorial Flux workspace “{name}”, report written on {date}.</source>
        <translation>Espace de travail Territorial Flux « {name} », rapport écrit le {date}.</translation>
    </message>
    <message>
        <location filename="../../reporting/report.py" line="145"/>
        <source>matplotlib is not installed in this QGIS: the report is written without its charts.</source>
        <translation>matplotlib n'est pas installé dans ce QGIS : le rapport est écrit sans ses graphiques.</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="32"/>
        <source>{territory}: companies, flows and synergies shared with partners</source>
        <translation>{territory} : entreprises, flux et synergies partagés avec les partenaires</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="35"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="36"/>
        <source>Date of the export</source>
        <translation>Date de l'export</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="37"/>
        <source>Confidentiality level</source>
        <translation>Niveau de confidentialité</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="40"/>
        <source>Licence text</source>
        <translation>Texte de la licence</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="70"/>
        <source>Companies</source>
        <translation>Entreprises</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="45"/>
        <source>Personal data</source>
        <translation>Données personnelles</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="45"/>
        <source>None: no contact, e-mail, phone, login, note, address, cost or saving is exported.</source>
        <translation>Aucune : ni contact, ni e-mail, ni téléphone, ni identifiant, ni note, ni adresse, ni coût, ni économie n'est exporté.</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="71"/>
        <source>Synergy participants</source>
        <translation>Participants aux synergies</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="71"/>
        <source>About this export</source>
        <translation>À propos de cet export</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="75"/>
        <source>Offers and needs of the company</source>
        <translation>Offres et besoins de l'entreprise</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="94"/>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="101"/>
        <source>Activity in words</source>
        <translation>Activité en clair</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="103"/>
        <source>Resource in words</source>
        <translation>Ressource en clair</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="105"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="180"/>
        <source>In a synergy</source>
        <translation>Dans une synergie</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="197"/>
        <source>{title} of {territory}, shared by {organisation} on {date} at the {level} level. Licence: {licence} ({url}). Source: {source}.</source>
        <translation>{title} de {territory}, partagé par {organisation} le {date} au niveau {level}. Licence : {licence} ({url}). Source : {source}.</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="202"/>
        <source>Licence: {licence}, {url}</source>
        <translation>Licence : {licence}, {url}</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="204"/>
        <source>{date}: exported by {organisation} from {source}</source>
        <translation>{date} : exporté par {organisation} depuis {source}</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="233"/>
        <source>{territory}: shared with partners</source>
        <translation>{territory} : partagé avec les partenaires</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="268"/>
        <source>Shared with partners</source>
        <translation>Partagé avec les partenaires</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="270"/>
        <source>the style of {table}</source>
        <translation>le style de {table}</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="273"/>
        <source>the metadata of {table}</source>
        <translation>les métadonnées de {table}</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="287"/>
        <source>the project</source>
        <translation>le projet</translation>
    </message>
</context>
<context>
    <name>CopyWorkspaceAlgorithm</name>
    <message>
        <location filename="../../processing/copy_workspace.py" line="36"/>
        <source>Workspace to copy</source>
        <translation>Espace de travail à copier</translation>
    </message>
    <message>
        <location filename="../../processing/copy_workspace.py" line="37"/>
        <source>Target workspace (new GeoPackage path or empty team workspace)</source>
        <translation>Espace de travail cible (chemin d'un nouveau GeoPackage ou espace de travail d'équipe vide)</translation>
    </message>
    <message>
        <location filename="../../processing/copy_workspace.py" line="39"/>
        <source>Target workspace reference</source>
        <translation>Référence de l'espace de travail cible</translation>
    </message>
    <message>
        <location filename="../../processing/copy_workspace.py" line="59"/>
        <source>{table}: {count} rows copied, checksum {checksum}</source>
        <translation>{table} : {count} lignes copiées, somme de contrôle {checksum}</translation>
    </message>
</context>
<context>
    <name>CreateDemoAlgorithm</name>
    <message>
        <location filename="../../processing/create_demo.py" line="36"/>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <location filename="../../processing/create_demo.py" line="38"/>
        <source>Overwrite an existing file</source>
        <translation>Écraser un fichier existant</translation>
    </message>
    <message>
        <location filename="../../processing/create_demo.py" line="43"/>
        <source>Demo workspace GeoPackage</source>
        <translation>GeoPackage de l'espace de travail de démonstration</translation>
    </message>
    <message>
        <location filename="../../processing/create_demo.py" line="43"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../processing/create_demo.py" line="53"/>
        <source>{companies} companies, {flows} flows and {synergies} synergies written to {path}</source>
        <translation>{companies} entreprises, {flows} flux et {synergies} synergies écrits dans {path}</translation>
    </message>
    <message>
        <location filename="../../processing/create_demo.py" line="40"/>
        <source>Reference day of the demo&apos;s dates (today when empty)</source>
        <translation>Jour de référence des dates de la démo (aujourd'hui si vide)</translation>
    </message>
</context>
<context>
    <name>CreatePostgisWorkspaceAlgorithm</name>
    <message>
        <location filename="../../processing/create_postgis_workspace.py" line="34"/>
        <source>PostgreSQL connection (as saved in QGIS)</source>
        <translation>Connexion PostgreSQL (telle qu'enregistrée dans QGIS)</translation>
    </message>
    <message>
        <location filename="../../processing/create_postgis_workspace.py" line="36"/>
        <source>Schema (lowercase letters, digits and _)</source>
        <translation>Schéma (lettres minuscules, chiffres et _)</translation>
    </message>
    <message>
        <location filename="../../processing/create_postgis_workspace.py" line="38"/>
        <source>Territory name</source>
        <translation>Nom du territoire</translation>
    </message>
    <message>
        <location filename="../../processing/create_postgis_workspace.py" line="39"/>
        <source>Coordinate reference system</source>
        <translation>Système de coordonnées de référence</translation>
    </message>
    <message>
        <location filename="../../processing/create_postgis_workspace.py" line="41"/>
        <source>Workspace reference</source>
        <translation>Référence de l'espace de travail</translation>
    </message>
    <message>
        <location filename="../../processing/create_postgis_workspace.py" line="52"/>
        <source>The connection {name} keeps a password in QGIS&apos;s settings: it is not written into the layers or the project stored in the database. Give each advisor a PostgreSQL service file, a ~/.pgpass entry or a QGIS authentication configuration.</source>
        <translation>La connexion {name} conserve un mot de passe dans les paramètres de QGIS : il n'est écrit ni dans les couches ni dans le projet stockés dans la base de données. Donnez à chaque conseiller un fichier de service PostgreSQL, une entrée ~/.pgpass ou une configuration d'authentification QGIS.</translation>
    </message>
    <message>
        <location filename="../../processing/create_postgis_workspace.py" line="57"/>
        <source>Team workspace created: {reference}. Grant its roles to your colleagues, e.g. GRANT {editor} TO alice; readers get {reader}, administrators {admin}.</source>
        <translation>Espace de travail d'équipe créé : {reference}. Attribuez ses rôles à vos collègues, p. ex. GRANT {editor} TO alice; les lecteurs reçoivent {reader}, les administrateurs {admin}.</translation>
    </message>
</context>
<context>
    <name>CreateWorkspaceAlgorithm</name>
    <message>
        <location filename="../../processing/create_workspace.py" line="35"/>
        <source>Territory name</source>
        <translation>Nom du territoire</translation>
    </message>
    <message>
        <location filename="../../processing/create_workspace.py" line="37"/>
        <source>Coordinate reference system</source>
        <translation>Système de coordonnées de référence</translation>
    </message>
    <message>
        <location filename="../../processing/create_workspace.py" line="39"/>
        <source>Overwrite an existing file</source>
        <translation>Écraser un fichier existant</translation>
    </message>
    <message>
        <location filename="../../processing/create_workspace.py" line="41"/>
        <source>Workspace GeoPackage</source>
        <translation>GeoPackage de l'espace de travail</translation>
    </message>
    <message>
        <location filename="../../processing/create_workspace.py" line="41"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../processing/create_workspace.py" line="52"/>
        <source>Workspace created: {path}</source>
        <translation>Espace de travail créé : {path}</translation>
    </message>
</context>
<context>
    <name>ExportPartnersAlgorithm</name>
    <message>
        <location filename="../../processing/export_partners.py" line="65"/>
        <source>Most restricted confidentiality level the partners may see</source>
        <translation>Niveau de confidentialité le plus restreint que les partenaires peuvent voir</translation>
    </message>
    <message>
        <location filename="../../processing/export_partners.py" line="68"/>
        <source>Issuing organisation (default: the workspace&apos;s name)</source>
        <translation>Organisme émetteur (par défaut : le nom de l'espace de travail)</translation>
    </message>
    <message>
        <location filename="../../processing/export_partners.py" line="70"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../processing/export_partners.py" line="71"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../processing/export_partners.py" line="72"/>
        <source>Output file (gpkg, xlsx) or folder (csv)</source>
        <translation>Fichier de sortie (gpkg, xlsx) ou dossier (csv)</translation>
    </message>
    <message>
        <location filename="../../processing/export_partners.py" line="74"/>
        <source>Companies exported</source>
        <translation>Entreprises exportées</translation>
    </message>
    <message>
        <location filename="../../processing/export_partners.py" line="75"/>
        <source>Offers and needs exported</source>
        <translation>Offres et besoins exportés</translation>
    </message>
    <message>
        <location filename="../../processing/export_partners.py" line="76"/>
        <source>Synergies exported</source>
        <translation>Synergies exportées</translation>
    </message>
    <message>
        <location filename="../../processing/export_partners.py" line="87"/>
        <source>Written to {path}: {companies} companies, {flows} offers and needs, {synergies} synergies.</source>
        <translation>Écrit dans {path} : {companies} entreprises, {flows} offres et besoins, {synergies} synergies.</translation>
    </message>
</context>
<context>
    <name>ExportWebMapAlgorithm</name>
    <message>
        <location filename="../../processing/export_webmap.py" line="39"/>
        <source>Most restricted confidentiality level the page may show</source>
        <translation>Niveau de confidentialité le plus restreint que la page peut montrer</translation>
    </message>
    <message>
        <location filename="../../processing/export_webmap.py" line="42"/>
        <source>Title (default: the workspace&apos;s name)</source>
        <translation>Titre (par défaut : le nom de l'espace de travail)</translation>
    </message>
    <message>
        <location filename="../../processing/export_webmap.py" line="44"/>
        <source>Issuing organisation (default: the workspace&apos;s name)</source>
        <translation>Organisme émetteur (par défaut : le nom de l'espace de travail)</translation>
    </message>
    <message>
        <location filename="../../processing/export_webmap.py" line="46"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../processing/export_webmap.py" line="47"/>
        <source>Background</source>
        <translation>Fond de carte</translation>
    </message>
    <message>
        <location filename="../../processing/export_webmap.py" line="48"/>
        <source>Web map folder</source>
        <translation>Dossier de la carte web</translation>
    </message>
    <message>
        <location filename="../../processing/export_webmap.py" line="49"/>
        <source>Companies shown</source>
        <translation>Entreprises montrées</translation>
    </message>
    <message>
        <location filename="../../processing/export_webmap.py" line="50"/>
        <source>Offers and needs shown</source>
        <translation>Offres et besoins montrés</translation>
    </message>
    <message>
        <location filename="../../processing/export_webmap.py" line="51"/>
        <source>Synergies shown</source>
        <translation>Synergies montrées</translation>
    </message>
    <message>
        <location filename="../../processing/export_webmap.py" line="64"/>
        <source>Web map written to {path}: {companies} companies, {flows} offers and needs, {synergies} synergies.</source>
        <translation>Carte web écrite dans {path} : {companies} entreprises, {flows} offres et besoins, {synergies} synergies.</translation>
    </message>
</context>
<context>
    <name>ImportAreasAlgorithm</name>
    <message>
        <location filename="../../processing/import_areas.py" line="52"/>
        <source>Polygons file</source>
        <translation>Fichier de polygones</translation>
    </message>
    <message>
        <location filename="../../processing/import_areas.py" line="54"/>
        <source>Kind of area</source>
        <translation>Type de périmètre</translation>
    </message>
    <message>
        <location filename="../../processing/import_areas.py" line="55"/>
        <source>Column of the names</source>
        <translation>Colonne des noms</translation>
    </message>
    <message>
        <location filename="../../processing/import_areas.py" line="56"/>
        <source>Column of the codes (INSEE code of a commune)</source>
        <translation>Colonne des codes (code INSEE d'une commune)</translation>
    </message>
    <message>
        <location filename="../../processing/import_areas.py" line="58"/>
        <source>CRS of the polygons (when the file does not say)</source>
        <translation>SCR des polygones (si le fichier ne l'indique pas)</translation>
    </message>
    <message>
        <location filename="../../processing/import_areas.py" line="60"/>
        <source>Text encoding (empty: the .cpg, else detected)</source>
        <translation>Encodage du texte (vide : celui du .cpg, sinon détecté)</translation>
    </message>
    <message>
        <location filename="../../processing/import_areas.py" line="62"/>
        <source>Rows not imported (CSV)</source>
        <translation>Lignes non importées (CSV)</translation>
    </message>
</context>
<context>
    <name>ImportCompaniesAlgorithm</name>
    <message>
        <location filename="../../processing/import_companies.py" line="135"/>
        <source>Companies file</source>
        <translation>Fichier des entreprises</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="137"/>
        <source>CRS of the source&apos;s coordinates (when the file does not say)</source>
        <translation>SCR des coordonnées de la source (si le fichier ne l'indique pas)</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="140"/>
        <source>Text encoding (empty: the .cpg, else detected)</source>
        <translation>Encodage du texte (vide : celui du .cpg, sinon détecté)</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="142"/>
        <source>SIRENE legal units file (StockUniteLegale), for the names</source>
        <translation>Fichier des unités légales SIRENE (StockUniteLegale), pour les noms</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="145"/>
        <source>A SIRET already in the workspace</source>
        <translation>SIRET déjà présent dans l'espace de travail</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="147"/>
        <source>Skip closed establishments</source>
        <translation>Ignorer les établissements fermés</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="149"/>
        <source>Field mapping (field=column; …), empty: automatic</source>
        <translation>Correspondance des champs (champ=colonne; …), vide : automatique</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="152"/>
        <source>Rows not imported (CSV)</source>
        <translation>Lignes non importées (CSV)</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="160"/>
        <source>Notes on the import</source>
        <translation>Remarques sur l'import</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gui/import_dialog.py" line="48"/>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="49"/>
        <source>Name (legal name)</source>
        <translation>Nom (raison sociale)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="50"/>
        <source>Trade name (used when there is no name)</source>
        <translation>Enseigne (utilisée à défaut de nom)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="51"/>
        <source>Activity (NAF code)</source>
        <translation>Activité (code NAF)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="52"/>
        <source>Headcount band</source>
        <translation>Tranche d'effectif</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="53"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="54"/>
        <source>Street number (SIRENE)</source>
        <translation>Numéro de voie (SIRENE)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="55"/>
        <source>Street type (SIRENE)</source>
        <translation>Type de voie (SIRENE)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="56"/>
        <source>Street name (SIRENE)</source>
        <translation>Libellé de voie (SIRENE)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="57"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="58"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="59"/>
        <source>Commune code (INSEE)</source>
        <translation>Code commune (INSEE)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="60"/>
        <source>Business zone</source>
        <translation>Zone d'activités</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="61"/>
        <source>Contact name</source>
        <translation>Nom du contact</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="62"/>
        <source>Contact e-mail</source>
        <translation>Courriel du contact</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="63"/>
        <source>Contact phone</source>
        <translation>Téléphone du contact</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="64"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="65"/>
        <source>X coordinate</source>
        <translation>Coordonnée X</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="66"/>
        <source>Y coordinate</source>
        <translation>Coordonnée Y</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="67"/>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="68"/>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="69"/>
        <source>EPSG code of each row&apos;s coordinates</source>
        <translation>Code EPSG des coordonnées de chaque ligne</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="70"/>
        <source>Administrative state (A open, F closed)</source>
        <translation>État administratif (A ouvert, F fermé)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="71"/>
        <source>Diffusion status (O public, P partial)</source>
        <translation>Statut de diffusion (O diffusible, P partiellement diffusible)</translation>
    </message>
</context>
<context>
    <name>ImportFlowsAlgorithm</name>
    <message>
        <location filename="../../processing/import_flows.py" line="53"/>
        <source>Flows spreadsheet or CSV</source>
        <translation>Classeur ou CSV des flux</translation>
    </message>
    <message>
        <location filename="../../processing/import_flows.py" line="58"/>
        <source>Rows not imported (CSV)</source>
        <translation>Lignes non importées (CSV)</translation>
    </message>
    <message>
        <location filename="../../processing/import_flows.py" line="55"/>
        <source>Resources of ambiguous words (word=code; …), remembered by the workspace</source>
        <translation>Ressources des mots ambigus (mot=code ; …), retenues par l'espace de travail</translation>
    </message>
    <message>
        <location filename="../../processing/import_flows.py" line="64"/>
        <source>Notes on the import</source>
        <translation>Remarques sur l'import</translation>
    </message>
</context>
<context>
    <name>MissingLinksAlgorithm</name>
    <message>
        <location filename="../../processing/value_chains.py" line="135"/>
        <source>Missing links</source>
        <translation>Chaînons manquants</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="137"/>
        <source>Resource balance</source>
        <translation>Bilan des ressources</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="139"/>
        <source>Needs with no local supplier</source>
        <translation>Besoins sans fournisseur local</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="140"/>
        <source>Offers with no local taker</source>
        <translation>Offres sans preneur local</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="181"/>
        <source>{unmet} needs with no local supplier, {orphans} offers with no local taker.</source>
        <translation>{unmet} besoins sans fournisseur local, {orphans} offres sans preneur local.</translation>
    </message>
</context>
<context>
    <name>PossibleLinksAlgorithm</name>
    <message>
        <location filename="../../processing/value_chains.py" line="202"/>
        <source>Links kept per flow</source>
        <translation>Liens conservés par flux</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="205"/>
        <source>Possible links</source>
        <translation>Liens possibles</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="207"/>
        <source>Number of possible links</source>
        <translation>Nombre de liens possibles</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="229"/>
        <source>{count} possible links.</source>
        <translation>{count} liens possibles.</translation>
    </message>
</context>
<context>
    <name>PrintMapAlgorithm</name>
    <message>
        <location filename="../../processing/print_map.py" line="75"/>
        <source>Map theme</source>
        <translation>Thème de carte</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="76"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="77"/>
        <source>Paper size</source>
        <translation>Format du papier</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="78"/>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="79"/>
        <source>Most restricted confidentiality level the audience may see</source>
        <translation>Niveau de confidentialité le plus restreint que les destinataires peuvent voir</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="82"/>
        <source>Atlas: one page per</source>
        <translation>Atlas : une page par</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="85"/>
        <source>Layout template (.qpt)</source>
        <translation>Modèle de mise en page (.qpt)</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="87"/>
        <source>Printed map</source>
        <translation>Carte imprimée</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="89"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="90"/>
        <source>Layout saved in the workspace&apos;s project</source>
        <translation>Mise en page enregistrée dans le projet de l'espace de travail</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="109"/>
        <source>Page written: {path}</source>
        <translation>Page écrite : {path}</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="111"/>
        <source>Map written to {path} (pages: {pages}); layout “{layout}” saved in the workspace's project.</source>
        <translation>Carte écrite dans {path} (pages : {pages}) ; mise en page « {layout} » enregistrée dans le projet de l'espace de travail.</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="91"/>
        <source>Whether the layout was saved in the workspace&apos;s project (a team workspace&apos;s shared project is changed by its administrators only)</source>
        <translation>Mise en page enregistrée ou non dans le projet de l'espace de travail (le projet partagé d'un espace d'équipe n'est modifié que par ses administrateurs)</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="115"/>
        <source>Map written to {path} (pages: {pages}).</source>
        <translation>Carte écrite dans {path} (pages : {pages}).</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="84"/>
        <source>Background</source>
        <translation>Fond de carte</translation>
    </message>
</context>
<context>
    <name>Processing</name>
    <message>
        <location filename="../../processing/copy_workspace.py" line="18"/>
        <source>Copy workspace</source>
        <translation>Copier un espace de travail</translation>
    </message>
    <message>
        <location filename="../../processing/upgrade_workspace.py" line="14"/>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <location filename="../../processing/copy_workspace.py" line="21"/>
        <source>Copies every company, flow, synergy, participant, history event, link review, area and the audit trail of the INPUT workspace into the OUTPUT workspace, keeping uids, row versions and history: from a GeoPackage into a team workspace (postgres:connection=NAME;schema=SCHEMA) to start a team, or back into a GeoPackage to hand a snapshot to someone without the server. OUTPUT must be new or empty: a GeoPackage path that does not exist yet is created; a team workspace is made first with Create team workspace. The copy is verified (row counts and checksums of every table) before it is committed; on any difference nothing is written. Copying a team workspace needs its administrator role.</source>
        <translation>Copie toutes les entreprises, tous les flux, synergies, participants, événements d'historique, décisions sur les liens, périmètres et le journal d'audit de l'espace de travail INPUT dans l'espace de travail OUTPUT, en conservant les uid, les versions des lignes et l'historique : d'un GeoPackage vers un espace de travail d'équipe (postgres:connection=NAME;schema=SCHEMA) pour démarrer en équipe, ou inversement vers un GeoPackage pour remettre un instantané à quelqu'un qui n'a pas accès au serveur. OUTPUT doit être nouveau ou vide : un chemin de GeoPackage qui n'existe pas encore est créé ; un espace de travail d'équipe se crée d'abord avec Créer un espace de travail d'équipe. La copie est vérifiée (nombre de lignes et sommes de contrôle de chaque table) avant d'être validée ; à la moindre différence, rien n'est écrit. Copier un espace de travail d'équipe nécessite son rôle d'administrateur.</translation>
    </message>
    <message>
        <location filename="../../processing/create_demo.py" line="18"/>
        <source>Create demo territory</source>
        <translation>Créer le territoire de démonstration</translation>
    </message>
    <message>
        <location filename="../../processing/create_postgis_workspace.py" line="14"/>
        <source>Create team workspace (PostGIS)</source>
        <translation>Créer un espace de travail d'équipe (PostGIS)</translation>
    </message>
    <message>
        <location filename="../../processing/create_postgis_workspace.py" line="17"/>
        <source>Creates a team workspace in a new SCHEMA of the PostgreSQL/PostGIS database reached by CONNECTION (the name of a PostgreSQL connection saved in QGIS): the same tables, rules, nomenclatures, styles and stored QGIS project as a GeoPackage workspace, plus the audit trail and three roles: SCHEMA_reader, SCHEMA_editor and SCHEMA_admin. Run it once, as a database administrator allowed to create schemas and roles, then grant the roles to your colleagues. OUTPUT is the workspace reference to give to the other algorithms: postgres:connection=CONNECTION;schema=SCHEMA.</source>
        <translation>Crée un espace de travail d'équipe dans un nouveau schéma (SCHEMA) de la base PostgreSQL/PostGIS accessible par CONNECTION (le nom d'une connexion PostgreSQL enregistrée dans QGIS) : les mêmes tables, règles, nomenclatures, styles et projet QGIS stocké qu'un espace de travail GeoPackage, avec en plus le journal d'audit et trois rôles : SCHEMA_reader, SCHEMA_editor et SCHEMA_admin. Exécutez-le une seule fois, en tant qu'administrateur de la base autorisé à créer des schémas et des rôles, puis attribuez les rôles à vos collègues. OUTPUT est la référence de l'espace de travail à donner aux autres algorithmes : postgres:connection=CONNECTION;schema=SCHEMA.</translation>
    </message>
    <message>
        <location filename="../../processing/create_workspace.py" line="18"/>
        <source>Create workspace</source>
        <translation>Créer un espace de travail</translation>
    </message>
    <message>
        <location filename="../../processing/create_workspace.py" line="21"/>
        <source>Creates a territory workspace: a GeoPackage holding companies, flows, synergies and their history, link reviews, the resource nomenclature (the European List of Waste and the plugin&apos;s own codes) and NAF activities, with styles, forms, relations and a QGIS project stored inside it, so it opens in plain QGIS too. An existing file is kept unless OVERWRITE is true.</source>
        <translation>Crée l'espace de travail d'un territoire : un GeoPackage qui contient les entreprises, les flux, les synergies et leur historique, les décisions sur les liens, la nomenclature des ressources (la Liste européenne des déchets et les codes propres à l'extension) et les activités NAF, avec les styles, les formulaires, les relations et un projet QGIS stockés à l'intérieur, de sorte qu'il s'ouvre aussi dans QGIS sans l'extension. Un fichier existant est conservé, sauf si OVERWRITE est vrai.</translation>
    </message>
    <message>
        <location filename="../../processing/import_areas.py" line="25"/>
        <source>Import areas (communes, zones, territory)</source>
        <translation>Importer des périmètres (communes, zones, territoire)</translation>
    </message>
    <message>
        <location filename="../../processing/import_flows.py" line="29"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="28"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="101"/>
        <source>Import companies</source>
        <translation>Importer des entreprises</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="155"/>
        <source>Companies imported</source>
        <translation>Entreprises importées</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="155"/>
        <source>Companies updated</source>
        <translation>Entreprises mises à jour</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="155"/>
        <source>Rows skipped</source>
        <translation>Lignes ignorées</translation>
    </message>
    <message>
        <location filename="../../processing/import_flows.py" line="61"/>
        <source>Rows rejected</source>
        <translation>Lignes rejetées</translation>
    </message>
    <message>
        <location filename="../../processing/import_flows.py" line="28"/>
        <source>Import flows</source>
        <translation>Importer des flux</translation>
    </message>
    <message>
        <location filename="../../processing/import_flows.py" line="61"/>
        <source>Flows imported</source>
        <translation>Flux importés</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="23"/>
        <source>PDF (*.pdf);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;Image PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="24"/>
        <source>QGIS layout template (*.qpt)</source>
        <translation>Modèle de mise en page QGIS (*.qpt)</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="29"/>
        <source>Print territory map</source>
        <translation>Imprimer la carte du territoire</translation>
    </message>
    <message>
        <location filename="../../processing/report.py" line="23"/>
        <source>Maps</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <location filename="../../processing/upgrade_workspace.py" line="13"/>
        <source>Upgrade workspace</source>
        <translation>Mettre à niveau un espace de travail</translation>
    </message>
    <message>
        <location filename="../../processing/upgrade_workspace.py" line="16"/>
        <source>Migrates the schema of WORKSPACE (a GeoPackage path or a team workspace reference) to this plugin&apos;s version, in one transaction: on any failure the workspace stays as it was. A GeoPackage gets a backup copy first. A team workspace is never upgraded when it is opened: its administrator runs this algorithm once, after every advisor has closed it, with CONFIRM set to true.</source>
        <translation>Migre le schéma de WORKSPACE (le chemin d'un GeoPackage ou la référence d'un espace de travail d'équipe) vers la version de cette extension, en une seule transaction : en cas d'échec, l'espace de travail reste tel qu'il était. Un GeoPackage est d'abord sauvegardé dans une copie. Un espace de travail d'équipe n'est jamais mis à niveau à son ouverture : son administrateur lance cet algorithme une fois, après que tous les conseillers l'ont fermé, avec CONFIRM à vrai.</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="74"/>
        <source>Value-chain analysis</source>
        <translation>Analyse des chaînes de valeur</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="119"/>
        <source>Missing links</source>
        <translation>Chaînons manquants</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="120"/>
        <source>Finds the gaps in the territory&apos;s value chains: each active flow with no compatible counterpart of another company within MAX_DISTANCE km, an offer nobody nearby needs (orphan_offer) or a need nobody nearby supplies (unmet_need), at the company&apos;s location, with the distance to the nearest counterpart beyond the radius (nearest_km). MATCH_LEVEL code pairs the same resource code, subchapter the same List of Waste sub-chapter (or the plugin&apos;s grouping). Flows in a live synergy count as covered; archived flows and flows more restricted than MAX_CONFIDENTIALITY are left out. BALANCE sums per resource what the territory offers and needs, in one unit per family where units convert, and flags the resources needed with no local offer and offered with no local need. The workspace&apos;s missing_links, resource_balance and metabolism tables are replaced.</source>
        <translation>Repère les lacunes des chaînes de valeur du territoire : chaque flux actif sans contrepartie compatible d'une autre entreprise à moins de MAX_DISTANCE km, soit une offre dont personne n'a besoin à proximité (orphan_offer), soit un besoin que personne ne fournit à proximité (unmet_need), placé à l'emplacement de l'entreprise, avec la distance à la contrepartie la plus proche au-delà du rayon (nearest_km). Avec MATCH_LEVEL à code, les flux sont appariés sur le même code de ressource ; à subchapter, sur le même sous-chapitre de la Liste européenne des déchets (ou le regroupement propre à l'extension). Les flux engagés dans une synergie en cours comptent comme couverts ; les flux archivés et ceux plus restreints que MAX_CONFIDENTIALITY sont exclus. BALANCE totalise par ressource ce que le territoire offre et ce dont il a besoin, dans une seule unité par famille lorsque les unités se convertissent, et signale les ressources demandées sans offre locale et offertes sans besoin local. Les tables missing_links, resource_balance et metabolism de l'espace de travail sont remplacées.</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="188"/>
        <source>Possible links</source>
        <translation>Liens possibles</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="189"/>
        <source>Proposes links for the advisor to triage: an offer and a need of compatible resources (MATCH_LEVEL code: same code; subchapter: same sub-chapter) of two different companies within MAX_DISTANCE km. Each need keeps its MAX_PER_FLOW nearest offers and each offer its nearest needs; the output is the union of both lists, ties at equal distance going to the smaller flow uid. Each line, from the offering company to the company in need, carries the distance, the share of the need the offer covers (when units convert) and the reason in a sentence. Pairs already linked by a live synergy or rejected in link_reviews are never proposed again. No synergy is created. The workspace&apos;s possible_links table is replaced.</source>
        <translation>Propose des liens que le conseiller trie : une offre et un besoin de ressources compatibles (MATCH_LEVEL code : même code ; subchapter : même sous-chapitre) de deux entreprises différentes à moins de MAX_DISTANCE km. Chaque besoin garde ses MAX_PER_FLOW offres les plus proches et chaque offre ses besoins les plus proches ; la sortie est l'union des deux listes, les égalités de distance étant départagées en faveur du plus petit uid de flux. Chaque ligne, de l'entreprise qui offre à celle qui a le besoin, porte la distance, la part du besoin couverte par l'offre (lorsque les unités se convertissent) et la raison en une phrase. Les paires déjà reliées par une synergie en cours ou rejetées dans link_reviews ne sont plus jamais proposées. Aucune synergie n'est créée. La table possible_links de l'espace de travail est remplacée.</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="40"/>
        <source>Canceled: nothing was written to the workspace.</source>
        <translation>Annulé : rien n'a été écrit dans l'espace de travail.</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="49"/>
        <source>The import failed and nothing was written to the workspace: {error}</source>
        <translation>L'import a échoué et rien n'a été écrit dans l'espace de travail : {error}</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="58"/>
        <source>… and {count} more rows: see the rejects file.</source>
        <translation>… et {count} lignes de plus : voir le fichier des rejets.</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="60"/>
        <source>{imported} imported, {updated} updated, {skipped} skipped, {rejected} rejected. Rows not imported are listed in {path}</source>
        <translation>{imported} importées, {updated} mises à jour, {skipped} ignorées, {rejected} rejetées. Les lignes non importées figurent dans {path}</translation>
    </message>
    <message>
        <location filename="../../processing/params.py" line="27"/>
        <source>Workspace (path of the workspace GeoPackage, or postgres:connection=NAME;schema=SCHEMA)</source>
        <translation>Espace de travail (chemin du GeoPackage de l'espace de travail, ou postgres:connection=NOM;schema=SCHÉMA)</translation>
    </message>
    <message>
        <location filename="../../processing/params.py" line="40"/>
        <source>Give the workspace: the path of its GeoPackage.</source>
        <translation>Indiquez l'espace de travail : le chemin de son GeoPackage.</translation>
    </message>
    <message>
        <location filename="../../processing/params.py" line="63"/>
        <source>One of: {words}</source>
        <translation>L'un de : {words}</translation>
    </message>
    <message>
        <location filename="../../processing/params.py" line="83"/>
        <source>{name}: &apos;{value}&apos; is not accepted; use one of: {words}.</source>
        <translation>{name} : « {value} » n'est pas accepté ; utilisez l'un de : {words}.</translation>
    </message>
    <message>
        <location filename="../../processing/print_map.py" line="32"/>
        <source>Prints a map of the territory to a PDF or PNG file (OUTPUT): its synergies, its missing links or its metabolism (THEME), on A4 or A3 paper (PAPER, ORIENTATION), with a legend of what the page shows and its counts, a scale bar, a north arrow, the title (TITLE), the territory&apos;s name and the date, the data sources, the workspace&apos;s last update and a confidentiality mention. Flows and synergies more restricted than MAX_CONFIDENTIALITY are left out of every layer the map draws and of the legend&apos;s counts; contact names, e-mails and phones are never printed. ATLAS prints one page per commune or business zone that has companies (their boundaries from the areas layer, else the extent of their companies), or one page per resource family (family: the families with missing links, synergies or flows, each page drawing only its family&apos;s marks). On the whole territory, missing links are counted per commune (else business zone, else hexagon) and possible links drawn as flows between them. BACKGROUND: areas (the areas&apos; outlines and names), osm or planign (OpenStreetMap&apos;s or IGN&apos;s web tiles under them, credited on the page; printed without tiles when their server cannot be reached) or none. TEMPLATE: a .qpt layout whose items have the ids map, legend, title, subtitle, scalebar, north_arrow, sources and confidentiality (start from the plugin&apos;s resources/layouts/territory_map.qpt); its page size is kept. The missing-links map uses the workspace&apos;s latest value-chain analysis and runs it first when there is none or it is older than the data. The layout, and its layers filtered for the level, are saved in the workspace&apos;s project under Printed maps, to reprint or adjust from QGIS&apos;s layout designer.</source>
        <translation>Imprime une carte du territoire dans un fichier PDF ou PNG (OUTPUT) : ses synergies, ses chaînons manquants ou son métabolisme (THEME), sur papier A4 ou A3 (PAPER, ORIENTATION), avec une légende de ce que montre la page et ses décomptes, une barre d'échelle, une flèche du nord, le titre (TITLE), le nom du territoire et la date, les sources des données, la dernière mise à jour de l'espace de travail et une mention de confidentialité. Les flux et les synergies plus restreints que MAX_CONFIDENTIALITY sont exclus de toutes les couches dessinées et des décomptes de la légende ; les noms, courriels et téléphones des contacts ne sont jamais imprimés. ATLAS imprime une page par commune ou zone d'activités comptant des entreprises (ses limites d'après la couche des périmètres, sinon l'emprise de ses entreprises), ou une page par famille de ressource (family : les familles ayant des chaînons manquants, des synergies ou des flux, chaque page ne dessinant que les marques de sa famille). Sur l'ensemble du territoire, les chaînons manquants sont comptés par commune (sinon par zone d'activités, sinon par hexagone) et les liens possibles dessinés comme des flux entre elles. BACKGROUND : areas (contours et noms des périmètres), osm ou planign (tuiles web d'OpenStreetMap ou de l'IGN sous ceux-ci, créditées sur la page ; imprimée sans tuiles quand leur serveur est injoignable) ou none. TEMPLATE : une mise en page .qpt dont les éléments ont les identifiants map, legend, title, subtitle, scalebar, north_arrow, sources et confidentiality (partez du fichier resources/layouts/territory_map.qpt de l'extension) ; son format de page est conservé. La carte des chaînons manquants utilise la dernière analyse des chaînes de valeur de l'espace de travail et la lance d'abord s'il n'y en a pas ou si elle est plus ancienne que les données. La mise en page et ses couches filtrées pour le niveau sont enregistrées dans le projet de l'espace de travail, sous Cartes imprimées, pour être réimprimées ou ajustées depuis le concepteur de mise en page de QGIS.</translation>
    </message>
    <message>
        <location filename="../../processing/create_demo.py" line="21"/>
        <source>Creates a demo workspace around Dunkirk (Nord, France): 160 invented companies in real communes with their NAF activities, over 400 offers and needs covering every resource family, and synergies at every status with their history. Its dates hang on a reference day, today unless REFERENCE_DATE says otherwise: a few next actions are overdue, most are upcoming, and the history covers the two years before. The same SEED and reference day always give the same territory.</source>
        <translation>Crée un espace de travail de démonstration autour de Dunkerque (Nord, France) : 160 entreprises inventées dans des communes réelles avec leur activité NAF, plus de 400 offres et besoins couvrant toutes les familles de ressources, et des synergies à tous les statuts avec leur historique. Ses dates dépendent d'un jour de référence, aujourd'hui sauf si REFERENCE_DATE en indique un autre : quelques prochaines actions sont en retard, la plupart sont à venir, et l'historique couvre les deux années précédentes. La même graine (SEED) et le même jour de référence donnent toujours le même territoire.</translation>
    </message>
    <message>
        <location filename="../../processing/export_partners.py" line="13"/>
        <source>GeoPackage (*.gpkg);;Excel workbook (*.xlsx);;All files (*)</source>
        <translation>GeoPackage (*.gpkg);;Classeur Excel (*.xlsx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../processing/export_partners.py" line="26"/>
        <source>Export for partners</source>
        <translation>Export pour les partenaires</translation>
    </message>
    <message>
        <location filename="../../processing/export_webmap.py" line="17"/>
        <source>Sharing</source>
        <translation>Partage</translation>
    </message>
    <message>
        <location filename="../../processing/export_partners.py" line="29"/>
        <source>Exports what partners may receive: the active flows of active companies and the synergies (not abandoned) at MAX_CONFIDENTIALITY or a less restricted level, their participants, and the companies that have such a flow or synergy. Only these columns leave: companies (uid, siret, name, naf_code, activity, headcount_band, commune, commune_code, zone, the point), flows (uid, company_uid, direction, family, resource_code, resource, label, quantity, unit, availability, hazardous, priority, confidentiality, last_verified), synergies (uid, kind, title, resource_code, resource, status, quantity, unit, diverted_t_per_year, co2e_avoided_t_per_year, distance_km, confidentiality, the line) and synergy_participants (synergy_uid, company_uid, flow_uid, role). Contacts, logins, notes, addresses, costs, savings, next actions and the history never leave. FORMAT gpkg: a GeoPackage that opens styled in plain QGIS (project “partners” stored inside, read-only forms, relations, metadata); xlsx: a workbook with one sheet per table, points as longitude and latitude (WGS 84); csv: one file per table in the OUTPUT folder (UTF-8, “;”, decimal commas). Each carries a readme: source, date, level, licence (LICENCE) and issuing organisation (ORGANISATION, by default the workspace's name). The files are written whole or not at all.</source>
        <translation>Exporte ce que les partenaires peuvent recevoir : les flux actifs des entreprises actives et les synergies (non abandonnées) au niveau MAX_CONFIDENTIALITY ou à un niveau moins restreint, leurs participants, et les entreprises qui ont un tel flux ou une telle synergie. Seules ces colonnes sortent : entreprises (uid, siret, name, naf_code, activity, headcount_band, commune, commune_code, zone, le point), flux (uid, company_uid, direction, family, resource_code, resource, label, quantity, unit, availability, hazardous, priority, confidentiality, last_verified), synergies (uid, kind, title, resource_code, resource, status, quantity, unit, diverted_t_per_year, co2e_avoided_t_per_year, distance_km, confidentiality, la ligne) et synergy_participants (synergy_uid, company_uid, flow_uid, role). Les contacts, identifiants, notes, adresses, coûts, économies, prochaines actions et l'historique ne sortent jamais. FORMAT gpkg : un GeoPackage qui s'ouvre stylé dans QGIS seul (projet « partners » enregistré dedans, formulaires en lecture seule, relations, métadonnées) ; xlsx : un classeur avec une feuille par table, les points en longitude et latitude (WGS 84) ; csv : un fichier par table dans le dossier OUTPUT (UTF-8, « ; », virgules décimales). Chacun porte un readme : source, date, niveau, licence (LICENCE) et organisme émetteur (ORGANISATION, par défaut le nom de l'espace de travail). Les fichiers sont écrits entiers ou pas du tout.</translation>
    </message>
    <message>
        <location filename="../../processing/export_webmap.py" line="16"/>
        <source>Export a web map for partners</source>
        <translation>Exporter une carte web pour les partenaires</translation>
    </message>
    <message>
        <location filename="../../processing/export_webmap.py" line="19"/>
        <source>Writes a self-contained static web map into the OUTPUT folder: index.html opens from the file system or from any static host. It shows the synergies by status, the offers and needs by family with a filter, a search by company or resource, a popup per company, the legend, the date, the licence (LICENCE) and the issuing organisation (ORGANISATION), under TITLE, in the plugin&apos;s language. Only what partners may receive at MAX_CONFIDENTIALITY (public by default) is written, as for territorialflux:exportpartners: never personal data. The data is in data.js and, in WGS 84, in companies.geojson, flows.geojson and synergies.geojson. The page uses Leaflet, shipped with it: it makes no request to any server unless BACKGROUND is osm (OpenStreetMap&apos;s tiles).</source>
        <translation>Écrit une carte web statique autonome dans le dossier OUTPUT : index.html s'ouvre depuis le système de fichiers ou depuis n'importe quel hébergement statique. Elle montre les synergies par statut, les offres et besoins par famille avec un filtre, une recherche par entreprise ou ressource, une fenêtre par entreprise, la légende, la date, la licence (LICENCE) et l'organisme émetteur (ORGANISATION), sous le titre TITLE, dans la langue de l'extension. Seul ce que les partenaires peuvent recevoir au niveau MAX_CONFIDENTIALITY (public par défaut) est écrit, comme pour territorialflux:exportpartners : jamais de données personnelles. Les données sont dans data.js et, en WGS 84, dans companies.geojson, flows.geojson et synergies.geojson. La page utilise Leaflet, livré avec elle : elle n'envoie aucune requête à aucun serveur sauf si BACKGROUND vaut osm (les tuiles d'OpenStreetMap).</translation>
    </message>
    <message>
        <location filename="../../processing/import_areas.py" line="19"/>
        <source>Polygons (*.shp *.gpkg *.geojson *.json *.fgb *.kml *.gml *.zip);;All files (*)</source>
        <translation>Polygones (*.shp *.gpkg *.geojson *.json *.fgb *.kml *.gml *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../processing/import_areas.py" line="28"/>
        <source>Loads boundaries into the workspace&apos;s areas layer: commune boundaries (such as IGN&apos;s ADMIN EXPRESS shapefile, zipped or not), business-zone perimeters or the territory&apos;s outline (KIND). A file with several polygon layers is refused with their names: give one as path|layername=name. NAME_FIELD is the column holding each area&apos;s name, CODE_FIELD (optional) its code (the INSEE code of a commune, checked). Polygons are reprojected into the workspace&apos;s CRS; a source that does not say its CRS is refused unless SOURCE_CRS is given. An area the workspace already has (same kind and code, or same name without code) is skipped. Everything is written in one transaction: a failure or a cancel leaves the workspace as it was. Every row not imported is listed with its reason in REJECTS. Printed maps draw the areas as their background, label the communes and use communes or zones as the pages of an atlas.</source>
        <translation>Charge des limites dans la couche des périmètres (areas) de l'espace de travail : limites communales (comme le shapefile ADMIN EXPRESS de l'IGN, zippé ou non), périmètres de zones d'activités ou contour du territoire (KIND). Un fichier contenant plusieurs couches de polygones est refusé avec leurs noms : indiquez-en une par chemin|layername=nom. NAME_FIELD est la colonne qui contient le nom de chaque périmètre, CODE_FIELD (facultatif) son code (le code INSEE d'une commune, vérifié). Les polygones sont reprojetés dans le SCR de l'espace de travail ; une source qui n'indique pas son SCR est refusée, sauf si SOURCE_CRS est renseigné. Un périmètre déjà présent dans l'espace de travail (même type et même code, ou même nom sans code) est ignoré. Tout est écrit en une seule transaction : un échec ou une annulation laisse l'espace de travail tel qu'il était. Chaque ligne non importée figure avec son motif dans REJECTS. Les cartes imprimées dessinent les périmètres en arrière-plan, étiquettent les communes et utilisent les communes ou les zones comme pages d'un atlas.</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="26"/>
        <source>Partner data (*.shp *.gpkg *.geojson *.json *.csv *.txt *.xlsx *.ods *.dbf *.zip);;All files (*)</source>
        <translation>Données partenaires (*.shp *.gpkg *.geojson *.json *.csv *.txt *.xlsx *.ods *.dbf *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../processing/import_companies.py" line="104"/>
        <source>Imports companies into the workspace from any vector source: a shapefile, a GeoPackage layer (path|layername=name), GeoJSON, a CSV, UTF-16 text or XLSX/ODS sheet with x/y or longitude/latitude columns, a ZIP archive of any of them, or SIRENE&apos;s establishment file. A file with several tables that could be imported is refused with their names: give one as path|layername=name. Polygons place the company at a point on their surface. Columns are recognised from SIRENE&apos;s official names and common French names; FIELD_MAPPING overrides them as field=column pairs separated by &apos;;&apos; (fields: {fields}). Points are reprojected into the workspace&apos;s CRS; a source that does not say its CRS is refused unless SOURCE_CRS is given, except SIRENE&apos;s Lambert coordinates, whose CRS follows from each row&apos;s commune code (NOTES says so). LEGAL_UNITS (SIRENE&apos;s StockUniteLegale) supplies the names the establishment file lacks. A SIRET already in the workspace is skipped or updated (ON_DUPLICATE); an update never erases a value with an empty one. Everything is written in one transaction: a failure or a cancel leaves the workspace as it was. Every row not imported is listed with its reason in REJECTS.</source>
        <translation>Importe des entreprises dans l'espace de travail depuis toute source vectorielle : un shapefile, une couche de GeoPackage (chemin|layername=nom), du GeoJSON, une feuille CSV, texte UTF-16 ou XLSX/ODS avec des colonnes x/y ou longitude/latitude, une archive ZIP de l'un d'eux, ou le fichier des établissements de SIRENE. Un fichier contenant plusieurs tables importables est refusé avec leurs noms : indiquez-en une par chemin|layername=nom. Les polygones placent l'entreprise en un point de leur surface. Les colonnes sont reconnues d'après les noms officiels de SIRENE et les noms français courants ; FIELD_MAPPING les remplace par des paires champ=colonne séparées par « ; » (champs : {fields}). Les points sont reprojetés dans le SCR de l'espace de travail ; une source qui ne dit pas son SCR est refusée sauf si SOURCE_CRS est donné, à l'exception des coordonnées Lambert de SIRENE, dont le SCR découle du code commune de chaque ligne (NOTES le signale). LEGAL_UNITS (StockUniteLegale de SIRENE) fournit les noms qui manquent au fichier des établissements. Un SIRET déjà présent dans l'espace de travail est ignoré ou mis à jour (ON_DUPLICATE) ; une mise à jour n'efface jamais une valeur par une valeur vide. Tout est écrit en une transaction : un échec ou une annulation laisse l'espace de travail tel qu'il était. Chaque ligne non importée est listée avec sa raison dans REJECTS.</translation>
    </message>
    <message>
        <location filename="../../processing/import_flows.py" line="23"/>
        <source>Spreadsheets and CSV (*.xlsx *.ods *.csv *.txt *.zip);;All files (*)</source>
        <translation>Tableurs et CSV (*.xlsx *.ods *.csv *.txt *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../processing/import_flows.py" line="31"/>
        <source>Imports offers and needs from a CSV or a spreadsheet such as the plugin's template (Territorial Flux → Save the flows template…), or a ZIP archive of one; when several sheets hold flows, give one as path|layername=sheet. Headers are recognised in English and French, in any case and with or without accents: company/entreprise, siret, direction/sens (offer/need, offre/besoin), resource/ressource (a code or words of the nomenclature), quantity/quantité (1 200, 12,5 or 12 t; 1,200 reads as the column's other numbers say, else as the interface's language: 1.2 in French, 1200 in English), unit/unité, confidentiality/confidentialité, priority/priorité, comment/commentaire. Companies are found by SIRET, else by name. A resource word is taken when it names one resource without doubt (a word the workspace learned, the vocabulary, a label); rows whose word still names several go to REJECTS with their candidates. WORDS settles such words (word=code; …): they are used for this file and remembered by the workspace, in the same transaction as the flows. All rows are written in one transaction; rows not imported are listed with their reason in REJECTS.</source>
        <translation>Importe des offres et des besoins depuis un CSV ou un tableur comme le modèle de l'extension (Territorial Flux → Enregistrer le modèle de flux…), ou une archive ZIP de l'un d'eux ; quand plusieurs feuilles contiennent des flux, indiquez-en une par chemin|layername=feuille. Les en-têtes sont reconnus en anglais et en français, en majuscules ou minuscules, avec ou sans accents : company/entreprise, siret, direction/sens (offer/need, offre/besoin), resource/ressource (un code ou des mots de la nomenclature), quantity/quantité (1 200, 12,5 ou 12 t ; 1,200 se lit comme le disent les autres nombres de la colonne, sinon selon la langue de l'interface : 1,2 en français, 1200 en anglais), unit/unité, confidentiality/confidentialité, priority/priorité, comment/commentaire. Les entreprises sont trouvées par SIRET, sinon par nom. Un mot de ressource est retenu quand il désigne une ressource sans doute possible (un mot appris par l'espace de travail, le vocabulaire, un libellé) ; les lignes dont le mot en désigne encore plusieurs vont dans REJECTS avec leurs candidates. WORDS précise ces mots (mot=code ; …) : ils servent pour ce fichier et sont retenus par l'espace de travail, dans la même transaction que les flux. Toutes les lignes sont écrites en une transaction ; les lignes non importées sont listées avec leur raison dans REJECTS.</translation>
    </message>
    <message>
        <location filename="../../processing/report.py" line="17"/>
        <source>PDF (*.pdf);;Spreadsheet (*.xlsx);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;Classeur (*.xlsx);;Page web (*.html)</translation>
    </message>
    <message>
        <location filename="../../processing/report.py" line="22"/>
        <source>Territory report</source>
        <translation>Rapport du territoire</translation>
    </message>
    <message>
        <location filename="../../processing/report.py" line="25"/>
        <source>Writes the territory&apos;s report for a period (FROM and TO, ISO dates, both included; by default from 1 January of this year to today): companies, flows by direction and family, synergies per status as of TO (from their history), synergies created and that began operating in the period, tonnes diverted, savings, CO2e avoided and kilometres of operating synergies, possible links promoted and rejected. OUTPUT&apos;s extension chooses the form: .xlsx (sheets indicators, synergies and, inside the organisation, contributors), .html (one self-contained page) or .pdf (a QGIS layout of seven pages with the charts, the metabolism as a Sankey in flows and in tonnes, and the synergies map; it is saved in the workspace&apos;s project). Only flows and synergies at MAX_CONFIDENTIALITY or a less restricted level are counted; at partners and public the report carries no advisor&apos;s name and no savings. Avoided emissions left empty are estimated from the workspace&apos;s emission factors and marked as estimated.</source>
        <translation>Écrit le rapport du territoire pour une période (FROM et TO, dates ISO, toutes deux comprises ; par défaut du 1er janvier de cette année à aujourd'hui) : entreprises, flux par sens et par famille, synergies par étape à la date TO (d'après leur historique), synergies créées et mises en service dans la période, tonnes détournées, économies, CO2e évité et kilomètres des synergies en service, liens possibles promus et rejetés. L'extension de OUTPUT choisit la forme : .xlsx (feuilles indicators, synergies et, au sein de l'organisation, contributors), .html (une seule page autonome) ou .pdf (une mise en page QGIS de sept pages avec les graphiques, le métabolisme en diagramme de Sankey en flux et en tonnes, et la carte des synergies ; elle est enregistrée dans le projet de l'espace de travail). Seuls les flux et synergies de niveau MAX_CONFIDENTIALITY ou moins restreint sont comptés ; aux niveaux partners et public, le rapport ne porte aucun nom de conseiller ni aucune économie. Les émissions évitées laissées vides sont estimées avec les facteurs d'émission de l'espace de travail et marquées comme estimées.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../reporting/labels.py" line="12"/>
        <source>Companies</source>
        <translation>Entreprises</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="13"/>
        <source>Companies verified in the period</source>
        <translation>Entreprises vérifiées dans la période</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="14"/>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="15"/>
        <source>Needs</source>
        <translation>Besoins</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="16"/>
        <source>Synergies created in the period</source>
        <translation>Synergies créées dans la période</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="17"/>
        <source>Synergies that began operating in the period</source>
        <translation>Synergies mises en service dans la période</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="18"/>
        <source>Tonnes diverted (operating synergies)</source>
        <translation>Tonnes détournées (synergies en service)</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="19"/>
        <source>Savings (operating synergies)</source>
        <translation>Économies (synergies en service)</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="20"/>
        <source>Emissions avoided (operating synergies)</source>
        <translation>Émissions évitées (synergies en service)</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="21"/>
        <source>Distance covered (operating synergies)</source>
        <translation>Distance parcourue (synergies en service)</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="22"/>
        <source>Possible links promoted to synergies</source>
        <translation>Liens possibles promus en synergies</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="23"/>
        <source>Possible links rejected</source>
        <translation>Liens possibles rejetés</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="24"/>
        <source>Possible links reviewed</source>
        <translation>Liens possibles examinés</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="25"/>
        <source>Promoted links now operating</source>
        <translation>Liens promus aujourd’hui en service</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="27"/>
        <source>Flows: {family}</source>
        <translation>Flux : {family}</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="28"/>
        <source>Synergies: {status}</source>
        <translation>Synergies : {status}</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="31"/>
        <source>t/yr</source>
        <translation>t/an</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="32"/>
        <source>EUR/yr</source>
        <translation>€/an</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="33"/>
        <source>t CO2e/yr</source>
        <translation>t CO2e/an</translation>
    </message>
    <message>
        <location filename="../../reporting/labels.py" line="34"/>
        <source>km</source>
        <translation>km</translation>
    </message>
</context>
<context>
    <name>ReportAlgorithm</name>
    <message>
        <location filename="../../processing/report.py" line="53"/>
        <source>From (YYYY-MM-DD; default: 1 January of this year)</source>
        <translation>Du (AAAA-MM-JJ ; par défaut : 1er janvier de cette année)</translation>
    </message>
    <message>
        <location filename="../../processing/report.py" line="55"/>
        <source>To (YYYY-MM-DD; default: today)</source>
        <translation>Au (AAAA-MM-JJ ; par défaut : aujourd'hui)</translation>
    </message>
    <message>
        <location filename="../../processing/report.py" line="57"/>
        <source>Most restricted confidentiality level the audience may see</source>
        <translation>Niveau de confidentialité le plus restreint que le public peut voir</translation>
    </message>
    <message>
        <location filename="../../processing/report.py" line="60"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../processing/report.py" line="62"/>
        <source>Layout saved in the workspace&apos;s project</source>
        <translation>Mise en page enregistrée dans le projet de l'espace de travail</translation>
    </message>
    <message>
        <location filename="../../processing/report.py" line="63"/>
        <source>Whether the charts were drawn</source>
        <translation>Si les graphiques ont été dessinés</translation>
    </message>
    <message>
        <location filename="../../processing/report.py" line="73"/>
        <source>Report written to {path}.</source>
        <translation>Rapport écrit dans {path}.</translation>
    </message>
    <message>
        <location filename="../../processing/report.py" line="75"/>
        <source>Layout “{layout}” saved in the workspace's project.</source>
        <translation>Mise en page « {layout} » enregistrée dans le projet de l'espace de travail.</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <location filename="../../storage/schema.py" line="77"/>
        <source>Choose one of the listed values.</source>
        <translation>Choisissez l'une des valeurs proposées.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="82"/>
        <source>Must be a number, zero or more.</source>
        <translation>Doit être un nombre positif ou nul.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="86"/>
        <source>Must not be empty.</source>
        <translation>Ne doit pas être vide.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="94"/>
        <source>Must be a lowercase UUID without braces.</source>
        <translation>Doit être un UUID en minuscules, sans accolades.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="98"/>
        <source>A NAF code is written like 10.71C.</source>
        <translation>Un code NAF s'écrit comme 10.71C.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="103"/>
        <source>An INSEE commune code has 5 characters, like 59183 or 2A004.</source>
        <translation>Un code commune INSEE a 5 caractères, comme 59183 ou 2A004.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="108"/>
        <source>A postcode has 5 digits.</source>
        <translation>Un code postal a 5 chiffres.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="111"/>
        <source>Enter an e-mail address like name@example.fr.</source>
        <translation>Saisissez une adresse électronique comme nom@exemple.fr.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="114"/>
        <source>Enter a date.</source>
        <translation>Saisissez une date.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="145"/>
        <source>A SIRET has 14 digits and a valid check digit.</source>
        <translation>Un SIRET a 14 chiffres et une clé de contrôle valide.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="229"/>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="235"/>
        <source>Created at</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="237"/>
        <source>Updated at</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="241"/>
        <source>Updated by</source>
        <translation>Modifié par</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="456"/>
        <source>Row version</source>
        <translation>Version de la ligne</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="258"/>
        <source>This unit does not fit the resource family.</source>
        <translation>Cette unité ne convient pas à la famille de ressource.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="264"/>
        <source>An abandoned synergy needs a reason.</source>
        <translation>Une synergie abandonnée doit avoir un motif.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="268"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="270"/>
        <source>Workspace information</source>
        <translation>Informations de l'espace de travail</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="270"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="270"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="275"/>
        <source>Resource nomenclature</source>
        <translation>Nomenclature des ressources</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="403"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="275"/>
        <source>Parent code</source>
        <translation>Code parent</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="275"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="275"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="319"/>
        <source>Hazardous</source>
        <translation>Dangereux</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="288"/>
        <source>Label (English)</source>
        <translation>Libellé (anglais)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="288"/>
        <source>Label (French)</source>
        <translation>Libellé (français)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="288"/>
        <source>Code and label (English)</source>
        <translation>Code et libellé (anglais)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="288"/>
        <source>Code and label (French)</source>
        <translation>Code et libellé (français)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="288"/>
        <source>NAF activities</source>
        <translation>Activités NAF</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="296"/>
        <source>Companies</source>
        <translation>Entreprises</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="296"/>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="403"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="296"/>
        <source>Activity (NAF)</source>
        <translation>Activité (NAF)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="296"/>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="296"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="296"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="296"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="296"/>
        <source>Commune code (INSEE)</source>
        <translation>Code commune (INSEE)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="296"/>
        <source>Business zone</source>
        <translation>Zone d'activités</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="296"/>
        <source>Contact name</source>
        <translation>Nom du contact</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="296"/>
        <source>Contact e-mail</source>
        <translation>Courriel du contact</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="296"/>
        <source>Contact phone</source>
        <translation>Téléphone du contact</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="346"/>
        <source>Advisor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="346"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="440"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="346"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="319"/>
        <source>Last verified</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="522"/>
        <source>Flows</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="522"/>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="319"/>
        <source>Offer or need</source>
        <translation>Offre ou besoin</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="508"/>
        <source>Resource family</source>
        <translation>Famille de ressource</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="508"/>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="474"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="508"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="319"/>
        <source>Availability</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="319"/>
        <source>Current route</source>
        <translation>Filière actuelle</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="319"/>
        <source>Current cost (EUR/yr)</source>
        <translation>Coût actuel (€/an)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="319"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Confidentiality</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="346"/>
        <source>Synergies</source>
        <translation>Synergies</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="474"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="346"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="346"/>
        <source>Reason for abandoning</source>
        <translation>Motif d'abandon</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="346"/>
        <source>Diverted (t/yr)</source>
        <translation>Détourné (t/an)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="346"/>
        <source>Savings (EUR/yr)</source>
        <translation>Économies (€/an)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="346"/>
        <source>Avoided emissions (t CO2e/yr)</source>
        <translation>Émissions évitées (t CO2e/an)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Distance (km)</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="346"/>
        <source>Next action</source>
        <translation>Prochaine action</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="346"/>
        <source>Next action date</source>
        <translation>Date de la prochaine action</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="371"/>
        <source>Synergy participants</source>
        <translation>Participants aux synergies</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="380"/>
        <source>Synergy</source>
        <translation>Synergie</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="474"/>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="522"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="380"/>
        <source>Synergy history</source>
        <translation>Historique des synergies</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="456"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="456"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="380"/>
        <source>From status</source>
        <translation>Statut de départ</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="380"/>
        <source>To status</source>
        <translation>Statut d'arrivée</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="380"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="392"/>
        <source>Link reviews</source>
        <translation>Avis sur les liens</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="392"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="403"/>
        <source>Areas</source>
        <translation>Périmètres</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="456"/>
        <source>Change history</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="456"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="456"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="456"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="456"/>
        <source>Old values</source>
        <translation>Anciennes valeurs</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="456"/>
        <source>New values</source>
        <translation>Nouvelles valeurs</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="474"/>
        <source>Missing links</source>
        <translation>Chaînons manquants</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="522"/>
        <source>Company name</source>
        <translation>Nom de l'entreprise</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="474"/>
        <source>Nearest counterpart beyond the distance (km)</source>
        <translation>Contrepartie la plus proche au-delà de la distance (km)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Possible links</source>
        <translation>Liens possibles</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Receiver</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Resource needed</source>
        <translation>Ressource recherchée</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Share of the need covered</source>
        <translation>Part du besoin couverte</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Quantity offered</source>
        <translation>Quantité offerte</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Unit offered</source>
        <translation>Unité offerte</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Quantity needed</source>
        <translation>Quantité recherchée</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="489"/>
        <source>Unit needed</source>
        <translation>Unité recherchée</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="508"/>
        <source>Resource balance</source>
        <translation>Bilan des ressources</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="508"/>
        <source>Offered</source>
        <translation>Offert</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="508"/>
        <source>Needed</source>
        <translation>Recherché</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="508"/>
        <source>Companies offering</source>
        <translation>Entreprises qui offrent</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="508"/>
        <source>Companies in need</source>
        <translation>Entreprises qui recherchent</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="522"/>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="522"/>
        <source>Needs</source>
        <translation>Besoins</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="508"/>
        <source>Flows in other units (not summed)</source>
        <translation>Flux dans d'autres unités (non additionnés)</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="508"/>
        <source>Value-chain gap</source>
        <translation>Manque dans la chaîne de valeur</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="522"/>
        <source>Metabolism</source>
        <translation>Métabolisme</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="522"/>
        <source>Main resource family</source>
        <translation>Famille de ressource principale</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="522"/>
        <source>Resource families</source>
        <translation>Familles de ressources</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="413"/>
        <source>Learned words</source>
        <translation>Mots appris</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="413"/>
        <source>Word</source>
        <translation>Mot</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="427"/>
        <source>A factor needs its source and the date of that source.</source>
        <translation>Un facteur a besoin de sa source et de la date de cette source.</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="433"/>
        <source>A factor applies to a resource code or to a family, not both (neither: every resource).</source>
        <translation>Un facteur s'applique à un code de ressource ou à une famille, pas aux deux (aucun des deux : toutes les ressources).</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="440"/>
        <source>Emission factors</source>
        <translation>Facteurs d'émission</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="440"/>
        <source>kg CO2e avoided per tonne diverted</source>
        <translation>kg CO2e évités par tonne détournée</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="440"/>
        <source>kg CO2e per MWh substituted</source>
        <translation>kg CO2e par MWh substitué</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="440"/>
        <source>kg CO2e per tonne-kilometre by road</source>
        <translation>kg CO2e par tonne-kilomètre par la route</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="440"/>
        <source>Date of the source</source>
        <translation>Date de la source</translation>
    </message>
    <message>
        <location filename="../../storage/schema.py" line="440"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>TerritorialFlux</name>
    <message>
        <location filename="../../project/themes.py" line="24"/>
        <source>Synergies</source>
        <translation>Synergies</translation>
    </message>
    <message>
        <location filename="../../project/themes.py" line="24"/>
        <source>Missing links</source>
        <translation>Chaînons manquants</translation>
    </message>
    <message>
        <location filename="../../project/themes.py" line="24"/>
        <source>Metabolism</source>
        <translation>Métabolisme</translation>
    </message>
</context>
<context>
    <name>UpgradeWorkspaceAlgorithm</name>
    <message>
        <location filename="../../processing/upgrade_workspace.py" line="29"/>
        <source>I confirm: every advisor has closed this workspace</source>
        <translation>Je confirme : tous les conseillers ont fermé cet espace de travail</translation>
    </message>
    <message>
        <location filename="../../processing/upgrade_workspace.py" line="31"/>
        <source>Workspace reference</source>
        <translation>Référence de l'espace de travail</translation>
    </message>
    <message>
        <location filename="../../processing/upgrade_workspace.py" line="43"/>
        <source>The workspace is already at schema version {version}.</source>
        <translation>L'espace de travail est déjà à la version de schéma {version}.</translation>
    </message>
    <message>
        <location filename="../../processing/upgrade_workspace.py" line="45"/>
        <source>Workspace upgraded from schema version {before} to {after}.</source>
        <translation>Espace de travail mis à niveau de la version de schéma {before} à la version {after}.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../domain/flows.py" line="21"/>
        <source>Choose offer or need.</source>
        <translation>Choisissez offre ou besoin.</translation>
    </message>
    <message>
        <location filename="../../domain/flows.py" line="24"/>
        <source>Choose the resource family.</source>
        <translation>Choisissez la famille de ressources.</translation>
    </message>
    <message>
        <location filename="../../domain/flows.py" line="27"/>
        <source>Choose a resource: type a code such as 15 01 01 or words such as &apos;cardboard&apos;.</source>
        <translation>Choisissez une ressource : tapez un code comme 15 01 01 ou des mots comme « carton ».</translation>
    </message>
    <message>
        <location filename="../../domain/flows.py" line="33"/>
        <source>{code} is not a resource of the nomenclature: choose one of its entries.</source>
        <translation>{code} n'est pas une ressource de la nomenclature : choisissez l'une de ses entrées.</translation>
    </message>
    <message>
        <location filename="../../domain/flows.py" line="36"/>
        <source>{code} is not a resource of the family chosen.</source>
        <translation>{code} n'est pas une ressource de la famille choisie.</translation>
    </message>
    <message>
        <location filename="../../domain/flows.py" line="46"/>
        <source>{unit} does not fit this family; use one of: {units}.</source>
        <translation>{unit} ne convient pas à cette famille ; utilisez l'une de ces unités : {units}.</translation>
    </message>
    <message>
        <location filename="../../domain/flows.py" line="50"/>
        <source>Give the unit of the quantity.</source>
        <translation>Indiquez l'unité de la quantité.</translation>
    </message>
    <message>
        <location filename="../../domain/flows.py" line="52"/>
        <source>Choose a confidentiality level.</source>
        <translation>Choisissez un niveau de confidentialité.</translation>
    </message>
    <message>
        <location filename="../../domain/flows.py" line="54"/>
        <source>Choose a priority.</source>
        <translation>Choisissez une priorité.</translation>
    </message>
    <message>
        <location filename="../../domain/flows.py" line="64"/>
        <source>A substitution goes from an offer (supplier) to a need (receiver).</source>
        <translation>Une substitution va d'une offre (fournisseur) vers un besoin (destinataire).</translation>
    </message>
    <message>
        <location filename="../../domain/flows.py" line="67"/>
        <source>The offer and the need belong to the same company: a substitution links two companies.</source>
        <translation>L'offre et le besoin appartiennent à la même entreprise : une substitution relie deux entreprises.</translation>
    </message>
    <message>
        <location filename="../../domain/importing.py" line="30"/>
        <source>{file}, row {row}: {problem}</source>
        <translation>{file}, ligne {row} : {problem}</translation>
    </message>
    <message>
        <location filename="../../domain/importing.py" line="198"/>
        <source>&apos;{part}&apos; is not a mapping: write field=column, separated by &apos;;&apos;.</source>
        <translation>« {part} » n'est pas une correspondance : écrivez champ=colonne, séparés par ';'.</translation>
    </message>
    <message>
        <location filename="../../domain/importing.py" line="203"/>
        <source>&apos;{target}&apos; is not a field that can be imported; use one of: {fields}.</source>
        <translation>« {target} » n'est pas un champ importable ; utilisez l'un de ceux-ci : {fields}.</translation>
    </message>
    <message>
        <location filename="../../domain/importing.py" line="404"/>
        <source>{file} declares the encoding &apos;{encoding}&apos;, which is unknown: set ENCODING.</source>
        <translation>{file} déclare l'encodage « {encoding} », qui est inconnu : renseignez ENCODING.</translation>
    </message>
    <message>
        <location filename="../../domain/importing.py" line="409"/>
        <source>{file} declares the encoding {encoding} but its text is not {encoding} (probably Windows-1252): set ENCODING to the right one.</source>
        <translation>{file} déclare l'encodage {encoding}, mais son texte n'est pas en {encoding} (probablement en Windows-1252) : indiquez le bon encodage dans ENCODING.</translation>
    </message>
    <message>
        <location filename="../../domain/importing.py" line="414"/>
        <source>{file} declares the encoding {encoding} but its text is UTF-8 (accents would come out wrong): set ENCODING to UTF-8.</source>
        <translation>{file} déclare l'encodage {encoding}, mais son texte est en UTF-8 (les accents seraient mal lus) : mettez ENCODING à UTF-8.</translation>
    </message>
    <message>
        <location filename="../../domain/links.py" line="67"/>
        <source>Unknown match level &apos;{value}&apos;; use one of: {words}.</source>
        <translation>Niveau de correspondance inconnu « {value} » ; utilisez l'un de ceux-ci : {words}.</translation>
    </message>
    <message>
        <location filename="../../reporting/report.py" line="70"/>
        <source>Unknown confidentiality level &apos;{value}&apos;; use one of: {words}.</source>
        <translation>Niveau de confidentialité inconnu « {value} » ; utilisez l'un de ceux-ci : {words}.</translation>
    </message>
    <message>
        <location filename="../../domain/links.py" line="73"/>
        <source>The maximum distance must be a positive number of kilometres.</source>
        <translation>La distance maximale doit être un nombre positif de kilomètres.</translation>
    </message>
    <message>
        <location filename="../../domain/links.py" line="75"/>
        <source>Keep at least one link per flow.</source>
        <translation>Conservez au moins un lien par flux.</translation>
    </message>
    <message>
        <location filename="../../domain/links.py" line="101"/>
        <source>same code {code} — {distance} km — covers {percent}% of the need</source>
        <translation>même code {code} — {distance} km — couvre {percent} % du besoin</translation>
    </message>
    <message>
        <location filename="../../domain/links.py" line="102"/>
        <source>same code {code} — {distance} km — covers all of the need</source>
        <translation>même code {code} — {distance} km — couvre tout le besoin</translation>
    </message>
    <message>
        <location filename="../../domain/links.py" line="103"/>
        <source>same code {code} — {distance} km — quantities not comparable ({offer_unit} offered, {need_unit} needed)</source>
        <translation>même code {code} — {distance} km — quantités non comparables ({offer_unit} offerts, {need_unit} demandés)</translation>
    </message>
    <message>
        <location filename="../../domain/links.py" line="105"/>
        <source>same code {code} — {distance} km — quantity not known</source>
        <translation>même code {code} — {distance} km — quantité inconnue</translation>
    </message>
    <message>
        <location filename="../../domain/links.py" line="106"/>
        <source>same sub-chapter {subchapter} ({offer_code} offered, {need_code} needed) — {distance} km — covers {percent}% of the need</source>
        <translation>même sous-chapitre {subchapter} ({offer_code} offert, {need_code} demandé) — {distance} km — couvre {percent} % du besoin</translation>
    </message>
    <message>
        <location filename="../../domain/links.py" line="109"/>
        <source>same sub-chapter {subchapter} ({offer_code} offered, {need_code} needed) — {distance} km — covers all of the need</source>
        <translation>même sous-chapitre {subchapter} ({offer_code} offert, {need_code} demandé) — {distance} km — couvre tout le besoin</translation>
    </message>
    <message>
        <location filename="../../domain/links.py" line="111"/>
        <source>same sub-chapter {subchapter} ({offer_code} offered, {need_code} needed) — {distance} km — quantities not comparable ({offer_unit} offered, {need_unit} needed)</source>
        <translation>même sous-chapitre {subchapter} ({offer_code} offert, {need_code} demandé) — {distance} km — quantités non comparables ({offer_unit} offerts, {need_unit} demandés)</translation>
    </message>
    <message>
        <location filename="../../domain/links.py" line="114"/>
        <source>same sub-chapter {subchapter} ({offer_code} offered, {need_code} needed) — {distance} km — quantity not known</source>
        <translation>même sous-chapitre {subchapter} ({offer_code} offert, {need_code} demandé) — {distance} km — quantité inconnue</translation>
    </message>
    <message>
        <location filename="../../domain/siret.py" line="39"/>
        <source>The SIRET is empty.</source>
        <translation>Le SIRET est vide.</translation>
    </message>
    <message>
        <location filename="../../domain/siret.py" line="41"/>
        <source>A SIRET has exactly 14 digits (&apos;{value}&apos; does not).</source>
        <translation>Un SIRET compte exactement 14 chiffres (ce n'est pas le cas de « {value} »).</translation>
    </message>
    <message>
        <location filename="../../domain/siret.py" line="47"/>
        <source>&apos;{value}&apos; is not a valid SIRET of La Poste (its digits must add up to a multiple of 5).</source>
        <translation>« {value} » n'est pas un SIRET valide de La Poste (la somme de ses chiffres doit être un multiple de 5).</translation>
    </message>
    <message>
        <location filename="../../domain/siret.py" line="50"/>
        <source>&apos;{value}&apos; is not a valid SIRET: its check digit is wrong (mistyped digit?).</source>
        <translation>« {value} » n'est pas un SIRET valide : sa clé de contrôle est fausse (chiffre mal saisi ?).</translation>
    </message>
    <message>
        <location filename="../../domain/siret.py" line="62"/>
        <source>A SIREN has exactly 9 digits (&apos;{value}&apos; does not).</source>
        <translation>Un SIREN compte exactement 9 chiffres (ce n'est pas le cas de « {value} »).</translation>
    </message>
    <message>
        <location filename="../../domain/siret.py" line="64"/>
        <source>&apos;{value}&apos; is not a valid SIREN: its check digit is wrong.</source>
        <translation>« {value} » n'est pas un SIREN valide : sa clé de contrôle est fausse.</translation>
    </message>
    <message>
        <location filename="../../domain/statuses.py" line="35"/>
        <source>Unknown synergy status &apos;{status}&apos;.</source>
        <translation>Statut de synergie inconnu : « {status} ».</translation>
    </message>
    <message>
        <location filename="../../domain/statuses.py" line="37"/>
        <source>A synergy cannot go from &apos;{old}&apos; to &apos;{new}&apos;.</source>
        <translation>Une synergie ne peut pas passer de « {old} » à « {new} ».</translation>
    </message>
    <message>
        <location filename="../../domain/statuses.py" line="41"/>
        <source>Abandoning a synergy requires a reason.</source>
        <translation>L'abandon d'une synergie doit être motivé.</translation>
    </message>
    <message>
        <location filename="../../storage/base.py" line="174"/>
        <source>Cannot read the table {table} of {path}.</source>
        <translation>Impossible de lire la table {table} de {path}.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="188"/>
        <source>The output must be a .pdf or .png file, not {file}.</source>
        <translation>La sortie doit être un fichier .pdf ou .png, et non {file}.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="221"/>
        <source>&apos;{value}&apos; is not a map theme; use one of: {words}.</source>
        <translation>« {value} » n'est pas un thème de carte ; utilisez l'un de ceux-ci : {words}.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="225"/>
        <source>The template {file} does not exist.</source>
        <translation>Le modèle {file} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="231"/>
        <source>The workspace has no company and no territory outline: there is nothing to print yet.</source>
        <translation>L'espace de travail ne contient ni entreprise ni contour de territoire : il n'y a encore rien à imprimer.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="259"/>
        <source>Cannot list the pages of the atlas in {path}.</source>
        <translation>Impossible d'établir la liste des pages de l'atlas dans {path}.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="266"/>
        <source>No {kind} has companies: the atlas would have no page.</source>
        <translation>Aucune {kind} ne compte d'entreprise : l'atlas n'aurait aucune page.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="274"/>
        <source>{file} is not a QGIS layout template (.qpt).</source>
        <translation>{file} n'est pas un modèle de mise en page QGIS (.qpt).</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="279"/>
        <source>The template has no map item with the id &apos;map&apos;: give the map that id in the layout designer&apos;s item properties.</source>
        <translation>Le modèle n'a aucun élément carte d'identifiant « map » : donnez cet identifiant à la carte dans les propriétés de l'élément, dans le concepteur de mise en page.</translation>
    </message>
    <message>
        <location filename="../../reporting/pages.py" line="269"/>
        <source>Cannot store the project in {path}: {error}</source>
        <translation>Impossible de stocker le projet dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="405"/>
        <source>The map could not be written to {file} ({error}).</source>
        <translation>La carte n'a pas pu être écrite dans {file} ({error}).</translation>
    </message>
    <message>
        <location filename="../../processing/copy_workspace.py" line="45"/>
        <source>Give the target workspace.</source>
        <translation>Indiquez l'espace de travail cible.</translation>
    </message>
    <message>
        <location filename="../../processing/upgrade_workspace.py" line="35"/>
        <source>Nothing was changed: set CONFIRM to true to upgrade the workspace.</source>
        <translation>Rien n'a été modifié : mettez CONFIRM à vrai pour mettre à niveau l'espace de travail.</translation>
    </message>
    <message>
        <location filename="../../processing/upgrade_workspace.py" line="39"/>
        <source>Give the workspace: the path of its GeoPackage.</source>
        <translation>Indiquez l'espace de travail : le chemin de son GeoPackage.</translation>
    </message>
    <message>
        <location filename="../../importing/areas.py" line="44"/>
        <source>&apos;{value}&apos; is not a kind of area; use one of: {words}.</source>
        <translation>« {value} » n'est pas un type de périmètre ; utilisez l'un de ceux-ci : {words}.</translation>
    </message>
    <message>
        <location filename="../../importing/areas.py" line="48"/>
        <source>{file} has no geometry: boundaries are polygons (a shapefile, a GeoPackage layer, GeoJSON).</source>
        <translation>{file} n'a pas de géométrie : les limites sont des polygones (un shapefile, une couche GeoPackage, du GeoJSON).</translation>
    </message>
    <message>
        <location filename="../../importing/areas.py" line="59"/>
        <source>Give the column that holds the names; the columns of {file} are: {columns}.</source>
        <translation>Indiquez la colonne qui contient les noms ; les colonnes de {file} sont : {columns}.</translation>
    </message>
    <message>
        <location filename="../../importing/mapping.py" line="22"/>
        <source>{file} has no column &apos;{column}&apos;; its columns are: {columns}.</source>
        <translation>{file} n'a pas de colonne « {column} » ; ses colonnes sont : {columns}.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="72"/>
        <source>SOURCE_CRS &apos;{crs}&apos; is not a CRS GDAL knows.</source>
        <translation>SOURCE_CRS « {crs} » n'est pas un SCR connu de GDAL.</translation>
    </message>
    <message>
        <location filename="../../importing/areas.py" line="80"/>
        <source>{file} does not say in which coordinate reference system its polygons are (a shapefile without its .prj file?). Give it as SOURCE_CRS, for example EPSG:2154 for Lambert-93; it is never guessed.</source>
        <translation>{file} n'indique pas dans quel système de coordonnées de référence sont ses polygones (un shapefile sans son fichier .prj ?). Indiquez-le dans SOURCE_CRS, par exemple EPSG:2154 pour le Lambert-93 ; il n'est jamais deviné.</translation>
    </message>
    <message>
        <location filename="../../importing/areas.py" line="143"/>
        <source>The area has no name (column {column}).</source>
        <translation>Le périmètre n'a pas de nom (colonne {column}).</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="291"/>
        <source>&apos;{value}&apos; is not an INSEE commune code (5 characters, like 59183 or 2A004).</source>
        <translation>« {value} » n'est pas un code commune INSEE (5 caractères, comme 59183 ou 2A004).</translation>
    </message>
    <message>
        <location filename="../../importing/areas.py" line="157"/>
        <source>The row has no geometry: an area is a polygon.</source>
        <translation>La ligne n'a pas de géométrie : un périmètre est un polygone.</translation>
    </message>
    <message>
        <location filename="../../importing/areas.py" line="161"/>
        <source>The geometry is a {kind}, not a polygon: an area is a polygon.</source>
        <translation>La géométrie est de type {kind}, et non un polygone : un périmètre est un polygone.</translation>
    </message>
    <message>
        <location filename="../../importing/areas.py" line="167"/>
        <source>The polygon is invalid (it crosses itself or its rings overlap): repair it first, for example with QGIS&apos;s Fix geometries.</source>
        <translation>Le polygone n'est pas valide (il se recoupe ou ses anneaux se chevauchent) : réparez-le d'abord, par exemple avec l'outil Réparer les géométries de QGIS.</translation>
    </message>
    <message>
        <location filename="../../importing/areas.py" line="172"/>
        <source>The polygon cannot be reprojected into the workspace&apos;s CRS.</source>
        <translation>Le polygone ne peut pas être reprojeté dans le SCR de l'espace de travail.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="163"/>
        <source>The geometry is invalid (its coordinates are not numbers).</source>
        <translation>La géométrie n'est pas valide (ses coordonnées ne sont pas des nombres).</translation>
    </message>
    <message>
        <location filename="../../importing/areas.py" line="180"/>
        <source>The same area ({value}) is already on row {row} of this file.</source>
        <translation>Le même périmètre ({value}) figure déjà à la ligne {row} de ce fichier.</translation>
    </message>
    <message>
        <location filename="../../importing/areas.py" line="185"/>
        <source>The workspace already has this area ({value}): skipped.</source>
        <translation>L'espace de travail contient déjà ce périmètre ({value}) : ignoré.</translation>
    </message>
    <message>
        <location filename="../../storage/copy.py" line="99"/>
        <source>Only an administrator of {path} (a member of {role}) can copy it: others do not see every row.</source>
        <translation>Seul un administrateur de {path} (membre de {role}) peut le copier : les autres ne voient pas toutes les lignes.</translation>
    </message>
    <message>
        <location filename="../../storage/copy.py" line="91"/>
        <source>{path} uses an older schema: upgrade it first (territorialflux:upgradeworkspace).</source>
        <translation>{path} utilise un schéma plus ancien : mettez-le d'abord à niveau (territorialflux:upgradeworkspace).</translation>
    </message>
    <message>
        <location filename="../../storage/copy.py" line="105"/>
        <source>{path} already holds data: copy into a new, empty workspace.</source>
        <translation>{path} contient déjà des données : copiez dans un espace de travail nouveau et vide.</translation>
    </message>
    <message>
        <location filename="../../storage/copy.py" line="127"/>
        <source>The copy of {table} does not match its source ({expected} rows, {found} copied); nothing was written.</source>
        <translation>La copie de {table} ne correspond pas à sa source ({expected} lignes, {found} copiées) ; rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../../project/editing.py" line="99"/>
        <source>The layer {layer} cannot be edited.</source>
        <translation>La couche {layer} n'est pas modifiable.</translation>
    </message>
    <message>
        <location filename="../../project/editing.py" line="139"/>
        <source>Cannot change {field} of {layer}.</source>
        <translation>Impossible de modifier {field} dans {layer}.</translation>
    </message>
    <message>
        <location filename="../../project/editing.py" line="150"/>
        <source>Cannot add a row to {layer}.</source>
        <translation>Impossible d'ajouter une ligne à {layer}.</translation>
    </message>
    <message>
        <location filename="../../project/editing.py" line="168"/>
        <source>Give the company a name.</source>
        <translation>Donnez un nom à l'entreprise.</translation>
    </message>
    <message>
        <location filename="../../project/editing.py" line="239"/>
        <source>Choose the company of the flow.</source>
        <translation>Choisissez l'entreprise du flux.</translation>
    </message>
    <message>
        <location filename="../../project/editing.py" line="355"/>
        <source>Say why the link is rejected: the reason stays with the decision.</source>
        <translation>Indiquez pourquoi le lien est rejeté : le motif est conservé avec la décision.</translation>
    </message>
    <message>
        <location filename="../../project/editing.py" line="366"/>
        <source>Promoted from the possible links: {reason}</source>
        <translation>Créée à partir d'un lien possible : {reason}</translation>
    </message>
    <message>
        <location filename="../../project/editing.py" line="381"/>
        <source>A mutualisation gathers at least two companies.</source>
        <translation>Une mutualisation réunit au moins deux entreprises.</translation>
    </message>
    <message>
        <location filename="../../project/editing.py" line="384"/>
        <source>Give the synergy a title.</source>
        <translation>Donnez un titre à la synergie.</translation>
    </message>
    <message>
        <location filename="../../project/editing.py" line="438"/>
        <source>&apos;{value}&apos; is not a number.</source>
        <translation>« {value} » n'est pas un nombre.</translation>
    </message>
    <message>
        <location filename="../../storage/geopackage.py" line="227"/>
        <source>{path} already exists: choose another file or allow overwriting.</source>
        <translation>{path} existe déjà : choisissez un autre fichier ou autorisez l'écrasement.</translation>
    </message>
    <message>
        <location filename="../../storage/geopackage.py" line="231"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Le dossier {folder} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../../storage/geopackage.py" line="239"/>
        <source>Cannot create a GeoPackage at {path}.</source>
        <translation>Impossible de créer un GeoPackage à l'emplacement {path}.</translation>
    </message>
    <message>
        <location filename="../../storage/geopackage.py" line="287"/>
        <source>{path} does not exist.</source>
        <translation>{path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../../storage/base.py" line="127"/>
        <source>{path} is not a Territorial Flux workspace.</source>
        <translation>{path} n'est pas un espace de travail Territorial Flux.</translation>
    </message>
    <message>
        <location filename="../../storage/base.py" line="131"/>
        <source>{path} was made by a newer Territorial Flux (schema version {found}; this plugin knows up to {known}). Update the plugin to open it.</source>
        <translation>{path} a été créé par une version plus récente de Territorial Flux (version de schéma {found} ; cette extension connaît jusqu'à la version {known}). Mettez à jour l'extension pour l'ouvrir.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="140"/>
        <source>The geometry cannot be read.</source>
        <translation>La géométrie est illisible.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="153"/>
        <source>The geometry is a {kind}, not a point: a company is one point.</source>
        <translation>La géométrie est de type {kind}, et non un point : une entreprise est un point.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="561"/>
        <source>{file} is empty.</source>
        <translation>{file} est vide.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="223"/>
        <source>{file} is not a text file, so not a CSV: is it a spreadsheet or an archive under another name? Save it as CSV or give the real file.</source>
        <translation>{file} n'est pas un fichier texte, donc pas un CSV : serait-ce un classeur ou une archive sous un autre nom ? Enregistrez-le en CSV ou donnez le vrai fichier.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="385"/>
        <source>&apos;{encoding}&apos; is not an encoding this computer knows.</source>
        <translation>« {encoding} » n'est pas un encodage connu de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="239"/>
        <source>{file} is not written in {encoding}: check ENCODING.</source>
        <translation>{file} n'est pas écrit en {encoding} : vérifiez ENCODING.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="244"/>
        <source>{file}: only one column was found in its first line (&apos;{header}&apos;). The columns of a CSV must be separated by &apos;;&apos;, &apos;,&apos;, a tab or &apos;|&apos;.</source>
        <translation>{file} : une seule colonne a été trouvée dans sa première ligne (« {header} »). Les colonnes d'un CSV doivent être séparées par ';', ',', une tabulation ou '|'.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="251"/>
        <source>{file} has a header but no rows.</source>
        <translation>{file} a un en-tête mais aucune ligne.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="283"/>
        <source>This row has {found} values where the header has {expected} columns (a delimiter inside a value without quotes?).</source>
        <translation>Cette ligne a {found} valeurs alors que l'en-tête a {expected} colonnes (un séparateur dans une valeur sans guillemets ?).</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="290"/>
        <source>{file} is not all written in {encoding} (its first lines are): set ENCODING to the right one, probably windows-1252.</source>
        <translation>{file} n'est pas entièrement écrit en {encoding} (ses premières lignes le sont) : indiquez le bon encodage dans ENCODING, probablement windows-1252.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="335"/>
        <source>{file} cannot be read as a table or a map layer: is it really a {kind} file? ({error})</source>
        <translation>{file} ne peut être lu ni comme une table ni comme une couche : est-ce vraiment un fichier {kind} ? ({error})</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="343"/>
        <source>{file} has no layer called {layer}.</source>
        <translation>{file} n'a pas de couche nommée {layer}.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="347"/>
        <source>{file} contains no table.</source>
        <translation>{file} ne contient aucune table.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="365"/>
        <source>{file} has no columns.</source>
        <translation>{file} n'a aucune colonne.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="367"/>
        <source>{file} is empty: it has no rows.</source>
        <translation>{file} est vide : il n'a aucune ligne.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="372"/>
        <source>The shapefile {file} has no .shx file beside it: a shapefile is several files (.shp, .shx, .dbf, .prj…); copy them all into the same folder.</source>
        <translation>Le shapefile {file} n'a pas de fichier .shx à côté de lui : un shapefile se compose de plusieurs fichiers (.shp, .shx, .dbf, .prj…) ; copiez-les tous dans le même dossier.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="378"/>
        <source>The shapefile {file} has no .dbf file beside it: without it the companies have no attributes. Copy it into the same folder.</source>
        <translation>Le shapefile {file} n'a pas de fichier .dbf à côté de lui : sans lui, les entreprises n'ont pas d'attributs. Copiez-le dans le même dossier.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="557"/>
        <source>{file} does not exist.</source>
        <translation>{file} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="559"/>
        <source>{file} is a folder: choose a file.</source>
        <translation>{file} est un dossier : choisissez un fichier.</translation>
    </message>
    <message>
        <location filename="../../importing/facts.py" line="38"/>
        <source>The workspace&apos;s CRS {crs} is unknown to GDAL.</source>
        <translation>Le SCR {crs} de l'espace de travail est inconnu de GDAL.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="77"/>
        <source>Map both the x and the y column, or neither.</source>
        <translation>Associez à la fois la colonne x et la colonne y, ou aucune des deux.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="79"/>
        <source>{file} has no geometry and no coordinate columns were recognised: map the x and y (or longitude and latitude) columns.</source>
        <translation>{file} n'a pas de géométrie et aucune colonne de coordonnées n'a été reconnue : associez les colonnes x et y (ou longitude et latitude).</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="86"/>
        <source>{file} does not say in which coordinate reference system its points are (a shapefile without its .prj file?). Give it as SOURCE_CRS, for example EPSG:2154 for Lambert-93; it is never guessed.</source>
        <translation>{file} n'indique pas dans quel système de coordonnées de référence sont ses points (un shapefile sans son fichier .prj ?). Indiquez-le dans SOURCE_CRS, par exemple EPSG:2154 pour le Lambert-93 ; il n'est jamais deviné.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="95"/>
        <source>{file}: the x and y columns do not say in which coordinate reference system they are. Give it as SOURCE_CRS (for example EPSG:2154 for Lambert-93); it is never guessed.</source>
        <translation>{file} : les colonnes x et y n'indiquent pas dans quel système de coordonnées de référence elles sont. Indiquez-le dans SOURCE_CRS (par exemple EPSG:2154 pour le Lambert-93) ; il n'est jamais deviné.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="107"/>
        <source>{file} has no siren column: is it SIRENE&apos;s legal units file (StockUniteLegale)?</source>
        <translation>{file} n'a pas de colonne siren : est-ce bien le fichier des unités légales SIRENE (StockUniteLegale) ?</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="202"/>
        <source>SIRET {siret} is already on row {row} of this file.</source>
        <translation>Le SIRET {siret} figure déjà à la ligne {row} de ce fichier.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="227"/>
        <source>The company has no name (map a name column, or give SIRENE&apos;s legal units file as LEGAL_UNITS).</source>
        <translation>L'entreprise n'a pas de nom (associez une colonne de nom, ou donnez le fichier des unités légales SIRENE dans LEGAL_UNITS).</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="235"/>
        <source>Probable duplicate of row {row} of this file (same name and commune, no SIRET): not imported.</source>
        <translation>Doublon probable de la ligne {row} de ce fichier (même nom et même commune, sans SIRET) : non importé.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="257"/>
        <source>Closed establishment (etatAdministratifEtablissement = F): skipped.</source>
        <translation>Établissement fermé (etatAdministratifEtablissement = F) : ignoré.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="273"/>
        <source>Unknown NAF code '{value}' (NAF rév. 2 codes look like 10.71C).</source>
        <translation>Code NAF inconnu « {value} » (les codes NAF rév. 2 sont de la forme 10.71C).</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="282"/>
        <source>Unknown headcount band '{value}' (INSEE bands: NN, 00, 01, 02, 03, 11…).</source>
        <translation>Tranche d'effectif inconnue « {value} » (tranches INSEE : NN, 00, 01, 02, 03, 11…).</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="291"/>
        <source>&apos;{value}&apos; is not a postcode (5 digits).</source>
        <translation>« {value} » n'est pas un code postal (5 chiffres).</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="305"/>
        <source>&apos;{value}&apos; is not an e-mail address.</source>
        <translation>« {value} » n'est pas une adresse électronique.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="323"/>
        <source>The coordinates &apos;{x}&apos;, &apos;{y}&apos; are not numbers.</source>
        <translation>Les coordonnées « {x} », « {y} » ne sont pas des nombres.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="334"/>
        <source>&apos;{value}&apos; is not an EPSG code.</source>
        <translation>« {value} » n'est pas un code EPSG.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="349"/>
        <source>No coordinates: the establishment cannot be placed on the map.</source>
        <translation>Pas de coordonnées : l'établissement ne peut pas être placé sur la carte.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="352"/>
        <source>No coordinates: the register does not publish the location of this establishment (partial diffusion).</source>
        <translation>Pas de coordonnées : le répertoire ne publie pas la localisation de cet établissement (diffusion partielle).</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="375"/>
        <source>{crs} is not a coordinate reference system GDAL knows.</source>
        <translation>{crs} n'est pas un système de coordonnées de référence connu de GDAL.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="391"/>
        <source>The point is far outside the workspace&apos;s territory (wrong coordinate reference system, or swapped coordinates?).</source>
        <translation>Le point est très loin du territoire de l'espace de travail (mauvais système de coordonnées de référence, ou coordonnées inversées ?).</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="417"/>
        <source>SIRET {siret} is already in the workspace ({name}): skipped.</source>
        <translation>Le SIRET {siret} figure déjà dans l'espace de travail ({name}) : ignoré.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="423"/>
        <source>Probable duplicate of {name} already in the workspace (same name and commune, no SIRET to be sure): not imported.</source>
        <translation>Doublon probable de {name}, déjà dans l'espace de travail (même nom et même commune, pas de SIRET pour s'en assurer) : non importé.</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="67"/>
        <source>{file}: no column was recognised for {fields}. Its columns are: {columns}. Use the template&apos;s headers (company, siret, direction, resource, quantity, unit, confidentiality, comment).</source>
        <translation>{file} : aucune colonne n'a été reconnue pour {fields}. Ses colonnes sont : {columns}. Utilisez les en-têtes du modèle (entreprise, siret, sens, ressource, quantité, unité, confidentialité, commentaire).</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="162"/>
        <source>No company of the workspace has the SIRET {siret}: import or add the company first.</source>
        <translation>Aucune entreprise de l'espace de travail n'a le SIRET {siret} : importez ou ajoutez d'abord l'entreprise.</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="168"/>
        <source>No company of the workspace is called &apos;{name}&apos;: check the spelling, give its SIRET, or add the company first.</source>
        <translation>Aucune entreprise de l'espace de travail ne s'appelle « {name} » : vérifiez l'orthographe, donnez son SIRET ou ajoutez d'abord l'entreprise.</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="172"/>
        <source>{count} companies of the workspace are called &apos;{name}&apos;: give the SIRET.</source>
        <translation>{count} entreprises de l'espace de travail s'appellent « {name} » : donnez le SIRET.</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="177"/>
        <source>The row names no company: give a SIRET or a name.</source>
        <translation>La ligne ne désigne aucune entreprise : donnez un SIRET ou un nom.</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="181"/>
        <source>&apos;{value}&apos; is neither an offer nor a need (write offer/need or offre/besoin).</source>
        <translation>« {value} » n'est ni une offre ni un besoin (écrivez offre/besoin ou offer/need).</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="188"/>
        <source>The resource is missing: give its code or its name.</source>
        <translation>La ressource manque : donnez son code ou son nom.</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="198"/>
        <source>&apos;{unit}&apos; is not a unit the plugin knows.</source>
        <translation>« {unit} » n'est pas une unité connue de l'extension.</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="201"/>
        <source>The quantity says {one} but the unit column says {other}.</source>
        <translation>La quantité indique {one}, mais la colonne des unités indique {other}.</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="207"/>
        <source>{unit} does not fit a {family} resource; use one of: {units}.</source>
        <translation>{unit} ne convient pas à une ressource de la famille {family} ; utilisez l'une de ces unités : {units}.</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="216"/>
        <source>&apos;{value}&apos; is not a confidentiality level (advisor, internal, partners, public).</source>
        <translation>« {value} » n'est pas un niveau de confidentialité (advisor, internal, partners, public).</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="223"/>
        <source>&apos;{value}&apos; is not a priority (high, medium, low).</source>
        <translation>« {value} » n'est pas une priorité (high, medium, low).</translation>
    </message>
    <message>
        <location filename="../../project/locking.py" line="70"/>
        <source>{who} deleted this row after you opened it.</source>
        <translation>{who} a supprimé cette ligne après que vous l'avez ouverte.</translation>
    </message>
    <message>
        <location filename="../../project/locking.py" line="73"/>
        <source>{who} changed this row after you opened it ({detail}). Reload it to see their changes, or overwrite them knowingly.</source>
        <translation>{who} a modifié cette ligne après que vous l'avez ouverte ({detail}). Rechargez-la pour voir ses modifications, ou écrasez-les en connaissance de cause.</translation>
    </message>
    <message>
        <location filename="../../project/locking.py" line="145"/>
        <source>The database was busy with other saves and nothing was saved: save again.</source>
        <translation>La base de données était occupée par d'autres enregistrements et rien n'a été enregistré : enregistrez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../project/locking.py" line="148"/>
        <source>The connection to the database was lost during the save; nothing was saved and your edits are kept: save again when the connection is back.</source>
        <translation>La connexion à la base de données a été perdue pendant l'enregistrement ; rien n'a été enregistré et vos modifications sont conservées : enregistrez à nouveau une fois la connexion rétablie.</translation>
    </message>
    <message>
        <location filename="../../storage/postgres.py" line="26"/>
        <source>{reference} is not a team workspace reference; write postgres:connection=NAME;schema=SCHEMA or postgres:service=NAME;schema=SCHEMA.</source>
        <translation>{reference} n'est pas une référence d'espace de travail d'équipe ; écrivez postgres:connection=NOM;schema=SCHEMA ou postgres:service=NOM;schema=SCHEMA.</translation>
    </message>
    <message>
        <location filename="../../storage/postgres.py" line="72"/>
        <source>QGIS has no PostgreSQL connection named {name}: add it in the Browser panel (PostgreSQL → New Connection) first.</source>
        <translation>QGIS n'a pas de connexion PostgreSQL nommée {name} : ajoutez-la d'abord dans le panneau Explorateur (PostgreSQL → Nouvelle connexion).</translation>
    </message>
    <message>
        <location filename="../../storage/postgres.py" line="154"/>
        <source>Cannot connect to the server of {reference}: {error}</source>
        <translation>Impossible de se connecter au serveur de {reference} : {error}</translation>
    </message>
    <message>
        <location filename="../../project/build.py" line="40"/>
        <source>Give the workspace a name.</source>
        <translation>Donnez un nom à l'espace de travail.</translation>
    </message>
    <message>
        <location filename="../../storage/postgres.py" line="338"/>
        <source>{schema} cannot name a team workspace: use lowercase letters, digits and _, starting with a letter (at most 41 characters).</source>
        <translation>{schema} ne peut pas nommer un espace de travail d'équipe : utilisez des lettres minuscules, des chiffres et _, en commençant par une lettre (41 caractères au plus).</translation>
    </message>
    <message>
        <location filename="../../storage/postgres.py" line="345"/>
        <source>The schema {schema} already exists on this server: choose another name.</source>
        <translation>Le schéma {schema} existe déjà sur ce serveur : choisissez un autre nom.</translation>
    </message>
    <message>
        <location filename="../../storage/postgres.py" line="352"/>
        <source>PostGIS is not enabled in this database and cannot be enabled by you: {error}</source>
        <translation>PostGIS n'est pas activé dans cette base de données et vous ne pouvez pas l'activer : {error}</translation>
    </message>
    <message>
        <location filename="../../storage/postgres.py" line="356"/>
        <source>PostGIS does not know the coordinate reference system {crs}: choose an EPSG one.</source>
        <translation>PostGIS ne connaît pas le système de coordonnées de référence {crs} : choisissez-en un du registre EPSG.</translation>
    </message>
    <message>
        <location filename="../../storage/postgres.py" line="369"/>
        <source>Cannot create the team workspace {schema}: {error}</source>
        <translation>Impossible de créer l'espace de travail d'équipe {schema} : {error}</translation>
    </message>
    <message>
        <location filename="../../storage/postgres.py" line="333"/>
        <source>A team workspace is created through a PostgreSQL connection saved in QGIS: write postgres:connection=NAME;schema=SCHEMA.</source>
        <translation>Un espace de travail d'équipe se crée au moyen d'une connexion PostgreSQL enregistrée dans QGIS : écrivez postgres:connection=NOM;schema=SCHEMA.</translation>
    </message>
    <message>
        <location filename="../../project/build.py" line="118"/>
        <source>Cannot read the project stored in {path}: {error}</source>
        <translation>Impossible de lire le projet stocké dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../storage/postgres.py" line="198"/>
        <source>The team workspace {path} uses an older schema (version {found}; this plugin uses {known}). An administrator must upgrade it first with Territorial Flux → Upgrade workspace (territorialflux:upgradeworkspace).</source>
        <translation>L'espace de travail d'équipe {path} utilise un schéma plus ancien (version {found} ; cette extension utilise la version {known}). Un administrateur doit d'abord le mettre à niveau avec Territorial Flux → Mettre à niveau un espace de travail (territorialflux:upgradeworkspace).</translation>
    </message>
    <message>
        <location filename="../../storage/postgres.py" line="218"/>
        <source>The upgrade of {path} failed and nothing was changed: {error}</source>
        <translation>La mise à niveau de {path} a échoué et rien n'a été modifié : {error}</translation>
    </message>
    <message>
        <location filename="../../project/build.py" line="102"/>
        <source>Cannot store the style of {table} in {path}: {error}</source>
        <translation>Impossible de stocker le style de {table} dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="136"/>
        <source>This team workspace has no value-chain analysis yet and your role may not store one: ask an editor to run Analyse value chains, or print another theme.</source>
        <translation>Cet espace de travail d'équipe n'a pas encore d'analyse des chaînes de valeur et votre rôle ne permet pas d'en enregistrer une : demandez à un éditeur de lancer « Analyser les chaînes de valeur », ou imprimez un autre thème.</translation>
    </message>
    <message>
        <location filename="../../domain/errors.py" line="46"/>
        <source>Canceled: nothing was changed.</source>
        <translation>Annulé : rien n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../../storage/base.py" line="105"/>
        <source>{workspace} is read-only for you: nothing can be added to it. Check the file&apos;s permissions.</source>
        <translation>{workspace} est en lecture seule pour vous : rien ne peut y être ajouté. Vérifiez les droits du fichier.</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="171"/>
        <source>The workspace is busy: someone is saving edits to it (layers in edit mode?). Save or discard those edits and try again; nothing was written.</source>
        <translation>L'espace de travail est occupé : quelqu'un y enregistre des modifications (des couches en mode édition ?). Enregistrez ou abandonnez ces modifications, puis réessayez ; rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../../storage/postgres.py" line="102"/>
        <source>Your role in the team workspace {workspace} lets you read it, not add to it: ask an editor or its administrator to import this file.</source>
        <translation>Votre rôle dans l'espace de travail d'équipe {workspace} vous permet de le lire, pas d'y ajouter des données : demandez à un éditeur ou à son administrateur d'importer ce fichier.</translation>
    </message>
    <message>
        <location filename="../../domain/quantities.py" line="111"/>
        <source>&apos;{value}&apos; is not a quantity: write a number, like 1 200 or 12.5.</source>
        <translation>« {value} » n'est pas une quantité : écrivez un nombre, comme 1 200 ou 12,5.</translation>
    </message>
    <message>
        <location filename="../../domain/quantities.py" line="114"/>
        <source>A quantity cannot be negative (&apos;{value}&apos;): enter zero or more.</source>
        <translation>Une quantité ne peut pas être négative (« {value} ») : saisissez zéro ou plus.</translation>
    </message>
    <message>
        <location filename="../../domain/quantities.py" line="120"/>
        <source>&apos;{unit}&apos; in &apos;{value}&apos; is not a unit the plugin knows.</source>
        <translation>« {unit} » dans « {value} » n'est pas une unité connue de l'extension.</translation>
    </message>
    <message>
        <location filename="../../domain/resources.py" line="169"/>
        <source>&apos;{value}&apos; is neither a resource code nor the name of a resource of the nomenclature.</source>
        <translation>« {value} » n'est ni un code de ressource ni le nom d'une ressource de la nomenclature.</translation>
    </message>
    <message>
        <location filename="../../domain/resources.py" line="174"/>
        <source>&apos;{value}&apos; does not name one resource of the nomenclature; close ones: {candidates}. Write the code.</source>
        <translation>« {value} » ne désigne pas une ressource unique de la nomenclature ; ressources proches : {candidates}. Écrivez le code.</translation>
    </message>
    <message>
        <location filename="../../printing/content.py" line="188"/>
        <source>&apos;{value}&apos; is not a background; use one of: {words}.</source>
        <translation>« {value} » n'est pas un fond de carte ; utilisez l'un de : {words}.</translation>
    </message>
    <message>
        <location filename="../../printing/export.py" line="264"/>
        <source>No resource family has anything to show on this map: the atlas would have no page.</source>
        <translation>Aucune famille de ressource n'a rien à montrer sur cette carte : l'atlas n'aurait aucune page.</translation>
    </message>
    <message>
        <location filename="../../domain/importing.py" line="180"/>
        <source>{file}: the columns {columns} all name the field {field} (the numbers are their positions). Keep one of them, or say which one holds {field}.</source>
        <translation>{file} : les colonnes {columns} désignent toutes le champ {field} (les nombres sont leurs positions). Gardez-en une, ou indiquez celle qui contient {field}.</translation>
    </message>
    <message>
        <location filename="../../domain/sharing.py" line="67"/>
        <source>Partners may receive data at the partners or public level, not {level}.</source>
        <translation>Les partenaires peuvent recevoir les données au niveau partenaires ou public, pas {level}.</translation>
    </message>
    <message>
        <location filename="../../domain/sharing.py" line="74"/>
        <source>Unknown licence {licence}: use one of {licences}.</source>
        <translation>Licence inconnue {licence} : utilisez l'une de {licences}.</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="176"/>
        <source>The file does not say in which coordinate reference system its coordinates are: as INSEE publishes SIRENE, each row&apos;s was inferred from its commune code (rows per CRS: {counts}).</source>
        <translation>Le fichier ne dit pas dans quel système de coordonnées sont ses coordonnées : comme l'INSEE publie SIRENE, celui de chaque ligne a été déduit de son code commune (lignes par SCR : {counts}).</translation>
    </message>
    <message>
        <location filename="../../importing/companies.py" line="340"/>
        <source>The row has coordinates but no commune code: the coordinate reference system of SIRENE&apos;s coordinates follows from the commune (give SOURCE_CRS if they are all in one).</source>
        <translation>La ligne a des coordonnées mais pas de code commune : le système de coordonnées des coordonnées de SIRENE découle de la commune (donnez SOURCE_CRS si elles sont toutes dans le même).</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="132"/>
        <source>&apos;{code}&apos;, chosen for &apos;{word}&apos;, is not a resource of the nomenclature.</source>
        <translation>« {code} », choisi pour « {word} », n'est pas une ressource de la nomenclature.</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="142"/>
        <source>{example} was read as {value} ({count} such quantities in all), as the other numbers of its column write them.</source>
        <translation>{example} a été lu comme {value} ({count} quantités de ce type en tout), comme l'écrivent les autres nombres de sa colonne.</translation>
    </message>
    <message>
        <location filename="../../importing/flows.py" line="145"/>
        <source>{example} was read as {value} ({count} such quantities in all): nothing in its column decides, so the language of the interface does.</source>
        <translation>{example} a été lu comme {value} ({count} quantités de ce type en tout) : rien dans sa colonne ne tranche, c'est donc la langue de l'interface qui décide.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="148"/>
        <source>The polygon is invalid: no point on its surface can be found.</source>
        <translation>Le polygone est invalide : aucun point de sa surface ne peut être trouvé.</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="151"/>
        <source>placed at a point on its polygon</source>
        <translation>placée en un point de son polygone</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="576"/>
        <source>{file} holds no table or map layer (shapefile, GeoPackage, CSV, spreadsheet…).</source>
        <translation>{file} ne contient aucune table ni couche (shapefile, GeoPackage, CSV, tableur…).</translation>
    </message>
    <message>
        <location filename="../../importing/sources.py" line="584"/>
        <source>{file} has no file or layer called {layer}; it holds: {names}.</source>
        <translation>{file} n'a aucun fichier ni couche nommé {layer} ; il contient : {names}.</translation>
    </message>
    <message>
        <location filename="../../importing/tables.py" line="29"/>
        <source>{file} holds several tables that could be imported: {names}. Choose one (in Processing: INPUT={file}|layername=NAME).</source>
        <translation>{file} contient plusieurs tables importables : {names}. Choisissez-en une (dans Traitements : INPUT={file}|layername=NOM).</translation>
    </message>
    <message>
        <location filename="../../importing/tables.py" line="47"/>
        <source>{file} cannot be opened as a ZIP archive ({error}).</source>
        <translation>{file} ne peut pas être ouvert comme une archive ZIP ({error}).</translation>
    </message>
    <message>
        <location filename="../../importing/words.py" line="30"/>
        <source>&apos;{part}&apos; is not a word and its resource: write word=code, separated by &apos;;&apos;.</source>
        <translation>« {part} » n'est pas un mot et sa ressource : écrivez mot=code, séparés par « ; ».</translation>
    </message>
    <message>
        <location filename="../../reporting/report.py" line="52"/>
        <source>The report must be a .pdf, .xlsx or .html file, not {file}.</source>
        <translation>Le rapport doit être un fichier .pdf, .xlsx ou .html, pas {file}.</translation>
    </message>
    <message>
        <location filename="../../reporting/report.py" line="64"/>
        <source>{name}: &apos;{value}&apos; is not a date written like 2025-01-31.</source>
        <translation>{name} : « {value} » n'est pas une date écrite comme 2025-01-31.</translation>
    </message>
    <message>
        <location filename="../../reporting/report.py" line="67"/>
        <source>The period starts ({start}) after it ends ({end}).</source>
        <translation>La période commence ({start}) après sa fin ({end}).</translation>
    </message>
    <message>
        <location filename="../../reporting/report.py" line="126"/>
        <source>The report could not be written to {file} ({error}).</source>
        <translation>Le rapport n'a pas pu être écrit dans {file} ({error}).</translation>
    </message>
    <message>
        <location filename="../../sharing/files.py" line="16"/>
        <source>Cannot write {path}: the folder {folder} does not exist.</source>
        <translation>Impossible d'écrire {path} : le dossier {folder} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../../sharing/files.py" line="19"/>
        <source>Cannot write {path}: the folder {folder} is read-only for you.</source>
        <translation>Impossible d'écrire {path} : le dossier {folder} est en lecture seule pour vous.</translation>
    </message>
    <message>
        <location filename="../../sharing/files.py" line="38"/>
        <source>Give the file to write.</source>
        <translation>Indiquez le fichier à écrire.</translation>
    </message>
    <message>
        <location filename="../../sharing/files.py" line="43"/>
        <source>Cannot write {path}: it is a folder, give a file.</source>
        <translation>Impossible d'écrire {path} : c'est un dossier, indiquez un fichier.</translation>
    </message>
    <message>
        <location filename="../../sharing/files.py" line="53"/>
        <source>Give the folder to write.</source>
        <translation>Indiquez le dossier à écrire.</translation>
    </message>
    <message>
        <location filename="../../sharing/files.py" line="56"/>
        <source>Cannot write into {path}: it is a file, give a folder.</source>
        <translation>Impossible d'écrire dans {path} : c'est un fichier, indiquez un dossier.</translation>
    </message>
    <message>
        <location filename="../../sharing/files.py" line="64"/>
        <source>The folder {path} already holds other files ({file}): choose an empty folder or a new one; nothing was written.</source>
        <translation>Le dossier {path} contient déjà d'autres fichiers ({file}) : choisissez un dossier vide ou un nouveau dossier ; rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="63"/>
        <source>Cannot understand the workspace&apos;s coordinate reference system {crs}.</source>
        <translation>Le système de coordonnées de l'espace de travail {crs} est incompréhensible.</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="88"/>
        <source>GDAL could not write {path}: {error}</source>
        <translation>GDAL n'a pas pu écrire {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../sharing/partners.py" line="189"/>
        <source>Unknown format {format}: use one of {formats}.</source>
        <translation>Format inconnu {format} : utilisez l'un de {formats}.</translation>
    </message>
    <message>
        <location filename="../../sharing/styling.py" line="218"/>
        <source>Cannot store {what} in {path}: {error}</source>
        <translation>Impossible d'enregistrer {what} dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../sharing/webmap.py" line="41"/>
        <source>The web map's library (Leaflet) is missing from {folder}: run “make setup” (scripts/fetch_leaflet.sh) or install the plugin from its published package.</source>
        <translation>La bibliothèque de la carte web (Leaflet) manque dans {folder} : lancez « make setup » (scripts/fetch_leaflet.sh) ou installez l'extension depuis son paquet publié.</translation>
    </message>
    <message>
        <location filename="../../sharing/webmap.py" line="146"/>
        <source>Unknown background {background}: use one of {backgrounds}.</source>
        <translation>Fond de carte inconnu {background} : utilisez l'un de {backgrounds}.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../domain/links.py" line="42"/>
        <source>Need with no local supplier</source>
        <translation>Besoin sans fournisseur local</translation>
    </message>
    <message>
        <location filename="../../domain/links.py" line="42"/>
        <source>Offer with no local taker</source>
        <translation>Offre sans preneur local</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="22"/>
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="22"/>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="27"/>
        <source>Matter</source>
        <translation>Matière</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="27"/>
        <source>Waste</source>
        <translation>Déchets</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="27"/>
        <source>Energy</source>
        <translation>Énergie</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="27"/>
        <source>Water</source>
        <translation>Eau</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="27"/>
        <source>Equipment</source>
        <translation>Équipement</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="27"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="27"/>
        <source>Skills and staff</source>
        <translation>Compétences et personnel</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="27"/>
        <source>Logistics</source>
        <translation>Logistique</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="27"/>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="45"/>
        <source>Substitution</source>
        <translation>Substitution</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="45"/>
        <source>Mutualisation</source>
        <translation>Mutualisation</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="51"/>
        <source>Idea</source>
        <translation>Idée</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="51"/>
        <source>Contacted</source>
        <translation>Contactée</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="51"/>
        <source>Studying</source>
        <translation>À l'étude</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="51"/>
        <source>Implementing</source>
        <translation>En mise en œuvre</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="51"/>
        <source>Operating</source>
        <translation>En fonctionnement</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="51"/>
        <source>Abandoned</source>
        <translation>Abandonnée</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="61"/>
        <source>Advisor only</source>
        <translation>Conseiller seulement</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="61"/>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="61"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="61"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="68"/>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="68"/>
        <source>Receiver</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="68"/>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="74"/>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="74"/>
        <source>Promoted</source>
        <translation>Promu</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="79"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="79"/>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="86"/>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="86"/>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="86"/>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="92"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="92"/>
        <source>Business zone</source>
        <translation>Zone d'activités</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="92"/>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>Unknown</source>
        <translation>Non renseignée</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>0 employees</source>
        <translation>0 salarié</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>1 or 2 employees</source>
        <translation>1 ou 2 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>3 to 5 employees</source>
        <translation>3 à 5 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>6 to 9 employees</source>
        <translation>6 à 9 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>10 to 19 employees</source>
        <translation>10 à 19 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>20 to 49 employees</source>
        <translation>20 à 49 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>50 to 99 employees</source>
        <translation>50 à 99 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>100 to 199 employees</source>
        <translation>100 à 199 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>200 to 249 employees</source>
        <translation>200 à 249 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>250 to 499 employees</source>
        <translation>250 à 499 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>500 to 999 employees</source>
        <translation>500 à 999 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>1,000 to 1,999 employees</source>
        <translation>1 000 à 1 999 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>2,000 to 4,999 employees</source>
        <translation>2 000 à 4 999 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>5,000 to 9,999 employees</source>
        <translation>5 000 à 9 999 salariés</translation>
    </message>
    <message>
        <location filename="../../domain/vocabulary.py" line="99"/>
        <source>10,000 employees or more</source>
        <translation>10 000 salariés et plus</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Agriculture, forestry and fishing</source>
        <translation>Agriculture, sylviculture et pêche</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Mining and quarrying</source>
        <translation>Industries extractives</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Manufacturing</source>
        <translation>Industrie manufacturière</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Electricity, gas, steam and air conditioning</source>
        <translation>Électricité, gaz, vapeur et air conditionné</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Water supply, sewerage, waste management</source>
        <translation>Eau, assainissement, gestion des déchets</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Construction</source>
        <translation>Construction</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Wholesale and retail trade</source>
        <translation>Commerce</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Transportation and storage</source>
        <translation>Transports et entreposage</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Accommodation and food service</source>
        <translation>Hébergement et restauration</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Information and communication</source>
        <translation>Information et communication</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Financial and insurance activities</source>
        <translation>Activités financières et d'assurance</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Real estate activities</source>
        <translation>Activités immobilières</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Professional, scientific and technical activities</source>
        <translation>Activités spécialisées, scientifiques et techniques</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Administrative and support services</source>
        <translation>Services administratifs et de soutien</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Public administration</source>
        <translation>Administration publique</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Education</source>
        <translation>Enseignement</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Human health and social work</source>
        <translation>Santé humaine et action sociale</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Arts, entertainment and recreation</source>
        <translation>Arts, spectacles et activités récréatives</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Other service activities</source>
        <translation>Autres activités de services</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Households as employers</source>
        <translation>Ménages employeurs</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="13"/>
        <source>Extraterritorial organisations</source>
        <translation>Organisations extraterritoriales</translation>
    </message>
    <message>
        <location filename="../../domain/naf.py" line="38"/>
        <source>Activity not known</source>
        <translation>Activité inconnue</translation>
    </message>
</context>
<context>
    <name>_ValueChainAlgorithm</name>
    <message>
        <location filename="../../processing/value_chains.py" line="79"/>
        <source>Maximum distance (km)</source>
        <translation>Distance maximale (km)</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="83"/>
        <source>Match level</source>
        <translation>Niveau de correspondance</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="85"/>
        <source>Most restricted confidentiality analysed</source>
        <translation>Confidentialité la plus restreinte analysée</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="100"/>
        <source>Reading the flows of {workspace}</source>
        <translation>Lecture des flux de {workspace}</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="110"/>
        <source>You may not write the analysis tables of this workspace: only the outputs of this run hold the results.</source>
        <translation>Vous n'avez pas le droit d'écrire les tables d'analyse de cet espace de travail : seules les sorties de cette exécution contiennent les résultats.</translation>
    </message>
    <message>
        <location filename="../../processing/value_chains.py" line="114"/>
        <source>Analysis tables of the workspace replaced ({stamp}).</source>
        <translation>Tables d'analyse de l'espace de travail remplacées ({stamp}).</translation>
    </message>
</context>
</TS>
