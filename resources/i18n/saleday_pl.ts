<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>ActionBar</name>
    <message>
        <source>Protection: Under attack…</source>
        <translation>Ochrona: Under attack…</translation>
    </message>
    <message>
        <source>Protection off…</source>
        <translation>Wyłącz ochronę…</translation>
    </message>
    <message>
        <source>Pause admissions…</source>
        <translation>Wstrzymaj wpuszczanie…</translation>
    </message>
    <message>
        <source>Resume admissions…</source>
        <translation>Wznów wpuszczanie…</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Odmowa: {reason}</translation>
    </message>
    <message>
        <source>unexpected error: {kind}</source>
        <translation>nieoczekiwany błąd: {kind}</translation>
    </message>
    <message>
        <source>Add instances…</source>
        <translation>Dodaj instancje…</translation>
    </message>
    <message>
        <source>Set capacity…</source>
        <translation>Liczba instancji…</translation>
    </message>
    <message>
        <source>Admission rate…</source>
        <translation>Tempo wpuszczania…</translation>
    </message>
    <message>
        <source>Add instances to the Auto Scaling group; they serve after warm-up</source>
        <translation>Dodaj instancje do grupy Auto Scaling; obsługują ruch dopiero po rozgrzaniu</translation>
    </message>
    <message>
        <source>Set the group&apos;s desired capacity exactly, also to scale back in</source>
        <translation>Ustaw dokładną docelową liczbę instancji w grupie, także aby ją zmniejszyć</translation>
    </message>
    <message>
        <source>Put the security level back to where it was before Under attack</source>
        <translation>Przywróć poziom zabezpieczeń sprzed włączenia trybu Under attack</translation>
    </message>
    <message>
        <source>Switch Cloudflare&apos;s Under attack mode on: every visitor gets a challenge</source>
        <translation>Włącz tryb Under attack w Cloudflare: każdy odwiedzający przechodzi weryfikację</translation>
    </message>
    <message>
        <source>Let people from the queue into the shop again</source>
        <translation>Znów wpuszczaj osoby z kolejki do sklepu</translation>
    </message>
    <message>
        <source>Stop letting people from the queue into the shop</source>
        <translation>Przestań wpuszczać osoby z kolejki do sklepu</translation>
    </message>
    <message>
        <source>Set how many people per minute enter the shop from the queue</source>
        <translation>Ustaw, ile osób na minutę wchodzi z kolejki do sklepu</translation>
    </message>
    <message>
        <source>{action}: reading the live value…</source>
        <translation>{action}: odczyt bieżącej wartości…</translation>
    </message>
    <message>
        <source>{change}: sending…</source>
        <translation>{change}: wysyłanie…</translation>
    </message>
    <message>
        <source>{action} failed</source>
        <translation>Nie udało się: {action}</translation>
    </message>
    <message>
        <source>Done: {change}</source>
        <translation>Gotowe: {change}</translation>
    </message>
    <message>
        <source>Action not made</source>
        <translation>Akcja nie została wykonana</translation>
    </message>
    <message>
        <source>Cancelled: nothing changed</source>
        <translation>Anulowano: nic nie zmieniono</translation>
    </message>
    <message>
        <source>{kind}: {error}</source>
        <translation>{kind}: {error}</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Desired capacity</source>
        <translation>Docelowa liczba instancji</translation>
    </message>
    <message>
        <source>Cloudflare security level</source>
        <translation>Poziom zabezpieczeń Cloudflare</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>Wpuszczanie</translation>
    </message>
    <message>
        <source>Add instances</source>
        <translation>Dodaj instancje</translation>
    </message>
    <message>
        <source>Set capacity</source>
        <translation>Ustaw liczbę instancji</translation>
    </message>
    <message>
        <source>Protection: Under attack</source>
        <translation>Ochrona: tryb Under attack</translation>
    </message>
    <message>
        <source>Protection off</source>
        <translation>Wyłącz ochronę</translation>
    </message>
    <message>
        <source>Pause admissions</source>
        <translation>Wstrzymaj wpuszczanie</translation>
    </message>
    <message>
        <source>Resume admissions</source>
        <translation>Wznów wpuszczanie</translation>
    </message>
    <message>
        <source>Admission rate</source>
        <translation>Tempo wpuszczania</translation>
    </message>
    <message>
        <source>Pre-scale</source>
        <translation>Skalowanie z wyprzedzeniem</translation>
    </message>
    <message numerus="yes">
        <source>Add %n instance(s)</source>
        <translation>
            <numerusform>Dodaj %n instancję</numerusform>
            <numerusform>Dodaj %n instancje</numerusform>
            <numerusform>Dodaj %n instancji</numerusform>
        </translation>
    </message>
    <message>
        <source>Set capacity to {count}</source>
        <translation>Ustaw liczbę instancji na {count}</translation>
    </message>
    <message>
        <source>Switch on Under attack</source>
        <translation>Włącz Under attack</translation>
    </message>
    <message>
        <source>Switch protection back to {level}</source>
        <translation>Przywróć poziom ochrony: {level}</translation>
    </message>
    <message>
        <source>Schedule {plan}</source>
        <translation>Zaplanuj: {plan}</translation>
    </message>
    <message>
        <source>Set rate to {rate}/min</source>
        <translation>Ustaw tempo na {rate}/min</translation>
    </message>
    <message>
        <source>How many instances to add to the group?</source>
        <translation>Ile instancji dodać do grupy?</translation>
    </message>
    <message>
        <source>Desired capacity of the group (also to scale back in):</source>
        <translation>Docelowa liczba instancji w grupie (także aby ją zmniejszyć):</translation>
    </message>
    <message>
        <source> instances</source>
        <translation> instancji</translation>
    </message>
    <message>
        <source>New admissions per minute:</source>
        <translation>Nowe tempo wpuszczania na minutę:</translation>
    </message>
</context>
<context>
    <name>ActionMenu</name>
    <message>
        <source>&amp;Actions</source>
        <translation>&amp;Akcje</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Time</source>
        <translation>Czas</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kto</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Akcja</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Komunikat</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>w toku</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>błąd</translation>
    </message>
    <message>
        <source>, outcome at {time}</source>
        <translation>, wynik o {time}</translation>
    </message>
    <message>
        <source>{action} {id}: intent at {time}{done}</source>
        <translation>{action} {id}: zlecone o {time}{done}</translation>
    </message>
</context>
<context>
    <name>ActivityPanel</name>
    <message>
        <source>reading the audit trail…</source>
        <translation>odczyt dziennika działań…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksport CSV…</translation>
    </message>
    <message>
        <source>Save the whole audit trail (both phases of every action) as CSV</source>
        <translation>Zapisz cały dziennik działań (obie fazy każdej akcji) jako CSV</translation>
    </message>
    <message>
        <source>ACTIVITY</source>
        <translation>DZIAŁANIA</translation>
    </message>
    <message>
        <source>cannot read the audit trail: {error}</source>
        <translation>nie można odczytać dziennika działań: {error}</translation>
    </message>
    <message>
        <source>audit trail: {path}</source>
        <translation>dziennik działań: {path}</translation>
    </message>
    <message>
        <source>Export activity as CSV</source>
        <translation>Eksport działań do CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Pliki CSV (*.csv)</translation>
    </message>
    <message>
        <source>exported {count} entries to {path}</source>
        <translation>wyeksportowano wpisy ({count}) do {path}</translation>
    </message>
    <message>
        <source>export failed: {error}</source>
        <translation>eksport nie powiódł się: {error}</translation>
    </message>
    <message>
        <source>&amp;Export activity as CSV…</source>
        <translation>&amp;Eksportuj działania do CSV…</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source> · acknowledged by {person}</source>
        <translation> · potwierdzone przez {person}</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Potwierdź</translation>
    </message>
    <message>
        <source>&amp;Acknowledge newest alert</source>
        <translation>&amp;Potwierdź najnowszy alert</translation>
    </message>
    <message>
        <source>Acknowledge the newest alert nobody has acknowledged yet</source>
        <translation>Potwierdź najnowszy alert, którego nikt jeszcze nie potwierdził</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more active alert(s)</source>
        <translation>
            <numerusform>… i jeszcze %n aktywny alert</numerusform>
            <numerusform>… i jeszcze %n aktywne alerty</numerusform>
            <numerusform>… i jeszcze %n aktywnych alertów</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledge the alert: it stays listed, no longer red, until it clears</source>
        <translation>Potwierdź alert: zostaje na liście, już nie na czerwono, dopóki nie ustąpi</translation>
    </message>
