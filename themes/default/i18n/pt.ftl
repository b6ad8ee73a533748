# As palavras do tema, em português europeu. Uma variante (pt-BR) pode
# substituir qualquer mensagem em themes/NAME/i18n/pt-BR.ftl.

# The language's own name, for the language switcher.
language-name = Português
languages-label = Idioma
# Between the steps of a journey, pointing the way the language reads.
arrow = →

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
alumni-stories = { $count ->
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
role-typical = { $kind ->
    [less] menos de um mês
    [one-month] cerca de um mês
    [months] cerca de { $months } meses
    [year] cerca de um ano
    [year-half] cerca de um ano e meio
    [two-years] cerca de dois anos
    [two-half-years] cerca de dois anos e meio
   *[years] cerca de { $years ->
        [3] três
        [4] quatro
        [5] cinco
        [6] seis
        [7] sete
        [8] oito
       *[other] { $years }
    } anos
}
role-moved-on = { $count ->
    [one] A única pessoa que mudou fê-lo após
   *[other] A maioria muda após
}
role-moved-to = { $count ->
    [one] para
   *[other] { $all ->
        [yes] todos para
       *[no] mais vezes para
    }
}
role-now = { $count ->
    [one] dos nossos antigos colegas está nesta função agora.
   *[other] dos nossos antigos colegas estão nesta função agora.
}
role-arrived-from = Chegaram aqui a partir de
list-and = e
move-program = Através do <strong>{ $program }</strong>{ $duration ->
    [none] {""}
   *[other] {" "}({ $duration } meses)
}.
role-description = Histórias de antigos colegas que passaram pela função { $role }.
department-description = Histórias de antigos colegas que passaram por { $department }.

## A página inicial e os filtros.

hero-eyebrow = Carreiras na { $company }
hero-openings = { $count ->
    [one] Ver a vaga aberta
   *[other] Ver as { $count } vagas abertas
}
hero-paths = Explorar percursos de carreira
figure-stories = { $count ->
    [one] história de um antigo colega
   *[other] histórias de antigos colegas
}
figure-departments = { $count ->
    [one] departamento onde trabalham agora
   *[other] departamentos onde trabalham agora
}
figure-first-move = até à primeira mudança, normalmente
figure-open = { $count ->
    [one] vaga aberta
   *[other] vagas abertas
}
hiring-now = A recrutar agora
open-count = { $count ->
    [one] { $count } aberta
   *[other] { $count } abertas
}
featured-all = { $count ->
    [one] A única história
   *[other] Todas as { $count } histórias
}
filter-open = Filtrar
filter-active = { $count ->
    [one] Filtrar, 1 ativo
   *[other] Filtrar, { $count } ativos
}
clear-filters = Limpar filtros
show-more = Mostrar mais histórias
filter-heading = Filtrar histórias
filter-close = Fechar os filtros
filter-clear = Limpar
filter-show = { $count ->
    [one] Mostrar { $count } história
   *[other] Mostrar { $count } histórias
}
filter-matches = { $count ->
    [one] { $count } história corresponde
   *[other] { $count } histórias correspondem
}
filter-status = { $count ->
    [one] { $count } história corresponde aos seus filtros
   *[other] { $count } histórias correspondem aos seus filtros
}
filters-cleared = Filtros limpos: { $heading }
filter-none = Nenhuma história corresponde a todos estes filtros. Retire um para ver mais.
copy-done = Ligação copiada
copy-failed = Não foi possível copiar: selecione a ligação acima
copy-unavailable = Não é possível copiar aqui: selecione a ligação acima
facet-destination = Onde estão agora
facet-department = Departamento
facet-start = Onde começaram
facet-first-move = Tempo até à primeira mudança
facet-location = Local
facet-tag = Etiqueta
first-move-under-1-year = Menos de 1 ano
first-move-1-2-years = 1–2 anos
first-move-2-4-years = 2–4 anos
first-move-4-years-or-more = 4 anos ou mais
facet-title = { $facet }: { $value }
facet-description = Histórias de antigos colegas filtradas por { $facet }: { $value }.
tag-title = Histórias com a etiqueta “{ $tag }”
tag-description = Histórias de antigos colegas com a etiqueta { $tag }.

## O mapa de carreiras.

paths-title = Percursos de carreira
paths-lead = As mudanças que a { $company } apoia, o que exigem e quantos dos nossos antigos colegas as fizeram.
paths-lead-anonymous = As mudanças que a empresa apoia, o que exigem e quantos dos nossos antigos colegas as fizeram.
paths-figure-alumni = <strong>{ $alumni }</strong> { $alumni ->
    [one] antigo colega trabalha
   *[other] antigos colegas trabalham
} agora em <strong>{ $departments }</strong> { $departments ->
    [one] departamento
   *[other] departamentos
}
paths-figure-moved = <strong>{ $count }</strong> mudaram de departamento
paths-figure-first-move = mediana até à primeira mudança: <strong>{ $months } meses</strong>
paths-description = Para onde foram as pessoas que começaram na { $company }.
flow-heading = Onde estão agora as pessoas que começaram em cada função
flow-caption = Funções de partida à esquerda, funções atuais à direita; cada faixa é tão larga como o número de pessoas que fez esse percurso.
flow-started-here = { $count ->
    [one] 1 pessoa começou aqui
   *[other] { $count } pessoas começaram aqui
}
people-count = { $count ->
    [one] 1 pessoa
   *[other] { $count } pessoas
}
flow-about-role = Sobre a função { $role }
flow-table-caption = Percursos da função de partida à função atual
flow-started-as = Começou como
flow-now = Agora
flow-people = Pessoas
moves-heading = Mudanças apoiadas
roles-heading = Funções por departamento
programs-heading = Programas

## Vagas abertas.

openings-title-of = Vagas abertas: { $name }
openings-description = Todas as vagas abertas na { $company }, com os antigos colegas que fizeram cada trabalho.
openings-description-of = Vagas abertas na { $company } em { $name }, com os antigos colegas que fizeram cada trabalho.
openings-lead = Cada vaga vem com as pessoas que fizeram esse trabalho antes de si: leia como começaram e para onde foram.
openings-filter-heading = Filtrar vagas
openings-show-all = Mostrar todas as vagas
openings-match = { $count ->
    [one] 1 vaga aberta corresponde
   *[other] { $count } vagas abertas correspondem
}
openings-meet = Conheça quem fez este trabalho
openings-all-stories = Todas as { $count } histórias que passam por esta função
openings-none = Não há vagas abertas aqui neste momento.
openings-no-match = Nenhuma vaga corresponde a estes filtros. Retire um para ver mais.
apply-by = candidaturas até
apply-default = Candidatar-me

## O kit de partilha para imprimir.

kit-title = Kit de partilha: { $title }
kit-description = Uma página para imprimir e partilhar “{ $title }”.
kit-back = Voltar à página
kit-print = Imprimir este kit
kit-card-alt = O cartão de partilha de { $title }
kit-scan-story = Leia o código para ler a história
kit-scan-collection = Leia o código para ler as histórias
kit-or-link = Ou abra esta ligação:
kit-note = Recrutadores: acrescentem <code>?utm_source=O-SEU-NOME</code> ao endereço desta página antes de imprimir, e a ligação e o código QR vão creditá-los.

## Cartões de partilha de outras páginas.

card-paths-lead = Para onde foram as pessoas que começaram na { $company }
card-paths-lead-anonymous = Para onde foram as pessoas que começaram aqui
card-in-departments = { $stories } em { $count ->
    [one] 1 departamento
   *[other] { $count } departamentos
}
collections-count = { $count ->
    [one] 1 coleção
   *[other] { $count } coleções
}
collections-description = Histórias de antigos colegas escolhidas por tema: { $names }.
