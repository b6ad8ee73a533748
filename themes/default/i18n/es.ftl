# Las palabras del tema, en español.

## Recuentos y duraciones.

stories-count = { $count ->
    [one] { $count } historia
   *[other] { $count } historias
}
months-count = { $count ->
    [one] 1 mes
   *[other] { $count } meses
}
years-count = { $count ->
    [one] 1 año
   *[other] { $count } años
}
under-a-month = menos de un mes
duration-years-months = { $years ->
    [one] 1 año
   *[other] { $years } años
} y { $months ->
    [one] 1 mes
   *[other] { $months } meses
}

## Fechas.

month-short = { $month ->
    [1] ene.
    [2] feb.
    [3] mar.
    [4] abr.
    [5] may.
    [6] jun.
    [7] jul.
    [8] ago.
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] dic.
}
month-long = { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
}
date-month = { month-short } { $year }
date-day = { $day } de { month-long } de { $year }

## La página de una historia.

journey = Trayectoria
present = actualidad
at-a-glance = En resumen
fact-now = Ahora
fact-based-in = Ubicación
fact-first-move = Primer cambio tras
fact-span = Del primer puesto a hoy
fact-programs = Programas
fact-departments = Departamentos
tags = Etiquetas
skills = Habilidades
links = Enlaces
share-heading = Comparte esta historia
share-copy = Copiar enlace
share-native = Compartir…
share-email = Correo
share-kit = Kit para compartir, imprimible, con código QR
cta-heading = Empieza donde empezó { $name }
cta-started-as = { $name } empezó como { $role }.
cta-open-now = { $count ->
    [one] Hay un puesto abierto:
   *[other] Hay { $count } puestos abiertos:
}
cta-see-all = Ver los { $count } puestos de { $role }
cta-no-opening = No hay vacantes para este puesto ahora mismo, pero puedes enviar tu candidatura.
cta-now = { $name } es ahora { $role }:
cta-now-open = { $count ->
    [one] 1 puesto abierto en este rol
   *[other] { $count } puestos abiertos en este rol
}
cta-every-opening = Todos los puestos abiertos
related-heading = Más historias como esta

## En todas las páginas.

skip-link = Saltar al contenido
nav-label = Navegación del sitio
nav-stories = Historias
nav-paths = Trayectorias
nav-jobs = Empleos
nav-collections = Colecciones
footer-stories = { $count ->
    [one] 1 historia de antiguos compañeros
   *[other] { $count } historias de antiguos compañeros
}
footer-feed = Feed Atom
card-span = { $span } hasta { $role }
pages-label = Páginas
newer-stories = Historias más recientes
older-stories = Historias anteriores
no-stories = Todavía no hay historias aquí.
not-found-title = Página no encontrada
not-found-lead = Esta página no existe o la historia se ha retirado.
not-found-all = Ver todas las historias
not-found-or = o
not-found-paths = explorar trayectorias profesionales

## Colecciones, etiquetas, filtros y departamentos.

collections-heading = Colecciones
collections-lead = Historias elegidas por tema.
collections-lead-company = Historias elegidas por tema por el equipo de selección de { $company }.
collection-faces = Algunas de sus historias
collection-eyebrow = Colección
tag-eyebrow = Etiqueta
facet-combine = Combinar con otros filtros
department-eyebrow = Departamento
department-roles = Puestos

## Páginas de puestos y cambios entre puestos.

role-eyebrow = Puesto
open-positions = Puestos abiertos
open-positions-count = { $count ->
    [one] 1 puesto abierto
   *[other] { $count } puestos abiertos
}
role-none-open = No hay ningún puesto de { $role } abierto ahora mismo.
role-apply-anyway = Aun así, puedes enviar tu candidatura.
role-arrivals-heading = Cómo llegaron aquí
role-next-heading = Adónde fueron después
role-results = { $count ->
    [one] 1 historia pasa por este puesto
   *[other] { $count } historias pasan por este puesto
}
move-unlisted = Recorrido de antiguos compañeros, no es una trayectoria prevista.
move-typical = { $months ->
    [one] Normalmente 1 mes.
   *[other] Normalmente { $months } meses.
}
move-median = { $months ->
    [one] , mediana de 1 mes en el puesto
   *[other] , mediana de { $months } meses en el puesto
}