</context>
<context>
    <name>AmountDialog</name>
    <message>
        <source>Next…</source>
        <translation>Dalej…</translation>
    </message>
    <message>
        <source>from {minimum} to {maximum}{suffix}</source>
        <translation>od {minimum} do {maximum}{suffix}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>reading the credentials from the keychain…</source>
        <translation>odczytywanie danych uwierzytelniających z pęku kluczy…</translation>
    </message>
    <message>
        <source>Demo sale day</source>
        <translation>Demonstracyjny dzień sprzedaży</translation>
    </message>
    <message>
        <source>starting the demo sale day…</source>
        <translation>uruchamianie demonstracyjnego dnia sprzedaży…</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>łączenie…</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>viewer (read-only)</source>
        <translation>podgląd (tylko odczyt)</translation>
    </message>
    <message>
        <source>{role} · alert sound: {sound} · recording to {path}</source>
        <translation>{role} · dźwięk alertów: {sound} · zapis do {path}</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>&amp;Kampania</translation>
    </message>
    <message>
        <source>Credentials…</source>
        <translation>Dane logowania…</translation>
    </message>
    <message>
        <source>Pre-flight…</source>
        <translation>Kontrola przed startem…</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Połącz ponownie</translation>
    </message>
    <message>
        <source>Poll every source now, e.g. after renewing expired credentials</source>
        <translation>Odpytaj teraz wszystkie źródła, np. po odnowieniu wygasłych danych logowania</translation>
    </message>
    <message>
        <source>{campaign} · replay {speed}x</source>
        <translation>{campaign} · odtwarzanie {speed}x</translation>
    </message>
    <message>
        <source>replay of {recording} (read-only)</source>
        <translation>odtwarzanie nagrania {recording} (tylko odczyt)</translation>
    </message>
    <message>
        <source>REPLAY</source>
        <translation>ODTWARZANIE</translation>
    </message>
    <message>
        <source>A&amp;lerts</source>
        <translation>A&amp;lerty</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Tickets sold</source>
        <translation>Sprzedane bilety</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sprzedano</translation>
    </message>
    <message>
        <source>Tickets per minute</source>
        <translation>Bilety na minutę</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Przychód</translation>
    </message>
    <message>
        <source>Sell-out at this pace</source>
        <translation>Wyprzedanie w tym tempie</translation>
    </message>
    <message>
        <source>In the queue</source>
        <translation>W kolejce</translation>
    </message>
    <message>
        <source>Wait in the queue</source>
        <translation>Czekanie w kolejce</translation>
    </message>
    <message>
        <source>Visitors per minute</source>
        <translation>Odwiedzający na minutę</translation>
    </message>
    <message>
        <source>of {capacity} · {remaining} left</source>
        <translation>z {capacity} · zostało {remaining}</translation>
    </message>
    <message>
        <source>of the house</source>
        <translation>wszystkich miejsc</translation>
    </message>
    <message>
        <source>last {minutes} min · {orders} orders/min</source>
        <translation>ostatnie {minutes} min · {orders} zam./min</translation>
    </message>
    <message>
        <source>SOLD OUT</source>
        <translation>WYPRZEDANE</translation>
    </message>
    <message>
        <source>sold out at {time}</source>
        <translation>wyprzedane o {time}</translation>
    </message>
    <message>
        <source>if the current pace holds</source>
        <translation>jeśli obecne tempo się utrzyma</translation>
    </message>
    <message>
        <source>measuring the pace…</source>
        <translation>mierzenie tempa…</translation>
    </message>
    <message>
        <source>no sell-out at the current pace</source>
        <translation>obecne tempo nie wystarczy do wyprzedania</translation>
    </message>
    <message>
        <source>entry paused</source>
        <translation>wpuszczanie wstrzymane</translation>
    </message>
    <message>
        <source>people waiting</source>
        <translation>oczekujących</translation>
    </message>
    <message>
        <source>for someone joining now</source>
        <translation>dla osoby dołączającej teraz</translation>
    </message>
    <message>
        <source>on the site, last minute</source>
        <translation>na stronie, ostatnia minuta</translation>
    </message>
    <message>
        <source>Tickets per minute since {time}</source>
        <translation>Bilety na minutę od {time}</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sprzedaż</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kolejka</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Odwiedzający</translation>
    </message>
