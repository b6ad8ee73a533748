# Las palabras del tema, en español.

# The language's own name, for the language switcher.
language-name = Español
languages-label = Idioma
# Between the steps of a journey, pointing the way the language reads.
arrow = →

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
alumni-stories = { $count ->
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
role-typical = { $kind ->
    [less] menos de un mes
    [one-month] cerca de un mes
    [months] cerca de { $months } meses
    [year] cerca de un año
    [year-half] cerca de un año y medio
    [two-years] cerca de dos años
    [two-half-years] cerca de dos años y medio
   *[years] cerca de { $years ->
        [3] tres
        [4] cuatro
        [5] cinco
        [6] seis
        [7] siete
        [8] ocho
       *[other] { $years }
    } años
}
role-moved-on = { $count ->
    [one] La única persona que cambió lo hizo después de
   *[other] La mayoría cambia después de
}
role-moved-to = { $count ->
    [one] a
   *[other] { $all ->
        [yes] todos a
       *[no] sobre todo a
    }
}
role-now = { $count ->
    [one] de nuestros antiguos compañeros está en este puesto ahora.
   *[other] de nuestros antiguos compañeros están en este puesto ahora.
}
role-arrived-from = Llegaron aquí desde
list-and = y
move-program = A través del <strong>{ $program }</strong>{ $duration ->
    [none] {""}
   *[other] {" "}({ $duration } meses)
}.
role-description = Historias de antiguos compañeros que pasaron por el puesto { $role }.
department-description = Historias de antiguos compañeros que pasaron por { $department }.

## La página de inicio y los filtros.

hero-eyebrow = Empleo en { $company }
hero-openings = { $count ->
    [one] Ver la vacante abierta
   *[other] Ver las { $count } vacantes abiertas
}
hero-paths = Explorar trayectorias profesionales
figure-stories = { $count ->
    [one] historia de un antiguo compañero
   *[other] historias de antiguos compañeros
}
figure-departments = { $count ->
    [one] departamento donde trabajan ahora
   *[other] departamentos donde trabajan ahora
}
figure-first-move = hasta el primer cambio, normalmente
figure-open = { $count ->
    [one] vacante abierta
   *[other] vacantes abiertas
}
hiring-now = Contratando ahora
open-count = { $count ->
    [one] { $count } abierta
   *[other] { $count } abiertas
}
featured-all = { $count ->
    [one] La única historia
   *[other] Las { $count } historias
}
filter-open = Filtrar
filter-active = { $count ->
    [one] Filtrar, 1 activo
   *[other] Filtrar, { $count } activos
}
clear-filters = Quitar filtros
show-more = Mostrar más historias
filter-heading = Filtrar historias
filter-close = Cerrar los filtros
filter-clear = Quitar
filter-show = { $count ->
    [one] Mostrar { $count } historia
   *[other] Mostrar { $count } historias
}
filter-matches = { $count ->
    [one] { $count } historia coincide
   *[other] { $count } historias coinciden
}
filter-status = { $count ->
    [one] { $count } historia coincide con tus filtros
   *[other] { $count } historias coinciden con tus filtros
}
filters-cleared = Filtros quitados: { $heading }
filter-none = Ninguna historia cumple todos estos filtros. Quita uno para ver más.
copy-done = Enlace copiado
copy-failed = No se pudo copiar: selecciona el enlace de arriba
copy-unavailable = No se puede copiar aquí: selecciona el enlace de arriba
facet-destination = Dónde están ahora
facet-department = Departamento
facet-start = Dónde empezaron
facet-first-move = Tiempo hasta el primer cambio
facet-location = Ubicación
facet-tag = Etiqueta
first-move-under-1-year = Menos de 1 año
first-move-1-2-years = 1–2 años
first-move-2-4-years = 2–4 años
first-move-4-years-or-more = 4 años o más
facet-title = { $facet }: { $value }
facet-description = Historias de antiguos compañeros filtradas por { $facet }: { $value }.
tag-title = Historias con la etiqueta “{ $tag }”
tag-description = Historias de antiguos compañeros con la etiqueta { $tag }.

## El mapa de carreras.

paths-title = Trayectorias profesionales
paths-lead = Los cambios que { $company } apoya, lo que requieren y cuántos de nuestros antiguos compañeros los hicieron.
paths-lead-anonymous = Los cambios que la empresa apoya, lo que requieren y cuántos de nuestros antiguos compañeros los hicieron.
paths-figure-alumni = <strong>{ $alumni }</strong> { $alumni ->
    [one] antiguo compañero trabaja
   *[other] antiguos compañeros trabajan
} ahora en <strong>{ $departments }</strong> { $departments ->
    [one] departamento
   *[other] departamentos
}
paths-figure-moved = <strong>{ $count }</strong> cambiaron de departamento
paths-figure-first-move = mediana hasta el primer cambio: <strong>{ $months } meses</strong>
paths-description = Adónde fueron las personas que empezaron en { $company }.
flow-heading = Dónde están ahora las personas que empezaron en cada puesto
flow-caption = Puestos de partida a la izquierda, puestos actuales a la derecha; cada banda es tan ancha como el número de personas que hizo ese recorrido.
flow-started-here = { $count ->
    [one] 1 persona empezó aquí
   *[other] { $count } personas empezaron aquí
}
people-count = { $count ->
    [one] 1 persona
   *[other] { $count } personas
}
flow-about-role = Sobre el puesto { $role }
flow-table-caption = Recorridos del puesto de partida al puesto actual
flow-started-as = Empezó como
flow-now = Ahora
flow-people = Personas
moves-heading = Cambios apoyados
roles-heading = Puestos por departamento
programs-heading = Programas

## Vacantes abiertas.

openings-title-of = Vacantes abiertas: { $name }
openings-description = Todas las vacantes abiertas en { $company }, con los antiguos compañeros que hicieron cada trabajo.
openings-description-of = Vacantes abiertas en { $company } en { $name }, con los antiguos compañeros que hicieron cada trabajo.
openings-lead = Cada vacante viene con las personas que hicieron ese trabajo antes que tú: lee cómo empezaron y adónde fueron.
openings-filter-heading = Filtrar vacantes
openings-show-all = Mostrar todas las vacantes
openings-match = { $count ->
    [one] 1 vacante abierta coincide
   *[other] { $count } vacantes abiertas coinciden
}
openings-meet = Conoce a quienes hicieron este trabajo
openings-all-stories = Las { $count } historias que pasan por este puesto
openings-none = No hay vacantes abiertas aquí ahora mismo.
openings-no-match = Ninguna vacante cumple estos filtros. Quita uno para ver más.
apply-by = inscripción hasta el
apply-default = Postularme

## El kit para compartir impreso.

kit-title = Kit para compartir: { $title }
kit-description = Una página para imprimir y compartir “{ $title }”.
kit-back = Volver a la página
kit-print = Imprimir este kit
kit-card-alt = La tarjeta para compartir de { $title }
kit-scan-story = Escanea para leer la historia
kit-scan-collection = Escanea para leer sus historias
kit-or-link = O abre este enlace:
kit-note = Reclutadores: añadid <code>?utm_source=TU-NOMBRE</code> a la dirección de esta página antes de imprimir, y el enlace y el código QR os darán el crédito.

## Tarjetas para compartir de otras páginas.

card-paths-lead = Adónde fueron las personas que empezaron en { $company }
card-paths-lead-anonymous = Adónde fueron las personas que empezaron aquí
card-in-departments = { $stories } en { $count ->
    [one] 1 departamento
   *[other] { $count } departamentos
}
collections-count = { $count ->
    [one] 1 colección
   *[other] { $count } colecciones
}
collections-description = Historias de antiguos compañeros elegidas por tema: { $names }.
