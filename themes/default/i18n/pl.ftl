# Słowa motywu, po polsku. Polski ma trzy formy liczby mnogiej:
# one (1), few (2-4, 22-24, ...) i many (0, 5-21, 25-31, ...).

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
footer-stories = { $count ->
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
