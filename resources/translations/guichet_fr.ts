<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>ErrorPolicy</name>
    <message>
        <location filename="../../app/ui/errors.py" line="25" />
        <source>Wrong PIN. Attempts left before a one-minute lock: %1</source>
        <translation>Code PIN erroné. Essais restants avant un blocage d'une minute : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="30" />
        <source>Too many wrong PINs: this operator is locked until %1. A supervisor can unlock it.</source>
        <translation>Trop de codes PIN erronés : cet opérateur est bloqué jusqu'à %1. Un superviseur peut le débloquer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="35" />
        <source>This operator no longer exists. Pick another one.</source>
        <translation>Cet opérateur n'existe plus. Choisissez-en un autre.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="39" />
        <source>This till's point of sale (%1) is not in the catalog. Ask a technician to check station.toml.</source>
        <translation>Le point de vente de cette caisse (%1) n'est pas dans le catalogue. Demandez à un technicien de vérifier station.toml.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="45" />
        <source>This was refused: %1</source>
        <translation>Refusé : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="49" />
        <source>Something went wrong and was logged. Nothing was changed. Try again; if it happens again, call a technician.</source>
        <translation>Une erreur s'est produite et a été consignée. Rien n'a été modifié. Réessayez ; si cela se reproduit, appelez un technicien.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="100" />
        <source>Guichet: log in</source>
        <translation>Guichet : connexion</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="101" />
        <source>&amp;Operator</source>
        <translation>&amp;Opérateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="102" />
        <source>&amp;PIN</source>
        <translation>Code &amp;PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="103" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="104" />
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="105" />
        <source>Type your PIN, then Enter</source>
        <translation>Tapez votre code PIN, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="106" />
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="107" />
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="119" />
        <source>cashier</source>
        <translation>caissier</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="120" />
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="121" />
        <source>technician</source>
        <translation>technicien</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="163" />
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="182" />
        <source>Guichet</source>
        <translation>Guichet</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="203" />
        <source>Locked: log in to use the till</source>
        <translation>Verrouillée : connectez-vous pour utiliser la caisse</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="206" />
        <source>Operator: %1 (Ctrl+L to lock)</source>
        <translation>Opérateur : %1 (Ctrl+L pour verrouiller)</translation>
    </message>
</context>
<context>
    <name>OperatorsScreen</name>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="43" />
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="43" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="43" />
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="49" />
        <source>&amp;Unlock</source>
        <translation>&amp;Débloquer</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="67" />
        <source>cashier</source>
        <translation>caissier</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="68" />
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="69" />
        <source>technician</source>
        <translation>technicien</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="74" />
        <source>locked until %1</source>
        <translation>bloqué jusqu'à %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="77" />
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="92" />
        <source>Select an operator first.</source>
        <translation>Sélectionnez d'abord un opérateur.</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="103" />
        <source>%1 can log in again.</source>
        <translation>%1 peut de nouveau se connecter.</translation>
    </message>
</context>
<context>
    <name>PerformanceListScreen</name>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="67" />
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="71" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="71" />
        <location filename="../../app/ui/performances/list_screen.py" line="88" />
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="71" />
        <source>Hall</source>
        <translation>Salle</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="71" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="80" />
        <source>Performances</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="86" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="87" />
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="141" />
        <source>%1 performance(s)</source>
        <translation>%1 séance(s)</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="143" />
        <source>No performance in these days.</source>
        <translation>Aucune séance sur ces jours.</translation>
    </message>
</context>
<context>
    <name>PerformancePageScreen</name>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="42" />
        <source>← Performances (Esc)</source>
        <translation>← Séances (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="58" />
        <source>Seats</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="73" />
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="73" />
        <location filename="../../app/ui/performances/performance_page.py" line="107" />
        <source>Free</source>
        <translation>Libres</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="73" />
        <location filename="../../app/ui/performances/performance_page.py" line="106" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="77" />
        <source>Free seats per category</source>
        <translation>Places libres par catégorie</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="108" />
        <source>Held</source>
        <translation>Verrouillées</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="109" />
        <source>Blocked</source>
        <translation>Bloquées</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="110" />
        <source>Reserved</source>
        <translation>Réservées</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="111" />
        <source>Sold</source>
        <translation>Vendues</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="112" />
        <source>Invalid</source>
        <translation>Invalides</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="116" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="145" />
        <source>Standing, %1: %2 places</source>
        <translation>Debout, %1 : %2 places</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="159" />
        <source>On sale at this till.</source>
        <translation>En vente à cette caisse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="161" />
        <source>Not on sale: the performance is %1.</source>
        <translation>Pas en vente : la séance est %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="164" />
        <source>Not on sale at the box office.</source>
        <translation>Pas en vente au guichet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="165" />
        <source>Sales at this till have not opened yet.</source>
        <translation>La vente n'est pas encore ouverte à cette caisse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="166" />
        <source>Sales at this till are closed.</source>
        <translation>La vente est close à cette caisse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="168" />
        <source>Not on sale.</source>
        <translation>Pas en vente.</translation>
    </message>
</context>
<context>
    <name>PerformanceState</name>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="31" />
        <source>planned</source>
        <translation>prévue</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="32" />
        <source>on sale</source>
        <translation>en vente</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="33" />
        <source>suspended</source>
        <translation>suspendue</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="34" />
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="38" />
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="39" />
        <source>C&amp;heck</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="44" />
        <source>&amp;Import into this hall</source>
        <translation>&amp;Importer dans cette salle</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="49" />
        <source>Plan report</source>
        <translation>Rapport du plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="61" />
        <location filename="../../app/ui/plans/plans_screen.py" line="84" />
        <source>Plan file</source>
        <translation>Fichier plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="62" />
        <source>Hall</source>
        <translation>Salle</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="84" />
        <source>Plan files (*.json)</source>
        <translation>Fichiers plan (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="93" />
        <source>Choose a plan file first.</source>
        <translation>Choisissez d'abord un fichier plan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="105" />
        <source>The plan is valid.</source>
        <translation>Le plan est valide.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="113" />
        <source>Name the hall to import into.</source>
        <translation>Indiquez la salle dans laquelle importer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="121" />
        <source>Imported into %1: %2 seats, %3 standing places. Nothing else was changed.</source>
        <translation>Importé dans %1 : %2 places assises, %3 places debout. Rien d'autre n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="132" />
        <source>This file is not a valid plan; nothing was stored.</source>
        <translation>Ce fichier n'est pas un plan valide ; rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="139" />
        <source>The file cannot be read: %1</source>
        <translation>Le fichier ne peut pas être lu : %1</translation>
    </message>
</context>
<context>
    <name>WorkArea</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="84" />
        <source>Screens</source>
        <translation>Écrans</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="126" />
        <source>Performances</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="128" />
        <source>Operators</source>
        <translation>Opérateurs</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="129" />
        <source>Plan files</source>
        <translation>Fichiers plan</translation>
    </message>
</context>
</TS>