<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>BlindCountPanel</name>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="78" />
        <source>Count the drawer and type what you counted. The till does not show what it expects: a supervisor compares afterwards.</source>
        <translation>Zählen Sie die Kassenlade und geben Sie das Gezählte ein. Die Kasse zeigt nicht, was sie erwartet: ein Supervisor vergleicht danach.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="91" />
        <source>Card &amp;terminal end of day</source>
        <translation>&amp;Tagesabschluss des Kartenterminals</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="93" />
        <source>&amp;Declare the count</source>
        <translation>Zählung &amp;melden</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="95" />
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="126" />
        <source>Card total</source>
        <translation>Kartensumme</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="127" />
        <source>Vouchers</source>
        <translation>Gutscheine</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="128" />
        <source>Cheques</source>
        <translation>Schecks</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="158" />
        <source>Cash counted: %1</source>
        <translation>Gezähltes Bargeld: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="172" />
        <source>Asking the card terminal for its end of day…</source>
        <translation>Tagesabschluss wird beim Kartenterminal angefragt…</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="181" />
        <source>The terminal gave no end of day (%1): type the card total from its receipt.</source>
        <translation>Das Terminal lieferte keinen Tagesabschluss (%1): geben Sie die Kartensumme von seinem Beleg ein.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="188" />
        <source>The terminal's end of day: %1 in %2 payments. It is the card total.</source>
        <translation>Tagesabschluss des Terminals: %1 in %2 Zahlungen. Das ist die Kartensumme.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="199" />
        <source>“%1” is not an amount: type it like 20 or 20.50.</source>
        <translation>„%1“ ist kein Betrag: z. B. 20 oder 20,50 tippen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="216" />
        <source>Recording the count…</source>
        <translation>Zählung wird erfasst…</translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="61" />
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="65" />
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="65" />
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="65" />
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="67" />
        <source>Cart lines</source>
        <translation>Warenkorbpositionen</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="86" />
        <source>Standing zone</source>
        <translation>Stehplatzbereich</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="92" />
        <source>Number of standing places</source>
        <translation>Anzahl Stehplätze</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="93" />
        <source>Add places</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="105" />
        <source>Codes applied to the cart</source>
        <translation>Auf den Warenkorb angewandte Codes</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="111" />
        <source>Code (Ctrl+K)</source>
        <translation>Code (Strg+K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="112" />
        <source>Promo or advantage code</source>
        <translation>Aktions- oder Vorteilscode</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="113" />
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="114" />
        <source>Remove code</source>
        <translation>Code entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="121" />
        <location filename="../../app/ui/sale/cart_panel.py" line="250" />
        <source>No contact</source>
        <translation>Kein Kontakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="124" />
        <source>Contact (Ctrl+U)</source>
        <translation>Kontakt (Strg+U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="133" />
        <source>Add to cart (Enter)</source>
        <translation>In den Warenkorb (Eingabe)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="134" />
        <source>Tariff (F4)</source>
        <translation>Tarif (F4)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="135" />
        <source>Remove (Del)</source>
        <translation>Entfernen (Entf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="136" />
        <source>Pay (F12)</source>
        <translation>Bezahlen (F12)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="199" />
        <source>Booking fee: %1</source>
        <translation>Vorverkaufsgebühr: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="200" />
        <source>Total: %1</source>
        <translation>Gesamt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="234" />
        <source>%1 left the cart: %2</source>
        <translation>%1 wurde aus dem Warenkorb entfernt: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="243" />
        <source>%1 (Ctrl+J applies it)</source>
        <translation>%1 (Strg+J wendet es an)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="245" />
        <source>Advantages without a code: %1</source>
        <translation>Vorteile ohne Code: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="253" />
        <source>Contact: %1</source>
        <translation>Kontakt: %1</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="59" />
        <source>Contact for this sale</source>
        <translation>Kontakt für diesen Verkauf</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="63" />
        <source>Name, company, e-mail, phone or number, Enter</source>
        <translation>Name, Firma, E-Mail, Telefon oder Nummer, Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="64" />
        <source>Find a contact</source>
        <translation>Kontakt suchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="68" />
        <source>Contacts found</source>
        <translation>Gefundene Kontakte</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="71" />
        <location filename="../../app/ui/sale/contact_panel.py" line="77" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="72" />
        <location filename="../../app/ui/sale/contact_panel.py" line="78" />
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="73" />
        <location filename="../../app/ui/sale/contact_panel.py" line="79" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="74" />
        <location filename="../../app/ui/sale/contact_panel.py" line="80" />
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="84" />
        <source>Create and pick (Enter)</source>
        <translation>Anlegen und wählen (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="86" />
        <source>Pick (Enter)</source>
        <translation>Wählen (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="88" />
        <source>Erase personal data…</source>
        <translation>Personendaten löschen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="90" />
        <source>Back to the cart (Esc)</source>
        <translation>Zurück zum Warenkorb (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="100" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="104" />
        <source>Supervisor's PIN</source>
        <translation>PIN des Supervisors</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="106" />
        <source>Erase (Enter)</source>
        <translation>Löschen (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="130" />
        <source>Or a new contact (only what the sale needs):</source>
        <translation>Oder ein neuer Kontakt (nur was der Verkauf braucht):</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="167" />
        <source>%1 found: Enter picks the selected one.</source>
        <translation>%1 gefunden: Enter wählt den markierten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="170" />
        <source>Nobody found: type the new contact's name below.</source>
        <translation>Niemand gefunden: den Namen des neuen Kontakts unten eingeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="199" />
        <source>Find and select the contact to erase first.</source>
        <translation>Zuerst den zu löschenden Kontakt suchen und markieren.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="207" />
        <source>Erase the personal data of %1? Their name, e-mail, phone and company are removed for good; their orders and the journal stay. A supervisor confirms with their PIN, Enter.</source>
        <translation>Personendaten von %1 löschen? Name, E-Mail, Telefon und Firma werden endgültig entfernt; die Bestellungen und das Journal bleiben. Ein Supervisor bestätigt mit seiner PIN, Enter.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="234" />
        <source>The personal data of contact %1 were erased; its orders stay.</source>
        <translation>Die Personendaten des Kontakts %1 wurden gelöscht; seine Bestellungen bleiben.</translation>
    </message>
</context>
<context>
    <name>CountGrid</name>
    <message>
        <location filename="../../app/ui/till/count_grid.py" line="31" />
        <source>Coins</source>
        <translation>Münzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/count_grid.py" line="32" />
        <source>Notes</source>
        <translation>Scheine</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/count_grid.py" line="41" />
        <source>Count of %1</source>
        <translation>Anzahl %1</translation>
    </message>
</context>
<context>
    <name>DeviceText</name>
    <message>
        <location filename="../../app/ui/formatting.py" line="90" />
        <source>Insert card</source>
        <translation>Karte einstecken</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="91" />
        <source>Enter PIN on the terminal</source>
        <translation>PIN am Terminal eingeben</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="92" />
        <source>Waiting for the card issuer…</source>
        <translation>Warten auf den Kartenherausgeber…</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="95" />
        <source>Remove card</source>
        <translation>Karte entnehmen</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="96" />
        <source>Please wait…</source>
        <translation>Bitte warten…</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="97" />
        <source>Checking with the terminal…</source>
        <translation>Nachfrage beim Terminal…</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="98" />
        <source>The drawer has been open too long.</source>
        <translation>Die Schublade ist zu lange offen.</translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="71" />
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="75" />
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="81" />
        <source>Test &amp;payment</source>
        <translation>Test&amp;zahlung</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="82" />
        <source>Test &amp;refund</source>
        <translation>Test&amp;erstattung</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="83" />
        <source>&amp;End of day</source>
        <translation>&amp;Tagesabschluss</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="84" />
        <source>Terminal &amp;status</source>
        <translation>Terminal&amp;status</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="85" />
        <source>&amp;Abort</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="86" />
        <source>&amp;Kick drawer</source>
        <translation>&amp;Schublade öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="87" />
        <source>Read drawer se&amp;nsor</source>
        <translation>Schubladen&amp;sensor lesen</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="88" />
        <source>Show on &amp;display</source>
        <translation>Auf dem &amp;Display zeigen</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="89" />
        <source>Sc&amp;an test</source>
        <translation>Sc&amp;an-Test</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="91" />
        <source>Test actions</source>
        <translation>Testaktionen</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="93" />
        <location filename="../../app/ui/devices/devices_screen.py" line="392" />
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="94" />
        <source>Display line 1</source>
        <translation>Display, Zeile 1</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="95" />
        <source>Display line 2</source>
        <translation>Display, Zeile 2</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="114" />
        <location filename="../../app/ui/devices/devices_screen.py" line="161" />
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="118" />
        <source>Wire log</source>
        <translation>Leitungsprotokoll</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="131" />
        <source>Check with the &amp;terminal</source>
        <translation>Beim &amp;Terminal nachfragen</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="135" />
        <source>Reference on the terminal's receipt</source>
        <translation>Referenz auf dem Terminalbeleg</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="136" />
        <source>The terminal's journal shows the customer was charged</source>
        <translation>Das Terminaljournal zeigt, dass der Kunde belastet wurde</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="138" />
        <source>&amp;Close this payment (supervisor)</source>
        <translation>Diese Zahlung &amp;abschließen (Supervisor)</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="142" />
        <source>Card payments waiting for a decision</source>
        <translation>Kartenzahlungen, die auf eine Entscheidung warten</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="163" />
        <source>Wire log (hex)</source>
        <translation>Leitungsprotokoll (hex)</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="204" />
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="204" />
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="204" />
        <location filename="../../app/ui/devices/devices_screen.py" line="392" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="204" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="223" />
        <source>Card terminal</source>
        <translation>Kartenterminal</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="224" />
        <source>Cash drawer</source>
        <translation>Kassenschublade</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="225" />
        <source>Customer display</source>
        <translation>Kundendisplay</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="226" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="227" />
        <source>Receipt printer</source>
        <translation>Bondrucker</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="228" />
        <source>Ticket printer</source>
        <translation>Ticketdrucker</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="233" />
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="234" />
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="235" />
        <source>busy</source>
        <translation>beschäftigt</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="236" />
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="444" />
        <source>Checking with the terminal…</source>
        <translation>Nachfrage beim Terminal…</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="293" />
        <source>Enter an amount such as 12.50.</source>
        <translation>Geben Sie einen Betrag ein, z. B. 12,50.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="305" />
        <source>Abort sent to the terminal.</source>
        <translation>Abbruch an das Terminal gesendet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="328" />
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="335" />
        <source>Approved: %1. The customer was charged.</source>
        <translation>Genehmigt: %1. Der Kunde wurde belastet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="337" />
        <source>Declined: %1. Nothing was charged.</source>
        <translation>Abgelehnt: %1. Nichts wurde belastet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="340" />
        <source>Unknown: the terminal's answer for %1 was lost. Do not take the payment again. Check with the terminal; if it stays unknown, a supervisor closes it with the reference on the terminal's receipt.</source>
        <translation>Unbekannt: Die Antwort des Terminals für %1 ging verloren. Die Zahlung nicht erneut kassieren. Beim Terminal nachfragen; bleibt sie unbekannt, schließt ein Supervisor sie mit der Referenz auf dem Terminalbeleg ab.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="351" />
        <source>End of day: %1 transaction(s), total %2.</source>
        <translation>Tagesabschluss: %1 Transaktion(en), Summe %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="355" />
        <source>End of day refused: %1</source>
        <translation>Tagesabschluss abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="360" />
        <source>Terminal ready.</source>
        <translation>Terminal bereit.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="360" />
        <source>Terminal not ready: %1</source>
        <translation>Terminal nicht bereit: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="368" />
        <source>The drawer sensor says: open.</source>
        <translation>Der Schubladensensor meldet: offen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="370" />
        <source>The drawer sensor says: closed.</source>
        <translation>Der Schubladensensor meldet: geschlossen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="375" />
        <source>The display shows:</source>
        <translation>Das Display zeigt:</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="379" />
        <source>Scan sent: %1</source>
        <translation>Scan gesendet: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="392" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="392" />
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="411" />
        <source>A card payment whose outcome is unknown must not be taken again. Check with the terminal first; if it stays unknown, look it up in the terminal's journal, then a supervisor closes it with the receipt reference.</source>
        <translation>Eine Kartenzahlung mit unbekanntem Ergebnis darf nicht erneut kassiert werden. Zuerst beim Terminal nachfragen; bleibt sie unbekannt, im Journal des Terminals nachsehen, dann schließt ein Supervisor sie mit der Belegreferenz ab.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="417" />
        <source>No card payment is waiting for a decision.</source>
        <translation>Keine Kartenzahlung wartet auf eine Entscheidung.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="423" />
        <source>not confirmed</source>
        <translation>nicht bestätigt</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="424" />
        <source>sent, no answer</source>
        <translation>gesendet, keine Antwort</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="425" />
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="426" />
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="427" />
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="454" />
        <source>Nothing to check.</source>
        <translation>Nichts zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="462" />
        <source>Only a supervisor may close this payment.</source>
        <translation>Nur ein Supervisor darf diese Zahlung abschließen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="479" />
        <source>Closed as %1 with reference %2.</source>
        <translation>Als %1 mit Referenz %2 abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>ErrorPolicy</name>
    <message>
        <location filename="../../app/ui/errors.py" line="28" />
        <source>Wrong PIN. Attempts left before a one-minute lock: %1</source>
        <translation>Falsche PIN. Verbleibende Versuche vor einer Sperre von einer Minute: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="33" />
        <source>Too many wrong PINs: this operator is locked until %1. A supervisor can unlock it.</source>
        <translation>Zu viele falsche PINs: Dieser Bediener ist bis %1 gesperrt. Ein Supervisor kann ihn entsperren.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="38" />
        <source>This operator no longer exists. Pick another one.</source>
        <translation>Diesen Bediener gibt es nicht mehr. Wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="42" />
        <source>This till's point of sale (%1) is not in the catalog. Ask a technician to check station.toml.</source>
        <translation>Die Verkaufsstelle dieser Kasse (%1) ist nicht im Katalog. Bitten Sie einen Techniker, station.toml zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="52" />
        <source>This cannot be printed: %1</source>
        <translation>Dies kann nicht gedruckt werden: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="70" />
        <source>This was refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="74" />
        <source>Something went wrong and was logged. Check the result before trying again; if it happens again, call a technician.</source>
        <translation>Etwas ist schiefgegangen und wurde protokolliert. Prüfen Sie das Ergebnis, bevor Sie es erneut versuchen; wenn es wieder passiert, rufen Sie einen Techniker.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="84" />
        <source>A session is already open on this till: it was not opened a second time, and the open one is unchanged.</source>
        <translation>An dieser Kasse ist bereits eine Sitzung geöffnet: sie wurde nicht ein zweites Mal geöffnet, die offene Sitzung ist unverändert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="90" />
        <source>No till session is open: nothing can be sold. A supervisor opens one with F10.</source>
        <translation>Keine Kassensitzung geöffnet: es kann nichts verkauft werden. Ein Supervisor öffnet eine mit F10.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="95" />
        <source>Only a supervisor can open a till session.</source>
        <translation>Nur ein Supervisor kann eine Kassensitzung öffnen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="99" />
        <source>This till's sales channel allows no cash float: open the session with every count at zero.</source>
        <translation>Der Vertriebskanal dieser Kasse erlaubt kein Wechselgeld: öffnen Sie die Sitzung mit allen Anzahlen auf null.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="107" />
        <source>This cash count was refused: %1</source>
        <translation>Diese Zählung wurde abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="115" />
        <source>This session's count is in: nothing more is sold or moved in it. A supervisor closes it (F10), then opens the next one.</source>
        <translation>Die Zählung dieser Sitzung liegt vor: darin wird nichts mehr verkauft oder bewegt. Ein Supervisor schließt sie (F10) und öffnet dann die nächste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="121" />
        <source>Only a supervisor can close a till session.</source>
        <translation>Nur ein Supervisor kann eine Kassensitzung schließen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="125" />
        <source>The drawer has not been counted yet: the cashier counts it first (F10).</source>
        <translation>Die Kassenlade ist noch nicht gezählt: zuerst zählt der Kassierer (F10).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="129" />
        <source>Give a reason for each variance: %1. Nothing was sealed.</source>
        <translation>Geben Sie für jede Differenz einen Grund an: %1. Nichts wurde abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="133" />
        <source>The drawer was counted again meanwhile: look at the new count, then seal. Nothing was sealed.</source>
        <translation>Die Kassenlade wurde inzwischen neu gezählt: prüfen Sie die neue Zählung und schließen Sie dann ab. Nichts wurde abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="139" />
        <source>This cash movement was refused: %1. Nothing was recorded.</source>
        <translation>Diese Barbewegung wurde abgelehnt: %1. Nichts wurde erfasst.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="150" />
        <source>The terminal approved the payment.</source>
        <translation>Das Terminal hat die Zahlung genehmigt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="151" />
        <source>The terminal declined the payment.</source>
        <translation>Das Terminal hat die Zahlung abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="152" />
        <source>What the terminal did is not known.</source>
        <translation>Es ist nicht bekannt, was das Terminal getan hat.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="156" />
        <source>The till could not record it. Do not charge the card again: check the terminal's receipt. The payment stays open until a supervisor settles it.</source>
        <translation>Die Kasse konnte es nicht speichern. Belasten Sie die Karte nicht noch einmal: Prüfen Sie den Beleg des Terminals. Die Zahlung bleibt offen, bis ein Supervisor sie abschließt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="170" />
        <source>Already given back: ticket(s) %1. Nothing was done.</source>
        <translation>Bereits erstattet: Ticket(s) %1. Es wurde nichts getan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="174" />
        <source>Ticket(s) %1 are not of this order. Nothing was done.</source>
        <translation>Ticket(s) %1 gehören nicht zu dieser Bestellung. Es wurde nichts getan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="178" />
        <source>Tick the tickets to give back first.</source>
        <translation>Kreuzen Sie zuerst die zu erstattenden Tickets an.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="182" />
        <source>That is more than this order has left to give back. Nothing was done.</source>
        <translation>Das ist mehr, als von dieser Bestellung noch zu erstatten ist. Es wurde nichts getan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="186" />
        <source>Say why in the reason field: the journal keeps it.</source>
        <translation>Geben Sie den Grund im Feld an: das Journal hält ihn fest.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="190" />
        <source>Only a supervisor approves this. Nothing was done.</source>
        <translation>Nur ein Supervisor kann das freigeben. Es wurde nichts getan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="194" />
        <source>A reprint needs a supervisor: their PIN, then Approve.</source>
        <translation>Ein Nachdruck braucht einen Supervisor: seine PIN, dann Freigeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="198" />
        <source>A refund of this order waits for the card terminal's outcome: a supervisor settles that card payment on the Devices screen first. Nothing else was done.</source>
        <translation>Eine Erstattung dieser Bestellung wartet auf das Ergebnis des Kartenterminals: ein Supervisor klärt zuerst diese Kartenzahlung im Bildschirm Geräte. Sonst wurde nichts getan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="204" />
        <source>The card terminal refused the refund: nothing was given back and the tickets stay valid. Try again, or give the money back another way with a supervisor.</source>
        <translation>Das Kartenterminal hat die Erstattung abgelehnt: nichts wurde zurückgegeben, die Tickets bleiben gültig. Versuchen Sie es erneut oder erstatten Sie mit einem Supervisor auf anderem Weg.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="210" />
        <source>The card terminal did not say whether it refunded the card. Do not refund again: the tickets stay valid until a supervisor settles the card payment on the Devices screen (from the terminal's receipt); the refund is then recorded at the next start.</source>
        <translation>Das Kartenterminal hat nicht gemeldet, ob es die Karte erstattet hat. Nicht erneut erstatten: die Tickets bleiben gültig, bis ein Supervisor die Kartenzahlung im Bildschirm Geräte klärt (nach dem Beleg des Terminals); die Erstattung wird dann beim nächsten Start erfasst.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="217" />
        <source>This station has no card terminal: the card part cannot be refunded here. Nothing was done.</source>
        <translation>Diese Kasse hat kein Kartenterminal: der Kartenanteil kann hier nicht erstattet werden. Es wurde nichts getan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="222" />
        <source>Training mode and this order do not match: a real order is refunded or reprinted outside training mode, a training one inside it. Nothing was done.</source>
        <translation>Schulungsmodus und Bestellung passen nicht zusammen: eine echte Bestellung wird außerhalb des Schulungsmodus erstattet oder nachgedruckt, eine Schulungsbestellung in ihm. Es wurde nichts getan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="227" />
        <source>Ticket %1 is not valid any more (refunded): nothing was done.</source>
        <translation>Ticket %1 ist nicht mehr gültig (erstattet): es wurde nichts getan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="231" />
        <source>Order %1 was picked up already (at another till, or just now): nothing was printed. A lost ticket is reprinted as DUPLICATA.</source>
        <translation>Bestellung %1 wurde bereits abgeholt (an einer anderen Kasse oder gerade eben): nichts wurde gedruckt. Ein verlorenes Ticket wird als DUPLIKAT nachgedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="236" />
        <source>Order %1 was cancelled where it was placed: nothing to print.</source>
        <translation>Bestellung %1 wurde dort storniert, wo sie aufgegeben wurde: nichts zu drucken.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="239" />
        <source>No order %1 for pick-up on this till: check the number, or wait for the server's news if it was placed a moment ago.</source>
        <translation>Keine abzuholende Bestellung %1 an dieser Kasse: Nummer prüfen oder auf die Nachricht des Servers warten, falls sie gerade erst aufgegeben wurde.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="244" />
        <source>Training mode is on: orders are picked up only outside it. Nothing was printed.</source>
        <translation>Der Schulungsmodus ist aktiv: Bestellungen werden nur außerhalb abgeholt. Nichts wurde gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="248" />
        <source>Training mode is on: options are made and picked up only outside it. Nothing was done.</source>
        <translation>Der Schulungsmodus ist an: Optionen werden nur außerhalb angelegt und abgeholt. Es wurde nichts getan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="277" />
        <source>Order %1: %2 to pay, %3 given: take at least what is due (or leave the field empty for the exact amount).</source>
        <translation>Bestellung %1: %2 zu bezahlen, %3 erhalten: mindestens den fälligen Betrag annehmen (oder das Feld für den passenden Betrag leer lassen).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="287" />
        <source>Order %1 was paid where it was placed: take no money for it.</source>
        <translation>Bestellung %1 wurde dort bezahlt, wo sie aufgegeben wurde: dafür kein Geld annehmen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="291" />
        <source>Order %1: this station has no card terminal; take the cash.</source>
        <translation>Bestellung %1: Diese Kasse hat kein Kartenterminal; nehmen Sie Bargeld an.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="296" />
        <source>Order %1: the card was declined (%2). Nothing was charged; take another card or cash.</source>
        <translation>Bestellung %1: Die Karte wurde abgelehnt (%2). Nichts wurde belastet; nehmen Sie eine andere Karte oder Bargeld.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="305" />
        <source>Order %1: a card payment for it has no known outcome. Do not charge the card again: a supervisor settles it on the Devices screen, then pick the order up.</source>
        <translation>Bestellung %1: Eine Kartenzahlung dafür hat kein bekanntes Ergebnis. Belasten Sie die Karte nicht erneut: Eine Aufsicht klärt sie im Bildschirm Geräte, dann holen Sie die Bestellung ab.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="313" />
        <source>Order %1: the card paid %2 but the pick-up was not recorded (%3). Scan the order again to record it: the card is not charged again. If it was picked up elsewhere meanwhile, a supervisor refunds the card.</source>
        <translation>Bestellung %1: Die Karte hat %2 bezahlt, aber die Abholung wurde nicht erfasst (%3). Scannen Sie die Bestellung erneut, um sie zu erfassen: Die Karte wird nicht erneut belastet. Wurde sie inzwischen anderswo abgeholt, erstattet eine Aufsicht die Karte.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="325" />
        <source>Order %1: ticket %2 is for performance %3, which this till does not have (wait for the server's catalog, or pick it up at another till). Nothing was printed.</source>
        <translation>Bestellung %1: Ticket %2 ist für die Vorstellung %3, die diese Kasse nicht hat (auf den Katalog des Servers warten oder an einer anderen Kasse abholen). Nichts wurde gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="343" />
        <source>The card was declined (%1): nothing was charged and nothing put on a gift card.</source>
        <translation>Die Karte wurde abgelehnt (%1): Nichts wurde belastet und nichts auf eine Geschenkkarte gebucht.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="348" />
        <source>The card payment has no known outcome. Do not charge the card again: a supervisor settles it on the Devices screen; if it was approved, the gift card gets it at the next start.</source>
        <translation>Die Kartenzahlung hat kein bekanntes Ergebnis. Belasten Sie die Karte nicht erneut: Eine Aufsicht klärt sie im Bildschirm Geräte; wurde sie genehmigt, erhält die Geschenkkarte den Betrag beim nächsten Start.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="357" />
        <source>The card paid %1 but gift card %2 was not recorded (%3). Do not charge the card again: the till's next start puts it on the card.</source>
        <translation>Die Karte hat %1 bezahlt, aber die Geschenkkarte %2 wurde nicht erfasst (%3). Belasten Sie die Karte nicht erneut: Der nächste Start der Kasse bucht den Betrag auf die Karte.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="367" />
        <source>This station has no card terminal: take the cash.</source>
        <translation>Diese Kasse hat kein Kartenterminal: Nehmen Sie Bargeld an.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="373" />
        <source>Gift card %1 expired on %2: it pays nothing any more. Take another payment (a top-up makes the card usable again).</source>
        <translation>Die Geschenkkarte %1 ist am %2 abgelaufen: Sie zahlt nichts mehr. Nehmen Sie eine andere Zahlung an (eine Aufladung macht die Karte wieder nutzbar).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="386" />
        <source>These seats cannot go into the cart: %1. Pick other seats.</source>
        <translation>Diese Plätze können nicht in den Warenkorb: %1. Andere Plätze wählen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="394" />
        <source>The server would not hold these places until the option's expiry: %1. Nothing was held; try again, or make the option when the server can be reached.</source>
        <translation>Der Server hält diese Plätze nicht bis zum Ablauf der Option: %1. Nichts wurde reserviert; versuchen Sie es erneut oder legen Sie die Option an, wenn der Server erreichbar ist.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="401" />
        <source>Only %1 standing places are left in %2: nothing was added.</source>
        <translation>Nur noch %1 Stehplätze in %2: nichts wurde hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="409" />
        <source>%1 seats asked in %2, only %3 left that sit together or apart: nothing was added. Ask for fewer.</source>
        <translation>%1 Plätze in %2 verlangt, nur %3 frei, zusammen oder getrennt: nichts wurde hinzugefügt. Verlangen Sie weniger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="419" />
        <source>At most %1 tickets per order for this performance: nothing was added.</source>
        <translation>Höchstens %1 Tickets pro Bestellung für diese Vorstellung: nichts wurde hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="424" />
        <source>Another cart took these seats after their hold ran out: %1. The sale is not recorded. Remove them and pick other seats; a card already charged for this sale stays approved, for a supervisor to refund.</source>
        <translation>Ein anderer Warenkorb hat diese Plätze nach Ablauf ihrer Reservierung genommen: %1. Der Verkauf ist nicht gespeichert. Sie entfernen und andere Plätze wählen; eine für diesen Verkauf bereits belastete Karte bleibt genehmigt, ein Supervisor erstattet sie.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="431" />
        <source>This payment was refused: %1. Take the payment again.</source>
        <translation>Diese Zahlung wurde abgelehnt: %1. Die Zahlung erneut annehmen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="435" />
        <source>The server revoked this till: it cannot sell until a technician enrolls it again. The sales already made are kept.</source>
        <translation>Der Server hat diese Kasse gesperrt: sie kann nicht verkaufen, bis ein Techniker sie neu anmeldet. Die bisherigen Verkäufe bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="441" />
        <source>A card payment of this sale has no known outcome yet. Do not charge the card again: a supervisor settles it in Devices (the terminal is asked), then pay the rest.</source>
        <translation>Eine Kartenzahlung dieses Verkaufs hat noch kein bekanntes Ergebnis. Belasten Sie die Karte nicht noch einmal: Ein Supervisor klärt sie unter Geräte (das Terminal wird gefragt), dann zahlen Sie den Rest.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="458" />
        <source>Nothing was changed in the cart.</source>
        <translation>Am Warenkorb wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="462" />
        <source>This is not a valid %1: %2. Correct it; nothing was saved.</source>
        <translation>Kein gültiges Feld %1: %2. Bitte korrigieren; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="465" />
        <source>%2 is already the e-mail of contact %1: find that contact and pick it. Nothing was saved.</source>
        <translation>%2 ist schon die E-Mail des Kontakts %1: diesen Kontakt suchen und wählen. Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="470" />
        <source>This contact's personal data were erased already.</source>
        <translation>Die Personendaten dieses Kontakts wurden bereits gelöscht.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="473" />
        <source>Only a supervisor erases a contact's personal data. Nothing was done.</source>
        <translation>Nur ein Supervisor löscht die Personendaten eines Kontakts. Nichts wurde getan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="481" />
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="482" />
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="483" />
        <source>phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="484" />
        <source>company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="507" />
        <source>The code %1 is not known.</source>
        <translation>Der Code %1 ist unbekannt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="508" />
        <source>The code %1 was used already: a single-use code sells once.</source>
        <translation>Der Code %1 wurde bereits verwendet: ein Einmalcode gilt nur einmal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="511" />
        <source>The code %1 was invalidated: it cannot be used any more.</source>
        <translation>Der Code %1 wurde gesperrt: er kann nicht mehr verwendet werden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="514" />
        <source>The code %1 is valid only from %2.</source>
        <translation>Der Code %1 gilt erst ab %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="515" />
        <source>The code %1 ended on %2.</source>
        <translation>Der Code %1 ist am %2 abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="516" />
        <source>The code %1 is not valid on this sales channel (%2).</source>
        <translation>Der Code %1 gilt nicht für diesen Verkaufskanal (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="519" />
        <source>The cart is below the code %1's minimum of %2.</source>
        <translation>Der Warenkorb liegt unter dem Mindestbetrag von %2 des Codes %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="522" />
        <source>The code %1 reached its quota (%2 sales): it cannot be used any more.</source>
        <translation>Der Code %1 hat sein Kontingent erreicht (%2 Verkäufe): er kann nicht mehr verwendet werden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="525" />
        <source>Nothing in the cart is eligible for the code %1.</source>
        <translation>Nichts im Warenkorb ist für den Code %1 berechtigt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="528" />
        <source>The advantage %1 is only for the contacts of its list.</source>
        <translation>Der Vorteil %1 gilt nur für die Kontakte seiner Liste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="531" />
        <source>The single-use code %1 must be checked with the server, which cannot be reached; try again when online.</source>
        <translation>Der Einmalcode %1 muss beim Server geprüft werden, der nicht erreichbar ist; erneut versuchen, sobald die Verbindung besteht.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="536" />
        <source>The code %1 is already applied to this cart.</source>
        <translation>Der Code %1 ist bereits auf diesen Warenkorb angewandt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="558" />
        <source>sold</source>
        <translation>verkauft</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="559" />
        <source>held in another cart</source>
        <translation>in einem anderen Warenkorb gehalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="560" />
        <source>reserved</source>
        <translation>reserviert</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="561" />
        <source>blocked, not for sale</source>
        <translation>gesperrt, nicht im Verkauf</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="562" />
        <source>invalidated</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="563" />
        <source>not on this plan</source>
        <translation>nicht in diesem Saalplan</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="564" />
        <source>kept for a contingent this till does not sell</source>
        <translation>für ein Kontingent reserviert, das diese Kasse nicht verkauft</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="567" />
        <source>this till sells only seats of its contingents</source>
        <translation>diese Kasse verkauft nur Plätze ihrer Kontingente</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="570" />
        <source>already in this cart</source>
        <translation>bereits in diesem Warenkorb</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="571" />
        <source>no tariff this till may sell</source>
        <translation>kein an dieser Kasse verkäuflicher Tarif</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="572" />
        <source>the performance is not on sale</source>
        <translation>die Vorstellung ist nicht im Verkauf</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="575" />
        <source>no sale window for this till</source>
        <translation>kein Verkaufszeitraum für diese Kasse</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="578" />
        <source>sales not open yet</source>
        <translation>Verkauf noch nicht geöffnet</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="579" />
        <source>sales closed</source>
        <translation>Verkauf geschlossen</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="580" />
        <source>no such zone</source>
        <translation>unbekannter Bereich</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="581" />
        <source>no quantity typed</source>
        <translation>keine Menge eingegeben</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="582" />
        <source>the server does not let this till sell it</source>
        <translation>der Server erlaubt dieser Kasse nicht, ihn zu verkaufen</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="585" />
        <source>not enough places left</source>
        <translation>nicht mehr genug Plätze</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="586" />
        <source>no longer held on the server: another till may have taken it</source>
        <translation>auf dem Server nicht mehr reserviert: eine andere Kasse hat ihn vielleicht genommen</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="589" />
        <source>the server cannot be reached, and only the seats leased to this till sell without it</source>
        <translation>der Server ist nicht erreichbar, und ohne ihn verkaufen sich nur die dieser Kasse überlassenen Plätze</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="593" />
        <source>a sale is either from this till's lease or from the server: pay this cart first</source>
        <translation>ein Verkauf kommt entweder aus dem Kontingent dieser Kasse oder vom Server: kassieren Sie zuerst diesen Warenkorb</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="606" />
        <source>The till's database %1 is damaged. Do not delete it: it holds the sales. Call a technician to restore it from a backup.</source>
        <translation>Die Datenbank der Kasse %1 ist beschädigt. Löschen Sie sie nicht: Sie enthält die Verkäufe. Rufen Sie einen Techniker, um sie aus einer Sicherung wiederherzustellen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="611" />
        <source>The till's database %1 cannot be written (read-only or locked file or folder). Nothing was saved. A technician must give the till write access to it.</source>
        <translation>In die Datenbank der Kasse %1 kann nicht geschrieben werden (schreibgeschützte oder gesperrte Datei oder Ordner). Nichts wurde gespeichert. Ein Techniker muss der Kasse Schreibzugriff geben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="616" />
        <source>The disk holding the till's database %1 is full. What you just did was not saved. Free some space on it, then try again.</source>
        <translation>Der Datenträger der Kassendatenbank %1 ist voll. Ihre letzte Aktion wurde nicht gespeichert. Schaffen Sie Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="621" />
        <source>The disk holding the till's database %1 reported an error. What you just did may not be saved. Call a technician: the disk may be failing.</source>
        <translation>Der Datenträger der Kassendatenbank %1 hat einen Fehler gemeldet. Ihre letzte Aktion ist möglicherweise nicht gespeichert. Rufen Sie einen Techniker: Der Datenträger könnte defekt sein.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="626" />
        <source>The till's database %1 stayed busy too long. Nothing was saved. Wait a moment, then try again; if it happens again, call a technician.</source>
        <translation>Die Datenbank der Kasse %1 war zu lange belegt. Nichts wurde gespeichert. Warten Sie einen Moment und versuchen Sie es erneut; wenn es wieder passiert, rufen Sie einen Techniker.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="631" />
        <source>The till's database %1 is in use by another Guichet running on this computer. Only one may sell on it: use the one that is open, or close it first.</source>
        <translation>Die Datenbank der Kasse %1 wird von einem anderen Guichet auf diesem Computer benutzt. Nur eines darf damit verkaufen: Verwenden Sie das geöffnete oder schließen Sie es zuerst.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="636" />
        <source>The till's database %1 is empty although it existed: its history is gone. The till will not start over it. Call a technician to restore it from a backup.</source>
        <translation>Die Datenbank der Kasse %1 ist leer, obwohl sie existierte: Ihr Verlauf ist verloren. Die Kasse startet nicht darüber neu. Rufen Sie einen Techniker, um sie aus einer Sicherung wiederherzustellen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="648" />
        <source>The device</source>
        <translation>Das Gerät</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="650" />
        <source>%1 is used by another computer or program (it accepts one connection at a time). Close the other one, then try again.</source>
        <translation>%1 wird von einem anderen Computer oder Programm benutzt (nur eine Verbindung gleichzeitig). Schließen Sie das andere, dann versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="656" />
        <source>%1 cannot be reached: %2. Check its cable and power.</source>
        <translation>%1 ist nicht erreichbar: %2. Prüfen Sie Kabel und Stromversorgung.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="660" />
        <source>%1 did not answer in time. Nothing was lost: check it.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet. Nichts ging verloren: Prüfen Sie es.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="664" />
        <source>%1 needs attention: %2. Fix it, then try again.</source>
        <translation>%1 braucht Aufmerksamkeit: %2. Beheben Sie das, dann versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="668" />
        <source>%1 answered something that makes no sense: %2. Check the driver and the cable.</source>
        <translation>%1 hat etwas Unverständliches geantwortet: %2. Prüfen Sie Treiber und Kabel.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="673" />
        <source>%1 is not configured correctly: %2. Check station.toml.</source>
        <translation>%1 ist falsch konfiguriert: %2. Prüfen Sie station.toml.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="677" />
        <source>%1 reported a problem: %2</source>
        <translation>%1 hat ein Problem gemeldet: %2</translation>
    </message>
</context>
<context>
    <name>ExchangePanel</name>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="68" />
        <source>New performance</source>
        <translation>Neue Vorstellung</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="72" />
        <source>New tariff</source>
        <translation>Neuer Tarif</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="75" />
        <source>Number of new tickets</source>
        <translation>Anzahl neuer Tickets</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="77" />
        <source>Pick the seats</source>
        <translation>Plätze wählen</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="84" />
        <source>Cash given (empty: the exact amount)</source>
        <translation>Erhaltenes Bargeld (leer: der genaue Betrag)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="85" />
        <source>Cash given</source>
        <translation>Erhaltenes Bargeld</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="87" />
        <source>Exchange (Ctrl+E)</source>
        <translation>Umtauschen (Strg+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="90" />
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="94" />
        <source>Exchange for:</source>
        <translation>Umtauschen gegen:</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="118" />
        <source>Choose the new performance, tariff and number of tickets.</source>
        <translation>Neue Vorstellung, Tarif und Anzahl der Tickets wählen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="135" />
        <source>A sale is in progress in the cart: finish or clear it first.</source>
        <translation>Im Warenkorb läuft ein Verkauf: zuerst abschließen oder leeren.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="188" />
        <source>Holding the seats…</source>
        <translation>Plätze werden gehalten…</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="195" />
        <source>Given back: %1. New tickets: %2.</source>
        <translation>Zurückgegeben: %1. Neue Tickets: %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="200" />
        <source>The customer pays %1 in cash.</source>
        <translation>Der Kunde zahlt %1 bar.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="204" />
        <location filename="../../app/ui/orders/exchange_panel.py" line="251" />
        <source>GIVE %1 IN CASH from the drawer</source>
        <translation>GEBEN SIE %1 BAR aus der Schublade</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="208" />
        <source>Nothing to pay.</source>
        <translation>Nichts zu zahlen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="209" />
        <source>Ctrl+E exchanges.</source>
        <translation>Strg+E tauscht um.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="217" />
        <location filename="../../app/ui/orders/exchange_panel.py" line="279" />
        <source>Pick the new seats first.</source>
        <translation>Zuerst die neuen Plätze wählen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="229" />
        <source>Type the cash given, e.g. 20.00.</source>
        <translation>Erhaltenes Bargeld eingeben, z. B. 20.00.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="248" />
        <source>Exchanged: the old tickets' barcodes are void, %1 new tickets are printing.</source>
        <translation>Umgetauscht: die Barcodes der alten Tickets sind ungültig, %1 neue Tickets werden gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="271" />
        <source>No exchange: nothing was changed.</source>
        <translation>Kein Umtausch: nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="275" />
        <source>The customer pays %1 in cash: type at least that.</source>
        <translation>Der Kunde zahlt %1 bar: mindestens diesen Betrag eingeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="282" />
        <source>Nothing was exchanged.</source>
        <translation>Nichts wurde umgetauscht.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../app/ui/formatting.py" line="78" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="80" />
        <source>%1 min %2 s</source>
        <translation>%1 Min. %2 s</translation>
    </message>
</context>
<context>
    <name>GiftCardPanel</name>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="51" />
        <source>Gift card code (empty: a new card)</source>
        <translation>Code der Geschenkkarte (leer: neue Karte)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="52" />
        <source>Gift card code</source>
        <translation>Gutscheincode</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="55" />
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="56" />
        <source>Amount to put on the card</source>
        <translation>Betrag für die Karte</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="59" />
        <source>Cash given (empty: the exact amount)</source>
        <translation>Erhaltenes Bargeld (leer: der genaue Betrag)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="60" />
        <source>Cash given</source>
        <translation>Erhaltenes Bargeld</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="62" />
        <source>Sell / top up</source>
        <translation>Verkaufen / aufladen</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="64" />
        <source>By card</source>
        <translation>Mit Karte</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="68" />
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="72" />
        <source>Gift card:</source>
        <translation>Geschenkkarte:</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="85" />
        <source>“%1” is not an amount: type it like 20 or 20.50.</source>
        <translation>„%1“ ist kein Betrag: z. B. 20 oder 20,50 tippen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="116" />
        <source>Card payment of %1: the customer follows the terminal's prompts.</source>
        <translation>Kartenzahlung über %1: der Kunde folgt den Anweisungen des Terminals.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="137" />
        <source>Gift card %1 sold: %2 on it.</source>
        <translation>Geschenkkarte %1 verkauft: %2 darauf.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="139" />
        <source>Gift card %1 topped up: %2 on it.</source>
        <translation>Geschenkkarte %1 aufgeladen: %2 darauf.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="143" />
        <source>GIVE %1 IN CASH from the drawer</source>
        <translation>GEBEN SIE %1 BAR aus der Schublade</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="154" />
        <source>Type or scan the gift card's code first.</source>
        <translation>Zuerst den Code der Geschenkkarte eingeben oder scannen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="162" />
        <location filename="../../app/ui/orders/gift_card_panel.py" line="186" />
        <source>No gift card %1 on this till.</source>
        <translation>Keine Geschenkkarte %1 an dieser Kasse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="165" />
        <source>Gift card %1 holds %2.</source>
        <translation>Die Geschenkkarte %1 enthält %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="167" />
        <source>Gift card %1 holds %2, to spend until %3.</source>
        <translation>Die Geschenkkarte %1 enthält %2, einlösbar bis %3.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="169" />
        <source>Gift card %1 holds %2 but expired on %3: it pays nothing.</source>
        <translation>Die Geschenkkarte %1 enthält %2, ist aber am %3 abgelaufen: Sie zahlt nichts mehr.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="188" />
        <source>Type an amount more than zero.</source>
        <translation>Einen Betrag über null eingeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="190" />
        <source>The customer gives at least %1 in cash.</source>
        <translation>Der Kunde gibt mindestens %1 bar.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="195" />
        <source>Nothing was done.</source>
        <translation>Es wurde nichts getan.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="124" />
        <source>Guichet: log in</source>
        <translation>Guichet: Anmeldung</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="125" />
        <source>&amp;Operator</source>
        <translation>&amp;Bediener</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="126" />
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="127" />
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="128" />
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="129" />
        <source>Type your PIN, then Enter</source>
        <translation>PIN eingeben, dann Eingabe</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="130" />
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="131" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="145" />
        <source>cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="146" />
        <source>supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="147" />
        <source>technician</source>
        <translation>Techniker</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="189" />
        <source>Checking…</source>
        <translation>Prüfung…</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="229" />
        <source>The lock has ended: type the PIN again.</source>
        <translation>Die Sperre ist abgelaufen: Geben Sie die PIN erneut ein.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="234" />
        <source>Too many wrong PINs: this operator is locked for %1 more (until %2). A supervisor can unlock it.</source>
        <translation>Zu viele falsche PINs: Dieser Bediener ist noch %1 gesperrt (bis %2). Ein Supervisor kann ihn entsperren.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="343" />
        <source>Guichet</source>
        <translation>Guichet</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="365" />
        <source>TRAINING: nothing sold is real (supervisor: %1)</source>
        <translation>SCHULUNG: nichts wird wirklich verkauft (Supervisor: %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="371" />
        <source>Locked: log in to use the till</source>
        <translation>Gesperrt: Melden Sie sich an, um die Kasse zu benutzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="374" />
        <source>Operator: %1 (Ctrl+L to lock)</source>
        <translation>Bediener: %1 (Strg+L zum Sperren)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="386" />
        <source>Only a supervisor starts or ends training mode.</source>
        <translation>Nur ein Supervisor startet oder beendet den Schulungsmodus.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="422" />
        <source>Scan ignored: log in first.</source>
        <translation>Scan ignoriert: Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="424" />
        <source>Scanned: %1</source>
        <translation>Gescannt: %1</translation>
    </message>
</context>
<context>
    <name>OperatorsScreen</name>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="45" />
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="45" />
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="45" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="51" />
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="74" />
        <source>cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="75" />
        <source>supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="76" />
        <source>technician</source>
        <translation>Techniker</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="81" />
        <source>locked until %1</source>
        <translation>gesperrt bis %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="84" />
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="99" />
        <source>Select an operator first.</source>
        <translation>Wählen Sie zuerst einen Bediener.</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="110" />
        <source>%1 can log in again.</source>
        <translation>%1 kann sich wieder anmelden.</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="56" />
        <source>Contact number</source>
        <translation>Kontaktnummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="59" />
        <source>Performance</source>
        <translation>Vorstellung</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="62" />
        <source>Quantities, e.g. CAT1=2 CAT2=1</source>
        <translation>Mengen, z. B. CAT1=2 CAT2=1</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="68" />
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="69" />
        <source>Create option</source>
        <translation>Option anlegen</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="73" />
        <source>Validate</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="75" />
        <source>Refuse</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="79" />
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="110" />
        <source>Type the quantities like CAT1=2 CAT2=1.</source>
        <translation>Geben Sie die Mengen so ein: CAT1=2 CAT2=1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="123" />
        <source>Option %1 placed.</source>
        <translation>Option %1 angelegt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="130" />
        <source>Select an option first.</source>
        <translation>Wählen Sie zuerst eine Option.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="137" />
        <source>Nothing was done.</source>
        <translation>Es wurde nichts getan.</translation>
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="90" />
        <source>Order number, ticket number or scan a barcode</source>
        <translation>Bestellnummer, Ticketnummer oder Barcode scannen</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="91" />
        <source>Find an order</source>
        <translation>Bestellung suchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="101" />
        <source>Tickets of the order</source>
        <translation>Tickets der Bestellung</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="103" />
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="103" />
        <source>Performance</source>
        <translation>Vorstellung</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="103" />
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="103" />
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="104" />
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="104" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="112" />
        <source>Prints and journal entries of the order</source>
        <translation>Drucke und Journaleinträge der Bestellung</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="115" />
        <source>Why (kept in the journal)</source>
        <translation>Grund (im Journal festgehalten)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="116" />
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="117" />
        <source>Refund ticked tickets (Ctrl+R)</source>
        <translation>Angekreuzte Tickets erstatten (Strg+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="118" />
        <source>Reprint as DUPLICATA (F9)</source>
        <translation>Als DUPLICATA nachdrucken (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="120" />
        <source>To a credit balance (avoir)</source>
        <translation>Als Gutschrift</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="123" />
        <source>The refund goes onto a new code, spent later like a gift card</source>
        <translation>Die Erstattung geht auf einen neuen Code, später wie eine Geschenkkarte einlösbar</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="126" />
        <source>Exchange ticked tickets (Ctrl+E)</source>
        <translation>Markierte Tickets umtauschen (Strg+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="174" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="178" />
        <source>Supervisor's PIN</source>
        <translation>PIN des Supervisors</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="180" />
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="183" />
        <source>Supervisor approval:</source>
        <translation>Freigabe durch den Supervisor:</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="238" />
        <source>Gift card %1: a card payment of %2 approved before the till stopped is on it now (the card was not charged again).</source>
        <translation>Geschenkkarte %1: Eine vor dem Anhalten der Kasse genehmigte Kartenzahlung von %2 ist jetzt darauf (die Karte wurde nicht erneut belastet).</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="246" />
        <source>Order %1: the card terminal had refunded the card before the till stopped; the refund is recorded now.</source>
        <translation>Bestellung %1: das Kartenterminal hatte die Karte erstattet, bevor die Kasse stoppte; die Erstattung ist jetzt erfasst.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="254" />
        <source>Order %1: a card refund's outcome is unknown. Do not refund again: a supervisor settles it on the Devices screen; it is recorded at the next start.</source>
        <translation>Bestellung %1: das Ergebnis einer Kartenerstattung ist unbekannt. Nicht erneut erstatten: ein Supervisor klärt es im Bildschirm Geräte; es wird beim nächsten Start erfasst.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="259" />
        <source>Order %1: the till stopped before anything was given back; the tickets stay valid. Refund them again if the customer still wants it.</source>
        <translation>Bestellung %1: die Kasse stoppte, bevor etwas zurückgegeben wurde; die Tickets bleiben gültig. Erstatten Sie sie erneut, wenn der Kunde es noch wünscht.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="281" />
        <source>Nothing found for %1: check the number, or scan the ticket again.</source>
        <translation>Nichts gefunden für %1: prüfen Sie die Nummer oder scannen Sie das Ticket erneut.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="289" />
        <source>a DUPLICATA with a new barcode replaced it</source>
        <translation>ein DUPLIKAT mit neuem Barcode hat es ersetzt</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="290" />
        <source>the ticket was refunded</source>
        <translation>das Ticket wurde erstattet</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="291" />
        <source>the sale was cancelled</source>
        <translation>der Verkauf wurde storniert</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="292" />
        <source>the ticket was exchanged</source>
        <translation>das Ticket wurde umgetauscht</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="295" />
        <source>VOID barcode: %1. Ticket %2 of order %3. It gives no entry.</source>
        <translation>UNGÜLTIGER Barcode: %1. Ticket %2 der Bestellung %3. Er gewährt keinen Einlass.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="314" />
        <source>Find an order: type or scan, then Enter.</source>
        <translation>Bestellung suchen: eingeben oder scannen, dann Eingabe.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="320" />
        <source>Order %1 · %2 · total %3</source>
        <translation>Bestellung %1 · %2 · Summe %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="326" />
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="327" />
        <source>refunded</source>
        <translation>erstattet</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="328" />
        <location filename="../../app/ui/orders/orders_screen.py" line="391" />
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="329" />
        <source>reprinted (DUPLICATA)</source>
        <translation>nachgedruckt (DUPLIKAT)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="330" />
        <source>exchanged</source>
        <translation>umgetauscht</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="331" />
        <source>void</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="347" />
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="348" />
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="349" />
        <source>Gift card</source>
        <translation>Geschenkkarte</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="350" />
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="354" />
        <source>%1: %2 paid, %3 given back</source>
        <translation>%1: %2 bezahlt, %3 zurückgegeben</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="363" />
        <source>Print: %1 (%2)</source>
        <translation>Druck: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="382" />
        <source>Order %1 · %2 · %3 · total %4</source>
        <translation>Bestellung %1 · %2 · %3 · gesamt %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="389" />
        <source>picked up</source>
        <translation>abgeholt</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="393" />
        <source>to print</source>
        <translation>zu drucken</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="395" />
        <source>to pay and print</source>
        <translation>zu bezahlen und drucken</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="403" />
        <source>Paid where it was placed.</source>
        <translation>Dort bezahlt, wo sie aufgegeben wurde.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="405" />
        <source>To pay here: %1.</source>
        <translation>Hier zu bezahlen: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="429" />
        <source>Option %1: take the payment, then its tickets print.</source>
        <translation>Option %1: Zahlung annehmen, dann werden ihre Tickets gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="443" />
        <source>Option %1 paid %2: %3 ticket(s) printed.</source>
        <translation>Option %1 bezahlt %2: %3 Ticket(s) gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="455" />
        <source>Option %1 not paid: it stays validated, its places held.</source>
        <translation>Option %1 nicht bezahlt: Sie bleibt bestätigt, ihre Plätze reserviert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="480" />
        <source>Tick the tickets to give back first.</source>
        <translation>Kreuzen Sie zuerst die zu erstattenden Tickets an.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="523" />
        <location filename="../../app/ui/orders/orders_screen.py" line="595" />
        <source>Say why in the reason field: the journal keeps it.</source>
        <translation>Geben Sie den Grund im Feld an: das Journal hält ihn fest.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="485" />
        <source>Refunding… (the card terminal may ask the customer)</source>
        <translation>Erstattung… (das Kartenterminal kann den Kunden fragen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="506" />
        <source>Tick the tickets to exchange first.</source>
        <translation>Zuerst die umzutauschenden Tickets markieren.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="538" />
        <source>%1 to the card</source>
        <translation>%1 auf die Karte</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="548" />
        <source>%1 to the gift card</source>
        <translation>%1 auf die Geschenkkarte</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="251" />
        <location filename="../../app/ui/orders/orders_screen.py" line="552" />
        <source>GIVE %1 IN CASH from the drawer</source>
        <translation>GEBEN SIE %1 BAR aus der Schublade</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="542" />
        <source>%1 onto the credit balance %2 (give the customer its slip)</source>
        <translation>%1 auf die Gutschrift %2 (dem Kunden den Beleg geben)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="557" />
        <source>Refunded: %1. The tickets' barcodes are void, their seats on sale again.</source>
        <translation>Erstattet: %1. Die Barcodes der Tickets sind ungültig, ihre Plätze wieder im Verkauf.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="559" />
        <source>Ctrl+P prints its receipt.</source>
        <translation>Strg+P druckt den Beleg.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="574" />
        <source>The refund's receipt is printing.</source>
        <translation>Der Beleg der Erstattung wird gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="576" />
        <source>No receipt printer on this station.</source>
        <translation>Kein Belegdrucker an dieser Kasse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="607" />
        <source>Ticket %1 reprinted as DUPLICATA; its old barcode is void.</source>
        <translation>Ticket %1 als DUPLIKAT nachgedruckt; sein alter Barcode ist ungültig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="611" />
        <source>No ticket printer on this station: nothing printed.</source>
        <translation>Kein Ticketdrucker an dieser Kasse: nichts gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="433" />
        <location filename="../../app/ui/orders/orders_screen.py" line="628" />
        <source>Nothing was done.</source>
        <translation>Es wurde nichts getan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="631" />
        <source>Above %1 a supervisor approves: their PIN, then Approve.</source>
        <translation>Über %1 gibt ein Supervisor frei: seine PIN, dann Freigeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="637" />
        <source>A reprint needs a supervisor: their PIN, then Approve.</source>
        <translation>Ein Nachdruck braucht einen Supervisor: seine PIN, dann Freigeben.</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="91" />
        <source>Payments taken</source>
        <translation>Erhaltene Zahlungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="94" />
        <source>Amount given (Enter on empty: exact cash)</source>
        <translation>Gegebener Betrag (Enter ohne Betrag: passend)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="95" />
        <source>Amount given in cash</source>
        <translation>Bar gegebener Betrag</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="99" />
        <source>Gift card code (type or scan)</source>
        <translation>Gutscheincode (tippen oder scannen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="100" />
        <source>Gift card code</source>
        <translation>Gutscheincode</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="104" />
        <source>Company paying on account</source>
        <translation>Firma, die auf Wartekonto zahlt</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="105" />
        <source>Company whose waiting account pays</source>
        <translation>Firma, deren Wartekonto zahlt</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="115" />
        <source>Cash (F5)</source>
        <translation>Bar (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="116" />
        <source>Exact cash (Enter)</source>
        <translation>Passend bar (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="117" />
        <source>Card (F6)</source>
        <translation>Karte (F6)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="118" />
        <source>Gift card (F7)</source>
        <translation>Gutschein (F7)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="119" />
        <source>On account (Shift+F11)</source>
        <translation>Auf Wartekonto (Umschalt+F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="120" />
        <source>Back to the cart (Esc)</source>
        <translation>Zurück zum Warenkorb (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="121" />
        <source>Cancel the card payment (Esc)</source>
        <translation>Kartenzahlung abbrechen (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="123" />
        <source>Next customer (Enter)</source>
        <translation>Nächster Kunde (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="127" />
        <source>Print the receipt (Ctrl+P)</source>
        <translation>Beleg drucken (Strg+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="155" />
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="200" />
        <source>Holding the seats for the payment…</source>
        <translation>Plätze werden für die Zahlung gehalten…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="222" />
        <source>To pay</source>
        <translation>Zu zahlen</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="224" />
        <source>Type the amount given then Enter, or a key: F5 cash, F6 card, F7 gift card.</source>
        <translation>Gegebenen Betrag tippen und Enter, oder eine Taste: F5 bar, F6 Karte, F7 Gutschein.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="227" />
        <source>F11: %1.</source>
        <translation>F11: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="228" />
        <source>Shift+F11: on a company's account.</source>
        <translation>Umschalt+F11: auf das Wartekonto einer Firma.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="232" />
        <source>A card payment of %1 approved before the till stopped counts for this sale: the card is not charged again.</source>
        <translation>Eine vor dem Anhalten der Kasse genehmigte Kartenzahlung von %1 zählt für diesen Verkauf: die Karte wird nicht noch einmal belastet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="236" />
        <source>Enter records the sale.</source>
        <translation>Eingabe bucht den Verkauf.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="270" />
        <source>Type the amount the customer gave, then Enter.</source>
        <translation>Den vom Kunden gegebenen Betrag tippen, dann Enter.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="283" />
        <source>“%1” is not an amount: type it like 20 or 20.50.</source>
        <translation>„%1“ ist kein Betrag: z. B. 20 oder 20,50 tippen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="303" />
        <source>Still due: take another payment.</source>
        <translation>Noch offen: eine weitere Zahlung annehmen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="311" />
        <source>This till has no card terminal: take another payment.</source>
        <translation>Diese Kasse hat kein Kartenterminal: eine andere Zahlung annehmen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="321" />
        <source>Card payment of %1: the customer follows the terminal's prompts.</source>
        <translation>Kartenzahlung über %1: der Kunde folgt den Anweisungen des Terminals.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="342" />
        <source>Terminal: %1</source>
        <translation>Terminal: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="351" />
        <source>Cancelling the card payment at the terminal…</source>
        <translation>Die Kartenzahlung wird am Terminal abgebrochen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="372" />
        <source>Card approved for %1.</source>
        <translation>Karte über %1 genehmigt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="379" />
        <source>The card payment was cancelled: nothing was charged. Take another payment, or Esc to go back to the cart.</source>
        <translation>Die Kartenzahlung wurde abgebrochen: nichts wurde belastet. Nehmen Sie eine andere Zahlung an, oder Esc für den Warenkorb.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="387" />
        <source>The card was declined: nothing was charged. Try the card again or take another payment.</source>
        <translation>Die Karte wurde abgelehnt: nichts wurde belastet. Karte erneut versuchen oder eine andere Zahlung annehmen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="407" />
        <source>Payment to be settled: the terminal did not say whether the card was charged. Do not charge the card again. The sale is stopped and the seats stay in the cart: check the terminal's receipt, have a supervisor settle the payment on the Devices screen, then pay again (Esc goes back to the cart).</source>
        <translation>Zahlung zu klären: das Terminal hat nicht gemeldet, ob die Karte belastet wurde. Die Karte nicht erneut belasten. Der Verkauf ist angehalten, die Plätze bleiben im Warenkorb: den Beleg des Terminals prüfen, die Zahlung von einem Supervisor im Bildschirm Geräte klären lassen, dann erneut bezahlen (Esc führt zum Warenkorb zurück).</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="422" />
        <source>Type or scan the gift card's code, then Enter.</source>
        <translation>Gutscheincode tippen oder scannen, dann Enter.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="425" />
        <source>This gift card is already used for this sale.</source>
        <translation>Dieser Gutschein wird für diesen Verkauf bereits verwendet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="438" />
        <source>There is no gift card %1.</source>
        <translation>Es gibt keinen Gutschein %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="442" />
        <source>Gift card %1 is used up.</source>
        <translation>Der Gutschein %1 ist aufgebraucht.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="449" />
        <source>Gift card %1: balance %2, %3 used.</source>
        <translation>Gutschein %1: Guthaben %2, %3 verwendet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="466" />
        <source>%1 (F11)</source>
        <translation>%1 (F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="474" />
        <source>Cheque</source>
        <translation>Scheck</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="499" />
        <source>Type the company whose account pays, then Enter (or Shift+F11).</source>
        <translation>Geben Sie die Firma ein, deren Wartekonto zahlt, dann Eingabe (oder Umschalt+F11).</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="514" />
        <source>Recording the sale…</source>
        <translation>Verkauf wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="528" />
        <source>Sale %1 recorded, %2 ticket(s) printing.</source>
        <translation>Verkauf %1 gespeichert, %2 Ticket(s) werden gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="535" />
        <source>Thank you</source>
        <translation>Danke</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="537" />
        <source>Change</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="542" />
        <location filename="../../app/ui/sale/payment_panel.py" line="560" />
        <source>The receipt is printing.</source>
        <translation>Der Beleg wird gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="562" />
        <source>This station has no receipt printer.</source>
        <translation>Diese Kasse hat keinen Belegdrucker.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="571" />
        <source>The sale is not recorded. Enter records it again; Esc goes back.</source>
        <translation>Der Verkauf ist nicht gespeichert. Enter speichert ihn erneut; Esc geht zurück.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="592" />
        <source>A card was charged for this sale: take the rest of the payment.</source>
        <translation>Für diesen Verkauf wurde eine Karte belastet: den Rest der Zahlung annehmen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="620" />
        <source>Due: %1</source>
        <translation>Zu zahlen: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="621" />
        <source>Still due: %1</source>
        <translation>Noch offen: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="627" />
        <source>Change: %1</source>
        <translation>Rückgeld: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="649" />
        <source>Cash %1 (given %2)</source>
        <translation>Bar %1 (gegeben %2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="654" />
        <source>Card %1</source>
        <translation>Karte %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="656" />
        <source>Gift card %1: %2</source>
        <translation>Gutschein %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="659" />
        <source>On account of %1: %2</source>
        <translation>Wartekonto %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="661" />
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>PerformanceListScreen</name>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="69" />
        <source>All events</source>
        <translation>Alle Veranstaltungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="73" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="73" />
        <location filename="../../app/ui/performances/list_screen.py" line="91" />
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="73" />
        <source>Hall</source>
        <translation>Saal</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="73" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="82" />
        <source>Performances</source>
        <translation>Vorstellungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="89" />
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="90" />
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="149" />
        <source>%1 performance(s)</source>
        <translation>%1 Vorstellung(en)</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="151" />
        <source>No performance in these days.</source>
        <translation>Keine Vorstellung an diesen Tagen.</translation>
    </message>
</context>
<context>
    <name>PerformancePageScreen</name>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="63" />
        <source>← Performances (Esc)</source>
        <translation>← Vorstellungen (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="135" />
        <source>Seats</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="113" />
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="90" />
        <source>Pick on plan</source>
        <translation>Auswahl im Plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="91" />
        <source>Automatic with view</source>
        <translation>Automatisch mit Ansicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="92" />
        <source>Automatic then editable</source>
        <translation>Automatisch, dann änderbar</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="93" />
        <source>No plan: quantities per category</source>
        <translation>Ohne Plan: Mengen je Kategorie</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="96" />
        <source>Seat search mode</source>
        <translation>Platzsuchmodus</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="102" />
        <source>Number of seats</source>
        <translation>Anzahl Plätze</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="103" />
        <source>Best available (F3)</source>
        <translation>Beste Plätze (F3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="113" />
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="113" />
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="119" />
        <source>Free seats per category</source>
        <translation>Freie Plätze pro Kategorie</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="133" />
        <source>Seat search</source>
        <translation>Platzsuche</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="201" />
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="247" />
        <source>Standing, %1: %2 places</source>
        <translation>Stehplätze, %1: %2 Plätze</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="310" />
        <source>No %1 seats fit together or apart. Try fewer seats or pick on the plan.</source>
        <translation>Keine %1 Plätze gefunden, weder zusammen noch getrennt. Weniger Plätze versuchen oder im Plan wählen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="331" />
        <source>%1 seat(s): %2</source>
        <translation>%1 Platz/Plätze: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="338" />
        <source>At most %1 seats per order for this performance.</source>
        <translation>Höchstens %1 Plätze pro Bestellung für diese Vorstellung.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="350" />
        <source>The proposed seats cannot be changed in this mode: choose “Automatic then editable” or “Pick on plan” to change them.</source>
        <translation>Die vorgeschlagenen Plätze lassen sich in diesem Modus nicht ändern: Wählen Sie „Automatisch, dann änderbar“ oder „Auswahl im Plan“, um sie zu ändern.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="357" />
        <source>Seat %1 is already held by this till.</source>
        <translation>Platz %1 ist bereits von dieser Kasse gehalten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="363" />
        <source>Seat %1 is kept for the contingent %2: not sellable at this till.</source>
        <translation>Platz %1 ist für das Kontingent %2 reserviert: an dieser Kasse nicht verkäuflich.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="367" />
        <source>Seat %1 is not sellable at this till.</source>
        <translation>Platz %1 ist an dieser Kasse nicht verkäuflich.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="369" />
        <source>Seat %1 is held in another cart.</source>
        <translation>Platz %1 liegt in einem anderen Warenkorb.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="370" />
        <source>Seat %1 is blocked: it is not for sale.</source>
        <translation>Platz %1 ist gesperrt: Er wird nicht verkauft.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="371" />
        <source>Seat %1 is reserved.</source>
        <translation>Platz %1 ist reserviert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="372" />
        <source>Seat %1 is sold.</source>
        <translation>Platz %1 ist verkauft.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="373" />
        <source>Seat %1 is invalidated: it cannot be sold.</source>
        <translation>Platz %1 ist ungültig: Er kann nicht verkauft werden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="379" />
        <source>%1 seat(s) chosen.</source>
        <translation>%1 Platz/Plätze gewählt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="385" />
        <source>On sale at this till.</source>
        <translation>An dieser Kasse im Verkauf.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="388" />
        <source>Not on sale: the performance is %1.</source>
        <translation>Nicht im Verkauf: Die Vorstellung ist %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="392" />
        <source>Sales at this till open on %1.</source>
        <translation>Der Verkauf an dieser Kasse beginnt am %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="395" />
        <source>Sales at this till closed on %1 (the performance starts %2).</source>
        <translation>Der Verkauf an dieser Kasse endete am %1 (die Vorstellung beginnt am %2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="401" />
        <source>Not on sale at this till: its channel has no sale window for this performance.</source>
        <translation>An dieser Kasse nicht im Verkauf: Ihr Vertriebskanal hat für diese Vorstellung keinen Verkaufszeitraum.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="403" />
        <source>Not on sale at this till.</source>
        <translation>An dieser Kasse nicht im Verkauf.</translation>
    </message>
</context>
<context>
    <name>PerformanceState</name>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="33" />
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="34" />
        <source>on sale</source>
        <translation>im Verkauf</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="35" />
        <source>suspended</source>
        <translation>ausgesetzt</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="36" />
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
</context>
<context>
    <name>PickUpPanel</name>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="87" />
        <location filename="../../app/ui/orders/pick_up_panel.py" line="148" />
        <location filename="../../app/ui/orders/pick_up_panel.py" line="201" />
        <location filename="../../app/ui/orders/pick_up_panel.py" line="361" />
        <source>Pay cash and print (Enter)</source>
        <translation>Bar bezahlen und drucken (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="101" />
        <source>Pick-up:</source>
        <translation>Abholung:</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="76" />
        <source>Order number, ticket barcode, name, option or file number (or scan)</source>
        <translation>Bestellnummer, Ticket-Barcode, Name, Options- oder Aktennummer (oder scannen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="78" />
        <source>Order or option to pick up</source>
        <translation>Abzuholende Bestellung oder Option</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="83" />
        <source>Cash given (empty: exact)</source>
        <translation>Erhaltenes Bargeld (leer: passend)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="84" />
        <source>Cash given for the order</source>
        <translation>Für die Bestellung erhaltenes Bargeld</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="90" />
        <source>Card (F6)</source>
        <translation>Karte (F6)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="144" />
        <source>Option %1: %2 places.</source>
        <translation>Option %1: %2 Plätze.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="154" />
        <source>Several match %1: %2. Scan or type the order number.</source>
        <translation>Mehrere passen zu %1: %2. Bestellnummer scannen oder eingeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="158" />
        <source>No order or validated option %1 to pick up.</source>
        <translation>Keine Bestellung und keine bestätigte Option %1 zum Abholen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="170" />
        <source>Order %1 (%2) was picked up already at %3: a lost ticket is reprinted as DUPLICATA.</source>
        <translation>Bestellung %1 (%2) wurde bereits an %3 abgeholt: ein verlorenes Ticket wird als DUPLIKAT nachgedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="183" />
        <source>Order %1 was cancelled: nothing to print.</source>
        <translation>Bestellung %1 wurde storniert: nichts zu drucken.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="190" />
        <source>Order %1 for %2: %3 ticket(s), %4 to pay in cash (%5).</source>
        <translation>Bestellung %1 für %2: %3 Ticket(s), %4 bar zu bezahlen (%5).</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="198" />
        <source>F6: by card.</source>
        <translation>F6: mit Karte.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="207" />
        <source>Order %1 for %2: %3 ticket(s), paid %4 (%5).</source>
        <translation>Bestellung %1 für %2: %3 Ticket(s), bezahlt %4 (%5).</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="214" />
        <source>Print the tickets (Enter)</source>
        <translation>Tickets drucken (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="235" />
        <source>Type the cash given, e.g. 60.00, or nothing for the exact amount.</source>
        <translation>Erhaltenes Bargeld eingeben, z. B. 60,00, oder nichts für den passenden Betrag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="265" />
        <source>Card payment of %1: the customer follows the terminal's prompts.</source>
        <translation>Kartenzahlung über %1: der Kunde folgt den Anweisungen des Terminals.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="313" />
        <source>Order %1 picked up: %2 ticket(s) printed for %3.</source>
        <translation>Bestellung %1 abgeholt: %2 Ticket(s) für %3 gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="320" />
        <source>Order %1 picked up: %2 paid by card; %3 ticket(s) printed for %4.</source>
        <translation>Bestellung %1 abgeholt: %2 mit Karte bezahlt; %3 Ticket(s) gedruckt für %4.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="329" />
        <source>Order %1 picked up: %2 paid in cash, change %3; %4 ticket(s) printed for %5.</source>
        <translation>Bestellung %1 abgeholt: %2 bar bezahlt, Rückgeld %3; %4 Ticket(s) für %5 gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="353" />
        <source>Paid %1: %2 tickets printed.</source>
        <translation>Bezahlt %1: %2 Tickets gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="343" />
        <location filename="../../app/ui/orders/pick_up_panel.py" line="374" />
        <source>Nothing was done.</source>
        <translation>Es wurde nichts getan.</translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="49" />
        <source>&amp;Choose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="50" />
        <source>C&amp;heck</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="55" />
        <source>&amp;Import into this hall</source>
        <translation>In diesen Saal &amp;importieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="60" />
        <source>Plan report</source>
        <translation>Planbericht</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="72" />
        <location filename="../../app/ui/plans/plans_screen.py" line="111" />
        <source>Plan file</source>
        <translation>Plandatei</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="73" />
        <source>Hall</source>
        <translation>Saal</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="111" />
        <source>Plan files (*.json)</source>
        <translation>Plandateien (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="120" />
        <source>Choose a plan file first.</source>
        <translation>Wählen Sie zuerst eine Plandatei.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="132" />
        <source>The plan is valid.</source>
        <translation>Der Plan ist gültig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="140" />
        <source>Name the hall to import into.</source>
        <translation>Geben Sie den Saal an, in den importiert werden soll.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="151" />
        <source>Imported into %1: %2 seats, %3 standing places. Nothing else was changed.</source>
        <translation>In %1 importiert: %2 Sitzplätze, %3 Stehplätze. Sonst wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="162" />
        <source>This file is not a valid plan; nothing was stored.</source>
        <translation>Diese Datei ist kein gültiger Plan; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="172" />
        <source>The file cannot be read: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="178" />
        <source>Nothing was stored.</source>
        <translation>Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="180" />
        <source>No hall is named %1. Choose one in the list.</source>
        <translation>Es gibt keinen Saal namens %1. Wählen Sie einen aus der Liste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="183" />
        <source>Halls named %1 exist at several sites. Choose one in the list: each shows its site.</source>
        <translation>Säle namens %1 gibt es an mehreren Standorten. Wählen Sie einen aus der Liste: Jeder zeigt seinen Standort.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="188" />
        <source>This name cannot be stored: it is empty, longer than 200 characters or not text.</source>
        <translation>Dieser Name kann nicht gespeichert werden: Er ist leer, länger als 200 Zeichen oder kein Text.</translation>
    </message>
</context>
<context>
    <name>PrintProblems</name>
    <message>
        <location filename="../../app/ui/sale/print_problems.py" line="39" />
        <source>Reprint as DUPLICATA (F9)</source>
        <translation>Als DUPLICATA nachdrucken (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/print_problems.py" line="63" />
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/print_problems.py" line="66" />
        <source>The till stopped while they were printing: they may not have come out.</source>
        <translation>Die Kasse hielt während des Drucks an: sie sind vielleicht nicht herausgekommen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/print_problems.py" line="68" />
        <source>The printer said: %1</source>
        <translation>Der Drucker meldete: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/print_problems.py" line="71" />
        <source>%1 ticket(s) or receipt(s) not printed: %2. %3 The sales are recorded.</source>
        <translation>%1 Ticket(s) oder Beleg(e) nicht gedruckt: %2. %3 Die Verkäufe sind gebucht.</translation>
    </message>
</context>
<context>
    <name>PrintersScreen</name>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="73" />
        <source>Printers</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="80" />
        <source>&amp;Test print</source>
        <translation>&amp;Testdruck</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="82" />
        <source>Check &amp;status</source>
        <translation>&amp;Status prüfen</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="90" />
        <source>Last print jobs</source>
        <translation>Letzte Druckaufträge</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="98" />
        <source>&amp;Reprint</source>
        <translation>&amp;Erneut drucken</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="100" />
        <source>&amp;Dismiss</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="102" />
        <source>It &amp;did print</source>
        <translation>Wurde ge&amp;druckt</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="108" />
        <source>Bytes on the wire</source>
        <translation>Bytes auf der Leitung</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="113" />
        <source>Printed pages</source>
        <translation>Gedruckte Seiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="149" />
        <source>Last jobs</source>
        <translation>Letzte Aufträge</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="150" />
        <source>Wire (hex)</source>
        <translation>Leitung (hex)</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="151" />
        <source>Virtual printer</source>
        <translation>Virtueller Drucker</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="200" />
        <location filename="../../app/ui/printers/printers_screen.py" line="204" />
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="200" />
        <source>Prints</source>
        <translation>Druckt</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="200" />
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="200" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="201" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="201" />
        <source>Code page</source>
        <translation>Codepage</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="201" />
        <location filename="../../app/ui/printers/printers_screen.py" line="204" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="201" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="204" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="204" />
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="205" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="210" />
        <source>tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="211" />
        <source>receipts</source>
        <translation>Kassenbons</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="212" />
        <source>reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="217" />
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="218" />
        <location filename="../../app/ui/printers/printers_screen.py" line="394" />
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="219" />
        <source>printing</source>
        <translation>druckt</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="220" />
        <source>needs attention</source>
        <translation>prüfen</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="221" />
        <source>cannot start</source>
        <translation>kann nicht starten</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="222" />
        <source>queued</source>
        <translation>in der Warteschlange</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="223" />
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="224" />
        <source>printed</source>
        <translation>gedruckt</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="225" />
        <source>not printed</source>
        <translation>nicht gedruckt</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="226" />
        <source>unknown: check the printer</source>
        <translation>unbekannt: Drucker prüfen</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="237" />
        <source>(simulated)</source>
        <translation>(simuliert)</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="289" />
        <source>%1, page %2</source>
        <translation>%1, Seite %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="308" />
        <source>reprinted</source>
        <translation>erneut gedruckt</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="310" />
        <source>dismissed</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="312" />
        <source>seen printed</source>
        <translation>als gedruckt bestätigt</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="314" />
        <source>decide: reprint or dismiss</source>
        <translation>entscheiden: erneut drucken oder verwerfen</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="354" />
        <location filename="../../app/ui/printers/printers_screen.py" line="367" />
        <source>Choose a printer first.</source>
        <translation>Wählen Sie zuerst einen Drucker.</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="356" />
        <source>Test page sent to %1…</source>
        <translation>Testseite an %1 gesendet…</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="369" />
        <source>Asking %1…</source>
        <translation>Frage %1 ab…</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="386" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="396" />
        <source>garbled: the printer keeps sending (check the cable)</source>
        <translation>unlesbar: der Drucker sendet ununterbrochen (Kabel prüfen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="397" />
        <source>no answer (busy or in error)</source>
        <translation>keine Antwort (beschäftigt oder Fehler)</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="398" />
        <source>cover open</source>
        <translation>Deckel offen</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="399" />
        <source>paper out</source>
        <translation>Papier leer</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="400" />
        <source>ribbon out</source>
        <translation>Farbband leer</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="401" />
        <source>paper jam</source>
        <translation>Papierstau</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="402" />
        <source>cutter error</source>
        <translation>Schneidefehler</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="403" />
        <source>hardware fault: switch it off and on</source>
        <translation>Hardwarefehler: aus- und wieder einschalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="404" />
        <source>fault: %1</source>
        <translation>Störung: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="405" />
        <source>busy</source>
        <translation>beschäftigt</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="409" />
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="411" />
        <source>paper near end</source>
        <translation>Papier fast leer</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="413" />
        <source>ribbon low</source>
        <translation>Farbband fast leer</translation>
    </message>
</context>
<context>
    <name>QuantityGrid</name>
    <message>
        <location filename="../../app/ui/sale/quantity_grid.py" line="35" />
        <source>Add to cart (Enter)</source>
        <translation>In den Warenkorb (Eingabe)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/quantity_grid.py" line="38" />
        <source>Quantities per category and tariff: the till picks the seats.</source>
        <translation>Mengen je Kategorie und Tarif: die Kasse wählt die Plätze.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/quantity_grid.py" line="76" />
        <source>%1, %2: number of tickets</source>
        <translation>%1, %2: Anzahl der Tickets</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/quantity_grid.py" line="106" />
        <source>%1 ticket(s): %2</source>
        <translation>%1 Ticket(s): %2</translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="184" />
        <source>This cart was kept from before (the till was locked or stopped): its seats are still held. F12 pays it, Del removes a line.</source>
        <translation>Dieser Warenkorb wurde behalten (die Kasse war gesperrt oder angehalten): seine Plätze sind weiter reserviert. F12 bezahlt ihn, Entf entfernt eine Zeile.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="248" />
        <source>Pick seats on the plan, or F3 for the best ones.</source>
        <translation>Plätze im Saalplan wählen, oder F3 für die besten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="251" />
        <location filename="../../app/ui/sale/sale_screen.py" line="347" />
        <source>Holding the seats…</source>
        <translation>Plätze werden gehalten…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="258" />
        <source>%1 seat(s) added to the cart.</source>
        <translation>%1 Platz/Plätze in den Warenkorb gelegt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="272" />
        <source>%1 standing place(s) added.</source>
        <translation>%1 Stehplatz/Stehplätze hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="298" />
        <source>Line removed: its seats are on sale again.</source>
        <translation>Position entfernt: ihre Plätze sind wieder im Verkauf.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="352" />
        <source>%1 ticket(s) added to the cart.</source>
        <translation>%1 Ticket(s) in den Warenkorb gelegt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="377" />
        <source>Checking the code %1…</source>
        <translation>Code %1 wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="392" />
        <source>%1 applied: %2 off. New total: %3.</source>
        <translation>%1 angewandt: %2 Rabatt. Neue Summe: %3.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="425" />
        <source>Code removed. New total: %1.</source>
        <translation>Code entfernt. Neue Summe: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="449" />
        <source>%1 applied. New total: %2.</source>
        <translation>%1 angewandt. Neue Summe: %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="471" />
        <source>%1 is this sale's contact.</source>
        <translation>%1 ist der Kontakt dieses Verkaufs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="518" />
        <source>Seats held for %1</source>
        <translation>Plätze gehalten für %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="521" />
        <source>Hold lapsed</source>
        <translation>Reservierung abgelaufen</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="539" />
        <source>The hold ran out: the cart's seats went back on sale. Pick them again if the customer still wants them.</source>
        <translation>Die Reservierung ist abgelaufen: die Plätze des Warenkorbs sind wieder im Verkauf. Erneut wählen, wenn der Kunde sie noch möchte.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="555" />
        <source>The cart is empty: add seats first.</source>
        <translation>Der Warenkorb ist leer: zuerst Plätze hinzufügen.</translation>
    </message>
</context>
<context>
    <name>SeatMapLegend</name>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="74" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="74" />
        <source>Colour seats by state</source>
        <translation>Plätze nach Status einfärben</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="75" />
        <source>Cat</source>
        <translation>Kat</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="75" />
        <source>Colour free seats by category</source>
        <translation>Freie Plätze nach Kategorie einfärben</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="76" />
        <source>Cont</source>
        <translation>Kont</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="76" />
        <source>Colour free seats by contingent</source>
        <translation>Freie Plätze nach Kontingent einfärben</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="116" />
        <source>Not sellable here</source>
        <translation>Hier nicht verkäuflich</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="117" />
        <source>Selected</source>
        <translation>Ausgewählt</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="118" />
        <source>Held by this till</source>
        <translation>Von dieser Kasse gehalten</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="145" />
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="146" />
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="147" />
        <source>Held</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="148" />
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="149" />
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="150" />
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="151" />
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="186" />
        <source>No contingent</source>
        <translation>Kein Kontingent</translation>
    </message>
</context>
<context>
    <name>SeatMapWidget</name>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="111" />
        <source>Seat plan</source>
        <translation>Saalplan</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="555" />
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="556" />
        <source>Held</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="557" />
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="558" />
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="559" />
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="560" />
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="571" />
        <source>%1, held by this till</source>
        <translation>%1, von dieser Kasse gehalten</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="573" />
        <source>%1, not sellable here</source>
        <translation>%1, hier nicht verkäuflich</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="575" />
        <source>%1 · Row %2 · Seat %3</source>
        <translation>%1 · Reihe %2 · Platz %3</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="579" />
        <source>Category: %1</source>
        <translation>Kategorie: %1</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="580" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="582" />
        <source>Contingent: %1</source>
        <translation>Kontingent: %1</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="586" />
        <source>no contingent</source>
        <translation>kein Kontingent</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="588" />
        <source>State: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="806" />
        <source>%1: %2 of %3 places left</source>
        <translation>%1: %2 von %3 Plätzen frei</translation>
    </message>
</context>
<context>
    <name>ServerLinkScreen</name>
    <message>
        <location filename="../../app/ui/server_link.py" line="36" />
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="37" />
        <source>This till on the server</source>
        <translation>Diese Kasse auf dem Server</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="38" />
        <source>Trusted CA (SHA-256)</source>
        <translation>Vertrauenswürdige CA (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="39" />
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="40" />
        <source>Sales to upload</source>
        <translation>Zu sendende Verkäufe</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="41" />
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="42" />
        <source>Sells offline</source>
        <translation>Verkauft offline</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="50" />
        <source>Upload now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="68" />
        <source>Not enrolled: this till sells on its own. A technician enrolls it with `guichet enroll URL CODE --ca FILE`.</source>
        <translation>Nicht angemeldet: diese Kasse verkauft allein. Ein Techniker meldet sie mit `guichet enroll URL CODE --ca DATEI` an.</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="73" />
        <source>Revoked by the server: enroll this till again.</source>
        <translation>Vom Server gesperrt: melden Sie diese Kasse neu an.</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="75" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="77" />
        <source>Offline: sales are kept and go up when it is back</source>
        <translation>Offline: die Verkäufe bleiben erhalten und werden gesendet, sobald er zurück ist</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="89" />
        <source>Nothing: no lease from the server</source>
        <translation>Nichts: keine Zuteilung vom Server</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="99" />
        <source>%1 seat(s) (%2)</source>
        <translation>%1 Platz/Plätze (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="103" />
        <source>%1, %2: %3; until %4</source>
        <translation>%1, %2: %3; bis %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="112" />
        <source>Uploading…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="118" />
        <source>Nothing was waiting to go up.</source>
        <translation>Nichts wartete auf das Senden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="121" />
        <source>The server has every sale through number %1.</source>
        <translation>Der Server hat alle Verkäufe bis Nummer %1.</translation>
    </message>
</context>
<context>
    <name>SessionStatusLabel</name>
    <message>
        <location filename="../../app/ui/till/status.py" line="35" />
        <source>No till session: a supervisor opens one (F10)</source>
        <translation>Keine Kassensitzung: ein Supervisor öffnet eine (F10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/status.py" line="37" />
        <source>Session counted: awaiting the supervisor's close (F10)</source>
        <translation>Sitzung gezählt: wartet auf den Abschluss des Supervisors (F10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/status.py" line="40" />
        <source>Session open since %1 · float %2</source>
        <translation>Sitzung geöffnet seit %1 · Wechselgeld %2</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/ui/application.py" line="167" />
        <source>Guichet cannot start</source>
        <translation>Guichet kann nicht starten</translation>
    </message>
</context>
<context>
    <name>SupervisorClosePanel</name>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="260" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="265" />
        <source>Supervisor PIN</source>
        <translation>Supervisor-PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="267" />
        <source>&amp;Authorize</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="269" />
        <source>A supervisor closes the session:</source>
        <translation>Ein Supervisor schließt die Sitzung:</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="282" />
        <source>&amp;Recount</source>
        <translation>&amp;Neu zählen</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="284" />
        <source>&amp;Seal the session</source>
        <translation>Sitzung &amp;abschließen</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="286" />
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="332" />
        <source>Only a supervisor can close a till session.</source>
        <translation>Nur ein Supervisor kann eine Kassensitzung schließen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="354" />
        <source>Tender</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="354" />
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="354" />
        <source>Declared</source>
        <translation>Gemeldet</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="355" />
        <source>Variance</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="355" />
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="373" />
        <source>Reason for the %1 variance</source>
        <translation>Grund der Differenz %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="378" />
        <source>A reason is needed</source>
        <translation>Ein Grund ist nötig</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="386" />
        <source>Count no. %1 by %2.</source>
        <translation>Zählung Nr. %1 von %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="391" />
        <source>The card terminal's end of day said %1%2.</source>
        <translation>Der Tagesabschluss des Kartenterminals ergab %1%2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="394" />
        <source>, not the card total declared</source>
        <translation>, nicht die gemeldete Kartensumme</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="403" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="404" />
        <source>short</source>
        <translation>Fehlbetrag</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="404" />
        <source>over</source>
        <translation>Überschuss</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="409" />
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="409" />
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="409" />
        <source>Vouchers</source>
        <translation>Gutscheine</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="410" />
        <source>Cheques</source>
        <translation>Schecks</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="424" />
        <source>Give a reason for each variance: %1.</source>
        <translation>Geben Sie für jede Differenz einen Grund an: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="432" />
        <source>Sealing the session…</source>
        <translation>Sitzung wird abgeschlossen…</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../app/ui/sync_status.py" line="50" />
        <source>Stand-alone till: no server</source>
        <translation>Eigenständige Kasse: kein Server</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="55" />
        <source>Server: this till was revoked. %1 sale(s) kept; a technician enrolls it again.</source>
        <translation>Server: diese Kasse wurde gesperrt. %1 Verkauf/Verkäufe aufbewahrt; ein Techniker meldet sie neu an.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="59" />
        <source>%1 to upload</source>
        <translation>%1 zu senden</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="61" />
        <source>Server: online · %1</source>
        <translation>Server: online · %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="63" />
        <source>Server: offline · %1</source>
        <translation>Server: offline · %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="67" />
        <source>Server: offline since %1 · %2</source>
        <translation>Server: offline seit %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="71" />
        <source>catalog of %1</source>
        <translation>Katalog von %1</translation>
    </message>
</context>
<context>
    <name>TillSessionScreen</name>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="105" />
        <source>Till session</source>
        <translation>Kassensitzung</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="121" />
        <source>&amp;Open the session</source>
        <translation>Sitzung ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="136" />
        <source>Cash &amp;in</source>
        <translation>Bar&amp;einlage</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="137" />
        <source>Cash &amp;out</source>
        <translation>Bar&amp;entnahme</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="138" />
        <source>&amp;X report</source>
        <translation>&amp;X-Bericht</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="139" />
        <location filename="../../app/ui/till/session_screen.py" line="321" />
        <source>&amp;Blind count</source>
        <translation>&amp;Blindzählung</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="140" />
        <source>Supervisor &amp;close</source>
        <translation>Supervisor-Ab&amp;schluss</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="161" />
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="165" />
        <location filename="../../app/ui/till/session_screen.py" line="166" />
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="167" />
        <source>&amp;Record</source>
        <translation>&amp;Erfassen</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="168" />
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="194" />
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="195" />
        <source>&amp;Print on the receipt printer</source>
        <translation>Auf dem Bon&amp;drucker drucken</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="197" />
        <source>Save as PD&amp;F…</source>
        <translation>Als PD&amp;F speichern…</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="208" />
        <source>Closed sessions: Enter shows the Z report</source>
        <translation>Geschlossene Sitzungen: Eingabe zeigt den Z-Bericht</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="225" />
        <source>Closed sessions (Enter: Z report)</source>
        <translation>Geschlossene Sitzungen (Eingabe: Z-Bericht)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="250" />
        <source>Float: %1</source>
        <translation>Wechselgeld: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="292" />
        <source>No session is open: count the float, then open the session.</source>
        <translation>Keine Sitzung geöffnet: Wechselgeld zählen, dann die Sitzung öffnen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="298" />
        <source>No session is open on this till: a supervisor must open one.</source>
        <translation>An dieser Kasse ist keine Sitzung geöffnet: ein Supervisor muss eine öffnen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="304" />
        <source>Session open since %1, opened by %2, with a float of %3.</source>
        <translation>Sitzung geöffnet seit %1 von %2, mit einem Wechselgeld von %3.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="312" />
        <source>The count is in: nothing more is sold in this session until a supervisor closes it (or a recount).</source>
        <translation>Die Zählung liegt vor: in dieser Sitzung wird nichts mehr verkauft, bis ein Supervisor sie schließt (oder neu gezählt wird).</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="321" />
        <source>&amp;Recount</source>
        <translation>&amp;Neu zählen</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="329" />
        <source>Session of %1, closed %2</source>
        <translation>Sitzung vom %1, geschlossen %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="356" />
        <source>Opening…</source>
        <translation>Wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="368" />
        <source>Session opened with a float of %1.</source>
        <translation>Sitzung mit einem Wechselgeld von %1 geöffnet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="388" />
        <source>Cash into the drawer:</source>
        <translation>Bargeld in die Kassenlade:</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="389" />
        <source>Cash out of the drawer:</source>
        <translation>Bargeld aus der Kassenlade:</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="404" />
        <source>“%1” is not an amount: type it like 20 or 20.50.</source>
        <translation>„%1“ ist kein Betrag: z. B. 20 oder 20,50 tippen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="411" />
        <source>Say why the cash moves: a reason is needed.</source>
        <translation>Sagen Sie, warum Bargeld bewegt wird: ein Grund ist nötig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="430" />
        <source>Cash in of %1 recorded (%2).</source>
        <translation>Bareinlage von %1 erfasst (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="431" />
        <source>Cash out of %1 recorded (%2).</source>
        <translation>Barentnahme von %1 erfasst (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="456" />
        <source>Count no. %1 recorded: %2 in cash. A supervisor closes the session.</source>
        <translation>Zählung Nr. %1 erfasst: %2 in bar. Ein Supervisor schließt die Sitzung.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="471" />
        <source>The session is sealed. Its Z report:</source>
        <translation>Die Sitzung ist abgeschlossen. Ihr Z-Bericht:</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="510" />
        <source>The report is printing.</source>
        <translation>Der Bericht wird gedruckt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="522" />
        <source>Save the report as PDF</source>
        <translation>Bericht als PDF speichern</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="522" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="540" />
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="77" />
        <source>Number of seats</source>
        <translation>Anzahl Plätze</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="78" />
        <source>Best available</source>
        <translation>Beste Plätze</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="80" />
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="124" />
        <source>%1 seats. Wheel or +/- to zoom, drag to pan, Shift+drag to select.</source>
        <translation>%1 Plätze. Mausrad oder +/- zum Zoomen, Ziehen zum Verschieben, Umschalt+Ziehen zum Auswählen.</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="131" />
        <source>This plan cannot be shown: %1</source>
        <translation>Dieser Plan kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="145" />
        <source>No seats fit this request.</source>
        <translation>Keine Plätze passen zu dieser Anfrage.</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="157" />
        <source>Selected: %1</source>
        <translation>Ausgewählt: %1</translation>
    </message>
</context>
<context>
    <name>WorkArea</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="124" />
        <source>Screens</source>
        <translation>Bildschirme</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="218" />
        <source>Performances</source>
        <translation>Vorstellungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="228" />
        <source>Till session (F10)</source>
        <translation>Kassensitzung (F10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="241" />
        <source>Orders (F2)</source>
        <translation>Bestellungen (F2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="243" />
        <source>Operators</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="245" />
        <source>Plan files</source>
        <translation>Plandateien</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="249" />
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="254" />
        <source>Printers</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="257" />
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
</context>
</TS>