</context>
<context>
    <name>CdnPanel</name>
    <message>
        <source>off</source>
        <translation>wyłączony</translation>
    </message>
    <message>
        <source>essentially off</source>
        <translation>praktycznie wyłączony</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niski</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>średni</translation>
    </message>
    <message>
        <source>high</source>
        <translation>wysoki</translation>
    </message>
    <message>
        <source>UNDER ATTACK</source>
        <translation>UNDER ATTACK</translation>
    </message>
    <message>
        <source>CDN</source>
        <translation>CDN</translation>
    </message>
    <message>
        <source>Cache share of bytes</source>
        <translation>Udział cache w bajtach</translation>
    </message>
    <message>
        <source>Served from cache</source>
        <translation>Wysłane z cache</translation>
    </message>
    <message>
        <source>Threats / min</source>
        <translation>Zagrożenia / min</translation>
    </message>
    <message>
        <source>Security level</source>
        <translation>Poziom zabezpieczeń</translation>
    </message>
    <message>
        <source>recent minutes</source>
        <translation>ostatnie minuty</translation>
    </message>
    <message>
        <source>origin did not send these</source>
        <translation>serwer źródłowy ich nie wysyłał</translation>
    </message>
    <message>
        <source>of {requests} requests · {visitors} visitors</source>
        <translation>z {requests} żądań · odwiedzający: {visitors}</translation>
    </message>
    <message>
        <source>challenge on every visit</source>
        <translation>weryfikacja przy każdej wizycie</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>active</source>
        <translation>aktywny</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>wyłączony</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>wygasły</translation>
    </message>
    <message>
        <source>Cloudflare says the token is {status}: create a new one and store it</source>
        <translation>Według Cloudflare token jest {status}: utwórz nowy i zapisz go</translation>
    </message>
    <message>
        <source>the token is not valid before {start}: it cannot be used yet</source>
        <translation>token jest ważny dopiero od {start}: nie można go jeszcze użyć</translation>
    </message>
    <message>
        <source>active, does not expire</source>
        <translation>aktywny, nie wygasa</translation>
    </message>
    <message>
        <source>the token expired at {ends}: create a new one and store it</source>
        <translation>token wygasł {ends}: utwórz nowy i zapisz go</translation>
    </message>
    <message>
        <source>the token expires at {ends}, before the sale window ends ({end}): extend its TTL or store a new token</source>
        <translation>token wygasa {ends}, przed końcem okna sprzedaży ({end}): wydłuż jego TTL lub zapisz nowy token</translation>
    </message>
    <message>
        <source>active until {ends}, after the sale window ends ({end})</source>
        <translation>aktywny do {ends}, czyli po końcu okna sprzedaży ({end})</translation>
    </message>
    <message>
        <source>not signed in to AWS SSO: run `{login}`</source>
        <translation>brak zalogowania do AWS SSO: uruchom `{login}`</translation>
    </message>
    <message>
        <source>no AWS credentials: set the campaign&apos;s profile or sign in</source>
        <translation>brak poświadczeń AWS: ustaw profil kampanii lub zaloguj się</translation>
    </message>
    <message>
        <source>{method}: renewed by botocore as needed</source>
        <translation>{method}: botocore odnawia je w razie potrzeby</translation>
    </message>
    <message>
        <source>{method}: temporary credentials with no known expiry: check they last until the sale window ends ({end})</source>
        <translation>{method}: tymczasowe poświadczenia o nieznanym terminie ważności: sprawdź, czy wystarczą do końca okna sprzedaży ({end})</translation>
    </message>
    <message>
        <source>{method}: long-term keys, no expiry</source>
        <translation>{method}: klucze długoterminowe, bez terminu ważności</translation>
    </message>
    <message>
        <source>{method}: signed in until {ends}, after the sale window ends ({end})</source>
        <translation>{method}: zalogowano do {ends}, czyli po końcu okna sprzedaży ({end})</translation>
    </message>
    <message>
        <source>{method}: the sign-in expired at {ends}: sign in again</source>
        <translation>{method}: logowanie wygasło {ends}: zaloguj się ponownie</translation>
    </message>
    <message>
        <source>{method}: the access token expires at {ends}, before the sale window ends ({end}); botocore renews it until the SSO session ends (IAM Identity Center decides): sign in again shortly before the on-sale</source>
        <translation>{method}: token dostępu wygasa {ends}, przed końcem okna sprzedaży ({end}); botocore odnawia go do końca sesji SSO (o tym decyduje IAM Identity Center): zaloguj się ponownie tuż przed startem sprzedaży</translation>
    </message>
    <message>
        <source>{method}: the sign-in expires at {ends}, before the sale window ends ({end}): sign in again nearer the sale</source>
        <translation>{method}: logowanie wygasa {ends}, przed końcem okna sprzedaży ({end}): zaloguj się ponownie bliżej sprzedaży</translation>
    </message>
    <message>
        <source>the IAM policy in docs/permissions.md grants it</source>
        <translation>nadaje je polityka IAM z docs/permissions.md</translation>
    </message>
    <message>
        <source>sign in again (e.g. aws sso login --profile …)</source>
        <translation>zaloguj się ponownie (np. aws sso login --profile …)</translation>
    </message>
    <message>
        <source>the Cloudflare API token was refused: store a valid token (docs/permissions.md)</source>
        <translation>token API Cloudflare został odrzucony: zapisz prawidłowy token (docs/permissions.md)</translation>
    </message>
    <message>
        <source>the Cloudflare API token needs {scope} on this zone, or it is not valid (docs/permissions.md)</source>
        <translation>token API Cloudflare potrzebuje uprawnienia {scope} w tej strefie albo jest nieprawidłowy (docs/permissions.md)</translation>
    </message>
    <message>
        <source>the shop API key may not do this: an operator needs a key allowed to change the queue</source>
        <translation>klucz API sklepu nie ma do tego uprawnień: operator potrzebuje klucza, który może zmieniać kolejkę</translation>
    </message>
    <message>
        <source>the shop does not accept this API key: store the key the shop issued for this campaign</source>
        <translation>sklep nie akceptuje tego klucza API: zapisz klucz wydany przez sklep dla tej kampanii</translation>
    </message>
    <message>
        <source>AWS reachable</source>
        <translation>Dostęp do AWS</translation>
    </message>
    <message>
        <source>AWS sign-in lasts the sale</source>
        <translation>Logowanie do AWS wystarczy na sprzedaż</translation>
    </message>
    <message>
        <source>Capacity headroom</source>
        <translation>Zapas mocy</translation>
    </message>
    <message>
        <source>Pre-scale</source>
        <translation>Skalowanie z wyprzedzeniem</translation>
    </message>
    <message>
        <source>Cloudflare reachable</source>
        <translation>Dostęp do Cloudflare</translation>
    </message>
    <message>
        <source>Cloudflare token lasts the sale</source>
        <translation>Token Cloudflare wystarczy na sprzedaż</translation>
    </message>
    <message>
        <source>Waiting room</source>
        <translation>Poczekalnia</translation>
    </message>
    <message>
        <source>Security level</source>
        <translation>Poziom zabezpieczeń</translation>
    </message>
    <message>
        <source>Shop API</source>
        <translation>API sklepu</translation>
    </message>
    <message>
        <source>Alert sound</source>
        <translation>Dźwięk alarmu</translation>
    </message>
    <message>
        <source>{t} to the on-sale at {at} {zone}</source>
        <translation>{t} do startu sprzedaży ({at} {zone})</translation>
    </message>
    <message>
        <source>group {group}: desired {desired} ({low}..{high}), {healthy} healthy targets</source>
        <translation>grupa {group}: docelowo {desired} ({low}..{high}), zdrowe cele: {healthy}</translation>
    </message>
    <message>
        <source>planned peak {peak} is above MaxSize (MaxSize {max_size}, safety cap {cap}): raise it</source>
        <translation>planowany szczyt {peak} przekracza MaxSize (MaxSize {max_size}, limit bezpieczeństwa {cap}): podnieś go</translation>
    </message>
    <message>
        <source>planned peak {peak} is above the safety cap (MaxSize {max_size}, safety cap {cap}): raise it</source>
        <translation>planowany szczyt {peak} przekracza limit bezpieczeństwa (MaxSize {max_size}, limit bezpieczeństwa {cap}): podnieś go</translation>
    </message>
    <message>
        <source>planned peak {peak}; MaxSize {max_size}, safety cap {cap}: room for {room} more, less than one scale-out step ({step})</source>
        <translation>planowany szczyt {peak}; MaxSize {max_size}, limit bezpieczeństwa {cap}: miejsce na jeszcze {room}, mniej niż jeden krok skalowania ({step})</translation>
    </message>
    <message>
        <source>planned peak {peak}; MaxSize {max_size}, safety cap {cap}: room for {room} more (MaxSize binds before the safety cap)</source>
        <translation>planowany szczyt {peak}; MaxSize {max_size}, limit bezpieczeństwa {cap}: miejsce na jeszcze {room} (MaxSize ogranicza wcześniej niż limit bezpieczeństwa)</translation>
    </message>
    <message>
        <source>planned peak {peak}; MaxSize {max_size}, safety cap {cap}: room for {room} more</source>
        <translation>planowany szczyt {peak}; MaxSize {max_size}, limit bezpieczeństwa {cap}: miejsce na jeszcze {room}</translation>
    </message>
    <message>
        <source>none scheduled (optional)</source>
        <translation>nic nie zaplanowano (opcjonalne)</translation>
    </message>
    <message>
        <source>ran or due: {count} instances at {at} ({t})</source>
        <translation>wykonane lub właśnie przypada: {count} inst. o {at} ({t})</translation>
    </message>
    <message>
        <source>scheduled after the on-sale: {count} instances at {at} ({t})</source>
        <translation>zaplanowane po starcie sprzedaży: {count} inst. o {at} ({t})</translation>
    </message>
    <message>
        <source>scheduled: {count} instances at {at} ({t})</source>
        <translation>zaplanowane: {count} inst. o {at} ({t})</translation>
    </message>
    <message>
        <source>zone {zone}: security level {level}, {minutes} minutes of traffic readable</source>
        <translation>strefa {zone}: poziom zabezpieczeń {level}, odczytane minuty ruchu: {minutes}</translation>
    </message>
    <message>
        <source>&apos;{room}&apos; is suspended: everyone goes straight to the shop</source>
        <translation>„{room}” jest zawieszona: wszyscy trafiają prosto do sklepu</translation>
    </message>
    <message>
        <source>&apos;{room}&apos; has no admission rate set</source>
        <translation>„{room}” nie ma ustawionego tempa wpuszczania</translation>
    </message>
    <message>
        <source>&apos;{room}&apos; on {host}: admits {rate}/min, up to {users} active users; admissions are paused (queue_all)</source>
        <translation>„{room}” na {host}: wpuszcza {rate}/min, do {users} aktywnych użytkowników; wpuszczanie wstrzymane (queue_all)</translation>
    </message>
    <message>
        <source>&apos;{room}&apos; on {host}: admits {rate}/min, up to {users} active users</source>
        <translation>„{room}” na {host}: wpuszcza {rate}/min, do {users} aktywnych użytkowników</translation>
    </message>
    <message>
        <source>unknown security level &apos;{level}&apos;</source>
        <translation>nieznany poziom zabezpieczeń „{level}”</translation>
    </message>
    <message>
        <source>already &apos;under attack&apos;: every visitor gets a challenge</source>
        <translation>już włączony tryb Under attack: każdy odwiedzający przechodzi weryfikację</translation>
    </message>
    <message>
        <source>{sold} of {capacity} sold, {queued} queued, admitting {rate}/min</source>
        <translation>sprzedano {sold} z {capacity}, w kolejce {queued}, wpuszczanie {rate}/min</translation>
    </message>
    <message>
        <source>not checked here</source>
        <translation>nie sprawdzono na tym stanowisku</translation>
    </message>
    <message>
        <source>plays through QtMultimedia</source>
        <translation>odtwarzany przez QtMultimedia</translation>
    </message>
    <message>
        <source>fallback in use: {backend}</source>
        <translation>używany zamiennik: {backend}</translation>
    </message>
