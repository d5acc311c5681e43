<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>BlindCountPanel</name>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="78" />
        <source>Count the drawer and type what you counted. The till does not show what it expects: a supervisor compares afterwards.</source>
        <translation>Comptez le tiroir et saisissez ce que vous avez compté. La caisse n'affiche pas ce qu'elle attend : un superviseur compare ensuite.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="91" />
        <source>Card &amp;terminal end of day</source>
        <translation>Fin de journée du &amp;terminal carte</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="93" />
        <source>&amp;Declare the count</source>
        <translation>&amp;Déclarer le comptage</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="95" />
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="126" />
        <source>Card total</source>
        <translation>Total carte</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="127" />
        <source>Vouchers</source>
        <translation>Chèques-cadeaux</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="128" />
        <source>Cheques</source>
        <translation>Chèques</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="158" />
        <source>Cash counted: %1</source>
        <translation>Espèces comptées : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="172" />
        <source>Asking the card terminal for its end of day…</source>
        <translation>Demande de la fin de journée au terminal carte…</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="181" />
        <source>The terminal gave no end of day (%1): type the card total from its receipt.</source>
        <translation>Le terminal n'a pas donné de fin de journée (%1) : saisissez le total carte de son ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="188" />
        <source>The terminal's end of day: %1 in %2 payments. It is the card total.</source>
        <translation>Fin de journée du terminal : %1 en %2 paiements. C'est le total carte.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="199" />
        <source>“%1” is not an amount: type it like 20 or 20.50.</source>
        <translation>« %1 » n'est pas un montant : saisissez par exemple 20 ou 20,50.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="216" />
        <source>Recording the count…</source>
        <translation>Enregistrement du comptage…</translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="61" />
        <source>Cart</source>
        <translation>Panier</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="65" />
        <source>Seat</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="65" />
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="65" />
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="67" />
        <source>Cart lines</source>
        <translation>Lignes du panier</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="86" />
        <source>Standing zone</source>
        <translation>Zone debout</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="92" />
        <source>Number of standing places</source>
        <translation>Nombre de places debout</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="93" />
        <source>Add places</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="105" />
        <source>Codes applied to the cart</source>
        <translation>Codes appliqués au panier</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="111" />
        <source>Code (Ctrl+K)</source>
        <translation>Code (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="112" />
        <source>Promo or advantage code</source>
        <translation>Code promo ou avantage</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="113" />
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="114" />
        <source>Remove code</source>
        <translation>Retirer le code</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="121" />
        <location filename="../../app/ui/sale/cart_panel.py" line="250" />
        <source>No contact</source>
        <translation>Aucun contact</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="124" />
        <source>Contact (Ctrl+U)</source>
        <translation>Contact (Ctrl+U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="133" />
        <source>Add to cart (Enter)</source>
        <translation>Ajouter au panier (Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="134" />
        <source>Tariff (F4)</source>
        <translation>Tarif (F4)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="135" />
        <source>Remove (Del)</source>
        <translation>Retirer (Suppr)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="136" />
        <source>Pay (F12)</source>
        <translation>Payer (F12)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="199" />
        <source>Booking fee: %1</source>
        <translation>Frais de location : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="200" />
        <source>Total: %1</source>
        <translation>Total : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="234" />
        <source>%1 left the cart: %2</source>
        <translation>%1 a quitté le panier : %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="243" />
        <source>%1 (Ctrl+J applies it)</source>
        <translation>%1 (Ctrl+J l'applique)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="245" />
        <source>Advantages without a code: %1</source>
        <translation>Avantages sans code : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/cart_panel.py" line="253" />
        <source>Contact: %1</source>
        <translation>Contact : %1</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="59" />
        <source>Contact for this sale</source>
        <translation>Contact de cette vente</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="63" />
        <source>Name, company, e-mail, phone or number, Enter</source>
        <translation>Nom, société, e-mail, téléphone ou numéro, Entrée</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="64" />
        <source>Find a contact</source>
        <translation>Chercher un contact</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="68" />
        <source>Contacts found</source>
        <translation>Contacts trouvés</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="71" />
        <location filename="../../app/ui/sale/contact_panel.py" line="77" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="72" />
        <location filename="../../app/ui/sale/contact_panel.py" line="78" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="73" />
        <location filename="../../app/ui/sale/contact_panel.py" line="79" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="74" />
        <location filename="../../app/ui/sale/contact_panel.py" line="80" />
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="84" />
        <source>Create and pick (Enter)</source>
        <translation>Créer et choisir (Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="86" />
        <source>Pick (Enter)</source>
        <translation>Choisir (Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="88" />
        <source>Erase personal data…</source>
        <translation>Effacer les données personnelles…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="90" />
        <source>Back to the cart (Esc)</source>
        <translation>Retour au panier (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="100" />
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="104" />
        <source>Supervisor's PIN</source>
        <translation>Code PIN du superviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="106" />
        <source>Erase (Enter)</source>
        <translation>Effacer (Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="130" />
        <source>Or a new contact (only what the sale needs):</source>
        <translation>Ou un nouveau contact (seulement ce dont la vente a besoin) :</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="167" />
        <source>%1 found: Enter picks the selected one.</source>
        <translation>%1 trouvé(s) : Entrée choisit celui sélectionné.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="170" />
        <source>Nobody found: type the new contact's name below.</source>
        <translation>Personne trouvé : saisissez le nom du nouveau contact ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="199" />
        <source>Find and select the contact to erase first.</source>
        <translation>Cherchez et sélectionnez d'abord le contact à effacer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="207" />
        <source>Erase the personal data of %1? Their name, e-mail, phone and company are removed for good; their orders and the journal stay. A supervisor confirms with their PIN, Enter.</source>
        <translation>Effacer les données personnelles de %1 ? Son nom, son e-mail, son téléphone et sa société sont supprimés définitivement ; ses commandes et le journal restent. Un superviseur confirme avec son code PIN, Entrée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/contact_panel.py" line="234" />
        <source>The personal data of contact %1 were erased; its orders stay.</source>
        <translation>Les données personnelles du contact %1 ont été effacées ; ses commandes restent.</translation>
    </message>
</context>
<context>
    <name>CountGrid</name>
    <message>
        <location filename="../../app/ui/till/count_grid.py" line="31" />
        <source>Coins</source>
        <translation>Pièces</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/count_grid.py" line="32" />
        <source>Notes</source>
        <translation>Billets</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/count_grid.py" line="41" />
        <source>Count of %1</source>
        <translation>Nombre de %1</translation>
    </message>
</context>
<context>
    <name>DeviceText</name>
    <message>
        <location filename="../../app/ui/formatting.py" line="90" />
        <source>Insert card</source>
        <translation>Insérez la carte</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="91" />
        <source>Enter PIN on the terminal</source>
        <translation>Saisissez le code sur le terminal</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="92" />
        <source>Waiting for the card issuer…</source>
        <translation>En attente de l'émetteur de la carte…</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="95" />
        <source>Remove card</source>
        <translation>Retirez la carte</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="96" />
        <source>Please wait…</source>
        <translation>Veuillez patienter…</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="97" />
        <source>Checking with the terminal…</source>
        <translation>Vérification auprès du terminal…</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="98" />
        <source>The drawer has been open too long.</source>
        <translation>Le tiroir est resté ouvert trop longtemps.</translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="71" />
        <source>Devices</source>
        <translation>Périphériques</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="75" />
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="81" />
        <source>Test &amp;payment</source>
        <translation>&amp;Paiement de test</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="82" />
        <source>Test &amp;refund</source>
        <translation>&amp;Remboursement de test</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="83" />
        <source>&amp;End of day</source>
        <translation>&amp;Clôture journalière</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="84" />
        <source>Terminal &amp;status</source>
        <translation>É&amp;tat du terminal</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="85" />
        <source>&amp;Abort</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="86" />
        <source>&amp;Kick drawer</source>
        <translation>&amp;Ouvrir le tiroir</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="87" />
        <source>Read drawer se&amp;nsor</source>
        <translation>Lire le ca&amp;pteur du tiroir</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="88" />
        <source>Show on &amp;display</source>
        <translation>Afficher sur l'&amp;afficheur</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="89" />
        <source>Sc&amp;an test</source>
        <translation>Test de l&amp;ecteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="91" />
        <source>Test actions</source>
        <translation>Actions de test</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="93" />
        <location filename="../../app/ui/devices/devices_screen.py" line="392" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="94" />
        <source>Display line 1</source>
        <translation>Afficheur, ligne 1</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="95" />
        <source>Display line 2</source>
        <translation>Afficheur, ligne 2</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="114" />
        <location filename="../../app/ui/devices/devices_screen.py" line="161" />
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="118" />
        <source>Wire log</source>
        <translation>Journal de la liaison</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="131" />
        <source>Check with the &amp;terminal</source>
        <translation>Vérifier auprès du &amp;terminal</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="135" />
        <source>Reference on the terminal's receipt</source>
        <translation>Référence sur le ticket du terminal</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="136" />
        <source>The terminal's journal shows the customer was charged</source>
        <translation>Le journal du terminal montre que le client a été débité</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="138" />
        <source>&amp;Close this payment (supervisor)</source>
        <translation>&amp;Clôturer ce paiement (superviseur)</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="142" />
        <source>Card payments waiting for a decision</source>
        <translation>Paiements par carte en attente de décision</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="163" />
        <source>Wire log (hex)</source>
        <translation>Journal de la liaison (hexa)</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="204" />
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="204" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="204" />
        <location filename="../../app/ui/devices/devices_screen.py" line="392" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="204" />
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="223" />
        <source>Card terminal</source>
        <translation>Terminal de paiement</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="224" />
        <source>Cash drawer</source>
        <translation>Tiroir-caisse</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="225" />
        <source>Customer display</source>
        <translation>Afficheur client</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="226" />
        <source>Scanner</source>
        <translation>Lecteur de codes-barres</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="227" />
        <source>Receipt printer</source>
        <translation>Imprimante de tickets de caisse</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="228" />
        <source>Ticket printer</source>
        <translation>Imprimante de billets</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="233" />
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="234" />
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="235" />
        <source>busy</source>
        <translation>occupé</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="236" />
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="444" />
        <source>Checking with the terminal…</source>
        <translation>Vérification auprès du terminal…</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="293" />
        <source>Enter an amount such as 12.50.</source>
        <translation>Saisissez un montant, par exemple 12,50.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="305" />
        <source>Abort sent to the terminal.</source>
        <translation>Demande d'abandon envoyée au terminal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="328" />
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="335" />
        <source>Approved: %1. The customer was charged.</source>
        <translation>Accepté : %1. Le client a été débité.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="337" />
        <source>Declined: %1. Nothing was charged.</source>
        <translation>Refusé : %1. Rien n'a été débité.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="340" />
        <source>Unknown: the terminal's answer for %1 was lost. Do not take the payment again. Check with the terminal; if it stays unknown, a supervisor closes it with the reference on the terminal's receipt.</source>
        <translation>Inconnu : la réponse du terminal pour %1 a été perdue. Ne reprenez pas le paiement. Vérifiez auprès du terminal ; s'il reste inconnu, un superviseur le clôture avec la référence du ticket du terminal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="351" />
        <source>End of day: %1 transaction(s), total %2.</source>
        <translation>Clôture journalière : %1 transaction(s), total %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="355" />
        <source>End of day refused: %1</source>
        <translation>Clôture journalière refusée : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="360" />
        <source>Terminal ready.</source>
        <translation>Terminal prêt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="360" />
        <source>Terminal not ready: %1</source>
        <translation>Terminal pas prêt : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="368" />
        <source>The drawer sensor says: open.</source>
        <translation>Le capteur du tiroir indique : ouvert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="370" />
        <source>The drawer sensor says: closed.</source>
        <translation>Le capteur du tiroir indique : fermé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="375" />
        <source>The display shows:</source>
        <translation>L'afficheur montre :</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="379" />
        <source>Scan sent: %1</source>
        <translation>Lecture envoyée : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="392" />
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="392" />
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="411" />
        <source>A card payment whose outcome is unknown must not be taken again. Check with the terminal first; if it stays unknown, look it up in the terminal's journal, then a supervisor closes it with the receipt reference.</source>
        <translation>Un paiement par carte dont l'issue est inconnue ne doit pas être repris. Vérifiez d'abord auprès du terminal ; s'il reste inconnu, cherchez-le dans le journal du terminal, puis un superviseur le clôture avec la référence du ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="417" />
        <source>No card payment is waiting for a decision.</source>
        <translation>Aucun paiement par carte n'attend de décision.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="423" />
        <source>not confirmed</source>
        <translation>non confirmé</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="424" />
        <source>sent, no answer</source>
        <translation>envoyé, sans réponse</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="425" />
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="426" />
        <source>approved</source>
        <translation>accepté</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="427" />
        <source>declined</source>
        <translation>refusé</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="454" />
        <source>Nothing to check.</source>
        <translation>Rien à vérifier.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="462" />
        <source>Only a supervisor may close this payment.</source>
        <translation>Seul un superviseur peut clôturer ce paiement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/devices/devices_screen.py" line="479" />
        <source>Closed as %1 with reference %2.</source>
        <translation>Clôturé comme %1 avec la référence %2.</translation>
    </message>
</context>
<context>
    <name>ErrorPolicy</name>
    <message>
        <location filename="../../app/ui/errors.py" line="28" />
        <source>Wrong PIN. Attempts left before a one-minute lock: %1</source>
        <translation>Code PIN erroné. Essais restants avant un blocage d'une minute : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="33" />
        <source>Too many wrong PINs: this operator is locked until %1. A supervisor can unlock it.</source>
        <translation>Trop de codes PIN erronés : cet opérateur est bloqué jusqu'à %1. Un superviseur peut le débloquer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="38" />
        <source>This operator no longer exists. Pick another one.</source>
        <translation>Cet opérateur n'existe plus. Choisissez-en un autre.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="42" />
        <source>This till's point of sale (%1) is not in the catalog. Ask a technician to check station.toml.</source>
        <translation>Le point de vente de cette caisse (%1) n'est pas dans le catalogue. Demandez à un technicien de vérifier station.toml.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="52" />
        <source>This cannot be printed: %1</source>
        <translation>Impossible d'imprimer ceci : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="70" />
        <source>This was refused: %1</source>
        <translation>Refusé : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="74" />
        <source>Something went wrong and was logged. Check the result before trying again; if it happens again, call a technician.</source>
        <translation>Une erreur s'est produite et a été consignée. Vérifiez le résultat avant de réessayer ; si cela se reproduit, appelez un technicien.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="84" />
        <source>A session is already open on this till: it was not opened a second time, and the open one is unchanged.</source>
        <translation>Une session est déjà ouverte sur cette caisse : elle n'a pas été ouverte une seconde fois, et la session ouverte est inchangée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="90" />
        <source>No till session is open: nothing can be sold. A supervisor opens one with F10.</source>
        <translation>Aucune session de caisse n'est ouverte : rien ne peut être vendu. Un superviseur en ouvre une avec F10.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="95" />
        <source>Only a supervisor can open a till session.</source>
        <translation>Seul un superviseur peut ouvrir une session de caisse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="99" />
        <source>This till's sales channel allows no cash float: open the session with every count at zero.</source>
        <translation>La filière de vente de cette caisse n'autorise pas de fonds de caisse : ouvrez la session avec tous les nombres à zéro.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="107" />
        <source>This cash count was refused: %1</source>
        <translation>Ce comptage a été refusé : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="115" />
        <source>This session's count is in: nothing more is sold or moved in it. A supervisor closes it (F10), then opens the next one.</source>
        <translation>Le comptage de cette session est fait : plus rien n'y est vendu ni mouvementé. Un superviseur la clôture (F10), puis ouvre la suivante.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="121" />
        <source>Only a supervisor can close a till session.</source>
        <translation>Seul un superviseur peut clôturer une session de caisse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="125" />
        <source>The drawer has not been counted yet: the cashier counts it first (F10).</source>
        <translation>Le tiroir n'a pas encore été compté : le caissier le compte d'abord (F10).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="129" />
        <source>Give a reason for each variance: %1. Nothing was sealed.</source>
        <translation>Donnez un motif pour chaque écart : %1. Rien n'a été scellé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="133" />
        <source>The drawer was counted again meanwhile: look at the new count, then seal. Nothing was sealed.</source>
        <translation>Le tiroir a été recompté entre-temps : regardez le nouveau comptage, puis scellez. Rien n'a été scellé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="139" />
        <source>This cash movement was refused: %1. Nothing was recorded.</source>
        <translation>Ce mouvement d'espèces a été refusé : %1. Rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="150" />
        <source>The terminal approved the payment.</source>
        <translation>Le terminal a accepté le paiement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="151" />
        <source>The terminal declined the payment.</source>
        <translation>Le terminal a refusé le paiement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="152" />
        <source>What the terminal did is not known.</source>
        <translation>On ne sait pas ce qu'a fait le terminal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="156" />
        <source>The till could not record it. Do not charge the card again: check the terminal's receipt. The payment stays open until a supervisor settles it.</source>
        <translation>La caisse n'a pas pu l'enregistrer. Ne débitez pas la carte une seconde fois : vérifiez le ticket du terminal. Le paiement reste ouvert jusqu'à ce qu'un superviseur le règle.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="170" />
        <source>Already given back: ticket(s) %1. Nothing was done.</source>
        <translation>Déjà remboursé : billet(s) %1. Rien n'a été fait.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="174" />
        <source>Ticket(s) %1 are not of this order. Nothing was done.</source>
        <translation>Le(s) billet(s) %1 ne sont pas de cette commande. Rien n'a été fait.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="178" />
        <source>Tick the tickets to give back first.</source>
        <translation>Cochez d'abord les billets à rembourser.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="182" />
        <source>That is more than this order has left to give back. Nothing was done.</source>
        <translation>C'est plus que ce qu'il reste à rembourser sur cette commande. Rien n'a été fait.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="186" />
        <source>Say why in the reason field: the journal keeps it.</source>
        <translation>Indiquez le motif dans le champ prévu : le journal le conserve.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="190" />
        <source>Only a supervisor approves this. Nothing was done.</source>
        <translation>Seul un superviseur peut approuver ceci. Rien n'a été fait.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="194" />
        <source>A reprint needs a supervisor: their PIN, then Approve.</source>
        <translation>Une réimpression demande un superviseur : son code PIN, puis Approuver.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="198" />
        <source>A refund of this order waits for the card terminal's outcome: a supervisor settles that card payment on the Devices screen first. Nothing else was done.</source>
        <translation>Un remboursement de cette commande attend la réponse du terminal de paiement : un superviseur règle d'abord ce paiement par carte dans l'écran Périphériques. Rien d'autre n'a été fait.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="204" />
        <source>The card terminal refused the refund: nothing was given back and the tickets stay valid. Try again, or give the money back another way with a supervisor.</source>
        <translation>Le terminal de paiement a refusé le remboursement : rien n'a été rendu et les billets restent valides. Réessayez, ou remboursez autrement avec un superviseur.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="210" />
        <source>The card terminal did not say whether it refunded the card. Do not refund again: the tickets stay valid until a supervisor settles the card payment on the Devices screen (from the terminal's receipt); the refund is then recorded at the next start.</source>
        <translation>Le terminal de paiement n'a pas indiqué s'il a remboursé la carte. Ne remboursez pas à nouveau : les billets restent valides jusqu'à ce qu'un superviseur règle le paiement par carte dans l'écran Périphériques (d'après le ticket du terminal) ; le remboursement est alors enregistré au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="217" />
        <source>This station has no card terminal: the card part cannot be refunded here. Nothing was done.</source>
        <translation>Ce poste n'a pas de terminal de paiement : la part carte ne peut pas être remboursée ici. Rien n'a été fait.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="222" />
        <source>Training mode and this order do not match: a real order is refunded or reprinted outside training mode, a training one inside it. Nothing was done.</source>
        <translation>Le mode formation et cette commande ne correspondent pas : une commande réelle se rembourse ou se réimprime hors du mode formation, une commande de formation dans ce mode. Rien n'a été fait.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="227" />
        <source>Ticket %1 is not valid any more (refunded): nothing was done.</source>
        <translation>Le billet %1 n'est plus valide (remboursé) : rien n'a été fait.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="231" />
        <source>Order %1 was picked up already (at another till, or just now): nothing was printed. A lost ticket is reprinted as DUPLICATA.</source>
        <translation>La commande %1 a déjà été retirée (à un autre guichet, ou à l'instant) : rien n'a été imprimé. Un billet perdu se réimprime en DUPLICATA.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="236" />
        <source>Order %1 was cancelled where it was placed: nothing to print.</source>
        <translation>La commande %1 a été annulée là où elle a été passée : rien à imprimer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="239" />
        <source>No order %1 for pick-up on this till: check the number, or wait for the server's news if it was placed a moment ago.</source>
        <translation>Aucune commande %1 à retirer sur ce guichet : vérifiez le numéro, ou attendez les nouvelles du serveur si elle vient d'être passée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="244" />
        <source>Training mode is on: orders are picked up only outside it. Nothing was printed.</source>
        <translation>Le mode formation est actif : les commandes ne se retirent qu'en dehors. Rien n'a été imprimé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="248" />
        <source>Training mode is on: options are made and picked up only outside it. Nothing was done.</source>
        <translation>Le mode formation est actif : les options ne se posent et ne se retirent qu'en dehors. Rien n'a été fait.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="277" />
        <source>Order %1: %2 to pay, %3 given: take at least what is due (or leave the field empty for the exact amount).</source>
        <translation>Commande %1 : %2 à payer, %3 reçus : encaissez au moins le montant dû (ou laissez le champ vide pour le compte juste).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="287" />
        <source>Order %1 was paid where it was placed: take no money for it.</source>
        <translation>La commande %1 a été payée là où elle a été passée : n'encaissez rien pour elle.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="291" />
        <source>Order %1: this station has no card terminal; take the cash.</source>
        <translation>Commande %1 : ce poste n'a pas de terminal de paiement ; encaissez en espèces.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="296" />
        <source>Order %1: the card was declined (%2). Nothing was charged; take another card or cash.</source>
        <translation>Commande %1 : la carte a été refusée (%2). Rien n'a été débité ; prenez une autre carte ou des espèces.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="305" />
        <source>Order %1: a card payment for it has no known outcome. Do not charge the card again: a supervisor settles it on the Devices screen, then pick the order up.</source>
        <translation>Commande %1 : un paiement par carte pour elle n'a pas d'issue connue. Ne débitez pas la carte à nouveau : un superviseur le règle sur l'écran Périphériques, puis retirez la commande.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="313" />
        <source>Order %1: the card paid %2 but the pick-up was not recorded (%3). Scan the order again to record it: the card is not charged again. If it was picked up elsewhere meanwhile, a supervisor refunds the card.</source>
        <translation>Commande %1 : la carte a payé %2 mais le retrait n'a pas été enregistré (%3). Scannez à nouveau la commande pour l'enregistrer : la carte n'est pas débitée une seconde fois. Si elle a été retirée ailleurs entre-temps, un superviseur rembourse la carte.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="325" />
        <source>Order %1: ticket %2 is for performance %3, which this till does not have (wait for the server's catalog, or pick it up at another till). Nothing was printed.</source>
        <translation>Commande %1 : le billet %2 est pour la représentation %3, que ce guichet n'a pas (attendez le catalogue du serveur, ou retirez-la à un autre guichet). Rien n'a été imprimé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="343" />
        <source>The card was declined (%1): nothing was charged and nothing put on a gift card.</source>
        <translation>La carte a été refusée (%1) : rien n'a été débité ni mis sur une carte cadeau.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="348" />
        <source>The card payment has no known outcome. Do not charge the card again: a supervisor settles it on the Devices screen; if it was approved, the gift card gets it at the next start.</source>
        <translation>Le paiement par carte n'a pas d'issue connue. Ne débitez pas la carte à nouveau : un superviseur le règle sur l'écran Périphériques ; s'il a été accepté, la carte cadeau le reçoit au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="357" />
        <source>The card paid %1 but gift card %2 was not recorded (%3). Do not charge the card again: the till's next start puts it on the card.</source>
        <translation>La carte a payé %1 mais la carte cadeau %2 n'a pas été enregistrée (%3). Ne débitez pas la carte à nouveau : le prochain démarrage de la caisse la crédite.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="367" />
        <source>This station has no card terminal: take the cash.</source>
        <translation>Ce poste n'a pas de terminal de paiement : encaissez en espèces.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="373" />
        <source>Gift card %1 expired on %2: it pays nothing any more. Take another payment (a top-up makes the card usable again).</source>
        <translation>La carte cadeau %1 a expiré le %2 : elle ne paie plus rien. Prenez un autre paiement (un rechargement la rend de nouveau utilisable).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="386" />
        <source>These seats cannot go into the cart: %1. Pick other seats.</source>
        <translation>Ces places ne peuvent pas aller dans le panier : %1. Choisissez-en d'autres.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="394" />
        <source>The server would not hold these places until the option's expiry: %1. Nothing was held; try again, or make the option when the server can be reached.</source>
        <translation>Le serveur n'a pas voulu garder ces places jusqu'à l'échéance de l'option : %1. Rien n'est bloqué ; réessayez, ou posez l'option quand le serveur répond.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="401" />
        <source>Only %1 standing places are left in %2: nothing was added.</source>
        <translation>Il ne reste que %1 places debout dans %2 : rien n'a été ajouté.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="409" />
        <source>%1 seats asked in %2, only %3 left that sit together or apart: nothing was added. Ask for fewer.</source>
        <translation>%1 places demandées en %2, il n'en reste que %3, ensemble ou séparées : rien n'a été ajouté. Demandez-en moins.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="419" />
        <source>At most %1 tickets per order for this performance: nothing was added.</source>
        <translation>Au plus %1 billets par commande pour cette représentation : rien n'a été ajouté.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="424" />
        <source>Another cart took these seats after their hold ran out: %1. The sale is not recorded. Remove them and pick other seats; a card already charged for this sale stays approved, for a supervisor to refund.</source>
        <translation>Un autre panier a pris ces places après l'expiration de leur réservation : %1. La vente n'est pas enregistrée. Retirez-les et choisissez d'autres places ; une carte déjà débitée pour cette vente reste acceptée, un superviseur la rembourse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="431" />
        <source>This payment was refused: %1. Take the payment again.</source>
        <translation>Ce paiement a été refusé : %1. Reprenez le paiement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="435" />
        <source>The server revoked this till: it cannot sell until a technician enrolls it again. The sales already made are kept.</source>
        <translation>Le serveur a révoqué cette caisse : elle ne peut plus vendre tant qu'un technicien ne l'a pas réinscrite. Les ventes déjà faites sont conservées.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="441" />
        <source>A card payment of this sale has no known outcome yet. Do not charge the card again: a supervisor settles it in Devices (the terminal is asked), then pay the rest.</source>
        <translation>Un paiement par carte de cette vente n'a pas encore de résultat connu. Ne débitez pas la carte une seconde fois : un superviseur le règle dans Périphériques (le terminal est interrogé), puis payez le reste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="458" />
        <source>Nothing was changed in the cart.</source>
        <translation>Rien n'a changé dans le panier.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="462" />
        <source>This is not a valid %1: %2. Correct it; nothing was saved.</source>
        <translation>Ce n'est pas un(e) %1 valide : %2. Corrigez-le ; rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="465" />
        <source>%2 is already the e-mail of contact %1: find that contact and pick it. Nothing was saved.</source>
        <translation>%2 est déjà l'e-mail du contact %1 : cherchez ce contact et choisissez-le. Rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="470" />
        <source>This contact's personal data were erased already.</source>
        <translation>Les données personnelles de ce contact ont déjà été effacées.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="473" />
        <source>Only a supervisor erases a contact's personal data. Nothing was done.</source>
        <translation>Seul un superviseur efface les données personnelles d'un contact. Rien n'a été fait.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="481" />
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="482" />
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="483" />
        <source>phone number</source>
        <translation>numéro de téléphone</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="484" />
        <source>company</source>
        <translation>société</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="507" />
        <source>The code %1 is not known.</source>
        <translation>Le code %1 est inconnu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="508" />
        <source>The code %1 was used already: a single-use code sells once.</source>
        <translation>Le code %1 a déjà été utilisé : un code à usage unique ne sert qu'une fois.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="511" />
        <source>The code %1 was invalidated: it cannot be used any more.</source>
        <translation>Le code %1 a été invalidé : il ne peut plus être utilisé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="514" />
        <source>The code %1 is valid only from %2.</source>
        <translation>Le code %1 n'est valable qu'à partir du %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="515" />
        <source>The code %1 ended on %2.</source>
        <translation>Le code %1 a pris fin le %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="516" />
        <source>The code %1 is not valid on this sales channel (%2).</source>
        <translation>Le code %1 n'est pas valable sur ce canal de vente (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="519" />
        <source>The cart is below the code %1's minimum of %2.</source>
        <translation>Le panier est en dessous du minimum de %2 du code %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="522" />
        <source>The code %1 reached its quota (%2 sales): it cannot be used any more.</source>
        <translation>Le code %1 a atteint son quota (%2 ventes) : il ne peut plus être utilisé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="525" />
        <source>Nothing in the cart is eligible for the code %1.</source>
        <translation>Rien dans le panier n'est éligible au code %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="528" />
        <source>The advantage %1 is only for the contacts of its list.</source>
        <translation>L'avantage %1 est réservé aux contacts de sa liste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="531" />
        <source>The single-use code %1 must be checked with the server, which cannot be reached; try again when online.</source>
        <translation>Le code à usage unique %1 doit être vérifié auprès du serveur, qui est injoignable ; réessayez une fois en ligne.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="536" />
        <source>The code %1 is already applied to this cart.</source>
        <translation>Le code %1 est déjà appliqué à ce panier.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="558" />
        <source>sold</source>
        <translation>vendue</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="559" />
        <source>held in another cart</source>
        <translation>réservée dans un autre panier</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="560" />
        <source>reserved</source>
        <translation>réservée</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="561" />
        <source>blocked, not for sale</source>
        <translation>bloquée, pas en vente</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="562" />
        <source>invalidated</source>
        <translation>invalidée</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="563" />
        <source>not on this plan</source>
        <translation>absente de ce plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="564" />
        <source>kept for a contingent this till does not sell</source>
        <translation>gardée pour un contingent que cette caisse ne vend pas</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="567" />
        <source>this till sells only seats of its contingents</source>
        <translation>cette caisse ne vend que les places de ses contingents</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="570" />
        <source>already in this cart</source>
        <translation>déjà dans ce panier</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="571" />
        <source>no tariff this till may sell</source>
        <translation>aucun tarif vendable à cette caisse</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="572" />
        <source>the performance is not on sale</source>
        <translation>la représentation n'est pas en vente</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="575" />
        <source>no sale window for this till</source>
        <translation>pas de période de vente pour cette caisse</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="578" />
        <source>sales not open yet</source>
        <translation>ventes pas encore ouvertes</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="579" />
        <source>sales closed</source>
        <translation>ventes closes</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="580" />
        <source>no such zone</source>
        <translation>zone inconnue</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="581" />
        <source>no quantity typed</source>
        <translation>aucune quantité saisie</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="582" />
        <source>the server does not let this till sell it</source>
        <translation>le serveur ne permet pas à cette caisse de la vendre</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="585" />
        <source>not enough places left</source>
        <translation>plus assez de places</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="586" />
        <source>no longer held on the server: another till may have taken it</source>
        <translation>plus bloquée sur le serveur : une autre caisse l'a peut-être prise</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="589" />
        <source>the server cannot be reached, and only the seats leased to this till sell without it</source>
        <translation>le serveur est injoignable, et seules les places prêtées à cette caisse se vendent sans lui</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="593" />
        <source>a sale is either from this till's lease or from the server: pay this cart first</source>
        <translation>une vente se fait soit sur le contingent prêté à cette caisse, soit sur le serveur : encaissez d'abord ce panier</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="606" />
        <source>The till's database %1 is damaged. Do not delete it: it holds the sales. Call a technician to restore it from a backup.</source>
        <translation>La base de données de la caisse %1 est endommagée. Ne la supprimez pas : elle contient les ventes. Appelez un technicien pour la restaurer depuis une sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="611" />
        <source>The till's database %1 cannot be written (read-only or locked file or folder). Nothing was saved. A technician must give the till write access to it.</source>
        <translation>La base de données de la caisse %1 ne peut pas être écrite (fichier ou dossier en lecture seule ou verrouillé). Rien n'a été enregistré. Un technicien doit donner à la caisse le droit d'y écrire.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="616" />
        <source>The disk holding the till's database %1 is full. What you just did was not saved. Free some space on it, then try again.</source>
        <translation>Le disque de la base de données de la caisse %1 est plein. Ce que vous venez de faire n'a pas été enregistré. Libérez de la place, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="621" />
        <source>The disk holding the till's database %1 reported an error. What you just did may not be saved. Call a technician: the disk may be failing.</source>
        <translation>Le disque de la base de données de la caisse %1 a signalé une erreur. Ce que vous venez de faire n'est peut-être pas enregistré. Appelez un technicien : le disque est peut-être défaillant.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="626" />
        <source>The till's database %1 stayed busy too long. Nothing was saved. Wait a moment, then try again; if it happens again, call a technician.</source>
        <translation>La base de données de la caisse %1 est restée occupée trop longtemps. Rien n'a été enregistré. Attendez un instant, puis réessayez ; si cela se reproduit, appelez un technicien.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="631" />
        <source>The till's database %1 is in use by another Guichet running on this computer. Only one may sell on it: use the one that is open, or close it first.</source>
        <translation>La base de données de la caisse %1 est utilisée par un autre Guichet ouvert sur cet ordinateur. Un seul peut y vendre : utilisez celui qui est ouvert, ou fermez-le d'abord.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="636" />
        <source>The till's database %1 is empty although it existed: its history is gone. The till will not start over it. Call a technician to restore it from a backup.</source>
        <translation>La base de données de la caisse %1 est vide alors qu'elle existait : son historique a disparu. La caisse ne redémarrera pas par-dessus. Appelez un technicien pour la restaurer depuis une sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="648" />
        <source>The device</source>
        <translation>Le périphérique</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="650" />
        <source>%1 is used by another computer or program (it accepts one connection at a time). Close the other one, then try again.</source>
        <translation>%1 est utilisé par un autre ordinateur ou programme (il n'accepte qu'une connexion à la fois). Fermez l'autre, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="656" />
        <source>%1 cannot be reached: %2. Check its cable and power.</source>
        <translation>%1 est injoignable : %2. Vérifiez son câble et son alimentation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="660" />
        <source>%1 did not answer in time. Nothing was lost: check it.</source>
        <translation>%1 n'a pas répondu à temps. Rien n'est perdu : vérifiez-le.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="664" />
        <source>%1 needs attention: %2. Fix it, then try again.</source>
        <translation>%1 demande une intervention : %2. Corrigez, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="668" />
        <source>%1 answered something that makes no sense: %2. Check the driver and the cable.</source>
        <translation>%1 a répondu quelque chose d'incompréhensible : %2. Vérifiez le pilote et le câble.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="673" />
        <source>%1 is not configured correctly: %2. Check station.toml.</source>
        <translation>%1 est mal configuré : %2. Vérifiez station.toml.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="677" />
        <source>%1 reported a problem: %2</source>
        <translation>%1 a signalé un problème : %2</translation>
    </message>
</context>
<context>
    <name>ExchangePanel</name>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="68" />
        <source>New performance</source>
        <translation>Nouvelle représentation</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="72" />
        <source>New tariff</source>
        <translation>Nouveau tarif</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="75" />
        <source>Number of new tickets</source>
        <translation>Nombre de nouveaux billets</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="77" />
        <source>Pick the seats</source>
        <translation>Choisir les places</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="84" />
        <source>Cash given (empty: the exact amount)</source>
        <translation>Espèces reçues (vide : le montant exact)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="85" />
        <source>Cash given</source>
        <translation>Espèces reçues</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="87" />
        <source>Exchange (Ctrl+E)</source>
        <translation>Échanger (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="90" />
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="94" />
        <source>Exchange for:</source>
        <translation>Échanger contre :</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="118" />
        <source>Choose the new performance, tariff and number of tickets.</source>
        <translation>Choisissez la nouvelle représentation, le tarif et le nombre de billets.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="135" />
        <source>A sale is in progress in the cart: finish or clear it first.</source>
        <translation>Une vente est en cours dans le panier : terminez-la ou videz-le d'abord.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="188" />
        <source>Holding the seats…</source>
        <translation>Réservation des places…</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="195" />
        <source>Given back: %1. New tickets: %2.</source>
        <translation>Rendu : %1. Nouveaux billets : %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="200" />
        <source>The customer pays %1 in cash.</source>
        <translation>Le client paie %1 en espèces.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="204" />
        <location filename="../../app/ui/orders/exchange_panel.py" line="251" />
        <source>GIVE %1 IN CASH from the drawer</source>
        <translation>RENDEZ %1 EN ESPÈCES depuis le tiroir</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="208" />
        <source>Nothing to pay.</source>
        <translation>Rien à payer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="209" />
        <source>Ctrl+E exchanges.</source>
        <translation>Ctrl+E échange.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="217" />
        <location filename="../../app/ui/orders/exchange_panel.py" line="279" />
        <source>Pick the new seats first.</source>
        <translation>Choisissez d'abord les nouvelles places.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="229" />
        <source>Type the cash given, e.g. 20.00.</source>
        <translation>Saisissez les espèces reçues, par ex. 20.00.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="248" />
        <source>Exchanged: the old tickets' barcodes are void, %1 new tickets are printing.</source>
        <translation>Échangé : les codes-barres des anciens billets sont annulés, %1 nouveaux billets s'impriment.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="271" />
        <source>No exchange: nothing was changed.</source>
        <translation>Pas d'échange : rien n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="275" />
        <source>The customer pays %1 in cash: type at least that.</source>
        <translation>Le client paie %1 en espèces : saisissez au moins ce montant.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/exchange_panel.py" line="282" />
        <source>Nothing was exchanged.</source>
        <translation>Rien n'a été échangé.</translation>
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
        <translation>%1 min %2 s</translation>
    </message>
</context>
<context>
    <name>GiftCardPanel</name>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="51" />
        <source>Gift card code (empty: a new card)</source>
        <translation>Code de la carte cadeau (vide : nouvelle carte)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="52" />
        <source>Gift card code</source>
        <translation>Code de la carte cadeau</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="55" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="56" />
        <source>Amount to put on the card</source>
        <translation>Montant à mettre sur la carte</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="59" />
        <source>Cash given (empty: the exact amount)</source>
        <translation>Espèces reçues (vide : le montant exact)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="60" />
        <source>Cash given</source>
        <translation>Espèces reçues</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="62" />
        <source>Sell / top up</source>
        <translation>Vendre / recharger</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="64" />
        <source>By card</source>
        <translation>Par carte</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="68" />
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="72" />
        <source>Gift card:</source>
        <translation>Carte cadeau :</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="85" />
        <source>“%1” is not an amount: type it like 20 or 20.50.</source>
        <translation>« %1 » n'est pas un montant : saisissez par exemple 20 ou 20,50.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="116" />
        <source>Card payment of %1: the customer follows the terminal's prompts.</source>
        <translation>Paiement par carte de %1 : le client suit les instructions du terminal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="137" />
        <source>Gift card %1 sold: %2 on it.</source>
        <translation>Carte cadeau %1 vendue : %2 dessus.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="139" />
        <source>Gift card %1 topped up: %2 on it.</source>
        <translation>Carte cadeau %1 rechargée : %2 dessus.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="143" />
        <source>GIVE %1 IN CASH from the drawer</source>
        <translation>RENDEZ %1 EN ESPÈCES depuis le tiroir</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="154" />
        <source>Type or scan the gift card's code first.</source>
        <translation>Tapez ou scannez d'abord le code de la carte cadeau.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="162" />
        <location filename="../../app/ui/orders/gift_card_panel.py" line="186" />
        <source>No gift card %1 on this till.</source>
        <translation>Aucune carte cadeau %1 sur cette caisse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="165" />
        <source>Gift card %1 holds %2.</source>
        <translation>La carte cadeau %1 contient %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="167" />
        <source>Gift card %1 holds %2, to spend until %3.</source>
        <translation>La carte cadeau %1 contient %2, à utiliser jusqu'au %3.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="169" />
        <source>Gift card %1 holds %2 but expired on %3: it pays nothing.</source>
        <translation>La carte cadeau %1 contient %2 mais a expiré le %3 : elle ne paie plus rien.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="188" />
        <source>Type an amount more than zero.</source>
        <translation>Tapez un montant supérieur à zéro.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="190" />
        <source>The customer gives at least %1 in cash.</source>
        <translation>Le client donne au moins %1 en espèces.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/gift_card_panel.py" line="195" />
        <source>Nothing was done.</source>
        <translation>Rien n'a été fait.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="124" />
        <source>Guichet: log in</source>
        <translation>Guichet : connexion</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="125" />
        <source>&amp;Operator</source>
        <translation>&amp;Opérateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="126" />
        <source>&amp;PIN</source>
        <translation>Code &amp;PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="127" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="128" />
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="129" />
        <source>Type your PIN, then Enter</source>
        <translation>Tapez votre code PIN, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="130" />
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="131" />
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="145" />
        <source>cashier</source>
        <translation>caissier</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="146" />
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="147" />
        <source>technician</source>
        <translation>technicien</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="189" />
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="229" />
        <source>The lock has ended: type the PIN again.</source>
        <translation>Le blocage est terminé : saisissez à nouveau le code PIN.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login/login_screen.py" line="234" />
        <source>Too many wrong PINs: this operator is locked for %1 more (until %2). A supervisor can unlock it.</source>
        <translation>Trop de codes PIN erronés : cet opérateur est encore bloqué %1 (jusqu'à %2). Un superviseur peut le débloquer.</translation>
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
        <translation>FORMATION : aucune vente n'est réelle (superviseur : %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="371" />
        <source>Locked: log in to use the till</source>
        <translation>Verrouillée : connectez-vous pour utiliser la caisse</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="374" />
        <source>Operator: %1 (Ctrl+L to lock)</source>
        <translation>Opérateur : %1 (Ctrl+L pour verrouiller)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="386" />
        <source>Only a supervisor starts or ends training mode.</source>
        <translation>Seul un superviseur démarre ou arrête le mode formation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="422" />
        <source>Scan ignored: log in first.</source>
        <translation>Scan ignoré : connectez-vous d'abord.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="424" />
        <source>Scanned: %1</source>
        <translation>Scanné : %1</translation>
    </message>
</context>
<context>
    <name>OperatorsScreen</name>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="45" />
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="45" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="45" />
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="51" />
        <source>&amp;Unlock</source>
        <translation>&amp;Débloquer</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="74" />
        <source>cashier</source>
        <translation>caissier</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="75" />
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="76" />
        <source>technician</source>
        <translation>technicien</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="81" />
        <source>locked until %1</source>
        <translation>bloqué jusqu'à %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="84" />
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="99" />
        <source>Select an operator first.</source>
        <translation>Sélectionnez d'abord un opérateur.</translation>
    </message>
    <message>
        <location filename="../../app/ui/operators/operators_screen.py" line="110" />
        <source>%1 can log in again.</source>
        <translation>%1 peut de nouveau se connecter.</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="56" />
        <source>Contact number</source>
        <translation>N° de contact</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="59" />
        <source>Performance</source>
        <translation>Séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="62" />
        <source>Quantities, e.g. CAT1=2 CAT2=1</source>
        <translation>Quantités, p. ex. CAT1=2 CAT2=1</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="68" />
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="69" />
        <source>Create option</source>
        <translation>Poser l'option</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="73" />
        <source>Validate</source>
        <translation>Valider</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="75" />
        <source>Refuse</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="79" />
        <source>Options:</source>
        <translation>Options :</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="110" />
        <source>Type the quantities like CAT1=2 CAT2=1.</source>
        <translation>Saisissez les quantités ainsi : CAT1=2 CAT2=1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="123" />
        <source>Option %1 placed.</source>
        <translation>Option %1 posée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="130" />
        <source>Select an option first.</source>
        <translation>Sélectionnez d'abord une option.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/options_panel.py" line="137" />
        <source>Nothing was done.</source>
        <translation>Rien n'a été fait.</translation>
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="90" />
        <source>Order number, ticket number or scan a barcode</source>
        <translation>N° de commande, n° de billet ou scannez un code-barres</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="91" />
        <source>Find an order</source>
        <translation>Rechercher une commande</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="101" />
        <source>Tickets of the order</source>
        <translation>Billets de la commande</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="103" />
        <source>Ticket</source>
        <translation>Billet</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="103" />
        <source>Performance</source>
        <translation>Séance</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="103" />
        <source>Seat</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="103" />
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="104" />
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="104" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="112" />
        <source>Prints and journal entries of the order</source>
        <translation>Impressions et écritures du journal de la commande</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="115" />
        <source>Why (kept in the journal)</source>
        <translation>Motif (conservé dans le journal)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="116" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="117" />
        <source>Refund ticked tickets (Ctrl+R)</source>
        <translation>Rembourser les billets cochés (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="118" />
        <source>Reprint as DUPLICATA (F9)</source>
        <translation>Réimprimer en DUPLICATA (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="120" />
        <source>To a credit balance (avoir)</source>
        <translation>Sur un avoir</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="123" />
        <source>The refund goes onto a new code, spent later like a gift card</source>
        <translation>Le remboursement va sur un nouveau code, utilisable ensuite comme une carte cadeau</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="126" />
        <source>Exchange ticked tickets (Ctrl+E)</source>
        <translation>Échanger les billets cochés (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="174" />
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="178" />
        <source>Supervisor's PIN</source>
        <translation>Code PIN du superviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="180" />
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="183" />
        <source>Supervisor approval:</source>
        <translation>Approbation du superviseur :</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="238" />
        <source>Gift card %1: a card payment of %2 approved before the till stopped is on it now (the card was not charged again).</source>
        <translation>Carte cadeau %1 : un paiement par carte de %2 accepté avant l'arrêt de la caisse y est maintenant (la carte n'a pas été débitée une seconde fois).</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="246" />
        <source>Order %1: the card terminal had refunded the card before the till stopped; the refund is recorded now.</source>
        <translation>Commande %1 : le terminal de paiement avait remboursé la carte avant l'arrêt de la caisse ; le remboursement est maintenant enregistré.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="254" />
        <source>Order %1: a card refund's outcome is unknown. Do not refund again: a supervisor settles it on the Devices screen; it is recorded at the next start.</source>
        <translation>Commande %1 : le résultat d'un remboursement par carte est inconnu. Ne remboursez pas à nouveau : un superviseur le règle dans l'écran Périphériques ; il est enregistré au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="259" />
        <source>Order %1: the till stopped before anything was given back; the tickets stay valid. Refund them again if the customer still wants it.</source>
        <translation>Commande %1 : la caisse s'est arrêtée avant que rien ne soit rendu ; les billets restent valides. Remboursez-les à nouveau si le client le souhaite toujours.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="281" />
        <source>Nothing found for %1: check the number, or scan the ticket again.</source>
        <translation>Rien trouvé pour %1 : vérifiez le numéro ou scannez à nouveau le billet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="289" />
        <source>a DUPLICATA with a new barcode replaced it</source>
        <translation>un DUPLICATA avec un nouveau code-barres l'a remplacé</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="290" />
        <source>the ticket was refunded</source>
        <translation>le billet a été remboursé</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="291" />
        <source>the sale was cancelled</source>
        <translation>la vente a été annulée</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="292" />
        <source>the ticket was exchanged</source>
        <translation>le billet a été échangé</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="295" />
        <source>VOID barcode: %1. Ticket %2 of order %3. It gives no entry.</source>
        <translation>Code-barres ANNULÉ : %1. Billet %2 de la commande %3. Il ne donne pas accès.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="314" />
        <source>Find an order: type or scan, then Enter.</source>
        <translation>Rechercher une commande : saisissez ou scannez, puis Entrée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="320" />
        <source>Order %1 · %2 · total %3</source>
        <translation>Commande %1 · %2 · total %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="326" />
        <source>valid</source>
        <translation>valide</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="327" />
        <source>refunded</source>
        <translation>remboursé</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="328" />
        <location filename="../../app/ui/orders/orders_screen.py" line="391" />
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="329" />
        <source>reprinted (DUPLICATA)</source>
        <translation>réimprimé (DUPLICATA)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="330" />
        <source>exchanged</source>
        <translation>échangé</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="331" />
        <source>void</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="347" />
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="348" />
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="349" />
        <source>Gift card</source>
        <translation>Carte cadeau</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="350" />
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="354" />
        <source>%1: %2 paid, %3 given back</source>
        <translation>%1 : %2 payé, %3 rendu</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="363" />
        <source>Print: %1 (%2)</source>
        <translation>Impression : %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="382" />
        <source>Order %1 · %2 · %3 · total %4</source>
        <translation>Commande %1 · %2 · %3 · total %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="389" />
        <source>picked up</source>
        <translation>retirée</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="393" />
        <source>to print</source>
        <translation>à imprimer</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="395" />
        <source>to pay and print</source>
        <translation>à payer et imprimer</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="403" />
        <source>Paid where it was placed.</source>
        <translation>Payée là où elle a été passée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="405" />
        <source>To pay here: %1.</source>
        <translation>À payer ici : %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="429" />
        <source>Option %1: take the payment, then its tickets print.</source>
        <translation>Option %1 : encaissez, puis ses billets s'impriment.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="443" />
        <source>Option %1 paid %2: %3 ticket(s) printed.</source>
        <translation>Option %1 payée %2 : %3 billet(s) imprimé(s).</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="455" />
        <source>Option %1 not paid: it stays validated, its places held.</source>
        <translation>Option %1 non payée : elle reste validée, ses places bloquées.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="480" />
        <source>Tick the tickets to give back first.</source>
        <translation>Cochez d'abord les billets à rembourser.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="523" />
        <location filename="../../app/ui/orders/orders_screen.py" line="595" />
        <source>Say why in the reason field: the journal keeps it.</source>
        <translation>Indiquez le motif dans le champ prévu : le journal le conserve.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="485" />
        <source>Refunding… (the card terminal may ask the customer)</source>
        <translation>Remboursement… (le terminal de paiement peut solliciter le client)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="506" />
        <source>Tick the tickets to exchange first.</source>
        <translation>Cochez d'abord les billets à échanger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="538" />
        <source>%1 to the card</source>
        <translation>%1 sur la carte</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="548" />
        <source>%1 to the gift card</source>
        <translation>%1 sur la carte cadeau</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="251" />
        <location filename="../../app/ui/orders/orders_screen.py" line="552" />
        <source>GIVE %1 IN CASH from the drawer</source>
        <translation>RENDEZ %1 EN ESPÈCES depuis le tiroir</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="542" />
        <source>%1 onto the credit balance %2 (give the customer its slip)</source>
        <translation>%1 sur l'avoir %2 (remettez le bon au client)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="557" />
        <source>Refunded: %1. The tickets' barcodes are void, their seats on sale again.</source>
        <translation>Remboursé : %1. Les codes-barres des billets sont annulés, leurs places sont remises en vente.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="559" />
        <source>Ctrl+P prints its receipt.</source>
        <translation>Ctrl+P imprime son ticket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="574" />
        <source>The refund's receipt is printing.</source>
        <translation>Le ticket du remboursement s'imprime.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="576" />
        <source>No receipt printer on this station.</source>
        <translation>Aucune imprimante de tickets de caisse sur ce poste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="607" />
        <source>Ticket %1 reprinted as DUPLICATA; its old barcode is void.</source>
        <translation>Billet %1 réimprimé en DUPLICATA ; son ancien code-barres est annulé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="611" />
        <source>No ticket printer on this station: nothing printed.</source>
        <translation>Aucune imprimante de billets sur ce poste : rien n'a été imprimé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="433" />
        <location filename="../../app/ui/orders/orders_screen.py" line="628" />
        <source>Nothing was done.</source>
        <translation>Rien n'a été fait.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="631" />
        <source>Above %1 a supervisor approves: their PIN, then Approve.</source>
        <translation>Au-delà de %1, un superviseur approuve : son code PIN, puis Approuver.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/orders_screen.py" line="637" />
        <source>A reprint needs a supervisor: their PIN, then Approve.</source>
        <translation>Une réimpression demande un superviseur : son code PIN, puis Approuver.</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="91" />
        <source>Payments taken</source>
        <translation>Paiements reçus</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="94" />
        <source>Amount given (Enter on empty: exact cash)</source>
        <translation>Montant remis (Entrée à vide : compte exact)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="95" />
        <source>Amount given in cash</source>
        <translation>Montant remis en espèces</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="99" />
        <source>Gift card code (type or scan)</source>
        <translation>Code de la carte cadeau (saisi ou scanné)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="100" />
        <source>Gift card code</source>
        <translation>Code de la carte cadeau</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="104" />
        <source>Company paying on account</source>
        <translation>Société payant sur compte d'attente</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="105" />
        <source>Company whose waiting account pays</source>
        <translation>Société dont le compte d'attente paie</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="115" />
        <source>Cash (F5)</source>
        <translation>Espèces (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="116" />
        <source>Exact cash (Enter)</source>
        <translation>Compte exact (Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="117" />
        <source>Card (F6)</source>
        <translation>Carte (F6)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="118" />
        <source>Gift card (F7)</source>
        <translation>Carte cadeau (F7)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="119" />
        <source>On account (Shift+F11)</source>
        <translation>Compte d'attente (Maj+F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="120" />
        <source>Back to the cart (Esc)</source>
        <translation>Retour au panier (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="121" />
        <source>Cancel the card payment (Esc)</source>
        <translation>Annuler le paiement par carte (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="123" />
        <source>Next customer (Enter)</source>
        <translation>Client suivant (Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="127" />
        <source>Print the receipt (Ctrl+P)</source>
        <translation>Imprimer le ticket de caisse (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="155" />
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="200" />
        <source>Holding the seats for the payment…</source>
        <translation>Réservation des places pour le paiement…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="222" />
        <source>To pay</source>
        <translation>À payer</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="224" />
        <source>Type the amount given then Enter, or a key: F5 cash, F6 card, F7 gift card.</source>
        <translation>Saisissez le montant remis puis Entrée, ou une touche : F5 espèces, F6 carte, F7 carte cadeau.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="227" />
        <source>F11: %1.</source>
        <translation>F11 : %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="228" />
        <source>Shift+F11: on a company's account.</source>
        <translation>Maj+F11 : sur le compte d'attente d'une société.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="232" />
        <source>A card payment of %1 approved before the till stopped counts for this sale: the card is not charged again.</source>
        <translation>Un paiement par carte de %1 accepté avant l'arrêt de la caisse compte pour cette vente : la carte n'est pas débitée une seconde fois.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="236" />
        <source>Enter records the sale.</source>
        <translation>Entrée enregistre la vente.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="270" />
        <source>Type the amount the customer gave, then Enter.</source>
        <translation>Saisissez le montant remis par le client, puis Entrée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="283" />
        <source>“%1” is not an amount: type it like 20 or 20.50.</source>
        <translation>« %1 » n'est pas un montant : saisissez par exemple 20 ou 20,50.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="303" />
        <source>Still due: take another payment.</source>
        <translation>Reste à payer : prenez un autre paiement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="311" />
        <source>This till has no card terminal: take another payment.</source>
        <translation>Cette caisse n'a pas de terminal de paiement : prenez un autre paiement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="321" />
        <source>Card payment of %1: the customer follows the terminal's prompts.</source>
        <translation>Paiement par carte de %1 : le client suit les instructions du terminal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="342" />
        <source>Terminal: %1</source>
        <translation>Terminal : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="351" />
        <source>Cancelling the card payment at the terminal…</source>
        <translation>Annulation du paiement par carte sur le terminal…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="372" />
        <source>Card approved for %1.</source>
        <translation>Carte acceptée pour %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="379" />
        <source>The card payment was cancelled: nothing was charged. Take another payment, or Esc to go back to the cart.</source>
        <translation>Le paiement par carte est annulé : rien n'a été débité. Prenez un autre paiement, ou Échap pour revenir au panier.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="387" />
        <source>The card was declined: nothing was charged. Try the card again or take another payment.</source>
        <translation>La carte a été refusée : rien n'a été débité. Réessayez la carte ou prenez un autre paiement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="407" />
        <source>Payment to be settled: the terminal did not say whether the card was charged. Do not charge the card again. The sale is stopped and the seats stay in the cart: check the terminal's receipt, have a supervisor settle the payment on the Devices screen, then pay again (Esc goes back to the cart).</source>
        <translation>Paiement à régulariser : le terminal n'a pas dit si la carte a été débitée. Ne débitez pas la carte une seconde fois. La vente est arrêtée et les places restent dans le panier : vérifiez le ticket du terminal, faites régulariser le paiement par un superviseur dans l'écran Périphériques, puis payez à nouveau (Échap revient au panier).</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="422" />
        <source>Type or scan the gift card's code, then Enter.</source>
        <translation>Saisissez ou scannez le code de la carte cadeau, puis Entrée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="425" />
        <source>This gift card is already used for this sale.</source>
        <translation>Cette carte cadeau est déjà utilisée pour cette vente.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="438" />
        <source>There is no gift card %1.</source>
        <translation>Il n'existe pas de carte cadeau %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="442" />
        <source>Gift card %1 is used up.</source>
        <translation>La carte cadeau %1 est épuisée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="449" />
        <source>Gift card %1: balance %2, %3 used.</source>
        <translation>Carte cadeau %1 : solde %2, %3 utilisés.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="466" />
        <source>%1 (F11)</source>
        <translation>%1 (F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="474" />
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="499" />
        <source>Type the company whose account pays, then Enter (or Shift+F11).</source>
        <translation>Tapez la société dont le compte d'attente paie, puis Entrée (ou Maj+F11).</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="514" />
        <source>Recording the sale…</source>
        <translation>Enregistrement de la vente…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="528" />
        <source>Sale %1 recorded, %2 ticket(s) printing.</source>
        <translation>Vente %1 enregistrée, %2 billet(s) en impression.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="535" />
        <source>Thank you</source>
        <translation>Merci</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="537" />
        <source>Change</source>
        <translation>À rendre</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="542" />
        <location filename="../../app/ui/sale/payment_panel.py" line="560" />
        <source>The receipt is printing.</source>
        <translation>Le ticket de caisse s'imprime.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="562" />
        <source>This station has no receipt printer.</source>
        <translation>Ce poste n'a pas d'imprimante de tickets de caisse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="571" />
        <source>The sale is not recorded. Enter records it again; Esc goes back.</source>
        <translation>La vente n'est pas enregistrée. Entrée l'enregistre à nouveau ; Échap revient en arrière.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="592" />
        <source>A card was charged for this sale: take the rest of the payment.</source>
        <translation>Une carte a été débitée pour cette vente : encaissez le reste du paiement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="620" />
        <source>Due: %1</source>
        <translation>À payer : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="621" />
        <source>Still due: %1</source>
        <translation>Reste à payer : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="627" />
        <source>Change: %1</source>
        <translation>À rendre : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="649" />
        <source>Cash %1 (given %2)</source>
        <translation>Espèces %1 (remis %2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="654" />
        <source>Card %1</source>
        <translation>Carte %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="656" />
        <source>Gift card %1: %2</source>
        <translation>Carte cadeau %1 : %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/payment_panel.py" line="659" />
        <source>On account of %1: %2</source>
        <translation>Compte d'attente %1 : %2</translation>
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
        <translation>Tous les événements</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="73" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="73" />
        <location filename="../../app/ui/performances/list_screen.py" line="91" />
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="73" />
        <source>Hall</source>
        <translation>Salle</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="73" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="82" />
        <source>Performances</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="89" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="90" />
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="149" />
        <source>%1 performance(s)</source>
        <translation>%1 séance(s)</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="151" />
        <source>No performance in these days.</source>
        <translation>Aucune séance sur ces jours.</translation>
    </message>
</context>
<context>
    <name>PerformancePageScreen</name>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="63" />
        <source>← Performances (Esc)</source>
        <translation>← Séances (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="135" />
        <source>Seats</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="113" />
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="90" />
        <source>Pick on plan</source>
        <translation>Choix sur plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="91" />
        <source>Automatic with view</source>
        <translation>Automatique avec visualisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="92" />
        <source>Automatic then editable</source>
        <translation>Automatique puis modifiable</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="93" />
        <source>No plan: quantities per category</source>
        <translation>Sans plan : quantités par catégorie</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="96" />
        <source>Seat search mode</source>
        <translation>Mode de recherche de places</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="102" />
        <source>Number of seats</source>
        <translation>Nombre de places</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="103" />
        <source>Best available (F3)</source>
        <translation>Meilleures places (F3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="113" />
        <source>Free</source>
        <translation>Libres</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="113" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="119" />
        <source>Free seats per category</source>
        <translation>Places libres par catégorie</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="133" />
        <source>Seat search</source>
        <translation>Recherche de places</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="201" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="247" />
        <source>Standing, %1: %2 places</source>
        <translation>Debout, %1 : %2 places</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="310" />
        <source>No %1 seats fit together or apart. Try fewer seats or pick on the plan.</source>
        <translation>Impossible de trouver %1 places, ensemble ou séparées. Essayez moins de places ou choisissez sur le plan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="331" />
        <source>%1 seat(s): %2</source>
        <translation>%1 place(s) : %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="338" />
        <source>At most %1 seats per order for this performance.</source>
        <translation>%1 places au plus par commande pour cette séance.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="350" />
        <source>The proposed seats cannot be changed in this mode: choose “Automatic then editable” or “Pick on plan” to change them.</source>
        <translation>Les places proposées ne peuvent pas être modifiées dans ce mode : choisissez « Automatique puis modifiable » ou « Choix sur plan » pour les changer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="357" />
        <source>Seat %1 is already held by this till.</source>
        <translation>La place %1 est déjà retenue par ce guichet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="363" />
        <source>Seat %1 is kept for the contingent %2: not sellable at this till.</source>
        <translation>La place %1 est réservée au contingent %2 : elle n'est pas vendable à ce guichet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="367" />
        <source>Seat %1 is not sellable at this till.</source>
        <translation>La place %1 n'est pas vendable à ce guichet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="369" />
        <source>Seat %1 is held in another cart.</source>
        <translation>La place %1 est retenue dans un autre panier.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="370" />
        <source>Seat %1 is blocked: it is not for sale.</source>
        <translation>La place %1 est bloquée : elle n'est pas en vente.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="371" />
        <source>Seat %1 is reserved.</source>
        <translation>La place %1 est réservée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="372" />
        <source>Seat %1 is sold.</source>
        <translation>La place %1 est vendue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="373" />
        <source>Seat %1 is invalidated: it cannot be sold.</source>
        <translation>La place %1 est invalidée : elle ne peut pas être vendue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="379" />
        <source>%1 seat(s) chosen.</source>
        <translation>%1 place(s) choisie(s).</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="385" />
        <source>On sale at this till.</source>
        <translation>En vente à cette caisse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="388" />
        <source>Not on sale: the performance is %1.</source>
        <translation>Pas en vente : la séance est %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="392" />
        <source>Sales at this till open on %1.</source>
        <translation>La vente à ce guichet ouvre le %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="395" />
        <source>Sales at this till closed on %1 (the performance starts %2).</source>
        <translation>La vente à ce guichet a fermé le %1 (la séance commence le %2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="401" />
        <source>Not on sale at this till: its channel has no sale window for this performance.</source>
        <translation>Pas en vente à ce guichet : son canal n'a pas de période de vente pour cette séance.</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/performance_page.py" line="403" />
        <source>Not on sale at this till.</source>
        <translation>Pas en vente à ce guichet.</translation>
    </message>
</context>
<context>
    <name>PerformanceState</name>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="33" />
        <source>planned</source>
        <translation>prévue</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="34" />
        <source>on sale</source>
        <translation>en vente</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="35" />
        <source>suspended</source>
        <translation>suspendue</translation>
    </message>
    <message>
        <location filename="../../app/ui/performances/list_screen.py" line="36" />
        <source>cancelled</source>
        <translation>annulée</translation>
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
        <translation>Payer en espèces et imprimer (Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="101" />
        <source>Pick-up:</source>
        <translation>Retrait :</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="76" />
        <source>Order number, ticket barcode, name, option or file number (or scan)</source>
        <translation>N° de commande, code-barres d'un billet, nom, n° d'option ou de dossier (ou scanner)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="78" />
        <source>Order or option to pick up</source>
        <translation>Commande ou option à retirer</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="83" />
        <source>Cash given (empty: exact)</source>
        <translation>Espèces reçues (vide : compte juste)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="84" />
        <source>Cash given for the order</source>
        <translation>Espèces reçues pour la commande</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="90" />
        <source>Card (F6)</source>
        <translation>Carte (F6)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="144" />
        <source>Option %1: %2 places.</source>
        <translation>Option %1 : %2 places.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="154" />
        <source>Several match %1: %2. Scan or type the order number.</source>
        <translation>Plusieurs correspondent à %1 : %2. Scannez ou tapez le n° de commande.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="158" />
        <source>No order or validated option %1 to pick up.</source>
        <translation>Aucune commande ni option validée %1 à retirer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="170" />
        <source>Order %1 (%2) was picked up already at %3: a lost ticket is reprinted as DUPLICATA.</source>
        <translation>La commande %1 (%2) a déjà été retirée à %3 : un billet perdu se réimprime en DUPLICATA.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="183" />
        <source>Order %1 was cancelled: nothing to print.</source>
        <translation>La commande %1 a été annulée : rien à imprimer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="190" />
        <source>Order %1 for %2: %3 ticket(s), %4 to pay in cash (%5).</source>
        <translation>Commande %1 pour %2 : %3 billet(s), %4 à payer en espèces (%5).</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="198" />
        <source>F6: by card.</source>
        <translation>F6 : par carte.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="207" />
        <source>Order %1 for %2: %3 ticket(s), paid %4 (%5).</source>
        <translation>Commande %1 pour %2 : %3 billet(s), payée %4 (%5).</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="214" />
        <source>Print the tickets (Enter)</source>
        <translation>Imprimer les billets (Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="235" />
        <source>Type the cash given, e.g. 60.00, or nothing for the exact amount.</source>
        <translation>Saisissez les espèces reçues, p. ex. 60,00, ou rien pour le compte juste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="265" />
        <source>Card payment of %1: the customer follows the terminal's prompts.</source>
        <translation>Paiement par carte de %1 : le client suit les instructions du terminal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="313" />
        <source>Order %1 picked up: %2 ticket(s) printed for %3.</source>
        <translation>Commande %1 retirée : %2 billet(s) imprimé(s) pour %3.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="320" />
        <source>Order %1 picked up: %2 paid by card; %3 ticket(s) printed for %4.</source>
        <translation>Commande %1 retirée : %2 payés par carte ; %3 billet(s) imprimé(s) pour %4.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="329" />
        <source>Order %1 picked up: %2 paid in cash, change %3; %4 ticket(s) printed for %5.</source>
        <translation>Commande %1 retirée : %2 payés en espèces, monnaie %3 ; %4 billet(s) imprimé(s) pour %5.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="353" />
        <source>Paid %1: %2 tickets printed.</source>
        <translation>Payé %1 : %2 billets imprimés.</translation>
    </message>
    <message>
        <location filename="../../app/ui/orders/pick_up_panel.py" line="343" />
        <location filename="../../app/ui/orders/pick_up_panel.py" line="374" />
        <source>Nothing was done.</source>
        <translation>Rien n'a été fait.</translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="49" />
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="50" />
        <source>C&amp;heck</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="55" />
        <source>&amp;Import into this hall</source>
        <translation>&amp;Importer dans cette salle</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="60" />
        <source>Plan report</source>
        <translation>Rapport du plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="72" />
        <location filename="../../app/ui/plans/plans_screen.py" line="111" />
        <source>Plan file</source>
        <translation>Fichier plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="73" />
        <source>Hall</source>
        <translation>Salle</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="111" />
        <source>Plan files (*.json)</source>
        <translation>Fichiers plan (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="120" />
        <source>Choose a plan file first.</source>
        <translation>Choisissez d'abord un fichier plan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="132" />
        <source>The plan is valid.</source>
        <translation>Le plan est valide.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="140" />
        <source>Name the hall to import into.</source>
        <translation>Indiquez la salle dans laquelle importer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="151" />
        <source>Imported into %1: %2 seats, %3 standing places. Nothing else was changed.</source>
        <translation>Importé dans %1 : %2 places assises, %3 places debout. Rien d'autre n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="162" />
        <source>This file is not a valid plan; nothing was stored.</source>
        <translation>Ce fichier n'est pas un plan valide ; rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="172" />
        <source>The file cannot be read: %1</source>
        <translation>Le fichier ne peut pas être lu : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="178" />
        <source>Nothing was stored.</source>
        <translation>Rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="180" />
        <source>No hall is named %1. Choose one in the list.</source>
        <translation>Aucune salle ne s'appelle %1. Choisissez-en une dans la liste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="183" />
        <source>Halls named %1 exist at several sites. Choose one in the list: each shows its site.</source>
        <translation>Des salles nommées %1 existent sur plusieurs sites. Choisissez-en une dans la liste : chacune indique son site.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plans/plans_screen.py" line="188" />
        <source>This name cannot be stored: it is empty, longer than 200 characters or not text.</source>
        <translation>Ce nom ne peut pas être enregistré : il est vide, dépasse 200 caractères ou n'est pas du texte.</translation>
    </message>
</context>
<context>
    <name>PrintProblems</name>
    <message>
        <location filename="../../app/ui/sale/print_problems.py" line="39" />
        <source>Reprint as DUPLICATA (F9)</source>
        <translation>Réimprimer en DUPLICATA (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/print_problems.py" line="63" />
        <source>and %1 more</source>
        <translation>et %1 de plus</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/print_problems.py" line="66" />
        <source>The till stopped while they were printing: they may not have come out.</source>
        <translation>La caisse s'est arrêtée pendant leur impression : ils ne sont peut-être pas sortis.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/print_problems.py" line="68" />
        <source>The printer said: %1</source>
        <translation>L'imprimante a répondu : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/print_problems.py" line="71" />
        <source>%1 ticket(s) or receipt(s) not printed: %2. %3 The sales are recorded.</source>
        <translation>%1 billet(s) ou reçu(s) non imprimé(s) : %2. %3 Les ventes sont enregistrées.</translation>
    </message>
</context>
<context>
    <name>PrintersScreen</name>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="73" />
        <source>Printers</source>
        <translation>Imprimantes</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="80" />
        <source>&amp;Test print</source>
        <translation>Impression de &amp;test</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="82" />
        <source>Check &amp;status</source>
        <translation>Vérifier l'é&amp;tat</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="90" />
        <source>Last print jobs</source>
        <translation>Dernières impressions</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="98" />
        <source>&amp;Reprint</source>
        <translation>&amp;Réimprimer</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="100" />
        <source>&amp;Dismiss</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="102" />
        <source>It &amp;did print</source>
        <translation>C'est bien &amp;sorti</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="108" />
        <source>Bytes on the wire</source>
        <translation>Octets sur la ligne</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="113" />
        <source>Printed pages</source>
        <translation>Pages imprimées</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="149" />
        <source>Last jobs</source>
        <translation>Dernières impressions</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="150" />
        <source>Wire (hex)</source>
        <translation>Ligne (hexa)</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="151" />
        <source>Virtual printer</source>
        <translation>Imprimante virtuelle</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="200" />
        <location filename="../../app/ui/printers/printers_screen.py" line="204" />
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="200" />
        <source>Prints</source>
        <translation>Imprime</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="200" />
        <source>Driver</source>
        <translation>Pilote</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="200" />
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="201" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="201" />
        <source>Code page</source>
        <translation>Page de codes</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="201" />
        <location filename="../../app/ui/printers/printers_screen.py" line="204" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="201" />
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="204" />
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="204" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="205" />
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="210" />
        <source>tickets</source>
        <translation>billets</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="211" />
        <source>receipts</source>
        <translation>tickets de caisse</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="212" />
        <source>reports</source>
        <translation>rapports</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="217" />
        <source>not connected</source>
        <translation>non connectée</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="218" />
        <location filename="../../app/ui/printers/printers_screen.py" line="394" />
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="219" />
        <source>printing</source>
        <translation>impression en cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="220" />
        <source>needs attention</source>
        <translation>à vérifier</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="221" />
        <source>cannot start</source>
        <translation>ne peut pas démarrer</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="222" />
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="223" />
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="224" />
        <source>printed</source>
        <translation>imprimé</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="225" />
        <source>not printed</source>
        <translation>non imprimé</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="226" />
        <source>unknown: check the printer</source>
        <translation>inconnu : vérifiez l'imprimante</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="237" />
        <source>(simulated)</source>
        <translation>(simulée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="289" />
        <source>%1, page %2</source>
        <translation>%1, page %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="308" />
        <source>reprinted</source>
        <translation>réimprimé</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="310" />
        <source>dismissed</source>
        <translation>abandonné</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="312" />
        <source>seen printed</source>
        <translation>constaté imprimé</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="314" />
        <source>decide: reprint or dismiss</source>
        <translation>à décider : réimprimer ou abandonner</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="354" />
        <location filename="../../app/ui/printers/printers_screen.py" line="367" />
        <source>Choose a printer first.</source>
        <translation>Choisissez d'abord une imprimante.</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="356" />
        <source>Test page sent to %1…</source>
        <translation>Page de test envoyée à %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="369" />
        <source>Asking %1…</source>
        <translation>Interrogation de %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="386" />
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="396" />
        <source>garbled: the printer keeps sending (check the cable)</source>
        <translation>illisible : l'imprimante envoie sans arrêt (vérifiez le câble)</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="397" />
        <source>no answer (busy or in error)</source>
        <translation>pas de réponse (occupée ou en erreur)</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="398" />
        <source>cover open</source>
        <translation>capot ouvert</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="399" />
        <source>paper out</source>
        <translation>plus de papier</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="400" />
        <source>ribbon out</source>
        <translation>ruban épuisé</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="401" />
        <source>paper jam</source>
        <translation>bourrage papier</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="402" />
        <source>cutter error</source>
        <translation>erreur du massicot</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="403" />
        <source>hardware fault: switch it off and on</source>
        <translation>panne matérielle : éteignez-la puis rallumez-la</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="404" />
        <source>fault: %1</source>
        <translation>panne : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="405" />
        <source>busy</source>
        <translation>occupé</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="409" />
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="411" />
        <source>paper near end</source>
        <translation>papier bientôt épuisé</translation>
    </message>
    <message>
        <location filename="../../app/ui/printers/printers_screen.py" line="413" />
        <source>ribbon low</source>
        <translation>ruban presque épuisé</translation>
    </message>
</context>
<context>
    <name>QuantityGrid</name>
    <message>
        <location filename="../../app/ui/sale/quantity_grid.py" line="35" />
        <source>Add to cart (Enter)</source>
        <translation>Ajouter au panier (Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/quantity_grid.py" line="38" />
        <source>Quantities per category and tariff: the till picks the seats.</source>
        <translation>Quantités par catégorie et tarif : la caisse choisit les places.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/quantity_grid.py" line="76" />
        <source>%1, %2: number of tickets</source>
        <translation>%1, %2 : nombre de billets</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/quantity_grid.py" line="106" />
        <source>%1 ticket(s): %2</source>
        <translation>%1 billet(s) : %2</translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="184" />
        <source>This cart was kept from before (the till was locked or stopped): its seats are still held. F12 pays it, Del removes a line.</source>
        <translation>Ce panier a été conservé (la caisse était verrouillée ou arrêtée) : ses places sont toujours bloquées. F12 pour le payer, Suppr retire une ligne.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="248" />
        <source>Pick seats on the plan, or F3 for the best ones.</source>
        <translation>Choisissez des places sur le plan, ou F3 pour les meilleures.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="251" />
        <location filename="../../app/ui/sale/sale_screen.py" line="347" />
        <source>Holding the seats…</source>
        <translation>Réservation des places…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="258" />
        <source>%1 seat(s) added to the cart.</source>
        <translation>%1 place(s) ajoutée(s) au panier.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="272" />
        <source>%1 standing place(s) added.</source>
        <translation>%1 place(s) debout ajoutée(s).</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="298" />
        <source>Line removed: its seats are on sale again.</source>
        <translation>Ligne retirée : ses places sont de nouveau en vente.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="352" />
        <source>%1 ticket(s) added to the cart.</source>
        <translation>%1 billet(s) ajouté(s) au panier.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="377" />
        <source>Checking the code %1…</source>
        <translation>Vérification du code %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="392" />
        <source>%1 applied: %2 off. New total: %3.</source>
        <translation>%1 appliqué : %2 de remise. Nouveau total : %3.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="425" />
        <source>Code removed. New total: %1.</source>
        <translation>Code retiré. Nouveau total : %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="449" />
        <source>%1 applied. New total: %2.</source>
        <translation>%1 appliqué. Nouveau total : %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="471" />
        <source>%1 is this sale's contact.</source>
        <translation>%1 est le contact de cette vente.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="518" />
        <source>Seats held for %1</source>
        <translation>Places réservées encore %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="521" />
        <source>Hold lapsed</source>
        <translation>Réservation expirée</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="539" />
        <source>The hold ran out: the cart's seats went back on sale. Pick them again if the customer still wants them.</source>
        <translation>La réservation a expiré : les places du panier sont remises en vente. Choisissez-les à nouveau si le client les veut toujours.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sale/sale_screen.py" line="555" />
        <source>The cart is empty: add seats first.</source>
        <translation>Le panier est vide : ajoutez d'abord des places.</translation>
    </message>
</context>
<context>
    <name>SeatMapLegend</name>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="74" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="74" />
        <source>Colour seats by state</source>
        <translation>Couleur des places selon leur état</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="75" />
        <source>Cat</source>
        <translation>Cat</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="75" />
        <source>Colour free seats by category</source>
        <translation>Couleur des places libres selon la catégorie</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="76" />
        <source>Cont</source>
        <translation>Cont</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="76" />
        <source>Colour free seats by contingent</source>
        <translation>Couleur des places libres selon le contingent</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="116" />
        <source>Not sellable here</source>
        <translation>Non vendable ici</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="117" />
        <source>Selected</source>
        <translation>Sélectionnée</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="118" />
        <source>Held by this till</source>
        <translation>Verrouillée par cette caisse</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="145" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="146" />
        <source>Free</source>
        <translation>Libres</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="147" />
        <source>Held</source>
        <translation>Verrouillées</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="148" />
        <source>Blocked</source>
        <translation>Bloquées</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="149" />
        <source>Reserved</source>
        <translation>Réservées</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="150" />
        <source>Sold</source>
        <translation>Vendues</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="151" />
        <source>Invalid</source>
        <translation>Invalides</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/legend.py" line="186" />
        <source>No contingent</source>
        <translation>Hors contingent</translation>
    </message>
</context>
<context>
    <name>SeatMapWidget</name>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="111" />
        <source>Seat plan</source>
        <translation>Plan de salle</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="555" />
        <source>Free</source>
        <translation>Libres</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="556" />
        <source>Held</source>
        <translation>Verrouillées</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="557" />
        <source>Blocked</source>
        <translation>Bloquées</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="558" />
        <source>Reserved</source>
        <translation>Réservées</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="559" />
        <source>Sold</source>
        <translation>Vendues</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="560" />
        <source>Invalid</source>
        <translation>Invalides</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="571" />
        <source>%1, held by this till</source>
        <translation>%1, verrouillée par cette caisse</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="573" />
        <source>%1, not sellable here</source>
        <translation>%1, non vendable ici</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="575" />
        <source>%1 · Row %2 · Seat %3</source>
        <translation>%1 · Rang %2 · Place %3</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="579" />
        <source>Category: %1</source>
        <translation>Catégorie : %1</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="580" />
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="582" />
        <source>Contingent: %1</source>
        <translation>Contingent : %1</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="586" />
        <source>no contingent</source>
        <translation>hors contingent</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="588" />
        <source>State: %1</source>
        <translation>État : %1</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/widget.py" line="806" />
        <source>%1: %2 of %3 places left</source>
        <translation>%1 : %2 places restantes sur %3</translation>
    </message>
</context>
<context>
    <name>ServerLinkScreen</name>
    <message>
        <location filename="../../app/ui/server_link.py" line="36" />
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="37" />
        <source>This till on the server</source>
        <translation>Cette caisse sur le serveur</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="38" />
        <source>Trusted CA (SHA-256)</source>
        <translation>Autorité de confiance (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="39" />
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="40" />
        <source>Sales to upload</source>
        <translation>Ventes à envoyer</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="41" />
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="42" />
        <source>Sells offline</source>
        <translation>Vend hors ligne</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="50" />
        <source>Upload now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="68" />
        <source>Not enrolled: this till sells on its own. A technician enrolls it with `guichet enroll URL CODE --ca FILE`.</source>
        <translation>Non inscrite : cette caisse vend seule. Un technicien l'inscrit avec `guichet enroll URL CODE --ca FICHIER`.</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="73" />
        <source>Revoked by the server: enroll this till again.</source>
        <translation>Révoquée par le serveur : réinscrivez cette caisse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="75" />
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="77" />
        <source>Offline: sales are kept and go up when it is back</source>
        <translation>Hors ligne : les ventes sont conservées et partent dès son retour</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="89" />
        <source>Nothing: no lease from the server</source>
        <translation>Rien : aucune allocation du serveur</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="99" />
        <source>%1 seat(s) (%2)</source>
        <translation>%1 place(s) (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="103" />
        <source>%1, %2: %3; until %4</source>
        <translation>%1, %2 : %3 ; jusqu'au %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="112" />
        <source>Uploading…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="118" />
        <source>Nothing was waiting to go up.</source>
        <translation>Rien n'attendait d'être envoyé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/server_link.py" line="121" />
        <source>The server has every sale through number %1.</source>
        <translation>Le serveur a toutes les ventes jusqu'au numéro %1.</translation>
    </message>
</context>
<context>
    <name>SessionStatusLabel</name>
    <message>
        <location filename="../../app/ui/till/status.py" line="35" />
        <source>No till session: a supervisor opens one (F10)</source>
        <translation>Aucune session de caisse : un superviseur en ouvre une (F10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/status.py" line="37" />
        <source>Session counted: awaiting the supervisor's close (F10)</source>
        <translation>Session comptée : en attente de la clôture du superviseur (F10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/status.py" line="40" />
        <source>Session open since %1 · float %2</source>
        <translation>Session ouverte depuis %1 · fonds de caisse %2</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/ui/application.py" line="167" />
        <source>Guichet cannot start</source>
        <translation>Guichet ne peut pas démarrer</translation>
    </message>
</context>
<context>
    <name>SupervisorClosePanel</name>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="260" />
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="265" />
        <source>Supervisor PIN</source>
        <translation>Code PIN du superviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="267" />
        <source>&amp;Authorize</source>
        <translation>&amp;Autoriser</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="269" />
        <source>A supervisor closes the session:</source>
        <translation>Un superviseur clôture la session :</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="282" />
        <source>&amp;Recount</source>
        <translation>&amp;Recompter</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="284" />
        <source>&amp;Seal the session</source>
        <translation>&amp;Sceller la session</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="286" />
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="332" />
        <source>Only a supervisor can close a till session.</source>
        <translation>Seul un superviseur peut clôturer une session de caisse.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="354" />
        <source>Tender</source>
        <translation>Moyen de paiement</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="354" />
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="354" />
        <source>Declared</source>
        <translation>Déclaré</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="355" />
        <source>Variance</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="355" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="373" />
        <source>Reason for the %1 variance</source>
        <translation>Motif de l'écart %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="378" />
        <source>A reason is needed</source>
        <translation>Un motif est nécessaire</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="386" />
        <source>Count no. %1 by %2.</source>
        <translation>Comptage n° %1 par %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="391" />
        <source>The card terminal's end of day said %1%2.</source>
        <translation>La fin de journée du terminal carte indique %1%2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="394" />
        <source>, not the card total declared</source>
        <translation>, et non le total carte déclaré</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="403" />
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="404" />
        <source>short</source>
        <translation>manque</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="404" />
        <source>over</source>
        <translation>excédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="409" />
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="409" />
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="409" />
        <source>Vouchers</source>
        <translation>Chèques-cadeaux</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="410" />
        <source>Cheques</source>
        <translation>Chèques</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="424" />
        <source>Give a reason for each variance: %1.</source>
        <translation>Donnez un motif pour chaque écart : %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/close_panels.py" line="432" />
        <source>Sealing the session…</source>
        <translation>Scellement de la session…</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../app/ui/sync_status.py" line="50" />
        <source>Stand-alone till: no server</source>
        <translation>Caisse autonome : pas de serveur</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="55" />
        <source>Server: this till was revoked. %1 sale(s) kept; a technician enrolls it again.</source>
        <translation>Serveur : cette caisse a été révoquée. %1 vente(s) conservée(s) ; un technicien la réinscrit.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="59" />
        <source>%1 to upload</source>
        <translation>%1 à envoyer</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="61" />
        <source>Server: online · %1</source>
        <translation>Serveur : en ligne · %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="63" />
        <source>Server: offline · %1</source>
        <translation>Serveur : hors ligne · %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="67" />
        <source>Server: offline since %1 · %2</source>
        <translation>Serveur : hors ligne depuis %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="71" />
        <source>catalog of %1</source>
        <translation>catalogue de %1</translation>
    </message>
</context>
<context>
    <name>TillSessionScreen</name>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="105" />
        <source>Till session</source>
        <translation>Session de caisse</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="121" />
        <source>&amp;Open the session</source>
        <translation>&amp;Ouvrir la session</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="136" />
        <source>Cash &amp;in</source>
        <translation>&amp;Entrée d'espèces</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="137" />
        <source>Cash &amp;out</source>
        <translation>S&amp;ortie d'espèces</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="138" />
        <source>&amp;X report</source>
        <translation>Rapport &amp;X</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="139" />
        <location filename="../../app/ui/till/session_screen.py" line="321" />
        <source>&amp;Blind count</source>
        <translation>Comptage à &amp;l'aveugle</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="140" />
        <source>Supervisor &amp;close</source>
        <translation>&amp;Clôture superviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="161" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="165" />
        <location filename="../../app/ui/till/session_screen.py" line="166" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="167" />
        <source>&amp;Record</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="168" />
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="194" />
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="195" />
        <source>&amp;Print on the receipt printer</source>
        <translation>&amp;Imprimer sur l'imprimante à tickets</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="197" />
        <source>Save as PD&amp;F…</source>
        <translation>Enregistrer en PD&amp;F…</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="208" />
        <source>Closed sessions: Enter shows the Z report</source>
        <translation>Sessions clôturées : Entrée affiche le rapport Z</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="225" />
        <source>Closed sessions (Enter: Z report)</source>
        <translation>Sessions clôturées (Entrée : rapport Z)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="250" />
        <source>Float: %1</source>
        <translation>Fonds de caisse : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="292" />
        <source>No session is open: count the float, then open the session.</source>
        <translation>Aucune session ouverte : comptez le fonds de caisse, puis ouvrez la session.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="298" />
        <source>No session is open on this till: a supervisor must open one.</source>
        <translation>Aucune session n'est ouverte sur cette caisse : un superviseur doit en ouvrir une.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="304" />
        <source>Session open since %1, opened by %2, with a float of %3.</source>
        <translation>Session ouverte depuis %1 par %2, avec un fonds de caisse de %3.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="312" />
        <source>The count is in: nothing more is sold in this session until a supervisor closes it (or a recount).</source>
        <translation>Le comptage est fait : plus rien n'est vendu dans cette session jusqu'à sa clôture par un superviseur (ou un recomptage).</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="321" />
        <source>&amp;Recount</source>
        <translation>&amp;Recompter</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="329" />
        <source>Session of %1, closed %2</source>
        <translation>Session du %1, clôturée le %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="356" />
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="368" />
        <source>Session opened with a float of %1.</source>
        <translation>Session ouverte avec un fonds de caisse de %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="388" />
        <source>Cash into the drawer:</source>
        <translation>Espèces mises dans le tiroir :</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="389" />
        <source>Cash out of the drawer:</source>
        <translation>Espèces sorties du tiroir :</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="404" />
        <source>“%1” is not an amount: type it like 20 or 20.50.</source>
        <translation>« %1 » n'est pas un montant : saisissez par exemple 20 ou 20,50.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="411" />
        <source>Say why the cash moves: a reason is needed.</source>
        <translation>Dites pourquoi les espèces bougent : un motif est nécessaire.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="430" />
        <source>Cash in of %1 recorded (%2).</source>
        <translation>Entrée d'espèces de %1 enregistrée (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="431" />
        <source>Cash out of %1 recorded (%2).</source>
        <translation>Sortie d'espèces de %1 enregistrée (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="456" />
        <source>Count no. %1 recorded: %2 in cash. A supervisor closes the session.</source>
        <translation>Comptage n° %1 enregistré : %2 en espèces. Un superviseur clôture la session.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="471" />
        <source>The session is sealed. Its Z report:</source>
        <translation>La session est scellée. Son rapport Z :</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="510" />
        <source>The report is printing.</source>
        <translation>Le rapport s'imprime.</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="522" />
        <source>Save the report as PDF</source>
        <translation>Enregistrer le rapport en PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="522" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/till/session_screen.py" line="540" />
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="77" />
        <source>Number of seats</source>
        <translation>Nombre de places</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="78" />
        <source>Best available</source>
        <translation>Meilleures places</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="80" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="124" />
        <source>%1 seats. Wheel or +/- to zoom, drag to pan, Shift+drag to select.</source>
        <translation>%1 places. Molette ou +/- pour zoomer, glisser pour déplacer, Maj+glisser pour sélectionner.</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="131" />
        <source>This plan cannot be shown: %1</source>
        <translation>Ce plan ne peut pas être affiché : %1</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="145" />
        <source>No seats fit this request.</source>
        <translation>Aucune place ne correspond à cette demande.</translation>
    </message>
    <message>
        <location filename="../../seatmap_widget/__main__.py" line="157" />
        <source>Selected: %1</source>
        <translation>Sélection : %1</translation>
    </message>
</context>
<context>
    <name>WorkArea</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="124" />
        <source>Screens</source>
        <translation>Écrans</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="218" />
        <source>Performances</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="228" />
        <source>Till session (F10)</source>
        <translation>Session de caisse (F10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="241" />
        <source>Orders (F2)</source>
        <translation>Commandes (F2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="243" />
        <source>Operators</source>
        <translation>Opérateurs</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="245" />
        <source>Plan files</source>
        <translation>Fichiers plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="249" />
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="254" />
        <source>Printers</source>
        <translation>Imprimantes</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="257" />
        <source>Devices</source>
        <translation>Périphériques</translation>
    </message>
</context>
</TS>