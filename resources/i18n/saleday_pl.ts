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
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>… and {count} more active alert(s)</source>
        <translation>… oraz kolejne aktywne alerty: {count}</translation>
    </message>
    <message>
        <source> · acknowledged by {person}</source>
        <translation> · potwierdzone przez {person}</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Potwierdź</translation>
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
        <source>Campaign &amp;report…</source>
        <translation>&amp;Raport kampanii…</translation>
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
</TS>