</context>
<context>
    <name>ConfirmActionDialog</name>
    <message>
        <source>Confirm: {action}</source>
        <translation>Potwierdź: {action}</translation>
    </message>
    <message>
        <source>The value changed since the dialog opened: {value}</source>
        <translation>Wartość zmieniła się od otwarcia okna: {value}</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>Nic do zmiany</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>Cloudflare API token</source>
        <translation>token API Cloudflare</translation>
    </message>
    <message>
        <source>shop API key</source>
        <translation>klucz API sklepu</translation>
    </message>
    <message>
        <source>no keychain backend</source>
        <translation>brak dostępnego pęku kluczy</translation>
    </message>
    <message>
        <source>the keychain is switched off (keyring&apos;s null backend)</source>
        <translation>pęk kluczy jest wyłączony (pusty backend keyring)</translation>
    </message>
    <message>
        <source>the keychain backend {backend} writes secrets to a plain file</source>
        <translation>backend pęku kluczy {backend} zapisuje sekrety w zwykłym pliku</translation>
    </message>
    <message>
        <source>{problem}: set {variable} instead</source>
        <translation>{problem}: ustaw zamiast tego {variable}</translation>
    </message>
    <message>
        <source>the {secret} must be one word of printable ASCII (no spaces), up to 4096 characters</source>
        <translation>{secret}: musi to być jedno słowo z drukowalnych znaków ASCII (bez spacji), do 4096 znaków</translation>
    </message>
    <message>
        <source>{source}: the OS keychain is not available ({error}); set {variable} instead</source>
        <translation>{source}: systemowy pęk kluczy jest niedostępny ({error}); ustaw zamiast tego {variable}</translation>
    </message>
    <message>
        <source>{source}: no secret stored; run `saleday-console credentials set {source} --config FILE` or set {variable}</source>
        <translation>{source}: nie zapisano sekretu; uruchom `saleday-console credentials set {source} --config FILE` lub ustaw {variable}</translation>
    </message>
    <message>
        <source>the keychain refused to store the {secret} ({error}); set {variable} instead</source>
        <translation>pęk kluczy odmówił zapisania: {secret} ({error}); ustaw zamiast tego {variable}</translation>
    </message>
    <message>
        <source>the keychain refused to remove the {secret} ({error})</source>
        <translation>pęk kluczy odmówił usunięcia: {secret} ({error})</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>demo: fixed token, nothing to store</source>
        <translation>demo: stały token, nie trzeba nic zapisywać</translation>
    </message>
    <message>
        <source>from the environment variable {env} (used before the keychain)</source>
        <translation>ze zmiennej środowiskowej {env} (ma pierwszeństwo przed pękiem kluczy)</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>zapisany w pęku kluczy</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nie ustawiono</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>ostrzeżenie</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>błąd</translation>
    </message>
    <message>
        <source>unexpected error: {kind}</source>
        <translation>nieoczekiwany błąd: {kind}</translation>
    </message>
    <message>
        <source>paste a new secret to store it</source>
        <translation>wklej tu nowy sekret</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Sprawdź</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Credentials · {campaign}</source>
        <translation>Dane logowania · {campaign}</translation>
    </message>
    <message>
        <source>demo: fixed emulator keys</source>
        <translation>demo: stałe klucze emulatora</translation>
    </message>
    <message>
        <source>boto3&apos;s chain with profile &apos;{profile}&apos;</source>
        <translation>łańcuch boto3 z profilem „{profile}”</translation>
    </message>
    <message>
        <source>boto3&apos;s default chain (environment, SSO, …)</source>
        <translation>domyślny łańcuch boto3 (środowisko, SSO, …)</translation>
    </message>
    <message>
        <source>{chain}; nothing is stored here</source>
        <translation>{chain}; nic nie jest tu zapisywane</translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <translation>Odczyt pęku kluczy…</translation>
    </message>
    <message>
        <source>Nothing to save: paste the secret into the field first.</source>
        <translation>Nie ma czego zapisać: najpierw wklej sekret w pole.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Nie zapisano: {reason}</translation>
    </message>
    <message>
        <source>Saved in the keychain. Press Test to try it against {source}.</source>
        <translation>Zapisano w pęku kluczy. Naciśnij Sprawdź, aby wypróbować go na {source}.</translation>
    </message>
    <message>
        <source>Saving in the keychain…</source>
        <translation>Zapisywanie w pęku kluczy…</translation>
    </message>
    <message>
        <source>Not removed: {reason}</source>
        <translation>Nie usunięto: {reason}</translation>
    </message>
    <message>
        <source>Removed from the keychain.</source>
        <translation>Usunięto z pęku kluczy.</translation>
    </message>
    <message>
        <source>Nothing stored: nothing removed.</source>
        <translation>Nic nie było zapisane: nic nie usunięto.</translation>
    </message>
    <message>
        <source>Removing from the keychain…</source>
        <translation>Usuwanie z pęku kluczy…</translation>
    </message>
    <message>
        <source>The keychain failed: {kind}</source>
        <translation>Błąd pęku kluczy: {kind}</translation>
    </message>
    <message>
        <source>The demo needs no secrets: its emulators accept fixed demo tokens.</source>
        <translation>Demo nie potrzebuje sekretów: jego emulatory przyjmują stałe tokeny demonstracyjne.</translation>
    </message>
    <message>
        <source>{problem}: set {names} instead. Nothing is written to a file.</source>
        <translation>{problem}: ustaw zamiast tego {names}. Nic nie jest zapisywane do pliku.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> i </translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Sprawdzanie…</translation>
    </message>
</context>
<context>
    <name>FleetPanel</name>
    <message>
        <source>Fleet</source>
        <translation>Serwery</translation>
    </message>
    <message>
        <source>Serving / desired</source>
        <translation>Obsługuje / docelowo</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Opóźnienie</translation>
    </message>
    <message>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <source>Database CPU</source>
        <translation>CPU bazy danych</translation>
    </message>
    <message>
        <source>{in_service} in service · min {min} · max {max}</source>
        <translation>w usłudze: {in_service} · min {min} · maks. {max}</translation>
    </message>
    <message>
        <source>average, load balancer to targets</source>
        <translation>średnio, od load balancera do serwerów</translation>
    </message>
    <message>
        <source>of requests, last minute</source>
        <translation>żądań, ostatnia minuta</translation>
    </message>
    <message>
        <source>{count} connections</source>
        <translation>połączenia: {count}</translation>
    </message>
</context>
<context>
    <name>InstanceStrip</name>
    <message>
        <source>launching</source>
        <translation>uruchamianie</translation>
    </message>
    <message>
        <source>terminating</source>
        <translation>zamykanie</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>niesprawna</translation>
    </message>
    <message>
        <source>warming up</source>
        <translation>rozgrzewanie</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>sprawna</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>wygaszanie</translation>
    </message>
    <message>
        <source>unused</source>
        <translation>nieużywana</translation>
    </message>
    <message>
        <source>{id}
Auto Scaling: {lifecycle}, {health}
load balancer: {target}</source>
        <translation>{id}
