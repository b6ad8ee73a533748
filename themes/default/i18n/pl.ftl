# Słowa motywu, po polsku. Polski ma trzy formy liczby mnogiej:
# one (1), few (2-4, 22-24, ...) i many (0, 5-21, 25-31, ...).

# The language's own name, for the language switcher.
language-name = Polski
languages-label = Język
# Between the steps of a journey, pointing the way the language reads.
arrow = →

## Liczby i okresy.

stories-count = { $count ->
    [one] { $count } historia
    [few] { $count } historie
   *[many] { $count } historii
}
months-count = { $count ->
    [one] 1 miesiąc
    [few] { $count } miesiące
   *[many] { $count } miesięcy
}
years-count = { $count ->
    [one] 1 rok
    [few] { $count } lata
   *[many] { $count } lat
}
under-a-month = mniej niż miesiąc
duration-years-months = { $years ->
    [one] 1 rok
    [few] { $years } lata
   *[many] { $years } lat
} i { $months ->
    [one] 1 miesiąc
    [few] { $months } miesiące
   *[many] { $months } miesięcy
}

## Daty.

month-short = { $month ->
    [1] sty
    [2] lut
    [3] mar
    [4] kwi
    [5] maj
    [6] cze
    [7] lip
    [8] sie
    [9] wrz
    [10] paź
    [11] lis
   *[12] gru
}
# Dopełniacz: "1 marca 2026".
month-long = { $month ->
    [1] stycznia
    [2] lutego
    [3] marca
    [4] kwietnia
    [5] maja
    [6] czerwca
    [7] lipca
    [8] sierpnia
    [9] września
    [10] października
    [11] listopada
   *[12] grudnia
}
date-month = { month-short } { $year }
date-day = { $day } { month-long } { $year }

## Strona historii.

journey = Ścieżka kariery
present = obecnie
at-a-glance = W skrócie
fact-now = Teraz
fact-based-in = Miejsce
fact-first-move = Pierwsza zmiana po
fact-span = Od pierwszej roli do dziś
fact-programs = Programy
fact-departments = Działy
tags = Tagi
skills = Umiejętności
links = Linki
share-heading = Udostępnij tę historię
share-copy = Kopiuj link
share-native = Udostępnij…
share-email = E-mail
share-kit = Zestaw do druku z kodem QR
cta-heading = Zacznij tam, gdzie { $name }
cta-started-as = { $name } – start na stanowisku { $role }.
cta-open-now = { $count ->
    [one] Jest jedno otwarte stanowisko:
    [few] Są { $count } otwarte stanowiska:
   *[many] Jest { $count } otwartych stanowisk:
}
cta-see-all = Zobacz wszystkie stanowiska: { $role } ({ $count })
cta-no-opening = Nie ma teraz ofert na to stanowisko, ale możesz do nas aplikować.
cta-now = { $name } jest teraz na stanowisku { $role }:
cta-now-open = { $count ->
    [one] 1 otwarte stanowisko w tej roli
    [few] { $count } otwarte stanowiska w tej roli
   *[many] { $count } otwartych stanowisk w tej roli
}
cta-every-opening = Wszystkie otwarte stanowiska
related-heading = Więcej podobnych historii

## Na każdej stronie.

skip-link = Przejdź do treści
nav-label = Nawigacja
nav-stories = Historie
nav-paths = Ścieżki kariery
nav-jobs = Oferty
nav-collections = Kolekcje
alumni-stories = { $count ->
    [one] 1 historia byłego pracownika
    [few] { $count } historie byłych pracowników
   *[many] { $count } historii byłych pracowników
}
footer-feed = Kanał Atom
card-span = { $span } do roli { $role }
pages-label = Strony
newer-stories = Nowsze historie
older-stories = Starsze historie
no-stories = Nie ma tu jeszcze historii.
not-found-title = Nie znaleziono strony
not-found-lead = Ta strona nie istnieje albo historia została usunięta.
not-found-all = Zobacz wszystkie historie
not-found-or = lub
not-found-paths = poznaj ścieżki kariery

## Kolekcje, tagi, filtry i działy.

collections-heading = Kolekcje
collections-lead = Historie wybrane według tematu.
collections-lead-company = Historie wybrane według tematu przez rekruterów firmy { $company }.
collection-faces = Niektóre z historii
collection-eyebrow = Kolekcja
tag-eyebrow = Tag
facet-combine = Połącz z innymi filtrami
department-eyebrow = Dział
department-roles = Role

## Strony ról i przejścia między rolami.

