<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>ErrorPolicy</name>
    <message>
        <location filename="../../app/ui/errors.py" line="25" />
        <source>Wrong PIN. Attempts left before a one-minute lock: %1</source>
        <translation>Falsche PIN. Verbleibende Versuche vor einer Sperre von einer Minute: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="30" />
        <source>Too many wrong PINs: this operator is locked until %1. A supervisor can unlock it.</source>
        <translation>Zu viele falsche PINs: Dieser Bediener ist bis %1 gesperrt. Ein Supervisor kann ihn entsperren.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="35" />
        <source>This operator no longer exists. Pick another one.</source>
        <translation>Diesen Bediener gibt es nicht mehr. Wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="39" />
        <source>This till's point of sale (%1) is not in the catalog. Ask a technician to check station.toml.</source>
        <translation>Die Verkaufsstelle dieser Kasse (%1) ist nicht im Katalog. Bitten Sie einen Techniker, station.toml zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="45" />
        <source>This was refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="49" />
        <source>Something went wrong and was logged. Nothing was changed. Try again; if it happens again, call a technician.</source>
        <translation>Ein Fehler ist aufgetreten und wurde protokolliert. Nichts wurde geändert. Versuchen Sie es erneut; wenn es wieder passiert, rufen Sie einen Techniker.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="100" />
        <source>Guichet: log in</source>
        <translation>Guichet: Anmeldung</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="101" />
        <source>&amp;Operator</source>
        <translation>&amp;Bediener</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="102" />
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="103" />
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="104" />
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="105" />
        <source>Type your PIN, then Enter</source>
        <translation>PIN eingeben, dann Eingabe</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="106" />
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="107" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="119" />
        <source>cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="120" />
        <source>supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="121" />
        <source>technician</source>
        <translation>Techniker</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="163" />
        <source>Checking…</source>
        <translation>Prüfung…</translation>
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
        <translation>Gesperrt: Melden Sie sich an, um die Kasse zu benutzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="206" />
        <source>Operator: %1 (Ctrl+L to lock)</source>
        <translation>Bediener: %1 (Strg+L zum Sperren)</translation>
    </message>
</context>
<context>
    <name>OperatorsScreen</name>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="43" />
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="43" />
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="43" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="49" />
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="67" />
        <source>cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="68" />
        <source>supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="69" />
        <source>technician</source>
        <translation>Techniker</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="74" />
        <source>locked until %1</source>
        <translation>gesperrt bis %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="77" />
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="92" />
        <source>Select an operator first.</source>
        <translation>Wählen Sie zuerst einen Bediener.</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="103" />
        <source>%1 can log in again.</source>
        <translation>%1 kann sich wieder anmelden.</translation>
    </message>
</context>
<context>
    <name>PerformanceListScreen</name>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="67" />
        <source>All events</source>
        <translation>Alle Veranstaltungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="71" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="71" />
        <location filename="../../app/ui/performances/list_screen.py" line="88" />
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="71" />
        <source>Hall</source>
        <translation>Saal</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="71" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="80" />
        <source>Performances</source>
        <translation>Vorstellungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="86" />
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="87" />
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="141" />
        <source>%1 performance(s)</source>
        <translation>%1 Vorstellung(en)</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="143" />
        <source>No performance in these days.</source>
        <translation>Keine Vorstellung an diesen Tagen.</translation>
    </message>
</context>
<context>
    <name>PerformancePageScreen</name>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="42" />
        <source>← Performances (Esc)</source>
        <translation>← Vorstellungen (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="58" />
        <source>Seats</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="73" />
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="73" />
        <location filename="../../app/ui/performances/performance_page.py" line="107" />
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="73" />
        <location filename="../../app/ui/performances/performance_page.py" line="106" />
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="77" />
        <source>Free seats per category</source>
        <translation>Freie Plätze pro Kategorie</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="108" />
        <source>Held</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="109" />
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="110" />
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="111" />
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="112" />
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="116" />
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="145" />
        <source>Standing, %1: %2 places</source>
        <translation>Stehplätze, %1: %2 Plätze</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="159" />
        <source>On sale at this till.</source>
        <translation>An dieser Kasse im Verkauf.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="161" />
        <source>Not on sale: the performance is %1.</source>
        <translation>Nicht im Verkauf: Die Vorstellung ist %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="164" />
        <source>Not on sale at the box office.</source>
        <translation>An der Kasse nicht im Verkauf.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="165" />
        <source>Sales at this till have not opened yet.</source>
        <translation>Der Verkauf an dieser Kasse hat noch nicht begonnen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="166" />
        <source>Sales at this till are closed.</source>
        <translation>Der Verkauf an dieser Kasse ist geschlossen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="168" />
        <source>Not on sale.</source>
        <translation>Nicht im Verkauf.</translation>
    </message>
</context>
<context>
    <name>PerformanceState</name>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="31" />
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="32" />
        <source>on sale</source>
        <translation>im Verkauf</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="33" />
        <source>suspended</source>
        <translation>ausgesetzt</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="34" />
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="38" />
        <source>&amp;Choose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="39" />
        <source>C&amp;heck</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="44" />
        <source>&amp;Import into this hall</source>
        <translation>In diesen Saal &amp;importieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="49" />
        <source>Plan report</source>
        <translation>Planbericht</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="61" />
        <location filename="../../app/ui/plans/plans_screen.py" line="84" />
        <source>Plan file</source>
        <translation>Plandatei</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="62" />
        <source>Hall</source>
        <translation>Saal</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="84" />
        <source>Plan files (*.json)</source>
        <translation>Plandateien (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="93" />
        <source>Choose a plan file first.</source>
        <translation>Wählen Sie zuerst eine Plandatei.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="105" />
        <source>The plan is valid.</source>
        <translation>Der Plan ist gültig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="113" />
        <source>Name the hall to import into.</source>
        <translation>Geben Sie den Saal an, in den importiert werden soll.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="121" />
        <source>Imported into %1: %2 seats, %3 standing places. Nothing else was changed.</source>
        <translation>In %1 importiert: %2 Sitzplätze, %3 Stehplätze. Sonst wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="132" />
        <source>This file is not a valid plan; nothing was stored.</source>
        <translation>Diese Datei ist kein gültiger Plan; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="139" />
        <source>The file cannot be read: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>WorkArea</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="84" />
        <source>Screens</source>
        <translation>Bildschirme</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="126" />
        <source>Performances</source>
        <translation>Vorstellungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="128" />
        <source>Operators</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="129" />
        <source>Plan files</source>
        <translation>Plandateien</translation>
    </message>
</context>
</TS>