Auto Scaling: {lifecycle}, {health}
load balancer: {target}</translation>
    </message>
    <message>
        <source>not registered</source>
        <translation>niezarejestrowana</translation>
    </message>
    <message>
        <source>+ {count} more</source>
        <translation>+ jeszcze {count}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Za&amp;kończ</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <source>&amp;War room</source>
        <translation>&amp;Sztab</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>&amp;Tablica</translation>
    </message>
    <message>
        <source>Follow &amp;live data</source>
        <translation>Śledź dane na ż&amp;ywo</translation>
    </message>
    <message>
        <source>&amp;Full screen (kiosk)</source>
        <translation>&amp;Pełny ekran (kiosk)</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <source>✔ ok</source>
        <translation>✔ ok</translation>
    </message>
    <message>
        <source>⚠ warning</source>
        <translation>⚠ ostrzeżenie</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ błąd</translation>
    </message>
    <message>
        <source>Pre-flight · {campaign}</source>
        <translation>Kontrola przed startem · {campaign}</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>Jeszcze nie uruchomiono.</translation>
    </message>
    <message>
        <source>Run checks</source>
        <translation>Uruchom kontrole</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kontrola</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nie uruchomiono</translation>
    </message>
    <message>
        <source>Pre-scale to</source>
        <translation>Skaluj z wyprzedzeniem do</translation>
    </message>
    <message>
        <source> instances</source>
        <translation> inst.</translation>
    </message>
    <message>
        <source>at T-</source>
        <translation>na T-</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Schedule pre-scale…</source>
        <translation>Zaplanuj skalowanie z wyprzedzeniem…</translation>
    </message>
    <message>
        <source>The viewer role cannot schedule anything</source>
        <translation>Rola podglądu nie może niczego planować</translation>
    </message>
    <message>
        <source>Running the checks…</source>
        <translation>Trwają kontrole…</translation>
    </message>
    <message>
        <source>The checks stopped: unexpected error {kind}</source>
        <translation>Kontrole przerwane: nieoczekiwany błąd {kind}</translation>
    </message>
    <message>
        <source>Passed: {checks} checks, {warnings} warning(s).</source>
        <translation>Zaliczone: kontroli: {checks}, ostrzeżeń: {warnings}.</translation>
    </message>
    <message>
        <source>FAILED: {failed} of {checks} checks failed, {warnings} warning(s).</source>
        <translation>NIEZALICZONE: nie przeszło {failed} z {checks} kontroli, ostrzeżeń: {warnings}.</translation>
    </message>
    <message>
        <source>Reading the group and any scheduled pre-scale…</source>
        <translation>Odczyt grupy i ewentualnego zaplanowanego skalowania…</translation>
    </message>
    <message>
        <source>{summary}: sending…</source>
        <translation>{summary}: wysyłanie…</translation>
    </message>
    <message>
        <source>Scheduled: {after}</source>
        <translation>Zaplanowano: {after}</translation>
    </message>
    <message>
        <source>Pre-scale failed: {message}</source>
        <translation>Skalowanie z wyprzedzeniem nie powiodło się: {message}</translation>
    </message>
    <message>
        <source>Pre-scale not scheduled: {reason}</source>
        <translation>Nie zaplanowano skalowania z wyprzedzeniem: {reason}</translation>
    </message>
    <message>
        <source>Cancelled: nothing scheduled</source>
        <translation>Anulowano: nic nie zaplanowano</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>shop queue</source>
        <translation>kolejka sklepu</translation>
    </message>
    <message>
        <source>Cloudflare waiting room</source>
        <translation>poczekalnia Cloudflare</translation>
    </message>
    <message>
        <source>admitting</source>
        <translation>otwarte</translation>
    </message>
    <message>
        <source>queue empty</source>
        <translation>kolejka pusta</translation>
    </message>
    <message>
        <source>queueing</source>
        <translation>kolejkowanie</translation>
    </message>
    <message>
        <source>not queueing</source>
        <translation>bez kolejki</translation>
    </message>
    <message>
        <source>pre-queue before the event</source>
        <translation>kolejka przed startem</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>zawieszona</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kolejka</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>W kolejce</translation>
    </message>
    <message>
        <source>Estimated wait</source>
        <translation>Szacowane czekanie</translation>
    </message>
    <message>
        <source>Admitted / min</source>
        <translation>Wpuszczeni / min</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>Wpuszczanie</translation>
    </message>
    <message>
        <source>+ {count} in waiting room</source>
        <translation>+ {count} w poczekalni</translation>
    </message>
    <message>
        <source>in the {gate}</source>
        <translation>{gate}</translation>
    </message>
    <message>
        <source>for someone joining now</source>
        <translation>dla osoby dołączającej teraz</translation>
    </message>
    <message>
        <source>rate set to {rate}/min</source>
        <translation>ustawione tempo: {rate}/min</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>WSTRZYMANE</translation>
    </message>
</context>
<context>
    <name>SalesPanel</name>
    <message>
        <source>Sales</source>
        <translation>Sprzedaż</translation>
    </message>
    <message>
        <source>Tickets sold</source>
        <translation>Sprzedane bilety</translation>
    </message>
    <message>
        <source>Tickets / min</source>
        <translation>Bilety / min</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Przychód</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Pozostało</translation>
    </message>
    <message>
        <source>of {capacity} · {percent}</source>
        <translation>z {capacity} · {percent}</translation>
    </message>
    <message>
        <source>last {minutes} min · {orders} orders/min</source>
        <translation>ostatnie {minutes} min · {orders} zam./min</translation>
    </message>
    <message>
        <source>SOLD OUT</source>
        <translation>WYPRZEDANE</translation>
    </message>
    <message>
        <source>{percent} sold</source>
        <translation>sprzedano {percent}</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>waiting for data…</source>
        <translation>czekam na dane…</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>brak danych</translation>
    </message>
    <message>
        <source>updated {age} ago</source>
        <translation>{age} temu</translation>
    </message>
    <message>
        <source>stale since {time}</source>
        <translation>nieaktualne od {time}</translation>
    </message>
    <message>
        <source>stale for {age}</source>
        <translation>nieaktualne od {age}</translation>
    </message>
    <message>
        <source>credentials rejected (renew them, then Reconnect): {error}</source>
        <translation>odrzucone dane logowania (odnów je i wybierz Połącz ponownie): {error}</translation>
    </message>
    <message>
        <source>last poll failed: {error}</source>
        <translation>ostatni odczyt nieudany: {error}</translation>
    </message>
    <message>
        <source>THROTTLED</source>
        <translation>LIMIT</translation>
    </message>
    <message>
        <source>last poll failed ({kind}): {error}</source>
        <translation>ostatni odczyt nieudany ({kind}): {error}</translation>
    </message>
</context>
<context>
    <name>TimeCharts</name>
    <message>
        <source>Traffic</source>
        <translation>Ruch</translation>
    </message>
    <message>
        <source>visitors/min</source>
        <translation>odwiedzający/min</translation>
    </message>
    <message>
        <source>edge requests/min (right)</source>
        <translation>żądania do CDN/min (prawa oś)</translation>
    </message>
    <message>
        <source>Shop health</source>
        <translation>Kondycja sklepu</translation>
    </message>
    <message>
        <source>5xx %</source>
        <translation>5xx %</translation>
    </message>
    <message>
        <source>latency ms (right)</source>
        <translation>opóźnienie ms (prawa oś)</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kolejka</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>w kolejce</translation>
    </message>
    <message>
        <source>admitted/min (right)</source>
        <translation>wpuszczeni/min (prawa oś)</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sprzedaż</translation>
    </message>
    <message>
        <source>tickets sold/min</source>
        <translation>bilety/min</translation>
    </message>
    <message>
        <source>tickets sold (right)</source>
        <translation>sprzedane bilety (prawa oś)</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Serwery</translation>
    </message>
    <message>
        <source>desired</source>
        <translation>docelowo</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>obsługuje</translation>
    </message>
    <message>
        <source>last {hours} h</source>
        <translation>ostatnie {hours} h</translation>
    </message>
    <message>
        <source>last {minutes} min</source>
        <translation>ostatnie {minutes} min</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Na żywo</translation>
    </message>
    <message>
        <source>Follow the newest data again (or double-click a chart)</source>
        <translation>Znów śledź najnowsze dane (albo kliknij dwukrotnie wykres)</translation>
    </message>
    <message>
        <source>● following live</source>
        <translation>● na żywo</translation>
    </message>
    <message>
        <source>paused: double-click or press Live</source>
        <translation>wstrzymane: kliknij dwukrotnie lub naciśnij Na żywo</translation>
    </message>