role-eyebrow = Rola
open-positions = Otwarte stanowiska
open-positions-count = { $count ->
    [one] 1 otwarte stanowisko
    [few] { $count } otwarte stanowiska
   *[many] { $count } otwartych stanowisk
}
role-none-open = Nie ma teraz otwartych stanowisk: { $role }.
role-apply-anyway = Nadal możesz do nas aplikować.
role-arrivals-heading = Jak tu trafili
role-next-heading = Dokąd poszli dalej
role-results = { $count ->
    [one] 1 historia przechodzi przez tę rolę
    [few] { $count } historie przechodzą przez tę rolę
   *[many] { $count } historii przechodzi przez tę rolę
}
move-unlisted = Droga byłych pracowników, nie jest to przewidziana ścieżka.
move-typical = { $months ->
    [one] Zwykle 1 miesiąc.
    [few] Zwykle { $months } miesiące.
   *[many] Zwykle { $months } miesięcy.
}
move-median = { $months ->
    [one] , mediana 1 miesiąc w roli
    [few] , mediana { $months } miesiące w roli
   *[many] , mediana { $months } miesięcy w roli
}
role-typical = { $kind ->
    [less] mniej niż miesiąc
    [one-month] około miesiąca
    [months] około { $months } miesięcy
    [year] około roku
    [year-half] około półtora roku
    [two-years] około dwóch lat
    [two-half-years] około dwóch i pół roku
   *[years] około { $years ->
        [3] trzech
        [4] czterech
        [5] pięciu
        [6] sześciu
        [7] siedmiu
        [8] ośmiu
       *[other] { $years }
    } lat
}
role-moved-on = { $count ->
    [one] Jedyna osoba, która odeszła z tej roli, zrobiła to po
   *[many] Większość osób zmienia rolę po
}
role-moved-to = { $count ->
    [one] do roli
   *[many] { $all ->
        [yes] wszyscy do roli
       *[no] najczęściej do roli
    }
}
role-now = { $count ->
    [one] osoba z naszych absolwentów jest teraz w tej roli.
    [few] osoby z naszych absolwentów są teraz w tej roli.
   *[many] osób z naszych absolwentów jest teraz w tej roli.
}
role-arrived-from = Przyszli tu z ról:
list-and = i
move-program = Przez <strong>{ $program }</strong>{ $duration ->
    [none] {""}
   *[other] {" "}({ $duration } mies.)
}.
role-description = Historie absolwentów, którzy przeszli przez rolę { $role }.
department-description = Historie absolwentów, którzy przeszli przez dział { $department }.

## Strona główna i filtry.

hero-eyebrow = Kariera w { $company }
hero-openings = { $count ->
    [one] Zobacz otwartą ofertę
    [few] Zobacz { $count } otwarte oferty
   *[many] Zobacz { $count } otwartych ofert
}
hero-paths = Poznaj ścieżki kariery
figure-stories = { $count ->
    [one] historia absolwenta
    [few] historie absolwentów
   *[many] historii absolwentów
}
figure-departments = { $count ->
    [one] dział, w którym pracują teraz
    [few] działy, w których pracują teraz
   *[many] działów, w których pracują teraz
}
figure-first-move = do pierwszej zmiany, zwykle
figure-open = { $count ->
    [one] otwarta oferta
    [few] otwarte oferty
   *[many] otwartych ofert
}
hiring-now = Teraz zatrudniamy
open-count = { $count ->
    [one] { $count } otwarta
    [few] { $count } otwarte
   *[many] { $count } otwartych
}
featured-all = { $count ->
    [one] Jedyna historia
    [few] Wszystkie { $count } historie
   *[many] Wszystkie { $count } historii
}
filter-open = Filtruj
filter-active = { $count ->
    [one] Filtruj, 1 aktywny
    [few] Filtruj, { $count } aktywne
   *[many] Filtruj, { $count } aktywnych
}
clear-filters = Wyczyść filtry
show-more = Pokaż więcej historii
filter-heading = Filtruj historie
filter-close = Zamknij filtry
filter-clear = Wyczyść
filter-show = { $count ->
    [one] Pokaż { $count } historię
    [few] Pokaż { $count } historie
   *[many] Pokaż { $count } historii
}
filter-matches = { $count ->
    [one] { $count } historia pasuje
    [few] { $count } historie pasują
   *[many] { $count } historii pasuje
}
filter-status = { $count ->
    [one] { $count } historia pasuje do filtrów
    [few] { $count } historie pasują do filtrów
   *[many] { $count } historii pasuje do filtrów
}
filters-cleared = Filtry wyczyszczone: { $heading }
filter-none = Żadna historia nie pasuje do wszystkich filtrów. Usuń jeden, aby zobaczyć więcej.
copy-done = Link skopiowany
copy-failed = Nie udało się skopiować: zaznacz link powyżej
copy-unavailable = Kopiowanie nie jest tu dostępne: zaznacz link powyżej
facet-destination = Gdzie są teraz
facet-department = Dział
facet-start = Gdzie zaczynali
facet-first-move = Czas do pierwszej zmiany
facet-location = Miejsce
facet-tag = Tag
first-move-under-1-year = Poniżej 1 roku
first-move-1-2-years = 1–2 lata
first-move-2-4-years = 2–4 lata
first-move-4-years-or-more = 4 lata lub więcej
facet-title = { $facet }: { $value }
facet-description = Historie absolwentów według filtra { $facet }: { $value }.
tag-title = Historie z tagiem „{ $tag }”
tag-description = Historie absolwentów z tagiem { $tag }.

