# As palavras do tema, em português europeu. Uma variante (pt-BR) pode
# substituir qualquer mensagem em themes/NAME/i18n/pt-BR.ftl.

## Contagens e durações.

stories-count = { $count ->
    [one] { $count } história
   *[other] { $count } histórias
}
months-count = { $count ->
    [one] 1 mês
   *[other] { $count } meses
}
years-count = { $count ->
    [one] 1 ano
   *[other] { $count } anos
}
under-a-month = menos de um mês
duration-years-months = { $years ->
    [one] 1 ano
   *[other] { $years } anos
} e { $months ->
    [one] 1 mês
   *[other] { $months } meses
}

## Datas.

month-short = { $month ->
    [1] jan.
    [2] fev.
    [3] mar.
    [4] abr.
    [5] mai.
    [6] jun.
    [7] jul.
    [8] ago.
    [9] set.
    [10] out.
    [11] nov.
   *[12] dez.
}
month-long = { $month ->
    [1] janeiro
    [2] fevereiro
    [3] março
    [4] abril
    [5] maio
    [6] junho
    [7] julho
    [8] agosto
    [9] setembro
    [10] outubro
    [11] novembro
   *[12] dezembro
}
date-month = { month-short } { $year }
date-day = { $day } de { month-long } de { $year }

## A página de uma história.

journey = Percurso
present = atualmente
at-a-glance = Em resumo
fact-now = Agora
fact-based-in = Local
fact-first-move = Primeira mudança após
fact-span = Do primeiro cargo até hoje
fact-programs = Programas
fact-departments = Departamentos
tags = Etiquetas
skills = Competências
links = Ligações
share-heading = Partilhar esta história
share-copy = Copiar ligação
share-native = Partilhar…
share-email = Email
share-kit = Kit de partilha para imprimir, com código QR
cta-heading = Comece onde { $name } começou
cta-started-as = { $name } começou como { $role }.
cta-open-now = { $count ->
    [one] Há uma vaga aberta:
   *[other] Há { $count } vagas abertas:
}
cta-see-all = Ver as { $count } vagas de { $role }
cta-no-opening = Não há vagas para esta função neste momento, mas pode candidatar-se.
cta-now = { $name } é agora { $role }:
cta-now-open = { $count ->
    [one] 1 vaga aberta nesta função
   *[other] { $count } vagas abertas nesta função
}
cta-every-opening = Todas as vagas abertas
related-heading = Mais histórias como esta

## Em todas as páginas.

skip-link = Saltar para o conteúdo
nav-label = Navegação do site
nav-stories = Histórias
nav-paths = Percursos
nav-jobs = Vagas
nav-collections = Coleções
footer-stories = { $count ->
    [one] 1 história de antigos colegas
   *[other] { $count } histórias de antigos colegas
}
footer-feed = Feed Atom
card-span = { $span } até { $role }
pages-label = Páginas
newer-stories = Histórias mais recentes
older-stories = Histórias anteriores
no-stories = Ainda não há histórias aqui.
not-found-title = Página não encontrada
not-found-lead = Esta página não existe, ou a história foi retirada.
not-found-all = Ver todas as histórias
not-found-or = ou
not-found-paths = explorar percursos de carreira

## Coleções, etiquetas, filtros e departamentos.

collections-heading = Coleções
collections-lead = Histórias escolhidas por tema.
collections-lead-company = Histórias escolhidas por tema pelos recrutadores da { $company }.
collection-faces = Algumas das suas histórias
collection-eyebrow = Coleção
tag-eyebrow = Etiqueta
facet-combine = Combinar com outros filtros
department-eyebrow = Departamento
department-roles = Funções

## Páginas de funções e mudanças entre funções.

role-eyebrow = Função
open-positions = Vagas abertas
open-positions-count = { $count ->
    [one] 1 vaga aberta
   *[other] { $count } vagas abertas
}
role-none-open = Não há vagas de { $role } abertas neste momento.
role-apply-anyway = Pode candidatar-se na mesma.
role-arrivals-heading = Como chegaram aqui
role-next-heading = Para onde foram a seguir
role-results = { $count ->
    [one] 1 história passa por esta função
   *[other] { $count } histórias passam por esta função
}
move-unlisted = Feita por antigos colegas, não é um percurso previsto.
move-typical = { $months ->
    [one] Normalmente 1 mês.
   *[other] Normalmente { $months } meses.
}
move-median = { $months ->
    [one] , mediana de 1 mês na função
   *[other] , mediana de { $months } meses na função
}