</context>
<context>
    <name>RecordingStatus</name>
    <message>
        <source>● recording</source>
        <translation>● nagrywanie</translation>
    </message>
    <message>
        <source>Every poll, alert and action is kept in {path}</source>
        <translation>Każdy odczyt, alert i działanie jest zapisywane w {path}</translation>
    </message>
    <message numerus="yes">
        <source>⚠ recording: %n write(s) failed, last at {time}</source>
        <translation>
            <numerusform>⚠ nagrywanie: %n nieudany zapis, ostatni o {time}</numerusform>
            <numerusform>⚠ nagrywanie: %n nieudane zapisy, ostatni o {time}</numerusform>
            <numerusform>⚠ nagrywanie: %n nieudanych zapisów, ostatni o {time}</numerusform>
        </translation>
    </message>
    <message>
        <source>Not kept in {path}: {error}</source>
        <translation>Nie zapisano w {path}: {error}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>a pre-scale needs a time with a time zone</source>
        <translation>skalowanie z wyprzedzeniem wymaga czasu ze strefą czasową</translation>
    </message>
    <message>
        <source>the pre-scale time {time} UTC has already passed</source>
        <translation>czas skalowania z wyprzedzeniem {time} UTC już minął</translation>
    </message>
    <message>
        <source>pre-scale to at least one instance</source>
        <translation>skalowanie z wyprzedzeniem musi dotyczyć co najmniej jednej instancji</translation>
    </message>
    <message>
        <source>the group has {desired} now: at that time it would be scaled IN to {target}</source>
        <translation>grupa ma teraz {desired}: w tym momencie zostałaby ZMNIEJSZONA do {target}</translation>
    </message>
    <message>
        <source>that is after the on-sale</source>
        <translation>to już po starcie sprzedaży</translation>
    </message>
    <message>
        <source>new instances need about {minutes} minutes of warm-up: they will not serve at the on-sale</source>
        <translation>nowe instancje potrzebują ok. {minutes} min na rozgrzanie: nie będą obsługiwać ruchu na starcie sprzedaży</translation>
    </message>
    <message>
        <source>Auto Scaling scheduled action {name} on {group}: AWS runs it at its time even if no console is open</source>
        <translation>zaplanowana akcja Auto Scaling {name} w grupie {group}: AWS wykona ją o czasie, nawet gdy żadna konsola nie będzie otwarta</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) now; estimated extra cost {cost} per hour once it runs</source>
        <translation>
            <numerusform>teraz %n instancja; szacowany dodatkowy koszt {cost} na godzinę po wykonaniu</numerusform>
            <numerusform>teraz %n instancje; szacowany dodatkowy koszt {cost} na godzinę po wykonaniu</numerusform>
            <numerusform>teraz %n instancji; szacowany dodatkowy koszt {cost} na godzinę po wykonaniu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pre-scale to %n instance(s) at {time} ({minus})</source>
        <translation>
            <numerusform>Skalowanie z wyprzedzeniem do %n instancji o {time} ({minus})</numerusform>
            <numerusform>Skalowanie z wyprzedzeniem do %n instancji o {time} ({minus})</numerusform>
            <numerusform>Skalowanie z wyprzedzeniem do %n instancji o {time} ({minus})</numerusform>
        </translation>
    </message>
    <message>
        <source>the {role} role cannot change anything</source>
        <translation>rola {role} nie może niczego zmieniać</translation>
    </message>
    <message>
        <source>add at least one instance</source>
        <translation>dodaj co najmniej jedną instancję</translation>
    </message>
    <message>
        <source>asked for {asked}; the group&apos;s MinSize is {minimum}</source>
        <translation>żądano {asked}; MinSize grupy to {minimum}</translation>
    </message>
    <message numerus="yes">
        <source>+%n instance(s) in {group}</source>
        <translation>
            <numerusform>+%n instancja w {group}</numerusform>
            <numerusform>+%n instancje w {group}</numerusform>
            <numerusform>+%n instancji w {group}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>-%n instance(s) in {group}</source>
        <translation>
            <numerusform>-%n instancja w {group}</numerusform>
            <numerusform>-%n instancje w {group}</numerusform>
            <numerusform>-%n instancji w {group}</numerusform>
        </translation>
    </message>
    <message>
        <source>estimated extra cost {cost} per hour ({price} per instance-hour)</source>
        <translation>szacowany dodatkowy koszt {cost} na godzinę ({price} za instancjogodzinę)</translation>
    </message>
    <message>
        <source>new instances serve after about {minutes} minutes of warm-up</source>
        <translation>nowe instancje obsługują ruch po ok. {minutes} min rozgrzewania</translation>
    </message>
    <message>
        <source>Every visitor gets a browser challenge (about 5 s) before reaching the shop.</source>
        <translation>Każdy odwiedzający przechodzi weryfikację w przeglądarce (ok. 5 s), zanim trafi do sklepu.</translation>
    </message>
    <message>
        <source>API and app clients that cannot run the challenge may break.</source>
        <translation>Klienci API i aplikacje, które nie przejdą weryfikacji, mogą przestać działać.</translation>
    </message>
    <message>
        <source>Back to the level before protection was switched on: {level}.</source>
        <translation>Powrót do poziomu sprzed włączenia ochrony: {level}.</translation>
    </message>
    <message>
        <source>Cloudflare waiting room</source>
        <translation>poczekalnia Cloudflare</translation>
    </message>
    <message>
        <source>shop queue</source>
        <translation>kolejka sklepu</translation>
    </message>
    <message>
        <source>admission rate must be between {lowest} and {highest} per minute</source>
        <translation>tempo wpuszczania musi wynosić od {lowest} do {highest} na minutę</translation>
    </message>
    <message>
        <source>{where}: new admissions per minute.</source>
        <translation>{where}: nowe tempo wpuszczania na minutę.</translation>
    </message>
    <message>
        <source>{where}: nobody new enters the shop; the queue keeps growing.</source>
        <translation>{where}: nikt nowy nie wchodzi do sklepu; kolejka dalej rośnie.</translation>
    </message>
    <message>
        <source>{where}: admissions restart at {rate}/min.</source>
        <translation>{where}: wpuszczanie rusza znów w tempie {rate}/min.</translation>
    </message>
    <message>
        <source>this change was already sent</source>
        <translation>ta zmiana została już wysłana</translation>
    </message>
    <message>
        <source>unexpected error: {kind}</source>
        <translation>nieoczekiwany błąd: {kind}</translation>
    </message>
    <message>
        <source>another capacity action is in flight</source>
        <translation>trwa już inna zmiana liczby instancji</translation>
    </message>
    <message>
        <source>another protection action is in flight</source>
        <translation>trwa już inna zmiana ochrony</translation>
    </message>
    <message>
        <source>another admissions action is in flight</source>
        <translation>trwa już inna zmiana wpuszczania</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>nic do zmiany</translation>
    </message>
    <message>
        <source>Desired capacity {before} -&gt; {after}</source>
        <translation>Docelowa liczba instancji {before} → {after}</translation>
    </message>
    <message>
        <source>Security level {before} -&gt; {after}</source>
        <translation>Poziom zabezpieczeń {before} → {after}</translation>
    </message>
    <message>
        <source>Admissions {before} -&gt; {after}</source>
        <translation>Wpuszczanie: {before} → {after}</translation>
    </message>
    <message>
        <source>paused at {rate}/min</source>
        <translation>wstrzymane przy {rate}/min</translation>
    </message>
    <message>
        <source>admitting at {rate}/min</source>
        <translation>wpuszcza {rate}/min</translation>
    </message>
    <message>
        <source>none scheduled</source>
        <translation>nic nie zaplanowano</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) at {time} UTC</source>
        <translation>
            <numerusform>%n instancja o {time} UTC</numerusform>
            <numerusform>%n instancje o {time} UTC</numerusform>
            <numerusform>%n instancji o {time} UTC</numerusform>
        </translation>
    </message>
    <message>
        <source>asked for {asked}; capped at {cap} by the campaign&apos;s safety cap</source>
        <translation>żądano {asked}; ograniczono do {cap} limitem bezpieczeństwa kampanii</translation>
    </message>
    <message>
        <source>asked for {asked}; capped at {cap} by the group&apos;s MaxSize</source>
        <translation>żądano {asked}; ograniczono do {cap} przez MaxSize grupy</translation>
    </message>