## Mapa kariery.

paths-title = Ścieżki kariery
paths-lead = Zmiany, które wspiera { $company }, czego wymagają i ilu naszych absolwentów je przeszło.
paths-lead-anonymous = Zmiany, które wspiera firma, czego wymagają i ilu naszych absolwentów je przeszło.
paths-figure-alumni = <strong>{ $alumni }</strong> { $alumni ->
    [one] absolwent pracuje
    [few] absolwentów pracuje
   *[many] absolwentów pracuje
} teraz w <strong>{ $departments }</strong> { $departments ->
    [one] dziale
   *[many] działach
}
paths-figure-moved = <strong>{ $count }</strong> przeszło do innego działu
paths-figure-first-move = mediana do pierwszej zmiany: <strong>{ $months } mies.</strong>
paths-description = Dokąd poszli ci, którzy zaczynali w { $company }.
flow-heading = Gdzie są teraz osoby, które zaczynały w każdej roli
flow-caption = Role początkowe po lewej, obecne po prawej; szerokość pasma odpowiada liczbie osób, które przeszły tę drogę.
flow-started-here = { $count ->
    [one] 1 osoba zaczynała tutaj
    [few] { $count } osoby zaczynały tutaj
   *[many] { $count } osób zaczynało tutaj
}
people-count = { $count ->
    [one] 1 osoba
    [few] { $count } osoby
   *[many] { $count } osób
}
flow-about-role = O roli { $role }
flow-table-caption = Drogi od roli początkowej do obecnej
flow-started-as = Zaczynał(a) jako
flow-now = Teraz
flow-people = Osoby
moves-heading = Wspierane zmiany
roles-heading = Role według działów
programs-heading = Programy

## Otwarte oferty.

openings-title-of = Otwarte oferty: { $name }
openings-description = Wszystkie otwarte oferty w { $company }, z absolwentami, którzy wykonywali każdą pracę.
openings-description-of = Otwarte oferty w { $company } – { $name }, z absolwentami, którzy wykonywali każdą pracę.
openings-lead = Przy każdej ofercie są osoby, które wykonywały tę pracę przed Tobą: przeczytaj, jak zaczynały i dokąd poszły.
openings-filter-heading = Filtruj oferty
openings-show-all = Pokaż wszystkie oferty
openings-match = { $count ->
    [one] 1 otwarta oferta pasuje
    [few] { $count } otwarte oferty pasują
   *[many] { $count } otwartych ofert pasuje
}
openings-meet = Poznaj osoby, które wykonywały tę pracę
openings-all-stories = { $count ->
    [one] 1 historia przez tę rolę
    [few] Wszystkie { $count } historie przez tę rolę
   *[many] Wszystkie { $count } historii przez tę rolę
}
openings-none = Nie ma tu teraz otwartych ofert.
openings-no-match = Żadna oferta nie pasuje do tych filtrów. Usuń jeden, aby zobaczyć więcej.
apply-by = aplikuj do
apply-default = Aplikuj

## Zestaw do udostępniania.

kit-title = Zestaw do udostępniania: { $title }
kit-description = Strona do wydruku, aby udostępnić „{ $title }”.
kit-back = Wróć do strony
kit-print = Wydrukuj zestaw
kit-card-alt = Karta do udostępniania: { $title }
kit-scan-story = Zeskanuj, aby przeczytać historię
kit-scan-collection = Zeskanuj, aby przeczytać ich historie
kit-or-link = Albo otwórz ten link:
kit-note = Rekruterzy: dodajcie <code>?utm_source=WASZE-IMIĘ</code> do adresu tej strony przed wydrukiem, a link i kod QR przypiszą wam zasługę.

## Karty innych stron.

card-paths-lead = Dokąd poszli ci, którzy zaczynali w { $company }
card-paths-lead-anonymous = Dokąd poszli ci, którzy tu zaczynali
card-in-departments = { $stories } w { $count ->
    [one] 1 dziale
   *[many] { $count } działach
}
collections-count = { $count ->
    [one] 1 kolekcja
    [few] { $count } kolekcje
   *[many] { $count } kolekcji
}
collections-description = Historie absolwentów wybrane według tematu: { $names }.
