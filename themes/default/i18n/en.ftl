# The words the built-in theme prints, in English. Every other language's
# file has the same keys; a site's theme may replace any of them in
# themes/NAME/i18n/LANG.ftl. Syntax: https://projectfluent.org/fluent/guide/

## Counts and durations. Numbers choose the plural form of the language.

stories-count = { $count ->
    [one] { $count } story
   *[other] { $count } stories
}
months-count = { $count ->
    [one] 1 month
   *[other] { $count } months
}
years-count = { $count ->
    [one] 1 year
   *[other] { $count } years
}
under-a-month = under a month
# A step of a journey: $years whole years and $months more months.
duration-years-months = { $years ->
    [one] 1 year
   *[other] { $years } years
} { $months ->
    [one] 1 month
   *[other] { $months } months
}

## Dates. $year is written without grouping (2026, not 2,026).

month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
month-long = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
# "Mar 2026", a month of a journey.
date-month = { month-short } { $year }
# "1 March 2026", the day a story was published.
date-day = { $day } { month-long } { $year }

## The story page.

journey = Journey
present = present
at-a-glance = At a glance
fact-now = Now
fact-based-in = Based in
fact-first-move = First move after
fact-span = From first role to now
fact-programs = Programs used
fact-departments = Departments
tags = Tags
skills = Skills
links = Links
share-heading = Share this story
share-copy = Copy link
share-native = Share…
share-email = Email
share-kit = Printable share kit with QR code
cta-heading = Start where { $name } started
cta-started-as = { $name } started as { $role }.
cta-open-now = { $count ->
    [one] One position is open now:
   *[other] { $count } positions are open now:
}
cta-see-all = See all { $count } { $role } positions
cta-no-opening = There is no opening for this role right now, but you can apply to join us.
cta-now = { $name } is now { $role }:
cta-now-open = { $count ->
    [one] 1 open position in this role
   *[other] { $count } open positions in this role
}
cta-every-opening = Every open position
related-heading = More stories like this

## On every page.

skip-link = Skip to content
nav-label = Site
nav-stories = Stories
nav-paths = Career paths
nav-jobs = Jobs
nav-collections = Collections
footer-stories = { $count ->
    [one] 1 alumni story
   *[other] { $count } alumni stories
}
footer-feed = Atom feed
# A card: "2 years to Product Manager".
card-span = { $span } to { $role }
pages-label = Pages
newer-stories = Newer stories
older-stories = Older stories
no-stories = No stories here yet.
not-found-title = Page not found
not-found-lead = This page does not exist, or the story was taken down.
not-found-all = See all stories
not-found-or = or
not-found-paths = explore career paths

## Collections, tags, facets and departments.

collections-heading = Collections
collections-lead = Alumni stories picked by theme.
collections-lead-company = Alumni stories picked by theme by { $company }'s recruiters.
collection-faces = Some of its stories
collection-eyebrow = Collection
tag-eyebrow = Tag
facet-combine = Combine with other filters
department-eyebrow = Department
department-roles = Roles

## Role pages and the moves between roles.

role-eyebrow = Role
open-positions = Open positions
open-positions-count = { $count ->
    [one] 1 open position
   *[other] { $count } open positions
}
role-none-open = No { $role } position is open right now.
role-apply-anyway = You can still apply to join us.
role-arrivals-heading = How people got here
role-next-heading = Where people went next
role-results = { $count ->
    [one] 1 story passes through this role
   *[other] { $count } stories pass through this role
}
move-unlisted = Taken by alumni, not a listed path.
move-typical = { $months ->
    [one] Typically 1 month.
   *[other] Typically { $months } months.
}
# Follows the count of stories: "4 stories, median 18 months in role".
move-median = { $months ->
    [one] , median 1 month in role
   *[other] , median { $months } months in role
}