</context>
<context>
    <name>SecurityLevel</name>
    <message>
        <source>Under attack</source>
        <translation>Under attack</translation>
    </message>
    <message>
        <source>essentially off</source>
        <translation>praktycznie wyłączony</translation>
    </message>
    <message>
        <source>off</source>
        <translation>wyłączony</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niski</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>średni</translation>
    </message>
    <message>
        <source>high</source>
        <translation>wysoki</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>5xx rate</source>
        <translation>Odsetek 5xx</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Opóźnienie</translation>
    </message>
    <message>
        <source>Unhealthy targets</source>
        <translation>Niesprawne serwery</translation>
    </message>
    <message>
        <source>Database CPU</source>
        <translation>CPU bazy danych</translation>
    </message>
    <message>
        <source>Queue wait</source>
        <translation>Czekanie w kolejce</translation>
    </message>
    <message>
        <source>Admissions paused</source>
        <translation>Wpuszczanie wstrzymane</translation>
    </message>
    <message>
        <source>Source stale</source>
        <translation>Nieaktualne źródło</translation>
    </message>
    <message>
        <source>{title} {value}{unit} (threshold {threshold}{unit})</source>
        <translation>{title} {value}{unit} (próg {threshold}{unit})</translation>
    </message>
</context>
<context>
    <name>Markers</name>
    <message numerus="yes">
        <source>+%n instance(s)</source>
        <translation>
            <numerusform>+%n instancja</numerusform>
            <numerusform>+%n instancje</numerusform>
            <numerusform>+%n instancji</numerusform>
        </translation>
    </message>
    <message>
        <source>Capacity {before} → {after}</source>
        <translation>Instancje {before} → {after}</translation>
    </message>
    <message>
        <source>Under attack</source>
        <translation>Under attack</translation>
    </message>
    <message>
        <source>Protection off ({level})</source>
        <translation>Ochrona wyłączona ({level})</translation>
    </message>
    <message>
        <source>Admissions paused</source>
        <translation>Wpuszczanie wstrzymane</translation>
    </message>
    <message>
        <source>Admissions resumed</source>
        <translation>Wpuszczanie wznowione</translation>
    </message>
    <message>
        <source>Pre-scale to {count} scheduled</source>
        <translation>Zaplanowano skalowanie do {count}</translation>
    </message>
    <message>
        <source>Rate {rate}/min</source>
        <translation>Tempo {rate}/min</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>cannot reach the backend</source>
        <translation>brak połączenia z usługą</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>przekroczony czas</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>limit zapytań</translation>
    </message>
    <message>
        <source>access refused</source>
        <translation>odmowa dostępu</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nie znaleziono</translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <translation>nieczytelna odpowiedź</translation>
    </message>
    <message>
        <source>backend error</source>
        <translation>błąd usługi</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>niepowodzenie</translation>
    </message>
</context>
<context>
    <name>MarkerLines</name>
    <message>
        <source> (pending)</source>
        <translation> (w toku)</translation>
    </message>
    <message>
        <source>action</source>
        <translation>akcja</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alert</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>w toku</translation>
    </message>
    <message>
        <source>done</source>
        <translation>wykonana</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>nieudana</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source> (right)</source>
        <translation> (prawa oś)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>brak danych</translation>
    </message>
    <message>
        <source>on-sale</source>
        <translation>start sprzedaży</translation>
    </message>
    <message>
        <source>Data gaps</source>
        <translation>Luki w danych</translation>
    </message>
    <message>
        <source>Per-minute figures (visitors, requests, bytes, threats, origin requests, 5xx, latency) are the Cloudflare and CloudWatch minutes, each taken from the latest poll that reported it.</source>
        <translation>Wartości minutowe (odwiedzający, żądania, bajty, zagrożenia, żądania do serwera źródłowego, 5xx, opóźnienie) to minuty z Cloudflare i CloudWatch, każda z najnowszego odczytu, który ją podał.</translation>
    </message>
    <message>
        <source>Peak requests per second: edge requests in the busiest minute divided by 60.</source>
        <translation>Szczyt żądań na sekundę: żądania do CDN w najbardziej obciążonej minucie podzielone przez 60.</translation>
    </message>
    <message>
        <source>Error rate: all 5xx answers divided by all origin requests. A degraded minute has an average latency or a 5xx share above the campaign&apos;s alert thresholds.</source>
        <translation>Odsetek błędów: wszystkie odpowiedzi 5xx podzielone przez wszystkie żądania do serwera źródłowego. Minuta z pogorszoną pracą ma średnie opóźnienie lub udział 5xx powyżej progów alertów kampanii.</translation>
    </message>
    <message>
        <source>Instance-hours: in-service instances integrated between AWS polls; the cost multiplies them by the campaign&apos;s price per instance-hour.</source>
        <translation>Instancjogodziny: instancje w usłudze zsumowane w czasie między odczytami AWS; koszt to ich iloczyn z ceną kampanii za instancjogodzinę.</translation>
    </message>
    <message>
        <source>A data gap is a stretch longer than three poll intervals without a successful poll of a source; charts leave it blank instead of drawing through it.</source>
        <translation>Luka w danych to okres dłuższy niż trzy interwały odczytu bez udanego odczytu źródła; wykresy zostawiają ją pustą, zamiast rysować przez nią linię.</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>minuta</translation>
    </message>
    <message>
        <source>visitors</source>
        <translation>odwiedzający</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>żądania/s</translation>
    </message>
    <message>
        <source>origin req.</source>
        <translation>żądania do źródła</translation>
    </message>
    <message>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <source>latency ms</source>
        <translation>opóźnienie ms</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>z cache</translation>
    </message>
    <message>
        <source>threats</source>
        <translation>zagrożenia</translation>
    </message>
    <message>
        <source>time</source>
        <translation>czas</translation>
    </message>
    <message>
        <source>who</source>
        <translation>kto</translation>
    </message>
    <message>
        <source>what</source>
        <translation>co</translation>
    </message>
    <message>
        <source>before → after, or detail</source>
        <translation>przed → po albo szczegóły</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>wynik</translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation>strona {page}</translation>
    </message>
    <message>
        <source>recorded {start} – {end}</source>
        <translation>nagranie {start} – {end}</translation>
    </message>
    <message>
        <source>Post-campaign report · on-sale {day} ({zone}) · {span}</source>
        <translation>Raport po kampanii · start sprzedaży {day} ({zone}) · {span}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more, listed at the end.</source>
        <translation>
            <numerusform>… i jeszcze %n, wymieniona na końcu.</numerusform>
            <numerusform>… i jeszcze %n, wymienione na końcu.</numerusform>
            <numerusform>… i jeszcze %n, wymienionych na końcu.</numerusform>
        </translation>
    </message>
    <message>
        <source>visitors / min</source>
        <translation>odwiedzający / min</translation>
    </message>
    <message>
        <source>requests / s</source>
        <translation>żądania / s</translation>
    </message>
    <message>
        <source>orders / min</source>
        <translation>zamówienia / min</translation>
    </message>
    <message>
        <source>Traffic at the CDN edge</source>
        <translation>Ruch na brzegu CDN</translation>
    </message>
    <message>
        <source>Queue (Cloudflare waiting room)</source>
        <translation>Kolejka (poczekalnia Cloudflare)</translation>
    </message>
    <message>
        <source>Queue (shop)</source>
        <translation>Kolejka (sklep)</translation>
    </message>
    <message>
        <source>people queuing</source>
        <translation>osoby w kolejce</translation>
    </message>
    <message>
        <source>estimated wait (min)</source>
        <translation>szacowane czekanie (min)</translation>
    </message>
    <message>
        <source>people</source>
        <translation>osoby</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minuty</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sprzedaż</translation>
    </message>
    <message>
        <source>tickets sold</source>
        <translation>sprzedane bilety</translation>
    </message>
    <message>
        <source>tickets</source>
        <translation>bilety</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Serwery</translation>
    </message>
    <message>
        <source>desired</source>
        <translation>docelowo</translation>
    </message>
    <message>
        <source>in service</source>
        <translation>w usłudze</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>obsługuje</translation>
    </message>
    <message>
        <source>instances</source>
        <translation>instancje</translation>
    </message>
    <message>
        <source>Shop health</source>
        <translation>Kondycja sklepu</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>opóźnienie (ms)</translation>
    </message>
    <message>
        <source>The campaign in charts</source>
        <translation>Kampania na wykresach</translation>
    </message>
    <message>
        <source>Numbered markers are the actions (green: done, red: failed, amber: no outcome) and alerts (pink, dotted) of the timeline. Grey bands: no data from the source.</source>
        <translation>Numerowane znaczniki to akcje (zielone: wykonane, czerwone: nieudane, bursztynowe: bez wyniku) i alerty (różowe, kropkowane) z osi czasu. Szare pasy: brak danych ze źródła.</translation>
    </message>
    <message>
        <source>The ten busiest minutes</source>
        <translation>Dziesięć najbardziej obciążonych minut</translation>
    </message>
    <message>
        <source>Timeline of actions and alerts</source>
        <translation>Oś czasu akcji i alertów</translation>
    </message>
    <message>
        <source>No action was taken and no alert was raised.</source>
        <translation>Nie wykonano żadnej akcji i nie zgłoszono żadnego alertu.</translation>
    </message>
    <message>
        <source>How the figures are computed</source>
        <translation>Jak liczone są wartości</translation>
    </message>
    <message>
        <source>{campaign} — post-campaign report</source>
        <translation>{campaign} — raport po kampanii</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Sklep</translation>
    </message>
    <message>
        <source>done</source>
        <translation>wykonana</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>nieudana</translation>
    </message>
    <message>
        <source>no outcome recorded</source>
        <translation>brak zapisanego wyniku</translation>
    </message>
    <message>
        <source>alert raised: {rule}</source>
        <translation>alert zgłoszony: {rule}</translation>
    </message>
    <message>
        <source>alert cleared: {rule}</source>
        <translation>alert ustąpił: {rule}</translation>
    </message>
    <message>
        <source>alert acknowledged: {rule}</source>
        <translation>alert potwierdzony: {rule}</translation>
    </message>
    <message>
        <source>{percent} of {capacity}</source>
        <translation>{percent} z {capacity}</translation>
    </message>
    <message>
        <source>{share} · sold out {when}</source>
        <translation>{share} · wyprzedane {when}</translation>
    </message>
    <message>
        <source>{share} · not sold out</source>
        <translation>{share} · nie wyprzedano</translation>
    </message>
    <message>
        <source>Cloudflare waiting room</source>
        <translation>poczekalnia Cloudflare</translation>
    </message>
    <message>
        <source>shop queue</source>
        <translation>kolejka sklepu</translation>
    </message>
    <message>
        <source>Tickets sold</source>
        <translation>Sprzedane bilety</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Przychód</translation>
    </message>
    <message>
        <source>in {currency}, as the shop reported it</source>
        <translation>w {currency}, według sklepu</translation>
    </message>
    <message>
        <source>Peak visitors per minute</source>
        <translation>Szczyt odwiedzających na minutę</translation>
    </message>
    <message>
        <source>at {when}</source>
        <translation>o {when}</translation>
    </message>
    <message>
        <source>Peak requests per second</source>
        <translation>Szczyt żądań na sekundę</translation>
    </message>
    <message>
        <source>at the CDN edge, {when}</source>
        <translation>na brzegu CDN, {when}</translation>
    </message>
    <message>
        <source>Longest queue</source>
        <translation>Najdłuższa kolejka</translation>
    </message>
    <message>
        <source>{queue}, {when}</source>
        <translation>{queue}, {when}</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Najdłuższe czekanie</translation>
    </message>
    <message>
        <source>estimated, {when}</source>
        <translation>szacowane, {when}</translation>
    </message>
    <message>
        <source>Error rate (5xx)</source>
        <translation>Odsetek błędów (5xx)</translation>
    </message>
    <message>
        <source>over the campaign · {peak} in the peak minute</source>
        <translation>w całej kampanii · {peak} w minucie szczytu</translation>
    </message>
    <message>
        <source>Served from the CDN cache</source>
        <translation>Wysłane z cache CDN</translation>
    </message>
    <message>
        <source>of bytes · {saved} saved of {served}</source>
        <translation>bajtów · zaoszczędzono {saved} z {served}</translation>
    </message>
    <message>
        <source>Threats blocked</source>
        <translation>Zablokowane zagrożenia</translation>
    </message>
    <message>
        <source>requests Cloudflare stopped</source>
        <translation>żądania zatrzymane przez Cloudflare</translation>
    </message>
    <message>
        <source>Instance-hours</source>
        <translation>Instancjogodziny</translation>
    </message>
    <message>
        <source>≈ {cost} at {price} per instance-hour</source>
        <translation>≈ {cost} po {price} za instancjogodzinę</translation>
    </message>
    <message>
        <source>Minutes with a degraded shop</source>
        <translation>Minuty z pogorszoną pracą sklepu</translation>
    </message>
    <message>
        <source>latency &gt; {latency} ms or 5xx &gt; {share}</source>
        <translation>opóźnienie &gt; {latency} ms lub 5xx &gt; {share}</translation>
    </message>
    <message>
        <source>Actions · alerts</source>
        <translation>Akcje · alerty</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) failed or unfinished</source>
        <translation>
            <numerusform>%n akcja nieudana lub niedokończona</numerusform>
            <numerusform>%n akcje nieudane lub niedokończone</numerusform>
            <numerusform>%n akcji nieudanych lub niedokończonych</numerusform>
        </translation>
    </message>
    <message>
        <source>no data recorded</source>
        <translation>brak zapisanych danych</translation>
    </message>
    <message>
        <source>{source}: no successful poll from {start} to {end} ({minutes} min)</source>
        <translation>{source}: brak udanego odczytu od {start} do {end} ({minutes} min)</translation>
    </message>
    <message>
        <source>; its per-minute figures were filled in by later polls</source>
        <translation>; jego wartości minutowe uzupełniły późniejsze odczyty</translation>
    </message>
    <message numerus="yes">
        <source>; %n minute(s) of per-minute figures are missing</source>
        <translation>
            <numerusform>; brakuje %n minuty wartości minutowych</numerusform>
            <numerusform>; brakuje %n minut wartości minutowych</numerusform>
            <numerusform>; brakuje %n minut wartości minutowych</numerusform>
        </translation>
    </message>
    <message>
        <source>No data gaps: every source answered throughout.</source>
        <translation>Brak luk w danych: każde źródło odpowiadało przez cały czas.</translation>
    </message>
    <message numerus="yes">
        <source>%n data gap(s): the charts leave them blank and the figures cover only what was recorded.</source>
        <translation>
            <numerusform>%n luka w danych: wykresy zostawiają ją pustą, a wartości obejmują tylko to, co nagrano.</numerusform>
            <numerusform>%n luki w danych: wykresy zostawiają je puste, a wartości obejmują tylko to, co nagrano.</numerusform>
            <numerusform>%n luk w danych: wykresy zostawiają je puste, a wartości obejmują tylko to, co nagrano.</numerusform>
        </translation>
    </message>
    <message>
        <source>console</source>
        <translation>konsola</translation>
    </message>
</context>
<context>
    <name>ReportRunner</name>
    <message>
        <source>Campaign &amp;report…</source>
        <translation>&amp;Raport kampanii…</translation>
    </message>
    <message>
        <source>Save the campaign report</source>
        <translation>Zapisz raport kampanii</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Zapisywanie raportu…</translation>
    </message>
    <message>
        <source>Campaign report</source>
        <translation>Raport kampanii</translation>
    </message>
    <message>
        <source>The report could not be written: {error}</source>
        <translation>Nie udało się zapisać raportu: {error}</translation>
    </message>
    <message>
        <source>Report written to {pdf} and CSVs in {folder}</source>
        <translation>Raport zapisany w {pdf}, pliki CSV w {folder}</translation>
    </message>
    <message>
        <source>Report written to {pdf}</source>
        <translation>Raport zapisany w {pdf}</translation>
    </message>
</context>
<context>
    <name>Sound</name>
    <message>
        <source>system beep</source>
        <translation>sygnał systemowy</translation>
    </message>
    <message>
        <source>system beep (QtMultimedia is not installed)</source>
        <translation>sygnał systemowy (brak QtMultimedia)</translation>
    </message>
    <message>
        <source>system beep (no audio output device)</source>
        <translation>sygnał systemowy (brak urządzenia audio)</translation>
    </message>
</context>
</TS>
